/**
 * Learning cities: each city's designation history (every transition, with who, when, why and evidence),
 * its public profile, and its learning events (festivals, seminars, forums, presentations).
 */
import { date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { designationStates, eventKinds, type DesignationState, type EventKind } from '../../../shared/vocabulary/index.ts';
import { checkIn, createdAt } from '../../platform/database/columns.ts';
import { dongs, municipalities } from '../geography/geography.schema.ts';
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

export const learningEvents = pgTable(
  'learning_events',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    cityCode: text().notNull().references(() => municipalities.code),
    kind: text().$type<EventKind>().notNull(),
    title: text().notNull(),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }).notNull(),
    venueName: text().notNull().default(''),
    dongCode: text().references(() => dongs.code),
    attendance: integer(),
    description: text().notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.cityCode, t.startsOn), checkIn('learning_events_kind_check', t.kind, eventKinds.codes)],
);
