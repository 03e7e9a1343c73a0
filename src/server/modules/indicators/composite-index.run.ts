/**
 * The composite index with its Monte Carlo rank intervals as one unit of work that runs on a worker thread
 * (platform/workers): 500 runs over ~200 cities take hundreds of milliseconds of pure computation, which must not
 * hold the server thread while other requests wait.
 */
import { offThread } from '../../platform/workers/pool.ts';
import { compositeScores, ranksOf, uncertainty, type CityScore, type IndexInput, type Method, type RankInterval, type UncertaintyResult } from './composite-index.ts';

export interface IndexRunRequest {
  input: IndexInput;
  nominal: Method;
  monteCarlo: { runs: number; seed: number; weightSpread: number };
}

export interface IndexRun {
  scores: Map<string, CityScore>;
  ranks: Map<string, number>;
  intervals: Map<string, RankInterval>;
  sensitivity: UncertaintyResult['sensitivity'];
}

export async function runCompositeIndex({ input, nominal, monteCarlo }: IndexRunRequest): Promise<IndexRun> {
  const scores = compositeScores(input, nominal);
  const { intervals, sensitivity } = uncertainty(input, nominal, monteCarlo);
  return { scores, ranks: ranksOf(scores), intervals, sensitivity };
}

export const runCompositeIndexOffThread = offThread(import.meta.url, runCompositeIndex);
