/**
 * Residents learning together and teaching each other: study groups (학습동아리) and volunteers; and what
 * residents say they want to learn (their stated needs, the demand side of the city console).
 */
import { boolean, date, index, integer, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import {
  programAreas, programSubcategories, targetGroups, volunteerKinds,
  type ProgramAreaCode, type ProgramSubcategoryCode, type TargetGroupCode, type VolunteerKind,
} from '../../../shared/vocabulary/index.ts';
import { checkAllIn, checkIn, createdAt } from '../../platform/database/columns.ts';
import { dongs, municipalities } from '../geography/geography.schema.ts';
import { people } from '../identity/identity.schema.ts';

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
    foundedOn: date({ mode: 'string' }).notNull(),
    active: boolean().notNull().default(true),
  },
  (t) => [index().on(t.cityCode), checkIn('study_groups_area_check', t.area, programAreas.codes)],
);

export const studyGroupMembers = pgTable(
  'study_group_members',
  {
    studyGroupId: integer().notNull().references(() => studyGroups.id, { onDelete: 'cascade' }),
    personId: integer().notNull().references(() => people.id),
    cityCode: text().notNull().references(() => municipalities.code),
    role: text().notNull().default('member'),
    joinedOn: date({ mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.studyGroupId, t.personId] }),
    index().on(t.personId),
    checkIn('study_group_members_role_check', t.role, ['leader', 'member']),
  ],
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
