/**
 * A person's lifelong learning record (평생학습계좌), read across modules: enrolments, programs, certificates,
 * ratings, study groups, volunteering. Read-only; nothing here writes.
 */
import { sql } from 'drizzle-orm';
import type { LearningEntry } from '../../../shared/contracts/learning-account.ts';
import type { VolunteerKind } from '../../../shared/vocabulary/index.ts';
import { firstRow, isoUtc, rows, type Executor } from '../../platform/database/database.ts';
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
           c.id::text AS "certificateId", (r.enrolment_id IS NOT NULL) AS rated, 'local_leader' = ANY(p.purpose_tags) AS "localLeader",
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

/** The groups they belong or belonged to, with the hours of the meetings they attended. */
export async function studyGroupsOf(db: Executor, personId: number) {
  return rows<{ id: number; cityCode: string; name: string; cityNameKo: string; role: string; joinedOn: string; leftOn: string | null; hours: number }>(db, sql`
    SELECT g.id, g.city_code AS "cityCode", g.name, m.name_ko AS "cityNameKo", sm.role, sm.joined_on::text AS "joinedOn", sm.left_on::text AS "leftOn",
           (SELECT coalesce(sum(mt.hours), 0)::float8 FROM study_group_attendance a JOIN study_group_meetings mt ON mt.id = a.meeting_id
            WHERE a.study_group_id = g.id AND a.person_id = sm.person_id) AS hours
    FROM study_group_members sm JOIN study_groups g ON g.id = sm.study_group_id JOIN municipalities m ON m.code = g.city_code
    WHERE sm.person_id = ${personId} ORDER BY sm.joined_on DESC, g.id DESC`);
}

/** Their registrations as volunteers, with the hours that count (entries no correction replaced). */
export async function volunteeringOf(db: Executor, personId: number) {
  return rows<{ kind: VolunteerKind; cityNameKo: string; since: string; active: boolean; hours: number }>(db, sql`
    SELECT v.kind, m.name_ko AS "cityNameKo", v.since::text AS since, v.active,
           (SELECT coalesce(sum(h.hours), 0)::float8 FROM volunteer_hours h
            WHERE h.volunteer_id = v.id AND NOT EXISTS (SELECT 1 FROM volunteer_hours r WHERE r.replaces_id = h.id)) AS hours
    FROM volunteers v JOIN municipalities m ON m.code = v.city_code WHERE v.person_id = ${personId} ORDER BY v.since DESC, v.id DESC`);
}

export async function certificateJwtsOf(db: Executor, personId: number) {
  return rows<{ id: string; jwt: string }>(db, sql`SELECT id::text, jwt FROM certificates WHERE person_id = ${personId} ORDER BY issued_at`);
}

// ---- The private calendar feed ------------------------------------------------------------------------

export async function feedOf(db: Executor, personId: number) {
  return firstRow<{ token: string; createdAt: string; lastFetchedAt: string | null }>(db, sql`
    SELECT token, ${isoUtc(sql`created_at`)} AS "createdAt", ${isoUtc(sql`last_fetched_at`)} AS "lastFetchedAt"
    FROM calendar_feeds WHERE person_id = ${personId}`);
}

/** Gives the person a feed under a new secret, replacing (and so ending) any earlier one. */
export async function replaceFeed(db: Executor, personId: number, token: string) {
  await db.execute(sql`
    INSERT INTO calendar_feeds (person_id, token) VALUES (${personId}, ${token})
    ON CONFLICT (person_id) DO UPDATE SET token = excluded.token, created_at = now(), last_fetched_at = NULL`);
}

export async function deleteFeed(db: Executor, personId: number) {
  await db.execute(sql`DELETE FROM calendar_feeds WHERE person_id = ${personId}`);
}

/** Whose feed the secret opens, noting that a calendar fetched it. */
export async function feedOwner(db: Executor, token: string) {
  return firstRow<{ personId: number; locale: string }>(db, sql`
    UPDATE calendar_feeds f SET last_fetched_at = now() FROM people p
    WHERE f.token = ${token} AND p.id = f.person_id
    RETURNING f.person_id AS "personId", p.locale`);
}

/**
 * The sessions of the programs the person holds a place in (or completed), from `fromDay` (Korea time) on, in time
 * order, at most `limit`: a waitlist place or a cancelled one is not theirs to attend.
 */
export async function feedSessions(db: Executor, personId: number, fromDay: string, limit: number) {
  return rows<{ programId: number; title: string; institutionName: string; place: string | null; sessionNo: number; sessionCount: number; startsAt: string; endsAt: string }>(db, sql`
    SELECT p.id AS "programId", p.title, i.name AS "institutionName",
           CASE WHEN p.mode = 'online' THEN NULL ELSE concat_ws(' ', i.name, v.name) END AS place,
           s.session_no AS "sessionNo", p.session_count AS "sessionCount", ${isoUtc(sql`s.starts_at`)} AS "startsAt", ${isoUtc(sql`s.ends_at`)} AS "endsAt"
    FROM enrolments e
    JOIN programs p ON p.id = e.program_id AND p.status <> 'cancelled'
    JOIN program_sessions s ON s.program_id = p.id
    JOIN institutions i ON i.id = p.institution_id
    LEFT JOIN venues v ON v.id = p.venue_id
    WHERE e.person_id = ${personId} AND e.status IN ('enrolled', 'completed', 'not_completed')
      AND s.ends_at >= (${fromDay}::date::timestamp AT TIME ZONE 'Asia/Seoul')
    ORDER BY s.starts_at, p.id, s.session_no LIMIT ${limit}`);
}
