/**
 * Registration openings (opening day, 신청 개시일): a city opens registration for many programs at one moment, and
 * everyone who comes for them while it is busy takes a numbered ticket in a waiting room and is let in in that order
 * at the opening's rate. The line is rows, so a restart or a second server process sees the same order.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { createdAt } from '../../platform/database/columns.ts';
import { municipalities } from '../geography/geography.schema.ts';
import { people } from '../identity/identity.schema.ts';
import { programs } from '../programs/programs.schema.ts';

export const registrationOpenings = pgTable(
  'registration_openings',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    cityCode: text().notNull().references(() => municipalities.code),
    title: text().notNull(),
    opensAt: timestamp({ withTimezone: true }).notNull(),
    /** Until then (and while anyone is still in line) enrolling in its programs goes through the waiting room. */
    waitingRoomUntil: timestamp({ withTimezone: true }).notNull(),
    /** How many people are let in per minute: what the server answers quickly (measured by `npm run bench -- opening-day`). */
    admitPerMinute: integer().notNull(),
    createdBy: integer().notNull().references(() => people.id),
    createdAt: createdAt(),
    /** The number of the last ticket given: tickets are numbered under this row's lock, so numbers follow arrival. */
    lastTicket: integer().notNull().default(0),
    /** Every ticket up to this number has been let in. */
    admittedThrough: integer().notNull().default(0),
    /**
     * The admission rate as a token bucket kept as one moment: the bucket holds (now − admittedAsOf) × rate tokens,
     * at most a couple of seconds' worth; letting n people in moves it on by n ÷ rate.
     */
    admittedAsOf: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index().on(t.cityCode, t.opensAt),
    check('registration_openings_window_check', sql`${t.waitingRoomUntil} > ${t.opensAt}`),
    check('registration_openings_rate_check', sql`${t.admitPerMinute} > 0`),
    check('registration_openings_line_check', sql`0 <= ${t.admittedThrough} AND ${t.admittedThrough} <= ${t.lastTicket}`),
  ],
);

/** The programs whose registration an opening opens (a term's programs). */
export const registrationOpeningPrograms = pgTable(
  'registration_opening_programs',
  {
    openingId: integer().notNull().references(() => registrationOpenings.id),
    programId: integer().notNull().references(() => programs.id),
    cityCode: text().notNull().references(() => municipalities.code),
  },
  (t) => [primaryKey({ columns: [t.openingId, t.programId] }), index().on(t.programId)],
);

/** One ticket per person and opening, numbered in the order the server received them. */
export const waitingRoomTickets = pgTable(
  'waiting_room_tickets',
  {
    openingId: integer().notNull().references(() => registrationOpenings.id),
    number: integer().notNull(),
    personId: integer().notNull().references(() => people.id),
    cityCode: text().notNull().references(() => municipalities.code),
    arrivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.openingId, t.number] }), unique('waiting_room_tickets_person_unique').on(t.openingId, t.personId)],
);
