/** The SQL of programs in and out as files (used by the program-office module's import and export). */
import { and, asc, eq, getTableColumns, inArray, or, sql } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import { rows, type Executor } from '../../platform/database/database.ts';
import { venues } from '../institutions/institutions.schema.ts';
import { programs } from './programs.schema.ts';

/**
 * The key a program is matched on when its file comes back: the institution's own number for it, or, for a program
 * made here without one, `LC-` and its id (what the export writes for it).
 */
const fileKey = sql<string>`coalesce(${programs.externalId}, 'LC-' || ${programs.id})`;

/**
 * The institution's programs as the file has them (with what a re-import needs: id, version, status), keyed as the
 * file is: all of them, or those under the given keys.
 */
export async function programsForFile(db: Executor, institutionId: number, keys?: readonly string[]) {
  const ids = keys?.flatMap((key) => /^LC-(\d{1,9})$/.exec(key)?.[1] ?? []).map(Number) ?? [];
  const only = keys ? or(inArray(programs.externalId, [...keys]), ids.length > 0 ? inArray(programs.id, ids) : undefined) : undefined;
  return db.select({
    id: programs.id, version: programs.version, programStatus: programs.status, endsOn: programs.endsOn,
    externalId: fileKey, title: programs.title, titleEn: sql<string>`coalesce(${programs.titleEn}, '')`, description: programs.description,
    area: programs.area, subcategory: programs.subcategory, targetGroups: programs.targetGroups, purposeTags: programs.purposeTags,
    mode: programs.mode, venueName: sql<string>`coalesce(${venues.name}, '')`, startsOn: programs.startsOn, weekdays: programs.weekdays,
    startTime: sql<string>`to_char(${programs.startTime}, 'HH24:MI')`, endTime: sql<string>`to_char(${programs.endTime}, 'HH24:MI')`,
    sessionCount: programs.sessionCount, capacity: programs.capacity, feeKrw: programs.feeKrw,
    instructorName: sql<string>`coalesce(${programs.instructorName}, '')`, materials: programs.materials,
    registrationMode: programs.registrationMode, registrationNote: programs.registrationNote,
    enrolmentOpensOn: programs.enrolmentOpensOn, enrolmentClosesOn: programs.enrolmentClosesOn, creditType: programs.creditType,
    credits: programs.credits, minAge: programs.minAge, maxAge: programs.maxAge, residentsFirst: programs.residentsFirst,
    status: sql<'draft' | 'published'>`CASE WHEN ${programs.status} = 'draft' THEN 'draft' ELSE 'published' END`,
  }).from(programs).leftJoin(venues, eq(venues.id, programs.venueId))
    .where(and(eq(programs.institutionId, institutionId), only)).orderBy(asc(programs.startsOn), asc(programs.id));
}

type NewProgram = typeof programs.$inferInsert;

/** The program's fields under their column names (the schema's keys in snake case), for `json_populate_recordset` (JSON gives dates, arrays and numbers as PostgreSQL reads them). */
const columnNames = Object.fromEntries(Object.entries(getTableColumns(programs)).map(([key, column]) => [key, column.keyAsName ? toSnakeCase(key) : column.name]));
const asRecord = (program: NewProgram) => Object.fromEntries(Object.entries(program).map(([key, value]) => [columnNames[key]!, value]));

/**
 * Inserts new programs of one institution (each with its own number there), each with sessions on the given days at its own times (Korean time), in
 * two statements of one parameter set each, however many rows: a slice of an import is a thousand programs and
 * eight thousand sessions, and binding them value by value cost more than PostgreSQL's work. Returns the new ids.
 */
export async function insertProgramsWithSessions(db: Executor, items: { program: NewProgram & { externalId: string }; sessionDates: string[] }[]): Promise<number[]> {
  if (items.length === 0) return [];
  const columns = Object.keys(items[0]!.program).map((key) => sql.identifier(columnNames[key]!));
  const inserted = await rows<{ id: number; externalId: string }>(db, sql`
    INSERT INTO programs (${sql.join(columns, sql`, `)})
    SELECT ${sql.join(columns, sql`, `)} FROM json_populate_recordset(NULL::programs, ${JSON.stringify(items.map((item) => asRecord(item.program)))}::json)
    RETURNING id, external_id AS "externalId"`);
  const idOf = new Map(inserted.map((row) => [row.externalId, row.id]));
  const ids = items.map((item) => idOf.get(item.program.externalId!)!);
  const sessions = items.flatMap((item, k) => item.sessionDates.map((day, n) => [ids[k]!, n + 1, day] as const));
  await db.execute(sql`
    INSERT INTO program_sessions (program_id, city_code, session_no, starts_at, ends_at)
    SELECT p.id, p.city_code, s.session_no, (s.day + p.start_time) AT TIME ZONE INTERVAL '+09:00', (s.day + p.end_time) AT TIME ZONE INTERVAL '+09:00'
    FROM unnest(${sql.param(sessions.map((s) => s[0]))}::int[], ${sql.param(sessions.map((s) => s[1]))}::int[], ${sql.param(sessions.map((s) => s[2]))}::date[])
         AS s(program_id, session_no, day)
    JOIN programs p ON p.id = s.program_id`);
  return ids;
}

/** Brings the planner's statistics up to date after a large import: planned on the old sizes, the next import's lookups scanned every program of the institution. */
export async function analyzePrograms(db: Executor): Promise<void> {
  await db.execute(sql`ANALYZE programs, program_sessions`);
}
