/**
 * Indicator values per city per year, computed from the platform's data and stored with the time they
 * were computed; the queue of cities whose data changed since (filled by triggers, see migration 0008);
 * and the ministry's versioned weights for the composite index.
 */
import { doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
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
