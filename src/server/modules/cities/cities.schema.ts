/**
 * Learning cities: each city's designation history (every transition, with who, when, why and evidence),
 * and its public profile. (Its learning events are part of the city's record: modules/city-record.)
 */
import { date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { designationStates, type DesignationState } from '../../../shared/vocabulary/index.ts';
import { checkIn, createdAt } from '../../platform/database/columns.ts';
import { municipalities } from '../geography/geography.schema.ts';
import { people } from '../identity/identity.schema.ts';

/** The current state of a city is its latest transition. */
export const designationTransitions = pgTable(
  'designation_transitions',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    cityCode: text().notNull().references(() => municipalities.code),
    state: text().$type<DesignationState>().notNull(),
    /** The designation year the transition belongs to (the ministry's annual call). */
    year: integer().notNull(),
    occurredOn: date({ mode: 'string' }).notNull(),
    reason: text().notNull().default(''),
    evidence: text().notNull().default(''),
    recordedBy: integer().references(() => people.id),
    recordedAt: createdAt(),
  },
  (t) => [
    index().on(t.cityCode, t.occurredOn),
    checkIn('designation_transitions_state_check', t.state, designationStates.codes),
  ],
);

/** What the city says about its own lifelong learning system; edited by its officers. */
export const cityProfiles = pgTable('city_profiles', {
  cityCode: text().primaryKey().references(() => municipalities.code),
  department: text().notNull().default(''),
  vision: text().notNull().default(''),
  homepageUrl: text(),
  phone: text(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedBy: integer().references(() => people.id),
});
