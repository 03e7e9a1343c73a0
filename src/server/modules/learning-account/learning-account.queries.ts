/**
 * A person's lifelong learning record (평생학습계좌), read across modules: enrolments, programs, certificates,
 * ratings, study groups, volunteering. Read-only; nothing here writes.
 */
import { sql } from 'drizzle-orm';
import type { LearningEntry } from '../../../shared/contracts/learning-account.ts';
import type { VolunteerKind } from '../../../shared/vocabulary/index.ts';
import { firstRow, rows, type Executor } from '../../platform/database/database.ts';
import { programsModule } from '../programs/index.ts';

export async function personOf(db: Executor, personId: number) {
  return firstRow<{ displayName: string; birthYear: number | null; homeCityNameKo: string | null }>(db, sql`
    SELECT p.display_name AS "displayName", p.birth_year AS "birthYear", m.name_ko AS "homeCityNameKo"
    FROM people p LEFT JOIN municipalities m ON m.code = p.home_city_code WHERE p.id = ${personId}`);
}

export async function entriesOf(db: Executor, personId: number) {
  return rows<LearningEntry>(db, sql`
    SELECT e.id AS "enrolmentId", e.status, p.id AS "programId", p.title, p.title_en AS "titleEn", p.area, p.mode,
           i.id AS "institutionId", i.name AS "institutionName", i.name_en AS "institutionNameEn", m.name_ko AS "cityNameKo", m.name_en AS "cityNameEn",
           p.starts_on::text AS "startsOn", p.ends_on::text AS "endsOn", p.total_hours::float8 AS "totalHours",
           p.credits::float8 AS credits, p.credit_type AS "creditType", p.session_count AS "sessionCount",
           (SELECT count(*)::int FROM attendance a WHERE a.enrolment_id = e.id AND a.present) AS attended,
           c.id::text AS "certificateId", (r.enrolment_id IS NOT NULL) AS rated,
           to_char(e.enrolled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "enrolledAt"
    FROM enrolments e
    JOIN programs p ON p.id = e.program_id
    JOIN institutions i ON i.id = p.institution_id
    JOIN municipalities m ON m.code = p.city_code
    LEFT JOIN certificates c ON c.enrolment_id = e.id
    LEFT JOIN program_ratings r ON r.enrolment_id = e.id
    WHERE e.person_id = ${personId} AND ${programsModule.publicProgram(sql`p.status`)}
    ORDER BY p.starts_on DESC, e.id DESC`);
}

export async function studyGroupsOf(db: Executor, personId: number) {
  return rows<{ id: number; name: string; cityNameKo: string; role: string; joinedOn: string }>(db, sql`
    SELECT g.id, g.name, m.name_ko AS "cityNameKo", sm.role, sm.joined_on::text AS "joinedOn"
    FROM study_group_members sm JOIN study_groups g ON g.id = sm.study_group_id JOIN municipalities m ON m.code = g.city_code
    WHERE sm.person_id = ${personId} ORDER BY sm.joined_on DESC`);
}

export async function volunteeringOf(db: Executor, personId: number) {
  return rows<{ kind: VolunteerKind; cityNameKo: string; since: string; active: boolean }>(db, sql`
    SELECT v.kind, m.name_ko AS "cityNameKo", v.since::text AS since, v.active
    FROM volunteers v JOIN municipalities m ON m.code = v.city_code WHERE v.person_id = ${personId} ORDER BY v.since DESC`);
}

export async function certificateJwtsOf(db: Executor, personId: number) {
  return rows<{ id: string; jwt: string }>(db, sql`SELECT id::text, jwt FROM certificates WHERE person_id = ${personId} ORDER BY issued_at`);
}
