/** Every SQL statement of study groups: the groups, their members, meetings and attendance, and the city's support. */
import { sql, type SQL } from 'drizzle-orm';
import type { PageOf, PageRequest } from '../../../shared/contracts/common.ts';
import type {
  StudyGroupBody, StudyGroupMeeting, StudyGroupMember, StudyGroupSummary, StudyGroupSupportEntry,
} from '../../../shared/contracts/participation.ts';
import type { ProgramAreaCode, StudyGroupSupport } from '../../../shared/vocabulary/index.ts';
import { firstRow, isoUtc, offsetOf, rows, type Executor } from '../../platform/database/database.ts';
import type { Reader } from '../../platform/database/reads.ts';

/** Members now: a row with a day they left is history (it keeps the hours of the meetings they attended). */
const current = sql`sm.left_on IS NULL`;

const summaryColumns = sql`
  g.id, g.city_code AS "cityCode", g.name, g.area, g.dong_code AS "dongCode", d.name_ko AS "dongNameKo", d.name_en AS "dongNameEn",
  g.description, g.meeting_place AS "meetingPlace", g.meeting_pattern AS "meetingPattern", g.founded_on::text AS "foundedOn", g.active,
  g.support, g.support_amount_won AS "supportAmountWon", g.support_year AS "supportYear",
  (SELECT count(*)::int FROM study_group_members sm WHERE sm.study_group_id = g.id AND ${current}) AS members,
  (SELECT count(*)::int FROM study_group_meetings mt WHERE mt.study_group_id = g.id) AS meetings,
  (SELECT coalesce(sum(mt.hours), 0)::float8 FROM study_group_meetings mt WHERE mt.study_group_id = g.id) AS hours`;

const fromGroups = sql`FROM study_groups g LEFT JOIN dongs d ON d.code = g.dong_code`;

export interface GroupFilter { area?: ProgramAreaCode; support?: StudyGroupSupport }

export async function listGroups(db: Reader, cityCode: string, filter: GroupFilter, page: PageRequest): Promise<PageOf<StudyGroupSummary>> {
  const conditions: SQL[] = [sql`g.city_code = ${cityCode}`, sql`g.active`];
  if (filter.area) conditions.push(sql`g.area = ${filter.area}`);
  if (filter.support) conditions.push(sql`g.support = ${filter.support}`);
  const where = sql.join(conditions, sql` AND `);
  const [items, total] = await Promise.all([
    rows<StudyGroupSummary>(db, sql`SELECT ${summaryColumns} ${fromGroups} WHERE ${where}
      ORDER BY g.founded_on DESC, g.id DESC LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    firstRow<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM study_groups g WHERE ${where}`),
  ]);
  return { items, total: total?.n ?? 0, page: page.page, pageSize: page.pageSize };
}

export async function findGroup(db: Reader, cityCode: string, id: number) {
  return firstRow<StudyGroupSummary>(db, sql`SELECT ${summaryColumns} ${fromGroups} WHERE g.city_code = ${cityCode} AND g.id = ${id}`);
}

/** Holds the group while members join, leave or attend, so a meeting's attendees are members at that moment. */
export async function lockGroup(tx: Executor, cityCode: string, id: number) {
  return firstRow<{ id: number; active: boolean }>(tx, sql`SELECT id, active FROM study_groups WHERE city_code = ${cityCode} AND id = ${id} FOR UPDATE`);
}

export async function insertGroup(tx: Executor, cityCode: string, personId: number, body: StudyGroupBody, today: string): Promise<number> {
  const row = await firstRow<{ id: number }>(tx, sql`
    INSERT INTO study_groups (city_code, dong_code, name, area, description, meeting_place, meeting_pattern, founded_on, registered_by)
    VALUES (${cityCode}, ${body.dongCode}, ${body.name.trim()}, ${body.area}, ${body.description.trim()}, ${body.meetingPlace?.trim() ?? ''},
            ${body.meetingPattern?.trim() ?? ''}, ${today}, ${personId})
    RETURNING id`);
  return row!.id;
}

/**
 * Adds a member (the primary key allows one membership per person per group, however many ask at once); someone who
 * left comes back on the same row. False when they are a member already.
 */
export async function addMember(tx: Executor, groupId: number, personId: number, cityCode: string, role: 'leader' | 'member', today: string): Promise<boolean> {
  const added = await rows(tx, sql`
    INSERT INTO study_group_members AS sm (study_group_id, person_id, city_code, role, joined_on)
    VALUES (${groupId}, ${personId}, ${cityCode}, ${role}, ${today})
    ON CONFLICT (study_group_id, person_id) DO UPDATE SET left_on = NULL, joined_on = excluded.joined_on WHERE sm.left_on IS NOT NULL
    RETURNING person_id`);
  return added.length > 0;
}

export async function roleIn(db: Reader, groupId: number, personId: number) {
  const row = await firstRow<{ role: 'leader' | 'member' }>(db, sql`
    SELECT role FROM study_group_members sm WHERE study_group_id = ${groupId} AND person_id = ${personId} AND ${current}`);
  return row?.role ?? null;
}

/** A member leaves (or is removed): the leader cannot, and the row stays with its hours. */
export async function endMembership(tx: Executor, groupId: number, personId: number, today: string): Promise<boolean> {
  const ended = await rows(tx, sql`
    UPDATE study_group_members sm SET left_on = ${today}
    WHERE study_group_id = ${groupId} AND person_id = ${personId} AND role = 'member' AND ${current} RETURNING person_id`);
  return ended.length > 0;
}

export async function membersOf(db: Reader, groupId: number, limit: number) {
  return rows<StudyGroupMember>(db, sql`
    SELECT sm.person_id AS "personId", p.display_name AS "displayName", sm.role, sm.joined_on::text AS "joinedOn",
           (SELECT coalesce(sum(mt.hours), 0)::float8 FROM study_group_attendance a JOIN study_group_meetings mt ON mt.id = a.meeting_id
            WHERE a.study_group_id = sm.study_group_id AND a.person_id = sm.person_id) AS hours
    FROM study_group_members sm JOIN people p ON p.id = sm.person_id
    WHERE sm.study_group_id = ${groupId} AND ${current}
    ORDER BY sm.role = 'leader' DESC, sm.joined_on, sm.person_id LIMIT ${limit}`);
}

export async function meetingsOf(db: Reader, groupId: number, limit: number) {
  return rows<StudyGroupMeeting>(db, sql`
    SELECT mt.id, mt.held_on::text AS "heldOn", mt.hours::float8 AS hours, mt.topic,
           coalesce((SELECT array_agg(a.person_id ORDER BY a.person_id) FROM study_group_attendance a WHERE a.meeting_id = mt.id), '{}') AS attendees
    FROM study_group_meetings mt WHERE mt.study_group_id = ${groupId}
    ORDER BY mt.held_on DESC, mt.id DESC LIMIT ${limit}`);
}

export async function insertMeeting(tx: Executor, groupId: number, meeting: { heldOn: string; hours: number; topic: string }, recordedBy: number): Promise<number> {
  const row = await firstRow<{ id: number }>(tx, sql`
    INSERT INTO study_group_meetings (study_group_id, held_on, hours, topic, recorded_by)
    VALUES (${groupId}, ${meeting.heldOn}, ${meeting.hours}, ${meeting.topic}, ${recordedBy}) RETURNING id`);
  return row!.id;
}

/** Records who attended: only the group's members now; returns how many were, so the caller can refuse the rest. */
export async function insertAttendance(tx: Executor, meetingId: number, groupId: number, personIds: number[]): Promise<number> {
  const added = await rows(tx, sql`
    INSERT INTO study_group_attendance (meeting_id, study_group_id, person_id)
    SELECT ${meetingId}, sm.study_group_id, sm.person_id FROM study_group_members sm
    WHERE sm.study_group_id = ${groupId} AND ${current}
      AND sm.person_id IN (SELECT (jsonb_array_elements_text(${JSON.stringify(personIds)}::jsonb))::int)
    RETURNING person_id`);
  return added.length;
}

export async function setSupport(tx: Executor, groupId: number, support: StudyGroupSupport, amountWon: number | null, year: number | null) {
  await tx.execute(sql`UPDATE study_groups SET support = ${support}, support_amount_won = ${amountWon}, support_year = ${year} WHERE id = ${groupId}`);
}

export async function logSupport(tx: Executor, entry: { groupId: number; cityCode: string; support: StudyGroupSupport; amountWon: number | null; year: number | null; note: string; actorId: number }) {
  await tx.execute(sql`
    INSERT INTO study_group_support_log (study_group_id, city_code, support, amount_won, year, note, actor_id)
    VALUES (${entry.groupId}, ${entry.cityCode}, ${entry.support}, ${entry.amountWon}, ${entry.year}, ${entry.note}, ${entry.actorId})`);
}

export async function supportLogOf(db: Reader, groupId: number, limit: number) {
  return rows<StudyGroupSupportEntry>(db, sql`
    SELECT l.support, l.amount_won AS "amountWon", l.year, l.note, p.display_name AS "actorName", ${isoUtc(sql`l.at`)} AS at
    FROM study_group_support_log l JOIN people p ON p.id = l.actor_id
    WHERE l.study_group_id = ${groupId} ORDER BY l.at DESC, l.id DESC LIMIT ${limit}`);
}
