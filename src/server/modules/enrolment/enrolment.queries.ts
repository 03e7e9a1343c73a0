/** Every SQL statement of the enrolment module. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { seatHoldingStatuses, type EnrolmentStatus } from '../../../shared/vocabulary/index.ts';
import { firstRow, rows, type Executor } from '../../platform/database/database.ts';
import { people } from '../identity/identity.schema.ts';
import { attendance, completionDecisions, enrolments } from './enrolment.schema.ts';

const iso = (column: typeof enrolments.enrolledAt | typeof enrolments.statusChangedAt) =>
  sql<string>`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const enrolmentColumns = {
  id: enrolments.id,
  programId: enrolments.programId,
  personId: enrolments.personId,
  status: enrolments.status,
  enrolledAt: iso(enrolments.enrolledAt),
  statusChangedAt: iso(enrolments.statusChangedAt),
};

export async function findEnrolment(db: Executor, programId: number, personId: number) {
  const [row] = await db.select(enrolmentColumns).from(enrolments)
    .where(and(eq(enrolments.programId, programId), eq(enrolments.personId, personId)));
  return row;
}

export async function seatsTaken(db: Executor, programId: number): Promise<number> {
  const row = await firstRow<{ n: number }>(db, sql`
    SELECT count(*)::int AS n FROM enrolments WHERE program_id = ${programId} AND status = ANY(${sql.param([...seatHoldingStatuses])}::text[])`);
  return row!.n;
}

/** Place in the first-come waitlist: those who joined earlier (ties by id) come first. */
export async function waitlistPosition(db: Executor, enrolmentId: number): Promise<number> {
  const row = await firstRow<{ n: number }>(db, sql`
    SELECT count(*)::int AS n FROM enrolments w, enrolments me
    WHERE me.id = ${enrolmentId} AND w.program_id = me.program_id AND w.status = 'waitlisted'
      AND (w.enrolled_at, w.id) <= (me.enrolled_at, me.id)`);
  return row!.n;
}

/** The program ids a person currently holds or waits for, other than `exceptProgramId`. */
export async function activeProgramIds(db: Executor, personId: number, exceptProgramId: number): Promise<number[]> {
  const found = await db.select({ programId: enrolments.programId }).from(enrolments)
    .where(and(eq(enrolments.personId, personId), inArray(enrolments.status, ['enrolled', 'waitlisted']), sql`${enrolments.programId} <> ${exceptProgramId}`));
  return found.map((r) => r.programId);
}

// Times are taken when the row is written (clock_timestamp), not when the transaction began (now()): requests
// queue on the program's lock, and the waitlist must follow the order in which they got it.
export async function insertEnrolment(
  db: Executor, enrolment: { programId: number; personId: number; cityCode: string; status: EnrolmentStatus; enteredBy: number | null },
) {
  const [row] = await db.insert(enrolments)
    .values({ ...enrolment, enrolledAt: sql`clock_timestamp()`, statusChangedAt: sql`clock_timestamp()` })
    .returning({ id: enrolments.id });
  return row!.id;
}

/** Puts a cancelled enrolment back in line: it counts as a new request, at the back of any waitlist. */
export async function reopenEnrolment(db: Executor, id: number, status: EnrolmentStatus, enteredBy: number | null) {
  await db.update(enrolments).set({ status, enteredBy, enrolledAt: sql`clock_timestamp()`, statusChangedAt: sql`clock_timestamp()` }).where(eq(enrolments.id, id));
}

/**
 * Places a lottery's applicants in their drawn order: the first `seats` enrolled, the rest waitlisted. Their
 * enrolment times step one microsecond apart in that order, so the first-come waitlist (by enrolment time)
 * promotes in drawn order when a place frees. One statement; a person with an old cancelled enrolment is reused.
 */
export async function placeInDrawnOrder(
  db: Executor, program: { id: number; cityCode: string }, drawn: readonly { personId: number; enteredBy: number | null }[], seats: number,
): Promise<void> {
  if (drawn.length === 0) return;
  await db.execute(sql`
    INSERT INTO enrolments (program_id, person_id, city_code, status, entered_by, enrolled_at, status_changed_at)
    SELECT ${program.id}, d.person_id, ${program.cityCode}, CASE WHEN d.ord <= ${seats} THEN 'enrolled' ELSE 'waitlisted' END, d.entered_by,
           now() + d.ord * interval '1 microsecond', now()
    FROM unnest(${sql.param(drawn.map((d) => d.personId))}::int[], ${sql.param(drawn.map((d) => d.enteredBy))}::int[])
         WITH ORDINALITY AS d(person_id, entered_by, ord)
    ON CONFLICT (program_id, person_id) DO UPDATE
      SET status = excluded.status, entered_by = excluded.entered_by, enrolled_at = excluded.enrolled_at, status_changed_at = excluded.status_changed_at
      WHERE enrolments.status = 'cancelled'`);
}

export async function setStatus(db: Executor, id: number, status: EnrolmentStatus) {
  await db.update(enrolments).set({ status, statusChangedAt: sql`clock_timestamp()` }).where(eq(enrolments.id, id));
}

export async function firstWaitlisted(db: Executor, programId: number) {
  const [row] = await db.select({ id: enrolments.id, personId: enrolments.personId }).from(enrolments)
    .where(and(eq(enrolments.programId, programId), eq(enrolments.status, 'waitlisted')))
    .orderBy(asc(enrolments.enrolledAt), asc(enrolments.id)).limit(1);
  return row;
}

export async function enrolmentView(db: Executor, id: number) {
  const [row] = await db.select(enrolmentColumns).from(enrolments).where(eq(enrolments.id, id));
  return row!;
}

/** Everyone enrolled in or waiting for a program, with what they attended. */
/** The program's learners; their phone numbers only when `withPhones` (the program texts its learners). */
export async function rosterOf(db: Executor, programId: number, withPhones: boolean) {
  return rows<{
    enrolmentId: number; personId: number; displayName: string; birthYear: number | null; phone: string | null; status: EnrolmentStatus;
    enrolledAt: string; attended: number[]; absent: number[];
    lastDecision: { status: EnrolmentStatus; reason: string; decidedBy: string; decidedAt: string } | null;
  }>(db, sql`
    SELECT e.id AS "enrolmentId", e.person_id AS "personId", p.display_name AS "displayName", p.birth_year AS "birthYear",
           CASE WHEN ${withPhones} THEN p.phone END AS phone,
           e.status, to_char(e.enrolled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "enrolledAt",
           coalesce(array_agg(s.session_no ORDER BY s.session_no) FILTER (WHERE a.present), '{}') AS attended,
           coalesce(array_agg(s.session_no ORDER BY s.session_no) FILTER (WHERE NOT a.present), '{}') AS absent,
           (SELECT json_build_object('status', d.status_after, 'reason', d.reason, 'decidedBy', d.actor_name,
                                     'decidedAt', to_char(d.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
            FROM completion_decisions d WHERE d.enrolment_id = e.id ORDER BY d.id DESC LIMIT 1) AS "lastDecision"
    FROM enrolments e
    JOIN ${people} p ON p.id = e.person_id
    LEFT JOIN attendance a ON a.enrolment_id = e.id
    LEFT JOIN program_sessions s ON s.id = a.session_id
    WHERE e.program_id = ${programId} AND e.status <> 'cancelled'
    GROUP BY e.id, p.id
    ORDER BY e.enrolled_at, e.id`);
}

export async function seatHoldersAmong(db: Executor, programId: number, enrolmentIds: readonly number[]) {
  if (enrolmentIds.length === 0) return [];
  return db.select({ id: enrolments.id, status: enrolments.status }).from(enrolments)
    .where(and(eq(enrolments.programId, programId), inArray(enrolments.id, [...enrolmentIds])));
}

export async function markAttendance(
  db: Executor, records: { enrolmentId: number; sessionId: number; programId: number; cityCode: string; present: boolean; markedBy: number }[],
) {
  if (records.length === 0) return;
  await db.insert(attendance).values(records).onConflictDoUpdate({
    target: [attendance.enrolmentId, attendance.sessionId],
    set: { present: sql`excluded.present`, markedAt: sql`now()`, markedBy: sql`excluded.marked_by` },
  });
}

/** Enrolled learners with the number of sessions they attended. */
export async function attendanceCounts(db: Executor, programId: number) {
  return rows<{ enrolmentId: number; attended: number }>(db, sql`
    SELECT e.id AS "enrolmentId", count(a.*) FILTER (WHERE a.present)::int AS attended
    FROM enrolments e LEFT JOIN attendance a ON a.enrolment_id = e.id
    WHERE e.program_id = ${programId} AND e.status = 'enrolled'
    GROUP BY e.id`);
}

/** A learner of the program, locked for a decision on their completion. */
export async function lockedLearner(db: Executor, programId: number, enrolmentId: number) {
  return firstRow<{ id: number; personId: number; status: EnrolmentStatus; cityCode: string }>(db, sql`
    SELECT id, person_id AS "personId", status, city_code AS "cityCode" FROM enrolments
    WHERE id = ${enrolmentId} AND program_id = ${programId} FOR UPDATE`);
}

/** Writes a line of the append-only completion record. */
export async function recordDecision(db: Executor, decision: typeof completionDecisions.$inferInsert) {
  await db.insert(completionDecisions).values(decision);
}

export async function completedEnrolment(db: Executor, programId: number, personId: number) {
  const [row] = await db.select({ id: enrolments.id, cityCode: enrolments.cityCode }).from(enrolments)
    .where(and(eq(enrolments.programId, programId), eq(enrolments.personId, personId), eq(enrolments.status, 'completed')));
  return row;
}

// ---- What the institution's back office changes (program-office) ----------------------------------------

/** The people enrolled in or waiting for a program: told when it changes. */
export async function peopleInLine(db: Executor, programId: number): Promise<number[]> {
  const found = await db.select({ personId: enrolments.personId }).from(enrolments)
    .where(and(eq(enrolments.programId, programId), inArray(enrolments.status, ['enrolled', 'waitlisted'])));
  return found.map((r) => r.personId);
}

/** Gives up to `seats` freed places to those waiting, first come first served; returns who got one. */
export async function promoteWaitlisted(db: Executor, programId: number, seats: number): Promise<number[]> {
  if (seats <= 0) return [];
  const promoted = await rows<{ personId: number }>(db, sql`
    UPDATE enrolments SET status = 'enrolled', status_changed_at = clock_timestamp()
    WHERE id IN (SELECT id FROM enrolments WHERE program_id = ${programId} AND status = 'waitlisted' ORDER BY enrolled_at, id LIMIT ${seats})
    RETURNING person_id AS "personId"`);
  return promoted.map((r) => r.personId);
}

/** Cancels every place and waitlist entry of a cancelled program; returns whose they were. */
export async function releaseAll(db: Executor, programId: number): Promise<number[]> {
  const released = await rows<{ personId: number }>(db, sql`
    UPDATE enrolments SET status = 'cancelled', status_changed_at = clock_timestamp()
    WHERE program_id = ${programId} AND status IN ('enrolled', 'waitlisted')
    RETURNING person_id AS "personId"`);
  return released.map((r) => r.personId);
}

// ---- Paying a program's fee (vouchers) ---------------------------------------------------------------------

/**
 * A person's enrolment with the program's fee, locked: a payment, and the refund when it is cancelled, change money
 * only while holding it, so a payment cannot slip past a cancellation (or another payment for the same fee).
 */
export async function lockForPayment(db: Executor, programId: number, personId: number) {
  return firstRow<{ id: number; status: EnrolmentStatus; feeKrw: number; title: string; sessionCount: number }>(db, sql`
    SELECT e.id, e.status, p.fee_krw AS "feeKrw", p.title, p.session_count AS "sessionCount"
    FROM enrolments e JOIN programs p ON p.id = e.program_id
    WHERE e.program_id = ${programId} AND e.person_id = ${personId}
    FOR UPDATE OF e`);
}
