import Type, { type Static } from 'typebox';
import {
  evaluationScoreSources, grantKinds, grantLedgerEntries, investmentRoundStatuses, MAX_GRANT_WON, MAX_ROUND_BUDGET_WON,
  spendingLines, spendingReportStatuses,
} from '../vocabulary/index.ts';
import { CityCode, Code, Id, Nullable, Page, pageQuery, PageQuery } from './common.ts';

/** Money in integer won. */
const Won = (maximum: number, minimum = 1) => Type.Integer({ minimum, maximum, description: 'Integer won' });
const GrantYear = Type.Integer({ minimum: 2001, maximum: 2100 });

// ---- Grants ------------------------------------------------------------------------------------------------------

/** The ministry records a grant: the city, the year, the kind, the amount and its conditions. */
export const GrantBody = Type.Object({
  cityCode: CityCode,
  year: GrantYear,
  kind: Code(grantKinds.codes),
  amount: Won(MAX_GRANT_WON),
  conditions: Type.String({ minLength: 5, maxLength: 2000 }),
  /** A consortium grant's other cities (the lead is `cityCode`); only a consortium grant has them. */
  memberCityCodes: Type.Optional(Type.Array(CityCode, { minItems: 1, maxItems: 30, uniqueItems: true })),
}, { additionalProperties: false });
export type GrantBody = Static<typeof GrantBody>;

/** A grant with its money as the ledger sums it: awarded + adjustments − spent = balance. */
export const GrantSummary = Type.Object({
  id: Type.Integer(),
  cityCode: Type.String(),
  cityNameKo: Type.String(),
  cityNameEn: Type.String(),
  year: Type.Integer(),
  kind: Code(grantKinds.codes),
  conditions: Type.String(),
  roundId: Nullable(Type.Integer()),
  awarded: Type.Integer(),
  adjusted: Type.Integer(),
  spent: Type.Integer(),
  balance: Type.Integer(),
  /** Spending filed and not yet decided: it cannot be filed again until the ministry decides. */
  pending: Type.Integer(),
  awardedAt: Type.String(),
  /** A consortium grant's other cities; the grant is the lead's (`cityCode`), which files its spending. */
  members: Type.Array(Type.Object({ cityCode: Type.String(), cityNameKo: Type.String(), cityNameEn: Type.String() })),
});
export type GrantSummary = Static<typeof GrantSummary>;

export const SpendingLineAmount = Type.Object({
  line: Code(spendingLines.codes),
  amount: Won(MAX_GRANT_WON),
}, { additionalProperties: false });

/** A document attached to a spending report: receipts, the report itself. */
export const ReportDocument = Type.Object({
  id: Type.Integer(),
  fileName: Type.String(),
  byteSize: Type.Integer(),
  addedAt: Type.String(),
});
export type ReportDocument = Static<typeof ReportDocument>;

export const SpendingReport = Type.Object({
  id: Type.Integer(),
  lines: Type.Array(SpendingLineAmount),
  total: Type.Integer(),
  note: Type.String(),
  status: Code(spendingReportStatuses.codes),
  submittedAt: Type.String(),
  decidedAt: Nullable(Type.String()),
  returnReason: Nullable(Type.String()),
  documents: Type.Array(ReportDocument),
});
export type SpendingReport = Static<typeof SpendingReport>;

export const LedgerEntry = Type.Object({
  id: Type.Integer(),
  kind: Code(grantLedgerEntries.codes),
  amount: Type.Integer(),
  line: Nullable(Code(spendingLines.codes)),
  reportId: Nullable(Type.Integer()),
  note: Type.String(),
  recordedAt: Type.String(),
});
export type LedgerEntry = Static<typeof LedgerEntry>;

/** One grant with its spending reports and every row of its ledger, oldest first. */
export const GrantView = Type.Object({
  ...GrantSummary.properties,
  reports: Type.Array(SpendingReport),
  ledger: Type.Array(LedgerEntry),
});
export type GrantView = Static<typeof GrantView>;

export const GrantParams = Type.Object({ code: CityCode, id: Id });
export const SpendingReportParams = Type.Object({ code: CityCode, id: Id, reportId: Id });
export const ReportDocumentParams = Type.Object({ code: CityCode, id: Id, reportId: Id, documentId: Id });
/** A document's bytes are the body; its name comes in the query. */
export const ReportDocumentQuery = Type.Object({ name: Type.String({ minLength: 1, maxLength: 255 }) }, { additionalProperties: false });

/** The ministry's list of every grant. */
export const GrantListQuery = Type.Object({
  ...PageQuery,
  year: Type.Optional(GrantYear),
  kind: Type.Optional(Code(grantKinds.codes)),
  cityCode: Type.Optional(CityCode),
  /** Only grants with a spending report waiting for the ministry. */
  awaiting: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type GrantListQuery = Static<typeof GrantListQuery>;

export const CityGrantsQuery = Type.Object({ ...PageQuery, year: Type.Optional(GrantYear) }, { additionalProperties: false });
export type CityGrantsQuery = Static<typeof CityGrantsQuery>;

export const GrantList = Page(GrantSummary);
export type GrantList = Static<typeof GrantList>;

/** The city's report of what it spent, by line (each line once); never more than the grant's balance. */
export const SpendingReportBody = Type.Object({
  lines: Type.Array(SpendingLineAmount, { minItems: 1, maxItems: spendingLines.codes.length }),
  note: Type.String({ maxLength: 2000 }),
}, { additionalProperties: false });
export type SpendingReportBody = Static<typeof SpendingReportBody>;

export const ReportDecisionBody = Type.Object({
  decision: Code(['accepted', 'returned'] as const),
  /** Required when returning: the city reads it. */
  reason: Type.Optional(Type.String({ maxLength: 2000 })),
}, { additionalProperties: false });
export type ReportDecisionBody = Static<typeof ReportDecisionBody>;

/** A correction of a grant's money, as a new ledger row: positive adds, negative takes back (never below zero). */
export const AdjustmentBody = Type.Object({
  amount: Type.Integer({ minimum: -MAX_GRANT_WON, maximum: MAX_GRANT_WON, description: 'Integer won, not 0' }),
  note: Type.String({ minLength: 5, maxLength: 500 }),
}, { additionalProperties: false });
export type AdjustmentBody = Static<typeof AdjustmentBody>;

/** Public: the year's grants by kind, counted and summed, with no city named. */
export const GrantYearTotals = Type.Object({
  year: Type.Integer(),
  grants: Type.Integer(),
  cities: Type.Integer(),
  awarded: Type.Integer(),
  byKind: Type.Array(Type.Object({ kind: Code(grantKinds.codes), grants: Type.Integer(), awarded: Type.Integer() })),
});
export type GrantYearTotals = Static<typeof GrantYearTotals>;
export const GrantTotals = Page(GrantYearTotals);
export type GrantTotals = Static<typeof GrantTotals>;

// ---- Priority investment -------------------------------------------------------------------------------------------

export const InvestmentRoundBody = Type.Object({
  year: GrantYear,
  title: Type.String({ minLength: 2, maxLength: 120 }),
  budget: Won(MAX_ROUND_BUDGET_WON),
  cityCap: Won(MAX_ROUND_BUDGET_WON),
  /** Whole percentages summing to 100. */
  weightEvaluation: Type.Integer({ minimum: 0, maximum: 100 }),
  weightNeed: Type.Integer({ minimum: 0, maximum: 100 }),
  conditions: Type.String({ minLength: 5, maxLength: 2000 }),
}, { additionalProperties: false });
export type InvestmentRoundBody = Static<typeof InvestmentRoundBody>;

export const InvestmentRound = Type.Object({
  id: Type.Integer(),
  year: Type.Integer(),
  title: Type.String(),
  budget: Type.Integer(),
  cityCap: Type.Integer(),
  weightEvaluation: Type.Integer(),
  weightNeed: Type.Integer(),
  conditions: Type.String(),
  status: Code(investmentRoundStatuses.codes),
  createdAt: Type.String(),
  approvedAt: Nullable(Type.String()),
  /** Eligible cities (designated, with an evaluation score). */
  cities: Type.Integer(),
  /** Won given under each plan, and under the ministry's amounts (`adjusted`). */
  totals: Type.Object({ proposed: Type.Integer(), equal: Type.Integer(), needOnly: Type.Integer(), adjusted: Type.Integer() }),
  /** Cities given more than 0 under the ministry's amounts (the grants approval writes). */
  funded: Type.Integer(),
});
export type InvestmentRound = Static<typeof InvestmentRound>;

export const InvestmentRoundList = Page(InvestmentRound);
export type InvestmentRoundList = Static<typeof InvestmentRoundList>;

export const RoundCity = Type.Object({
  cityCode: Type.String(),
  nameKo: Type.String(),
  nameEn: Type.String(),
  evaluation: Type.Number(),
  evaluationSource: Code(evaluationScoreSources.codes),
  access: Type.Number({ description: '2SFCA places within reach per 1,000 residents' }),
  need: Type.Number(),
  priority: Type.Number(),
  rank: Type.Integer(),
  proposed: Type.Integer(),
  equal: Type.Integer(),
  needOnly: Type.Integer(),
  /** The ministry's amount (the proposal until changed). */
  amount: Type.Integer(),
});
export type RoundCity = Static<typeof RoundCity>;

export const RoundParams = Type.Object({ id: Id });
export const RoundCitiesQuery = Type.Object(pageQuery(300, 50), { additionalProperties: false });
export const RoundCities = Page(RoundCity);
export type RoundCities = Static<typeof RoundCities>;

/** The ministry's amounts for some cities of the round (the others stay as they are). */
export const RoundAmountsBody = Type.Object({
  amounts: Type.Array(Type.Object({ cityCode: CityCode, amount: Won(MAX_ROUND_BUDGET_WON, 0) }, { additionalProperties: false }), { minItems: 1, maxItems: 300 }),
}, { additionalProperties: false });
export type RoundAmountsBody = Static<typeof RoundAmountsBody>;
