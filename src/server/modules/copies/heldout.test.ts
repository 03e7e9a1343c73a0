/**
 * The held-out check of copy detection (bench/copies-heldout.ts, reported by `npm run bench -- copies`):
 * the set is what it says (deterministic, every copy edited several ways at once, every negative another
 * course on its source's template), and its scoring tells a right detector from broken ones.
 */
import { describe, expect, it } from 'vitest';
import { Random } from '../../../shared/lib/random.ts';
import { composeProgram, factLines, pickSubcategory } from '../../../../db/seed/compose.ts';
import { heldOutEdits, heldOutQuality, heldOutSet, type SourceListing } from '../../../../bench/copies-heldout.ts';
import { COPY_THRESHOLD } from './copies.rules.ts';
import { nearCopies } from './scoring.ts';

/** Listings as the generator writes them (content from the catalogue, then their own facts), 40 institutions. */
function sources(count: number): SourceListing[] {
  const random = new Random(14);
  return Array.from({ length: count }, (_, n) => {
    const institutionName = `기관${n % 40} 평생학습센터`;
    const p = composeProgram(random, pickSubcategory(random, 'lifelong_learning_centre'), { dongName: '철산동', institutionName, online: false });
    const facts = factLines({
      startsOn: `2027-0${random.int(1, 9)}-1${random.int(0, 9)}`, weekdays: '화·목', startTime: '10:00', endTime: '12:00', sessions: p.sessions,
      place: `${institutionName} 강의실`, feeKrw: random.pick([0, 30000]), phone: `02-${random.int(200, 989)}-${random.int(1000, 9999)}`,
    });
    return { id: n + 1, institutionId: n % 40, title: p.title, description: [...p.sentences, ...facts].join(' '), subcategory: p.subcategory };
  });
}

describe('the held-out check of copy detection', () => {
  const base = sources(1500);
  const set = heldOutSet(base, { copies: 120, negatives: 120 });
  const byId = new Map(base.map((l) => [l.id, l]));
  const noPlants = new Map<number, number>();

  it('edits each copy several ways at once and writes each negative on its source’s template, the same for the same seed', () => {
    expect(heldOutSet(base, { copies: 120, negatives: 120 })).toEqual(set);
    const copies = set.filter((l) => l.kind === 'copy');
    const negatives = set.filter((l) => l.kind === 'negative');
    expect(copies).toHaveLength(120);
    expect(negatives).toHaveLength(120);
    for (const copy of copies) {
      expect(copy.edits).toContain('details');
      expect(copy.edits.length).toBeGreaterThanOrEqual(3);
      expect(copy.description).not.toBe(byId.get(copy.of)!.description);
    }
    // Every kind of edit comes up, each in many copies.
    for (const edit of heldOutEdits) expect(copies.filter((c) => c.edits.includes(edit)).length, edit).toBeGreaterThan(20);
    for (const negative of negatives) {
      const source = byId.get(negative.of)!;
      expect(negative.title).not.toBe(source.title);
      // Its template's stock sentences are kept word for word (but where they name the source's institution or its schedule).
      const sentences = source.description.split(' 강사:')[0]!.split(/(?<=\.) /);
      expect(sentences.filter((s) => negative.description.includes(s)).length).toBeGreaterThanOrEqual(1);
      expect(negative.description.split(' 강사:')[1]).not.toBe(source.description.split(' 강사:')[1]);
    }
    expect(new Set(set.map((l) => l.institutionId)).size).toBe(set.length);
    expect(set.every((l) => l.id < 0 && l.institutionId < 0)).toBe(true);
  });

  it('scores a detector that finds exactly the copies 1 and 1, and one that also flags the negatives below 0.95 precision', () => {
    const copies = set.filter((l) => l.kind === 'copy').map((l) => [l.id, l.of] as const);
    expect(heldOutQuality(set, copies, noPlants)).toMatchObject({ precision: 1, recall: 1, negativesFlagged: 0, wrong: 0 });
    const negatives = set.filter((l) => l.kind === 'negative').map((l) => [l.of, l.id] as const);
    const quality = heldOutQuality(set, [...copies, ...negatives], noPlants);
    expect(quality).toMatchObject({ recall: 1, negativesFlagged: 120, wrong: 120 });
    expect(quality.precision).toBeLessThan(0.95);
  });

  it('counts two copies of one original, and a held-out copy of a planted copy’s source, as copies of each other', () => {
    const [a, b] = set.filter((l) => l.kind === 'copy');
    // Listing 1 is a planted copy of a's source: a matching it is right, b matching it is not.
    const plants = new Map([[1, a!.of]]);
    expect(heldOutQuality(set, [[a!.id, 1], [b!.id, 1]], plants)).toMatchObject({ found: 2, wrong: b!.of === a!.of ? 0 : 1 });
  });

  it('fails a detector whose threshold is set too high, where the run finds copies the check accepts as such', () => {
    const everyone = [...base, ...set];
    const run = (threshold: number) => nearCopies(everyone, everyone.map((l) => l.institutionId), threshold)
      .map(({ i, j }) => [everyone[i]!.id, everyone[j]!.id] as const);
    const broken = heldOutQuality(set, run(0.99), noPlants);
    expect(broken.recall).toBeLessThan(0.95);
    // At the detector's threshold the same run finds more of them, so the check sees what a run finds.
    expect(heldOutQuality(set, run(COPY_THRESHOLD), noPlants).recall).toBeGreaterThan(broken.recall!);
  });
});
