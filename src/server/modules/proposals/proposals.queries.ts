/** Every SQL statement of the proposals module. */
import { sql, type SQL } from 'drizzle-orm';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { ProposalBody } from '../../../shared/contracts/proposals.ts';
import {
  DEFAULT_PROPOSAL_THRESHOLD, type DayPart, type ProgramAreaCode, type ProgramSubcategoryCode, type ProposalEventKind, type ProposalKind,
  type ProposalPhase, type ProposalStatus, type TargetGroupCode, type Weekday,
} from '../../../shared/vocabulary/index.ts';
import { firstRow, isoUtc, offsetOf, pageOf, rows, type Executor } from '../../platform/database/database.ts';
import type { Reader } from '../../platform/database/reads.ts';

export interface ProposalRow {
  id: number;
  cityCode: string;
  proposerId: number;
  proposerName: string;
  kind: ProposalKind;
  title: string;
  description: string;
  area: ProgramAreaCode;
  subcategory: ProgramSubcategoryCode | null;
  targetGroups: TargetGroupCode[];
  dongCode: string | null;
  dongNameKo: string | null;
  dongNameEn: string | null;
  preferredDays: Weekday[];
  preferredTimes: DayPart[];
  status: ProposalStatus;
  supporters: number;
  awaitingSince: string | null;
  answeredAt: string | null;
  declineReason: string | null;
  programId: number | null;
  institutionId: number | null;
  createdAt: string;
}

const columns = sql`
  p.id, p.city_code AS "cityCode", p.proposer_id AS "proposerId", pe.display_name AS "proposerName", p.kind, p.title, p.description,
  p.area, p.subcategory, p.target_groups AS "targetGroups", p.dong_code AS "dongCode", d.name_ko AS "dongNameKo", d.name_en AS "dongNameEn",
  p.preferred_days AS "preferredDays", p.preferred_times AS "preferredTimes", p.status, p.supporters,
  ${isoUtc(sql`p.awaiting_since`)} AS "awaitingSince", ${isoUtc(sql`p.answered_at`)} AS "answeredAt", p.decline_reason AS "declineReason",
  p.program_id AS "programId", p.institution_id AS "institutionId", ${isoUtc(sql`p.created_at`)} AS "createdAt"`;
const from = sql`proposals p JOIN people pe ON pe.id = p.proposer_id LEFT JOIN dongs d ON d.code = p.dong_code`;

const phaseCondition: Record<ProposalPhase, SQL> = {
  open: sql`p.status = 'open' AND p.awaiting_since IS NULL`,
  awaiting: sql`p.status = 'open' AND p.awaiting_since IS NOT NULL`,
  accepted: sql`p.status = 'accepted'`,
  declined: sql`p.status = 'declined'`,
};

export async function listProposals(db: Reader, cityCode: string, filter: { phase?: ProposalPhase; sort: 'newest' | 'support' }, page: PageRequest) {
  const where = sql`p.city_code = ${cityCode} ${filter.phase ? sql`AND ${phaseCondition[filter.phase]}` : sql``}`;
  const order = filter.sort === 'support' ? sql`p.supporters DESC, p.id DESC` : sql`p.created_at DESC, p.id DESC`;
  return pageOf(
    page,
    rows<ProposalRow>(db, sql`SELECT ${columns} FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM proposals p WHERE ${where}`),
  );
}

/** The proposals a person made or supports, newest first, each with its city's threshold. */
export async function proposalsOfPerson(db: Reader, personId: number, page: PageRequest) {
  const where = sql`p.proposer_id = ${personId} OR EXISTS (SELECT 1 FROM proposal_supports s WHERE s.proposal_id = p.id AND s.person_id = ${personId})`;
  return pageOf(
    page,
    rows<ProposalRow & { mine: 'proposed' | 'supported'; threshold: number | null }>(db, sql`
      SELECT ${columns}, CASE WHEN p.proposer_id = ${personId} THEN 'proposed' ELSE 'supported' END AS "mine", t.threshold
      FROM ${from} LEFT JOIN proposal_thresholds t ON t.city_code = p.city_code
      WHERE ${where} ORDER BY p.created_at DESC, p.id DESC LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM proposals p WHERE ${where}`),
  );
}

export async function findProposal(db: Reader, cityCode: string, id: number) {
  return firstRow<ProposalRow>(db, sql`SELECT ${columns} FROM ${from} WHERE p.id = ${id} AND p.city_code = ${cityCode}`);
}

/** The proposal's state, its row locked until the transaction ends: supports and answers of one proposal go one at a time. */
export async function lockProposal(tx: Executor, cityCode: string, id: number) {
  return firstRow<{ id: number; proposerId: number; status: ProposalStatus; awaitingSince: string | null; title: string }>(tx, sql`
    SELECT id, proposer_id AS "proposerId", status, awaiting_since::text AS "awaitingSince", title
    FROM proposals WHERE id = ${id} AND city_code = ${cityCode} FOR UPDATE`);
}

export async function insertProposal(tx: Executor, cityCode: string, proposerId: number, body: ProposalBody) {
  return (await firstRow<{ id: number }>(tx, sql`
    INSERT INTO proposals (city_code, proposer_id, kind, title, description, area, subcategory, target_groups, dong_code, preferred_days, preferred_times)
    VALUES (${cityCode}, ${proposerId}, ${body.kind}, ${body.title.trim()}, ${body.description.trim()}, ${body.area}, ${body.subcategory ?? null},
      ${sql.param(body.targetGroups)}::text[], ${body.dongCode}, ${sql.param(body.preferredDays ?? [])}::text[], ${sql.param(body.preferredTimes ?? [])}::text[])
    RETURNING id`))!.id;
}

/** Adds the support unless the person already gave it (the primary key decides); whether it was added. */
export async function insertSupport(tx: Executor, proposalId: number, personId: number, cityCode: string): Promise<boolean> {
  const added = await rows(tx, sql`
    INSERT INTO proposal_supports (proposal_id, person_id, city_code) VALUES (${proposalId}, ${personId}, ${cityCode})
    ON CONFLICT DO NOTHING RETURNING person_id`);
  return added.length > 0;
}

export async function deleteSupport(tx: Executor, proposalId: number, personId: number): Promise<boolean> {
  const removed = await rows(tx, sql`DELETE FROM proposal_supports WHERE proposal_id = ${proposalId} AND person_id = ${personId} RETURNING person_id`);
  return removed.length > 0;
}

/** Recounts the supporters and marks the moment the threshold was first reached; returns both. */
export async function recount(tx: Executor, proposalId: number, threshold: number) {
  return (await firstRow<{ supporters: number; awaitingSince: string | null }>(tx, sql`
    UPDATE proposals SET supporters = s.n,
      awaiting_since = COALESCE(awaiting_since, CASE WHEN s.n >= ${threshold} THEN now() END)
    FROM (SELECT count(*)::int AS n FROM proposal_supports WHERE proposal_id = ${proposalId}) s
    WHERE id = ${proposalId}
    RETURNING supporters, awaiting_since::text AS "awaitingSince"`))!;
}

export async function supportedBy(db: Reader, proposalId: number, personId: number): Promise<boolean> {
  return (await rows(db, sql`SELECT 1 FROM proposal_supports WHERE proposal_id = ${proposalId} AND person_id = ${personId}`)).length > 0;
}

export async function supporterIds(tx: Executor, proposalId: number): Promise<number[]> {
  return (await rows<{ personId: number }>(tx, sql`SELECT person_id AS "personId" FROM proposal_supports WHERE proposal_id = ${proposalId}`))
    .map((r) => r.personId);
}

export async function markAccepted(tx: Executor, id: number, by: number, programId: number, institutionId: number) {
  await tx.execute(sql`
    UPDATE proposals SET status = 'accepted', answered_at = now(), answered_by = ${by}, program_id = ${programId}, institution_id = ${institutionId}
    WHERE id = ${id}`);
}

export async function markDeclined(tx: Executor, id: number, by: number, reason: string) {
  await tx.execute(sql`UPDATE proposals SET status = 'declined', answered_at = now(), answered_by = ${by}, decline_reason = ${reason} WHERE id = ${id}`);
}

export async function logEvent(tx: Executor, event: { proposalId: number; cityCode: string; kind: ProposalEventKind; actorId: number | null; detail?: Record<string, unknown> }) {
  await tx.execute(sql`
    INSERT INTO proposal_log (proposal_id, city_code, kind, actor_id, detail)
    VALUES (${event.proposalId}, ${event.cityCode}, ${event.kind}, ${event.actorId}, ${JSON.stringify(event.detail ?? {})}::jsonb)`);
}

export async function logOf(db: Reader, proposalId: number) {
  return rows<{ kind: ProposalEventKind; at: string; actorName: string | null }>(db, sql`
    SELECT l.kind, ${isoUtc(sql`l.at`)} AS at, pe.display_name AS "actorName"
    FROM proposal_log l LEFT JOIN people pe ON pe.id = l.actor_id WHERE l.proposal_id = ${proposalId} ORDER BY l.at, l.id`);
}

export async function thresholdOf(db: Reader, cityCode: string): Promise<number> {
  const row = await firstRow<{ threshold: number }>(db, sql`SELECT threshold FROM proposal_thresholds WHERE city_code = ${cityCode}`);
  return row?.threshold ?? DEFAULT_PROPOSAL_THRESHOLD;
}

export async function setThreshold(tx: Executor, cityCode: string, threshold: number, by: number) {
  await tx.execute(sql`
    INSERT INTO proposal_thresholds (city_code, threshold, set_by) VALUES (${cityCode}, ${threshold}, ${by})
    ON CONFLICT (city_code) DO UPDATE SET threshold = EXCLUDED.threshold, set_by = EXCLUDED.set_by, set_at = now()`);
}

/** A published program's public face, for "became program X". */
export async function publishedProgram(db: Reader, programId: number) {
  return firstRow<{ id: number; title: string; institutionName: string }>(db, sql`
    SELECT pr.id, pr.title, i.name AS "institutionName" FROM programs pr JOIN institutions i ON i.id = pr.institution_id
    WHERE pr.id = ${programId} AND pr.published_at IS NOT NULL AND pr.status <> 'draft'`);
}

/** The institution's programs that came from residents' proposals. */
export async function originsOf(db: Reader, institutionId: number, page: PageRequest) {
  const where = sql`institution_id = ${institutionId} AND program_id IS NOT NULL`;
  return pageOf(
    page,
    rows<{ programId: number; proposalId: number; cityCode: string; title: string }>(db, sql`
      SELECT program_id AS "programId", id AS "proposalId", city_code AS "cityCode", title FROM proposals WHERE ${where}
      ORDER BY answered_at DESC, id DESC LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM proposals WHERE ${where}`),
  );
}
