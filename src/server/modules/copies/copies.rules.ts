/** What counts as a copied program (chosen in bench/copies.bench.ts on tuning splits; decision 004). */
import type { ScoreWeights } from './scoring.ts';

/**
 * How the parts of two listings weigh in their copy score (scoring.ts): the description's body, its content
 * without boilerplate (for any pair, and again for a pair naming the same instructor), the sentence
 * alignment, the title, the same or another instructor, the structure. Chosen on the tuning splits
 * (bench/copies-tuning*.ts: the first split and held-out editions 1–3) and the generator's planted copies by
 * the benchmark's grid (`npm run bench -- copies --heldout=0`), never on the held-out set
 * (bench/copies-heldout.ts). The grid gives the body no weight once sentences are aligned (a copy's
 * restyled or joined sentences are still found one by one, where its 3-grams are not), and the content weight
 * only between listings naming the same instructor: the demo generator writes every listing of a course
 * with the same course sentence, so between listings naming different instructors the content cannot tell
 * a copy that hired its own instructor from another institution's listing of the same course (decision 004).
 */
export const COPY_WEIGHTS: ScoreWeights = {
  body: 0, content: 0, title: 0.5, sameInstructor: 0, otherInstructor: 0.75, structure: 0.25, sentences: 1, sameInstructorContent: 0.5,
};

/** The copy score at or above which two listings are near-copies (chosen with the weights). */
export const COPY_THRESHOLD = 0.62;

/**
 * Sentences carried by at least this share of listings are boilerplate: they say nothing about which
 * course a listing is, so the content part leaves them out.
 */
export const BOILERPLATE_SHARE = 0.01;

/**
 * The estimated similarity (MinHash, title and body) a pair needs to be scored at all: `lsh` for pairs
 * whose LSH bands meet, `fine` for pairs only the finer banding meets (minhash.ts, FINE_ROWS), `keyed` for pairs naming the same instructor (compared whatever their bands).
 * Below them scoring every pair would read most of the country's listings back.
 */
export const CANDIDATE_FLOORS = { lsh: 0.3, fine: 0.4, keyed: 0.25 };
