/**
 * Keeps indicators current in the background: every few seconds, recompute the cities whose data changed
 * (triggers mark them in indicator_stale). With several server instances, SKIP LOCKED shares the work.
 */
import type { AppDb } from '../../platform/database/database.ts';
import { recomputeStale } from './indicators.service.ts';

export function startIndicatorWorker(db: AppDb, intervalMs: number, onError: (error: unknown) => void): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    recomputeStale(db).catch(onError).finally(() => {
      running = false;
    });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
