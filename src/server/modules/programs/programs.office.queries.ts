/** The SQL of the institution's back office over its programs (used by the program-office module). */
import { and, asc, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import { seatHoldingStatuses, type OfficePhase } from '../../../shared/vocabulary/index.ts';
import { rows, type Executor } from '../../platform/database/database.ts';
import { venues } from '../institutions/institutions.schema.ts';
import { programSessions, programs } from './programs.schema.ts';

/** Where a program stands on `today`, in the words of its staff. */
const phaseOf = (today: string) => sql<OfficePhase>`CASE
  WHEN ${programs.status} = 'draft' THEN 'draft'
  WHEN ${programs.status} = 'cancelled' THEN 'cancelled'
  WHEN ${programs.endsOn} < ${today}::date THEN 'finished'
  WHEN ${programs.startsOn} <= ${today}::date THEN 'running'
  ELSE 'open' END`;

// Written out with the table's name: drizzle leaves a column unqualified in a one-table select, where `id` would be the enrolment's.
const enrolled = sql<number>`(SELECT count(*)::int FROM enrolments e WHERE e.program_id = programs.id AND e.status = ANY(${sql.param([...seatHoldingStatuses])}::text[]))`;
const waitlisted = sql<number>`(SELECT count(*)::int FROM enrolments e WHERE e.program_id = programs.id AND e.status = 'waitlisted')`;
const hhmm = (column: SQLWrapper) => sql<string>`to_char(${column}, 'HH24:MI')`;

export interface OfficeFilter {
  institutionId: number;
  phase?: OfficePhase;
  q?: string;
}

function officeWhere(filter: OfficeFilter, today: string): SQL {
  return and(
    eq(programs.institutionId, filter.institutionId),
    filter.phase ? sql`${phaseOf(today)} = ${filter.phase}` : undefined,
    filter.q ? sql`${programs.title} ILIKE ${`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : undefined,
  )!;
}

/** The institution's programs, the soonest to start first among those still ahead, then the most recent. */
export async function officeList(db: Executor, filter: OfficeFilter, page: PageRequest, today: string) {
  const where = officeWhere(filter, today);
  const [items, [counted]] = await Promise.all([
    db.select({
      id: programs.id, title: programs.title, status: programs.status, phase: phaseOf(today), startsOn: programs.startsOn, endsOn: programs.endsOn,
      weekdays: programs.weekdays, startTime: hhmm(programs.startTime), endTime: hhmm(programs.endTime), sessionCount: programs.sessionCount,
      capacity: programs.capacity, enrolled, waitlisted, venueName: venues.name, instructorName: programs.instructorName,
    }).from(programs).leftJoin(venues, eq(venues.id, programs.venueId)).where(where)
      .orderBy(sql`${programs.endsOn} < ${today}::date`, sql`CASE WHEN ${programs.endsOn} < ${today}::date THEN NULL ELSE ${programs.startsOn} END`, sql`${programs.startsOn} DESC`, asc(programs.id))
      .limit(page.pageSize).offset((page.page - 1) * page.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(programs).where(where),
  ]);
  return { items, total: counted!.n };
}

export async function phaseCounts(db: Executor, institutionId: number, today: string) {
  return rows<{ phase: OfficePhase; n: number }>(db, sql`
    SELECT phase, count(*)::int AS n FROM (SELECT ${phaseOf(today)} AS phase FROM programs WHERE institution_id = ${institutionId}) p GROUP BY phase`);
}

/** A program as its staff edit it. */
export async function officeProgram(db: Executor, id: number, today: string) {
  const [row] = await db.select({
    id: programs.id, institutionId: programs.institutionId, cityCode: programs.cityCode, status: programs.status, phase: phaseOf(today),
    cancelReason: programs.cancelReason, version: programs.version, title: programs.title, titleEn: sql<string>`coalesce(${programs.titleEn}, '')`,
    description: programs.description, area: programs.area, subcategory: programs.subcategory, targetGroups: programs.targetGroups,
    purposeTags: programs.purposeTags, mode: programs.mode, venueId: programs.venueId, weekdays: programs.weekdays,
    startTime: hhmm(programs.startTime), endTime: hhmm(programs.endTime), capacity: programs.capacity, feeKrw: programs.feeKrw,
    creditType: programs.creditType, credits: programs.credits, minAge: programs.minAge, maxAge: programs.maxAge,
    residentsFirst: programs.residentsFirst, textReminders: programs.textReminders, instructorName: sql<string>`coalesce(${programs.instructorName}, '')`, materials: programs.materials,
    registrationMode: programs.registrationMode, registrationNote: programs.registrationNote,
    enrolmentOpensOn: programs.enrolmentOpensOn, enrolmentClosesOn: programs.enrolmentClosesOn, enrolled, waitlisted,
  }).from(programs).where(eq(programs.id, id));
  return row;
}

/** Locks the program for an edit from the back office (the same row enrolment locks, so places stay counted right). */
export async function lockForEdit(db: Executor, id: number) {
  const [row] = await db.select({
    id: programs.id, institutionId: programs.institutionId, cityCode: programs.cityCode, status: programs.status, version: programs.version,
    title: programs.title, capacity: programs.capacity, venueId: programs.venueId, mode: programs.mode, endsOn: programs.endsOn,
  }).from(programs).where(eq(programs.id, id)).for('update');
  return row;
}

export type ProgramChanges = Partial<typeof programs.$inferInsert>;

/** Writes the edited fields and raises the version. */
export async function updateProgram(db: Executor, id: number, changes: ProgramChanges): Promise<void> {
  await db.update(programs).set({ ...changes, version: sql`${programs.version} + 1`, updatedAt: sql`now()` }).where(eq(programs.id, id));
}

/** The sessions with whether anyone's attendance was taken at them (those may no longer move or go). */
export async function sessionsForEdit(db: Executor, programId: number) {
  return db.select({
    id: programSessions.id, sessionNo: programSessions.sessionNo, startsAt: programSessions.startsAt, endsAt: programSessions.endsAt,
    attended: sql<boolean>`EXISTS (SELECT 1 FROM attendance a WHERE a.session_id = program_sessions.id)`,
  }).from(programSessions).where(eq(programSessions.programId, programId)).orderBy(asc(programSessions.sessionNo));
}

export async function moveSession(db: Executor, id: number, session: { sessionNo: number; startsAt: Date; endsAt: Date }): Promise<void> {
  await db.update(programSessions).set(session).where(eq(programSessions.id, id));
}

export async function deleteSessions(db: Executor, ids: readonly number[]): Promise<void> {
  if (ids.length > 0) await db.delete(programSessions).where(inArray(programSessions.id, [...ids]));
}

export async function markCancelled(db: Executor, id: number, reason: string): Promise<void> {
  await db.update(programs).set({ status: 'cancelled', cancelReason: reason, version: sql`${programs.version} + 1`, updatedAt: sql`now()` }).where(eq(programs.id, id));
}
