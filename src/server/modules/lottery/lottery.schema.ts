/**
 * Lotteries (추첨): a program whose places are drawn among everyone who applied in a window, and the applications,
 * online or entered by staff at a centre. The seed is chosen when the lottery is set up and only its SHA-256 is
 * shown until the draw, so the institution cannot pick a seed after seeing who applied.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, smallint, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { drawOutcomes, priorityGroups, type DrawOutcome, type PriorityGroup } from '../../../shared/vocabulary/index.ts';
import { checkAllIn, checkIn, createdAt } from '../../platform/database/columns.ts';
import { municipalities } from '../geography/geography.schema.ts';
import { people } from '../identity/identity.schema.ts';
import { programs } from '../programs/programs.schema.ts';

export const lotteries = pgTable(
  'lotteries',
  {
    programId: integer().primaryKey().references(() => programs.id),
    cityCode: text().notNull().references(() => municipalities.code),
    /** Applicants in any of these groups are drawn first (tier 1), everyone else after (tier 2). */
    priorityGroups: text().array().$type<PriorityGroup[]>().notNull().default(sql`'{}'::text[]`),
    applicationsCloseAt: timestamp({ withTimezone: true }).notNull(),
    /** The day the institution announces for the draw. */
    drawOn: date({ mode: 'string' }).notNull(),
    /** 64 hex characters, secret until the draw. */
    seed: text().notNull(),
    /** SHA-256 of the seed's text, published from the start. */
    seedSha256: text().notNull(),
    createdBy: integer().notNull().references(() => people.id),
    createdAt: createdAt(),
    drawnAt: timestamp({ withTimezone: true }),
    drawnBy: integer().references(() => people.id),
    /** Places that were free when it was drawn (the first this many applicants in drawn order won one). */
    seatsDrawn: integer(),
  },
  (t) => [
    checkAllIn('lotteries_priority_groups_check', t.priorityGroups, priorityGroups.codes),
    check('lotteries_seed_check', sql`${t.seed} ~ '^[0-9a-f]{64}$' AND ${t.seedSha256} ~ '^[0-9a-f]{64}$'`),
    check('lotteries_drawn_check', sql`(${t.drawnAt} IS NULL) = (${t.drawnBy} IS NULL AND ${t.seatsDrawn} IS NULL)`),
  ],
);

export const lotteryApplications = pgTable(
  'lottery_applications',
  {
    /** The application number published with the result (it says nothing about the person). */
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    programId: integer().notNull().references(() => lotteries.programId),
    personId: integer().notNull().references(() => people.id),
    cityCode: text().notNull().references(() => municipalities.code),
    /** Priority groups the applicant belongs to, as known when they applied (see the vocabulary for how each is known). */
    groups: text().array().$type<PriorityGroup[]>().notNull().default(sql`'{}'::text[]`),
    /** The staff member who entered it at a centre; null when the resident applied online. */
    enteredBy: integer().references(() => people.id),
    appliedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Set by the draw: 1 for a priority applicant, 2 for everyone else; the place in drawn order (1 first); the outcome. */
    tier: smallint(),
    drawnPosition: integer(),
    outcome: text().$type<DrawOutcome>(),
  },
  (t) => [
    // One application per person per program, whoever entered it.
    unique('lottery_applications_program_person_unique').on(t.programId, t.personId),
    index().on(t.programId, t.drawnPosition),
    index().on(t.personId),
    checkAllIn('lottery_applications_groups_check', t.groups, priorityGroups.codes),
    checkIn('lottery_applications_outcome_check', t.outcome, drawOutcomes.codes),
    check('lottery_applications_tier_check', sql`${t.tier} IN (1, 2)`),
  ],
);
