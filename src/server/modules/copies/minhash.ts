/**
 * Near-duplicate detection for program listings: character 3-gram shingles (Korean inflection defeats
 * word shingles), one-permutation MinHash signatures (one hash per shingle, 64 bins, densified), and
 * LSH banding (16 bands of 4) to find candidate pairs without comparing everything with everything.
 * Pure and allocation-light: a million listings take seconds.
 */

export const BINS = 64;
export const BANDS = 16;
export const ROWS = BINS / BANDS;
const EMPTY = 0xffffffff;

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]+$/u;
const otherKept = new Map<number, boolean>();

/**
 * The text's lower-cased letters and digits only, as UTF-16 code units: spacing and punctuation changes
 * are not changes. The same as `text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')`, which takes about
 * 50 µs a listing (a Unicode-class regex per character); this asks the regex only about characters that
 * are neither ASCII nor Hangul, once each.
 */
export function canonicalCodes(text: string): Uint16Array {
  const lower = text.toLowerCase();
  const codes = new Uint16Array(lower.length);
  let length = 0;
  for (let k = 0; k < lower.length; k++) {
    const c = lower.charCodeAt(k);
    if (c < 0x80) {
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) codes[length++] = c;
    } else if (c >= 0xac00 && c <= 0xd7a3) {
      codes[length++] = c; // Hangul syllables
    } else {
      // A surrogate pair is one character: kept or dropped whole.
      const next = lower.charCodeAt(k + 1);
      const wide = c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
      const point = wide === 2 ? lower.codePointAt(k)! : c;
      let kept = otherKept.get(point);
      if (kept === undefined) otherKept.set(point, (kept = LETTER_OR_NUMBER.test(lower.slice(k, k + wide))));
      if (kept) for (let w = 0; w < wide; w++) codes[length++] = lower.charCodeAt(k + w);
      k += wide - 1;
    }
  }
  return codes.subarray(0, length);
}

export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The hash of the 3-gram starting at position i. */
function trigramHash(s: Uint16Array, i: number): number {
  return fmix32(Math.imul(s[i]!, 0x9e3779b1) ^ Math.imul(s[i + 1]!, 0x85ebca77) ^ Math.imul(s[i + 2]!, 0x27d4eb2f));
}

/** The MinHash signature of a text: for each of 64 bins, the smallest hash of a 3-gram that falls in it. */
export function signature(text: string): Uint32Array {
  const s = canonicalCodes(text);
  const mins = new Uint32Array(BINS).fill(EMPTY);
  for (let i = 0; i + 2 < s.length; i++) {
    const h = trigramHash(s, i);
    const bin = h >>> 26; // top 6 bits choose one of 64 bins
    const value = h & 0x03ffffff;
    if (value < mins[bin]!) mins[bin] = value;
  }
  // Densify: an empty bin borrows the next non-empty bin's value, marked by the distance borrowed.
  if (mins.some((v) => v !== EMPTY)) {
    for (let bin = 0; bin < BINS; bin++) {
      if (mins[bin] !== EMPTY) continue;
      let offset = 1;
      while (mins[(bin + offset) % BINS] === EMPTY) offset++;
      mins[bin] = (mins[(bin + offset) % BINS]! + offset * 0x04000000) >>> 0;
    }
  }
  return mins;
}

/** Estimated Jaccard similarity of the two texts' shingle sets: the share of bins that agree. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < BINS; i++) if (a[i] === b[i]) same++;
  return same / BINS;
}

/** A hash of one band of the signature starting at `offset` (rows band·R … band·R + R − 1). */
export function bandHash(signatures: Uint32Array, band: number, offset = 0, rows = ROWS): number {
  let h = 0x811c9dc5 ^ band;
  for (let r = offset + band * rows; r < offset + (band + 1) * rows; r++) h = fmix32(Math.imul(h ^ signatures[r]!, 0x01000193));
  return h;
}

/**
 * Rows a band has in the second, finer banding of the national run (21 bands of 3): texts edited far
 * apart (estimated 0.4–0.7) miss every band of 4 rows now and then; on the tuning splits this banding met
 * 10 of the 17 copies the first one missed, for 29% more candidates (floor FINE_FLOOR in copies.rules.ts).
 * Computed from the signatures in memory: nothing stored changes.
 */
export const FINE_ROWS = 3;

/** The signature's 16 band hashes as signed 32-bit integers (an `integer[]` column, GIN-indexed). */
export function bandHashes(sig: Uint32Array): number[] {
  return Array.from({ length: BANDS }, (_, band) => bandHash(sig, band) | 0);
}

/**
 * Orders indexes by their key with a stable radix sort in two 16-bit passes: sorting a million indexes
 * with a comparison callback takes about a second per band, this takes milliseconds.
 */
function orderByKey(keys: Uint32Array, order: Uint32Array, scratch: Uint32Array): void {
  const n = keys.length;
  const counts = new Uint32Array(0x10001);
  for (let i = 0; i < n; i++) counts[(keys[i]! & 0xffff) + 1]!++;
  for (let b = 0; b < 0xffff; b++) counts[b + 1]! += counts[b]!;
  for (let i = 0; i < n; i++) scratch[counts[keys[i]! & 0xffff]!++] = i;
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[(keys[i]! >>> 16) + 1]!++;
  for (let b = 0; b < 0xffff; b++) counts[b + 1]! += counts[b]!;
  for (let k = 0; k < n; k++) {
    const i = scratch[k]!;
    order[counts[keys[i]! >>> 16]!++] = i;
  }
}

/** Estimated similarity of documents i and j of a flat signature array (n × BINS). */
export function estimate(signatures: Uint32Array, i: number, j: number): number {
  let same = 0;
  for (let a = i * BINS, b = j * BINS, end = a + BINS; a < end; a++, b++) if (signatures[a] === signatures[b]) same++;
  return same / BINS;
}

/**
 * Whether documents i and j differ in at most `allowed` bins. Counts eight bins at a time without
 * branching (a branch per bin mispredicts half the time on the near-misses that fill LSH buckets) and
 * gives up as soon as too many differ.
 */
function differAtMost(signatures: Uint32Array, i: number, j: number, allowed: number): boolean {
  let differ = 0;
  for (let a = i * BINS, b = j * BINS, end = a + BINS; a < end; a += 8, b += 8) {
    differ += +(signatures[a] !== signatures[b]) + +(signatures[a + 1] !== signatures[b + 1]) + +(signatures[a + 2] !== signatures[b + 2])
      + +(signatures[a + 3] !== signatures[b + 3]) + +(signatures[a + 4] !== signatures[b + 4]) + +(signatures[a + 5] !== signatures[b + 5])
      + +(signatures[a + 6] !== signatures[b + 6]) + +(signatures[a + 7] !== signatures[b + 7]);
    if (differ > allowed) return false;
  }
  return true;
}

/** 32-bit words of a document's sketch: the low 4 bits of each of its 64 signature values. */
const SKETCH_WORDS = BINS / 8;

/**
 * Sketches of all signatures: bins with equal values have equal low bits, so the count of differing
 * 4-bit codes is a lower bound of the differing bins, and a pair it rules out the full count would rule
 * out too. It reads 32 bytes of each document instead of 256, with no branch per bin.
 */
function sketches(signatures: Uint32Array, n: number): Uint32Array {
  const sketch = new Uint32Array(n * SKETCH_WORDS);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < BINS; k++) sketch[i * SKETCH_WORDS + (k >>> 3)]! |= (signatures[i * BINS + k]! & 15) << ((k & 7) * 4);
  }
  return sketch;
}

/** The number of 4-bit codes that differ between the sketches of documents i and j. */
function sketchDistance(sketch: Uint32Array, i: number, j: number): number {
  let count = 0;
  for (let w = 0; w < SKETCH_WORDS; w++) {
    let d = sketch[i * SKETCH_WORDS + w]! ^ sketch[j * SKETCH_WORDS + w]!;
    d = (d | (d >>> 1) | (d >>> 2) | (d >>> 3)) & 0x11111111; // one bit per differing code
    d = (d + (d >>> 4)) & 0x0f0f0f0f;
    count += Math.imul(d, 0x01010101) >>> 24;
  }
  return count;
}

function bandAgrees(signatures: Uint32Array, i: number, j: number, band: number, rows: number): boolean {
  for (let r = band * rows; r < (band + 1) * rows; r++) if (signatures[i * BINS + r] !== signatures[j * BINS + r]) return false;
  return true;
}

/**
 * Buckets larger than this are boilerplate shared by many listings, not copies of one another: skipped.
 * Comparing within a bucket costs its size squared; on the national data, 100 instead of 200 compared 40%
 * fewer pairs and lost 30 of 30,605 copies (found through no other band), 50 lost 105.
 */
export const MAX_BUCKET = 100;

/**
 * How far below the threshold a MinHash estimate may fall and still be checked exactly: about one
 * standard deviation of a 64-bin estimate near the threshold (0.057). Measured on the national data
 * (957,244 listings, threshold 0.70): LSH found 357,000 pairs estimated at 0.60 or more but only 30,666
 * reached the threshold exactly; the 187,000 estimated below 0.64 held 61 of them (0.2%), and every one
 * of those costs reading two listings back to verify them.
 */
export const ESTIMATE_MARGIN = 0.06;

export interface LshStats {
  /** Pairs from different groups that shared a band bucket (a pair sharing several bands counts once per band). */
  bucketPairs: number;
  /** Distinct pairs whose estimate reached the minimum: those passed to `found`. */
  likely: number;
  /** Buckets skipped as boilerplate (larger than MAX_BUCKET), and the documents in them. */
  skippedBuckets: number;
  skippedDocuments: number;
}

/**
 * LSH over a flat array of n signatures (n × BINS values): calls `found(i, j)` (i < j) once for every pair
 * of documents from different groups (institutions) that agree on every row of at least one band and
 * whose estimated similarity reaches `minEstimate`. No set of pairs is kept: a pair is reported in the
 * first band it shares whose bucket was compared, so memory stays at a few arrays of n.
 */
export function likelyPairs(
  signatures: Uint32Array, groups: ArrayLike<number>, minEstimate: number, found: (i: number, j: number) => void, maxBucket = MAX_BUCKET, rows = ROWS,
  compared = new Uint32Array(signatures.length / BINS),
): LshStats {
  const n = signatures.length / BINS;
  const bands = Math.floor(BINS / rows);
  if (bands > 32) throw new Error('At most 32 bands (rows of 2 or more).');
  const hashes = new Uint32Array(n);
  const order = new Uint32Array(n);
  const scratch = new Uint32Array(n);
  // Bit b of `compared`: the document's bucket in band b was compared (not skipped), so pairs agreeing there were seen there.
  const stats: LshStats = { bucketPairs: 0, likely: 0, skippedBuckets: 0, skippedDocuments: 0 };
  let bucketPairs = 0;
  const sketch = sketches(signatures, n);
  const allowedDifferences = differencesAllowed(minEstimate);
  const seenBefore = (i: number, j: number, band: number) => {
    for (let earlier = 0; earlier < band; earlier++) {
      if (compared[i]! & (1 << earlier) && bandAgrees(signatures, i, j, earlier, rows)) return true;
    }
    return false;
  };
  for (let band = 0; band < bands; band++) {
    for (let i = 0; i < n; i++) hashes[i] = bandHash(signatures, band, i * BINS, rows);
    orderByKey(hashes, order, scratch);
    for (let start = 0; start < n;) {
      let end = start + 1;
      while (end < n && hashes[order[end]!] === hashes[order[start]!]) end++;
      const size = end - start;
      if (size > maxBucket) {
        stats.skippedBuckets++;
        stats.skippedDocuments += size;
      } else if (size > 1) {
        for (let k = start; k < end; k++) compared[order[k]!]! |= 1 << band;
        // The sort is stable and started from 0…n−1, so a bucket's indexes ascend: i < j without comparing.
        for (let a = start; a < end; a++) {
          const i = order[a]!;
          const group = groups[i];
          for (let b = a + 1; b < end; b++) {
            const j = order[b]!;
            if (groups[j] === group) continue;
            bucketPairs++;
            // Nearly every candidate fails the estimate, so those checks come first, the cheap one first.
            if (sketchDistance(sketch, i, j) > allowedDifferences || !differAtMost(signatures, i, j, allowedDifferences) || seenBefore(i, j, band)) continue;
            stats.likely++;
            found(i, j);
          }
        }
      }
      start = end;
    }
  }
  return { ...stats, bucketPairs };
}

/**
 * Listings naming the same key (their instructor) in groups larger than this are not compared by it: a
 * name that common is many people. Each pair costs a signature comparison.
 */
export const MAX_KEY_GROUP = 200;

/**
 * Calls `found(i, j)` (i < j) for pairs of documents from different groups that share a non-zero key and
 * whose estimated similarity reaches `minEstimate`: the copies whose text moved too far for LSH bands to
 * meet but which name the same instructor. Returns the pairs compared.
 */
export function sameKeyPairs(
  signatures: Uint32Array, groups: ArrayLike<number>, keys: ArrayLike<number>, minEstimate: number, found: (i: number, j: number) => void,
): number {
  const n = keys.length;
  const keyed = Uint32Array.from({ length: n }, (_, i) => keys[i]! >>> 0);
  const order = new Uint32Array(n);
  orderByKey(keyed, order, new Uint32Array(n));
  const allowedDifferences = differencesAllowed(minEstimate);
  let compared = 0;
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && keyed[order[end]!] === keyed[order[start]!]) end++;
    if (keyed[order[start]!] !== 0 && end - start <= MAX_KEY_GROUP) {
      for (let a = start; a < end; a++) {
        const i = order[a]!;
        for (let b = a + 1; b < end; b++) {
          const j = order[b]!;
          if (groups[i] === groups[j]) continue;
          compared++;
          if (differAtMost(signatures, i, j, allowedDifferences)) found(i, j);
        }
      }
    }
    start = end;
  }
  return compared;
}

export interface CandidateStats extends LshStats {
  /** Pairs the finer banding (FINE_ROWS) kept that the first had not found. */
  fineAdded: number;
  /** Pairs naming the same instructor that were compared, and those of them LSH had not found that were kept. */
  keyedCompared: number;
  keyedAdded: number;
}

/** An estimate of at least `minEstimate`: at most this many of the 64 bins differ. */
const differencesAllowed = (minEstimate: number) => Math.floor((1 - minEstimate) * BINS + 1e-9);

/**
 * Whether `likelyPairs` with these rows and floor (as the bins allowed to differ), having left `compared`, reported
 * the pair i < j of different groups: they agree on a band whose bucket was compared, and their estimate reaches the floor.
 */
function reported(signatures: Uint32Array, compared: Uint32Array, i: number, j: number, rows: number, allowedDifferences: number): boolean {
  const bands = Math.floor(BINS / rows);
  for (let band = 0; band < bands; band++) {
    if (compared[i]! & (1 << band) && bandAgrees(signatures, i, j, band, rows)) return differAtMost(signatures, i, j, allowedDifferences);
  }
  return false;
}

/**
 * Candidate pairs for scoring (each once, i < j): LSH pairs whose estimate reaches `floors.lsh`, pairs of
 * the finer banding whose estimate reaches `floors.fine`, and pairs naming the same instructor whose
 * estimate reaches `floors.keyed`. A later stage hands over a pair only if no earlier one reported it, which
 * it tells from the signatures and the earlier stages' compared buckets, not from a set of pairs: the
 * national run has tens of millions (more than a JavaScript Set holds).
 */
export function candidatePairs(
  signatures: Uint32Array, groups: ArrayLike<number>, keys: ArrayLike<number>, floors: { lsh: number; fine: number; keyed: number },
  found: (i: number, j: number) => void,
): CandidateStats {
  const n = groups.length;
  const coarse = new Uint32Array(n);
  const fine = new Uint32Array(n);
  const lsh = likelyPairs(signatures, groups, floors.lsh, found, MAX_BUCKET, ROWS, coarse);
  const coarseAllowed = differencesAllowed(floors.lsh);
  const fineAllowed = differencesAllowed(floors.fine);
  const reportedBefore = (i: number, j: number) => reported(signatures, coarse, i, j, ROWS, coarseAllowed);
  let fineAdded = 0;
  likelyPairs(signatures, groups, floors.fine, (i, j) => {
    if (reportedBefore(i, j)) return;
    fineAdded++;
    found(i, j);
  }, MAX_BUCKET, FINE_ROWS, fine);
  let keyedAdded = 0;
  const keyedCompared = sameKeyPairs(signatures, groups, keys, floors.keyed, (i, j) => {
    if (reportedBefore(i, j) || reported(signatures, fine, i, j, FINE_ROWS, fineAllowed)) return;
    keyedAdded++;
    found(i, j);
  });
  return { ...lsh, fineAdded, keyedCompared, keyedAdded };
}

/** The distinct 3-gram hashes of a text, sorted: for exact Jaccard similarity. */
export function shingleSet(text: string): Uint32Array {
  return shinglesOf(canonicalCodes(text));
}

/** The distinct 3-gram hashes of canonical text, sorted. */
export function shinglesOf(s: Uint16Array): Uint32Array {
  const hashes = new Uint32Array(Math.max(0, s.length - 2));
  for (let i = 0; i + 2 < s.length; i++) {
    hashes[i] = trigramHash(s, i);
  }
  hashes.sort();
  let unique = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[unique++] = hashes[i]!;
  return hashes.subarray(0, unique);
}

/** How many 3-grams two sorted sets share. */
export function shared(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { both++; i++; j++; } else if (a[i]! < b[j]!) i++; else j++;
  }
  return both;
}

/** Exact Jaccard similarity of two sorted 3-gram sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  const both = shared(a, b);
  const union = a.length + b.length - both;
  return union === 0 ? 0 : both / union;
}

/** The share of the smaller of two sorted 3-gram sets that the other has too (0 when either is empty). */
export function overlap(a: Uint32Array, b: Uint32Array): number {
  const smaller = Math.min(a.length, b.length);
  return smaller === 0 ? 0 : shared(a, b) / smaller;
}
