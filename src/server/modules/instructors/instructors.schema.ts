/**
 * The instructor and volunteer pool: one profile per person (who teaches what, for whom, when and where), their
 * weekly availability, and which profile teaches which program.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, time, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Certificate } from '../../../shared/contracts/instructors.ts';
import {
  instructorKinds, programSubcategories, targetGroups, weekdays,
  type InstructorKind, type ProgramSubcategoryCode, type TargetGroupCode, type Weekday,
} from '../../../shared/vocabulary/index.ts';
import { checkAllIn, checkIn, createdAt } from '../../platform/database/columns.ts';
import { people } from '../identity/identity.schema.ts';
import { institutions } from '../institutions/institutions.schema.ts';
import { programs } from '../programs/programs.schema.ts';

export const instructorProfiles = pgTable(
  'instructor_profiles',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer().notNull().references(() => people.id, { onDelete: 'cascade' }),
    kind: text().$type<InstructorKind>().notNull(),
    bio: text().notNull().default(''),
    /** Subcategories of the program taxonomy; the area follows from each. */
    skills: text().array().$type<ProgramSubcategoryCode[]>().notNull().default(sql`'{}'::text[]`),
    targetGroups: text().array().$type<TargetGroupCode[]>().notNull().default(sql`'{}'::text[]`),
    certificates: jsonb().$type<Certificate[]>().notNull().default(sql`'[]'::jsonb`),
    /** Whole 시·군·구 they travel to. */
    travelCityCodes: text().array().notNull().default(sql`'{}'::text[]`),
    /** Single 행정동 they travel to. */
    travelDongCodes: text().array().notNull().default(sql`'{}'::text[]`),
    /** Every city their travel area touches (the whole cities and the cities of the dongs): whose pool they are in. */
    reachCityCodes: text().array().notNull().default(sql`'{}'::text[]`),
    /** Opt-in: only published profiles are seen by institutions. */
    published: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('instructor_profiles_person_unique').on(t.personId),
    index('instructor_profiles_reach').using('gin', t.reachCityCodes).where(sql`${t.published}`),
    checkIn('instructor_profiles_kind_check', t.kind, instructorKinds.codes),
    checkAllIn('instructor_profiles_skills_check', t.skills, programSubcategories.codes),
    checkAllIn('instructor_profiles_target_groups_check', t.targetGroups, targetGroups.codes),
    check('instructor_profiles_certificates_check', sql`jsonb_typeof(${t.certificates}) = 'array'`),
  ],
);

/** A weekly time the person can teach (Korea time). */
export const instructorAvailability = pgTable(
  'instructor_availability',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    profileId: integer().notNull().references(() => instructorProfiles.id, { onDelete: 'cascade' }),
    weekday: text().$type<Weekday>().notNull(),
    startsAt: time().notNull(),
    endsAt: time().notNull(),
  },
  (t) => [
    index().on(t.profileId, t.weekday),
    checkIn('instructor_availability_weekday_check', t.weekday, weekdays.codes),
    check('instructor_availability_times_check', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** Who teaches a program from the pool: at most one profile per program (the program keeps its instructor's name as text too). */
export const programInstructors = pgTable(
  'program_instructors',
  {
    programId: integer().primaryKey().references(() => programs.id, { onDelete: 'cascade' }),
    profileId: integer().notNull().references(() => instructorProfiles.id),
    institutionId: integer().notNull().references(() => institutions.id),
    assignedBy: integer().references(() => people.id, { onDelete: 'set null' }),
    assignedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.profileId)],
);
