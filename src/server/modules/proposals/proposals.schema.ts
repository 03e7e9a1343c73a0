/**
 * Residents' proposals (주민 제안): a program or study group a resident proposes for their city, the support of
 * other residents (one each, enforced here), the city's public answer, and the append-only log of every change.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import {
  dayParts, proposalEvents, proposalKinds, proposalStatusCodes, programAreas, programSubcategories, targetGroups, weekdays,
  type DayPart, type ProgramAreaCode, type ProgramSubcategoryCode, type ProposalEventKind, type ProposalKind, type ProposalStatus,
  type TargetGroupCode, type Weekday,
} from '../../../shared/vocabulary/index.ts';
import { checkAllIn, checkIn, createdAt } from '../../platform/database/columns.ts';
import { dongs, municipalities } from '../geography/geography.schema.ts';
import { people } from '../identity/identity.schema.ts';
import { institutions } from '../institutions/institutions.schema.ts';
import { programs } from '../programs/programs.schema.ts';

export const proposals = pgTable(
  'proposals',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    cityCode: text().notNull().references(() => municipalities.code),
    proposerId: integer().notNull().references(() => people.id),
    kind: text().$type<ProposalKind>().notNull(),
    title: text().notNull(),
    description: text().notNull(),
    area: text().$type<ProgramAreaCode>().notNull(),
    subcategory: text().$type<ProgramSubcategoryCode>(),
    targetGroups: text().array().$type<TargetGroupCode[]>().notNull().default(sql`'{all}'::text[]`),
    /** Null: online. */
    dongCode: text().references(() => dongs.code),
    preferredDays: text().array().$type<Weekday[]>().notNull().default(sql`'{}'::text[]`),
    preferredTimes: text().array().$type<DayPart[]>().notNull().default(sql`'{}'::text[]`),
    status: text().$type<ProposalStatus>().notNull().default('open'),
    /** Supporters now (kept under the proposal's row lock with the supports; the list sorts by it). */
    supporters: integer().notNull().default(0),
    /** When it first reached the city's threshold: from then on the city must answer. */
    awaitingSince: timestamp({ withTimezone: true }),
    answeredAt: timestamp({ withTimezone: true }),
    answeredBy: integer().references(() => people.id),
    /** Why the city declined, published with the answer. */
    declineReason: text(),
    /** The draft program an accepted proposal became, and its institution. */
    programId: integer().references(() => programs.id),
    institutionId: integer().references(() => institutions.id),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.cityCode, t.createdAt),
    index().on(t.cityCode, t.supporters),
    index().on(t.proposerId),
    index().on(t.programId),
    checkIn('proposals_kind_check', t.kind, proposalKinds.codes),
    checkIn('proposals_status_check', t.status, proposalStatusCodes),
    checkIn('proposals_area_check', t.area, programAreas.codes),
    checkIn('proposals_subcategory_check', t.subcategory, programSubcategories.codes),
    checkAllIn('proposals_target_groups_check', t.targetGroups, targetGroups.codes),
    checkAllIn('proposals_preferred_days_check', t.preferredDays, weekdays.codes),
    checkAllIn('proposals_preferred_times_check', t.preferredTimes, dayParts.codes),
    check('proposals_supporters_check', sql`${t.supporters} >= 0`),
    // An answer is whole: who and when; a decline says why; an acceptance names its program.
    check('proposals_answer_check', sql`(${t.status} = 'open') = (${t.answeredAt} IS NULL) AND (${t.answeredAt} IS NULL) = (${t.answeredBy} IS NULL)
      AND (${t.status} = 'declined') = (${t.declineReason} IS NOT NULL) AND (${t.status} = 'accepted') = (${t.programId} IS NOT NULL)`),
  ],
);

/** One support per person per proposal: the primary key is what refuses a second, however many ask at once. */
export const proposalSupports = pgTable(
  'proposal_supports',
  {
    proposalId: integer().notNull().references(() => proposals.id),
    personId: integer().notNull().references(() => people.id),
    cityCode: text().notNull().references(() => municipalities.code),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.personId] }), index().on(t.personId)],
);

/** The threshold a city set (a change is logged by who and when here); without one, DEFAULT_PROPOSAL_THRESHOLD. */
export const proposalThresholds = pgTable(
  'proposal_thresholds',
  {
    cityCode: text().primaryKey().references(() => municipalities.code),
    threshold: integer().notNull(),
    setBy: integer().notNull().references(() => people.id),
    setAt: createdAt(),
  },
  (t) => [check('proposal_thresholds_positive', sql`${t.threshold} > 0`)],
);

/** Append-only (triggers in the migration refuse UPDATE, DELETE, TRUNCATE): every change of a proposal's state. */
export const proposalLog = pgTable(
  'proposal_log',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    proposalId: integer().notNull().references(() => proposals.id),
    cityCode: text().notNull().references(() => municipalities.code),
    kind: text().$type<ProposalEventKind>().notNull(),
    /** Null when it happened by itself (the threshold reached by a support is logged with that supporter). */
    actorId: integer().references(() => people.id),
    detail: jsonb().$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    at: createdAt(),
  },
  (t) => [index().on(t.proposalId, t.at), checkIn('proposal_log_kind_check', t.kind, proposalEvents.codes)],
);
