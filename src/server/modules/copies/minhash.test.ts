import { describe, expect, it } from 'vitest';
import { Random } from '../../../shared/lib/random.ts';
import { composeProgram, copyListing, factLines, pickSubcategory, type CopyKind } from '../../../../db/seed/compose.ts';
import { BANDS, BINS, FINE_ROWS, MAX_KEY_GROUP, ROWS, canonicalCodes, candidatePairs, estimate, jaccard, likelyPairs, sameKeyPairs, shingleSet, signature, similarity } from './minhash.ts';
import { nearCopies } from './scoring.ts';
import { COPY_THRESHOLD } from './copies.rules.ts';

interface Listing {
  id: number;
  institutionId: number;
  title: string;
  description: string;
}

/** What a detection run finds among listings held in memory, as pairs of their ids. */
const findCopies = (listings: readonly Listing[], threshold: number) =>
  nearCopies(listings, listings.map((l) => l.institutionId), threshold)
    .map(({ i, j, similarity: s }) => ({ a: listings[i]!.id, b: listings[j]!.id, similarity: s }));

describe('near-duplicate detection', () => {
  const random = new Random(11);
  const dongs = ['철산동', '하안1동', '연향동', '조곡동', '상록동', '중앙동', '원미동', '해운대동'];

  /** A listing as the generator writes it: content from the catalogue, then its own facts. */
  const listing = (institution: number) => {
    const context = { dongName: random.pick(dongs), institutionName: `기관${institution} 평생학습센터`, online: false };
    const p = composeProgram(random, pickSubcategory(random, 'lifelong_learning_centre'), context);
    const sentences = [...p.sentences, ...factLines({
      startsOn: `2027-0${random.int(1, 9)}-${String(random.int(10, 28))}`, weekdays: random.pick(['월', '화·목', '수', '토']),
      startTime: random.pick(['10:00', '14:00', '19:00']), endTime: random.pick(['12:00', '16:00', '21:00']), sessions: p.sessions,
      place: `${context.institutionName} ${random.pick(['강의실', '다목적실', '전산실'])}`, feeKrw: random.pick([0, 30000, 50000]),
      phone: `0${random.int(31, 64)}-${random.int(200, 989)}-${random.int(1000, 9999)}`,
    })];
    return { title: p.title, sentences, context };
  };
  const text = (l: { title: string; sentences: string[] }) => `${l.title} ${l.sentences.join(' ')}`;

  it('keeps the letters and digits the Unicode classes name, lower-cased, as the regex definition does', () => {
    const definition = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    const samples = [
      ...Array.from({ length: 200 }, (_, n) => text(listing(n))),
      'ＡＢＣ１２３ Ÿ İstanbul ß ǅ ㄱㄴㄷ ㅏ 漢字 ひらがな ٣ Ⅻ ½ 𝐀𝐁 😀 \ud800x \udc00 é é',
    ];
    for (const sample of samples) expect(String.fromCharCode(...canonicalCodes(sample))).toBe(definition(sample));
  });

  it('ignores spacing and punctuation, and its estimate follows the exact similarity', () => {
    const a = listing(1);
    expect(similarity(signature(text(a)), signature(text(a).replace(/ /g, '  ').replace(/\./g, '!')))).toBe(1);
    const b = copyListing(random, a, 'edited', a.context);
    const exact = jaccard(shingleSet(text(a)), shingleSet(text(b)));
    expect(exact).toBeGreaterThan(0.7);
    expect(Math.abs(similarity(signature(text(a)), signature(text(b))) - exact)).toBeLessThan(0.2);
    expect(jaccard(shingleSet(text(a)), shingleSet(text(listing(2))))).toBeLessThan(0.5);
  });

  it('finds planted copies among generated listings with precision and recall of at least 0.95', () => {
    const listings: Listing[] = [];
    const originals: { id: number; title: string; sentences: string[]; context: ReturnType<typeof listing>['context'] }[] = [];
    const sourceOf = new Map<number, number>();
    let id = 0;
    for (let n = 0; n < 4000; n++) {
      const institution = n % 400;
      const l = listing(institution);
      listings.push({ id: ++id, institutionId: institution, title: l.title, description: l.sentences.join(' ') });
      originals.push({ id, ...l });
    }
    for (let n = 0; n < 200; n++) {
      const source = random.pick(originals);
      const copy = copyListing(random, source, random.pick<CopyKind>(['exact', 'edited', 'reordered']), source.context);
      listings.push({ id: ++id, institutionId: 1000 + n, title: copy.title, description: copy.sentences.join(' ') });
      sourceOf.set(id, source.id);
    }
    const found = findCopies(listings, COPY_THRESHOLD);
    // Two copies of one source are copies of each other too.
    const root = (x: number) => sourceOf.get(x) ?? x;
    const precision = found.filter((p) => root(p.a) === root(p.b)).length / found.length;
    const key = (a: number, b: number) => `${Math.min(a, b)}:${Math.max(a, b)}`;
    const foundKeys = new Set(found.map((p) => key(p.a, p.b)));
    const recall = [...sourceOf].filter(([copy, source]) => foundKeys.has(key(copy, source))).length / sourceOf.size;
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it.each([ROWS, FINE_ROWS])('reports every pair that shares a band (of %i rows) exactly once, and none of one institution', (rows) => {
    // Few distinct values per bin, so that many pairs share bands (some several): a brute force can list them all.
    const n = 300;
    const signatures = new Uint32Array(n * BINS).map(() => random.int(0, 1));
    const groups = Array.from({ length: n }, () => random.int(0, 20));
    const sharesBand = (i: number, j: number) => Array.from({ length: Math.floor(BINS / rows) }, (_, band) => band).some((band) =>
      Array.from({ length: rows }, (_, r) => band * rows + r).every((k) => signatures[i * BINS + k] === signatures[j * BINS + k]));
    const expected: string[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) if (groups[i] !== groups[j] && sharesBand(i, j) && estimate(signatures, i, j) >= 0.55) expected.push(`${i}:${j}`);
    }
    const reported: string[] = [];
    const stats = likelyPairs(signatures, groups, 0.55, (i, j) => reported.push(`${i}:${j}`), n, rows);
    expect(expected.length).toBeGreaterThan(100);
    expect(reported.sort()).toEqual(expected.sort());
    expect(stats).toMatchObject({ likely: expected.length, skippedBuckets: 0 });
  });

  it('meets, by the finer banding, a pair every band of the first misses, within its own floor', () => {
    // Two signatures that differ in one bin of every band of 4 rows (estimate 0.75) but agree on bins 0–2, a band of 3.
    const signatures = new Uint32Array(2 * BINS).map((_, k) => k % BINS);
    for (let k = ROWS - 1; k < BINS; k += ROWS) signatures[BINS + k] = 1000 + k;
    const first: string[] = [];
    likelyPairs(signatures, [1, 2], 0.3, (i, j) => first.push(`${i}:${j}`));
    expect(first).toEqual([]);
    const reported: string[] = [];
    const stats = candidatePairs(signatures, [1, 2], [0, 0], { lsh: 0.3, fine: 0.4, keyed: 0.25 }, (i, j) => reported.push(`${i}:${j}`));
    expect(reported).toEqual(['0:1']);
    expect(stats).toMatchObject({ likely: 0, fineAdded: 1 });
    // Below the finer banding's floor it is not a candidate.
    const none: string[] = [];
    candidatePairs(signatures, [1, 2], [0, 0], { lsh: 0.3, fine: 0.8, keyed: 0.25 }, (i, j) => none.push(`${i}:${j}`));
    expect(none).toEqual([]);
  });

  it('skips boilerplate buckets larger than the limit', () => {
    const same = signature('모든 기관이 똑같이 쓰는 안내 문구입니다. 모든 기관이 똑같이 쓰는 안내 문구입니다.');
    const signatures = new Uint32Array(5 * BINS);
    for (let i = 0; i < 5; i++) signatures.set(same, i * BINS);
    const reported: number[] = [];
    expect(likelyPairs(signatures, [1, 2, 3, 4, 5], 0.55, (i, j) => reported.push(i, j), 4)).toMatchObject({ skippedBuckets: BANDS, skippedDocuments: 5 * BANDS });
    expect(reported).toEqual([]);
  });

  it('pairs listings that share a key (their instructor) across institutions, within the estimate, skipping keys too common to mean one person', () => {
    const n = 200;
    const signatures = new Uint32Array(n * BINS).map(() => random.int(0, 3));
    const groups = Array.from({ length: n }, () => random.int(0, 30));
    const keys = Array.from({ length: n }, () => random.int(0, 15));
    const expected: string[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) if (keys[i] !== 0 && keys[i] === keys[j] && groups[i] !== groups[j] && estimate(signatures, i, j) >= 0.2) expected.push(`${i}:${j}`);
    }
    const reported: string[] = [];
    sameKeyPairs(signatures, groups, keys, 0.2, (i, j) => reported.push(`${i}:${j}`));
    expect(expected.length).toBeGreaterThan(20);
    expect(reported.sort()).toEqual(expected.sort());
    const common = Array.from({ length: MAX_KEY_GROUP + 1 }, () => 7);
    const none: number[] = [];
    sameKeyPairs(new Uint32Array(common.length * BINS), common.map((_, k) => k), common, 0, (i) => none.push(i));
    expect(none).toEqual([]);
  });

  it.each([
    { lsh: 0.3, fine: 0.4, keyed: 0.25 },
    // A finer floor below the first's: a pair may share a band of the first and still not be its candidate.
    { lsh: 0.6, fine: 0.5, keyed: 0.45 },
  ])('hands over each pair of the three stages once, from the first that meets it, without a set of pairs (floors %o)', (floors) => {
    // Few distinct values per bin, so that many pairs meet in several stages; instructors shared within small circles.
    const n = 300;
    const signatures = new Uint32Array(n * BINS).map(() => random.int(0, 1));
    const groups = Array.from({ length: n }, () => random.int(0, 20));
    const keys = Array.from({ length: n }, () => random.int(0, 30));
    // The stages by their own definitions, a set keeping the pairs seen.
    const seen = new Set<string>();
    const firstFound: string[] = [];
    const stageAdded = [0, 0, 0];
    const meet = (stage: number) => (i: number, j: number) => {
      if (seen.has(`${i}:${j}`)) return;
      seen.add(`${i}:${j}`);
      firstFound.push(`${i}:${j}`);
      stageAdded[stage]!++;
    };
    likelyPairs(signatures, groups, floors.lsh, meet(0));
    likelyPairs(signatures, groups, floors.fine, meet(1), undefined, FINE_ROWS);
    sameKeyPairs(signatures, groups, keys, floors.keyed, meet(2));
    const reported: string[] = [];
    const stats = candidatePairs(signatures, groups, keys, floors, (i, j) => reported.push(`${i}:${j}`));
    expect(stageAdded.every((count) => count > 20)).toBe(true);
    expect(reported).toEqual(firstFound);
    expect(stats).toMatchObject({ likely: stageAdded[0], fineAdded: stageAdded[1], keyedAdded: stageAdded[2] });
  });

  it('hands each candidate pair over once when both bandings and the instructor find it', () => {
    const same = signature('같은 강좌 소개 문장입니다. 같은 강사가 가르칩니다.');
    const signatures = new Uint32Array(3 * BINS);
    for (let i = 0; i < 3; i++) signatures.set(same, i * BINS);
    const reported: string[] = [];
    const stats = candidatePairs(signatures, [1, 2, 3], [5, 5, 0], { lsh: 0.5, fine: 0.5, keyed: 0.2 }, (i, j) => reported.push(`${i}:${j}`));
    expect(reported.sort()).toEqual(['0:1', '0:2', '1:2']);
    expect(stats).toMatchObject({ fineAdded: 0, keyedCompared: 1, keyedAdded: 0 });
  });
});
