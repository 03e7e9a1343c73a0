/**
 * The re-designation evaluation (재지정평가, domain.md §2): the frame of each year (a document the ministry edits,
 * validated by the shared contract), the round of each year with the cities it evaluates, their self-assessments
 * and evidence, the reviewers assigned to each city and their scores, and each city's objection. The state a
 * round decides is written through the designation module's state machine; its steps go to the designation log.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
import type { CityScore, FrameContent } from '../../../shared/contracts/evaluation.ts';
import {
  cohortGroups, designationStates, evaluationOutcomes, roundStatuses,
  type CohortGroup, type DesignationState, type EvaluationOutcome, type RoundStatus,
} from '../../../shared/vocabulary/index.ts';
import { checkIn, createdAt } from '../../platform/database/columns.ts';
import { storedFiles } from '../../platform/files/files.schema.ts';
import { municipalities } from '../geography/geography.schema.ts';
import { people } from '../identity/identity.schema.ts';

/** The frame of a year: areas → fields → items with points, sources and rules; fixed once its round opens. */
export const evaluationFrames = pgTable(
  'evaluation_frames',
  {
    year: integer().primaryKey(),
    content: jsonb().$type<FrameContent>().notNull(),
    copiedFrom: integer(),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer().references(() => people.id),
  },
  (t) => [check('evaluation_frames_year_check', sql`${t.year} BETWEEN 2020 AND 2100`)],
);

/** The round of a year: one per year, over the cohort due when it opened. */
export const evaluationRounds = pgTable(
  'evaluation_rounds',
  {
    year: integer().primaryKey().references(() => evaluationFrames.year),
    /** The year whose indicators are scored. */
    evaluatedYear: integer().notNull(),
    status: text().$type<RoundStatus>().notNull().default('open'),
    openedAt: timestamp({ withTimezone: true }).notNull(),
    openedBy: integer().references(() => people.id),
    preliminaryAt: timestamp({ withTimezone: true }),
    objectionsUntil: timestamp({ withTimezone: true }),
    finalisedAt: timestamp({ withTimezone: true }),
    finalisedBy: integer().references(() => people.id),
  },
  (t) => [
    checkIn('evaluation_rounds_status_check', t.status, roundStatuses.codes),
    check('evaluation_rounds_dates_check', sql`(${t.status} = 'open') = (${t.preliminaryAt} IS NULL) AND (${t.status} = 'finalised') = (${t.finalisedAt} IS NOT NULL)`),
  ],
);

/** A city in a round: where it stood before, and what the preliminary result and the end said. */
export const evaluationRoundCities = pgTable(
  'evaluation_round_cities',
  {
    roundYear: integer().notNull().references(() => evaluationRounds.year),
    cityCode: text().notNull().references(() => municipalities.code),
    cohortGroup: text().$type<CohortGroup>().notNull(),
    stateBefore: text().$type<DesignationState>().notNull(),
    designatedYear: integer().notNull(),
    dueYear: integer().notNull(),
    /** Why it was due (cohort.rules.ts), as the cohort list said when the round opened. */
    reasonKo: text().notNull(),
    reasonEn: text().notNull(),
    /** The scores with their reasons as published to the city (the preliminary result), and the outcome they proposed. */
    preliminary: jsonb().$type<CityScore>(),
    proposed: text().$type<EvaluationOutcome>(),
    /** The scores and outcome at the end (after objections). */
    final: jsonb().$type<CityScore>(),
    outcome: text().$type<EvaluationOutcome>(),
    finalTotal: numeric({ precision: 6, scale: 2, mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.roundYear, t.cityCode] }),
    index().on(t.cityCode),
    checkIn('evaluation_round_cities_group_check', t.cohortGroup, cohortGroups.codes),
    checkIn('evaluation_round_cities_state_check', t.stateBefore, designationStates.codes),
    check('evaluation_round_cities_outcome_check', sql`(${t.proposed} IS NULL OR ${t.proposed} IN (${sql.raw(evaluationOutcomes.codes.map((c) => `'${c}'`).join(', '))}))
      AND (${t.outcome} IS NULL OR ${t.outcome} IN (${sql.raw(evaluationOutcomes.codes.map((c) => `'${c}'`).join(', '))}))`),
  ],
);

/** The city's own account of an item. */
export const evaluationSelfAssessments = pgTable(
  'evaluation_self_assessments',
  {
    roundYear: integer().notNull(),
    cityCode: text().notNull(),
    itemCode: text().notNull(),
    text: text().notNull(),
    updatedBy: integer().references(() => people.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.roundYear, t.cityCode, t.itemCode] })],
);

/** Documents the city gives as evidence of an item (stored by platform/files). */
export const evaluationEvidence = pgTable(
  'evaluation_evidence',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    roundYear: integer().notNull(),
    cityCode: text().notNull(),
    itemCode: text().notNull(),
    fileId: integer().notNull().references(() => storedFiles.id),
    addedBy: integer().references(() => people.id),
    addedAt: createdAt(),
  },
  (t) => [index().on(t.roundYear, t.cityCode)],
);

/** A reviewer assigned to a city's evaluation (the designation module's appointed reviewers). */
export const evaluationAssignments = pgTable(
  'evaluation_assignments',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    roundYear: integer().notNull(),
    cityCode: text().notNull(),
    reviewerId: integer().notNull().references(() => people.id),
    assignedBy: integer().references(() => people.id),
    assignedAt: createdAt(),
    submittedAt: timestamp({ withTimezone: true }),
  },
  (t) => [unique('evaluation_assignments_unique').on(t.roundYear, t.cityCode, t.reviewerId), index().on(t.reviewerId)],
);

export const evaluationScores = pgTable(
  'evaluation_scores',
  {
    assignmentId: integer().notNull().references(() => evaluationAssignments.id, { onDelete: 'cascade' }),
    itemCode: text().notNull(),
    cityCode: text().notNull(),
    score: numeric({ precision: 5, scale: 1, mode: 'number' }).notNull(),
    comment: text().notNull().default(''),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.itemCode] }), check('evaluation_scores_score_check', sql`${t.score} >= 0`)],
);

/** The city's objection to its preliminary result (one per round), and a reviewer's answer. */
export const evaluationObjections = pgTable(
  'evaluation_objections',
  {
    roundYear: integer().notNull(),
    cityCode: text().notNull(),
    itemCode: text(),
    text: text().notNull(),
    filedBy: integer().references(() => people.id),
    filedAt: timestamp({ withTimezone: true }).notNull(),
    answer: text(),
    revisedScore: numeric({ precision: 5, scale: 1, mode: 'number' }),
    answeredBy: integer().references(() => people.id),
    answeredAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.roundYear, t.cityCode] }),
    check('evaluation_objections_answer_check', sql`(${t.answer} IS NULL) = (${t.answeredAt} IS NULL)`),
  ],
);
