/**
 * The institutions' network: partnership agreements between two or more institutions, their append-only log, the
 * rooms and equipment an institution offers its partners, bookings of them, and programs co-run by partners.
 * Two constraints the application cannot keep alone are the database's (custom SQL in the migration, btree_gist):
 * no two live agreements between the same parties over overlapping periods, and no two bookings of one resource
 * over overlapping times.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import {
  agreementChanges, agreementStatuses, bookingStatuses, programAreas, resourceKinds,
  type AgreementChange, type AgreementStatus, type BookingStatus, type ProgramAreaCode, type ResourceKind, type Weekday,
} from '../../../shared/vocabulary/index.ts';
import { checkAllIn, checkIn, createdAt } from '../../platform/database/columns.ts';
import { storedFiles } from '../../platform/files/files.schema.ts';
import { municipalities } from '../geography/geography.schema.ts';
import { people } from '../identity/identity.schema.ts';
import { institutions, venues } from '../institutions/institutions.schema.ts';
import { programs } from '../programs/programs.schema.ts';

/** A range of moments (drizzle has no built-in for it); read back as text. */
const tstzrange = customType<{ data: string }>({ dataType: () => 'tstzrange' });

export const partnershipAgreements = pgTable(
  'partnership_agreements',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    /** The proposing institution's city (whose officers see the file first; parties elsewhere see it too). */
    cityCode: text().notNull().references(() => municipalities.code),
    title: text().notNull(),
    /** The parties' ids in ascending order joined by commas: the same parties, the same key (for the exclusion constraint). */
    partiesKey: text().notNull(),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }).notNull(),
    scopeAreas: text().array().$type<ProgramAreaCode[]>().notNull().default(sql`'{}'::text[]`),
    scopeText: text().notNull().default(''),
    status: text().$type<AgreementStatus>().notNull().default('proposed'),
    documentFileId: integer().references(() => storedFiles.id),
    proposedByInstitutionId: integer().notNull().references(() => institutions.id),
    proposedBy: integer().references(() => people.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    signedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.cityCode, t.status),
    checkIn('partnership_agreements_status_check', t.status, agreementStatuses.codes),
    checkAllIn('partnership_agreements_scope_areas_check', t.scopeAreas, programAreas.codes),
    check('partnership_agreements_period_check', sql`${t.endsOn} >= ${t.startsOn}`),
    check('partnership_agreements_signed_check', sql`(${t.status} IN ('signed', 'ended')) = (${t.signedAt} IS NOT NULL)`),
  ],
);

/** Each party to an agreement and whether its manager accepted (an agreement is signed when every party has). */
export const agreementParties = pgTable(
  'agreement_parties',
  {
    agreementId: integer().notNull().references(() => partnershipAgreements.id),
    institutionId: integer().notNull().references(() => institutions.id),
    acceptedAt: timestamp({ withTimezone: true }),
    acceptedBy: integer().references(() => people.id, { onDelete: 'set null' }),
    acceptedByName: text(),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.institutionId] }), index().on(t.institutionId)],
);

/**
 * Every change to an agreement, for good (proposed, accepted, signed, document attached, withdrawn, ended, joint
 * programs). The database refuses UPDATE, DELETE and TRUNCATE; names are copied so the record outlives accounts.
 */
export const agreementLog = pgTable(
  'agreement_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    agreementId: integer().notNull(),
    /** The party on whose behalf the change was made. */
    institutionId: integer().notNull(),
    institutionName: text().notNull(),
    actorId: integer(),
    actorName: text().notNull(),
    change: text().$type<AgreementChange>().notNull(),
    note: text(),
    programId: integer(),
  },
  (t) => [index().on(t.agreementId, t.occurredAt), checkIn('agreement_log_change_check', t.change, agreementChanges.codes)],
);

export interface OpeningHours {
  weekday: Weekday;
  /** 'HH:MM', Korean time. */
  opens: string;
  closes: string;
}

/** A room or piece of equipment an institution offers to its partners. */
export const sharedResources = pgTable(
  'shared_resources',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    institutionId: integer().notNull().references(() => institutions.id),
    cityCode: text().notNull().references(() => municipalities.code),
    kind: text().$type<ResourceKind>().notNull(),
    name: text().notNull(),
    capacity: integer().notNull(),
    /** Where a room is (one of the owner's venues): a program held there appears at its place. */
    venueId: integer().references(() => venues.id),
    openingHours: jsonb().$type<OpeningHours[]>().notNull(),
    rules: text().notNull().default(''),
    offered: boolean().notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.institutionId),
    checkIn('shared_resources_kind_check', t.kind, resourceKinds.codes),
    check('shared_resources_capacity_check', sql`${t.capacity} >= 1`),
  ],
);

/** A partner's booking of a resource for a time; a cancelled one frees its time. */
export const resourceBookings = pgTable(
  'resource_bookings',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    resourceId: integer().notNull().references(() => sharedResources.id),
    ownerInstitutionId: integer().notNull().references(() => institutions.id),
    bookingInstitutionId: integer().notNull().references(() => institutions.id),
    during: tstzrange().notNull(),
    purpose: text().notNull(),
    /** The booking institution's program held there, if any. */
    programId: integer().references(() => programs.id),
    status: text().$type<BookingStatus>().notNull().default('booked'),
    bookedBy: integer().references(() => people.id, { onDelete: 'set null' }),
    bookedByName: text().notNull(),
    createdAt: createdAt(),
    cancelledAt: timestamp({ withTimezone: true }),
    cancelledByName: text(),
  },
  (t) => [
    index().on(t.bookingInstitutionId, t.createdAt),
    index().on(t.ownerInstitutionId, t.createdAt),
    index().on(t.programId),
    checkIn('resource_bookings_status_check', t.status, bookingStatuses.codes),
    check('resource_bookings_cancelled_check', sql`(${t.status} = 'cancelled') = (${t.cancelledAt} IS NOT NULL)`),
    check('resource_bookings_during_check', sql`NOT isempty(${t.during}) AND NOT lower_inf(${t.during}) AND NOT upper_inf(${t.during})`),
  ],
);

/** Partners that co-run a program, each under a signed agreement with the program's institution. */
export const programPartners = pgTable(
  'program_partners',
  {
    programId: integer().notNull().references(() => programs.id),
    institutionId: integer().notNull().references(() => institutions.id),
    agreementId: integer().notNull().references(() => partnershipAgreements.id),
    addedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.institutionId] }), index().on(t.institutionId)],
);
