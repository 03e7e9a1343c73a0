/**
 * What the tests of copy detection's evaluation sets share (bench/copies-tuning-third.ts, bench/copies-heldout.ts):
 * listings written the way the generator writes them, to make a set from, and a run of the production detector
 * over them and a set (a black box: the tests check the set's scoring, not the detector).
 */
import { Random } from '../../src/shared/lib/random.ts';
import { composeProgram, factLines, pickSubcategory } from '../../db/seed/compose.ts';
import { setQuality, type SetListing, type SourceListing } from '../../bench/copies-sets.ts';
import { nearCopies } from '../../src/server/modules/copies/scoring.ts';

/** Listings as the generator writes them (content from the catalogue, then their own facts), 40 institutions in 철산동. */
export function generatedListings(count: number): SourceListing[] {
  const random = new Random(14);
  return Array.from({ length: count }, (_, n) => {
    const institutionName = `기관${n % 40} 평생학습센터`;
    const p = composeProgram(random, pickSubcategory(random, 'lifelong_learning_centre'), { dongName: '철산동', institutionName, online: false });
    const facts = factLines({
      startsOn: `2027-0${random.int(1, 9)}-1${random.int(0, 9)}`, weekdays: '화·목', startTime: '10:00', endTime: '12:00', sessions: p.sessions,
      place: `${institutionName} 강의실`, feeKrw: random.pick([0, 30000]), phone: `02-${random.int(200, 989)}-${random.int(1000, 9999)}`,
    });
    return {
      id: n + 1, institutionId: n % 40, title: p.title, description: [...p.sentences, ...facts].join(' '), subcategory: p.subcategory,
      structure: { area: p.area, subcategory: p.subcategory, targetGroups: p.targetGroups, sessionCount: p.sessions, totalHours: p.sessions * p.hoursPerSession },
      ownNames: [institutionName, '철산동'],
    };
  });
}

/** The pairs the production detector finds at `threshold` among the listings and the set's listings together. */
export function detectedPairs(listings: readonly SourceListing[], set: readonly SetListing[], threshold: number) {
  const everyone = [...listings, ...set];
  return nearCopies(everyone, everyone.map((l) => l.institutionId), threshold).map(({ i, j }) => [everyone[i]!.id, everyone[j]!.id] as const);
}

/** A set's copies and negatives, and the listings it was made from by id. */
export function partsOf(listings: readonly SourceListing[], set: readonly SetListing[]) {
  return {
    byId: new Map(listings.map((l) => [l.id, l])),
    copies: set.filter((l) => l.kind === 'copy'),
    negatives: set.filter((l) => l.kind === 'negative'),
  };
}

/** The set's scoring of a detector that finds exactly its copies, and of one that also flags every negative with its source. */
export function rightAndFlagging(set: readonly SetListing[]) {
  const { copies, negatives } = partsOf([], set);
  const right = copies.map((l) => [l.id, l.of] as const);
  return {
    right: setQuality(set, right, new Map()),
    flagging: setQuality(set, [...right, ...negatives.map((l) => [l.of, l.id] as const)], new Map()),
  };
}
