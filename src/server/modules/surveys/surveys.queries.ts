/** Every SQL statement of the surveys module. */
import { sql } from 'drizzle-orm';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { InstrumentBody } from '../../../shared/contracts/surveys.ts';
import {
  activeDesignationStates, RESPONDENT_GROUP_QUESTION, type AnswerChannel, type ProgramAreaCode, type SurveyPurpose, type TargetGroupCode,
} from '../../../shared/vocabulary/index.ts';
import { firstRow, isoUtc, offsetOf, pageOf, rows, type Executor } from '../../platform/database/database.ts';
import type { StoredAnswer } from './instrument.ts';
import { surveyAnswers } from './surveys.schema.ts';

export interface SurveyKey {
  purpose: SurveyPurpose;
  year: number;
  /** Null for the ministry's national survey. */
  cityCode: string | null;
}

const cityOf = (key: SurveyKey) => (key.cityCode === null ? sql`city_code IS NULL` : sql`city_code = ${key.cityCode}`);

export async function findSurvey(db: Executor, key: SurveyKey) {
  return firstRow<{ id: number }>(db, sql`SELECT id FROM surveys WHERE purpose = ${key.purpose} AND year = ${key.year} AND ${cityOf(key)}`);
}

/** The survey's row, made if it is not there yet (two at once make one), and locked when `lock` (to add a version). */
export async function ensureSurvey(db: Executor, key: SurveyKey, lock = false): Promise<number> {
  await db.execute(sql`INSERT INTO surveys (purpose, year, city_code) VALUES (${key.purpose}, ${key.year}, ${key.cityCode}) ON CONFLICT DO NOTHING`);
  const row = await firstRow<{ id: number }>(db, sql`
    SELECT id FROM surveys WHERE purpose = ${key.purpose} AND year = ${key.year} AND ${cityOf(key)} ${lock ? sql`FOR UPDATE` : sql``}`);
  return row!.id;
}

export interface InstrumentRow {
  id: number;
  version: number;
  definedAt: string;
  definition: InstrumentBody;
}

const instrumentColumns = sql`i.id, i.version, ${isoUtc(sql`i.defined_at`)} AS "definedAt", i.definition`;

export async function latestInstrument(db: Executor, surveyId: number) {
  return firstRow<InstrumentRow>(db, sql`
    SELECT ${instrumentColumns} FROM survey_instruments i WHERE i.survey_id = ${surveyId} ORDER BY i.version DESC LIMIT 1`);
}

/** The latest questionnaire of the same purpose in an earlier year (a new year starts from it). */
export async function latestInstrumentBefore(db: Executor, key: SurveyKey) {
  return firstRow<{ definition: InstrumentBody }>(db, sql`
    SELECT i.definition FROM survey_instruments i JOIN surveys s ON s.id = i.survey_id
    WHERE s.purpose = ${key.purpose} AND s.year < ${key.year} AND ${key.cityCode === null ? sql`s.city_code IS NULL` : sql`s.city_code = ${key.cityCode}`}
    ORDER BY s.year DESC, i.version DESC LIMIT 1`);
}

/** The next version (the survey's row is locked by the caller, so two saves number in turn). */
export async function insertInstrument(db: Executor, surveyId: number, definition: InstrumentBody, definedBy: number | null) {
  await db.execute(sql`
    INSERT INTO survey_instruments (survey_id, version, definition, defined_by)
    SELECT ${surveyId}, COALESCE(max(version), 0) + 1, ${JSON.stringify(definition)}::jsonb, ${definedBy}
    FROM survey_instruments WHERE survey_id = ${surveyId}`);
}

/** Where the person lives by their account, with the city's names; whether it is a learning city now. */
export async function residenceOf(db: Executor, personId: number) {
  return firstRow<{ cityCode: string | null; dongCode: string | null; nameKo: string | null; nameEn: string | null; learningCity: boolean }>(db, sql`
    SELECT p.home_city_code AS "cityCode", p.home_dong_code AS "dongCode", m.name_ko AS "nameKo", m.name_en AS "nameEn",
           COALESCE((SELECT state = ANY(${sql.param([...activeDesignationStates])}::text[]) FROM designation_transitions t
                     WHERE t.city_code = p.home_city_code ORDER BY occurred_on DESC, id DESC LIMIT 1), false) AS "learningCity"
    FROM people p LEFT JOIN municipalities m ON m.code = p.home_city_code WHERE p.id = ${personId}`);
}

export async function responseOf(db: Executor, surveyId: number, personId: number) {
  return firstRow<{ submittedAt: string; channel: AnswerChannel }>(db, sql`
    SELECT ${isoUtc(sql`submitted_at`)} AS "submittedAt", channel FROM survey_responses WHERE survey_id = ${surveyId} AND person_id = ${personId}`);
}

export interface NewResponse {
  surveyId: number;
  instrumentId: number;
  personId: number;
  cityCode: string;
  dongCode: string | null;
  channel: AnswerChannel;
  enteredBy: number | null;
}

/** The response, or undefined when the person has one already: the unique constraint decides, however many ask at once. */
export async function insertResponse(db: Executor, response: NewResponse) {
  return firstRow<{ id: number; submittedAt: string }>(db, sql`
    INSERT INTO survey_responses (survey_id, instrument_id, person_id, city_code, dong_code, channel, entered_by)
    VALUES (${response.surveyId}, ${response.instrumentId}, ${response.personId}, ${response.cityCode}, ${response.dongCode}, ${response.channel}, ${response.enteredBy})
    ON CONFLICT ON CONSTRAINT survey_responses_survey_person_unique DO NOTHING
    RETURNING id, ${isoUtc(sql`submitted_at`)} AS "submittedAt"`);
}

export async function insertAnswers(db: Executor, responseId: number, answers: readonly StoredAnswer[]) {
  if (answers.length === 0) return;
  await db.insert(surveyAnswers).values(answers.map((a) => ({ responseId, ...a })));
}

export async function responseCounts(db: Executor, surveyId: number, cityCode: string) {
  return (await firstRow<{ responses: number; paper: number }>(db, sql`
    SELECT count(*)::int AS responses, (count(*) FILTER (WHERE channel = 'paper'))::int AS paper
    FROM survey_responses WHERE survey_id = ${surveyId} AND city_code = ${cityCode}`))!;
}

export interface Spread {
  n: number;
  mean: number;
  sd: number | null;
}

/** Each scale question's count, mean and sample standard deviation among the city's respondents. */
export async function itemSpreads(db: Executor, surveyId: number, cityCode: string) {
  return rows<Spread & { question: string }>(db, sql`
    SELECT a.question, count(*)::int AS n, avg(a.score)::float8 AS mean, stddev_samp(a.score)::float8 AS sd
    FROM survey_responses r JOIN survey_answers a ON a.response_id = r.id
    WHERE r.survey_id = ${surveyId} AND r.city_code = ${cityCode} AND a.score IS NOT NULL
    GROUP BY a.question`);
}

/**
 * Per city, the spread of respondents' own means over the scale questions of each section, and over those of
 * `overallSections` together as `overall`: each respondent counts once, so the interval treats residents, not
 * answers, as the sample. Each answer is read once (summed per respondent and section; `overall` from those sums).
 */
export async function respondentMeanSpreads(
  db: Executor, surveyId: number, cityCodes: readonly string[], questions: readonly { question: string; section: string }[], overallSections: readonly string[],
) {
  return rows<Spread & { cityCode: string; group: string }>(db, sql`
    WITH sections AS (
      SELECT * FROM unnest(${sql.param(questions.map((q) => q.question))}::text[], ${sql.param(questions.map((q) => q.section))}::text[]) AS s(question, section)
    ), per_section AS (
      SELECT r.city_code, r.id, s.section, sum(a.score)::float8 AS total, count(*) AS answers
      FROM survey_responses r JOIN survey_answers a ON a.response_id = r.id JOIN sections s ON s.question = a.question
      WHERE r.survey_id = ${surveyId} AND r.city_code = ANY(${sql.param([...cityCodes])}::text[]) AND a.score IS NOT NULL
      GROUP BY r.city_code, r.id, s.section
    ), per_respondent AS (
      SELECT city_code, section AS "group", total / answers AS mean FROM per_section
      UNION ALL
      SELECT city_code, 'overall', sum(total) / sum(answers) FROM per_section
      WHERE section = ANY(${sql.param([...overallSections])}::text[]) GROUP BY city_code, id
    )
    SELECT city_code AS "cityCode", "group", count(*)::int AS n, avg(mean)::float8 AS mean, stddev_samp(mean)::float8 AS sd
    FROM per_respondent GROUP BY city_code, "group"`);
}

/** The open (text) answers of the city's respondents, newest first. */
export async function openAnswers(db: Executor, surveyId: number, cityCode: string, page: PageRequest) {
  const from = sql`FROM survey_responses r JOIN survey_answers a ON a.response_id = r.id
    WHERE r.survey_id = ${surveyId} AND r.city_code = ${cityCode} AND a.text IS NOT NULL`;
  return pageOf(
    page,
    rows<{ question: string; text: string; submittedOn: string }>(db, sql`
      SELECT a.question, a.text, to_char(r.submitted_at AT TIME ZONE 'Asia/Seoul', 'YYYY-MM-DD') AS "submittedOn"
      ${from} ORDER BY r.submitted_at DESC, r.id DESC, a.question LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n ${from}`),
  );
}

/** The cities that are learning cities now, or whose residents answered the survey, with their counts. */
export async function citiesOfSurvey(db: Executor, surveyId: number | null, page: PageRequest) {
  const from = sql`
    FROM municipalities m
    LEFT JOIN (SELECT city_code, count(*)::int AS responses FROM survey_responses WHERE survey_id = ${surveyId} GROUP BY city_code) c ON c.city_code = m.code
    WHERE c.responses IS NOT NULL OR (SELECT state = ANY(${sql.param([...activeDesignationStates])}::text[]) FROM designation_transitions t
                                      WHERE t.city_code = m.code ORDER BY occurred_on DESC, id DESC LIMIT 1)`;
  return pageOf(
    page,
    rows<{ cityCode: string; cityNameKo: string; cityNameEn: string; provinceShortKo: string; provinceShortEn: string; responses: number }>(db, sql`
      SELECT m.code AS "cityCode", m.name_ko AS "cityNameKo", m.name_en AS "cityNameEn",
        (SELECT short_ko FROM provinces WHERE code = m.province_code) AS "provinceShortKo",
        (SELECT short_en FROM provinces WHERE code = m.province_code) AS "provinceShortEn", COALESCE(c.responses, 0) AS responses
      ${from} ORDER BY m.code LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n ${from}`),
  );
}

export async function cityNames(db: Executor, cityCode: string) {
  return firstRow<{ nameKo: string; nameEn: string }>(db, sql`SELECT name_ko AS "nameKo", name_en AS "nameEn" FROM municipalities WHERE code = ${cityCode}`);
}

/**
 * Adds the responses' answers to their needs survey's running cells and totals (a sheet's own transaction calls
 * it with its response; a bulk load with many). Rows are written in key order, so sheets of one cell arriving
 * together queue on the same rows instead of deadlocking.
 */
export async function addToNeedTotals(db: Executor, responseIds: readonly number[]) {
  const ids = sql.param([...responseIds]);
  await db.execute(sql`
    INSERT INTO survey_need_cells AS c (survey_id, target_group, dong_code, respondents, paper)
    SELECT r.survey_id, g.choices[1], r.dong_code, count(*), count(*) FILTER (WHERE r.channel = 'paper')
    FROM survey_responses r JOIN survey_answers g ON g.response_id = r.id AND g.question = ${RESPONDENT_GROUP_QUESTION}
    WHERE r.id = ANY(${ids}::int[])
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ON CONSTRAINT survey_need_cells_unique DO UPDATE
    SET respondents = c.respondents + excluded.respondents, paper = c.paper + excluded.paper`);
  await db.execute(sql`
    INSERT INTO survey_need_totals AS t (survey_id, target_group, dong_code, question, answers, current_sum, required_sum)
    SELECT r.survey_id, g.choices[1], r.dong_code, split_part(c.question, ':', 1), count(*), sum(c.score), sum(q.score)
    FROM survey_responses r
    JOIN survey_answers g ON g.response_id = r.id AND g.question = ${RESPONDENT_GROUP_QUESTION}
    JOIN survey_answers c ON c.response_id = r.id AND c.question LIKE '%:current'
    JOIN survey_answers q ON q.response_id = r.id AND q.question = split_part(c.question, ':', 1) || ':required'
    WHERE r.id = ANY(${ids}::int[])
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT survey_need_totals_unique DO UPDATE
    SET answers = t.answers + excluded.answers, current_sum = t.current_sum + excluded.current_sum, required_sum = t.required_sum + excluded.required_sum`);
  await db.execute(sql`
    INSERT INTO survey_need_choices AS t (survey_id, target_group, dong_code, question, choice, respondents)
    SELECT r.survey_id, g.choices[1], r.dong_code, a.question, c.choice, count(*)
    FROM survey_responses r
    JOIN survey_answers g ON g.response_id = r.id AND g.question = ${RESPONDENT_GROUP_QUESTION}
    JOIN survey_answers a ON a.response_id = r.id AND a.choices IS NOT NULL AND a.question <> ${RESPONDENT_GROUP_QUESTION}
    CROSS JOIN LATERAL unnest(a.choices) AS c(choice)
    WHERE r.id = ANY(${ids}::int[])
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT survey_need_choices_unique DO UPDATE SET respondents = t.respondents + excluded.respondents`);
}

/** A part of a city's respondents: one self-declared group and/or one home dong (undefined: all). */
export interface NeedSlice {
  targetGroup?: TargetGroupCode;
  dongCode?: string;
}

const inSlice = (slice: NeedSlice) => sql`
  (${slice.targetGroup ?? null}::text IS NULL OR target_group = ${slice.targetGroup ?? null})
  AND (${slice.dongCode ?? null}::text IS NULL OR dong_code = ${slice.dongCode ?? null})`;

/**
 * The Borich analysis's sums in one statement: per need item and per program area (its items pooled), the answers
 * and the sums of current and required levels of the slice's cells. `area` null with a question: an item's row.
 */
export async function needSums(db: Executor, surveyId: number, items: readonly { code: string; area: string }[], slice: NeedSlice) {
  return rows<{ area: ProgramAreaCode; question: string | null; n: number; currentSum: number; requiredSum: number }>(db, sql`
    WITH item AS (
      SELECT * FROM unnest(${sql.param(items.map((i) => i.code))}::text[], ${sql.param(items.map((i) => i.area))}::text[]) AS i(question, area)
    )
    SELECT i.area, CASE WHEN GROUPING(t.question) = 0 THEN t.question END AS question,
           sum(t.answers)::int AS n, sum(t.current_sum)::float8 AS "currentSum", sum(t.required_sum)::float8 AS "requiredSum"
    FROM survey_need_totals t JOIN item i ON i.question = t.question
    WHERE t.survey_id = ${surveyId} AND ${inSlice(slice)}
    GROUP BY GROUPING SETS ((i.area, t.question), (i.area))`);
}

/** Respondents (and paper ones) per self-declared group × home dong of a needs survey. */
export async function needCells(db: Executor, surveyId: number) {
  return rows<{ targetGroup: TargetGroupCode; dongCode: string | null; respondents: number; paper: number }>(db, sql`
    SELECT target_group AS "targetGroup", dong_code AS "dongCode", respondents, paper FROM survey_need_cells WHERE survey_id = ${surveyId}`);
}

/** How many respondents of the slice chose each choice (of every choice question but the group's). */
export async function choiceCounts(db: Executor, surveyId: number, slice: NeedSlice) {
  return rows<{ question: string; choice: string; count: number }>(db, sql`
    SELECT question, choice, sum(respondents)::int AS count FROM survey_need_choices
    WHERE survey_id = ${surveyId} AND ${inSlice(slice)} GROUP BY question, choice`);
}

export async function dongNames(db: Executor, codes: readonly string[]) {
  return rows<{ code: string; nameKo: string; nameEn: string }>(db, sql`
    SELECT code, name_ko AS "nameKo", name_en AS "nameEn" FROM dongs WHERE code = ANY(${sql.param([...codes])}::text[]) ORDER BY code`);
}
