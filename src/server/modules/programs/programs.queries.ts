/** Every SQL statement of the programs module. */
import { and, asc, count, desc, eq, gte, sql } from 'drizzle-orm';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { DeliveryMode, ProgramAreaCode, ProgramStatus } from '../../../shared/vocabulary/index.ts';
import { containing, offsetOf, pageOf, type Executor } from '../../platform/database/database.ts';
import { dongs, municipalities } from '../geography/geography.schema.ts';
import { institutions, venues } from '../institutions/institutions.schema.ts';
import { programSessions, programs } from './programs.schema.ts';

const summaryColumns = {
  id: programs.id,
  title: programs.title,
  titleEn: programs.titleEn,
  institutionId: programs.institutionId,
  institutionName: institutions.name,
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
};

export interface ProgramListFilter {
  /** Every word must appear in the Korean or English title. */
  text?: string;
  cityCode?: string;
  institutionId?: number;
  area?: ProgramAreaCode;
  mode?: DeliveryMode;
  status: ProgramStatus;
  /** Only programs that have not ended by this date. */
  notEndedBefore?: string;
}

export async function listPrograms(db: Executor, filter: ProgramListFilter, page: PageRequest) {
  const words = filter.text?.split(/\s+/).filter(Boolean) ?? [];
  const where = and(
    eq(programs.status, filter.status),
    ...words.map((word) => sql`(${programs.title} ILIKE ${containing(word)} OR ${programs.titleEn} ILIKE ${containing(word)})`),
    filter.cityCode ? eq(programs.cityCode, filter.cityCode) : undefined,
    filter.institutionId ? eq(programs.institutionId, filter.institutionId) : undefined,
    filter.area ? eq(programs.area, filter.area) : undefined,
    filter.mode ? eq(programs.mode, filter.mode) : undefined,
    filter.notEndedBefore ? gte(programs.endsOn, filter.notEndedBefore) : undefined,
  );
  return pageOf(
    page,
    db.select(summaryColumns).from(programs)
      .innerJoin(institutions, eq(institutions.id, programs.institutionId))
      .innerJoin(municipalities, eq(municipalities.code, programs.cityCode))
      .leftJoin(dongs, eq(dongs.code, programs.dongCode))
      .where(where)
      .orderBy(sql`${programs.publishedAt} DESC NULLS LAST`, desc(programs.id))
      .limit(page.pageSize).offset(offsetOf(page)),
    db.select({ n: count() }).from(programs).where(where),
  );
}

export async function findProgram(db: Executor, id: number) {
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
      instructorName: programs.instructorName,
      enrolmentOpensOn: programs.enrolmentOpensOn,
      enrolmentClosesOn: programs.enrolmentClosesOn,
    })
    .from(programs)
    .innerJoin(institutions, eq(institutions.id, programs.institutionId))
    .innerJoin(municipalities, eq(municipalities.code, programs.cityCode))
    .leftJoin(dongs, eq(dongs.code, programs.dongCode))
    .leftJoin(venues, eq(venues.id, programs.venueId))
    .where(eq(programs.id, id));
  return row;
}

export async function sessionsOf(db: Executor, programId: number) {
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

export async function countPrograms(db: Executor, cityCode?: string, institutionId?: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(programs).where(and(
    cityCode ? eq(programs.cityCode, cityCode) : undefined,
    institutionId ? eq(programs.institutionId, institutionId) : undefined,
  ));
  return row!.n;
}

export type NewProgram = typeof programs.$inferInsert;

export async function insertProgram(db: Executor, program: NewProgram): Promise<number> {
  const [row] = await db.insert(programs).values(program).returning({ id: programs.id });
  return row!.id;
}

export async function insertSessions(db: Executor, sessions: (typeof programSessions.$inferInsert)[]) {
  if (sessions.length > 0) await db.insert(programSessions).values(sessions);
}
