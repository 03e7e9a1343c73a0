/** A person's place in a program: enrolled, waitlisted, cancelled, completed or not. */
import { index, integer, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { enrolmentStatuses, type EnrolmentStatus } from '../../../shared/vocabulary/index.ts';
import { checkIn } from '../../platform/database/columns.ts';
import { municipalities } from '../geography/geography.schema.ts';
import { people } from '../identity/identity.schema.ts';
import { programs } from '../programs/programs.schema.ts';

export const enrolments = pgTable(
  'enrolments',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    programId: integer().notNull().references(() => programs.id),
    personId: integer().notNull().references(() => people.id),
    /** The program's city: enrolments are owned by the city that offers the program. */
    cityCode: text().notNull().references(() => municipalities.code),
    status: text().$type<EnrolmentStatus>().notNull(),
    enrolledAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    statusChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('enrolments_program_person_unique').on(t.programId, t.personId),
    index().on(t.personId),
    index().on(t.cityCode, t.status),
    checkIn('enrolments_status_check', t.status, enrolmentStatuses.codes),
  ],
);
