/**
 * Indicator values per city per year, computed from the platform's data and stored with the time they
 * were computed; the queue of cities whose data changed since (filled by triggers, see migration 0008);
 * and the ministry's versioned weights for the composite index.
 */
import { bigint, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { indicators, type IndicatorId } from '../../../shared/vocabulary/index.ts';
import { checkIn, createdAt } from '../../platform/database/columns.ts';
import { municipalities } from '../geography/geography.schema.ts';
import { people } from '../identity/identity.schema.ts';

export const indicatorValues = pgTable(
  'indicator_values',
  {
    cityCode: text().notNull().references(() => municipalities.code),
    year: integer().notNull(),
    indicatorId: text().$type<IndicatorId>().notNull(),
    /** Null when the data to compute it is missing (e.g. the budget was not recorded). */
    value: doublePrecision(),
    numerator: doublePrecision(),
    denominator: doublePrecision(),
    computedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.cityCode, t.year, t.indicatorId] }),
    index().on(t.year, t.indicatorId),
    checkIn('indicator_values_indicator_check', t.indicatorId, indicators.codes),
  ],
);

/** Cities whose operational data or record changed since their indicators were last computed. */
export const indicatorStale = pgTable('indicator_stale', {
  cityCode: text().primaryKey(),
  markedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Weights of the composite index; the newest row is in force, older rows are its history. */
export const indexWeightSets = pgTable('index_weight_sets', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  createdAt: createdAt(),
  createdBy: integer().references(() => people.id),
  note: text().notNull().default(''),
  /** Weight of each group (performance area or infrastructure dimension). */
  groupWeights: jsonb().$type<Record<string, number>>().notNull(),
  /** Weight of each indicator within its group (1 when absent). */
  indicatorWeights: jsonb().$type<Record<string, number>>().notNull(),
});

/**
 * Running totals per city, year and measure (programs offered, places, completions, learners, residents…),
 * kept by triggers as rows change (migration 0010), so that computing indicators never scans the big tables.
 */
export const indicatorTallies = pgTable(
  'indicator_tallies',
  {
    cityCode: text().notNull(),
    year: integer().notNull(),
    measure: text().notNull(),
    n: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.cityCode, t.year, t.measure] })],
);

/**
 * Who or what counts towards a distinct tally (a learner, an institution), with how many rows put them
 * there: a tally moves only when a member's count goes from zero to more, or back.
 */
export const indicatorMembers = pgTable(
  'indicator_members',
  {
    cityCode: text().notNull(),
    year: integer().notNull(),
    measure: text().notNull(),
    memberId: integer().notNull(),
    n: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.cityCode, t.year, t.measure, t.memberId] })],
);
