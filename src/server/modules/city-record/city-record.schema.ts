/**
 * The city's record of its lifelong learning system, year by year (the paper's five kinds of
 * infrastructure): budget, staff, organisation, committees and their meetings, ordinances, information
 * systems, staff training and learning events. Every change is logged (city_record_changes) with who,
 * when, before and after; editable rows carry a version so that two officers never overwrite each other.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, time, timestamp } from 'drizzle-orm/pg-core';
import {
  committeeKinds, eventKinds, informationSystems, memberRoles, memberSectors, ordinanceKinds,
  type CommitteeKind, type EventKind, type InformationSystem, type MemberRole, type MemberSector, type OrdinanceKind,
} from '../../../shared/vocabulary/index.ts';
import { checkAllIn, checkIn, createdAt } from '../../platform/database/columns.ts';
import { dongs, municipalities } from '../geography/geography.schema.ts';
import { people } from '../identity/identity.schema.ts';

const version = () => integer().notNull().default(1);
const updatedAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/** One row per city per year. Null means "not recorded", which is not the same as zero. */
export const cityYears = pgTable(
  'city_years',
  {
    cityCode: text().notNull().references(() => municipalities.code),
    year: integer().notNull(),
    budgetNationalKrw: bigint({ mode: 'number' }),
    budgetProvincialKrw: bigint({ mode: 'number' }),
    budgetOwnKrw: bigint({ mode: 'number' }),
    /** The city's whole budget, for the lifelong learning share. */
    cityTotalBudgetKrw: bigint({ mode: 'number' }),
    dedicatedStaff: integer(),
    certifiedEducators: integer(),
    hasDepartment: boolean(),
    departmentName: text().notNull().default(''),
    learningCentres: integer(),
    dongLearningCentres: integer(),
    informationSystems: text().array().$type<InformationSystem[]>().notNull().default(sql`'{}'::text[]`),
    portalUrl: text(),
    /** The city's own programs licensed or sold to others in the year (commercialisation of programs). */
    commercialisedPrograms: integer(),
    notes: text().notNull().default(''),
    version: version(),
    updatedAt: updatedAt(),
    updatedBy: integer().references(() => people.id),
  },
  (t) => [
    primaryKey({ columns: [t.cityCode, t.year] }),
    checkAllIn('city_years_information_systems_check', t.informationSystems, informationSystems.codes),
    check('city_years_year_check', sql`${t.year} BETWEEN 1990 AND 2100`),
    check('city_years_figures_check', sql`COALESCE(${t.budgetNationalKrw}, 0) >= 0 AND COALESCE(${t.budgetProvincialKrw}, 0) >= 0
      AND COALESCE(${t.budgetOwnKrw}, 0) >= 0 AND COALESCE(${t.cityTotalBudgetKrw}, 0) >= 0 AND COALESCE(${t.dedicatedStaff}, 0) >= 0
      AND COALESCE(${t.certifiedEducators}, 0) >= 0 AND COALESCE(${t.learningCentres}, 0) >= 0
      AND COALESCE(${t.dongLearningCentres}, 0) >= 0 AND COALESCE(${t.commercialisedPrograms}, 0) >= 0`),
  ],
);

export const committees = pgTable(
  'committees',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    cityCode: text().notNull().references(() => municipalities.code),
    kind: text().$type<CommitteeKind>().notNull(),
    name: text().notNull(),
    establishedOn: date({ mode: 'string' }),
    description: text().notNull().default(''),
    active: boolean().notNull().default(true),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.cityCode), checkIn('committees_kind_check', t.kind, committeeKinds.codes)],
);

export const committeeMembers = pgTable(
  'committee_members',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    committeeId: integer().notNull().references(() => committees.id, { onDelete: 'cascade' }),
    cityCode: text().notNull().references(() => municipalities.code),
    name: text().notNull(),
    affiliation: text().notNull().default(''),
    sector: text().$type<MemberSector>().notNull(),
    role: text().$type<MemberRole>().notNull().default('member'),
    joinedOn: date({ mode: 'string' }),
    leftOn: date({ mode: 'string' }),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.committeeId),
    checkIn('committee_members_sector_check', t.sector, memberSectors.codes),
    checkIn('committee_members_role_check', t.role, memberRoles.codes),
  ],
);

export const committeeMeetings = pgTable(
  'committee_meetings',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    committeeId: integer().notNull().references(() => committees.id, { onDelete: 'cascade' }),
    cityCode: text().notNull().references(() => municipalities.code),
    heldOn: date({ mode: 'string' }).notNull(),
    title: text().notNull(),
    attendees: integer(),
    minutes: text().notNull().default(''),
    decisions: text().array().notNull().default(sql`'{}'::text[]`),
    /** What the meeting is to discuss, published with it (the council page). */
    agenda: text().notNull().default(''),
    place: text().notNull().default(''),
    /** Local (Korean) time the meeting starts; null: a day without a set time. */
    startsAt: time({ precision: 0 }),
    /** When the officer published the meeting to residents; null: only the city's officers see it. */
    publishedAt: timestamp({ withTimezone: true }),
    published: boolean().generatedAlwaysAs(sql`published_at IS NOT NULL`),
    /** The proposals (proposals.id, same city) and needs-survey years (the city's needs survey) it discussed. */
    proposalIds: integer().array().notNull().default(sql`'{}'::integer[]`),
    surveyYears: integer().array().notNull().default(sql`'{}'::integer[]`),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.cityCode, t.heldOn), index().on(t.committeeId),
    // The proposal page's "discussed at" back-links look meetings up by proposal.
    index('committee_meetings_proposal_ids_idx').using('gin', t.proposalIds),
  ],
);

export const ordinances = pgTable(
  'ordinances',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    cityCode: text().notNull().references(() => municipalities.code),
    kind: text().$type<OrdinanceKind>().notNull(),
    title: text().notNull(),
    enactedOn: date({ mode: 'string' }).notNull(),
    lastAmendedOn: date({ mode: 'string' }),
    repealedOn: date({ mode: 'string' }),
    url: text(),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.cityCode),
    checkIn('ordinances_kind_check', t.kind, ordinanceKinds.codes),
    check('ordinances_dates_check', sql`${t.lastAmendedOn} IS NULL OR ${t.lastAmendedOn} >= ${t.enactedOn}`),
  ],
);

export const staffTrainings = pgTable(
  'staff_trainings',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    cityCode: text().notNull().references(() => municipalities.code),
    heldOn: date({ mode: 'string' }).notNull(),
    title: text().notNull(),
    provider: text().notNull().default(''),
    hours: numeric({ precision: 5, scale: 1, mode: 'number' }).notNull(),
    participants: integer().notNull(),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.cityCode, t.heldOn), check('staff_trainings_figures_check', sql`${t.hours} > 0 AND ${t.participants} > 0`)],
);

/** Learning festivals, seminars, forums, presentations and exhibitions the city held. */
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
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.cityCode, t.startsOn), checkIn('learning_events_kind_check', t.kind, eventKinds.codes)],
);

/** Who changed what in the record, and how it was before: the history behind every form. */
export const cityRecordChanges = pgTable(
  'city_record_changes',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    cityCode: text().notNull().references(() => municipalities.code),
    /** 'year', 'committee', 'member', 'meeting', 'ordinance', 'training' or 'event'. */
    entity: text().notNull(),
    entityKey: text().notNull(),
    action: text().notNull(),
    changedBy: integer().references(() => people.id),
    changedAt: createdAt(),
    before: jsonb(),
    after: jsonb(),
  },
  (t) => [
    index().on(t.cityCode, t.changedAt),
    checkIn('city_record_changes_action_check', t.action, ['create', 'update', 'delete', 'import']),
  ],
);
