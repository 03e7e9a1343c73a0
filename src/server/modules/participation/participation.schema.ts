/**
 * Residents learning together and teaching each other: study groups (학습동아리) with their members, meetings and the
 * city's support; volunteers and the hours they served; and what residents say they want to learn (their stated
 * needs, the demand side of the city console).
 */
import { boolean, check, date, foreignKey, index, integer, numeric, pgTable, primaryKey, text, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import {
  programAreas, programSubcategories, studyGroupSupports, targetGroups, volunteerKinds,
  type ProgramAreaCode, type ProgramSubcategoryCode, type StudyGroupSupport, type TargetGroupCode, type VolunteerKind,
} from '../../../shared/vocabulary/index.ts';
import { checkAllIn, checkIn, createdAt } from '../../platform/database/columns.ts';
import { dongs, municipalities } from '../geography/geography.schema.ts';
import { people } from '../identity/identity.schema.ts';
import { institutions } from '../institutions/institutions.schema.ts';

export const studyGroups = pgTable(
  'study_groups',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    cityCode: text().notNull().references(() => municipalities.code),
    dongCode: text().references(() => dongs.code),
    name: text().notNull(),
    area: text().$type<ProgramAreaCode>().notNull(),
    description: text().notNull().default(''),
    meetingPattern: text().notNull().default(''),
    meetingPlace: text().notNull().default(''),
    foundedOn: date({ mode: 'string' }).notNull(),
    active: boolean().notNull().default(true),
    /** The city's support now (its history is study_group_support_log); an amount only when funded, a year when supported or funded. */
    support: text().$type<StudyGroupSupport>().notNull().default('registered'),
    supportAmountWon: integer(),
    supportYear: integer(),
    /** Who registered it on the platform (null for groups the city recorded before). */
    registeredBy: integer().references(() => people.id),
  },
  (t) => [
    index().on(t.cityCode),
    checkIn('study_groups_area_check', t.area, programAreas.codes),
    checkIn('study_groups_support_check', t.support, studyGroupSupports.codes),
    check('study_groups_support_terms_check', sql`(${t.support} = 'funded') = (${t.supportAmountWon} IS NOT NULL)
      AND (${t.support} IN ('supported', 'funded')) = (${t.supportYear} IS NOT NULL) AND coalesce(${t.supportAmountWon} > 0, true)`),
  ],
);

export const studyGroupMembers = pgTable(
  'study_group_members',
  {
    studyGroupId: integer().notNull().references(() => studyGroups.id, { onDelete: 'cascade' }),
    personId: integer().notNull().references(() => people.id),
    cityCode: text().notNull().references(() => municipalities.code),
    role: text().notNull().default('member'),
    joinedOn: date({ mode: 'string' }).notNull(),
    /** Set when they left or the leader removed them: the row stays, so the hours of meetings they attended stay theirs. */
    leftOn: date({ mode: 'string' }),
  },
  (t) => [
    // One membership per person per group, however many ask at once.
    primaryKey({ columns: [t.studyGroupId, t.personId] }),
    index().on(t.personId),
    checkIn('study_group_members_role_check', t.role, ['leader', 'member']),
    uniqueIndex('study_group_members_one_leader').on(t.studyGroupId).where(sql`${t.role} = 'leader'`),
    check('study_group_members_leader_stays', sql`${t.role} = 'member' OR ${t.leftOn} IS NULL`),
  ],
);

/** A meeting of a study group, recorded by its leader: each attending member's hours are the meeting's hours. */
export const studyGroupMeetings = pgTable(
  'study_group_meetings',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    studyGroupId: integer().notNull().references(() => studyGroups.id, { onDelete: 'cascade' }),
    heldOn: date({ mode: 'string' }).notNull(),
    hours: numeric({ precision: 4, scale: 1 }).notNull(),
    topic: text().notNull().default(''),
    recordedBy: integer().references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.studyGroupId, t.heldOn),
    check('study_group_meetings_hours_check', sql`${t.hours} > 0 AND ${t.hours} <= 12`),
  ],
);

/** Who attended a meeting: members of its group only (the foreign key to the membership says so). */
export const studyGroupAttendance = pgTable(
  'study_group_attendance',
  {
    meetingId: integer().notNull().references(() => studyGroupMeetings.id, { onDelete: 'cascade' }),
    studyGroupId: integer().notNull(),
    personId: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.personId] }),
    index().on(t.personId),
    foreignKey({ columns: [t.studyGroupId, t.personId], foreignColumns: [studyGroupMembers.studyGroupId, studyGroupMembers.personId] }).onDelete('cascade'),
  ],
);

/** Append-only (triggers in the migration): every decision of the city on a group's support, by whom and when. */
export const studyGroupSupportLog = pgTable(
  'study_group_support_log',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    studyGroupId: integer().notNull().references(() => studyGroups.id, { onDelete: 'cascade' }),
    cityCode: text().notNull().references(() => municipalities.code),
    support: text().$type<StudyGroupSupport>().notNull(),
    amountWon: integer(),
    year: integer(),
    note: text().notNull().default(''),
    actorId: integer().notNull().references(() => people.id),
    at: createdAt(),
  },
  (t) => [index().on(t.studyGroupId, t.at), checkIn('study_group_support_log_support_check', t.support, studyGroupSupports.codes)],
);

export const volunteers = pgTable(
  'volunteers',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer().notNull().references(() => people.id),
    cityCode: text().notNull().references(() => municipalities.code),
    kind: text().$type<VolunteerKind>().notNull(),
    areas: text().array().$type<ProgramAreaCode[]>().notNull().default(sql`'{}'::text[]`),
    bio: text().notNull().default(''),
    since: date({ mode: 'string' }).notNull(),
    active: boolean().notNull().default(true),
  },
  (t) => [
    unique('volunteers_person_city_kind_unique').on(t.personId, t.cityCode, t.kind),
    index().on(t.cityCode),
    checkIn('volunteers_kind_check', t.kind, volunteerKinds.codes),
    checkAllIn('volunteers_areas_check', t.areas, programAreas.codes),
  ],
);

/**
 * Hours a volunteer served, recorded by an institution's staff or the city's officer. Append-only (triggers in the
 * migration): a correction is a new entry that replaces an earlier one (at most once; correct the correction), and
 * the volunteer's hours are those of the entries nothing replaced.
 */
export const volunteerHours = pgTable(
  'volunteer_hours',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    volunteerId: integer().notNull().references(() => volunteers.id),
    cityCode: text().notNull().references(() => municipalities.code),
    servedOn: date({ mode: 'string' }).notNull(),
    hours: numeric({ precision: 4, scale: 1 }).notNull(),
    activity: text().notNull(),
    institutionId: integer().references(() => institutions.id),
    replacesId: integer(),
    recordedBy: integer().notNull().references(() => people.id),
    at: createdAt(),
  },
  (t) => [
    index().on(t.volunteerId, t.servedOn),
    uniqueIndex('volunteer_hours_replaces_unique').on(t.replacesId),
    foreignKey({ columns: [t.replacesId], foreignColumns: [t.id] }),
    // Zero hours: a correction that withdraws an entry.
    check('volunteer_hours_hours_check', sql`${t.hours} >= 0 AND ${t.hours} <= 24`),
  ],
);

/** "I would like to learn …": a resident's stated need, where they live, for whom. */
export const learningWishes = pgTable(
  'learning_wishes',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer().notNull().references(() => people.id),
    cityCode: text().notNull().references(() => municipalities.code),
    dongCode: text().references(() => dongs.code),
    area: text().$type<ProgramAreaCode>().notNull(),
    subcategory: text().$type<ProgramSubcategoryCode>(),
    targetGroup: text().$type<TargetGroupCode>().notNull().default('all'),
    note: text().notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.cityCode, t.area),
    index().on(t.personId),
    checkIn('learning_wishes_area_check', t.area, programAreas.codes),
    checkIn('learning_wishes_subcategory_check', t.subcategory, programSubcategories.codes),
    checkIn('learning_wishes_target_group_check', t.targetGroup, targetGroups.codes),
  ],
);
