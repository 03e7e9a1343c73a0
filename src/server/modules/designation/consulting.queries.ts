/**
 * Every SQL statement of the consulting year: the consulting, its milestones, its consultant. An improvement
 * consulting also reads the evaluation's rows of its city it is tied to (the round that deferred it, by foreign key,
 * and the next finalised round): those rows say whether the consulting is possible and whether it helped.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { ConsultingDecision, ConsultingDetail, ConsultingSummary, MilestoneView } from '../../../shared/contracts/designation-consulting.ts';
import {
  milestoneKinds, type ConsultingPurpose, type ConsultingRecommendation, type DesignationState, type EvaluationOutcome, type MilestoneKind, type MilestoneStatus,
} from '../../../shared/vocabulary/index.ts';
import type { RoundResult } from './consulting.rules.ts';
import { firstRow, offsetOf, pageOf, rows, type Executor } from '../../platform/database/database.ts';

const moment = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
/** Milestones in the order the vocabulary lists them (needs survey, improvement plan, mid-term plan). */
const milestoneOrder = (kind: SQL) => sql`array_position(${sql.param([...milestoneKinds.codes])}::text[], ${kind})`;

const summaryColumns = sql`
  c.id, c.purpose, c.application_id AS "applicationId", a.call_id AS "callId", k.year AS "callYear", c.round_year AS "roundYear", c.city_code AS "cityCode",
  m.name_ko AS "cityNameKo", m.name_en AS "cityNameEn", p.short_ko AS "provinceShortKo", p.short_en AS "provinceShortEn",
  CASE WHEN c.consultant_id IS NULL THEN NULL ELSE json_build_object('personId', c.consultant_id, 'displayName', u.display_name) END AS consultant,
  c.starts_on::text AS "startsOn", c.ends_on::text AS "endsOn",
  (SELECT count(*)::int FROM consulting_milestones s WHERE s.consulting_id = c.id AND s.status = 'accepted') AS "milestonesAccepted",
  (SELECT min(s.due_on)::text FROM consulting_milestones s WHERE s.consulting_id = c.id AND s.status <> 'accepted') AS "nextDueOn",
  c.recommendation, c.decision,
  ${roundResult(sql`d`)} AS "deferredRound", ${roundResult(sql`n`)} AS "nextRound"`;

/** A finalised round's result of the city (null when there is none): its year, total, outcome and areas. */
function roundResult(alias: SQL) {
  return sql`CASE WHEN ${alias}.final_total IS NULL THEN NULL ELSE json_build_object('year', ${alias}.round_year, 'total', ${alias}.final_total::float8,
    'outcome', ${alias}.outcome, 'areas', ${alias}.final->'areas') END`;
}

/** The round that deferred the city, and the first finalised round after it in which the city was scored. */
const improvementRounds = sql`
  LEFT JOIN evaluation_round_cities d ON d.round_year = c.round_year AND d.city_code = c.city_code
  LEFT JOIN LATERAL (
    SELECT x.round_year, x.final_total, x.outcome, x.final FROM evaluation_round_cities x JOIN evaluation_rounds r ON r.year = x.round_year
    WHERE x.city_code = c.city_code AND x.round_year > c.round_year AND r.status = 'finalised' AND x.final_total IS NOT NULL
    ORDER BY x.round_year LIMIT 1) n ON TRUE`;

const summaryFrom = sql`
  FROM consultings c
  LEFT JOIN designation_applications a ON a.id = c.application_id
  LEFT JOIN designation_calls k ON k.id = a.call_id
  JOIN municipalities m ON m.code = c.city_code
  JOIN provinces p ON p.code = m.province_code
  LEFT JOIN people u ON u.id = c.consultant_id
  ${improvementRounds}`;

/** A consulting as read, before its rounds are compared (consulting.service.ts). */
export type ConsultingRow = Omit<ConsultingSummary, 'improvement'> & { deferredRound: RoundResult | null; nextRound: RoundResult | null };

export interface ConsultingFilter {
  cityCode?: string;
  provinceCode?: string;
  callYear?: number;
  consultantId?: number;
  undecided?: boolean;
  purpose?: ConsultingPurpose;
}

export async function listConsultings(db: Executor, filter: ConsultingFilter, page: PageRequest) {
  const conditions = [sql`TRUE`];
  if (filter.cityCode !== undefined) conditions.push(sql`c.city_code = ${filter.cityCode}`);
  if (filter.provinceCode !== undefined) conditions.push(sql`m.province_code = ${filter.provinceCode}`);
  if (filter.callYear !== undefined) conditions.push(sql`k.year = ${filter.callYear}`);
  if (filter.consultantId !== undefined) conditions.push(sql`c.consultant_id = ${filter.consultantId}`);
  if (filter.undecided) conditions.push(sql`c.decision IS NULL`);
  if (filter.purpose !== undefined) conditions.push(sql`c.purpose = ${filter.purpose}`);
  const where = sql.join(conditions, sql` AND `);
  return pageOf(
    page,
    rows<ConsultingRow>(db, sql`SELECT ${summaryColumns} ${summaryFrom} WHERE ${where}
      ORDER BY (c.decision IS NULL) DESC, coalesce(k.year, c.round_year) DESC, c.city_code, c.id LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM consultings c JOIN municipalities m ON m.code = c.city_code
      LEFT JOIN designation_applications a ON a.id = c.application_id LEFT JOIN designation_calls k ON k.id = a.call_id WHERE ${where}`),
  );
}

export async function findConsulting(db: Executor, id: number): Promise<(ConsultingRow & Omit<ConsultingDetail, 'milestones' | 'improvement'>) | undefined> {
  return firstRow(db, sql`
    SELECT ${summaryColumns}, c.recommendation_reason AS "recommendationReason", ${moment(sql`c.recommended_at`)} AS "recommendedAt",
           c.decision_reason AS "decisionReason", ${moment(sql`c.decided_at`)} AS "decidedAt"
    ${summaryFrom} WHERE c.id = ${id}`);
}

/** The milestones in their order (needs survey, improvement plan, mid-term plan); `today` (Korea) judges what is overdue. */
export async function milestonesOf(db: Executor, consultingId: number, today: string): Promise<MilestoneView[]> {
  return rows<MilestoneView>(db, sql`
    SELECT s.id, s.kind, s.due_on::text AS "dueOn", s.status, (s.status IN ('open', 'revise') AND s.due_on < ${today}::date) AS overdue,
           s.city_note AS "cityNote",
           CASE WHEN f.id IS NULL THEN NULL ELSE json_build_object('id', f.id, 'fileName', f.file_name, 'documentType', f.document_type,
             'byteSize', f.byte_size, 'sha256', f.sha256) END AS file,
           ${moment(sql`s.submitted_at`)} AS "submittedAt", sp.display_name AS "submittedByName",
           s.feedback, ${moment(sql`s.reviewed_at`)} AS "reviewedAt", rp.display_name AS "reviewedByName", s.version
    FROM consulting_milestones s
    LEFT JOIN stored_files f ON f.id = s.file_id
    LEFT JOIN people sp ON sp.id = s.submitted_by
    LEFT JOIN people rp ON rp.id = s.reviewed_by
    WHERE s.consulting_id = ${consultingId}
    ORDER BY ${milestoneOrder(sql`s.kind`)}`);
}

export interface LockedConsulting {
  id: number;
  purpose: ConsultingPurpose;
  applicationId: number | null;
  callId: number | null;
  callYear: number | null;
  roundYear: number | null;
  cityCode: string;
  cityNameKo: string;
  cityNameEn: string;
  provinceShortKo: string;
  provinceShortEn: string;
  consultantId: number | null;
  recommendation: ConsultingRecommendation | null;
  decision: ConsultingDecision | null;
}

/**
 * The consulting with its application's row locked (a potential city's), then its own: every change of the
 * consulting year goes through here, so two of them about one city happen one after the other (the application
 * first, as every other step of the process locks it).
 */
export async function lockConsulting(tx: Executor, id: number): Promise<LockedConsulting | undefined> {
  await tx.execute(sql`SELECT a.id FROM designation_applications a JOIN consultings c ON c.application_id = a.id WHERE c.id = ${id} FOR UPDATE OF a`);
  return firstRow<LockedConsulting>(tx, sql`
    SELECT c.id, c.purpose, c.application_id AS "applicationId", a.call_id AS "callId", k.year AS "callYear", c.round_year AS "roundYear", c.city_code AS "cityCode",
           m.name_ko AS "cityNameKo", m.name_en AS "cityNameEn", p.short_ko AS "provinceShortKo", p.short_en AS "provinceShortEn",
           c.consultant_id AS "consultantId", c.recommendation, c.decision
    FROM consultings c LEFT JOIN designation_applications a ON a.id = c.application_id LEFT JOIN designation_calls k ON k.id = a.call_id
    JOIN municipalities m ON m.code = c.city_code JOIN provinces p ON p.code = m.province_code
    WHERE c.id = ${id} FOR UPDATE OF c`);
}

/** Whom a consulting concerns, for deciding who may see it (no lock: reading only). */
export async function consultingOwner(db: Executor, id: number): Promise<{ cityCode: string; consultantId: number | null } | undefined> {
  return firstRow(db, sql`SELECT city_code AS "cityCode", consultant_id AS "consultantId" FROM consultings WHERE id = ${id}`);
}

export interface LockedMilestone {
  id: number;
  kind: MilestoneKind;
  status: MilestoneStatus;
  fileId: number | null;
  fileName: string | null;
  sha256: string | null;
  version: number;
}

export async function lockMilestone(tx: Executor, consultingId: number, kind: MilestoneKind): Promise<LockedMilestone | undefined> {
  return firstRow<LockedMilestone>(tx, sql`
    SELECT s.id, s.kind, s.status, s.file_id AS "fileId", f.file_name AS "fileName", f.sha256, s.version
    FROM consulting_milestones s LEFT JOIN stored_files f ON f.id = s.file_id
    WHERE s.consulting_id = ${consultingId} AND s.kind = ${kind} FOR UPDATE OF s`);
}

export async function kindsNotAccepted(tx: Executor, consultingId: number): Promise<MilestoneKind[]> {
  const found = await rows<{ kind: MilestoneKind }>(tx, sql`
    SELECT kind FROM consulting_milestones WHERE consulting_id = ${consultingId} AND status <> 'accepted'
    ORDER BY ${milestoneOrder(sql`kind`)}`);
  return found.map((row) => row.kind);
}

export async function attachMilestoneFile(tx: Executor, milestoneId: number, fileId: number): Promise<void> {
  await tx.execute(sql`UPDATE consulting_milestones SET file_id = ${fileId}, version = version + 1 WHERE id = ${milestoneId}`);
}

export async function markMilestoneSubmitted(tx: Executor, milestoneId: number, note: string, personId: number, now: Date): Promise<void> {
  await tx.execute(sql`
    UPDATE consulting_milestones SET status = 'submitted', city_note = ${note}, submitted_at = ${now.toISOString()}::timestamptz,
      submitted_by = ${personId}, version = version + 1
    WHERE id = ${milestoneId}`);
}

export async function markMilestoneReviewed(tx: Executor, milestoneId: number, outcome: 'accepted' | 'revise', feedback: string, personId: number, now: Date): Promise<void> {
  await tx.execute(sql`
    UPDATE consulting_milestones SET status = ${outcome}, feedback = ${feedback}, reviewed_at = ${now.toISOString()}::timestamptz,
      reviewed_by = ${personId}, version = version + 1
    WHERE id = ${milestoneId}`);
}

export async function setConsultant(tx: Executor, id: number, consultantId: number): Promise<void> {
  await tx.execute(sql`UPDATE consultings SET consultant_id = ${consultantId} WHERE id = ${id}`);
}

export async function setRecommendation(tx: Executor, id: number, recommendation: ConsultingRecommendation, reason: string, now: Date): Promise<void> {
  await tx.execute(sql`
    UPDATE consultings SET recommendation = ${recommendation}, recommendation_reason = ${reason}, recommended_at = ${now.toISOString()}::timestamptz
    WHERE id = ${id}`);
}

export async function setDecision(tx: Executor, id: number, decision: ConsultingDecision, reason: string, personId: number, now: Date): Promise<void> {
  await tx.execute(sql`
    UPDATE consultings SET decision = ${decision}, decision_reason = ${reason}, decided_at = ${now.toISOString()}::timestamptz, decided_by = ${personId}
    WHERE id = ${id}`);
}

/** Someone the ministry appointed as a consultant who holds the role to act as one. */
export async function findConsultant(db: Executor, personId: number): Promise<{ personId: number; displayName: string } | undefined> {
  return firstRow(db, sql`
    SELECT p.id AS "personId", p.display_name AS "displayName"
    FROM designation_experts e JOIN people p ON p.id = e.person_id
    WHERE e.person_id = ${personId} AND e.kind = 'consultant'
      AND EXISTS (SELECT 1 FROM role_grants g WHERE g.person_id = e.person_id AND g.role = 'consultant')`);
}

/** The appointed consultants, least busy first. */
export async function consultantCandidates(db: Executor, page: PageRequest) {
  const from = sql`FROM designation_experts e JOIN people p ON p.id = e.person_id
    WHERE e.kind = 'consultant' AND EXISTS (SELECT 1 FROM role_grants g WHERE g.person_id = e.person_id AND g.role = 'consultant')`;
  return pageOf(
    page,
    rows<{ personId: number; displayName: string; affiliation: string; worksInProvinceCode: string | null; openConsultings: number }>(db, sql`
      SELECT p.id AS "personId", p.display_name AS "displayName", e.affiliation, e.works_in_province_code AS "worksInProvinceCode",
             (SELECT count(*)::int FROM consultings c WHERE c.consultant_id = p.id AND c.decision IS NULL) AS "openConsultings"
      ${from} ORDER BY "openConsultings", p.display_name, p.id LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n ${from}`),
  );
}

export interface NewConsulting {
  applicationId?: number;
  /** An improvement consulting's deferring round and its consultant, chosen as it opens. */
  roundYear?: number;
  consultantId?: number;
  cityCode: string;
  startsOn: string;
  endsOn: string;
  dueDates: Record<MilestoneKind, string>;
}

export async function insertConsulting(tx: Executor, consulting: NewConsulting): Promise<number> {
  const row = await firstRow<{ id: number }>(tx, sql`
    INSERT INTO consultings (purpose, application_id, round_year, consultant_id, city_code, starts_on, ends_on)
    VALUES (${consulting.roundYear === undefined ? 'potential' : 'improvement'}, ${consulting.applicationId ?? null}, ${consulting.roundYear ?? null},
            ${consulting.consultantId ?? null}, ${consulting.cityCode}, ${consulting.startsOn}::date, ${consulting.endsOn}::date) RETURNING id`);
  const kinds = Object.keys(consulting.dueDates) as MilestoneKind[];
  await tx.execute(sql`
    INSERT INTO consulting_milestones (consulting_id, city_code, kind, due_on)
    SELECT ${row!.id}, ${consulting.cityCode}, kind, due_on
    FROM unnest(${sql.param(kinds)}::text[], ${sql.param(kinds.map((kind) => consulting.dueDates[kind]))}::date[]) AS m(kind, due_on)`);
  return row!.id;
}

// ---- Improvement consultings (deferred cities) --------------------------------------------------------------

/** The city with its row locked (as recordTransition locks it) and its designation state now; undefined: no such city. */
export async function lockCityState(tx: Executor, cityCode: string) {
  const city = await firstRow<{ code: string; nameKo: string; nameEn: string; provinceShortKo: string; provinceShortEn: string }>(tx, sql`
    SELECT m.code, m.name_ko AS "nameKo", m.name_en AS "nameEn", p.short_ko AS "provinceShortKo", p.short_en AS "provinceShortEn"
    FROM municipalities m JOIN provinces p ON p.code = m.province_code WHERE m.code = ${cityCode} FOR UPDATE OF m`);
  if (!city) return undefined;
  const latest = await firstRow<{ state: DesignationState }>(tx, sql`
    SELECT state FROM designation_transitions WHERE city_code = ${cityCode} ORDER BY occurred_on DESC, id DESC LIMIT 1`);
  return { ...city, state: latest?.state ?? null };
}

/** The city's outcomes of finalised rounds, latest first. */
export function finalOutcomesOf(db: Executor, cityCode: string) {
  return rows<{ roundYear: number; outcome: EvaluationOutcome }>(db, sql`
    SELECT c.round_year AS "roundYear", c.outcome FROM evaluation_round_cities c JOIN evaluation_rounds r ON r.year = c.round_year
    WHERE c.city_code = ${cityCode} AND r.status = 'finalised' AND c.outcome IS NOT NULL ORDER BY c.round_year DESC`);
}

/** The open improvement consulting of the city for that round, if there is one. */
export async function openImprovementOf(db: Executor, cityCode: string, roundYear: number): Promise<number | undefined> {
  const found = await firstRow<{ id: number }>(db, sql`
    SELECT id FROM consultings WHERE purpose = 'improvement' AND city_code = ${cityCode} AND round_year = ${roundYear} AND decision IS NULL`);
  return found?.id;
}

/** Each city's latest improvement consulting (by its deferring round), with its rounds, for the cities asked about. */
export function latestImprovementsOf(db: Executor, cityCodes: readonly string[]) {
  return rows<{ id: number; cityCode: string; roundYear: number; decision: ConsultingDecision | null; deferredRound: RoundResult | null; nextRound: RoundResult | null }>(db, sql`
    SELECT DISTINCT ON (c.city_code) c.id, c.city_code AS "cityCode", c.round_year AS "roundYear", c.decision,
           ${roundResult(sql`d`)} AS "deferredRound", ${roundResult(sql`n`)} AS "nextRound"
    FROM consultings c ${improvementRounds}
    WHERE c.purpose = 'improvement' AND c.city_code = ANY(${sql.param([...cityCodes])}::text[])
    ORDER BY c.city_code, c.round_year DESC, c.id DESC`);
}
