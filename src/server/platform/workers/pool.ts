/**
 * CPU-heavy rendering (workbooks, PDFs, charts) runs on a worker thread, so that no request waits behind it:
 * the server thread gathers the data (it holds the database), a worker turns it into a file. Only plain data
 * crosses (structured clone), and a file comes back without a copy.
 *
 * A function becomes runnable off the server thread where it is defined:
 *   export async function renderThing(input: Input, progress: ReportProgress): Promise<Buffer> { … }
 *   export const renderThingOffThread = offThread(import.meta.url, renderThing);
 * The worker imports that same file (compiled, or TypeScript through tsx) and calls the same function.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { HttpError } from '../http/errors.ts';
import type { ReportProgress } from '../jobs/jobs.ts';
import type { Task } from './worker.ts';

/** Work that may run on a worker: structured-clonable input, a file (or plain data) out, progress as a job reports it. */
export type Render<I, O> = (input: I, progress: ReportProgress) => Promise<O>;

/**
 * One thread on a 2-core machine leaves a core to the server thread (and PGlite, which runs in it); larger
 * machines get more, up to four: documents are rare next to requests.
 */
const THREADS = Math.max(1, Math.min(4, availableParallelism() - 1));
/** Work waiting for a thread beyond this is refused (503), not queued for ever: a burst cannot pile up. */
const MAX_WAITING = 8 * THREADS;
/** A waiting document is usually done in a few seconds; the annual report's PDF takes longest. */
const RETRY_AFTER_SECONDS = 10;
/** A thread kept after its last work, so that a series of downloads does not load the libraries each time. */
const IDLE_MS = 60_000;
/** A runaway document stops its thread, not the server. */
const MAX_HEAP_MB = 1024;

/** The server runs compiled ahead of time (dist/server, plain JavaScript) or as TypeScript through tsx (dev, tests). */
const compiled = import.meta.url.endsWith('.js');
// Uncompiled, workers load our TypeScript the way the server does (tsx), from wherever the server was started.
const execArgv = compiled ? [] : ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];

let pool: Piscina<Task, unknown> | undefined;
let inline = false;

function workers(): Piscina<Task, unknown> {
  pool ??= new Piscina<Task, unknown>({
    filename: new URL(compiled ? './worker.js' : './worker.ts', import.meta.url).href,
    minThreads: 0,
    maxThreads: THREADS,
    maxQueue: MAX_WAITING,
    idleTimeout: IDLE_MS,
    execArgv,
    resourceLimits: { maxOldGenerationSizeMb: MAX_HEAP_MB },
  });
  return pool;
}

export class WorkersBusy extends HttpError {
  constructor() {
    super(503, 'busy', {
      ko: `지금 만들고 있는 문서가 많습니다. ${RETRY_AFTER_SECONDS}초 뒤에 다시 해 주세요.`,
      en: `Many documents are being made right now. Try again in ${RETRY_AFTER_SECONDS} seconds.`,
    }, undefined, { retryAfterSeconds: RETRY_AFTER_SECONDS });
  }
}

/** Refuses (503) when no more work may wait; for work that is started in the background (a job) and should not fail later. */
export function assertWorkersFree(): void {
  if (!inline && pool && pool.queueSize >= MAX_WAITING) throw new WorkersBusy();
}

/** A file made on a worker arrives as a view of the moved memory; the callers expect a Buffer. */
const asBuffer = <O>(output: O): O =>
  (output instanceof Uint8Array && !Buffer.isBuffer(output) ? Buffer.from(output.buffer, output.byteOffset, output.byteLength) : output) as O;

/** `render` (an export of the module at `moduleUrl`, under its own name) as a function that runs on a worker. */
export function offThread<I, O>(moduleUrl: string, render: Render<I, O>): (input: I, progress?: ReportProgress) => Promise<O> {
  const task = { module: moduleUrl, name: render.name };
  return async (input, progress = () => {}) => {
    if (inline) return render(input, progress);
    assertWorkersFree();
    const channel = new MessageChannel();
    channel.port1.on('message', ({ phase, done, total }: { phase: string; done: number; total: number }) => progress(phase, done, total));
    try {
      return asBuffer((await workers().run({ ...task, input, progress: channel.port2 }, { transferList: [channel.port2] })) as O);
    } finally {
      channel.port1.close();
    }
  };
}

/** Stops the worker threads (on the app's close); the next document starts them again. */
export async function closeWorkerPool(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.destroy();
}

/** The pool's size and what it has done: threads running, work waiting, work finished since it started. */
export function workerPoolStats() {
  return { maxThreads: THREADS, maxWaiting: MAX_WAITING, threads: pool?.threads.length ?? 0, waiting: pool?.queueSize ?? 0, completed: pool?.completed ?? 0 };
}

/** Renders on the calling thread instead (benchmarks compare the two); the same functions run either way. */
export function renderInline(on: boolean): void {
  inline = on;
}
