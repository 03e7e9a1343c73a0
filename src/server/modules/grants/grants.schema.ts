/**
 * Grants (보조금) to learning cities and priority investment rounds (우선 투자). A grant's money is only ever in its
 * ledger: rows are appended (awarded, spending the ministry accepted, adjustments) and never changed (triggers in the
 * migration refuse UPDATE, DELETE and TRUNCATE, and refuse a row that would take a grant's balance below zero).
 */
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, real, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import {
  evaluationScoreSources, grantKinds, grantLedgerEntries, investmentRoundStatuses, spendingLines, spendingReportStatuses,
  type EvaluationScoreSource, type GrantKind, type GrantLedgerEntryKind, type InvestmentRoundStatus, type SpendingLine, type SpendingReportStatus,
} from '../../../shared/vocabulary/index.ts';
import { checkIn, createdAt } from '../../platform/database/columns.ts';
import { storedFiles } from '../../platform/files/files.schema.ts';
import { municipalities } from '../geography/geography.schema.ts';
import { people } from '../identity/identity.schema.ts';

/** A priority investment round: the ministry's budget, cap and criteria; its cities and amounts below. */
export const investmentRounds = pgTable(
  'investment_rounds',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    year: smallint().notNull(),
    title: text().notNull(),
    budget: bigint({ mode: 'number' }).notNull(),
    cityCap: bigint({ mode: 'number' }).notNull(),
    /** Whole percentages summing to 100. */
    weightEvaluation: smallint().notNull(),
    weightNeed: smallint().notNull(),
    /** The conditions every grant of the round carries. */
    conditions: text().notNull(),
    status: text().$type<InvestmentRoundStatus>().notNull().default('draft'),
    createdBy: integer().notNull().references(() => people.id),
    createdAt: createdAt(),
    approvedBy: integer().references(() => people.id),
    approvedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.year),
    checkIn('investment_rounds_status_check', t.status, investmentRoundStatuses.codes),
    check('investment_rounds_money_check', sql`${t.budget} > 0 AND ${t.cityCap} > 0 AND ${t.cityCap} <= ${t.budget}`),
    check('investment_rounds_weights_check', sql`${t.weightEvaluation} >= 0 AND ${t.weightNeed} >= 0 AND ${t.weightEvaluation} + ${t.weightNeed} = 100`),
    check('investment_rounds_approval_check', sql`(${t.status} = 'approved') = (${t.approvedAt} IS NOT NULL) AND (${t.approvedAt} IS NULL) = (${t.approvedBy} IS NULL)`),
  ],
);

/** Each eligible city of a round: its criteria as they stood when the round was made, its place and the plans' amounts. */
export const investmentRoundCities = pgTable(
  'investment_round_cities',
  {
    roundId: integer().notNull().references(() => investmentRounds.id),
    cityCode: text().notNull().references(() => municipalities.code),
    evaluation: real().notNull(),
    evaluationSource: text().$type<EvaluationScoreSource>().notNull(),
    /** 2SFCA places within reach per 1,000 residents (population-weighted over the city's dongs). */
    access: real().notNull(),
    need: real().notNull(),
    priority: real().notNull(),
    rank: integer().notNull(),
    proposed: bigint({ mode: 'number' }).notNull(),
    equalShare: bigint({ mode: 'number' }).notNull(),
    needOnly: bigint({ mode: 'number' }).notNull(),
    /** What the ministry approves: the proposal until it changes it. */
    amount: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.cityCode] }),
    checkIn('investment_round_cities_source_check', t.evaluationSource, evaluationScoreSources.codes),
    check('investment_round_cities_amounts_check', sql`${t.proposed} >= 0 AND ${t.equalShare} >= 0 AND ${t.needOnly} >= 0 AND ${t.amount} >= 0`),
  ],
);

export const grants = pgTable(
  'grants',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    cityCode: text().notNull().references(() => municipalities.code),
    year: smallint().notNull(),
    kind: text().$type<GrantKind>().notNull(),
    conditions: text().notNull(),
    /** The priority investment round it came from, if any: one grant per city per round. */
    roundId: integer().references(() => investmentRounds.id),
    awardedBy: integer().notNull().references(() => people.id),
    awardedAt: createdAt(),
  },
  (t) => [
    index().on(t.cityCode, t.year),
    index().on(t.year, t.kind),
    uniqueIndex().on(t.roundId, t.cityCode),
    checkIn('grants_kind_check', t.kind, grantKinds.codes),
  ],
);

/**
 * The other cities of a consortium grant (연합 도시 지원금): the grant is the lead city's (it files the spending), and
 * each member city's officers see it among their own grants. The table's `city_code` is the member's: a member city
 * reads its rows where its data lives.
 */
export const grantConsortiumMembers = pgTable(
  'grant_consortium_members',
  {
    grantId: integer().notNull().references(() => grants.id),
    cityCode: text().notNull().references(() => municipalities.code),
  },
  (t) => [primaryKey({ columns: [t.grantId, t.cityCode] }), index().on(t.cityCode)],
);

/** A city's report of what it spent of a grant, by line; accepted (its lines enter the ledger) or returned with a reason. */
export const grantSpendingReports = pgTable(
  'grant_spending_reports',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    grantId: integer().notNull().references(() => grants.id),
    cityCode: text().notNull().references(() => municipalities.code),
    lines: jsonb().$type<{ line: SpendingLine; amount: number }[]>().notNull(),
    total: bigint({ mode: 'number' }).notNull(),
    note: text().notNull(),
    status: text().$type<SpendingReportStatus>().notNull().default('submitted'),
    submittedBy: integer().notNull().references(() => people.id),
    submittedAt: createdAt(),
    decidedBy: integer().references(() => people.id),
    decidedAt: timestamp({ withTimezone: true }),
    returnReason: text(),
  },
  (t) => [
    index().on(t.grantId),
    index().on(t.status, t.submittedAt),
    checkIn('grant_spending_reports_status_check', t.status, spendingReportStatuses.codes),
    check('grant_spending_reports_total_check', sql`${t.total} > 0`),
    check('grant_spending_reports_decision_check', sql`(${t.status} = 'submitted') = (${t.decidedAt} IS NULL) AND (${t.decidedAt} IS NULL) = (${t.decidedBy} IS NULL)
      AND (${t.status} = 'returned') = (${t.returnReason} IS NOT NULL)`),
  ],
);

/** Documents a city attaches to a spending report (receipts, the report itself), stored by platform/files. */
export const grantReportDocuments = pgTable(
  'grant_report_documents',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    reportId: integer().notNull().references(() => grantSpendingReports.id),
    cityCode: text().notNull().references(() => municipalities.code),
    fileId: integer().notNull().references(() => storedFiles.id),
    addedBy: integer().notNull().references(() => people.id),
    addedAt: createdAt(),
  },
  (t) => [index().on(t.reportId)],
);

/** Append-only: the money of every grant. Awarded and positive adjustments add, spending and negative adjustments take. */
export const grantLedger = pgTable(
  'grant_ledger',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    grantId: integer().notNull().references(() => grants.id),
    cityCode: text().notNull().references(() => municipalities.code),
    kind: text().$type<GrantLedgerEntryKind>().notNull(),
    amount: bigint({ mode: 'number' }).notNull(),
    /** For spending: the line, and the report it was accepted from. */
    line: text().$type<SpendingLine>(),
    reportId: integer().references(() => grantSpendingReports.id),
    note: text().notNull().default(''),
    recordedBy: integer().notNull().references(() => people.id),
    recordedAt: createdAt(),
  },
  (t) => [
    index().on(t.grantId, t.id),
    checkIn('grant_ledger_kind_check', t.kind, grantLedgerEntries.codes),
    checkIn('grant_ledger_line_check', t.line, spendingLines.codes),
    check('grant_ledger_sign_check', sql`CASE ${t.kind} WHEN 'awarded' THEN ${t.amount} > 0 WHEN 'spent' THEN ${t.amount} < 0 ELSE ${t.amount} <> 0 END`),
    check('grant_ledger_spent_check', sql`(${t.kind} = 'spent') = (${t.line} IS NOT NULL AND ${t.reportId} IS NOT NULL)`),
  ],
);
