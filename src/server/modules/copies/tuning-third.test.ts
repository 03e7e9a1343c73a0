/**
 * The third tuning split of copy detection (bench/copies-tuning-third.ts, held out in edition 3, tuning data since;
 * bench/copies-sets.ts; reported by `npm run bench -- copies`): the set is what it says (deterministic, every copy
 * edited several ways at once, each kind of hard negative made as described), and its scoring tells a right
 * detector from broken ones.
 */
import { describe, expect, it } from 'vitest';
import { thirdCopyEdits, thirdNegativeKinds, thirdSet } from '../../../../bench/copies-tuning-third.ts';
import { descriptionBody, setQuality } from '../../../../bench/copies-sets.ts';
import { COPY_THRESHOLD } from './copies.rules.ts';
import { detectedPairs, generatedListings, partsOf, rightAndFlagging } from '../../../../tests/support/copy-sets.ts';

describe('the third tuning split of copy detection (the held-out set of edition 3)', () => {
  const base = generatedListings(1500);
  const set = thirdSet(base, { copies: 150, negatives: 150 });
  const { byId, copies, negatives } = partsOf(base, set);
  const noPlants = new Map<number, number>();

  it('edits each copy three to five ways at once besides its own details, the same for the same seed', () => {
    expect(thirdSet(base, { copies: 150, negatives: 150 })).toEqual(set);
    expect(copies).toHaveLength(150);
    for (const copy of copies) {
      const source = byId.get(copy.of)!;
      expect(copy.edits.filter((e) => (thirdCopyEdits as readonly string[]).includes(e)).length).toBeGreaterThanOrEqual(3);
      expect(copy.description).not.toBe(source.description);
      // Its own details: the schedule, place and telephone lines are another's (a fee may happen to be the same).
      for (const label of ['일정', '장소', '문의']) {
        expect(copy.description.split(` ${label}:`)[1]?.split(/ (?:강사|일정|장소|수강료|문의):/)[0], label).not.toBe(source.description.split(` ${label}:`)[1]?.split(/ (?:강사|일정|장소|수강료|문의):/)[0]);
      }
      expect(copy.structure.subcategory).toBe(source.structure.subcategory);
    }
    // Every kind of edit comes up, each in many copies, and some copies hire their own instructor.
    for (const edit of thirdCopyEdits) expect(copies.filter((c) => c.edits.includes(edit)).length, edit).toBeGreaterThan(50);
    expect(copies.filter((c) => c.edits.includes('own-instructor')).length).toBeGreaterThan(15);
    expect(new Set(set.map((l) => l.institutionId)).size).toBe(set.length);
    expect(set.every((l) => l.id < 0 && l.institutionId < 0)).toBe(true);
  });

  it('makes each kind of hard negative: siblings on the source’s template, and the source’s title taught differently', () => {
    expect(negatives.length).toBeGreaterThan(140);
    for (const kind of thirdNegativeKinds) expect(negatives.filter((n) => n.edits[0] === kind).length, kind).toBeGreaterThan(15);
    const instructor = (text: string) => /강사: (\S+)/.exec(text)?.[1];
    for (const negative of negatives) {
      const source = byId.get(negative.of)!;
      const sentences = descriptionBody(source.description).split(/(?<=\.) /);
      const kept = sentences.filter((s) => negative.description.includes(s)).length;
      if (negative.edits[0] === 'composed-same-title') {
        expect(negative.title).toBe(source.title);
        expect(descriptionBody(negative.description)).not.toBe(descriptionBody(source.description));
        expect(instructor(negative.description)).not.toBe(instructor(source.description));
      } else {
        // Another course on the source's stock sentences, word for word where they do not name the course.
        expect(negative.title).not.toBe(source.title);
        expect(kept).toBeGreaterThanOrEqual(1);
        expect(instructor(negative.description) === instructor(source.description)).toBe(negative.edits[0] === 'composed-sibling-same-instructor');
      }
    }
  });

  it('scores a detector that finds exactly the copies 1 and 1, and one that also flags the negatives below 0.95 precision', () => {
    const { right, flagging: quality } = rightAndFlagging(set);
    expect(right).toMatchObject({ precision: 1, recall: 1, negativesFlagged: 0, wrong: 0 });
    expect(quality).toMatchObject({ recall: 1, negativesFlagged: negatives.length, wrong: negatives.length });
    expect(quality.precision).toBeLessThan(0.95);
  });

  it('counts two copies of one original, and a copy of a planted copy’s source, as copies of each other', () => {
    const [a, b] = copies;
    // Listing 1 is a planted copy of a's source: a matching it is right, b matching it is not.
    const plants = new Map([[1, a!.of]]);
    expect(setQuality(set, [[a!.id, 1], [b!.id, 1]], plants)).toMatchObject({ found: 2, wrong: b!.of === a!.of ? 0 : 1 });
  });

  it('fails a detector whose threshold is set too high, where the run finds copies the check accepts as such', () => {
    const run = (threshold: number) => detectedPairs(base, set, threshold);
    const broken = setQuality(set, run(0.99), noPlants);
    expect(broken.recall).toBeLessThan(0.95);
    expect(setQuality(set, run(COPY_THRESHOLD), noPlants).recall).toBeGreaterThan(broken.recall!);
  });
});
