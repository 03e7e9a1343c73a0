/** A person's place in a program: enrolled, waitlisted, cancelled, completed or not. */
import { bigint, boolean, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { enrolmentStatuses, type EnrolmentStatus } from '../../../shared/vocabulary/index.ts';
import { checkIn } from '../../platform/database/columns.ts';
import { municipalities } from '../geography/geography.schema.ts';
import { people } from '../identity/identity.schema.ts';
import { programSessions, programs } from '../programs/programs.schema.ts';

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
    /** The staff member who entered it at a centre for a resident who could not apply online; null when the person did. */
    enteredBy: integer().references(() => people.id),
  },
  (t) => [
    unique('enrolments_program_person_unique').on(t.programId, t.personId),
    index().on(t.personId),
    index().on(t.cityCode, t.status),
    // Seats taken and the first-come waitlist of one program.
    index().on(t.programId, t.status, t.enrolledAt),
    checkIn('enrolments_status_check', t.status, enrolmentStatuses.codes),
  ],
);

/** Who came to which session, as marked by the institution's staff. */
export const attendance = pgTable(
  'attendance',
  {
    enrolmentId: integer().notNull().references(() => enrolments.id, { onDelete: 'cascade' }),
    sessionId: integer().notNull().references(() => programSessions.id, { onDelete: 'cascade' }),
    programId: integer().notNull().references(() => programs.id),
    cityCode: text().notNull().references(() => municipalities.code),
    present: boolean().notNull(),
    markedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    markedBy: integer().references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.enrolmentId, t.sessionId] }), index().on(t.programId)],
);

/**
 * Every completion decided for one learner by hand, for good: completed, not completed, or a completion withdrawn;
 * who decided, when and why, and the certificate it issued or revoked. The database refuses UPDATE, DELETE and
 * TRUNCATE (a trigger, as for the colleague log); names are copied so the record outlives accounts.
 */
export const completionDecisions = pgTable(
  'completion_decisions',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    enrolmentId: integer().notNull().references(() => enrolments.id),
    programId: integer().notNull().references(() => programs.id),
    cityCode: text().notNull(),
    actorId: integer(),
    actorName: text().notNull(),
    statusBefore: text().$type<EnrolmentStatus>().notNull(),
    statusAfter: text().$type<EnrolmentStatus>().notNull(),
    reason: text().notNull(),
    certificateId: uuid(),
  },
  (t) => [
    index().on(t.enrolmentId, t.occurredAt),
    checkIn('completion_decisions_status_before_check', t.statusBefore, enrolmentStatuses.codes),
    checkIn('completion_decisions_status_after_check', t.statusAfter, enrolmentStatuses.codes),
  ],
);
