/** Every SQL statement of the lottery module. */
import { sql, type SQL } from 'drizzle-orm';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { DrawOutcome, LotteryPhase, PriorityGroup } from '../../../shared/vocabulary/index.ts';
import { firstRow, offsetOf, rows, type Executor } from '../../platform/database/database.ts';

const iso = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const phase = sql.raw(`CASE WHEN l.drawn_at IS NOT NULL THEN 'drawn' WHEN l.applications_close_at <= clock_timestamp() THEN 'closed' ELSE 'accepting' END`);

export interface LotteryRow {
  programId: number;
  phase: LotteryPhase;
  priorityGroups: PriorityGroup[];
  applicationsCloseAt: string;
  drawOn: string;
  seedSha256: string;
  /** Only once drawn. */
  seed: string | null;
  drawnAt: string | null;
  seatsDrawn: number | null;
  applications: number;
}

/** The lottery as published: the seed stays in the database until the draw. `lock` holds it against a draw meanwhile. */
export async function findLottery(db: Executor, programId: number, lock: 'share' | null = null): Promise<LotteryRow | undefined> {
  return firstRow<LotteryRow>(db, sql`
    SELECT l.program_id AS "programId", ${phase} AS phase, l.priority_groups AS "priorityGroups",
           ${iso(sql`l.applications_close_at`)} AS "applicationsCloseAt", to_char(l.draw_on, 'YYYY-MM-DD') AS "drawOn",
           l.seed_sha256 AS "seedSha256", CASE WHEN l.drawn_at IS NOT NULL THEN l.seed END AS seed,
           ${iso(sql`l.drawn_at`)} AS "drawnAt", l.seats_drawn AS "seatsDrawn",
           (SELECT count(*)::int FROM lottery_applications a WHERE a.program_id = l.program_id) AS applications
    FROM lotteries l WHERE l.program_id = ${programId}
    ${lock === 'share' ? sql`FOR SHARE OF l` : sql``}`);
}

export async function insertLottery(db: Executor, lottery: {
  programId: number; cityCode: string; priorityGroups: PriorityGroup[]; applicationsCloseAt: string; drawOn: string;
  seed: string; seedSha256: string; createdBy: number;
}): Promise<void> {
  await db.execute(sql`
    INSERT INTO lotteries (program_id, city_code, priority_groups, applications_close_at, draw_on, seed, seed_sha256, created_by)
    VALUES (${lottery.programId}, ${lottery.cityCode}, ${sql.param(lottery.priorityGroups)}::text[], ${lottery.applicationsCloseAt}::timestamptz,
            ${lottery.drawOn}::date, ${lottery.seed}, ${lottery.seedSha256}, ${lottery.createdBy})`);
}

/** Changes the rules of a lottery not drawn yet (the seed, committed, never changes). */
export async function updateLottery(db: Executor, programId: number, settings: { priorityGroups: PriorityGroup[]; applicationsCloseAt: string; drawOn: string }) {
  await db.execute(sql`
    UPDATE lotteries SET priority_groups = ${sql.param(settings.priorityGroups)}::text[],
      applications_close_at = ${settings.applicationsCloseAt}::timestamptz, draw_on = ${settings.drawOn}::date
    WHERE program_id = ${programId} AND drawn_at IS NULL`);
}

/** Whether a time is still ahead by the database's clock (the one the window is judged by). */
export async function isAhead(db: Executor, at: string): Promise<boolean> {
  return (await firstRow<{ ahead: boolean }>(db, sql`SELECT ${at}::timestamptz > clock_timestamp() AS ahead`))!.ahead;
}

/**
 * Marks the lottery drawn, if it is closed and not drawn yet, and hands back its seed and rules. A second draw,
 * concurrent or later, waits for this row and then finds it drawn: no row, so it is refused.
 */
export async function claimDraw(db: Executor, programId: number, drawnBy: number, seats: number) {
  return firstRow<{ seed: string; priorityGroups: PriorityGroup[] }>(db, sql`
    UPDATE lotteries SET drawn_at = clock_timestamp(), drawn_by = ${drawnBy}, seats_drawn = ${seats}
    WHERE program_id = ${programId} AND drawn_at IS NULL AND applications_close_at <= clock_timestamp()
    RETURNING seed, priority_groups AS "priorityGroups"`);
}

/** Adds an application unless the person has one for this program (then nothing, and null). */
export async function insertApplication(db: Executor, application: {
  programId: number; personId: number; cityCode: string; groups: PriorityGroup[]; enteredBy: number | null;
}): Promise<number | null> {
  const row = await firstRow<{ id: number }>(db, sql`
    INSERT INTO lottery_applications (program_id, person_id, city_code, groups, entered_by, applied_at)
    VALUES (${application.programId}, ${application.personId}, ${application.cityCode}, ${sql.param(application.groups)}::text[],
            ${application.enteredBy}, clock_timestamp())
    ON CONFLICT (program_id, person_id) DO NOTHING
    RETURNING id`);
  return row?.id ?? null;
}

export interface ApplicationRow {
  applicationNo: number;
  programId: number;
  groups: PriorityGroup[];
  enteredByStaff: boolean;
  appliedAt: string;
  drawOn: string;
  phase: LotteryPhase;
  tier: number | null;
  position: number | null;
  outcome: DrawOutcome | null;
}

export async function applicationOf(db: Executor, programId: number, personId: number): Promise<ApplicationRow | undefined> {
  return firstRow<ApplicationRow>(db, sql`
    SELECT a.id AS "applicationNo", a.program_id AS "programId", a.groups, a.entered_by IS NOT NULL AS "enteredByStaff",
           ${iso(sql`a.applied_at`)} AS "appliedAt", to_char(l.draw_on, 'YYYY-MM-DD') AS "drawOn", ${phase} AS phase,
           a.tier::int AS tier, a.drawn_position AS position, a.outcome
    FROM lottery_applications a JOIN lotteries l ON l.program_id = a.program_id
    WHERE a.program_id = ${programId} AND a.person_id = ${personId}`);
}

/** Everyone who applied, for the draw: by application number, so the input's order is not the draw's. */
export async function entrants(db: Executor, programId: number) {
  return rows<{ applicationNo: number; personId: number; groups: PriorityGroup[]; enteredBy: number | null }>(db, sql`
    SELECT id AS "applicationNo", person_id AS "personId", groups, entered_by AS "enteredBy"
    FROM lottery_applications WHERE program_id = ${programId} ORDER BY id`);
}

export async function recordDraw(db: Executor, programId: number, drawn: readonly { applicationNo: number; tier: number; position: number; outcome: DrawOutcome }[]) {
  if (drawn.length === 0) return;
  await db.execute(sql`
    UPDATE lottery_applications a SET tier = d.tier, drawn_position = d.position, outcome = d.outcome
    FROM unnest(${sql.param(drawn.map((d) => d.applicationNo))}::int[], ${sql.param(drawn.map((d) => d.tier))}::int[],
                ${sql.param(drawn.map((d) => d.position))}::int[], ${sql.param(drawn.map((d) => d.outcome))}::text[]) AS d(id, tier, position, outcome)
    WHERE a.id = d.id AND a.program_id = ${programId}`);
}

/** The published result, a page at a time, in drawn order (tickets are recomputed from the revealed seed by the service). */
export async function drawnPage(db: Executor, programId: number, page: PageRequest) {
  return rows<{ position: number; applicationNo: number; tier: number; outcome: DrawOutcome }>(db, sql`
    SELECT drawn_position AS position, id AS "applicationNo", tier::int AS tier, outcome
    FROM lottery_applications WHERE program_id = ${programId} AND drawn_position IS NOT NULL
    ORDER BY drawn_position LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`);
}

export async function applicantPage(db: Executor, programId: number, page: PageRequest) {
  return rows<{
    applicationNo: number; personId: number; displayName: string; birthYear: number | null; groups: PriorityGroup[]; enteredByName: string | null;
    appliedAt: string; tier: number | null; position: number | null; outcome: DrawOutcome | null;
  }>(db, sql`
    SELECT a.id AS "applicationNo", a.person_id AS "personId", p.display_name AS "displayName", p.birth_year AS "birthYear", a.groups,
           s.display_name AS "enteredByName", ${iso(sql`a.applied_at`)} AS "appliedAt", a.tier::int AS tier, a.drawn_position AS position, a.outcome
    FROM lottery_applications a JOIN people p ON p.id = a.person_id LEFT JOIN people s ON s.id = a.entered_by
    WHERE a.program_id = ${programId}
    ORDER BY a.drawn_position NULLS LAST, a.id LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`);
}

export async function countApplications(db: Executor, programId: number): Promise<number> {
  return (await firstRow<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM lottery_applications WHERE program_id = ${programId}`))!.n;
}
