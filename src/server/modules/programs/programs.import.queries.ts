/** The SQL of programs in and out as files (used by the program-office module's import and export). */
import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/database/database.ts';
import { venues } from '../institutions/institutions.schema.ts';
import { programSessions, programs } from './programs.schema.ts';

/**
 * The key a program is matched on when its file comes back: the institution's own number for it, or, for a program
 * made here without one, `LC-` and its id (what the export writes for it).
 */
const fileKey = sql<string>`coalesce(${programs.externalId}, 'LC-' || ${programs.id})`;

/** The institution's programs as the file has them (with what a re-import needs: id, version, status), keyed as the file is. */
export async function programsForFile(db: Executor, institutionId: number) {
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
    .where(eq(programs.institutionId, institutionId)).orderBy(asc(programs.startsOn), asc(programs.id));
}

type NewProgram = typeof programs.$inferInsert;
type NewSession = typeof programSessions.$inferInsert;

/** PostgreSQL takes at most 65,535 parameters a statement: rows go in slices well under it. */
const SLICE = 1000;

/** Inserts many programs, each with its sessions; returns their ids in order. */
export async function insertProgramsWithSessions(db: Executor, items: { program: NewProgram; sessions: Omit<NewSession, 'programId'>[] }[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < items.length; i += SLICE) {
    const slice = items.slice(i, i + SLICE);
    const inserted = await db.insert(programs).values(slice.map((item) => item.program)).returning({ id: programs.id });
    const sliceIds = inserted.map((row) => row.id);
    const sessions = slice.flatMap((item, k) => item.sessions.map((s) => ({ ...s, programId: sliceIds[k]! })));
    for (let j = 0; j < sessions.length; j += 5 * SLICE) await db.insert(programSessions).values(sessions.slice(j, j + 5 * SLICE));
    ids.push(...sliceIds);
  }
  return ids;
}
