/**
 * Programs (courses) and their sessions. Location (dong, coordinates) is copied from the venue so
 * that "near me" queries read one table; online programs have none.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, doublePrecision, index, integer, jsonb, numeric, pgTable, smallint, text, time, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import {
  creditTypes, deliveryModes, programAreas, programStatuses, programSubcategories, purposeTags, registrationModes, targetGroups,
  taxonomyVersions, weekdays,
  type CreditType, type DeliveryMode, type ProgramAreaCode, type ProgramStatus, type ProgramSubcategoryCode,
  type PurposeTag, type RegistrationMode, type TargetGroupCode, type TaxonomyVersion, type Weekday,
} from '../../../shared/vocabulary/index.ts';
import { checkAllIn, checkIn, createdAt, tsvector, xid8 } from '../../platform/database/columns.ts';
import { dongs, municipalities } from '../geography/geography.schema.ts';
import { institutions, venues } from '../institutions/institutions.schema.ts';

export const programs = pgTable(
  'programs',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    cityCode: text().notNull().references(() => municipalities.code),
    institutionId: integer().notNull().references(() => institutions.id),
    venueId: integer().references(() => venues.id),
    dongCode: text().references(() => dongs.code),
    lat: doublePrecision(),
    lon: doublePrecision(),
    title: text().notNull(),
    titleEn: text(),
    description: text().notNull(),
    area: text().$type<ProgramAreaCode>().notNull(),
    subcategory: text().$type<ProgramSubcategoryCode>().notNull(),
    taxonomyVersion: text().$type<TaxonomyVersion>().notNull().default('nile-2009'),
    targetGroups: text().array().$type<TargetGroupCode[]>().notNull().default(sql`'{all}'::text[]`),
    purposeTags: text().array().$type<PurposeTag[]>().notNull().default(sql`'{}'::text[]`),
    mode: text().$type<DeliveryMode>().notNull(),
    status: text().$type<ProgramStatus>().notNull().default('published'),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }).notNull(),
    weekdays: text().array().$type<Weekday[]>().notNull().default(sql`'{}'::text[]`),
    startTime: time().notNull(),
    endTime: time().notNull(),
    sessionCount: integer().notNull(),
    totalHours: numeric({ precision: 6, scale: 1, mode: 'number' }).notNull(),
    capacity: integer().notNull(),
    feeKrw: integer().notNull().default(0),
    creditType: text().$type<CreditType>().notNull().default('none'),
    credits: numeric({ precision: 4, scale: 1, mode: 'number' }).notNull().default(0),
    minAge: integer(),
    maxAge: integer(),
    residentsFirst: boolean().notNull().default(false),
    /** The institution promises class reminders by text: its roster then shows the learners' mobile numbers. */
    textReminders: boolean().notNull().default(false),
    /** With residentsFirst: from this day, people from other cities may enrol too. */
    openToAllOn: date({ mode: 'string' }),
    /** Share of sessions a learner must attend to complete (수료 기준); 0.8 unless the program says otherwise. */
    completionRate: numeric({ precision: 3, scale: 2, mode: 'number' }).notNull().default(0.8),
    instructorName: text(),
    enrolmentOpensOn: date({ mode: 'string' }),
    enrolmentClosesOn: date({ mode: 'string' }),
    /** What learners bring or buy (준비물, 교재). */
    materials: text().notNull().default(''),
    /** How residents register: here online, or at the institution (visit, phone) as its note says. */
    registrationMode: text().$type<RegistrationMode>().notNull().default('online'),
    registrationNote: text().notNull().default(''),
    /** Why it was cancelled (폐강 사유), told to the people enrolled. */
    cancelReason: text(),
    /** Raised by every edit from the back office, so a stale edit is refused instead of overwriting a colleague's. */
    version: integer().notNull().default(1),
    /** The institution's own id for the program (기관 프로그램 번호): what a re-import of its file matches on. */
    externalId: text(),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.cityCode, t.publishedAt),
    index().on(t.publishedAt),
    index().on(t.institutionId),
    uniqueIndex('programs_institution_external_id').on(t.institutionId, t.externalId),
    index().on(t.dongCode),
    index().on(t.lat, t.lon),
    // The published programs only (the catalogue, a small part of all programs): the upkeep that closes those
    // that ended, and the check that the catalogue holds only them, read this instead of every program ever made.
    index('programs_published_ends_on').on(t.endsOn, t.id).where(sql`${t.status} = 'published'`),
    check('programs_completion_rate_check', sql`${t.completionRate} > 0 AND ${t.completionRate} <= 1`),
    checkIn('programs_area_check', t.area, programAreas.codes),
    checkIn('programs_subcategory_check', t.subcategory, programSubcategories.codes),
    checkIn('programs_taxonomy_version_check', t.taxonomyVersion, taxonomyVersions.map((v) => v.code)),
    checkIn('programs_mode_check', t.mode, deliveryModes.codes),
    checkIn('programs_status_check', t.status, programStatuses.codes),
    checkIn('programs_credit_type_check', t.creditType, creditTypes.codes),
    checkIn('programs_registration_mode_check', t.registrationMode, registrationModes.codes),
    checkAllIn('programs_target_groups_check', t.targetGroups, targetGroups.codes),
    checkAllIn('programs_purpose_tags_check', t.purposeTags, purposeTags.codes),
    checkAllIn('programs_weekdays_check', t.weekdays, weekdays.codes),
    check('programs_dates_check', sql`${t.endsOn} >= ${t.startsOn}`),
    check('programs_capacity_check', sql`${t.capacity} > 0 AND ${t.sessionCount} > 0 AND ${t.feeKrw} >= 0`),
    // In-person teaching happens somewhere; online teaching nowhere in particular.
    check(
      'programs_place_check',
      sql`(${t.mode} = 'online') = (${t.venueId} IS NULL) AND (${t.venueId} IS NULL) = (${t.lat} IS NULL)`,
    ),
  ],
);

export const programSessions = pgTable(
  'program_sessions',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    programId: integer().notNull().references(() => programs.id, { onDelete: 'cascade' }),
    cityCode: text().notNull().references(() => municipalities.code),
    sessionNo: integer().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.programId, t.sessionNo)],
);

/**
 * The catalogue as residents search it: one narrow row per published program that has not ended, with
 * what search filters, counts and sorts on — facets as vocabulary positions and bit masks, so counting
 * them over tens of thousands of rows stays cheap. Kept in step by programs.search-index.ts.
 */
export const programSearch = pgTable(
  'program_search',
  {
    programId: integer().primaryKey().references(() => programs.id, { onDelete: 'cascade' }),
    cityCode: text().notNull(),
    dongCode: text(),
    institutionId: integer().notNull(),
    lat: doublePrecision(),
    lon: doublePrecision(),
    areaNo: smallint().notNull(),
    subcategoryNo: smallint().notNull(),
    modeNo: smallint().notNull(),
    /** Target group n (vocabulary position) is bit n − 1. */
    targetBits: integer().notNull(),
    /** Monday = bit 0 … Sunday = bit 6. */
    weekdayBits: integer().notNull(),
    /** Start time in minutes after midnight. */
    startMinute: integer().notNull(),
    feeKrw: integer().notNull(),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }).notNull(),
    seatsLeft: integer().notNull(),
    /** The last day it takes enrolments: its own closing day, else its first day (as enrolment has it). */
    enrolsUntil: date({ mode: 'string' }),
    publishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.lat, t.lon),
    index().on(t.cityCode, t.startsOn),
    index().on(t.startsOn),
    index().on(t.publishedAt),
    index().on(t.institutionId),
    // Online programs join every "near me" search.
    index('program_search_online').on(t.programId).where(sql`${t.modeNo} = ${sql.raw(String(deliveryModes.numberOf('online')))}`),
  ],
);

/** The text side of the search index: what words are matched against, with its indexes. */
export const programSearchText = pgTable(
  'program_search_text',
  {
    programId: integer().primaryKey().references(() => programSearch.programId, { onDelete: 'cascade' }),
    /** lower(title + ' ' + English title): what partial words and typos are matched against. */
    searchText: text().notNull(),
    /** Initial consonants of the title without spaces, so ㅅㅁㅌㅍㅎㅇ finds 스마트폰 활용. */
    titleChosung: text().notNull(),
    grams: text().array().notNull().generatedAlwaysAs(sql`search_grams(search_text) || search_grams(title_chosung)`),
    /** The description's words, matched by prefix (스마트폰 finds 스마트폰으로): passing mentions. */
    descriptionTerms: tsvector().notNull(),
  },
  (t) => [
    index('program_search_text_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('program_search_chosung_trgm').using('gin', sql`${t.titleChosung} gin_trgm_ops`),
    index('program_search_grams').using('gin', t.grams),
    index('program_search_description_terms').using('gin', t.descriptionTerms),
  ],
);

/**
 * How many descriptions each word occurs in (refreshed with the whole index). A word found in more than
 * 1 in 20 descriptions is boilerplate there ("수업", "장애인도 참여 가능") and is matched in titles only.
 * The row with the empty term holds the number of descriptions.
 */
export const programSearchTerms = pgTable(
  'program_search_terms',
  {
    term: text().primaryKey(),
    documents: integer().notNull(),
  },
  (t) => [index('program_search_terms_prefix').on(sql`${t.term} text_pattern_ops`)],
);

/**
 * What changed in the catalogue, for the in-process index each server process keeps (programs.catalogue.ts):
 * triggers on program_search, program_search_text and institutions add the program ids with the writing
 * transaction's id, so a process that read a snapshot can read every change committed after it. Kept ten minutes.
 */
export const programSearchChanges = pgTable(
  'program_search_changes',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    programId: integer().notNull(),
    transactionId: xid8().notNull().default(sql`pg_current_xact_id()`),
    changedAt: createdAt(),
  },
  (t) => [index().on(t.transactionId), index().on(t.changedAt)],
);

/** Searches that found nothing: residents' unmet demand, for the city console. */
export const searchMisses = pgTable(
  'search_misses',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    searchedAt: createdAt(),
    query: text().notNull(),
    cityCode: text(),
    dongCode: text(),
    filters: jsonb().notNull().default({}),
  },
  (t) => [index().on(t.cityCode, t.searchedAt)],
);

/**
 * Ground truth written only by the demo generator: which programs it planted as near-copies of
 * another institution's program, and how. Lets tests and benchmarks measure copy detection honestly.
 */
export const demoCopyPlants = pgTable('demo_copy_plants', {
  programId: integer().primaryKey().references(() => programs.id, { onDelete: 'cascade' }),
  sourceProgramId: integer().notNull().references(() => programs.id, { onDelete: 'cascade' }),
  kind: text().notNull(),
});
