/** Every SQL statement of the opening-day module. */
import { sql, type SQL } from 'drizzle-orm';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import { firstRow, offsetOf, rows, type Executor } from '../../platform/database/database.ts';
import type { Line } from './admission.ts';

const ms = (column: SQL) => sql`(extract(epoch FROM ${column}) * 1000)::float8`;
const iso = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export async function insertOpening(db: Executor, opening: {
  cityCode: string; title: string; opensAt: string; waitingRoomUntil: string; admitPerMinute: number; createdBy: number; admittedAsOf: number;
}): Promise<number> {
  const row = await firstRow<{ id: number }>(db, sql`
    INSERT INTO registration_openings (city_code, title, opens_at, waiting_room_until, admit_per_minute, created_by, admitted_as_of)
    VALUES (${opening.cityCode}, ${opening.title}, ${opening.opensAt}::timestamptz, ${opening.waitingRoomUntil}::timestamptz,
            ${opening.admitPerMinute}, ${opening.createdBy}, to_timestamp(${opening.admittedAsOf}::float8 / 1000))
    RETURNING id`);
  return row!.id;
}

export async function addPrograms(db: Executor, openingId: number, cityCode: string, programIds: number[]): Promise<void> {
  await db.execute(sql`
    INSERT INTO registration_opening_programs (opening_id, program_id, city_code)
    SELECT ${openingId}, unnest(${sql.param(programIds)}::int[]), ${cityCode}`);
}

/** How many of these programs another opening's waiting room already covers at some moment of [opensAt, until). */
export async function countProgramsInOverlappingOpenings(db: Executor, programIds: number[], opensAt: string, until: string): Promise<number> {
  const row = await firstRow<{ n: number }>(db, sql`
    SELECT count(DISTINCT p.program_id)::int AS n
    FROM registration_opening_programs p JOIN registration_openings o ON o.id = p.opening_id
    WHERE p.program_id = ANY(${sql.param(programIds)}::int[])
      AND o.opens_at < ${until}::timestamptz AND ${opensAt}::timestamptz < o.waiting_room_until`);
  return row!.n;
}

export interface OpeningRow {
  id: number;
  cityCode: string;
  title: string;
  opensAt: string;
  waitingRoomUntil: string;
  admitPerMinute: number;
  programs: number;
  tickets: number;
  admitted: number;
}

const openingColumns = sql`
  o.id, o.city_code AS "cityCode", o.title, ${iso(sql`o.opens_at`)} AS "opensAt",
  ${iso(sql`o.waiting_room_until`)} AS "waitingRoomUntil", o.admit_per_minute AS "admitPerMinute",
  (SELECT count(*)::int FROM registration_opening_programs p WHERE p.opening_id = o.id) AS programs,
  o.last_ticket AS tickets, o.admitted_through AS admitted`;

export async function findOpening(db: Executor, id: number): Promise<OpeningRow | undefined> {
  return firstRow<OpeningRow>(db, sql`SELECT ${openingColumns} FROM registration_openings o WHERE o.id = ${id}`);
}

/** A city's openings, the latest first. */
export async function openingsOf(db: Executor, cityCode: string, page: PageRequest): Promise<{ items: OpeningRow[]; total: number }> {
  const [items, count] = await Promise.all([
    rows<OpeningRow>(db, sql`
      SELECT ${openingColumns} FROM registration_openings o WHERE o.city_code = ${cityCode}
      ORDER BY o.opens_at DESC, o.id DESC LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    firstRow<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM registration_openings WHERE city_code = ${cityCode}`),
  ]);
  return { items, total: count!.n };
}

export interface LineRow extends Line {
  id: number;
  cityCode: string;
  title: string;
  opensAt: number;
  waitingRoomUntil: number;
  /** The database's clock, which every process shares. */
  now: number;
}

const lineColumns = sql`
  o.id, o.city_code AS "cityCode", o.title, ${ms(sql`o.opens_at`)} AS "opensAt",
  ${ms(sql`o.waiting_room_until`)} AS "waitingRoomUntil", o.admit_per_minute AS "admitPerMinute",
  o.last_ticket AS "lastTicket", o.admitted_through AS "admittedThrough", ${ms(sql`o.admitted_as_of`)} AS "admittedAsOf",
  ${ms(sql`clock_timestamp()`)} AS now`;

/**
 * The opening's line. `wait` locks the row (arrivals are numbered one at a time under it); `skip` locks it unless
 * another process holds it, in which case nothing is returned (that process is letting people in already).
 */
export async function lineOf(db: Executor, openingId: number, lock: 'wait' | 'skip' | null = null): Promise<LineRow | undefined> {
  return firstRow<LineRow>(db, sql`
    SELECT ${lineColumns} FROM registration_openings o WHERE o.id = ${openingId}
    ${lock === 'wait' ? sql`FOR UPDATE` : lock === 'skip' ? sql`FOR UPDATE SKIP LOCKED` : sql``}`);
}

export async function saveLine(db: Executor, openingId: number, line: Pick<Line, 'lastTicket' | 'admittedThrough' | 'admittedAsOf'>): Promise<void> {
  await db.execute(sql`
    UPDATE registration_openings SET last_ticket = ${line.lastTicket}, admitted_through = ${line.admittedThrough},
      admitted_as_of = to_timestamp(${line.admittedAsOf}::float8 / 1000)
    WHERE id = ${openingId}`);
}

export async function insertTicket(db: Executor, ticket: { openingId: number; number: number; personId: number; cityCode: string }): Promise<void> {
  await db.execute(sql`
    INSERT INTO waiting_room_tickets (opening_id, number, person_id, city_code, arrived_at)
    VALUES (${ticket.openingId}, ${ticket.number}, ${ticket.personId}, ${ticket.cityCode}, clock_timestamp())`);
}

export async function ticketNumberOf(db: Executor, openingId: number, personId: number): Promise<number | undefined> {
  return (await firstRow<{ number: number }>(db, sql`
    SELECT number FROM waiting_room_tickets WHERE opening_id = ${openingId} AND person_id = ${personId}`))?.number;
}

/**
 * The opening whose waiting room covers this program now, if any (from its opening time: before it, the program is
 * not open yet), with the person's ticket number. The room stays in force past its end while anyone is still in line.
 */
export async function openingCovering(db: Executor, programId: number, personId: number): Promise<(LineRow & { ticket: number | null }) | undefined> {
  return firstRow<LineRow & { ticket: number | null }>(db, sql`
    SELECT ${lineColumns}, t.number AS ticket
    FROM registration_opening_programs p JOIN registration_openings o ON o.id = p.opening_id
    LEFT JOIN waiting_room_tickets t ON t.opening_id = o.id AND t.person_id = ${personId}
    WHERE p.program_id = ${programId} AND (o.waiting_room_until > clock_timestamp() OR o.admitted_through < o.last_ticket)
    ORDER BY o.opens_at LIMIT 1`);
}
