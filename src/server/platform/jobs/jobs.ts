/**
 * Long work that a person waits for (reports, imports, recomputations) runs in the background of the
 * request that started it; its progress and result live in the `jobs` table so the page can poll them.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import Type from 'typebox';
import { JobParams, JobView } from '../../../shared/contracts/jobs.ts';
import type { Locale } from '../../../shared/vocabulary/index.ts';
import { firstRow, type AppDb } from '../database/database.ts';
import { requireActor } from '../auth/actor.ts';
import { conflict, HttpError, notFound } from '../http/errors.ts';
import { errorResponses, type Api } from '../http/api.ts';

export interface JobResult {
  name: string;
  type: string;
  content: Buffer;
}

/**
 * Reports progress; writes every new phase, its last step, and otherwise a few times a second. It does not
 * wait for the write: work inside a transaction must not wait on a connection its own transaction holds
 * (PGlite has only one), and a progress line is never worth holding up the work.
 */
export type ReportProgress = (phase: string, done: number, total: number) => void;

export interface JobSpec {
  kind: string;
  ownerId: number;
  cityCode?: string;
  /** The language to say a failure in (the starter's); Korean by default. */
  locale?: Locale;
  /** Refuse to start while a job of this kind is running (work that a second run would only repeat). */
  alone?: boolean;
}

const PROGRESS_INTERVAL_MS = 250;
/** The process running jobs says so this often; a running job not heard of for INTERRUPTED_AFTER has lost its process. */
export const HEARTBEAT_MS = 5_000;
const INTERRUPTED_AFTER = '30 seconds';

/** Jobs running in this process, and the timer renewing their heartbeat (running only while there are some). */
const runningHere = new Set<string>();
let heartbeat: NodeJS.Timeout | undefined;

function beatWhileRunning(db: AppDb, id: string): () => void {
  runningHere.add(id);
  let beating = false;
  heartbeat ??= setInterval(() => {
    if (beating || runningHere.size === 0) return;
    beating = true;
    db.execute(sql`UPDATE jobs SET heartbeat_at = now() WHERE id IN (${sql.join([...runningHere].map((job) => sql`${job}`), sql`, `)}) AND status = 'running'`)
      .catch(() => {})
      .finally(() => {
        beating = false;
      });
  }, HEARTBEAT_MS).unref();
  return () => {
    runningHere.delete(id);
    if (runningHere.size === 0 && heartbeat) {
      clearInterval(heartbeat);
      heartbeat = undefined;
    }
  };
}

/** Resolves once no job runs in this process (a worker stopping lets its jobs finish), or after `timeoutMs`. */
export async function jobsFinishedHere(timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (runningHere.size > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 200));
}

/** Starts `work` in the background and returns the job's id at once. */
export async function startJob(db: AppDb, spec: JobSpec, work: (report: ReportProgress) => Promise<JobResult | void>): Promise<string> {
  const id = randomUUID();
  const insert = sql`INSERT INTO jobs (id, kind, owner_id, city_code, phase) VALUES (${id}, ${spec.kind}, ${spec.ownerId}, ${spec.cityCode ?? null}, 'starting')`;
  if (spec.alone) {
    // The lock orders simultaneous starts, in any number of server processes: the second sees the first running.
    await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`job:${spec.kind}`}))`);
      const running = await firstRow<{ startedAt: string }>(tx, sql`
        SELECT to_char(created_at AT TIME ZONE 'Asia/Seoul', 'HH24:MI') AS "startedAt" FROM jobs WHERE kind = ${spec.kind} AND status = 'running' LIMIT 1`);
      if (running) {
        throw conflict({
          ko: `같은 작업이 ${running.startedAt}부터 진행 중입니다. 끝난 뒤에 다시 시작해 주세요.`,
          en: `The same work has been running since ${running.startedAt} (Korea time). Start it again once it has finished.`,
        });
      }
      await tx.execute(insert);
    });
  } else {
    await db.execute(insert);
  }
  let lastWrite = 0;
  let lastPhase = '';
  // Progress writes go out one after another, in order, and the final state after all of them.
  let writes = Promise.resolve();
  const report: ReportProgress = (phase, done, total) => {
    const now = Date.now();
    if (phase === lastPhase && done < total && now - lastWrite < PROGRESS_INTERVAL_MS) return;
    lastWrite = now;
    lastPhase = phase;
    writes = writes
      .then(() => db.execute(sql`UPDATE jobs SET phase = ${phase}, done = ${done}, total = ${Math.max(total, 1)} WHERE id = ${id}`))
      .then(() => {}, () => {});
  };
  const stopBeating = beatWhileRunning(db, id);
  void (async () => {
    try {
      const result = await work(report);
      await writes;
      await db.execute(sql`UPDATE jobs SET status = 'done', done = total, finished_at = now(),
        result_name = ${result?.name ?? null}, result_type = ${result?.type ?? null}, result = ${result?.content ?? null} WHERE id = ${id}`);
    } catch (error) {
      await writes;
      if (!(error instanceof HttpError)) console.error(`job ${spec.kind} ${id} failed`, error);
      const message = error instanceof HttpError ? error.toBody(spec.locale ?? 'ko').message : (error as Error).message;
      await db.execute(sql`UPDATE jobs SET status = 'failed', finished_at = now(), error = ${message} WHERE id = ${id}`)
        .catch(() => {});
    } finally {
      stopBeating();
    }
  })();
  return id;
}

/**
 * Work whose process stopped (a restart, a crash) will not finish: say so instead of showing it running for ever.
 * Any process may sweep: a job is interrupted only when no process has renewed its heartbeat for a while.
 */
export async function failInterruptedJobs(db: AppDb): Promise<void> {
  await db.execute(sql`UPDATE jobs SET status = 'failed', finished_at = now(), error = 'The server restarted before this finished. Please start it again.'
    WHERE status = 'running' AND heartbeat_at < now() - ${INTERRUPTED_AFTER}::interval`);
}

interface JobRow {
  id: string;
  kind: string;
  status: JobView['status'];
  phase: string;
  done: number;
  total: number;
  error: string | null;
  resultName: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** A job of `ownerId`'s (404 for anyone else's). */
export async function jobOf(db: AppDb, id: string, ownerId: number): Promise<JobView> {
  const job = await firstRow<JobRow>(db, sql`
    SELECT id, kind, status, phase, done, total, error, result_name AS "resultName", created_at::text AS "createdAt", finished_at::text AS "finishedAt"
    FROM jobs WHERE id = ${id} AND owner_id = ${ownerId}`);
  // Someone else's job is as good as no job: its existence is not for others to know.
  if (!job) throw notFound('The job', 'id');
  return { ...job, resultUrl: job.status === 'done' && job.resultName ? `/api/jobs/${job.id}/result` : null };
}

/** The file a finished job (already found as its owner's) produced, if any. */
export async function jobResult(db: AppDb, job: JobView): Promise<{ result: Buffer | Uint8Array; resultType: string | null } | null> {
  if (!job.resultUrl) return null;
  const file = await firstRow<{ result: Buffer | Uint8Array | null; resultType: string | null }>(db, sql`
    SELECT result, result_type AS "resultType" FROM jobs WHERE id = ${job.id}`);
  return file?.result ? { result: file.result, resultType: file.resultType } : null;
}

export function registerJobRoutes(api: Api, db: AppDb): void {
  api.get('/jobs/:id', {
    schema: { tags: ['platform'], summary: 'Progress of long work you started (a report, an import…)', params: JobParams, response: { 200: JobView, ...errorResponses } },
  }, (request) => jobOf(db, request.params.id, requireActor(request).personId));

  api.get('/jobs/:id/result', {
    schema: {
      tags: ['platform'], summary: 'The file your finished job produced', params: JobParams,
      response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...errorResponses },
    },
  }, async (request, reply) => {
    const job = await jobOf(db, request.params.id, requireActor(request).personId);
    const file = await jobResult(db, job);
    if (!file) throw notFound('The result', 'id');
    return reply.type(file.resultType ?? 'application/octet-stream')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(job.resultName!)}`)
      .send(Buffer.from(file.result));
  });
}
