/**
 * How alike two listings are as programs, not only as text (issue 14). An institution that makes another's
 * listing its own changes the details (schedule, place, fee, telephone), drops or adds a sentence, swaps
 * words and retitles, but keeps the course and, usually, the instructor who brings it; a different program
 * of the same subcategory keeps every stock sentence word for word but names another course and another
 * instructor. Jaccard similarity of the whole text cannot tell the two apart, so a listing is compared in
 * parts, and the parts are weighed (weights and threshold in copies.rules.ts, chosen on a tuning split):
 *
 * - the description's sentences without the fact lines and without digits (a copier's own session count
 *   is not another course): Jaccard similarity of character 3-grams, which survive particles, endings and
 *   one-word synonyms better than word shingles;
 * - the title's 3-grams;
 * - the instructor named in the "강사:" line.
 *
 * The fact lines (일정, 장소, 수강료, 문의) are left out: a careful copy changes them all, a lazy one keeps them.
 */
import { COPY_THRESHOLD, COPY_WEIGHTS, SAME_INSTRUCTOR_FLOOR } from './copies.rules.ts';
import { BINS, ESTIMATE_MARGIN, canonicalCodes, candidatePairs, fmix32, jaccard, shinglesOf, signature, type CandidateStats } from './minhash.ts';

/** The lines that state the facts, as catalogues print them ("강사: …", "일정: …"). */
const FACT_LABEL = /^(강사|일정|장소|수강료|문의)\s*:/;
const PIECES = /(?<=[.!?])\s+|\s+(?=(?:강사|일정|장소|수강료|문의)\s*:)/;

export interface ListingParts {
  title: string;
  /** The description's sentences, fact lines left out. */
  body: string;
  /** The instructor's name as the "강사:" line gives it, or '' when the listing names none. */
  instructor: string;
}

export function listingParts(listing: { title: string; description: string }): ListingParts {
  const body: string[] = [];
  let instructor = '';
  for (const piece of listing.description.split(PIECES)) {
    const label = FACT_LABEL.exec(piece)?.[1];
    if (!label) body.push(piece);
    else if (label === '강사') instructor = piece.slice(piece.indexOf(':') + 1).trim().split(/[\s(]/)[0] ?? '';
  }
  return { title: listing.title, body: body.join(' '), instructor };
}

/** What the MinHash signature is computed on: the title and the body (the parts a copy keeps most of). */
export const fingerprintText = (parts: ListingParts) => `${parts.title}\n${parts.body}`;

/** The instructor as a 32-bit key (0: none named), for finding listings that name the same one. */
export function instructorKey(instructor: string): number {
  if (instructor === '') return 0;
  let h = 0x811c9dc5;
  for (let k = 0; k < instructor.length; k++) h = fmix32(Math.imul(h ^ instructor.charCodeAt(k), 0x01000193));
  return (h | 0) === 0 ? 1 : h | 0;
}

export interface ListingProfile {
  /** Sorted distinct 3-gram hashes of the title. */
  title: Uint32Array;
  /** Sorted distinct 3-gram hashes of the body, digits left out. */
  body: Uint32Array;
  instructor: string;
}

const withoutDigits = (codes: Uint16Array) => codes.filter((c) => c < 0x30 || c > 0x39);

export function profile(parts: ListingParts): ListingProfile {
  return {
    title: shinglesOf(canonicalCodes(parts.title)),
    body: shinglesOf(withoutDigits(canonicalCodes(parts.body))),
    instructor: parts.instructor,
  };
}

export interface ScoreParts {
  body: number;
  title: number;
  /** 1 when both name the same instructor, 0 when they name different ones or only one does, null when neither names one. */
  instructor: number | null;
}

export interface ScoreWeights {
  body: number;
  title: number;
  instructor: number;
}

export function scoreParts(a: ListingProfile, b: ListingProfile): ScoreParts {
  return {
    body: jaccard(a.body, b.body),
    title: jaccard(a.title, b.title),
    instructor: a.instructor === '' && b.instructor === '' ? null : a.instructor === b.instructor ? 1 : 0,
  };
}

/** The weighted mean of the parts, 0 to 1 (1 for the same listing); an instructor neither names is left out, not counted as a difference. */
export function combine(parts: ScoreParts, weights: ScoreWeights): number {
  const instructor = parts.instructor === null ? 0 : weights.instructor;
  return (weights.body * parts.body + weights.title * parts.title + instructor * (parts.instructor ?? 0)) / (weights.body + weights.title + instructor);
}

/**
 * The lowest body similarity a pair can have and still reach `threshold` when its titles agree but its
 * instructors do not: below it, only a shared instructor can make a copy. Candidates from MinHash need
 * only reach this (less the estimate's margin); the others come from the instructor (minhash.ts).
 */
export function bodyFloor(weights: ScoreWeights, threshold: number): number {
  const total = weights.body + weights.title + weights.instructor;
  return Math.max(0, (threshold * total - weights.title) / weights.body);
}

export interface ScoredPair {
  /** Indexes of the two listings, i < j. */
  i: number;
  j: number;
  parts: ScoreParts;
}

/** The candidate floors of a threshold: MinHash pairs that could reach it without a shared instructor, and those naming the same one. */
export const floorsFor = (weights: ScoreWeights, threshold: number, sameInstructor: number) => ({
  lsh: Math.max(0, bodyFloor(weights, threshold) - ESTIMATE_MARGIN), keyed: sameInstructor,
});

/**
 * The whole detection on listings held in memory, as the national run does it on stored fingerprints:
 * signatures of the title and body, candidates (LSH, same instructor), each scored in parts. For the
 * benchmark and tests; `nearCopies` keeps those reaching a threshold.
 */
export function scoredCandidates(
  listings: readonly { title: string; description: string }[], groups: ArrayLike<number>, floors: { lsh: number; keyed: number },
): { pairs: ScoredPair[]; stats: CandidateStats } {
  const parts = listings.map(listingParts);
  const signatures = new Uint32Array(listings.length * BINS);
  parts.forEach((p, i) => signatures.set(signature(fingerprintText(p)), i * BINS));
  const profiles = new Map<number, ListingProfile>();
  const profileOf = (i: number) => profiles.get(i) ?? profiles.set(i, profile(parts[i]!)).get(i)!;
  const pairs: ScoredPair[] = [];
  const stats = candidatePairs(signatures, groups, parts.map((p) => instructorKey(p.instructor)), floors, (i, j) => {
    pairs.push({ i, j, parts: scoreParts(profileOf(i), profileOf(j)) });
  });
  return { pairs, stats };
}

export function nearCopies(
  listings: readonly { title: string; description: string }[], groups: ArrayLike<number>,
  threshold = COPY_THRESHOLD, weights = COPY_WEIGHTS,
): { i: number; j: number; similarity: number }[] {
  return scoredCandidates(listings, groups, floorsFor(weights, threshold, SAME_INSTRUCTOR_FLOOR)).pairs
    .map(({ i, j, parts }) => ({ i, j, similarity: combine(parts, weights) }))
    .filter((p) => p.similarity >= threshold);
}
