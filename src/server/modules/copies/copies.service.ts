/**
 * Use cases of copied programs: fingerprints kept in step with the listings, the national detection run
 * (candidates from stored MinHash signatures and instructors, scored on the listing text in parts, all
 * pairs replaced), what a city or an institution sees, and the check before publishing.
 */
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type {
  CityCopySummary, CopyDetectionRun, DraftCheckBody, DraftCheckResult, DuplicationRatio,
} from '../../../shared/contracts/copies.ts';
import type { AppDb } from '../../platform/database/database.ts';
import { CANDIDATE_FLOORS as FLOORS, COPY_THRESHOLD, COPY_WEIGHTS } from './copies.rules.ts';
import * as queries from './copies.queries.ts';
import { BINS, bandHashes, candidatePairs, signature, similarity, type CandidateStats } from './minhash.ts';
import {
  BOILERPLATE_SAMPLE, combine, fingerprintText, instructorKey, learnBoilerplate, listingParts, profile, scoreParts, scoreReaching, type ListingProfile,
} from './scoring.ts';

export type Progress = (phase: string, done: number, total: number) => Promise<void> | void;
const quiet: Progress = () => {};

/** Listings read per query when fingerprinting or verifying (texts are about 1 kB each). */
const LISTING_BATCH = 2_000;
/** Batches read at the same time (the pool has connections to spare; PGlite just queues them). */
const READS_IN_FLIGHT = 3;
/** Signatures read per query when loading them all (256 bytes each). */
const SIGNATURE_BATCH = 20_000;
/** Fingerprinting this many listings at once (a new demo, an import) is a bulk load: merge the index and re-analyse after. */
const BULK_FINGERPRINTS = 1_000;
/** The check before publishing shows the few most similar listings, not every one. */
const MAX_DRAFT_MATCHES = 5;

/** How long the check before publishing trusts the boilerplate it learned (a run learns it afresh). */
const BOILERPLATE_TTL_MS = 60 * 60 * 1000;
const learned = new WeakMap<AppDb, { at: number; keys: Set<number> }>();

/** The boilerplate of the country's listings, learned from an even sample of them (scoring.ts). */
async function boilerplate(db: AppDb, fresh: boolean): Promise<Set<number>> {
  const known = learned.get(db);
  if (!fresh && known && Date.now() - known.at < BOILERPLATE_TTL_MS) return known.keys;
  const keys = learnBoilerplate(await queries.listingSample(db, BOILERPLATE_SAMPLE));
  learned.set(db, { at: Date.now(), keys });
  return keys;
}

/** Signatures are stored as 64 little-endian uint32 values. */
function encodeSignature(sig: Uint32Array): Buffer {
  const bytes = Buffer.alloc(sig.length * 4);
  sig.forEach((value, k) => bytes.writeUInt32LE(value, k * 4));
  return bytes;
}

function decodeSignature(base64: string): Uint32Array {
  const bytes = Buffer.from(base64, 'base64');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Uint32Array.from({ length: BINS }, (_, k) => view.getUint32(k * 4, true));
}

// Loading a million signatures copies their bytes straight into one Uint32Array, which reads them in the
// machine's byte order: that must be the little-endian order they were written in.
const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Reads `ids` in batches with `read` and hands each batch to `use` in order, keeping a few reads in
 * flight meanwhile: on PostgreSQL the server fetches rows (scattered heap pages) while we hash text.
 */
async function eachBatch<T>(ids: readonly number[], read: (ids: number[]) => Promise<T[]>, use: (batch: T[], done: number) => Promise<void>) {
  const pending: Promise<T[]>[] = [];
  let requested = 0;
  const readAhead = () => {
    while (pending.length < READS_IN_FLIGHT && requested < ids.length) {
      const reading = read(ids.slice(requested, requested + LISTING_BATCH));
      // Seen as handled at once: a read failing while we work on another must not crash the process;
      // it fails the loop when its turn comes.
      reading.catch(() => {});
      pending.push(reading);
      requested += LISTING_BATCH;
    }
  };
  readAhead();
  for (let done = 0; pending.length > 0;) {
    const batch = await pending.shift()!;
    readAhead();
    done = Math.min(done + LISTING_BATCH, ids.length);
    await use(batch, done);
  }
}

/** Computes and stores the fingerprints of the programs `ids` (new or changed listings). */
async function fingerprint(db: AppDb, ids: readonly number[], onProgress: Progress): Promise<void> {
  await eachBatch(ids, (batch) => queries.listings(db, batch), async (batch, done) => {
    const fingerprints = batch.map((listing) => {
      const parts = listingParts(listing);
      const sig = signature(fingerprintText(parts));
      return {
        programId: listing.id, cityCode: listing.cityCode, institutionId: listing.institutionId,
        signature: encodeSignature(sig), bands: bandHashes(sig), instructorKey: instructorKey(parts.instructor),
      };
    });
    await db.transaction(async (tx) => {
      await queries.deferBandIndexMerge(tx);
      await queries.saveFingerprints(tx, fingerprints);
    });
    await onProgress('Fingerprinting listings', done, ids.length);
  });
  if (ids.length >= BULK_FINGERPRINTS) {
    await onProgress('Indexing fingerprints', 0, 1);
    await queries.mergeBandIndex(db);
    await queries.analyze(db, 'program_fingerprints');
    await onProgress('Indexing fingerprints', 1, 1);
  }
}

/** Every detectable program's signature, in id order, in flat arrays (a million take about 300 MB). */
interface SignatureTable {
  n: number;
  ids: Int32Array;
  institutions: Int32Array;
  instructors: Int32Array;
  cities: Uint16Array;
  cityCodes: string[];
  signatures: Uint32Array;
}

/** Reads every stored signature except those of the `skipped` programs (in id order). */
async function loadSignatures(db: AppDb, skipped: readonly number[], onProgress: Progress): Promise<SignatureTable> {
  if (!littleEndian) throw new Error('Copy detection needs a little-endian machine.');
  const expected = Math.max((await queries.lastProgramId(db)) - skipped.length, 0);
  const cityIndex = new Map<string, number>();
  const table: SignatureTable = { n: 0, ids: new Int32Array(0), institutions: new Int32Array(0), instructors: new Int32Array(0), cities: new Uint16Array(0), cityCodes: [], signatures: new Uint32Array(0) };
  const reserve = (capacity: number) => {
    const grown = <T extends Int32Array | Uint16Array | Uint32Array>(old: T, make: (length: number) => T, width = 1) => {
      const array = make(capacity * width);
      array.set(old);
      return array;
    };
    table.ids = grown(table.ids, (l) => new Int32Array(l));
    table.institutions = grown(table.institutions, (l) => new Int32Array(l));
    table.instructors = grown(table.instructors, (l) => new Int32Array(l));
    table.cities = grown(table.cities, (l) => new Uint16Array(l));
    table.signatures = grown(table.signatures, (l) => new Uint32Array(l), BINS);
  };
  // Programs published while we read are welcome: the arrays grow.
  reserve(Math.max(expected, 1024));
  let bytes = new Uint8Array(table.signatures.buffer);
  let after = 0;
  let nextSkipped = 0;
  for (;;) {
    const batch = await queries.signaturesAfter(db, after, SIGNATURE_BATCH);
    if (batch.length === 0) break;
    for (const row of batch) {
      // Both lists are in id order: walk them together.
      while (nextSkipped < skipped.length && skipped[nextSkipped]! < row.programId) nextSkipped++;
      if (skipped[nextSkipped] === row.programId) continue;
      if (table.n === table.ids.length) {
        reserve(table.n * 2);
        bytes = new Uint8Array(table.signatures.buffer);
      }
      let city = cityIndex.get(row.cityCode);
      if (city === undefined) cityIndex.set(row.cityCode, (city = table.cityCodes.push(row.cityCode) - 1));
      table.ids[table.n] = row.programId;
      table.institutions[table.n] = row.institutionId;
      table.instructors[table.n] = row.instructorKey;
      table.cities[table.n] = city;
      bytes.set(Buffer.from(row.signature, 'base64'), table.n * BINS * 4);
      table.n++;
    }
    after = batch[batch.length - 1]!.programId;
    await onProgress('Reading fingerprints', table.n, Math.max(expected, table.n));
  }
  return table;
}

/** Candidate indexes (two a pair) scored between two reports of progress. */
const SCORING_STEP = 2_000_000;

/** Keeps the candidate pairs whose copy score reaches the threshold; reads each listing once. */
async function verify(db: AppDb, table: SignatureTable, likely: Int32Array, onProgress: Progress): Promise<queries.FoundPair[]> {
  const common = await boilerplate(db, true);
  const involved = new Uint8Array(table.n);
  for (const index of likely) involved[index] = 1;
  const ids: number[] = [];
  involved.forEach((flag, index) => flag && ids.push(table.ids[index]!));
  // The table is in id order, so an id's index is found by bisection.
  const indexOf = (id: number) => {
    let low = 0;
    let high = table.n - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (table.ids[middle]! < id) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const profiles = new Map<number, ListingProfile>();
  await eachBatch(ids, (batch) => queries.listings(db, batch), async (batch, done) => {
    for (const listing of batch) profiles.set(indexOf(listing.id), profile(listing, common));
    await onProgress('Verifying candidates', done, ids.length);
  });
  const pairs: queries.FoundPair[] = [];
  const candidates = likely.length / 2;
  for (let k = 0; k < likely.length; k += 2) {
    // Tens of millions of candidates nationally take minutes: the run says how far it is.
    if (k % SCORING_STEP === 0) await onProgress('Scoring candidates', k / 2, candidates);
    const i = likely[k]!;
    const j = likely[k + 1]!;
    const a = profiles.get(i);
    const b = profiles.get(j);
    // A program deleted since its signature was read has no text: no pair.
    if (!a || !b) continue;
    const s = scoreReaching(a, b, COPY_WEIGHTS, COPY_THRESHOLD);
    if (s === null) continue;
    // i < j and the table is in id order, so the first program has the smaller id, as copy_pairs wants.
    pairs.push({
      programId: table.ids[i]!, otherProgramId: table.ids[j]!, similarity: s,
      cityCode: table.cityCodes[table.cities[i]!]!, otherCityCode: table.cityCodes[table.cities[j]!]!,
      institutionId: table.institutions[i]!, otherInstitutionId: table.institutions[j]!,
    });
  }
  await onProgress('Scoring candidates', candidates, candidates);
  return pairs;
}

export interface DetectionResult {
  run: CopyDetectionRun;
  /** Programs whose fingerprint was computed first (new or changed listings). */
  fingerprinted: number;
  /** How the candidate stage went: pairs bucketed, likely pairs scored, boilerplate buckets skipped, pairs found by instructor. */
  lsh: CandidateStats;
  /** Seconds per stage. */
  stages: { fingerprints: number; read: number; compare: number; verify: number; store: number };
}

/**
 * The national detection run: every published or closed program against every other, across
 * institutions. Replaces all stored pairs and records the run.
 */
export async function detectCopies(db: AppDb, onProgress: Progress = quiet): Promise<DetectionResult> {
  const startedAt = new Date();
  let mark = performance.now();
  const lap = () => {
    const now = performance.now();
    const seconds = (now - mark) / 1000;
    mark = now;
    return seconds;
  };
  const { stale, skipped } = await queries.programsToPrepare(db);
  await fingerprint(db, stale, onProgress);
  const fingerprints = lap();
  const table = await loadSignatures(db, skipped, onProgress);
  const read = lap();
  await onProgress('Comparing fingerprints', 0, 1);
  // Indexes of the candidate pairs, two by two: tens of millions nationally, more than a JavaScript array holds.
  let likely = new Int32Array(1 << 20);
  let held = 0;
  const lsh = candidatePairs(
    table.signatures.subarray(0, table.n * BINS), table.institutions.subarray(0, table.n), table.instructors.subarray(0, table.n), FLOORS,
    (i, j) => {
      if (held + 2 > likely.length) {
        const larger = new Int32Array(likely.length * 2);
        larger.set(likely);
        likely = larger;
      }
      likely[held++] = i;
      likely[held++] = j;
    },
  );
  await onProgress('Comparing fingerprints', 1, 1);
  const compare = lap();
  // Stored in id order: each insert's foreign-key checks then visit the programs' pages in order, not at random
  // (a national run's 167,547 pairs took 12.9 s in random order, 7.7 s sorted, on warm pages).
  const pairs = (await verify(db, table, likely.subarray(0, held), onProgress))
    .sort((a, b) => a.programId - b.programId || a.otherProgramId - b.otherProgramId);
  const verifySeconds = lap();
  await onProgress('Storing pairs', 0, 1);
  const run = await db.transaction(async (tx) => {
    await queries.replacePairs(tx, pairs, startedAt);
    const finishedAt = new Date();
    return queries.insertRun(tx, {
      startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString(), programs: table.n, pairs: pairs.length,
      threshold: COPY_THRESHOLD, seconds: (finishedAt.getTime() - startedAt.getTime()) / 1000,
    });
  });
  await queries.analyze(db, 'copy_pairs');
  await onProgress('Storing pairs', 1, 1);
  return { run, fingerprinted: stale.length, lsh, stages: { fingerprints, read, compare, verify: verifySeconds, store: lap() } };
}

// ---- What people see --------------------------------------------------------------------------------

const ratioOf = <T extends Omit<DuplicationRatio, 'ratio'>>(counts: T): T & DuplicationRatio => ({
  ...counts, ratio: counts.programs === 0 ? 0 : counts.withCopies / counts.programs,
});

/** The city's duplication ratio by area and overall, against the country's, as of the last run. */
export async function citySummary(db: AppDb, cityCode: string): Promise<CityCopySummary> {
  const run = await queries.lastRun(db);
  const byArea = (await queries.areaDuplication(db, cityCode, run?.startedAt ?? null)).map(ratioOf);
  const city = ratioOf({
    programs: byArea.reduce((sum, a) => sum + a.programs, 0),
    withCopies: byArea.reduce((sum, a) => sum + a.withCopies, 0),
  });
  const national = run ? ratioOf({ programs: run.programs, withCopies: await queries.programsWithCopies(db) }) : null;
  return { threshold: COPY_THRESHOLD, run: run ?? null, city, national, byArea };
}

export async function institutionDuplication(db: AppDb, cityCode: string, page: PageRequest) {
  const run = await queries.lastRun(db);
  const result = await queries.institutionDuplication(db, cityCode, run?.startedAt ?? null, page);
  return { ...result, items: result.items.map(ratioOf) };
}

/**
 * Before an institution publishes a listing: the published programs of other institutions it nearly
 * copies. Candidates share an LSH band (GIN index) or the instructor with the draft, then the copy score decides.
 */
export async function checkDraft(db: AppDb, institutionId: number, draft: DraftCheckBody): Promise<DraftCheckResult> {
  // Programs published since the last run or check have no fingerprint yet (they get it here, not when created).
  await fingerprint(db, await queries.staleFingerprintIds(db, await queries.lastFingerprintedId(db)), quiet);
  const parts = listingParts(draft);
  const sig = signature(fingerprintText(parts));
  const key = instructorKey(parts.instructor);
  const candidates = (await queries.sharingABandOrInstructor(db, bandHashes(sig), key, institutionId))
    .filter((c) => similarity(sig, decodeSignature(c.signature)) >= (key !== 0 && c.instructorKey === key ? FLOORS.keyed : FLOORS.lsh));
  if (candidates.length === 0) return { threshold: COPY_THRESHOLD, matches: [] };
  // A draft states no structure here, so the structure part is left out of its scores.
  const common = await boilerplate(db, false);
  const draftProfile = profile(draft, common, parts);
  const matches = (await queries.detectableListings(db, candidates.map((c) => c.programId)))
    .map(({ description, ownNames, ...side }) => ({
      ...side,
      similarity: combine(scoreParts(draftProfile, profile({ title: side.title, description, ownNames }, common)), COPY_WEIGHTS),
      sameArea: draft.area === undefined ? null : side.area === draft.area,
    }))
    .filter((m) => m.similarity >= COPY_THRESHOLD)
    .sort((a, b) => b.similarity - a.similarity || a.programId - b.programId)
    .slice(0, MAX_DRAFT_MATCHES);
  return { threshold: COPY_THRESHOLD, matches };
}
