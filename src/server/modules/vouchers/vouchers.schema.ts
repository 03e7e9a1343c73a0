/**
 * LearnFare vouchers (평생교육이용권, decision 029). A programme per year and funder (national: no city; or a city)
 * sets the money and who qualifies; residents apply once per programme; the funder's officer confirms, draws when
 * oversubscribed (the lottery's recipe) and issues. A voucher's money is only ever in its ledger: rows are appended
 * (issued, spent on a program's fee, refunded) and never changed — triggers in the migration refuse UPDATE, DELETE
 * and TRUNCATE, a row that would take a voucher below zero, and a second refund of one spend.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, smallint, text, timestamp, unique, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  voucherApplicationStatuses, voucherGroups, voucherLedgerEntries,
  type VoucherApplicationStatus, type VoucherGroup, type VoucherLedgerEntryKind,
} from '../../../shared/vocabulary/index.ts';
import { bytea, checkAllIn, checkIn, createdAt } from '../../platform/database/columns.ts';
import { enrolments } from '../enrolment/enrolment.schema.ts';
import { municipalities } from '../geography/geography.schema.ts';
import { people } from '../identity/identity.schema.ts';
import { programs } from '../programs/programs.schema.ts';

export const voucherProgrammes = pgTable(
  'voucher_programmes',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    year: smallint().notNull(),
    /** The funding city; null for the national programme (the ministry's). */
    cityCode: text().references(() => municipalities.code),
    title: text().notNull(),
    budget: bigint({ mode: 'number' }).notNull(),
    amountPerPerson: integer().notNull(),
    minAge: smallint().notNull(),
    eligibleGroups: text().array().$type<VoucherGroup[]>().notNull(),
    incomeMedianPercent: smallint().notNull(),
    priorityGroups: text().array().$type<VoucherGroup[]>().notNull(),
    applicationsCloseOn: date({ mode: 'string' }).notNull(),
    expiresOn: date({ mode: 'string' }).notNull(),
    /** The draw's seed (lottery/draw.ts): chosen when the programme is made, only its SHA-256 shown until the draw. */
    seed: text().notNull(),
    seedSha256: text().notNull(),
    drawnAt: timestamp({ withTimezone: true }),
    drawnBy: integer().references(() => people.id),
    createdBy: integer().notNull().references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    // One programme per year and funder.
    uniqueIndex('voucher_programmes_year_funder_unique').on(t.year, sql`coalesce(${t.cityCode}, '')`),
    checkAllIn('voucher_programmes_groups_check', t.eligibleGroups, voucherGroups.codes),
    checkAllIn('voucher_programmes_priority_check', t.priorityGroups, voucherGroups.codes),
    check('voucher_programmes_money_check', sql`${t.budget} > 0 AND ${t.amountPerPerson} > 0 AND ${t.amountPerPerson} <= ${t.budget}`),
    check('voucher_programmes_dates_check', sql`${t.expiresOn} > ${t.applicationsCloseOn}`),
  ],
);

export const voucherApplications = pgTable(
  'voucher_applications',
  {
    /** The application number the draw's tickets are made from. */
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    programmeId: integer().notNull().references(() => voucherProgrammes.id),
    personId: integer().notNull().references(() => people.id),
    /** The applicant's home city when they applied: statistics are per city. */
    cityCode: text().references(() => municipalities.code),
    declaredGroups: text().array().$type<VoucherGroup[]>().notNull(),
    evidence: text().notNull(),
    documentName: text(),
    documentType: text(),
    document: bytea(),
    status: text().$type<VoucherApplicationStatus>().notNull().default('submitted'),
    confirmedGroups: text().array().$type<VoucherGroup[]>().notNull().default(sql`'{}'`),
    decisionNote: text().notNull().default(''),
    decidedBy: integer().references(() => people.id),
    decidedAt: timestamp({ withTimezone: true }),
    tier: smallint(),
    position: integer(),
    won: text().$type<'won' | 'not_drawn'>(),
    appliedAt: createdAt(),
  },
  (t) => [
    // One application (and so one voucher) per person per programme.
    unique('voucher_applications_programme_person_unique').on(t.programmeId, t.personId),
    index().on(t.programmeId, t.status),
    checkIn('voucher_applications_status_check', t.status, voucherApplicationStatuses.codes),
    checkAllIn('voucher_applications_declared_check', t.declaredGroups, voucherGroups.codes),
    checkAllIn('voucher_applications_confirmed_check', t.confirmedGroups, voucherGroups.codes),
    check('voucher_applications_won_check', sql`${t.won} IN ('won', 'not_drawn')`),
    check('voucher_applications_document_check', sql`(${t.document} IS NULL) = (${t.documentName} IS NULL) AND (${t.document} IS NULL) = (${t.documentType} IS NULL)`),
  ],
);

export const vouchers = pgTable(
  'vouchers',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    programmeId: integer().notNull().references(() => voucherProgrammes.id),
    personId: integer().notNull().references(() => people.id),
    applicationId: integer().notNull().references(() => voucherApplications.id),
    cityCode: text().references(() => municipalities.code),
    amount: integer().notNull(),
    expiresOn: date({ mode: 'string' }).notNull(),
    issuedBy: integer().notNull().references(() => people.id),
    issuedAt: createdAt(),
  },
  (t) => [
    unique('vouchers_programme_person_unique').on(t.programmeId, t.personId),
    unique('vouchers_application_unique').on(t.applicationId),
    index().on(t.personId),
    check('vouchers_amount_check', sql`${t.amount} > 0`),
  ],
);

/** Append-only: every won of every voucher. */
export const voucherLedger = pgTable(
  'voucher_ledger',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    voucherId: integer().notNull().references(() => vouchers.id),
    kind: text().$type<VoucherLedgerEntryKind>().notNull(),
    amount: integer().notNull(),
    enrolmentId: integer().references(() => enrolments.id),
    programId: integer().references(() => programs.id),
    /** For a refund: the spend it gives back (once: a unique index). */
    refundOf: bigint({ mode: 'number' }).references((): AnyPgColumn => voucherLedger.id),
    note: text().notNull().default(''),
    recordedBy: integer().references(() => people.id),
    recordedAt: createdAt(),
  },
  (t) => [
    index().on(t.voucherId, t.id),
    index().on(t.enrolmentId),
    uniqueIndex('voucher_ledger_refund_once').on(t.refundOf),
    checkIn('voucher_ledger_kind_check', t.kind, voucherLedgerEntries.codes),
    check('voucher_ledger_sign_check', sql`CASE ${t.kind} WHEN 'spent' THEN ${t.amount} < 0 ELSE ${t.amount} > 0 END`),
    check('voucher_ledger_links_check', sql`(${t.kind} = 'issued') = (${t.enrolmentId} IS NULL AND ${t.programId} IS NULL)
      AND (${t.kind} = 'refunded') = (${t.refundOf} IS NOT NULL)`),
  ],
);
