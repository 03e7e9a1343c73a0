/** Every SQL statement of the instructor pool: profiles, their availability, the city's pool, matching, assignments, schedules. */
import { sql, type SQL } from 'drizzle-orm';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type {
  AvailabilitySlot, Certificate, InstructorProfile, InstructorProfileBody, PoolEntry, ScheduleClash, TeachingSession,
} from '../../../shared/contracts/instructors.ts';
import { LIFELONG_EDUCATOR, weekdays, type InstructorKind, type ProgramSubcategoryCode, type TargetGroupCode, type Weekday } from '../../../shared/vocabulary/index.ts';
import { firstRow, isoUtc, offsetOf, pageOf, rows, type Executor } from '../../platform/database/database.ts';

/** Korea's weekday of a moment, as the vocabulary's code (ISO: Monday = 1). */
const weekdayCodes = sql`${sql.param([...weekdays.codes])}::text[]`;
const koreanWeekday = (moment: SQL) => sql`(${weekdayCodes})[extract(isodow FROM ${moment} AT TIME ZONE 'Asia/Seoul')::int]`;
const koreaIso = (moment: SQL) => sql`to_char(${moment} AT TIME ZONE 'Asia/Seoul', 'YYYY-MM-DD"T"HH24:MI:SS"+09:00"')`;

const availabilityOf = (profile: SQL) => sql`coalesce((
  SELECT json_agg(json_build_object('weekday', a.weekday, 'from', to_char(a.starts_at, 'HH24:MI'), 'to', to_char(a.ends_at, 'HH24:MI'))
                  ORDER BY array_position(${weekdayCodes}, a.weekday), a.starts_at)
  FROM instructor_availability a WHERE a.profile_id = ${profile}), '[]'::json)`;
const programsTaughtBy = (profile: SQL) => sql`(SELECT count(*)::int FROM program_instructors pi WHERE pi.profile_id = ${profile})`;

const poolColumns = sql`
  p.id, pe.display_name AS "displayName", p.kind, p.bio, p.skills, p.target_groups AS "targetGroups", p.certificates,
  ${availabilityOf(sql`p.id`)} AS availability, ${programsTaughtBy(sql`p.id`)} AS "programsTaught"`;

export interface StoredProfile {
  personId: number;
  kind: InstructorKind;
  bio: string;
  skills: ProgramSubcategoryCode[];
  targetGroups: TargetGroupCode[];
  certificates: Certificate[];
  travelCityCodes: string[];
  travelDongCodes: string[];
  reachCityCodes: string[];
  published: boolean;
}

/** Creates or replaces the person's profile; its id. */
export async function saveProfile(tx: Executor, profile: StoredProfile): Promise<number> {
  const [row] = await rows<{ id: number }>(tx, sql`
    INSERT INTO instructor_profiles (person_id, kind, bio, skills, target_groups, certificates, travel_city_codes, travel_dong_codes, reach_city_codes, published)
    VALUES (${profile.personId}, ${profile.kind}, ${profile.bio}, ${sql.param(profile.skills)}::text[], ${sql.param(profile.targetGroups)}::text[],
            ${JSON.stringify(profile.certificates)}::jsonb, ${sql.param(profile.travelCityCodes)}::text[], ${sql.param(profile.travelDongCodes)}::text[],
            ${sql.param(profile.reachCityCodes)}::text[], ${profile.published})
    ON CONFLICT (person_id) DO UPDATE SET
      kind = excluded.kind, bio = excluded.bio, skills = excluded.skills, target_groups = excluded.target_groups, certificates = excluded.certificates,
      travel_city_codes = excluded.travel_city_codes, travel_dong_codes = excluded.travel_dong_codes, reach_city_codes = excluded.reach_city_codes,
      published = excluded.published, updated_at = now()
    RETURNING id`);
  return row!.id;
}

export async function replaceAvailability(tx: Executor, profileId: number, slots: InstructorProfileBody['availability']): Promise<void> {
  await tx.execute(sql`DELETE FROM instructor_availability WHERE profile_id = ${profileId}`);
  if (slots.length === 0) return;
  await tx.execute(sql`
    INSERT INTO instructor_availability (profile_id, weekday, starts_at, ends_at)
    SELECT ${profileId}, w, f::time, t::time
    FROM unnest(${sql.param(slots.map((s) => s.weekday))}::text[], ${sql.param(slots.map((s) => s.from))}::text[], ${sql.param(slots.map((s) => s.to))}::text[]) AS x(w, f, t)`);
}

/** A profile in full, with the names of the places it travels to. */
export async function profileWhere(db: Executor, where: SQL): Promise<InstructorProfile | undefined> {
  return firstRow<InstructorProfile>(db, sql`
    SELECT p.id, p.person_id AS "personId", pe.display_name AS "displayName", p.kind, p.bio, p.skills, p.target_groups AS "targetGroups",
           p.certificates, ${availabilityOf(sql`p.id`)} AS availability, p.published, ${programsTaughtBy(sql`p.id`)} AS "programsTaught",
           ${isoUtc(sql`p.updated_at`)} AS "updatedAt",
           coalesce((SELECT json_agg(json_build_object('code', m.code, 'nameKo', m.name_ko, 'nameEn', m.name_en) ORDER BY m.code)
                     FROM municipalities m WHERE m.code = ANY(p.travel_city_codes)), '[]'::json) AS "travelCities",
           coalesce((SELECT json_agg(json_build_object('code', d.code, 'nameKo', d.name_ko, 'nameEn', d.name_en, 'cityNameKo', m.name_ko, 'cityNameEn', m.name_en)
                              ORDER BY d.code)
                     FROM dongs d JOIN municipalities m ON m.code = d.municipality_code WHERE d.code = ANY(p.travel_dong_codes)), '[]'::json) AS "travelDongs"
    FROM instructor_profiles p JOIN people pe ON pe.id = p.person_id
    WHERE ${where}`);
}

export const profileOfPerson = (db: Executor, personId: number) => profileWhere(db, sql`p.person_id = ${personId}`);

/** A published profile in the pool of the city (its travel area touches it). */
export const profileInPool = (db: Executor, profileId: number, cityCode: string) =>
  profileWhere(db, sql`p.id = ${profileId} AND p.published AND ${cityCode} = ANY(p.reach_city_codes)`);

/** How many of the codes exist (to refuse unknown cities and dongs). */
export async function existingPlaces(db: Executor, cityCodes: readonly string[], dongCodes: readonly string[]) {
  const [cities, dongs] = await Promise.all([
    rows<{ code: string }>(db, sql`SELECT code FROM municipalities WHERE code = ANY(${sql.param([...cityCodes])}::text[])`),
    rows<{ code: string; cityCode: string }>(db, sql`
      SELECT code, municipality_code AS "cityCode" FROM dongs WHERE code = ANY(${sql.param([...dongCodes])}::text[])`),
  ]);
  return { cities: cities.map((c) => c.code), dongs };
}

export interface PoolFilter {
  kind?: InstructorKind;
  skill?: ProgramSubcategoryCode;
  targetGroup?: TargetGroupCode;
  certificate?: string;
  /** Free for the whole of from–to on this weekday. */
  slot?: { weekday: Weekday; from: string; to: string };
}

/** The city's pool: published profiles whose travel area touches the city, most experienced first. */
export async function poolOf(db: Executor, cityCode: string, filter: PoolFilter, page: PageRequest) {
  const where = sql.join([
    sql`p.published AND ${cityCode} = ANY(p.reach_city_codes)`,
    filter.kind ? sql`p.kind = ${filter.kind}` : undefined,
    filter.skill ? sql`${filter.skill} = ANY(p.skills)` : undefined,
    filter.targetGroup ? sql`${filter.targetGroup} = ANY(p.target_groups)` : undefined,
    filter.certificate ? sql`p.certificates @> ${JSON.stringify([{ kind: filter.certificate }])}::jsonb` : undefined,
    filter.slot ? sql`EXISTS (SELECT 1 FROM instructor_availability a WHERE a.profile_id = p.id AND a.weekday = ${filter.slot.weekday}
                                AND a.starts_at <= ${filter.slot.from}::time AND a.ends_at >= ${filter.slot.to}::time)` : undefined,
  ].filter((part): part is SQL => part !== undefined), sql` AND `);
  return pageOf(
    page,
    rows<PoolEntry>(db, sql`
      SELECT ${poolColumns} FROM instructor_profiles p JOIN people pe ON pe.id = p.person_id
      WHERE ${where} ORDER BY "programsTaught" DESC, pe.display_name, p.id LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM instructor_profiles p WHERE ${where}`),
  );
}

/** The distinct weekly times a program meets (Korea time), in week order. */
export async function programSlots(db: Executor, programId: number): Promise<AvailabilitySlot[]> {
  return rows<AvailabilitySlot>(db, sql`
    SELECT DISTINCT ${koreanWeekday(sql`starts_at`)} AS weekday,
           to_char(starts_at AT TIME ZONE 'Asia/Seoul', 'HH24:MI') AS "from", to_char(ends_at AT TIME ZONE 'Asia/Seoul', 'HH24:MI') AS "to",
           extract(isodow FROM starts_at AT TIME ZONE 'Asia/Seoul') AS day
    FROM program_sessions WHERE program_id = ${programId}
    ORDER BY day, "from", "to"`);
}

/** What a program asks of its instructor. */
export interface ProgramNeeds {
  /** Null for a course not made yet (a delivered course's request): its weekly times are then `weekly`. */
  programId: number | null;
  weekly?: readonly AvailabilitySlot[];
  cityCode: string;
  dongCode: string | null;
  online: boolean;
  subcategory: ProgramSubcategoryCode;
  /** The other subcategories of its area. */
  areaSubcategories: ProgramSubcategoryCode[];
  targetGroups: TargetGroupCode[];
}

export interface CandidateRow extends PoolEntry {
  skillExact: boolean;
  skillArea: boolean;
  travels: boolean;
  /** The program's weekly times the person is not free for. */
  unavailable: AvailabilitySlot[];
  servesGroup: boolean;
  lifelongEducator: boolean;
  score: number;
  assigned: boolean;
}

/** The course's weekly times (weekday, start, end): from the program's sessions, or as the request names them. */
function weeklyTimesOf(needs: ProgramNeeds): SQL {
  if (needs.programId !== null) {
    return sql`SELECT DISTINCT ${koreanWeekday(sql`starts_at`)} AS weekday, (starts_at AT TIME ZONE 'Asia/Seoul')::time AS s, (ends_at AT TIME ZONE 'Asia/Seoul')::time AS e
      FROM program_sessions WHERE program_id = ${needs.programId}`;
  }
  const weekly = needs.weekly ?? [];
  return sql`SELECT w AS weekday, f::time AS s, t::time AS e
    FROM unnest(${sql.param(weekly.map((x) => x.weekday))}::text[], ${sql.param(weekly.map((x) => x.from))}::text[], ${sql.param(weekly.map((x) => x.to))}::text[]) AS x(w, f, t)`;
}

/**
 * The city's pool ranked for a program: the exact subcategory (4) or its area (2), a travel area covering the
 * venue (3), free at every weekly time the program meets (3), serving one of its target groups (1), holding a
 * 평생교육사 certificate (1); ties go to the more experienced. The weights are decision 010's.
 */
export async function candidatesFor(db: Executor, needs: ProgramNeeds, page: PageRequest) {
  const inPool = sql`p.published AND ${needs.cityCode} = ANY(p.reach_city_codes)`;
  // The program's weekly times once; each profile is scored against them, and only the page's rows are described.
  const items = await rows<CandidateRow>(db, sql`
    WITH slots AS MATERIALIZED (${weeklyTimesOf(needs)}), taught AS (
      SELECT profile_id, count(*)::int AS n FROM program_instructors GROUP BY profile_id
    ), flags AS (
      SELECT p.id, pe.display_name, coalesce(t.n, 0) AS taught,
             ${needs.subcategory} = ANY(p.skills) AS "skillExact",
             p.skills && ${sql.param(needs.areaSubcategories)}::text[] AS "skillArea",
             (${needs.online} OR ${needs.cityCode} = ANY(p.travel_city_codes) OR coalesce(${needs.dongCode} = ANY(p.travel_dong_codes), false)) AS travels,
             coalesce((SELECT json_agg(json_build_object('weekday', slot.weekday, 'from', to_char(slot.s, 'HH24:MI'), 'to', to_char(slot.e, 'HH24:MI'))
                                       ORDER BY array_position(${weekdayCodes}, slot.weekday), slot.s)
                       FROM slots slot
                       WHERE NOT EXISTS (SELECT 1 FROM instructor_availability a WHERE a.profile_id = p.id AND a.weekday = slot.weekday
                                           AND a.starts_at <= slot.s AND a.ends_at >= slot.e)), '[]'::json) AS unavailable,
             p.target_groups && ${sql.param(needs.targetGroups)}::text[] AS "servesGroup",
             EXISTS (SELECT 1 FROM jsonb_array_elements(p.certificates) c WHERE c->>'kind' = ANY(${sql.param([...LIFELONG_EDUCATOR])}::text[])) AS "lifelongEducator"
      FROM instructor_profiles p JOIN people pe ON pe.id = p.person_id LEFT JOIN taught t ON t.profile_id = p.id
      WHERE ${inPool}
    ), ranked AS (
      SELECT f.*, (CASE WHEN f."skillExact" THEN 4 WHEN f."skillArea" THEN 2 ELSE 0 END + CASE WHEN f.travels THEN 3 ELSE 0 END
                   + CASE WHEN json_array_length(f.unavailable) = 0 THEN 3 ELSE 0 END + CASE WHEN f."servesGroup" THEN 1 ELSE 0 END
                   + CASE WHEN f."lifelongEducator" THEN 1 ELSE 0 END) AS score
      FROM flags f
      ORDER BY score DESC, f.taught DESC, f.display_name, f.id
      LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}
    )
    SELECT ${poolColumns}, s."skillExact", s."skillArea", s.travels, s.unavailable, s."servesGroup", s."lifelongEducator", s.score,
           EXISTS (SELECT 1 FROM program_instructors pi WHERE pi.program_id = ${needs.programId} AND pi.profile_id = p.id) AS assigned
    FROM ranked s JOIN instructor_profiles p ON p.id = s.id JOIN people pe ON pe.id = p.person_id
    ORDER BY s.score DESC, s.taught DESC, s.display_name, s.id`);
  const [count] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM instructor_profiles p WHERE ${inPool}`);
  return { items, total: count!.n, ...page };
}

/** For each profile, its other (not cancelled) programs with a session at the same time as one of this program's. */
export async function clashesWith(db: Executor, programId: number, profileIds: readonly number[]) {
  if (profileIds.length === 0) return [];
  return rows<ScheduleClash & { profileId: number }>(db, sql`
    SELECT DISTINCT ON (pi.profile_id, other.program_id) pi.profile_id AS "profileId", other.program_id AS "programId", p.title,
           i.name AS "institutionName", ${koreaIso(sql`other.starts_at`)} AS "startsAt"
    FROM program_sessions mine
    JOIN program_sessions other ON other.starts_at < mine.ends_at AND mine.starts_at < other.ends_at AND other.program_id <> mine.program_id
    JOIN program_instructors pi ON pi.program_id = other.program_id
    JOIN programs p ON p.id = other.program_id AND p.status <> 'cancelled'
    JOIN institutions i ON i.id = p.institution_id
    WHERE mine.program_id = ${programId} AND pi.profile_id = ANY(${sql.param([...profileIds])}::int[])
    ORDER BY pi.profile_id, other.program_id, other.starts_at`);
}

/** Links the profile to the program (replacing whoever was linked); the profile linked before, if another. */
export async function assign(tx: Executor, link: { programId: number; profileId: number; institutionId: number; assignedBy: number }) {
  const [before] = await rows<{ profileId: number }>(tx, sql`
    SELECT profile_id AS "profileId" FROM program_instructors WHERE program_id = ${link.programId} FOR UPDATE`);
  const [row] = await rows<{ assignedAt: string }>(tx, sql`
    INSERT INTO program_instructors (program_id, profile_id, institution_id, assigned_by)
    VALUES (${link.programId}, ${link.profileId}, ${link.institutionId}, ${link.assignedBy})
    ON CONFLICT (program_id) DO UPDATE SET profile_id = excluded.profile_id, assigned_by = excluded.assigned_by,
      assigned_at = CASE WHEN program_instructors.profile_id = excluded.profile_id THEN program_instructors.assigned_at ELSE now() END
    RETURNING ${isoUtc(sql`assigned_at`)} AS "assignedAt"`);
  return { assignedAt: row!.assignedAt, previousProfileId: before && before.profileId !== link.profileId ? before.profileId : null };
}

/** Unlinks the program's profile; the profile it had, if any. */
export async function unassign(tx: Executor, programId: number): Promise<number | null> {
  const [row] = await rows<{ profileId: number }>(tx, sql`DELETE FROM program_instructors WHERE program_id = ${programId} RETURNING profile_id AS "profileId"`);
  return row?.profileId ?? null;
}

export async function assignmentOf(db: Executor, programId: number) {
  return firstRow<{ programId: number; profileId: number; displayName: string; assignedAt: string }>(db, sql`
    SELECT pi.program_id AS "programId", pi.profile_id AS "profileId", pe.display_name AS "displayName", ${isoUtc(sql`pi.assigned_at`)} AS "assignedAt"
    FROM program_instructors pi JOIN instructor_profiles p ON p.id = pi.profile_id JOIN people pe ON pe.id = p.person_id
    WHERE pi.program_id = ${programId}`);
}

export async function personOfProfile(db: Executor, profileId: number) {
  return firstRow<{ personId: number; displayName: string }>(db, sql`
    SELECT p.person_id AS "personId", pe.display_name AS "displayName" FROM instructor_profiles p JOIN people pe ON pe.id = p.person_id WHERE p.id = ${profileId}`);
}

/** Programs taught, newest first; `publicOnly` leaves out drafts (an institution's unpublished programs are its own). */
export async function taughtPrograms(db: Executor, profileId: number, publicOnly: boolean, page: PageRequest) {
  const where = sql`pi.profile_id = ${profileId} ${publicOnly ? sql`AND p.status <> 'draft'` : sql``}`;
  return pageOf(
    page,
    rows<{ programId: number; title: string; institutionName: string; cityNameKo: string; cityNameEn: string; startsOn: string; endsOn: string; status: string }>(db, sql`
      SELECT p.id AS "programId", p.title, i.name AS "institutionName", m.name_ko AS "cityNameKo", m.name_en AS "cityNameEn",
             p.starts_on::text AS "startsOn", p.ends_on::text AS "endsOn", p.status
      FROM program_instructors pi JOIN programs p ON p.id = pi.program_id JOIN institutions i ON i.id = p.institution_id
      JOIN municipalities m ON m.code = p.city_code
      WHERE ${where} ORDER BY p.starts_on DESC, p.id DESC LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM program_instructors pi JOIN programs p ON p.id = pi.program_id WHERE ${where}`),
  );
}

const teachingFrom = (personId: number, since: SQL) => sql`
  FROM instructor_profiles ip
  JOIN program_instructors pi ON pi.profile_id = ip.id
  JOIN programs p ON p.id = pi.program_id AND p.status <> 'cancelled'
  JOIN program_sessions s ON s.program_id = p.id
  JOIN institutions i ON i.id = p.institution_id
  LEFT JOIN venues v ON v.id = p.venue_id
  WHERE ip.person_id = ${personId} AND s.ends_at >= ${since}`;

const teachingColumns = sql`
  p.id AS "programId", p.title, i.name AS "institutionName",
  CASE WHEN p.mode = 'online' THEN NULL ELSE concat_ws(' ', i.name, v.name) END AS place,
  s.session_no AS "sessionNo", p.session_count AS "sessionCount", ${koreaIso(sql`s.starts_at`)} AS "startsAt", ${koreaIso(sql`s.ends_at`)} AS "endsAt"`;

/** The person's sessions across institutions from a day (Korea time) on, in time order. */
export async function teachingSessions(db: Executor, personId: number, fromDay: string, page: PageRequest) {
  const since = sql`(${fromDay}::date::timestamp AT TIME ZONE 'Asia/Seoul')`;
  return pageOf(
    page,
    rows<TeachingSession>(db, sql`
      SELECT ${teachingColumns} ${teachingFrom(personId, since)}
      ORDER BY s.starts_at, p.id, s.session_no LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n ${teachingFrom(personId, since)}`),
  );
}

/** Sessions for a calendar file: from `fromDay` on, at most `limit`. */
export async function calendarSessions(db: Executor, personId: number, fromDay: string, limit: number) {
  const since = sql`(${fromDay}::date::timestamp AT TIME ZONE 'Asia/Seoul')`;
  return rows<TeachingSession & { startsAtUtc: string; endsAtUtc: string }>(db, sql`
    SELECT ${teachingColumns}, ${isoUtc(sql`s.starts_at`)} AS "startsAtUtc", ${isoUtc(sql`s.ends_at`)} AS "endsAtUtc"
    ${teachingFrom(personId, since)} ORDER BY s.starts_at, p.id, s.session_no LIMIT ${limit}`);
}
