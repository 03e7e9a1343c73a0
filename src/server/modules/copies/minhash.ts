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

/** Lower-cased letters and digits only: spacing and punctuation changes are not changes. */
export function canonical(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The MinHash signature of a text: for each of 64 bins, the smallest hash of a 3-gram that falls in it. */
export function signature(text: string): Uint32Array {
  const s = canonical(text);
  const mins = new Uint32Array(BINS).fill(EMPTY);
  for (let i = 0; i + 2 < s.length; i++) {
    const h = fmix32(Math.imul(s.charCodeAt(i), 0x9e3779b1) ^ Math.imul(s.charCodeAt(i + 1), 0x85ebca77) ^ Math.imul(s.charCodeAt(i + 2), 0x27d4eb2f));
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

/** A hash of one band of a signature (rows band·R … band·R + R − 1). */
export function bandHash(sig: Uint32Array, band: number): number {
  let h = 0x811c9dc5 ^ band;
  for (let r = band * ROWS; r < (band + 1) * ROWS; r++) h = fmix32(Math.imul(h ^ sig[r]!, 0x01000193));
  return h;
}

/**
 * Candidate pairs: documents that agree on every row of at least one band. Sorting each band's hashes
 * groups equal ones; groups larger than `maxBucket` (boilerplate) are skipped. Pairs are (i < j) indexes.
 */
export function candidatePairs(signatures: readonly Uint32Array[], maxBucket = 200): Set<number> {
  const n = signatures.length;
  const pairs = new Set<number>();
  const hashes = new Uint32Array(n);
  const order = new Uint32Array(n);
  for (let band = 0; band < BANDS; band++) {
    for (let i = 0; i < n; i++) {
      hashes[i] = bandHash(signatures[i]!, band);
      order[i] = i;
    }
    order.sort((x, y) => hashes[x]! - hashes[y]!);
    for (let start = 0; start < n;) {
      let end = start + 1;
      while (end < n && hashes[order[end]!] === hashes[order[start]!]) end++;
      if (end - start > 1 && end - start <= maxBucket) {
        for (let a = start; a < end; a++) {
          for (let b = a + 1; b < end; b++) {
            const i = Math.min(order[a]!, order[b]!);
            const j = Math.max(order[a]!, order[b]!);
            pairs.add(i * n + j);
          }
        }
      }
      start = end;
    }
  }
  return pairs;
}

export interface Listing {
  id: number;
  institutionId: number;
  text: string;
}

export interface CopyPair {
  a: number;
  b: number;
  similarity: number;
}

/** The distinct 3-gram hashes of a text, sorted: for exact Jaccard similarity. */
export function shingleSet(text: string): Uint32Array {
  const s = canonical(text);
  const hashes = new Uint32Array(Math.max(0, s.length - 2));
  for (let i = 0; i + 2 < s.length; i++) {
    hashes[i] = fmix32(Math.imul(s.charCodeAt(i), 0x9e3779b1) ^ Math.imul(s.charCodeAt(i + 1), 0x85ebca77) ^ Math.imul(s.charCodeAt(i + 2), 0x27d4eb2f));
  }
  hashes.sort();
  let unique = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[unique++] = hashes[i]!;
  return hashes.subarray(0, unique);
}

/** Exact Jaccard similarity of two sorted 3-gram sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { both++; i++; j++; } else if (a[i]! < b[j]!) i++; else j++;
  }
  const union = a.length + b.length - both;
  return union === 0 ? 0 : both / union;
}

/** How far below the threshold a MinHash estimate may fall and still be checked exactly (its noise is ±0.06). */
export const ESTIMATE_MARGIN = 0.15;

/** Candidate pairs from different institutions whose estimated similarity comes near the threshold. */
export function likelyCopies(institutions: ArrayLike<number>, signatures: readonly Uint32Array[], threshold: number): [number, number][] {
  const n = signatures.length;
  const likely: [number, number][] = [];
  for (const key of candidatePairs(signatures)) {
    const i = Math.floor(key / n);
    const j = key % n;
    if (institutions[i] !== institutions[j] && similarity(signatures[i]!, signatures[j]!) >= threshold - ESTIMATE_MARGIN) likely.push([i, j]);
  }
  return likely;
}

/** Pairs of listings from different institutions whose exact 3-gram similarity reaches the threshold. */
export function findCopies(listings: readonly Listing[], threshold: number): CopyPair[] {
  const signatures = listings.map((l) => signature(l.text));
  const sets = new Map<number, Uint32Array>();
  const setOf = (i: number) => sets.get(i) ?? sets.set(i, shingleSet(listings[i]!.text)).get(i)!;
  return likelyCopies(listings.map((l) => l.institutionId), signatures, threshold).flatMap(([i, j]) => {
    const s = jaccard(setOf(i), setOf(j));
    return s >= threshold ? [{ a: listings[i]!.id, b: listings[j]!.id, similarity: s }] : [];
  });
}
