/** SQL of the yearly calls and their rubrics. */
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { CallCreateBody } from '../../../shared/contracts/designation-calls.ts';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { CallStatus, DesignationState, ScoreAggregation } from '../../../shared/vocabulary/index.ts';
import { firstRow, offsetOf, pageOf, rows, type Executor } from '../../platform/database/database.ts';
import type { RubricRow } from './calls.rules.ts';
import { callRubricItems, designationCalls } from './designation.schema.ts';

/** A call as stored: moments in ISO 8601 (UTC), days as YYYY-MM-DD. */
export interface CallRow {
  id: number;
  year: number;
  status: CallStatus;
  titleKo: string;
  titleEn: string;
  noticeKo: string;
  noticeEn: string;
  opensAt: string;
  submissionDeadline: string;
  endorsementDeadline: string;
  reviewStartsOn: string;
  reviewEndsOn: string;
  announcementOn: string;
  revokedWaitYears: number;
  quota: number;
  grantKrw: number;
  aggregation: ScoreAggregation;
  publishedAt: string | null;
  announcedAt: string | null;
  version: number;
  updatedAt: string;
  updatedByName: string | null;
}

const iso = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

const callColumns = sql`c.id, c.year, c.status, c.title_ko AS "titleKo", c.title_en AS "titleEn", c.notice_ko AS "noticeKo", c.notice_en AS "noticeEn",
  ${iso(sql`c.opens_at`)} AS "opensAt", ${iso(sql`c.submission_deadline`)} AS "submissionDeadline",
  ${iso(sql`c.endorsement_deadline`)} AS "endorsementDeadline", c.review_starts_on::text AS "reviewStartsOn",
  c.review_ends_on::text AS "reviewEndsOn", c.announcement_on::text AS "announcementOn", c.revoked_wait_years AS "revokedWaitYears",
  c.quota, c.grant_krw AS "grantKrw", c.aggregation, ${iso(sql`c.published_at`)} AS "publishedAt",
  ${iso(sql`c.announced_at`)} AS "announcedAt", c.version, ${iso(sql`c.updated_at`)} AS "updatedAt", p.display_name AS "updatedByName"`;
const fromCalls = sql`designation_calls c LEFT JOIN people p ON p.id = c.updated_by`;

/** Calls, newest year first; drafts only for those who manage calls. */
export async function listCalls(db: Executor, filter: { includeDrafts: boolean }, page: PageRequest) {
  const where = filter.includeDrafts ? sql`TRUE` : sql`c.status <> 'draft'`;
  return pageOf(
    page,
    rows<CallRow>(db, sql`SELECT ${callColumns} FROM ${fromCalls} WHERE ${where} ORDER BY c.year DESC LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM designation_calls c WHERE ${where}`),
  );
}

export function findCallByYear(db: Executor, year: number): Promise<CallRow | undefined> {
  return firstRow<CallRow>(db, sql`SELECT ${callColumns} FROM ${fromCalls} WHERE c.year = ${year}`);
}

export function findCallById(db: Executor, id: number): Promise<CallRow | undefined> {
  return firstRow<CallRow>(db, sql`SELECT ${callColumns} FROM ${fromCalls} WHERE c.id = ${id}`);
}

/** The call with its row locked until the transaction ends, so that changes to it happen one at a time. */
export function callForUpdate(tx: Executor, where: { year: number } | { id: number }): Promise<CallRow | undefined> {
  const condition = 'year' in where ? sql`c.year = ${where.year}` : sql`c.id = ${where.id}`;
  return firstRow<CallRow>(tx, sql`SELECT ${callColumns} FROM ${fromCalls} WHERE ${condition} FOR UPDATE OF c`);
}

type CallValues = Omit<CallCreateBody, 'year'>;
type StoredChanges = Partial<Omit<typeof designationCalls.$inferInsert, 'opensAt' | 'submissionDeadline' | 'endorsementDeadline'>>
  & { opensAt?: Date; submissionDeadline?: Date; endorsementDeadline?: Date };

/** Moments arrive as text with their offset; the columns take them as instants. */
function stored(values: Partial<CallValues>): StoredChanges {
  const { opensAt, submissionDeadline, endorsementDeadline, ...rest } = values;
  return {
    ...rest,
    ...(opensAt !== undefined ? { opensAt: new Date(opensAt) } : {}),
    ...(submissionDeadline !== undefined ? { submissionDeadline: new Date(submissionDeadline) } : {}),
    ...(endorsementDeadline !== undefined ? { endorsementDeadline: new Date(endorsementDeadline) } : {}),
  };
}

/** Inserts a draft; undefined when the year already has a call. */
export async function insertCall(tx: Executor, call: CallCreateBody, personId: number): Promise<number | undefined> {
  const [row] = await tx.insert(designationCalls)
    .values({ ...stored(call), year: call.year, createdBy: personId, updatedBy: personId } as typeof designationCalls.$inferInsert)
    .onConflictDoNothing({ target: designationCalls.year })
    .returning({ id: designationCalls.id });
  return row?.id;
}

/** Writes changes to a call (locked by the caller) and moves it to its next version. */
export async function updateCall(
  tx: Executor, id: number, changes: Partial<CallValues> & { year?: number; status?: CallStatus; publishedAt?: Date }, personId: number,
): Promise<void> {
  await tx.update(designationCalls)
    .set({ ...stored(changes), version: sql`${designationCalls.version} + 1`, updatedAt: sql`now()`, updatedBy: personId })
    .where(eq(designationCalls.id, id));
}

export async function yearTaken(db: Executor, year: number): Promise<boolean> {
  return (await firstRow(db, sql`SELECT 1 FROM designation_calls WHERE year = ${year}`)) !== undefined;
}

// ---- Rubric -------------------------------------------------------------------------------------------

export function rubricRowsOf(db: Executor, callId: number): Promise<(RubricRow & { id: number })[]> {
  return db.select({
    id: callRubricItems.id, areaNo: callRubricItems.areaNo, areaKo: callRubricItems.areaKo, areaEn: callRubricItems.areaEn,
    itemNo: callRubricItems.itemNo, titleKo: callRubricItems.titleKo, titleEn: callRubricItems.titleEn,
    guidanceKo: callRubricItems.guidanceKo, guidanceEn: callRubricItems.guidanceEn, points: callRubricItems.points,
  }).from(callRubricItems).where(eq(callRubricItems.callId, callId)).orderBy(asc(callRubricItems.areaNo), asc(callRubricItems.itemNo));
}

/** Replaces a draft call's rubric (no scores refer to it before the call is published). */
export async function replaceRubric(tx: Executor, callId: number, items: readonly RubricRow[]): Promise<void> {
  await tx.delete(callRubricItems).where(eq(callRubricItems.callId, callId));
  if (items.length > 0) await tx.insert(callRubricItems).values(items.map((item) => ({ ...item, callId })));
}

/** The most recent call before `year`: a new call starts from its rubric. */
export function previousCall(db: Executor, year: number): Promise<{ id: number; year: number } | undefined> {
  return firstRow(db, sql`SELECT id, year FROM designation_calls WHERE year < ${year} ORDER BY year DESC LIMIT 1`);
}

/** Where the call's rubric was copied from when it was created, as its creation was logged (null: the default rubric). */
export async function rubricCopiedFrom(db: Executor, callId: number): Promise<number | null> {
  const row = await firstRow<{ year: number | null }>(db, sql`
    SELECT (after->>'rubricCopiedFrom')::int AS year FROM designation_log WHERE call_id = ${callId} AND step = 'call_created'
    ORDER BY id LIMIT 1`);
  return row?.year ?? null;
}

// ---- Eligibility --------------------------------------------------------------------------------------

/** Every municipality with its latest designation transition (none: it never applied). */
export function latestStateOfEveryCity(db: Executor) {
  return rows<{ cityCode: string; state: DesignationState | null; year: number | null; occurredOn: string | null }>(db, sql`
    SELECT m.code AS "cityCode", t.state, t.year, t.occurred_on::text AS "occurredOn"
    FROM municipalities m
    LEFT JOIN LATERAL (
      SELECT state, year, occurred_on FROM designation_transitions WHERE city_code = m.code ORDER BY occurred_on DESC, id DESC LIMIT 1
    ) t ON TRUE
    ORDER BY m.code`);
}
