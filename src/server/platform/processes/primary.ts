/**
 * WORKERS > 1: the primary process forks N server processes that share one port (node:cluster hands each
 * new connection to the next worker). It never serves a request itself; it keeps the workers running (a
 * worker that dies is replaced), counts rate limits for all of them, and replaces them one by one on
 * SIGUSR2 (a deploy: new code, no request refused), and drains them all on SIGTERM or SIGINT.
 */
import cluster, { type Worker } from 'node:cluster';
import { RateLimitCounts } from '../http/rate-limit-store.ts';

/** What a worker is told when it must stop taking requests, finish what it has, and exit. */
export const DRAIN = 'drain';
/** A worker that has not finished draining after this long is stopped anyway. */
const DRAIN_TIMEOUT_MS = 90_000;
/** A worker that dies is replaced after this pause (no busy loop of crashing workers). */
const REPLACE_AFTER_MS = 1000;

export interface PrimaryOptions {
  workers: number;
  /** The module each worker runs, and the Node options to run it with. */
  exec: string;
  execArgv: string[];
  log: (line: string) => void;
  /** Called once every worker has exited on SIGTERM/SIGINT, before the primary exits. */
  onStop: () => Promise<void>;
}

export function runPrimary({ workers, exec, execArgv, log, onStop }: PrimaryOptions): Promise<void> {
  cluster.setupPrimary({ exec, execArgv });
  const counts = new RateLimitCounts();
  /** Workers being drained on purpose: their exit is expected, not replaced. */
  const leaving = new Set<Worker>();
  let stopping = false;
  let restarting = false;

  const fork = (): Promise<Worker> =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork();
      counts.serve(worker);
      const failed = (code: number | null) => reject(new Error(`worker ${worker.process.pid} exited (${code}) before it listened`));
      worker.once('exit', failed);
      worker.once('listening', () => {
        worker.off('exit', failed);
        resolve(worker);
      });
    });

  const drain = (worker: Worker): Promise<void> =>
    new Promise((resolve) => {
      leaving.add(worker);
      if (worker.isDead()) return resolve();
      const force = setTimeout(() => worker.process.kill('SIGKILL'), DRAIN_TIMEOUT_MS);
      worker.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      worker.send(DRAIN);
    });

  cluster.on('exit', (worker, code, signal) => {
    if (leaving.delete(worker) || stopping) return;
    log(`Worker ${worker.process.pid} died (${signal ?? code}); starting another.`);
    setTimeout(() => {
      if (!stopping) fork().catch((error: Error) => log(error.message));
    }, REPLACE_AFTER_MS).unref();
  });

  /** A deploy: each worker in turn is replaced by a new one, which listens before the old one stops taking requests. */
  const rollingRestart = async () => {
    if (restarting || stopping) return;
    restarting = true;
    const old = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !leaving.has(w));
    log(`SIGUSR2: replacing ${old.length} workers one by one…`);
    try {
      for (const worker of old) {
        const replacement = await fork();
        await drain(worker);
        log(`Worker ${worker.process.pid} replaced by ${replacement.process.pid}.`);
      }
      log('All workers replaced.');
    } catch (error) {
      // The new code does not start: the remaining old workers keep serving.
      log(`Rolling restart stopped: ${(error as Error).message}`);
    } finally {
      restarting = false;
    }
  };

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: draining ${Object.keys(cluster.workers ?? {}).length} workers…`);
    await Promise.all(Object.values(cluster.workers ?? {}).map((worker) => (worker ? drain(worker) : undefined)));
    counts.stop();
    await onStop();
    process.exit(0);
  };
  process.on('SIGUSR2', () => void rollingRestart());
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  return Promise.all(Array.from({ length: workers }, fork)).then(() => {});
}
