/** Every SQL statement of the grants module. Balances are sums of the ledger, never stored. */
import { sql, type SQL } from 'drizzle-orm';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { GrantSummary, InvestmentRound, LedgerEntry, RoundCity, SpendingReport } from '../../../shared/contracts/grants.ts';
import {
  activeDesignationStates, type EvaluationScoreSource, type GrantKind, type GrantLedgerEntryKind, type SpendingLine, type SpendingReportStatus,
} from '../../../shared/vocabulary/index.ts';
import { firstRow, isoUtc, offsetOf, pageOf, rows, type Executor } from '../../platform/database/database.ts';
import type { Reader } from '../../platform/database/reads.ts';

// ---- Grants ------------------------------------------------------------------------------------------------------

const grantColumns = sql`
  g.id, g.city_code AS "cityCode", m.name_ko AS "cityNameKo", m.name_en AS "cityNameEn", g.year, g.kind, g.conditions, g.round_id AS "roundId",
  COALESCE(l.awarded, 0)::int8 AS awarded, COALESCE(l.adjusted, 0)::int8 AS adjusted, COALESCE(l.spent, 0)::int8 AS spent,
  COALESCE(l.balance, 0)::int8 AS balance, COALESCE(p.pending, 0)::int8 AS pending, ${isoUtc(sql`g.awarded_at`)} AS "awardedAt",
  COALESCE(c.members, '[]'::json) AS members`;
const grantFrom = sql`
  grants g JOIN municipalities m ON m.code = g.city_code
  LEFT JOIN LATERAL (
    SELECT sum(amount) FILTER (WHERE kind = 'awarded') AS awarded, sum(amount) FILTER (WHERE kind = 'adjustment') AS adjusted,
      -sum(amount) FILTER (WHERE kind = 'spent') AS spent, sum(amount) AS balance
    FROM grant_ledger WHERE grant_id = g.id) l ON TRUE
  LEFT JOIN LATERAL (SELECT sum(total) AS pending FROM grant_spending_reports WHERE grant_id = g.id AND status = 'submitted') p ON TRUE
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object('cityCode', cm.city_code, 'cityNameKo', mm.name_ko, 'cityNameEn', mm.name_en) ORDER BY mm.name_ko) AS members
    FROM grant_consortium_members cm JOIN municipalities mm ON mm.code = cm.city_code WHERE cm.grant_id = g.id) c ON TRUE`;

/** The city's grants: its own, and the consortium grants it is a member of. */
const grantOfCity = (cityCode: string) => sql`(g.city_code = ${cityCode}
  OR EXISTS (SELECT 1 FROM grant_consortium_members cm WHERE cm.grant_id = g.id AND cm.city_code = ${cityCode}))`;

export interface GrantFilter {
  cityCode?: string;
  year?: number;
  kind?: GrantKind;
  awaiting?: boolean;
}

function grantWhere(filter: GrantFilter): SQL {
  const conditions: SQL[] = [sql`TRUE`];
  if (filter.cityCode) conditions.push(grantOfCity(filter.cityCode));
  if (filter.year) conditions.push(sql`g.year = ${filter.year}`);
  if (filter.kind) conditions.push(sql`g.kind = ${filter.kind}`);
  if (filter.awaiting) conditions.push(sql`EXISTS (SELECT 1 FROM grant_spending_reports r WHERE r.grant_id = g.id AND r.status = 'submitted')`);
  return sql.join(conditions, sql` AND `);
}

export function listGrants(db: Executor, filter: GrantFilter, page: PageRequest) {
  const where = grantWhere(filter);
  return pageOf(
    page,
    rows<GrantSummary>(db, sql`SELECT ${grantColumns} FROM ${grantFrom} WHERE ${where}
      ORDER BY g.year DESC, m.name_ko, g.id DESC LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM grants g WHERE ${where}`),
  );
}

export function findGrant(db: Executor, cityCode: string, id: number) {
  return firstRow<GrantSummary>(db, sql`SELECT ${grantColumns} FROM ${grantFrom} WHERE g.id = ${id} AND ${grantOfCity(cityCode)}`);
}

/** The grant's row lock: every change of its money (a report filed or decided, an adjustment) holds it. */
export function lockGrant(tx: Executor, cityCode: string, id: number) {
  return firstRow<{ id: number }>(tx, sql`SELECT id FROM grants WHERE id = ${id} AND city_code = ${cityCode} FOR UPDATE`);
}

export async function insertGrant(tx: Executor, grant: { cityCode: string; year: number; kind: GrantKind; conditions: string; by: number }) {
  const row = await firstRow<{ id: number }>(tx, sql`
    INSERT INTO grants (city_code, year, kind, conditions, awarded_by)
    VALUES (${grant.cityCode}, ${grant.year}, ${grant.kind}, ${grant.conditions}, ${grant.by}) RETURNING id`);
  return row!.id;
}

export async function insertConsortiumMembers(tx: Executor, grantId: number, cityCodes: readonly string[]): Promise<void> {
  if (cityCodes.length === 0) return;
  await tx.execute(sql`
    INSERT INTO grant_consortium_members (grant_id, city_code) SELECT ${grantId}, code FROM unnest(${sql.param(cityCodes)}::text[]) code`);
}

export interface LedgerRow {
  grantId: number;
  cityCode: string;
  kind: GrantLedgerEntryKind;
  amount: number;
  line?: SpendingLine;
  reportId?: number;
  note?: string;
  by: number;
}

export async function appendLedger(tx: Executor, entries: readonly LedgerRow[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.execute(sql`
    INSERT INTO grant_ledger (grant_id, city_code, kind, amount, line, report_id, note, recorded_by)
    VALUES ${sql.join(entries.map((e) => sql`(${e.grantId}, ${e.cityCode}, ${e.kind}, ${e.amount}, ${e.line ?? null}, ${e.reportId ?? null}, ${e.note ?? ''}, ${e.by})`), sql`, `)}`);
}

export function ledgerOf(db: Executor, grantId: number) {
  return rows<LedgerEntry>(db, sql`
    SELECT id, kind, amount, line, report_id AS "reportId", note, ${isoUtc(sql`recorded_at`)} AS "recordedAt"
    FROM grant_ledger WHERE grant_id = ${grantId} ORDER BY id`);
}

const reportColumns = sql`
  r.id, r.lines, r.total, r.note, r.status, ${isoUtc(sql`r.submitted_at`)} AS "submittedAt", ${isoUtc(sql`r.decided_at`)} AS "decidedAt",
  r.return_reason AS "returnReason",
  COALESCE((SELECT json_agg(json_build_object('id', d.id, 'fileName', f.file_name, 'byteSize', f.byte_size, 'addedAt', ${isoUtc(sql`d.added_at`)}) ORDER BY d.id)
            FROM grant_report_documents d JOIN stored_files f ON f.id = d.file_id WHERE d.report_id = r.id), '[]'::json) AS documents`;

export function reportsOf(db: Executor, grantId: number) {
  return rows<SpendingReport>(db, sql`SELECT ${reportColumns} FROM grant_spending_reports r WHERE r.grant_id = ${grantId} ORDER BY r.id DESC`);
}

export function findReport(tx: Executor, grantId: number, reportId: number) {
  return firstRow<SpendingReport & { status: SpendingReportStatus }>(tx, sql`
    SELECT ${reportColumns} FROM grant_spending_reports r WHERE r.id = ${reportId} AND r.grant_id = ${grantId}`);
}

export async function documentCount(tx: Executor, reportId: number): Promise<number> {
  return (await firstRow<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM grant_report_documents WHERE report_id = ${reportId}`))!.n;
}

export async function insertReportDocument(tx: Executor, document: { reportId: number; cityCode: string; fileId: number; by: number }) {
  await tx.execute(sql`
    INSERT INTO grant_report_documents (report_id, city_code, file_id, added_by) VALUES (${document.reportId}, ${document.cityCode}, ${document.fileId}, ${document.by})`);
}

/** The stored file of one of the report's documents, if it is one. */
export async function reportDocumentFile(db: Executor, grantId: number, reportId: number, documentId: number): Promise<number | undefined> {
  const row = await firstRow<{ fileId: number }>(db, sql`
    SELECT d.file_id AS "fileId" FROM grant_report_documents d JOIN grant_spending_reports r ON r.id = d.report_id
    WHERE d.id = ${documentId} AND d.report_id = ${reportId} AND r.grant_id = ${grantId}`);
  return row?.fileId;
}

export async function insertReport(tx: Executor, report: { grantId: number; cityCode: string; lines: { line: SpendingLine; amount: number }[]; total: number; note: string; by: number }) {
  const row = await firstRow<{ id: number }>(tx, sql`
    INSERT INTO grant_spending_reports (grant_id, city_code, lines, total, note, submitted_by)
    VALUES (${report.grantId}, ${report.cityCode}, ${JSON.stringify(report.lines)}::jsonb, ${report.total}, ${report.note}, ${report.by}) RETURNING id`);
  return row!.id;
}

export async function decideReport(tx: Executor, reportId: number, decision: { status: 'accepted' | 'returned'; reason: string | null; by: number }) {
  await tx.execute(sql`
    UPDATE grant_spending_reports SET status = ${decision.status}, return_reason = ${decision.reason}, decided_by = ${decision.by}, decided_at = now()
    WHERE id = ${reportId}`);
}

/** Public: per year, the grants counted and summed by kind; no city named, no spending. */
export async function yearTotals(db: Reader, page: PageRequest) {
  return pageOf(
    page,
    rows<{ year: number; grants: number; cities: number; awarded: number; byKind: { kind: GrantKind; grants: number; awarded: number }[] }>(db, sql`
      WITH awarded AS (
        SELECT g.year, g.kind, g.city_code, l.amount FROM grants g JOIN grant_ledger l ON l.grant_id = g.id AND l.kind = 'awarded'
      ), years AS (SELECT DISTINCT year FROM awarded ORDER BY year DESC LIMIT ${page.pageSize} OFFSET ${offsetOf(page)})
      SELECT y.year, count(*)::int AS grants, count(DISTINCT a.city_code)::int AS cities, sum(a.amount)::int8 AS awarded,
        (SELECT json_agg(json_build_object('kind', k.kind, 'grants', k.n, 'awarded', k.total) ORDER BY k.kind)
         FROM (SELECT kind, count(*)::int AS n, sum(amount)::int8 AS total FROM awarded WHERE year = y.year GROUP BY kind) k) AS "byKind"
      FROM years y JOIN awarded a ON a.year = y.year GROUP BY y.year ORDER BY y.year DESC`),
    rows<{ n: number }>(db, sql`SELECT count(DISTINCT year)::int AS n FROM grants`),
  );
}

// ---- Priority investment -------------------------------------------------------------------------------------------

/** Cities that are learning cities now (their latest designation transition is an active state), named. */
export function designatedCities(db: Executor) {
  return rows<{ code: string }>(db, sql`
    SELECT city_code AS code FROM (
      SELECT DISTINCT ON (city_code) city_code, state FROM designation_transitions ORDER BY city_code, occurred_on DESC, id DESC
    ) s WHERE state = ANY(${sql.param([...activeDesignationStates])}::text[]) ORDER BY city_code`);
}

export async function insertRound(tx: Executor, round: {
  year: number; title: string; budget: number; cityCap: number; weightEvaluation: number; weightNeed: number; conditions: string; by: number;
}) {
  const row = await firstRow<{ id: number }>(tx, sql`
    INSERT INTO investment_rounds (year, title, budget, city_cap, weight_evaluation, weight_need, conditions, created_by)
    VALUES (${round.year}, ${round.title}, ${round.budget}, ${round.cityCap}, ${round.weightEvaluation}, ${round.weightNeed}, ${round.conditions}, ${round.by})
    RETURNING id`);
  return row!.id;
}

export interface RoundCityRow {
  cityCode: string;
  evaluation: number;
  evaluationSource: EvaluationScoreSource;
  access: number;
  need: number;
  priority: number;
  rank: number;
  proposed: number;
  equal: number;
  needOnly: number;
}

export async function insertRoundCities(tx: Executor, roundId: number, cities: readonly RoundCityRow[]): Promise<void> {
  if (cities.length === 0) return;
  await tx.execute(sql`
    INSERT INTO investment_round_cities (round_id, city_code, evaluation, evaluation_source, access, need, priority, rank, proposed, equal_share, need_only, amount)
    SELECT ${roundId}, c."cityCode", c.evaluation, c."evaluationSource", c.access, c.need, c.priority, c.rank, c.proposed, c.equal, c."needOnly", c.proposed
    FROM json_to_recordset(${JSON.stringify(cities)}::json) AS c(
      "cityCode" text, evaluation real, "evaluationSource" text, access real, need real, priority real, rank int, proposed int8, equal int8, "needOnly" int8)`);
}

const roundColumns = sql`
  r.id, r.year, r.title, r.budget, r.city_cap AS "cityCap", r.weight_evaluation AS "weightEvaluation", r.weight_need AS "weightNeed",
  r.conditions, r.status, ${isoUtc(sql`r.created_at`)} AS "createdAt", ${isoUtc(sql`r.approved_at`)} AS "approvedAt",
  (SELECT count(*)::int FROM investment_round_cities c WHERE c.round_id = r.id) AS cities,
  (SELECT json_build_object('proposed', COALESCE(sum(proposed), 0), 'equal', COALESCE(sum(equal_share), 0), 'needOnly', COALESCE(sum(need_only), 0),
     'adjusted', COALESCE(sum(amount), 0)) FROM investment_round_cities c WHERE c.round_id = r.id) AS totals,
  (SELECT count(*)::int FROM investment_round_cities c WHERE c.round_id = r.id AND c.amount > 0) AS funded`;

export function listRounds(db: Executor, page: PageRequest) {
  return pageOf(
    page,
    rows<InvestmentRound>(db, sql`SELECT ${roundColumns} FROM investment_rounds r ORDER BY r.year DESC, r.id DESC LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM investment_rounds`),
  );
}

export function findRound(db: Executor, id: number, lock = false) {
  return firstRow<InvestmentRound>(db, sql`SELECT ${roundColumns} FROM investment_rounds r WHERE r.id = ${id} ${lock ? sql`FOR UPDATE OF r` : sql``}`);
}

export function roundCities(db: Executor, roundId: number, page: PageRequest) {
  return pageOf(
    page,
    rows<RoundCity>(db, sql`
      SELECT c.city_code AS "cityCode", m.name_ko AS "nameKo", m.name_en AS "nameEn", c.evaluation::float8 AS evaluation,
        c.evaluation_source AS "evaluationSource", c.access::float8 AS access, c.need::float8 AS need, c.priority::float8 AS priority, c.rank,
        c.proposed, c.equal_share AS equal, c.need_only AS "needOnly", c.amount
      FROM investment_round_cities c JOIN municipalities m ON m.code = c.city_code
      WHERE c.round_id = ${roundId} ORDER BY c.rank LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM investment_round_cities WHERE round_id = ${roundId}`),
  );
}

export function roundAmounts(db: Executor, roundId: number) {
  return rows<{ cityCode: string; amount: number }>(db, sql`
    SELECT city_code AS "cityCode", amount FROM investment_round_cities WHERE round_id = ${roundId} ORDER BY rank`);
}

export async function setRoundAmounts(tx: Executor, roundId: number, amounts: readonly { cityCode: string; amount: number }[]): Promise<void> {
  await tx.execute(sql`
    UPDATE investment_round_cities c SET amount = a.amount
    FROM json_to_recordset(${JSON.stringify(amounts)}::json) AS a("cityCode" text, amount int8)
    WHERE c.round_id = ${roundId} AND c.city_code = a."cityCode"`);
}

/** A round's grants, one per city with an amount, each with its award in the ledger: one statement however many cities. */
export async function awardRound(tx: Executor, roundId: number, by: number): Promise<void> {
  await tx.execute(sql`
    WITH made AS (
      INSERT INTO grants (city_code, year, kind, conditions, round_id, awarded_by)
      SELECT c.city_code, r.year, 'special_purpose', r.conditions, r.id, ${by}
      FROM investment_round_cities c JOIN investment_rounds r ON r.id = c.round_id
      WHERE c.round_id = ${roundId} AND c.amount > 0
      RETURNING id, city_code
    )
    INSERT INTO grant_ledger (grant_id, city_code, kind, amount, recorded_by)
    SELECT m.id, m.city_code, 'awarded', c.amount, ${by}
    FROM made m JOIN investment_round_cities c ON c.round_id = ${roundId} AND c.city_code = m.city_code`);
}

export async function markApproved(tx: Executor, roundId: number, by: number): Promise<void> {
  await tx.execute(sql`UPDATE investment_rounds SET status = 'approved', approved_by = ${by}, approved_at = now() WHERE id = ${roundId}`);
}
