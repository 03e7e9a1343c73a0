/** Every SQL statement of the programs module. */
import { and, asc, count, eq, inArray, sql, type SQLWrapper } from 'drizzle-orm';
import { seatHoldingStatuses } from '../../../shared/vocabulary/index.ts';
import { rows, type Executor } from '../../platform/database/database.ts';
import type { Reader } from '../../platform/database/reads.ts';
import { dongs, municipalities } from '../geography/geography.schema.ts';
import { institutions, venues } from '../institutions/institutions.schema.ts';
import { unpublishedStatuses } from './program-visibility.ts';
import { programSessions, programs, searchMisses } from './programs.schema.ts';

/** The visibility rule in SQL, for lists and counts everyone reads: the program's `status` is not an unpublished one. */
export const publicProgram = (status: SQLWrapper) => sql`${status} <> ALL(${sql.param([...unpublishedStatuses])}::text[])`;

/** A program's card in lists and search results (the catalogue index keeps one per open program). */
export const summaryColumns = {
  id: programs.id,
  title: programs.title,
  titleEn: programs.titleEn,
  institutionId: programs.institutionId,
  institutionName: institutions.name,
  institutionNameEn: institutions.nameEn,
  cityCode: programs.cityCode,
  cityNameKo: municipalities.nameKo,
  cityNameEn: municipalities.nameEn,
  dongCode: programs.dongCode,
  dongNameKo: dongs.nameKo,
  dongNameEn: dongs.nameEn,
  area: programs.area,
  subcategory: programs.subcategory,
  targetGroups: programs.targetGroups,
  purposeTags: programs.purposeTags,
  mode: programs.mode,
  status: programs.status,
  startsOn: programs.startsOn,
  endsOn: programs.endsOn,
  weekdays: programs.weekdays,
  startTime: sql<string>`to_char(${programs.startTime}, 'HH24:MI')`,
  endTime: sql<string>`to_char(${programs.endTime}, 'HH24:MI')`,
  sessionCount: programs.sessionCount,
  totalHours: programs.totalHours,
  capacity: programs.capacity,
  feeKrw: programs.feeKrw,
  creditType: programs.creditType,
  credits: programs.credits,
  lat: programs.lat,
  lon: programs.lon,
  publishedAt: sql<string | null>`${programs.publishedAt}::text`,
  enrolmentOpensOn: programs.enrolmentOpensOn,
  enrolmentClosesOn: programs.enrolmentClosesOn,
};

/** Summaries of the given programs (in no particular order). */
export async function programsByIds(db: Reader, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.select(summaryColumns).from(programs)
    .innerJoin(institutions, eq(institutions.id, programs.institutionId))
    .innerJoin(municipalities, eq(municipalities.code, programs.cityCode))
    .leftJoin(dongs, eq(dongs.code, programs.dongCode))
    .where(inArray(programs.id, [...ids]));
}

export async function logSearchMiss(db: Executor, miss: { query: string; cityCode: string | null; dongCode: string | null; filters: object }) {
  await db.insert(searchMisses).values(miss);
}

// Seats are held by enrolled, completed and not-completed learners; read-only, from the enrolment module's table.
const seatsTaken = sql<number>`(SELECT count(*)::int FROM enrolments e WHERE e.program_id = ${programs.id} AND e.status = ANY(${sql.param([...seatHoldingStatuses])}::text[]))`;
const waitlisted = sql<number>`(SELECT count(*)::int FROM enrolments e WHERE e.program_id = ${programs.id} AND e.status = 'waitlisted')`;

export async function findProgram(db: Reader, id: number) {
  const [row] = await db
    .select({
      ...summaryColumns,
      description: programs.description,
      institutionType: institutions.type,
      institutionPhone: institutions.phone,
      venueId: programs.venueId,
      venueName: venues.name,
      venueStepFree: venues.stepFree,
      minAge: programs.minAge,
      maxAge: programs.maxAge,
      residentsFirst: programs.residentsFirst,
      textReminders: programs.textReminders,
      instructorName: programs.instructorName,
      openToAllOn: programs.openToAllOn,
      completionRate: programs.completionRate,
      materials: programs.materials,
      registrationMode: programs.registrationMode,
      registrationNote: programs.registrationNote,
      cancelReason: programs.cancelReason,
      seatsLeft: sql<number>`${programs.capacity} - ${seatsTaken}`,
      waitlisted,
    })
    .from(programs)
    .innerJoin(institutions, eq(institutions.id, programs.institutionId))
    .innerJoin(municipalities, eq(municipalities.code, programs.cityCode))
    .leftJoin(dongs, eq(dongs.code, programs.dongCode))
    .leftJoin(venues, eq(venues.id, programs.venueId))
    .where(eq(programs.id, id));
  return row;
}

export async function sessionsOf(db: Reader, programId: number) {
  return db
    .select({
      sessionNo: programSessions.sessionNo,
      startsAt: sql<string>`to_char(${programSessions.startsAt} AT TIME ZONE 'Asia/Seoul', 'YYYY-MM-DD"T"HH24:MI:SS"+09:00"')`,
      endsAt: sql<string>`to_char(${programSessions.endsAt} AT TIME ZONE 'Asia/Seoul', 'YYYY-MM-DD"T"HH24:MI:SS"+09:00"')`,
    })
    .from(programSessions)
    .where(eq(programSessions.programId, programId))
    .orderBy(asc(programSessions.sessionNo));
}

/** Programs anyone may see (ended and cancelled ones too; drafts not) of a city or an institution. */
export async function countPrograms(db: Reader, cityCode?: string, institutionId?: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(programs).where(and(
    publicProgram(programs.status),
    cityCode ? eq(programs.cityCode, cityCode) : undefined,
    institutionId ? eq(programs.institutionId, institutionId) : undefined,
  ));
  return row!.n;
}

/** A city's published first-come programs starting within [from, until] (a term), for a registration opening. */
export async function termProgramIds(db: Executor, cityCode: string, from: string, until: string): Promise<number[]> {
  const found = await db.select({ id: programs.id }).from(programs).where(and(
    eq(programs.cityCode, cityCode), eq(programs.status, 'published'), eq(programs.registrationMode, 'online'),
    sql`${programs.startsOn} BETWEEN ${from}::date AND ${until}::date`,
  )).orderBy(asc(programs.id));
  return found.map((p) => p.id);
}

export type NewProgram = typeof programs.$inferInsert;

export async function insertProgram(db: Executor, program: NewProgram): Promise<number> {
  const [row] = await db.insert(programs).values(program).returning({ id: programs.id });
  return row!.id;
}

export async function insertSessions(db: Executor, sessions: (typeof programSessions.$inferInsert)[]) {
  if (sessions.length > 0) await db.insert(programSessions).values(sessions);
}

/**
 * The facts enrolment needs about a program, with the program row locked until the transaction ends:
 * the lock serialises everyone enrolling in the same program, so its capacity is never exceeded.
 */
export async function lockForEnrolment(db: Executor, id: number) {
  const [row] = await db
    .select({
      id: programs.id, title: programs.title, cityCode: programs.cityCode, cityName: municipalities.nameKo,
      institutionId: programs.institutionId, status: programs.status, capacity: programs.capacity,
      startsOn: programs.startsOn, endsOn: programs.endsOn, enrolmentOpensOn: programs.enrolmentOpensOn,
      enrolmentClosesOn: programs.enrolmentClosesOn, minAge: programs.minAge, maxAge: programs.maxAge,
      residentsFirst: programs.residentsFirst, openToAllOn: programs.openToAllOn, completionRate: programs.completionRate,
      sessionCount: programs.sessionCount, totalHours: programs.totalHours, area: programs.area, credits: programs.credits,
      registrationMode: programs.registrationMode, registrationNote: programs.registrationNote,
    })
    .from(programs)
    .innerJoin(municipalities, eq(municipalities.code, programs.cityCode))
    .where(eq(programs.id, id))
    .for('update', { of: programs });
  return row;
}

/** Sessions of `programId` that overlap sessions of the other programs: the first clash with each. */
export async function findClashes(db: Executor, programId: number, otherProgramIds: readonly number[]) {
  if (otherProgramIds.length === 0) return [];
  return rows<{ programId: number; title: string; startsAt: string }>(db, sql`
    SELECT DISTINCT ON (other.program_id) other.program_id AS "programId", p.title,
      to_char(other.starts_at AT TIME ZONE 'Asia/Seoul', 'YYYY-MM-DD"T"HH24:MI:SS"+09:00"') AS "startsAt"
    FROM program_sessions mine
    JOIN program_sessions other ON other.starts_at < mine.ends_at AND mine.starts_at < other.ends_at
    JOIN programs p ON p.id = other.program_id
    WHERE mine.program_id = ${programId} AND other.program_id = ANY(${sql.param([...otherProgramIds])}::int[])
    ORDER BY other.program_id, other.starts_at`);
}

export async function sessionIdsOf(db: Executor, programId: number) {
  return db.select({ id: programSessions.id, sessionNo: programSessions.sessionNo, startsAt: programSessions.startsAt })
    .from(programSessions).where(eq(programSessions.programId, programId)).orderBy(asc(programSessions.sessionNo));
}

export async function setCompletionRate(db: Executor, programId: number, completionRate: number) {
  await db.update(programs).set({ completionRate, updatedAt: sql`now()` }).where(eq(programs.id, programId));
}

/**
 * Names the program's instructor (the pool links a profile): a new version, so an editor opened before is told
 * the program changed rather than writing the old name back.
 */
export async function setInstructorName(db: Executor, programId: number, instructorName: string | null) {
  await db.update(programs).set({ instructorName, version: sql`${programs.version} + 1`, updatedAt: sql`now()` }).where(eq(programs.id, programId));
}
