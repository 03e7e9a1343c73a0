/**
 * Delivered courses (배달강좌): a group of residents asks for a class at their place and time; once the group has
 * the city's minimum size the city approves it (a program of an institution, taught by an instructor of the pool)
 * or declines it. One membership per person per request, enforced here; every move in an append-only log.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, time, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import {
  deliveredCourseEvents, deliveredCourseStatuses, MAX_DELIVERED_SESSIONS, programAreas, programSubcategories, weekdays,
  type DeliveredCourseEventKind, type DeliveredCourseStatus, type ProgramAreaCode, type ProgramSubcategoryCode, type Weekday,
} from '../../../shared/vocabulary/index.ts';
import { checkAllIn, checkIn, createdAt } from '../../platform/database/columns.ts';
import { dongs, municipalities } from '../geography/geography.schema.ts';
import { people } from '../identity/identity.schema.ts';
import { institutions } from '../institutions/institutions.schema.ts';
import { instructorProfiles } from '../instructors/instructors.schema.ts';
import { programs } from '../programs/programs.schema.ts';

export const deliveredCourseRequests = pgTable(
  'delivered_course_requests',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    cityCode: text().notNull().references(() => municipalities.code),
    organiserId: integer().notNull().references(() => people.id),
    title: text().notNull(),
    description: text().notNull(),
    area: text().$type<ProgramAreaCode>().notNull(),
    subcategory: text().$type<ProgramSubcategoryCode>().notNull(),
    dongCode: text().notNull().references(() => dongs.code),
    place: text().notNull(),
    weekdays: text().array().$type<Weekday[]>().notNull(),
    startTime: time().notNull(),
    endTime: time().notNull(),
    sessionCount: integer().notNull(),
    /** What neighbours type or follow (the invite link) to join. */
    inviteCode: text().notNull(),
    status: text().$type<DeliveredCourseStatus>().notNull().default('gathering'),
    /** Members now, the organiser included (kept under the request's row lock with the memberships). */
    members: integer().notNull().default(1),
    readyAt: timestamp({ withTimezone: true }),
    decidedAt: timestamp({ withTimezone: true }),
    decidedBy: integer().references(() => people.id),
    declineReason: text(),
    programId: integer().references(() => programs.id),
    institutionId: integer().references(() => institutions.id),
    instructorProfileId: integer().references(() => instructorProfiles.id),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.cityCode, t.status, t.createdAt),
    index().on(t.organiserId),
    uniqueIndex('delivered_course_requests_invite_code').on(t.inviteCode),
    checkIn('delivered_course_requests_status_check', t.status, deliveredCourseStatuses.codes),
    checkIn('delivered_course_requests_area_check', t.area, programAreas.codes),
    checkIn('delivered_course_requests_subcategory_check', t.subcategory, programSubcategories.codes),
    checkAllIn('delivered_course_requests_weekdays_check', t.weekdays, weekdays.codes),
    check('delivered_course_requests_shape_check', sql`cardinality(${t.weekdays}) BETWEEN 1 AND 3 AND ${t.endTime} > ${t.startTime}
      AND ${t.sessionCount} BETWEEN 1 AND ${sql.raw(String(MAX_DELIVERED_SESSIONS))} AND ${t.members} >= 1`),
    // A decision is whole: who and when; a decline says why; an approval names its program, institution and instructor.
    check('delivered_course_requests_decision_check', sql`(${t.status} IN ('approved', 'declined')) = (${t.decidedAt} IS NOT NULL)
      AND (${t.decidedAt} IS NULL) = (${t.decidedBy} IS NULL) AND (${t.status} = 'declined') = (${t.declineReason} IS NOT NULL)
      AND (${t.status} = 'approved') = (${t.programId} IS NOT NULL AND ${t.institutionId} IS NOT NULL AND ${t.instructorProfileId} IS NOT NULL)
      AND (${t.status} = 'gathering') = (${t.readyAt} IS NULL)`),
  ],
);

/** One membership per person per request: the primary key refuses a second, however many ask at once. */
export const deliveredCourseMembers = pgTable(
  'delivered_course_members',
  {
    requestId: integer().notNull().references(() => deliveredCourseRequests.id),
    personId: integer().notNull().references(() => people.id),
    cityCode: text().notNull().references(() => municipalities.code),
    joinedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.personId] }), index().on(t.personId)],
);

/** The group size a city set; without one, DEFAULT_MIN_GROUP_SIZE. */
export const deliveredCourseSettings = pgTable(
  'delivered_course_settings',
  {
    cityCode: text().primaryKey().references(() => municipalities.code),
    minGroupSize: integer().notNull(),
    setBy: integer().notNull().references(() => people.id),
    setAt: createdAt(),
  },
  (t) => [check('delivered_course_settings_size_check', sql`${t.minGroupSize} >= 2`)],
);

/** Append-only (triggers in the migration refuse UPDATE, DELETE, TRUNCATE): every move of a request. */
export const deliveredCourseLog = pgTable(
  'delivered_course_log',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    requestId: integer().notNull().references(() => deliveredCourseRequests.id),
    cityCode: text().notNull().references(() => municipalities.code),
    kind: text().$type<DeliveredCourseEventKind>().notNull(),
    actorId: integer().references(() => people.id),
    detail: jsonb().$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    at: createdAt(),
  },
  (t) => [index().on(t.requestId, t.at), checkIn('delivered_course_log_kind_check', t.kind, deliveredCourseEvents.codes)],
);
