/** Every SQL statement of the evaluation: frames, designation histories for cohorts, rounds and their cities' work. */
import { sql } from 'drizzle-orm';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { CityScore, FrameContent } from '../../../shared/contracts/evaluation.ts';
import type { CohortGroup, DesignationState, EvaluationOutcome, MunicipalityKind, RoundStatus } from '../../../shared/vocabulary/index.ts';
import { firstRow, isoUtc, offsetOf, pageOf, rows, type Executor } from '../../platform/database/database.ts';

// ---- Frames -------------------------------------------------------------------------------------------------

export interface FrameRow {
  year: number;
  content: FrameContent;
  version: number;
  copiedFrom: number | null;
  locked: boolean;
  updatedAt: string;
  updatedByName: string | null;
}

const frameColumns = sql`f.year, f.content, f.version, f.copied_from AS "copiedFrom", ${isoUtc(sql`f.updated_at`)} AS "updatedAt",
  p.display_name AS "updatedByName", EXISTS (SELECT 1 FROM evaluation_rounds r WHERE r.year = f.year) AS locked`;

export function frameOf(db: Executor, year: number): Promise<FrameRow | undefined> {
  return firstRow(db, sql`SELECT ${frameColumns} FROM evaluation_frames f LEFT JOIN people p ON p.id = f.updated_by WHERE f.year = ${year}`);
}

/** The frame of the latest year before `year`, to copy. */
export function frameBefore(db: Executor, year: number): Promise<{ year: number; content: FrameContent } | undefined> {
  return firstRow(db, sql`SELECT year, content FROM evaluation_frames WHERE year < ${year} ORDER BY year DESC LIMIT 1`);
}

export function listFrames(db: Executor, page: PageRequest) {
  return pageOf(
    page,
    rows<{ year: number; content: FrameContent; locked: boolean; updatedAt: string }>(db, sql`
      SELECT f.year, f.content, EXISTS (SELECT 1 FROM evaluation_rounds r WHERE r.year = f.year) AS locked, ${isoUtc(sql`f.updated_at`)} AS "updatedAt"
      FROM evaluation_frames f ORDER BY f.year DESC LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM evaluation_frames`),
  );
}

/** Inserts the frame unless the year has one; whether it did. */
export async function insertFrame(db: Executor, frame: { year: number; content: FrameContent; copiedFrom: number | null; by: number | null }): Promise<boolean> {
  const inserted = await rows(db, sql`
    INSERT INTO evaluation_frames (year, content, copied_from, updated_by)
    VALUES (${frame.year}, ${JSON.stringify(frame.content)}::jsonb, ${frame.copiedFrom}, ${frame.by})
    ON CONFLICT (year) DO NOTHING RETURNING year`);
  return inserted.length === 1;
}

/** The frame's row locked, with whether its round has opened. */
export function lockFrame(db: Executor, year: number): Promise<{ version: number; content: FrameContent } | undefined> {
  return firstRow(db, sql`SELECT version, content FROM evaluation_frames WHERE year = ${year} FOR UPDATE`);
}

export async function updateFrame(db: Executor, year: number, content: FrameContent, by: number, now: Date): Promise<void> {
  await db.execute(sql`
    UPDATE evaluation_frames SET content = ${JSON.stringify(content)}::jsonb, version = version + 1, updated_by = ${by}, updated_at = ${now.toISOString()}
    WHERE year = ${year}`);
}

// ---- Designation histories ------------------------------------------------------------------------------------

export interface CityHistoryRow {
  cityCode: string;
  cityNameKo: string;
  cityNameEn: string;
  provinceShortKo: string;
  provinceShortEn: string;
  kind: MunicipalityKind;
  state: DesignationState;
  year: number;
}

/** Every transition of every city that was ever designated, oldest first per city. */
export function designatedHistories(db: Executor): Promise<CityHistoryRow[]> {
  return rows(db, sql`
    SELECT t.city_code AS "cityCode", m.name_ko AS "cityNameKo", m.name_en AS "cityNameEn", p.short_ko AS "provinceShortKo", p.short_en AS "provinceShortEn",
           m.kind, t.state, t.year
    FROM designation_transitions t
    JOIN municipalities m ON m.code = t.city_code JOIN provinces p ON p.code = m.province_code
    WHERE t.city_code IN (SELECT city_code FROM designation_transitions WHERE state = 'designated')
    ORDER BY t.city_code, t.occurred_on, t.id`);
}

// ---- Rounds -------------------------------------------------------------------------------------------------

export interface RoundRow {
  year: number;
  evaluatedYear: number;
  status: RoundStatus;
  openedAt: string;
  preliminaryAt: string | null;
  objectionsUntil: string | null;
  finalisedAt: string | null;
  cities: number;
}

const roundColumns = sql`r.year, r.evaluated_year AS "evaluatedYear", r.status, ${isoUtc(sql`r.opened_at`)} AS "openedAt",
  CASE WHEN r.preliminary_at IS NULL THEN NULL ELSE ${isoUtc(sql`r.preliminary_at`)} END AS "preliminaryAt",
  CASE WHEN r.objections_until IS NULL THEN NULL ELSE ${isoUtc(sql`r.objections_until`)} END AS "objectionsUntil",
  CASE WHEN r.finalised_at IS NULL THEN NULL ELSE ${isoUtc(sql`r.finalised_at`)} END AS "finalisedAt",
  (SELECT count(*)::int FROM evaluation_round_cities c WHERE c.round_year = r.year) AS cities`;

export function roundOf(db: Executor, year: number): Promise<RoundRow | undefined> {
  return firstRow(db, sql`SELECT ${roundColumns} FROM evaluation_rounds r WHERE r.year = ${year}`);
}

export function listRounds(db: Executor, page: PageRequest) {
  return pageOf(
    page,
    rows<RoundRow>(db, sql`SELECT ${roundColumns} FROM evaluation_rounds r ORDER BY r.year DESC LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM evaluation_rounds`),
  );
}

/** The round locked: everything that changes its cities' standing takes this lock first. */
export function lockRound(db: Executor, year: number): Promise<RoundRow | undefined> {
  return firstRow(db, sql`SELECT ${roundColumns} FROM evaluation_rounds r WHERE r.year = ${year} FOR UPDATE`);
}

export async function insertRound(db: Executor, round: { year: number; evaluatedYear: number; by: number; now: Date }): Promise<boolean> {
  const inserted = await rows(db, sql`
    INSERT INTO evaluation_rounds (year, evaluated_year, opened_at, opened_by) VALUES (${round.year}, ${round.evaluatedYear}, ${round.now.toISOString()}, ${round.by})
    ON CONFLICT (year) DO NOTHING RETURNING year`);
  return inserted.length === 1;
}

export interface RoundCityInsert {
  cityCode: string;
  cohortGroup: CohortGroup;
  stateBefore: DesignationState;
  designatedYear: number;
  dueYear: number;
  reasonKo: string;
  reasonEn: string;
}

export async function insertRoundCities(db: Executor, year: number, cities: readonly RoundCityInsert[]): Promise<void> {
  if (cities.length === 0) return;
  await db.execute(sql`
    INSERT INTO evaluation_round_cities (round_year, city_code, cohort_group, state_before, designated_year, due_year, reason_ko, reason_en)
    VALUES ${sql.join(cities.map((c) => sql`(${year}, ${c.cityCode}, ${c.cohortGroup}, ${c.stateBefore}, ${c.designatedYear}, ${c.dueYear}, ${c.reasonKo}, ${c.reasonEn})`), sql`, `)}`);
}

export async function markPreliminary(db: Executor, year: number, now: Date, objectionsUntil: Date): Promise<void> {
  await db.execute(sql`UPDATE evaluation_rounds SET status = 'preliminary', preliminary_at = ${now.toISOString()}, objections_until = ${objectionsUntil.toISOString()} WHERE year = ${year}`);
}

export async function markFinalised(db: Executor, year: number, by: number, now: Date): Promise<void> {
  await db.execute(sql`UPDATE evaluation_rounds SET status = 'finalised', finalised_at = ${now.toISOString()}, finalised_by = ${by} WHERE year = ${year}`);
}

export interface RoundCity {
  cityCode: string;
  cityNameKo: string;
  cityNameEn: string;
  provinceShortKo: string;
  provinceShortEn: string;
  group: CohortGroup;
  stateBefore: DesignationState;
  designatedYear: number;
  dueYear: number;
  reasonKo: string;
  reasonEn: string;
  preliminary: CityScore | null;
  proposed: EvaluationOutcome | null;
  final: CityScore | null;
  outcome: EvaluationOutcome | null;
}

const roundCityColumns = sql`c.city_code AS "cityCode", m.name_ko AS "cityNameKo", m.name_en AS "cityNameEn", p.short_ko AS "provinceShortKo",
  p.short_en AS "provinceShortEn", c.cohort_group AS "group", c.state_before AS "stateBefore", c.designated_year AS "designatedYear", c.due_year AS "dueYear",
  c.reason_ko AS "reasonKo", c.reason_en AS "reasonEn", c.preliminary, c.proposed, c.final, c.outcome`;
const roundCityFrom = sql`evaluation_round_cities c JOIN municipalities m ON m.code = c.city_code JOIN provinces p ON p.code = m.province_code`;

/** Every city of the round (a cohort is at most a few dozen cities; the scores need them all to rank). */
export function roundCities(db: Executor, year: number): Promise<RoundCity[]> {
  return rows(db, sql`SELECT ${roundCityColumns} FROM ${roundCityFrom} WHERE c.round_year = ${year} ORDER BY c.city_code`);
}

export function roundCity(db: Executor, year: number, cityCode: string): Promise<RoundCity | undefined> {
  return firstRow(db, sql`SELECT ${roundCityColumns} FROM ${roundCityFrom} WHERE c.round_year = ${year} AND c.city_code = ${cityCode}`);
}

/** The rounds a city was in, newest first, with what the city has been told. */
export function roundsOfCity(db: Executor, cityCode: string, page: PageRequest) {
  return pageOf(
    page,
    rows<{ year: number; status: RoundStatus; proposed: EvaluationOutcome | null; outcome: EvaluationOutcome | null }>(db, sql`
      SELECT r.year, r.status, c.proposed, c.outcome FROM evaluation_round_cities c JOIN evaluation_rounds r ON r.year = c.round_year
      WHERE c.city_code = ${cityCode} ORDER BY r.year DESC LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM evaluation_round_cities WHERE city_code = ${cityCode}`),
  );
}

export async function savePreliminary(db: Executor, year: number, cityCode: string, score: CityScore, proposed: EvaluationOutcome): Promise<void> {
  await db.execute(sql`
    UPDATE evaluation_round_cities SET preliminary = ${JSON.stringify(score)}::jsonb, proposed = ${proposed}
    WHERE round_year = ${year} AND city_code = ${cityCode}`);
}

/** Records the city's outcome once: false when it has one already (a second finalising that got past the round lock). */
export async function saveFinal(db: Executor, year: number, cityCode: string, score: CityScore, outcome: EvaluationOutcome): Promise<boolean> {
  const saved = await rows(db, sql`
    UPDATE evaluation_round_cities SET final = ${JSON.stringify(score)}::jsonb, outcome = ${outcome}, final_total = ${score.total}
    WHERE round_year = ${year} AND city_code = ${cityCode} AND outcome IS NULL RETURNING city_code`);
  return saved.length === 1;
}

/** Every city's total and outcome in every finalised round, oldest round first per city: published with the outcome (its designation step says it). */
export function finalTotals(db: Executor) {
  return rows<{ cityCode: string; year: number; total: number; outcome: EvaluationOutcome }>(db, sql`
    SELECT c.city_code AS "cityCode", c.round_year AS year, c.final_total::float8 AS total, c.outcome
    FROM evaluation_round_cities c JOIN evaluation_rounds r ON r.year = c.round_year
    WHERE r.status = 'finalised' AND c.final_total IS NOT NULL ORDER BY c.city_code, c.round_year`);
}

// ---- The city's work ----------------------------------------------------------------------------------------

export function selfAssessments(db: Executor, year: number, cityCode: string) {
  return rows<{ itemCode: string; text: string; updatedAt: string }>(db, sql`
    SELECT item_code AS "itemCode", text, ${isoUtc(sql`updated_at`)} AS "updatedAt"
    FROM evaluation_self_assessments WHERE round_year = ${year} AND city_code = ${cityCode} ORDER BY item_code`);
}

export async function saveSelfAssessment(db: Executor, entry: { year: number; cityCode: string; itemCode: string; text: string; by: number; now: Date }): Promise<void> {
  await db.execute(sql`
    INSERT INTO evaluation_self_assessments (round_year, city_code, item_code, text, updated_by, updated_at)
    VALUES (${entry.year}, ${entry.cityCode}, ${entry.itemCode}, ${entry.text}, ${entry.by}, ${entry.now.toISOString()})
    ON CONFLICT (round_year, city_code, item_code) DO UPDATE SET text = excluded.text, updated_by = excluded.updated_by, updated_at = excluded.updated_at`);
}

export function evidenceOf(db: Executor, year: number, cityCode: string) {
  return rows<{ id: number; itemCode: string; fileName: string; byteSize: number; addedAt: string; fileId: number }>(db, sql`
    SELECT e.id, e.item_code AS "itemCode", f.file_name AS "fileName", f.byte_size AS "byteSize", ${isoUtc(sql`e.added_at`)} AS "addedAt", e.file_id AS "fileId"
    FROM evaluation_evidence e JOIN stored_files f ON f.id = e.file_id
    WHERE e.round_year = ${year} AND e.city_code = ${cityCode} ORDER BY e.id`);
}

export async function insertEvidence(db: Executor, entry: { year: number; cityCode: string; itemCode: string; fileId: number; by: number }): Promise<void> {
  await db.execute(sql`
    INSERT INTO evaluation_evidence (round_year, city_code, item_code, file_id, added_by) VALUES (${entry.year}, ${entry.cityCode}, ${entry.itemCode}, ${entry.fileId}, ${entry.by})`);
}

/** Per city of the round: reviewers assigned and submitted, items self-assessed, evidence files, the objection. */
export function roundProgress(db: Executor, year: number) {
  return rows<{
    cityCode: string; reviewers: number; submitted: number; selfAssessed: number; evidenceFiles: number; objectedAt: string | null; answered: boolean;
    consultingId: number | null;
  }>(db, sql`
    SELECT c.city_code AS "cityCode",
      (SELECT count(*)::int FROM evaluation_assignments a WHERE a.round_year = c.round_year AND a.city_code = c.city_code) AS reviewers,
      (SELECT count(*)::int FROM evaluation_assignments a WHERE a.round_year = c.round_year AND a.city_code = c.city_code AND a.submitted_at IS NOT NULL) AS submitted,
      (SELECT count(*)::int FROM evaluation_self_assessments s WHERE s.round_year = c.round_year AND s.city_code = c.city_code) AS "selfAssessed",
      (SELECT count(*)::int FROM evaluation_evidence e WHERE e.round_year = c.round_year AND e.city_code = c.city_code) AS "evidenceFiles",
      CASE WHEN o.filed_at IS NULL THEN NULL ELSE ${isoUtc(sql`o.filed_at`)} END AS "objectedAt", o.answered_at IS NOT NULL AS answered,
      (SELECT max(k.id) FROM consultings k WHERE k.purpose = 'improvement' AND k.round_year = c.round_year AND k.city_code = c.city_code) AS "consultingId"
    FROM evaluation_round_cities c LEFT JOIN evaluation_objections o ON o.round_year = c.round_year AND o.city_code = c.city_code
    WHERE c.round_year = ${year}`);
}

// ---- Reviewers ----------------------------------------------------------------------------------------------

export interface EvaluationAssignmentRow {
  id: number;
  year: number;
  cityCode: string;
  cityNameKo: string;
  cityNameEn: string;
  reviewerId: number;
  displayName: string;
  submittedAt: string | null;
  roundStatus: RoundStatus;
  objectionWaiting: boolean;
}

const assignmentColumns = sql`a.id, a.round_year AS year, a.city_code AS "cityCode", m.name_ko AS "cityNameKo", m.name_en AS "cityNameEn",
  a.reviewer_id AS "reviewerId", p.display_name AS "displayName",
  CASE WHEN a.submitted_at IS NULL THEN NULL ELSE ${isoUtc(sql`a.submitted_at`)} END AS "submittedAt", r.status AS "roundStatus",
  EXISTS (SELECT 1 FROM evaluation_objections o WHERE o.round_year = a.round_year AND o.city_code = a.city_code AND o.answered_at IS NULL) AS "objectionWaiting"`;
const assignmentFrom = sql`evaluation_assignments a JOIN municipalities m ON m.code = a.city_code JOIN people p ON p.id = a.reviewer_id
  JOIN evaluation_rounds r ON r.year = a.round_year`;

export function assignment(db: Executor, id: number): Promise<EvaluationAssignmentRow | undefined> {
  return firstRow(db, sql`SELECT ${assignmentColumns} FROM ${assignmentFrom} WHERE a.id = ${id}`);
}

export function lockAssignment(db: Executor, id: number): Promise<{ id: number; reviewerId: number; submittedAt: string | null } | undefined> {
  return firstRow(db, sql`SELECT id, reviewer_id AS "reviewerId", submitted_at::text AS "submittedAt" FROM evaluation_assignments WHERE id = ${id} FOR UPDATE`);
}

export function assignmentsOfReviewer(db: Executor, reviewerId: number, page: PageRequest) {
  return pageOf(
    page,
    rows<EvaluationAssignmentRow>(db, sql`
      SELECT ${assignmentColumns} FROM ${assignmentFrom} WHERE a.reviewer_id = ${reviewerId}
      ORDER BY a.round_year DESC, a.submitted_at IS NOT NULL, m.name_ko LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM evaluation_assignments WHERE reviewer_id = ${reviewerId}`),
  );
}

export function assignmentsOfCity(db: Executor, year: number, cityCode: string): Promise<EvaluationAssignmentRow[]> {
  return rows(db, sql`SELECT ${assignmentColumns} FROM ${assignmentFrom} WHERE a.round_year = ${year} AND a.city_code = ${cityCode} ORDER BY a.id`);
}

/** The reviewer's assignment to a city, if any. */
export function assignmentOf(db: Executor, year: number, cityCode: string, reviewerId: number): Promise<{ id: number } | undefined> {
  return firstRow(db, sql`SELECT id FROM evaluation_assignments WHERE round_year = ${year} AND city_code = ${cityCode} AND reviewer_id = ${reviewerId}`);
}

export async function insertAssignment(db: Executor, entry: { year: number; cityCode: string; reviewerId: number; by: number }): Promise<number | undefined> {
  const row = await firstRow<{ id: number }>(db, sql`
    INSERT INTO evaluation_assignments (round_year, city_code, reviewer_id, assigned_by) VALUES (${entry.year}, ${entry.cityCode}, ${entry.reviewerId}, ${entry.by})
    ON CONFLICT ON CONSTRAINT evaluation_assignments_unique DO NOTHING RETURNING id`);
  return row?.id;
}

export function scoresOf(db: Executor, assignmentId: number) {
  return rows<{ itemCode: string; score: number; comment: string }>(db, sql`
    SELECT item_code AS "itemCode", score::float8 AS score, comment FROM evaluation_scores WHERE assignment_id = ${assignmentId}`);
}

export async function saveScores(db: Executor, assignmentId: number, cityCode: string, scores: readonly { itemCode: string; score: number; comment: string }[], now: Date): Promise<void> {
  if (scores.length === 0) return;
  await db.execute(sql`
    INSERT INTO evaluation_scores (assignment_id, item_code, city_code, score, comment, updated_at)
    VALUES ${sql.join(scores.map((s) => sql`(${assignmentId}, ${s.itemCode}, ${cityCode}, ${s.score}, ${s.comment}, ${now.toISOString()})`), sql`, `)}
    ON CONFLICT (assignment_id, item_code) DO UPDATE SET score = excluded.score, comment = excluded.comment, updated_at = excluded.updated_at`);
}

export async function markSubmitted(db: Executor, assignmentId: number, now: Date): Promise<void> {
  await db.execute(sql`UPDATE evaluation_assignments SET submitted_at = ${now.toISOString()} WHERE id = ${assignmentId}`);
}

/** Submitted reviewers' scores of every city of the round, item by item. */
export function submittedScores(db: Executor, year: number) {
  return rows<{ cityCode: string; itemCode: string; score: number }>(db, sql`
    SELECT s.city_code AS "cityCode", s.item_code AS "itemCode", s.score::float8 AS score
    FROM evaluation_scores s JOIN evaluation_assignments a ON a.id = s.assignment_id
    WHERE a.round_year = ${year} AND a.submitted_at IS NOT NULL ORDER BY a.id`);
}

// ---- Objections ---------------------------------------------------------------------------------------------

export interface ObjectionRow {
  itemCode: string | null;
  text: string;
  filedAt: string;
  answer: string | null;
  revisedScore: number | null;
  answeredAt: string | null;
  answeredByName: string | null;
}

export function objectionOf(db: Executor, year: number, cityCode: string): Promise<ObjectionRow | undefined> {
  return firstRow(db, sql`
    SELECT o.item_code AS "itemCode", o.text, ${isoUtc(sql`o.filed_at`)} AS "filedAt", o.answer, o.revised_score::float8 AS "revisedScore",
      CASE WHEN o.answered_at IS NULL THEN NULL ELSE ${isoUtc(sql`o.answered_at`)} END AS "answeredAt", p.display_name AS "answeredByName"
    FROM evaluation_objections o LEFT JOIN people p ON p.id = o.answered_by WHERE o.round_year = ${year} AND o.city_code = ${cityCode}`);
}

export async function insertObjection(db: Executor, entry: { year: number; cityCode: string; itemCode: string | null; text: string; by: number; now: Date }): Promise<boolean> {
  const inserted = await rows(db, sql`
    INSERT INTO evaluation_objections (round_year, city_code, item_code, text, filed_by, filed_at)
    VALUES (${entry.year}, ${entry.cityCode}, ${entry.itemCode}, ${entry.text}, ${entry.by}, ${entry.now.toISOString()})
    ON CONFLICT (round_year, city_code) DO NOTHING RETURNING city_code`);
  return inserted.length === 1;
}

export function lockObjection(db: Executor, year: number, cityCode: string): Promise<{ itemCode: string | null; answeredAt: string | null } | undefined> {
  return firstRow(db, sql`
    SELECT item_code AS "itemCode", answered_at::text AS "answeredAt" FROM evaluation_objections WHERE round_year = ${year} AND city_code = ${cityCode} FOR UPDATE`);
}

export async function answerObjection(db: Executor, entry: { year: number; cityCode: string; answer: string; revisedScore: number | null; by: number; now: Date }): Promise<void> {
  await db.execute(sql`
    UPDATE evaluation_objections SET answer = ${entry.answer}, revised_score = ${entry.revisedScore}, answered_by = ${entry.by}, answered_at = ${entry.now.toISOString()}
    WHERE round_year = ${entry.year} AND city_code = ${entry.cityCode}`);
}

/** Cities of the round whose objection waits for an answer. */
export function unansweredObjections(db: Executor, year: number) {
  return rows<{ cityCode: string }>(db, sql`SELECT city_code AS "cityCode" FROM evaluation_objections WHERE round_year = ${year} AND answered_at IS NULL`);
}
