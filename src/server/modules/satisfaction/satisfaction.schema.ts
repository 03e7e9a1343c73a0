/** Residents' ratings of programs they completed: fixed 1–5 items (domain.md §5) and a comment. */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt } from '../../platform/database/columns.ts';
import { enrolments } from '../enrolment/enrolment.schema.ts';
import { municipalities } from '../geography/geography.schema.ts';
import { institutions } from '../institutions/institutions.schema.ts';
import { programs } from '../programs/programs.schema.ts';

export const programRatings = pgTable(
  'program_ratings',
  {
    enrolmentId: integer().primaryKey().references(() => enrolments.id),
    programId: integer().notNull().references(() => programs.id),
    institutionId: integer().notNull().references(() => institutions.id),
    cityCode: text().notNull().references(() => municipalities.code),
    instructor: integer().notNull(),
    materials: integer().notNull(),
    motive: integer().notNull(),
    facility: integer().notNull(),
    overall: integer().notNull(),
    comment: text().notNull().default(''),
    createdAt: createdAt(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.programId),
    index().on(t.institutionId),
    check('program_ratings_scale_check', sql`${t.instructor} BETWEEN 1 AND 5 AND ${t.materials} BETWEEN 1 AND 5
      AND ${t.motive} BETWEEN 1 AND 5 AND ${t.facility} BETWEEN 1 AND 5 AND ${t.overall} BETWEEN 1 AND 5`),
  ],
);
