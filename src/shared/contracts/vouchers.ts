/** LearnFare vouchers (평생교육이용권): programmes, applications, the draw, vouchers and their ledger, statistics. */
import Type, { type Static } from 'typebox';
import {
  MAX_VOUCHER_AMOUNT_WON, MAX_VOUCHER_BUDGET_WON, voucherApplicationStatuses, voucherGroups, voucherLedgerEntries,
} from '../vocabulary/index.ts';
import { CityCode, Code, Id, Nullable, Page, PageQuery } from './common.ts';

const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Year = Type.Integer({ minimum: 2001, maximum: 2100 });
const Group = Code(voucherGroups.codes);

export const NationalParams = Type.Object({ year: Year });
export const CityYearParams = Type.Object({ code: CityCode, year: Year });
export const NationalApplicationParams = Type.Object({ year: Year, applicationId: Id });
export const CityApplicationParams = Type.Object({ code: CityCode, year: Year, applicationId: Id });
export const VoucherParams = Type.Object({ id: Id });

/** What the funder sets: the money, who qualifies (as data), who comes first in a draw, and the dates. */
export const VoucherProgrammeBody = Type.Object({
  title: Type.String({ minLength: 2, maxLength: 200 }),
  budget: Type.Integer({ minimum: 1, maximum: MAX_VOUCHER_BUDGET_WON, description: 'Integer won' }),
  amountPerPerson: Type.Integer({ minimum: 1000, maximum: MAX_VOUCHER_AMOUNT_WON, description: 'Integer won' }),
  minAge: Type.Integer({ minimum: 0, maximum: 120 }),
  eligibleGroups: Type.Array(Group, { minItems: 1, maxItems: voucherGroups.codes.length, uniqueItems: true }),
  /** For `low_income`: household income at most this share of the median (기준 중위소득), in percent. */
  incomeMedianPercent: Type.Integer({ minimum: 1, maximum: 200 }),
  priorityGroups: Type.Array(Group, { maxItems: voucherGroups.codes.length, uniqueItems: true }),
  applicationsCloseOn: Day,
  expiresOn: Day,
}, { additionalProperties: false });
export type VoucherProgrammeBody = Static<typeof VoucherProgrammeBody>;

export const VoucherProgramme = Type.Object({
  id: Type.Integer(),
  year: Type.Integer(),
  /** Null for the national programme. */
  cityCode: Nullable(Type.String()),
  cityNameKo: Nullable(Type.String()),
  cityNameEn: Nullable(Type.String()),
  title: Type.String(),
  budget: Type.Integer(),
  amountPerPerson: Type.Integer(),
  /** How many vouchers the budget pays for. */
  places: Type.Integer(),
  minAge: Type.Integer(),
  eligibleGroups: Type.Array(Group),
  incomeMedianPercent: Type.Integer(),
  priorityGroups: Type.Array(Group),
  applicationsCloseOn: Type.String(),
  expiresOn: Type.String(),
  accepting: Type.Boolean(),
  /** SHA-256 of the draw's seed, published from the start; the seed itself once drawn. */
  seedSha256: Type.String(),
  seed: Nullable(Type.String()),
  drawnAt: Nullable(Type.String()),
  applications: Type.Integer(),
  issued: Type.Integer(),
});
export type VoucherProgramme = Static<typeof VoucherProgramme>;
export const VoucherProgrammeList = Page(VoucherProgramme);
export type VoucherProgrammeList = Static<typeof VoucherProgrammeList>;
export const OpenProgrammesQuery = Type.Object({ ...PageQuery, cityCode: Type.Optional(CityCode) }, { additionalProperties: false });

/** A resident's application: the groups they declare, what shows it, and optionally a document (PDF or image). */
export const VoucherApplyBody = Type.Object({
  declaredGroups: Type.Array(Group, { minItems: 1, maxItems: voucherGroups.codes.length, uniqueItems: true }),
  evidence: Type.String({ maxLength: 1000, description: 'What shows it, e.g. the certificate the resident holds' }),
  document: Type.Optional(Type.Object({
    name: Type.String({ minLength: 1, maxLength: 200 }),
    contentType: Type.Union([Type.Literal('application/pdf'), Type.Literal('image/png'), Type.Literal('image/jpeg')]),
    base64: Type.String({ minLength: 4, maxLength: 700_000, pattern: '^[A-Za-z0-9+/]+={0,2}$' }),
  }, { additionalProperties: false })),
}, { additionalProperties: false });
export type VoucherApplyBody = Static<typeof VoucherApplyBody>;

export const VoucherApplication = Type.Object({
  id: Type.Integer({ description: 'The application number the draw uses' }),
  programmeId: Type.Integer(),
  programmeTitle: Type.String(),
  year: Type.Integer(),
  personId: Type.Integer(),
  displayName: Type.String(),
  birthYear: Nullable(Type.Integer()),
  cityCode: Nullable(Type.String()),
  declaredGroups: Type.Array(Group),
  evidence: Type.String(),
  documentName: Nullable(Type.String()),
  status: Code(voucherApplicationStatuses.codes),
  confirmedGroups: Type.Array(Group),
  decisionNote: Type.String(),
  tier: Nullable(Type.Integer()),
  position: Nullable(Type.Integer()),
  won: Nullable(Type.Boolean()),
  voucherId: Nullable(Type.Integer()),
  appliedAt: Type.String(),
});
export type VoucherApplication = Static<typeof VoucherApplication>;
export const VoucherApplicationList = Page(VoucherApplication);
export type VoucherApplicationList = Static<typeof VoucherApplicationList>;
export const ApplicationsQuery = Type.Object({
  ...PageQuery, status: Type.Optional(Code(voucherApplicationStatuses.codes)),
}, { additionalProperties: false });

export const VoucherDecisionBody = Type.Object({
  decision: Type.Union([Type.Literal('confirmed'), Type.Literal('rejected')]),
  /** For a confirmation: the declared groups the evidence shows (all of them when left out). */
  confirmedGroups: Type.Optional(Type.Array(Group, { maxItems: voucherGroups.codes.length, uniqueItems: true })),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
}, { additionalProperties: false });
export type VoucherDecisionBody = Static<typeof VoucherDecisionBody>;

export const VoucherDrawSummary = Type.Object({ entrants: Type.Integer(), won: Type.Integer(), notDrawn: Type.Integer(), programme: VoucherProgramme });
export type VoucherDrawSummary = Static<typeof VoucherDrawSummary>;
export const VoucherIssueSummary = Type.Object({ issued: Type.Integer(), programme: VoucherProgramme });
export type VoucherIssueSummary = Static<typeof VoucherIssueSummary>;

/** The published draw: by application number (no names), tier, ticket and outcome. */
export const VoucherDrawEntry = Type.Object({
  applicationNo: Type.Integer(), tier: Type.Integer(), ticket: Type.String(), position: Type.Integer(), won: Type.Boolean(),
});
export const VoucherDrawResult = Page(VoucherDrawEntry);
export type VoucherDrawResult = Static<typeof VoucherDrawResult>;

export const VoucherLedgerEntry = Type.Object({
  id: Type.Integer(),
  kind: Code(voucherLedgerEntries.codes),
  amount: Type.Integer({ description: 'Integer won: + issued or refunded, − spent' }),
  programId: Nullable(Type.Integer()),
  programTitle: Nullable(Type.String()),
  refundOf: Nullable(Type.Integer()),
  refunded: Type.Boolean({ description: 'For a spend: whether it has been refunded' }),
  note: Type.String(),
  recordedAt: Type.String(),
});
export type VoucherLedgerEntry = Static<typeof VoucherLedgerEntry>;
export const VoucherLedger = Page(VoucherLedgerEntry);
export type VoucherLedger = Static<typeof VoucherLedger>;

export const Voucher = Type.Object({
  id: Type.Integer(),
  programmeId: Type.Integer(),
  programmeTitle: Type.String(),
  year: Type.Integer(),
  cityCode: Nullable(Type.String()),
  amount: Type.Integer(),
  balance: Type.Integer(),
  spent: Type.Integer(),
  refunded: Type.Integer(),
  expiresOn: Type.String(),
  expired: Type.Boolean(),
  issuedAt: Type.String(),
});
export type Voucher = Static<typeof Voucher>;
export const VoucherList = Page(Voucher);
export type VoucherList = Static<typeof VoucherList>;
export const MyApplicationList = Page(VoucherApplication);

export const SpendBody = Type.Object({
  voucherId: Id,
  /** Integer won; left out, the voucher pays what is left of the fee, or its balance if that is less. */
  amount: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_VOUCHER_AMOUNT_WON })),
}, { additionalProperties: false });
export type SpendBody = Static<typeof SpendBody>;
export const RefundBody = Type.Object({ spendId: Id }, { additionalProperties: false });
export type RefundBody = Static<typeof RefundBody>;

/** One city × group row; figures are null (suppressed) where fewer than five people applied. */
export const VoucherStatsRow = Type.Object({
  cityCode: Nullable(Type.String()),
  cityNameKo: Nullable(Type.String()),
  cityNameEn: Nullable(Type.String()),
  group: Group,
  suppressed: Type.Boolean(),
  applicants: Nullable(Type.Integer()),
  confirmed: Nullable(Type.Integer()),
  issued: Nullable(Type.Integer()),
  spent: Nullable(Type.Integer()),
  refunded: Nullable(Type.Integer()),
});
export type VoucherStatsRow = Static<typeof VoucherStatsRow>;
export const VoucherStats = Type.Object({
  ...Page(VoucherStatsRow).properties,
  totals: Type.Object({ applicants: Type.Integer(), confirmed: Type.Integer(), issued: Type.Integer(), spent: Type.Integer(), refunded: Type.Integer() }),
});
export type VoucherStats = Static<typeof VoucherStats>;
