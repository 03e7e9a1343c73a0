/**
 * Surveys residents answer. A survey is one thing a resident answers once (the year's satisfaction survey of
 * every learning city; later a city's own needs survey); its questionnaire is kept in versions, each answer
 * keeps the version it answered, and answers to scale items are rows so results are one SQL aggregate.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique } from 'drizzle-orm/pg-core';
import type { InstrumentBody } from '../../../shared/contracts/surveys.ts';
import { answerChannels, surveyPurposes, targetGroups, type AnswerChannel, type SurveyPurpose, type TargetGroupCode } from '../../../shared/vocabulary/index.ts';
import { checkIn, createdAt } from '../../platform/database/columns.ts';
import { dongs, municipalities } from '../geography/geography.schema.ts';
import { people } from '../identity/identity.schema.ts';

export const surveys = pgTable(
  'surveys',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    purpose: text().$type<SurveyPurpose>().notNull(),
    year: integer().notNull(),
    /** The city that runs it; null for the ministry's national survey (every learning city's residents answer it). */
    cityCode: text().references(() => municipalities.code),
    createdAt: createdAt(),
  },
  (t) => [
    unique('surveys_purpose_year_city_unique').on(t.purpose, t.year, t.cityCode).nullsNotDistinct(),
    checkIn('surveys_purpose_check', t.purpose, surveyPurposes.codes),
  ],
);

/** The questionnaire, one row per version: a saved version is never changed (answers point at it). */
export const surveyInstruments = pgTable(
  'survey_instruments',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    surveyId: integer().notNull().references(() => surveys.id),
    version: integer().notNull(),
    definition: jsonb().$type<InstrumentBody>().notNull(),
    definedBy: integer().references(() => people.id),
    definedAt: createdAt(),
  },
  (t) => [unique('survey_instruments_survey_version_unique').on(t.surveyId, t.version)],
);

export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    surveyId: integer().notNull().references(() => surveys.id),
    instrumentId: integer().notNull().references(() => surveyInstruments.id),
    personId: integer().notNull().references(() => people.id),
    /** Where the respondent lived when they answered (their account's home city and dong): results are grouped by it. */
    cityCode: text().notNull().references(() => municipalities.code),
    dongCode: text().references(() => dongs.code),
    channel: text().$type<AnswerChannel>().notNull(),
    /** The staff member who typed in a paper form; null when the resident answered online. */
    enteredBy: integer().references(() => people.id),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Once per survey (so once a year for the satisfaction survey), online or on paper, however many ask at once.
    unique('survey_responses_survey_person_unique').on(t.surveyId, t.personId),
    index().on(t.surveyId, t.cityCode),
    checkIn('survey_responses_channel_check', t.channel, answerChannels.codes),
    check('survey_responses_entered_by_check', sql`(${t.channel} = 'paper') = (${t.enteredBy} IS NOT NULL)`),
  ],
);

/** One answer to one question: a scale point, a text, or choices (by the question's kind). */
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    responseId: integer().notNull().references(() => surveyResponses.id),
    question: text().notNull(),
    score: smallint(),
    text: text(),
    choices: text().array(),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.question] }),
    check('survey_answers_score_check', sql`${t.score} BETWEEN 1 AND 5`),
    check('survey_answers_one_kind_check', sql`num_nonnulls(${t.score}, ${t.text}, ${t.choices}) = 1`),
  ],
);

/**
 * A needs survey's respondents per cell (their self-declared group × their home dong), kept as answers come in, in
 * the answer's transaction: the analysis reads cells, never the answers (500,000 respondents × 60 items are 60
 * million answer rows).
 */
export const surveyNeedCells = pgTable(
  'survey_need_cells',
  {
    surveyId: integer().notNull().references(() => surveys.id),
    targetGroup: text().$type<TargetGroupCode>().notNull(),
    dongCode: text().references(() => dongs.code),
    respondents: integer().notNull(),
    paper: integer().notNull(),
  },
  (t) => [
    unique('survey_need_cells_unique').on(t.surveyId, t.targetGroup, t.dongCode).nullsNotDistinct(),
    checkIn('survey_need_cells_target_group_check', t.targetGroup, targetGroups.codes),
  ],
);

/** Per cell and need item: the answers and the sums of the current and required levels (Borich needs no more). */
export const surveyNeedTotals = pgTable(
  'survey_need_totals',
  {
    surveyId: integer().notNull().references(() => surveys.id),
    targetGroup: text().$type<TargetGroupCode>().notNull(),
    dongCode: text().references(() => dongs.code),
    question: text().notNull(),
    answers: integer().notNull(),
    currentSum: bigint({ mode: 'number' }).notNull(),
    requiredSum: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [
    unique('survey_need_totals_unique').on(t.surveyId, t.targetGroup, t.dongCode, t.question).nullsNotDistinct(),
    checkIn('survey_need_totals_target_group_check', t.targetGroup, targetGroups.codes),
  ],
);

/** Per cell and choice question (preferred days, times, places, fees, barriers): how many respondents chose each choice. */
export const surveyNeedChoices = pgTable(
  'survey_need_choices',
  {
    surveyId: integer().notNull().references(() => surveys.id),
    targetGroup: text().$type<TargetGroupCode>().notNull(),
    dongCode: text().references(() => dongs.code),
    question: text().notNull(),
    choice: text().notNull(),
    respondents: integer().notNull(),
  },
  (t) => [
    unique('survey_need_choices_unique').on(t.surveyId, t.targetGroup, t.dongCode, t.question, t.choice).nullsNotDistinct(),
    checkIn('survey_need_choices_target_group_check', t.targetGroup, targetGroups.codes),
  ],
);
