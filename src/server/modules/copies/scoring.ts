/**
 * How alike two listings are as programs, not only as text (issue 14). An institution that makes another's
 * listing its own changes the details (schedule, place, fee, telephone), drops or adds a sentence, swaps
 * words, says the stock sentences in its own words and retitles, but keeps the course: what it teaches, and
 * usually who teaches it, for whom, how long. A different program of the same subcategory keeps every stock
 * sentence word for word but names another course. Similarity of the whole text cannot tell the two apart,
 * so a listing is compared in parts, and the parts are weighed (weights and threshold in copies.rules.ts,
 * chosen on tuning splits):
 *
 * - the body: the description's sentences without the fact lines and digits (a copier's own session count is
 *   not another course), as character 3-grams, which survive particles, endings and one-word synonyms
 *   (Jaccard similarity);
 * - the content: the same without boilerplate, the sentences a hundredth or more of the country's listings
 *   carry (learned from the listings themselves, the institution's and its dong's names masked, so
 *   "신청은 ○○ 누리집에서" is one sentence everywhere): what is left says which course it is. Compared as the
 *   share of the smaller side found in the other, so sentences a copier adds, or stock sentences it says
 *   in its own words (which are rare, so content), do not hide what it kept; weighed again between listings
 *   naming the same instructor, where it tells a copy from another course the instructor teaches;
 * - the sentences aligned: the share of one listing's sentences found one by one in the other (most of a
 *   sentence's 3-grams in one of the other's), which survives endings restyled, words swapped, clauses cut
 *   and sentences joined or added better than 3-grams of the whole body do;
 * - the title's 3-grams, the same way (a tag or a season added to a title keeps the course's name);
 * - the instructor named in the "강사:" line;
 * - the structure the catalogue records: subcategory, target groups, hours a session, number of sessions.
 *
 * The fact lines (일정, 장소, 수강료, 문의) are left out: a careful copy changes them all, a lazy one keeps them.
 */
import { BOILERPLATE_SHARE, CANDIDATE_FLOORS, COPY_THRESHOLD, COPY_WEIGHTS } from './copies.rules.ts';
import { BINS, canonicalCodes, candidatePairs, fmix32, jaccard, overlap, shinglesOf, signature, type CandidateStats } from './minhash.ts';

/** The lines that state the facts, as catalogues print them ("강사: …", "일정: …"). */
const FACT_LABEL = /^(강사|일정|장소|수강료|문의)\s*:/;
const PIECES = /(?<=[.!?])\s+|\s+(?=(?:강사|일정|장소|수강료|문의)\s*:)/;

/** What the catalogue records about a program besides its text. */
export interface ListingStructure {
  area: string;
  subcategory: string;
  targetGroups: readonly string[];
  sessionCount: number;
  totalHours: number;
}

/** A listing as detection reads it: its text, its structure when known, and the names its own text may carry. */
export interface ListingText {
  title: string;
  description: string;
  structure?: ListingStructure | null;
  /** The institution's and its dong's names: masked when telling boilerplate, so each institution's copy of a stock sentence is one sentence. */
  ownNames?: readonly string[];
}

export interface ListingParts {
  title: string;
  /** The description's sentences, fact lines left out. */
  sentences: string[];
  /** The instructor's name as the "강사:" line gives it, or '' when the listing names none. */
  instructor: string;
}

export function listingParts(listing: { title: string; description: string }): ListingParts {
  const sentences: string[] = [];
  let instructor = '';
  for (const piece of listing.description.split(PIECES)) {
    const label = FACT_LABEL.exec(piece)?.[1];
    if (!label) sentences.push(piece);
    else if (label === '강사') instructor = piece.slice(piece.indexOf(':') + 1).trim().split(/[\s(]/)[0] ?? '';
  }
  return { title: listing.title, sentences, instructor };
}

/** What the MinHash signature is computed on: the title and the body (the parts a copy keeps most of). */
export const fingerprintText = (parts: ListingParts) => `${parts.title}\n${parts.sentences.join(' ')}`;

const fnv = (codes: ArrayLike<number>) => {
  let h = 0x811c9dc5;
  for (let k = 0; k < codes.length; k++) h = fmix32(Math.imul(h ^ codes[k]!, 0x01000193));
  return h;
};

/** The instructor as a 32-bit key (0: none named), for finding listings that name the same one. */
export function instructorKey(instructor: string): number {
  if (instructor === '') return 0;
  const h = fnv(Array.from(instructor, (c) => c.charCodeAt(0)));
  return (h | 0) === 0 ? 1 : h | 0;
}

const withoutDigits = (codes: Uint16Array) => codes.filter((c) => c < 0x30 || c > 0x39);

/** A sentence's key for telling boilerplate: its letters without digits, the listing's own names masked. */
export function sentenceKey(sentence: string, ownNames: readonly string[] = []): number {
  let text = sentence;
  for (const name of ownNames) if (name.length > 1) text = text.split(name).join('\u0000');
  return fnv(withoutDigits(canonicalCodes(text)));
}

/** Most listings to read when learning the boilerplate: a sample this large finds every sentence a hundredth of listings carry. */
export const BOILERPLATE_SAMPLE = 20_000;

/**
 * The boilerplate of a set of listings (a sample of the country's): the keys of sentences that at least
 * BOILERPLATE_SHARE of them carry, and never fewer than 5.
 */
export function learnBoilerplate(listings: readonly ListingText[]): Set<number> {
  const counts = new Map<number, number>();
  for (const listing of listings) {
    const keys = new Set(listingParts(listing).sentences.map((s) => sentenceKey(s, listing.ownNames)));
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const least = Math.max(5, Math.ceil(listings.length * BOILERPLATE_SHARE));
  return new Set([...counts].filter(([, n]) => n >= least).map(([key]) => key));
}

/** Sentences shorter than this many 3-grams are not compared alone (one word says nothing). */
const SHORTEST_SENTENCE = 4;

export interface ListingProfile {
  /** Sorted distinct 3-gram hashes of the title. */
  title: Uint32Array;
  /** Sorted distinct 3-gram hashes of the body, digits left out. */
  body: Uint32Array;
  /** The same without boilerplate sentences. */
  content: Uint32Array;
  /** Each body sentence's 3-gram hashes (digits left out), in order; those too short to compare alone left out. */
  sentences: Uint32Array[];
  instructor: string;
  structure: ListingStructure | null;
}

const shinglesOfText = (text: string) => shinglesOf(withoutDigits(canonicalCodes(text)));

export function profile(listing: ListingText, boilerplate: ReadonlySet<number>, parts = listingParts(listing)): ListingProfile {
  return {
    title: shinglesOf(canonicalCodes(parts.title)),
    body: shinglesOfText(parts.sentences.join(' ')),
    content: shinglesOfText(parts.sentences.filter((s) => !boilerplate.has(sentenceKey(s, listing.ownNames))).join(' ')),
    // Kept once per listing, not filtered again for every pair it is compared in (the national run's hot path).
    sentences: parts.sentences.map(shinglesOfText).filter((sentence) => sentence.length >= SHORTEST_SENTENCE),
    instructor: parts.instructor,
    structure: listing.structure ?? null,
  };
}

export interface ScoreParts {
  body: number;
  /** Null when either listing is boilerplate through and through: it says nothing about which course it is. */
  content: number | null;
  title: number;
  /** 1 when both name the same instructor, 0 when they name different ones or only one does, null when neither names one. */
  instructor: number | null;
  /** The share of the structure that agrees (subcategory, target groups, hours a session, sessions), null when either is unknown. */
  structure: number | null;
  /** The share of one listing's body sentences that the other says too, in its own words or not (`sentencesFound`), the larger of the two ways. */
  sentences: number;
}

export interface ScoreWeights {
  body: number;
  content: number;
  title: number;
  /** The instructor part's weight when both name the same instructor, and when they name different ones. */
  sameInstructor: number;
  otherInstructor: number;
  structure: number;
  /** The sentence alignment's weight. */
  sentences: number;
  /**
   * The content's weight added when both name the same instructor: the instructor on another institution's
   * listing is a copy or the instructor teaching another course there, and only the course's own words
   * tell which. Listings naming different instructors do not get it: the demo's independent listings of
   * one course share the course's sentence word for word (decision 004).
   */
  sameInstructorContent: number;
}

/** How far the structures of two programs agree, 0 to 1: each of four facts counts a quarter. */
export function structureAgreement(a: ListingStructure, b: ListingStructure): number {
  const sameGroups = a.targetGroups.length === b.targetGroups.length && a.targetGroups.every((g) => b.targetGroups.includes(g));
  const perSession = (s: ListingStructure) => (s.sessionCount > 0 ? s.totalHours / s.sessionCount : 0);
  const sessions = Math.min(a.sessionCount, b.sessionCount) / Math.max(a.sessionCount, b.sessionCount, 1);
  return ((a.subcategory === b.subcategory ? 1 : 0) + (sameGroups ? 1 : 0) + (Math.abs(perSession(a) - perSession(b)) <= 0.25 ? 1 : 0) + sessions) / 4;
}

/**
 * A sentence of one listing is found in another when most of the smaller of it and one of the other's
 * sentences is in the larger: endings restyled, words swapped, a clause cut or two sentences joined
 * still leave that much, and another sentence of the same template does not (measured on the tuning splits).
 */
export const SENTENCE_FOUND = 0.4;

/**
 * Whether two sentences are alike: SENTENCE_FOUND of the smaller one's 3-grams are in the other. Stops as soon
 * as the 3-grams left cannot reach it (most pairs of sentences share almost nothing: the national run's hot path).
 */
function alike(a: Uint32Array, b: Uint32Array): boolean {
  const need = SENTENCE_FOUND * Math.min(a.length, b.length);
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    if (both + Math.min(a.length - i, b.length - j) < need) return false;
    if (a[i] === b[j]) { both++; i++; j++; } else if (a[i]! < b[j]!) i++; else j++;
  }
  return both >= need;
}

/**
 * Sentence alignment, both ways: a copy keeps most of its source's sentences one by one, in its own words
 * or not, whatever it adds or cuts (so the larger share counts). Another course written on the source's
 * template keeps only its stock sentences; 0 when either listing has no sentence to compare. A sentence is
 * found in the other listing when it is alike one of its sentences; being alike goes both ways, so each pair
 * of sentences is compared once, and not at all when both are already found.
 */
export function sentencesFound(a: ListingProfile, b: ListingProfile): number {
  const ours = a.sentences;
  const theirs = b.sentences;
  if (ours.length === 0 || theirs.length === 0) return 0;
  const theirsFound = new Uint8Array(theirs.length);
  let oursFoundCount = 0;
  let theirsFoundCount = 0;
  for (const sentence of ours) {
    let found = false;
    for (let k = 0; k < theirs.length; k++) {
      if (found && theirsFound[k]) continue;
      if (!alike(sentence, theirs[k]!)) continue;
      found = true;
      if (!theirsFound[k]) { theirsFound[k] = 1; theirsFoundCount++; }
    }
    if (found) oursFoundCount++;
  }
  return Math.max(oursFoundCount / ours.length, theirsFoundCount / theirs.length);
}

// The parts one at a time, for the full score and for the national run's shortcut alike.
const contentPart = (a: ListingProfile, b: ListingProfile) => (a.content.length === 0 || b.content.length === 0 ? null : overlap(a.content, b.content));
const instructorPart = (a: ListingProfile, b: ListingProfile) => (a.instructor === '' && b.instructor === '' ? null : a.instructor === b.instructor ? 1 : 0);
const structurePart = (a: ListingProfile, b: ListingProfile) => (a.structure && b.structure ? structureAgreement(a.structure, b.structure) : null);

export function scoreParts(a: ListingProfile, b: ListingProfile): ScoreParts {
  return {
    body: jaccard(a.body, b.body),
    content: contentPart(a, b),
    title: overlap(a.title, b.title),
    instructor: instructorPart(a, b),
    structure: structurePart(a, b),
    sentences: sentencesFound(a, b),
  };
}

/**
 * The copy score of two listings when it reaches `threshold`, else null, for the national run's candidates (most
 * do not reach it): the sentence alignment, the costliest part, is left out when even all sentences found
 * would not reach the threshold, and parts that weigh nothing for this pair are not computed. Equal to
 * `combine(scoreParts(a, b), weights)` whenever that reaches the threshold.
 */
export function scoreReaching(a: ListingProfile, b: ListingProfile, weights: ScoreWeights, threshold: number): number | null {
  const instructor = instructorPart(a, b);
  const contentWeighs = weights.content > 0 || (instructor === 1 && weights.sameInstructorContent > 0);
  const parts: ScoreParts = {
    body: weights.body > 0 ? jaccard(a.body, b.body) : 0,
    content: contentWeighs ? contentPart(a, b) : 0,
    title: weights.title > 0 ? overlap(a.title, b.title) : 0,
    instructor,
    structure: structurePart(a, b),
    sentences: 1,
  };
  if (weights.sentences > 0 && combine(parts, weights) < threshold) return null;
  parts.sentences = weights.sentences > 0 ? sentencesFound(a, b) : 0;
  const score = combine(parts, weights);
  return score >= threshold ? score : null;
}

/**
 * The weighted mean of the parts, 0 to 1 (1 for the same listing); an instructor neither names, content or
 * a structure one side lacks, is left out, not counted as a difference. The same instructor and different
 * ones weigh apart: a copier may hire its own instructor, so a different one may say less against a copy
 * than the same one says for it.
 */
export function combine(parts: ScoreParts, weights: ScoreWeights): number {
  const instructor = parts.instructor === null ? 0 : parts.instructor === 1 ? weights.sameInstructor : weights.otherInstructor;
  const structure = parts.structure === null ? 0 : weights.structure;
  const content = parts.content === null ? 0 : weights.content + (parts.instructor === 1 ? weights.sameInstructorContent : 0);
  const total = weights.body + content + weights.title + instructor + structure + weights.sentences;
  if (total === 0) return 0;
  return (weights.body * parts.body + content * (parts.content ?? 0) + weights.title * parts.title
    + instructor * (parts.instructor ?? 0) + structure * (parts.structure ?? 0) + weights.sentences * parts.sentences) / total;
}

export interface ScoredPair {
  /** Indexes of the two listings, i < j. */
  i: number;
  j: number;
  parts: ScoreParts;
}

/**
 * The whole detection on listings held in memory, as the national run does it on stored fingerprints:
 * signatures of the title and body, candidates (LSH, same instructor), the boilerplate learned from the
 * listings, each candidate scored in parts. For the benchmark and tests; `nearCopies` keeps those reaching a threshold.
 */
export function scoredCandidates(
  listings: readonly ListingText[], groups: ArrayLike<number>, floors: { lsh: number; fine: number; keyed: number } = CANDIDATE_FLOORS,
): { pairs: ScoredPair[]; stats: CandidateStats } {
  const parts = listings.map(listingParts);
  const signatures = new Uint32Array(listings.length * BINS);
  parts.forEach((p, i) => signatures.set(signature(fingerprintText(p)), i * BINS));
  const boilerplate = learnBoilerplate(listings.length <= BOILERPLATE_SAMPLE ? listings : listings.filter((_, k) => k % Math.ceil(listings.length / BOILERPLATE_SAMPLE) === 0));
  const profiles = new Map<number, ListingProfile>();
  const profileOf = (i: number) => profiles.get(i) ?? profiles.set(i, profile(listings[i]!, boilerplate, parts[i]!)).get(i)!;
  const pairs: ScoredPair[] = [];
  const stats = candidatePairs(signatures, groups, parts.map((p) => instructorKey(p.instructor)), floors, (i, j) => {
    pairs.push({ i, j, parts: scoreParts(profileOf(i), profileOf(j)) });
  });
  return { pairs, stats };
}

export function nearCopies(
  listings: readonly ListingText[], groups: ArrayLike<number>, threshold = COPY_THRESHOLD, weights = COPY_WEIGHTS,
): { i: number; j: number; similarity: number }[] {
  return scoredCandidates(listings, groups).pairs
    .map(({ i, j, parts }) => ({ i, j, similarity: combine(parts, weights) }))
    .filter((p) => p.similarity >= threshold);
}
