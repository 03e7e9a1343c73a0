/**
 * The held-out set of copy detection, edition 4 (bench/copies-heldout.ts; bench/copies-sets.ts; checked once by
 * `npm run bench -- copies`): the set is what it says (deterministic, every copy made another institution's
 * own and edited several ways at once, each kind of hard negative another course made as described), and its
 * scoring tells a right detector from broken ones. The detector is used only as a black box at the end.
 */
import { describe, expect, it } from 'vitest';
import { BULLETS, HEADERS, heldOutCopyEdits, paraphrases, heldOutNegativeKinds, heldOutSet } from '../../../../bench/copies-heldout.ts';
import { descriptionBody, setQuality } from '../../../../bench/copies-sets.ts';
import { COPY_THRESHOLD } from './copies.rules.ts';
import { detectedPairs, generatedListings, partsOf, rightAndFlagging } from '../../../../tests/support/copy-sets.ts';

/** A labelled line's value ("일정", "강사"…), as the listing states it. */
const line = (description: string, label: string) => description.split(` ${label}:`)[1]?.split(/ (?:강사|일정|장소|수강료|문의):/)[0]?.trim();
/** The words of a listing's text before its labelled lines, without list markers and sentence ends. */
const words = (description: string) => new Set(description.split(/ (?=강사:|일정:)/)[0]!.replace(/[■▶○.]|(?:^| )- /g, ' ').split(/\s+/).filter((w) => w.length > 1));

describe('the held-out set of copy detection (edition 4)', () => {
  const base = generatedListings(1500);
  const set = heldOutSet(base, { copies: 150, negatives: 150 });
  const { byId, copies, negatives } = partsOf(base, set);
  const noPlants = new Map<number, number>();
  const withEdit = (edit: string) => copies.filter((c) => c.edits.includes(edit));

  it('makes each copy another institution’s own, edited three to five ways at once, the same for the same seed', () => {
    expect(heldOutSet(base, { copies: 150, negatives: 150 })).toEqual(set);
    expect(heldOutSet(base, { copies: 150, negatives: 150 }, 1)).not.toEqual(set);
    expect(copies).toHaveLength(150);
    for (const copy of copies) {
      const source = byId.get(copy.of)!;
      const edits = copy.edits.filter((e) => (heldOutCopyEdits as readonly string[]).includes(e));
      expect(edits.length).toBeGreaterThanOrEqual(3);
      expect(edits.length).toBeLessThanOrEqual(5);
      // Its own details: schedule, place and telephone are another's, and the source's name and dong are gone.
      for (const label of ['일정', '장소', '문의']) expect(line(copy.description, label), label).not.toBe(line(source.description, label));
      expect(copy.description).not.toContain('평생학습센터');
      expect(copy.description).not.toContain('철산동');
      expect(copy.structure.subcategory).toBe(source.structure.subcategory);
      expect(copy.structure.sessionCount).toBeGreaterThan(0);
      // Still the source's listing: most of its words are there.
      const theirs = words(source.description);
      expect([...theirs].filter((w) => words(copy.description).has(w)).length / theirs.size, `${copy.id}`).toBeGreaterThan(0.4);
    }
    // Every kind of edit comes up in many copies, and about one in four hires its own instructor.
    for (const edit of heldOutCopyEdits) expect(withEdit(edit).length, edit).toBeGreaterThan(35);
    const ownInstructor = withEdit('own-instructor');
    expect(ownInstructor.length).toBeGreaterThan(20);
    expect(ownInstructor.length).toBeLessThan(60);
    for (const copy of copies) {
      expect(line(copy.description, '강사') === line(byId.get(copy.of)!.description, '강사'), `${copy.id}`).toBe(!copy.edits.includes('own-instructor'));
    }
    expect(new Set(set.map((l) => l.institutionId)).size).toBe(set.length);
    expect(set.every((l) => l.id < 0 && l.institutionId < 0)).toBe(true);
    expect(new Set(set.map((l) => l.id)).size).toBe(set.length);
  });

  it('does to each copy what its edits say', () => {
    const count = (text: string, marker: string) => text.split(marker).length - 1;
    // The text before the labelled lines, without a notice header, as sentences and list items.
    const items = (text: string) => HEADERS.reduce((t, h) => (t.startsWith(h) ? t.slice(h.length) : t), text.split(/ (?=강사:|일정:)/)[0]!)
      .split(/(?<=\.) | ?(?:^|\s)(?:[■▶○]|-) /).map((s) => s.trim()).filter((s) => s.length > 0);
    // A sentence's longest part between the names of the listings' institutions and dong: a copy names itself there.
    const part = (s: string) => s.replace(/\.$/, '').split(/기관\d+ 평생학습센터|철산동/).sort((a, b) => b.length - a.length)[0]!;
    for (const copy of copies) {
      const source = byId.get(copy.of)!;
      const has = (edit: string) => copy.edits.includes(edit);
      expect(BULLETS.some((b) => count(` ${copy.description}`, ` ${b}`) >= 2), `bullets ${copy.id}`).toBe(has('bullets'));
      expect(HEADERS.some((h) => copy.description.startsWith(h)), `header ${copy.id}`).toBe(has('notice-header'));
      expect(/총 \d+회/.test(copy.description), `numerals ${copy.id}`).toBe(!has('numerals'));
      expect(copy.title === source.title, `title ${copy.id}`).toBe(!has('title-tag'));
      // A copy in another register ends few of its sentences in 합니다체, where the source ends most so.
      const formal = (text: string) => items(text).filter((s) => /니다\.?$/.test(s)).length / items(text).length;
      expect(formal(source.description)).toBeGreaterThan(0.75);
      if (has('register')) expect(formal(copy.description), `register ${copy.id}`).toBeLessThan(0.5);
      else expect(formal(copy.description), `no register ${copy.id}`).toBeGreaterThan(0.6);
      // The copier's introduction comes first and names it, as its place line does.
      const copier = line(copy.description, '장소')!.split(' ').slice(0, 2).join(' ');
      if (has('own-intro')) expect(items(copy.description)[0], `intro ${copy.id}`).toContain(copier);
      // The first or the last sentence of the source is left out.
      const first = items(source.description)[0]!;
      const last = items(source.description).at(-1)!;
      if (has('drop-end') && !['paraphrase', 'register', 'spacing-typos', 'numerals'].some(has)) {
        expect([first, last].filter((s) => copy.description.includes(part(s))).length, `drop-end ${copy.id}`).toBe(1);
      }
      // Course sentences paraphrased: the copy says some of them in the table's words (where no later edit rewrites those).
      const paraphrased = paraphrases.filter(([from, to]) => !source.description.includes(to) && copy.description.includes(to) && source.description.includes(from));
      if (!has('register') && !has('spacing-typos')) expect(paraphrased.length > 0, `paraphrase ${copy.id}`).toBe(has('paraphrase'));
      // Merged: a sentence of another listing of the subcategory that is not the source's (where no edit rewrites sentences).
      if (!['paraphrase', 'register', 'spacing-typos', 'numerals'].some(has)) {
        const own = items(source.description).map(part);
        const others = [...new Set(base.filter((l) => l.subcategory === source.subcategory && l.id !== source.id).flatMap((l) => items(l.description).map(part)))]
          .filter((p) => p.length > 10 && !own.includes(p));
        const merged = items(copy.description).filter((s) => !own.some((p) => s.includes(p)) && others.some((p) => s.includes(p)));
        expect(merged.length > 0, `merge ${copy.id}`).toBe(has('merge'));
      }
      // Spacing slips and typos lose words of the source where nothing else rewrites or drops any.
      if (!['paraphrase', 'register', 'numerals', 'drop-end'].some(has)) {
        const mine = words(copy.description);
        const lost = [...words(source.description)].filter((w) => !/\d|기관|평생학습센터|철산동/.test(w) && !mine.has(w));
        expect(lost.length > 0, `spacing-typos ${copy.id}: ${lost.join(' ')}`).toBe(has('spacing-typos'));
      }
    }
  });

  it('makes each kind of hard negative: another course on the source’s stock, its instructor, its title, its layout', () => {
    expect(negatives.length).toBe(150);
    for (const kind of heldOutNegativeKinds) expect(negatives.filter((n) => n.edits[0] === kind).length, kind).toBeGreaterThan(20);
    for (const negative of negatives) {
      const source = byId.get(negative.of)!;
      const kind = negative.edits[0];
      const sentences = descriptionBody(source.description).split(/(?<=\.) /);
      // Another course: the source's own course sentence (its detail, the catalogue's second) is not in it.
      expect(negative.description, `${negative.id}`).not.toContain(sentences[1]!.replace(/\.$/, ''));
      expect(negative.description).not.toContain('평생학습센터');
      for (const label of ['일정', '장소', '문의']) expect(line(negative.description, label), label).not.toBe(line(source.description, label));
      expect(negative.title === source.title, `title ${negative.id}`).toBe(kind === 'borrowed-title');
      expect(line(negative.description, '강사') === line(source.description, '강사'), `instructor ${negative.id}`).toBe(kind === 'instructor-other-course');
      const kept = sentences.slice(3).filter((s) => negative.description.includes(s.replace(/\.$/, ''))).length;
      if (kind === 'same-stock-course') expect(kept, `stock ${negative.id}`).toBeGreaterThanOrEqual(1);
      if (kind === 'formatted-sibling') {
        expect(BULLETS.some((b) => negative.description.includes(` ${b}`) || negative.description.startsWith(b)) || HEADERS.some((h) => negative.description.startsWith(h))
          || /총 [가-힣]+ 번/.test(negative.description) || /(?:해요|함)\. /.test(negative.description) || negative.title.includes(' ('), `layout ${negative.id}`).toBe(true);
      }
    }
  });

  it('scores a detector that finds exactly the copies 1 and 1, and one that also flags the negatives below 0.95 precision', () => {
    const { right, flagging: quality } = rightAndFlagging(set);
    expect(right).toMatchObject({ precision: 1, recall: 1, negativesFlagged: 0, wrong: 0 });
    expect(quality).toMatchObject({ recall: 1, negativesFlagged: negatives.length, wrong: negatives.length });
    expect(quality.precision).toBeLessThan(0.95);
    for (const kind of heldOutNegativeKinds) expect(quality.negativesFlaggedByKind[kind], kind).toBeGreaterThan(20);
    for (const edit of heldOutCopyEdits) expect(quality.recallByEdit[edit], edit).toBe(1);
  });

  it('fails a detector whose threshold is set too high, where the run finds copies the check accepts as such', () => {
    const run = (threshold: number) => detectedPairs(base, set, threshold);
    const broken = setQuality(set, run(0.99), noPlants);
    expect(broken.recall).toBeLessThan(0.95);
    expect(setQuality(set, run(COPY_THRESHOLD), noPlants).recall).toBeGreaterThan(broken.recall!);
  });
});
