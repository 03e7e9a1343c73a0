/** Every SQL statement of the delivered-courses module. */
import { sql, type SQL } from 'drizzle-orm';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { DeliveredCourseBody } from '../../../shared/contracts/delivered-courses.ts';
import {
  DEFAULT_MIN_GROUP_SIZE, type DeliveredCourseEventKind, type DeliveredCourseStatus, type ProgramAreaCode, type ProgramSubcategoryCode, type Weekday,
} from '../../../shared/vocabulary/index.ts';
import { firstRow, isoUtc, offsetOf, pageOf, rows, type Executor } from '../../platform/database/database.ts';
import type { Reader } from '../../platform/database/reads.ts';

export interface RequestRow {
  id: number;
  cityCode: string;
  organiserId: number;
  organiserName: string;
  title: string;
  description: string;
  area: ProgramAreaCode;
  subcategory: ProgramSubcategoryCode;
  dongCode: string;
  dongNameKo: string;
  dongNameEn: string;
  place: string;
  weekdays: Weekday[];
  startTime: string;
  endTime: string;
  sessionCount: number;
  inviteCode: string;
  status: DeliveredCourseStatus;
  members: number;
  minGroupSize: number;
  readyAt: string | null;
  decidedAt: string | null;
  declineReason: string | null;
  programId: number | null;
  programTitle: string | null;
  institutionName: string | null;
  instructorName: string | null;
  createdAt: string;
}

const columns = sql`
  r.id, r.city_code AS "cityCode", r.organiser_id AS "organiserId", pe.display_name AS "organiserName", r.title, r.description, r.area, r.subcategory,
  r.dong_code AS "dongCode", d.name_ko AS "dongNameKo", d.name_en AS "dongNameEn", r.place, r.weekdays,
  to_char(r.start_time, 'HH24:MI') AS "startTime", to_char(r.end_time, 'HH24:MI') AS "endTime", r.session_count AS "sessionCount",
  r.invite_code AS "inviteCode", r.status, r.members, coalesce(s.min_group_size, ${DEFAULT_MIN_GROUP_SIZE})::int AS "minGroupSize",
  ${isoUtc(sql`r.ready_at`)} AS "readyAt", ${isoUtc(sql`r.decided_at`)} AS "decidedAt", r.decline_reason AS "declineReason",
  r.program_id AS "programId", pr.title AS "programTitle", i.name AS "institutionName", pr.instructor_name AS "instructorName",
  ${isoUtc(sql`r.created_at`)} AS "createdAt"`;
const from = sql`delivered_course_requests r JOIN people pe ON pe.id = r.organiser_id JOIN dongs d ON d.code = r.dong_code
  LEFT JOIN delivered_course_settings s ON s.city_code = r.city_code
  LEFT JOIN programs pr ON pr.id = r.program_id LEFT JOIN institutions i ON i.id = r.institution_id`;
const isMember = (personId: number) => sql`EXISTS (SELECT 1 FROM delivered_course_members m WHERE m.request_id = r.id AND m.person_id = ${personId})`;

/** The city's requests its officers see: those that reached the group size (gathering ones are the residents' still), newest first. */
export async function cityRequests(db: Reader, cityCode: string, status: DeliveredCourseStatus | undefined, page: PageRequest) {
  const where = sql`r.city_code = ${cityCode} AND ${status ? sql`r.status = ${status}` : sql`r.status <> 'gathering'`}`;
  return pageOf(
    page,
    rows<RequestRow>(db, sql`SELECT ${columns} FROM ${from} WHERE ${where} ORDER BY r.ready_at DESC NULLS LAST, r.id DESC LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM delivered_course_requests r WHERE ${where}`),
  );
}

/** The requests a person organised or joined, newest first. */
export async function requestsOfMember(db: Reader, personId: number, page: PageRequest) {
  const where = isMember(personId);
  return pageOf(
    page,
    rows<RequestRow>(db, sql`SELECT ${columns} FROM ${from} WHERE ${where} ORDER BY r.created_at DESC, r.id DESC LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM delivered_course_requests r WHERE ${where}`),
  );
}

export async function findRequest(db: Reader, where: SQL) {
  return firstRow<RequestRow>(db, sql`SELECT ${columns} FROM ${from} WHERE ${where}`);
}
export const inCity = (cityCode: string, id: number) => sql`r.id = ${id} AND r.city_code = ${cityCode}`;
export const ofMember = (personId: number, id: number) => sql`r.id = ${id} AND ${isMember(personId)}`;

/** The request's state, its row locked until the transaction ends: joins and decisions of one request go one at a time. */
export async function lockRequest(tx: Executor, where: SQL) {
  return firstRow<{ id: number; cityCode: string; organiserId: number; status: DeliveredCourseStatus; title: string }>(tx, sql`
    SELECT r.id, r.city_code AS "cityCode", r.organiser_id AS "organiserId", r.status, r.title FROM delivered_course_requests r WHERE ${where} FOR UPDATE`);
}
export const byInviteCode = (cityCode: string, inviteCode: string) => sql`r.invite_code = ${inviteCode.toUpperCase()} AND r.city_code = ${cityCode}`;

export async function insertRequest(tx: Executor, cityCode: string, organiserId: number, body: DeliveredCourseBody, inviteCode: string) {
  return (await firstRow<{ id: number }>(tx, sql`
    INSERT INTO delivered_course_requests (city_code, organiser_id, title, description, area, subcategory, dong_code, place, weekdays,
      start_time, end_time, session_count, invite_code)
    VALUES (${cityCode}, ${organiserId}, ${body.title.trim()}, ${body.description.trim()}, ${body.area}, ${body.subcategory}, ${body.dongCode},
      ${body.place.trim()}, ${sql.param(body.weekdays)}::text[], ${body.startTime}::time, ${body.endTime}::time, ${body.sessionCount}, ${inviteCode})
    ON CONFLICT (invite_code) DO NOTHING
    RETURNING id`))?.id;
}

/** Adds the member unless they already are one (the primary key decides); whether it was added. */
export async function insertMember(tx: Executor, requestId: number, personId: number, cityCode: string): Promise<boolean> {
  return (await rows(tx, sql`
    INSERT INTO delivered_course_members (request_id, person_id, city_code) VALUES (${requestId}, ${personId}, ${cityCode})
    ON CONFLICT DO NOTHING RETURNING person_id`)).length > 0;
}

/** Recounts the members; the count. */
export async function recount(tx: Executor, requestId: number): Promise<number> {
  return (await firstRow<{ members: number }>(tx, sql`
    UPDATE delivered_course_requests SET members = (SELECT count(*)::int FROM delivered_course_members WHERE request_id = ${requestId})
    WHERE id = ${requestId} RETURNING members`))!.members;
}

export async function markReady(tx: Executor, requestId: number) {
  await tx.execute(sql`UPDATE delivered_course_requests SET status = 'ready', ready_at = now() WHERE id = ${requestId}`);
}

export async function deleteMember(tx: Executor, requestId: number, personId: number): Promise<boolean> {
  return (await rows(tx, sql`DELETE FROM delivered_course_members WHERE request_id = ${requestId} AND person_id = ${personId} RETURNING person_id`)).length > 0;
}

export async function markGathering(tx: Executor, requestId: number) {
  await tx.execute(sql`UPDATE delivered_course_requests SET status = 'gathering', ready_at = NULL WHERE id = ${requestId}`);
}

export async function markApproved(tx: Executor, requestId: number, by: number, decision: { programId: number; institutionId: number; profileId: number }) {
  await tx.execute(sql`
    UPDATE delivered_course_requests SET status = 'approved', decided_at = now(), decided_by = ${by}, program_id = ${decision.programId},
      institution_id = ${decision.institutionId}, instructor_profile_id = ${decision.profileId}
    WHERE id = ${requestId}`);
}

export async function markDeclined(tx: Executor, requestId: number, by: number, reason: string) {
  await tx.execute(sql`UPDATE delivered_course_requests SET status = 'declined', decided_at = now(), decided_by = ${by}, decline_reason = ${reason} WHERE id = ${requestId}`);
}

export async function memberIds(tx: Executor, requestId: number): Promise<number[]> {
  return (await rows<{ personId: number }>(tx, sql`
    SELECT person_id AS "personId" FROM delivered_course_members WHERE request_id = ${requestId} ORDER BY joined_at, person_id`)).map((r) => r.personId);
}

export async function logEvent(tx: Executor, event: { requestId: number; cityCode: string; kind: DeliveredCourseEventKind; actorId: number | null; detail?: Record<string, unknown> }) {
  await tx.execute(sql`
    INSERT INTO delivered_course_log (request_id, city_code, kind, actor_id, detail)
    VALUES (${event.requestId}, ${event.cityCode}, ${event.kind}, ${event.actorId}, ${JSON.stringify(event.detail ?? {})}::jsonb)`);
}

export async function logOf(db: Reader, requestId: number) {
  return rows<{ kind: DeliveredCourseEventKind; at: string; actorId: number | null; actorName: string | null }>(db, sql`
    SELECT l.kind, ${isoUtc(sql`l.at`)} AS at, l.actor_id AS "actorId", pe.display_name AS "actorName"
    FROM delivered_course_log l LEFT JOIN people pe ON pe.id = l.actor_id WHERE l.request_id = ${requestId} ORDER BY l.at, l.id`);
}

export async function minGroupSizeOf(db: Reader, cityCode: string): Promise<number> {
  const row = await firstRow<{ size: number }>(db, sql`SELECT min_group_size AS size FROM delivered_course_settings WHERE city_code = ${cityCode}`);
  return row?.size ?? DEFAULT_MIN_GROUP_SIZE;
}

export async function setMinGroupSize(tx: Executor, cityCode: string, size: number, by: number) {
  await tx.execute(sql`
    INSERT INTO delivered_course_settings (city_code, min_group_size, set_by) VALUES (${cityCode}, ${size}, ${by})
    ON CONFLICT (city_code) DO UPDATE SET min_group_size = EXCLUDED.min_group_size, set_by = EXCLUDED.set_by, set_at = now()`);
}

/** Where the group meets, as a dong with its centre (the venue made for the course sits there). */
export async function dongOf(db: Reader, dongCode: string) {
  return firstRow<{ code: string; cityCode: string; nameKo: string; nameEn: string; lat: number; lon: number; cityNameKo: string; cityNameEn: string }>(db, sql`
    SELECT d.code, d.municipality_code AS "cityCode", d.name_ko AS "nameKo", d.name_en AS "nameEn", d.lat, d.lon,
           m.name_ko AS "cityNameKo", m.name_en AS "cityNameEn"
    FROM dongs d JOIN municipalities m ON m.code = d.municipality_code WHERE d.code = ${dongCode}`);
}
