/** Every SQL statement of the council module: reads of the city's record (committees, members, meetings) and the proposals a meeting links. */
import { sql } from 'drizzle-orm';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import { offsetOf, pageOf, rows, type Executor } from '../../platform/database/database.ts';

export interface MeetingFilter {
  /** Officers of the city also see meetings not yet published. */
  withUnpublished: boolean;
  proposalId?: number;
}

export interface CommitteeRow {
  id: number; kind: string; name: string; description: string; establishedOn: string | null;
  members: { name: string; affiliation: string; sector: string; role: string }[];
}

/** The city's active committees with the members serving today, chair and vice-chair first. */
export async function activeCommittees(db: Executor, cityCode: string, today: string, page: PageRequest) {
  const where = sql`c.city_code = ${cityCode} AND c.active`;
  return pageOf(
    page,
    rows<CommitteeRow>(db, sql`
      SELECT c.id, c.kind, c.name, c.description, c.established_on::text AS "establishedOn",
        COALESCE((SELECT json_agg(json_build_object('name', m.name, 'affiliation', m.affiliation, 'sector', m.sector, 'role', m.role)
            ORDER BY CASE m.role WHEN 'chair' THEN 0 WHEN 'vice_chair' THEN 1 ELSE 2 END, m.name)
          FROM committee_members m
          WHERE m.committee_id = c.id AND (m.left_on IS NULL OR m.left_on >= ${today}::date)), '[]'::json) AS members
      FROM committees c WHERE ${where}
      ORDER BY c.kind, c.name, c.id LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM committees c WHERE ${where}`),
  );
}

const summaryColumns = sql`m.id, m.committee_id AS "committeeId", c.name AS "committeeName", m.held_on::text AS "heldOn",
  to_char(m.starts_at, 'HH24:MI') AS "startsAt", m.place, m.title, m.published, cardinality(m.decisions)::int AS "decisionCount"`;

function meetingWhere(cityCode: string, filter: MeetingFilter) {
  const conditions = [sql`m.city_code = ${cityCode}`];
  if (!filter.withUnpublished) conditions.push(sql`m.published`);
  if (filter.proposalId !== undefined) conditions.push(sql`m.proposal_ids @> ARRAY[${filter.proposalId}]::int[]`);
  return sql.join(conditions, sql` AND `);
}

export interface MeetingSummaryRow {
  id: number; committeeId: number; committeeName: string; heldOn: string; startsAt: string | null;
  place: string; title: string; published: boolean; decisionCount: number;
}

/** Newest first. */
export async function listMeetings(db: Executor, cityCode: string, filter: MeetingFilter, page: PageRequest) {
  const where = meetingWhere(cityCode, filter);
  return pageOf(
    page,
    rows<MeetingSummaryRow>(db, sql`
      SELECT ${summaryColumns} FROM committee_meetings m JOIN committees c ON c.id = m.committee_id
      WHERE ${where} ORDER BY m.held_on DESC, m.starts_at DESC NULLS LAST, m.id DESC LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM committee_meetings m WHERE ${where}`),
  );
}

export interface MeetingRow extends MeetingSummaryRow {
  agenda: string; minutes: string; decisions: string[]; attendees: number | null; publishedAt: string | null;
  proposalIds: number[]; surveyYears: number[];
}

export async function findMeeting(db: Executor, cityCode: string, id: number): Promise<MeetingRow | undefined> {
  const [row] = await rows<MeetingRow>(db, sql`
    SELECT ${summaryColumns}, m.agenda, m.minutes, m.decisions, m.attendees, m.published_at::text AS "publishedAt",
      m.proposal_ids AS "proposalIds", m.survey_years AS "surveyYears"
    FROM committee_meetings m JOIN committees c ON c.id = m.committee_id
    WHERE m.city_code = ${cityCode} AND m.id = ${id}`);
  return row;
}

/** The proposals of the city among `ids`, in the order the officer listed them. */
export async function proposalsById(db: Executor, cityCode: string, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return rows<{ id: number; title: string; status: 'open' | 'accepted' | 'declined'; supporters: number }>(db, sql`
    SELECT p.id, p.title, p.status, p.supporters
    FROM unnest(${sql.param([...ids])}::int[]) WITH ORDINALITY AS wanted(id, n) JOIN proposals p ON p.id = wanted.id
    WHERE p.city_code = ${cityCode} ORDER BY wanted.n`);
}

/** Every published meeting of the city, for its calendar feed (a feed is not paged; a city holds a few dozen a year). */
export async function publishedMeetingsForCalendar(db: Executor, cityCode: string, limit: number) {
  return rows<{ id: number; committeeName: string; heldOn: string; startsAt: string | null; place: string; title: string; agenda: string }>(db, sql`
    SELECT m.id, c.name AS "committeeName", m.held_on::text AS "heldOn", to_char(m.starts_at, 'HH24:MI') AS "startsAt", m.place, m.title, m.agenda
    FROM committee_meetings m JOIN committees c ON c.id = m.committee_id
    WHERE m.city_code = ${cityCode} AND m.published ORDER BY m.held_on DESC, m.id DESC LIMIT ${limit}`);
}
