/** SQL of the review: reviewers' assignments and scores, the review table's figures, decisions and the announcement. */
import { sql, type SQL } from 'drizzle-orm';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { AssignmentSummary, ScoreView } from '../../../shared/contracts/designation-review.ts';
import type { ApplicationDecision, ApplicationStatus } from '../../../shared/vocabulary/index.ts';
import { containing, firstRow, offsetOf, pageOf, rows, type Executor } from '../../platform/database/database.ts';

const moment = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const cityNames = sql`pr.short_ko || ' ' || m.name_ko AS "cityNameKo", m.name_en || ', ' || pr.short_en AS "cityNameEn"`;

// ---- The reviewer's assignments -------------------------------------------------------------------------

const assignmentColumns = sql`ra.id, ra.call_id AS "callId", c.year AS "callYear", ra.application_id AS "applicationId",
  ra.city_code AS "cityCode", ${cityNames}, a.province_code AS "provinceCode",
  CASE WHEN ra.submitted_at IS NOT NULL THEN 'submitted' WHEN s.scored > 0 THEN 'draft' ELSE 'not_started' END AS state,
  coalesce(s.scored, 0) AS "scoredItems",
  (SELECT count(*)::int FROM call_rubric_items r WHERE r.call_id = ra.call_id) AS "totalItems",
  s.total, ${moment(sql`ra.submitted_at`)} AS "submittedAt",
  c.review_starts_on::text AS "reviewStartsOn", c.review_ends_on::text AS "reviewEndsOn"`;
const assignmentFrom = sql`reviewer_assignments ra
  JOIN designation_calls c ON c.id = ra.call_id
  JOIN designation_applications a ON a.id = ra.application_id
  JOIN municipalities m ON m.code = ra.city_code
  JOIN provinces pr ON pr.code = a.province_code
  LEFT JOIN LATERAL (SELECT count(*)::int AS scored, sum(score)::float8 AS total FROM review_scores WHERE assignment_id = ra.id) s ON TRUE`;

/** A reviewer's assignments: the newest call first, what is still to do before what is submitted. */
export function listAssignments(db: Executor, reviewerId: number, filter: { callId?: number }, page: PageRequest) {
  const where = sql`ra.reviewer_id = ${reviewerId} AND (${filter.callId ?? null}::int IS NULL OR ra.call_id = ${filter.callId ?? null})`;
  return pageOf(
    page,
    rows<AssignmentSummary>(db, sql`SELECT ${assignmentColumns} FROM ${assignmentFrom} WHERE ${where}
      ORDER BY c.year DESC, (ra.submitted_at IS NULL) DESC, ra.id LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM reviewer_assignments ra WHERE ${where}`),
  );
}

export function findAssignment(db: Executor, id: number): Promise<AssignmentSummary | undefined> {
  return firstRow<AssignmentSummary>(db, sql`SELECT ${assignmentColumns} FROM ${assignmentFrom} WHERE ra.id = ${id}`);
}

/** Whose assignment it is (to decide who may see it). */
export function assignmentOwner(db: Executor, id: number) {
  return firstRow<{ reviewerId: number }>(db, sql`SELECT reviewer_id AS "reviewerId" FROM reviewer_assignments WHERE id = ${id}`);
}

export interface LockedAssignment {
  id: number;
  callId: number;
  applicationId: number;
  cityCode: string;
  reviewerId: number;
  submittedAt: string | null;
}

/** The assignment locked until the transaction ends: saving and submitting take their turn. */
export function lockAssignment(tx: Executor, id: number): Promise<LockedAssignment | undefined> {
  return firstRow(tx, sql`
    SELECT id, call_id AS "callId", application_id AS "applicationId", city_code AS "cityCode", reviewer_id AS "reviewerId",
           ${moment(sql`submitted_at`)} AS "submittedAt"
    FROM reviewer_assignments WHERE id = ${id} FOR UPDATE`);
}

export function scoresOf(db: Executor, assignmentId: number): Promise<ScoreView[]> {
  return rows(db, sql`
    SELECT s.rubric_item_id AS "rubricItemId", s.score::float8 AS score, s.comment
    FROM review_scores s JOIN call_rubric_items r ON r.id = s.rubric_item_id
    WHERE s.assignment_id = ${assignmentId} ORDER BY r.area_no, r.item_no`);
}

export async function saveScores(tx: Executor, assignment: { id: number; cityCode: string }, scores: readonly ScoreView[], now: Date): Promise<void> {
  await tx.execute(sql`
    INSERT INTO review_scores (assignment_id, rubric_item_id, city_code, score, comment, updated_at)
    SELECT ${assignment.id}, item, ${assignment.cityCode}, score, comment, ${now.toISOString()}
    FROM unnest(${sql.param(scores.map((s) => s.rubricItemId))}::int[], ${sql.param(scores.map((s) => s.score))}::numeric[],
                ${sql.param(scores.map((s) => s.comment))}::text[]) AS given(item, score, comment)
    ON CONFLICT (assignment_id, rubric_item_id) DO UPDATE SET score = EXCLUDED.score, comment = EXCLUDED.comment, updated_at = EXCLUDED.updated_at`);
}

export async function countScores(tx: Executor, assignmentId: number): Promise<number> {
  return (await firstRow<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM review_scores WHERE assignment_id = ${assignmentId}`))!.n;
}

export async function markSubmitted(tx: Executor, id: number, now: Date): Promise<void> {
  await tx.execute(sql`UPDATE reviewer_assignments SET submitted_at = ${now.toISOString()} WHERE id = ${id}`);
}

/** How many of the reviewer's assignments in the call are not submitted yet. */
export async function assignmentsLeft(db: Executor, reviewerId: number, callId: number): Promise<number> {
  return (await firstRow<{ n: number }>(db, sql`
    SELECT count(*)::int AS n FROM reviewer_assignments WHERE reviewer_id = ${reviewerId} AND call_id = ${callId} AND submitted_at IS NULL`))!.n;
}

// ---- Reviews in figures (the table, the decision, the peers) ----------------------------------------------

/** One assignment's scores summed by rubric area (one row per area scored; none scored: one row, area null). */
export interface AreaSubtotal {
  assignmentId: number;
  applicationId: number;
  reviewerId: number;
  displayName: string;
  submitted: boolean;
  areaNo: number | null;
  scored: number;
  subtotal: number | null;
}

/**
 * Every assignment of a call, or of one application, with its scores summed by area, in the order assigned. The
 * scores are read assignment by assignment (by their key), so the work stays that of one call as years of calls add up.
 */
export function areaSubtotals(db: Executor, of: { callId: number } | { applicationId: number }): Promise<AreaSubtotal[]> {
  const where = 'callId' in of ? sql`ra.call_id = ${of.callId}` : sql`ra.application_id = ${of.applicationId}`;
  return rows(db, sql`
    SELECT ra.id AS "assignmentId", ra.application_id AS "applicationId", ra.reviewer_id AS "reviewerId", p.display_name AS "displayName",
           ra.submitted_at IS NOT NULL AS submitted, x.area_no AS "areaNo", coalesce(x.scored, 0) AS scored, x.subtotal
    FROM reviewer_assignments ra
    JOIN people p ON p.id = ra.reviewer_id
    LEFT JOIN LATERAL (
      SELECT r.area_no, count(*)::int AS scored, sum(s.score)::float8 AS subtotal
      FROM review_scores s JOIN call_rubric_items r ON r.id = s.rubric_item_id
      WHERE s.assignment_id = ra.id GROUP BY r.area_no
    ) x ON TRUE
    WHERE ${where}
    ORDER BY ra.id, x.area_no`);
}

export interface ReviewedApplication {
  applicationId: number;
  cityCode: string;
  cityNameKo: string;
  cityNameEn: string;
  provinceCode: string;
  provinceShortKo: string;
  provinceShortEn: string;
  provinceNameKo: string;
  provinceNameEn: string;
  provinceRank: number | null;
  status: ApplicationStatus;
  decision: ApplicationDecision | null;
  decisionReason: string | null;
  finalScore: number | null;
  decidedAt: string | null;
}

const reviewedColumns = sql`a.id AS "applicationId", a.city_code AS "cityCode", ${cityNames}, a.province_code AS "provinceCode",
  pr.short_ko AS "provinceShortKo", pr.short_en AS "provinceShortEn", pr.name_ko AS "provinceNameKo", pr.name_en AS "provinceNameEn",
  a.province_rank AS "provinceRank", a.status, a.decision,
  a.decision_reason AS "decisionReason", a.final_score::float8 AS "finalScore", ${moment(sql`a.decided_at`)} AS "decidedAt"`;
const reviewedFrom = sql`designation_applications a JOIN municipalities m ON m.code = a.city_code JOIN provinces pr ON pr.code = a.province_code`;

/** The applications that reach the ministry: endorsed by their province (and then decided). */
export function reviewedApplications(db: Executor, callId: number): Promise<ReviewedApplication[]> {
  return rows(db, sql`SELECT ${reviewedColumns} FROM ${reviewedFrom}
    WHERE a.call_id = ${callId} AND a.status IN ('endorsed', 'decided') ORDER BY a.province_code, a.province_rank, a.id`);
}

export function reviewedApplication(db: Executor, id: number): Promise<(ReviewedApplication & { callId: number }) | undefined> {
  return firstRow(db, sql`SELECT ${reviewedColumns}, a.call_id AS "callId" FROM ${reviewedFrom} WHERE a.id = ${id}`);
}

/** Every submitted score of an application's reviews, item by item (the ministry's detail). */
export function submittedScores(db: Executor, applicationId: number) {
  return rows<ScoreView & { assignmentId: number }>(db, sql`
    SELECT s.assignment_id AS "assignmentId", s.rubric_item_id AS "rubricItemId", s.score::float8 AS score, s.comment
    FROM review_scores s JOIN reviewer_assignments ra ON ra.id = s.assignment_id JOIN call_rubric_items r ON r.id = s.rubric_item_id
    WHERE ra.application_id = ${applicationId} AND ra.submitted_at IS NOT NULL ORDER BY s.assignment_id, r.area_no, r.item_no`);
}

/** The reviewers assigned to an application, with their affiliation and when they submitted. */
export function reviewersOf(db: Executor, applicationId: number) {
  return rows<{ assignmentId: number; reviewerId: number; displayName: string; affiliation: string; submittedAt: string | null; scored: number }>(db, sql`
    SELECT ra.id AS "assignmentId", ra.reviewer_id AS "reviewerId", p.display_name AS "displayName", coalesce(e.affiliation, '') AS affiliation,
           ${moment(sql`ra.submitted_at`)} AS "submittedAt", (SELECT count(*)::int FROM review_scores s WHERE s.assignment_id = ra.id) AS scored
    FROM reviewer_assignments ra JOIN people p ON p.id = ra.reviewer_id
    LEFT JOIN designation_experts e ON e.person_id = ra.reviewer_id AND e.kind = 'reviewer'
    WHERE ra.application_id = ${applicationId} ORDER BY ra.id`);
}

// ---- Assigning ------------------------------------------------------------------------------------------

export interface Reviewer {
  personId: number;
  displayName: string;
  homeCityCode: string | null;
  worksInProvinceCode: string | null;
  consultedCityCodes: string[];
}

/** The cities a person has been the consultant of (any consulting, open or over). */
const consultedCities = sql`COALESCE((SELECT array_agg(DISTINCT c.city_code ORDER BY c.city_code) FROM consultings c WHERE c.consultant_id = p.id), '{}')`;

/** An appointed reviewer (designation_experts), with where they live and work and the cities they consulted. */
export function findReviewer(db: Executor, personId: number): Promise<Reviewer | undefined> {
  return firstRow(db, sql`
    SELECT p.id AS "personId", p.display_name AS "displayName", p.home_city_code AS "homeCityCode", e.works_in_province_code AS "worksInProvinceCode",
           ${consultedCities} AS "consultedCityCodes"
    FROM designation_experts e JOIN people p ON p.id = e.person_id WHERE e.person_id = ${personId} AND e.kind = 'reviewer'`);
}

/** Appointed reviewers for an application: the least busy in its call first; whether each is assigned to it already. */
export function reviewerCandidates(db: Executor, application: { id: number; callId: number }, q: string | undefined, page: PageRequest) {
  const where = q ? sql`(p.display_name ILIKE ${containing(q)} OR e.affiliation ILIKE ${containing(q)})` : sql`TRUE`;
  const from = sql`designation_experts e JOIN people p ON p.id = e.person_id`;
  return pageOf(
    page,
    rows<Reviewer & { affiliation: string; assigned: boolean; assignmentsInCall: number }>(db, sql`
      SELECT p.id AS "personId", p.display_name AS "displayName", e.affiliation, p.home_city_code AS "homeCityCode",
             e.works_in_province_code AS "worksInProvinceCode", ${consultedCities} AS "consultedCityCodes",
             EXISTS (SELECT 1 FROM reviewer_assignments ra WHERE ra.application_id = ${application.id} AND ra.reviewer_id = p.id) AS assigned,
             (SELECT count(*)::int FROM reviewer_assignments ra WHERE ra.call_id = ${application.callId} AND ra.reviewer_id = p.id) AS "assignmentsInCall"
      FROM ${from} WHERE e.kind = 'reviewer' AND ${where}
      ORDER BY "assignmentsInCall", p.display_name, p.id LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${from} WHERE e.kind = 'reviewer' AND ${where}`),
  );
}

/** Assigns; null when the reviewer is assigned to the application already. */
export async function insertAssignment(
  tx: Executor, assignment: { callId: number; applicationId: number; cityCode: string; reviewerId: number; assignedBy: number; now: Date },
): Promise<{ id: number; assignedAt: string } | null> {
  const row = await firstRow<{ id: number; assignedAt: string }>(tx, sql`
    INSERT INTO reviewer_assignments (call_id, application_id, city_code, reviewer_id, assigned_by, assigned_at)
    VALUES (${assignment.callId}, ${assignment.applicationId}, ${assignment.cityCode}, ${assignment.reviewerId}, ${assignment.assignedBy}, ${assignment.now.toISOString()})
    ON CONFLICT (application_id, reviewer_id) DO NOTHING
    RETURNING id, ${moment(sql`assigned_at`)} AS "assignedAt"`);
  return row ?? null;
}

export function lockAssignmentOf(tx: Executor, applicationId: number, reviewerId: number) {
  return firstRow<{ id: number; submittedAt: string | null; scored: number; displayName: string }>(tx, sql`
    SELECT ra.id, ${moment(sql`ra.submitted_at`)} AS "submittedAt", (SELECT count(*)::int FROM review_scores s WHERE s.assignment_id = ra.id) AS scored,
           p.display_name AS "displayName"
    FROM reviewer_assignments ra JOIN people p ON p.id = ra.reviewer_id
    WHERE ra.application_id = ${applicationId} AND ra.reviewer_id = ${reviewerId} FOR UPDATE OF ra`);
}

/** Removes an unsubmitted assignment with its draft scores. */
export async function deleteAssignment(tx: Executor, id: number): Promise<void> {
  await tx.execute(sql`DELETE FROM reviewer_assignments WHERE id = ${id}`);
}

// ---- Deciding and announcing ------------------------------------------------------------------------------

/**
 * Decisions and the announcement of one call take their turn (the quota counts the call's designations). NO KEY
 * UPDATE, so that rows referring to the call (applications, assignments) are not held up.
 */
export async function lockCall(tx: Executor, where: { id: number } | { year: number }): Promise<number | undefined> {
  const condition = 'id' in where ? sql`id = ${where.id}` : sql`year = ${where.year}`;
  return (await firstRow<{ id: number }>(tx, sql`SELECT id FROM designation_calls WHERE ${condition} FOR NO KEY UPDATE`))?.id;
}

export async function countDecisions(tx: Executor, callId: number) {
  return (await firstRow<{ endorsed: number; designated: number; potential: number; rejected: number }>(tx, sql`
    SELECT count(*) FILTER (WHERE status = 'endorsed')::int AS endorsed, count(*) FILTER (WHERE decision = 'designated')::int AS designated,
           count(*) FILTER (WHERE decision = 'potential')::int AS potential, count(*) FILTER (WHERE decision = 'rejected')::int AS rejected
    FROM designation_applications WHERE call_id = ${callId}`))!;
}

export async function markDecided(
  tx: Executor, id: number, decision: { decision: ApplicationDecision; reason: string; finalScore: number; personId: number; now: Date },
): Promise<void> {
  await tx.execute(sql`
    UPDATE designation_applications SET status = 'decided', decision = ${decision.decision}, decision_reason = ${decision.reason},
      final_score = ${decision.finalScore}, decided_at = ${decision.now.toISOString()}, decided_by = ${decision.personId}
    WHERE id = ${id}`);
}

export async function markAnnounced(tx: Executor, callId: number, personId: number, now: Date): Promise<void> {
  await tx.execute(sql`
    UPDATE designation_calls SET status = 'announced', announced_at = ${now.toISOString()}, version = version + 1,
      updated_at = ${now.toISOString()}, updated_by = ${personId}
    WHERE id = ${callId}`);
}

/** The cities still waiting for a decision, by name (to say which). */
export function undecidedCities(db: Executor, callId: number) {
  return rows<{ cityNameKo: string; cityNameEn: string }>(db, sql`
    SELECT ${cityNames} FROM ${reviewedFrom} WHERE a.call_id = ${callId} AND a.status = 'endorsed' ORDER BY a.province_code, a.province_rank, a.id`);
}

export function decidedApplications(db: Executor, callId: number) {
  return rows<ReviewedApplication & { decision: ApplicationDecision }>(db, sql`SELECT ${reviewedColumns} FROM ${reviewedFrom}
    WHERE a.call_id = ${callId} AND a.status = 'decided' ORDER BY a.province_code, a.final_score DESC, a.id`);
}
