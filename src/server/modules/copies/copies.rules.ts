/** What counts as a copied program (measured in bench/copies.bench.ts and minhash.test.ts). */

/** Estimated Jaccard similarity of character 3-grams at or above which two listings are near-copies. */
export const COPY_THRESHOLD = 0.7;
