/** The designation log: appended to, read and exported; never changed (the database refuses it). */
import { sql } from 'drizzle-orm';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { DesignationStep } from '../../../shared/vocabulary/index.ts';
import { offsetOf, pageOf, rows, type Executor } from '../../platform/database/database.ts';

export interface LogEntry {
  /** When it happened, by the clock the step was checked against (deadlines, decision days): one time for both. */
  at: Date;
  actorId: number | null;
  actorName: string;
  step: DesignationStep;
  callId?: number | null;
  applicationId?: number | null;
  cityCode?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string;
}

export async function appendLog(tx: Executor, entry: LogEntry): Promise<void> {
  await tx.execute(sql`
    INSERT INTO designation_log (occurred_at, actor_id, actor_name, step, call_id, application_id, city_code, before, after, reason)
    VALUES (${entry.at.toISOString()}, ${entry.actorId}, ${entry.actorName}, ${entry.step}, ${entry.callId ?? null}, ${entry.applicationId ?? null}, ${entry.cityCode ?? null},
            ${entry.before === undefined ? null : JSON.stringify(entry.before)}::jsonb, ${entry.after === undefined ? null : JSON.stringify(entry.after)}::jsonb,
            ${entry.reason ?? ''})`);
}

export interface LogFilter {
  callId?: number;
  cityCode?: string;
  applicationId?: number;
  steps?: readonly DesignationStep[];
  from?: string;
  to?: string;
}

export interface LogRow {
  id: number;
  occurredAt: string;
  actorId: number | null;
  actorName: string;
  step: DesignationStep;
  callId: number | null;
  applicationId: number | null;
  cityCode: string | null;
  before: unknown;
  after: unknown;
  reason: string;
}

function logWhere(filter: LogFilter) {
  const conditions = [sql`TRUE`];
  if (filter.callId !== undefined) conditions.push(sql`call_id = ${filter.callId}`);
  if (filter.cityCode !== undefined) conditions.push(sql`city_code = ${filter.cityCode}`);
  if (filter.applicationId !== undefined) conditions.push(sql`application_id = ${filter.applicationId}`);
  if (filter.steps?.length) conditions.push(sql`step = ANY(${sql.param([...filter.steps])}::text[])`);
  if (filter.from !== undefined) conditions.push(sql`occurred_at >= (${filter.from}::date)::timestamp AT TIME ZONE 'Asia/Seoul'`);
  if (filter.to !== undefined) conditions.push(sql`occurred_at < ((${filter.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Seoul')`);
  return sql.join(conditions, sql` AND `);
}

const logColumns = sql`id::int AS id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurredAt",
  actor_id AS "actorId", actor_name AS "actorName", step, call_id AS "callId", application_id AS "applicationId",
  city_code AS "cityCode", before, after, reason`;

export async function listLog(db: Executor, filter: LogFilter, page: PageRequest) {
  const where = logWhere(filter);
  return pageOf(
    page,
    rows<LogRow>(db, sql`SELECT ${logColumns} FROM designation_log WHERE ${where} ORDER BY occurred_at DESC, id DESC
      LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM designation_log WHERE ${where}`),
  );
}

/** The whole filtered log, oldest first, in batches of `batchSize` (for an export that does not hold it all at once). */
export async function* logInBatches(db: Executor, filter: LogFilter, batchSize = 1000): AsyncGenerator<LogRow[]> {
  let afterId = 0;
  for (;;) {
    const batch = await rows<LogRow>(db, sql`SELECT ${logColumns} FROM designation_log WHERE ${logWhere(filter)} AND id > ${afterId}
      ORDER BY id LIMIT ${batchSize}`);
    if (batch.length === 0) return;
    yield batch;
    afterId = batch.at(-1)!.id;
  }
}
