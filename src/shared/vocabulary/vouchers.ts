import { indexVocabulary, type Labelled } from './label.ts';

/**
 * Who a LearnFare voucher (평생교육이용권) programme may be for: the programme picks which of these qualify, and a
 * resident declares the ones that apply to them (with evidence an officer confirms). Lists only grow at the end.
 */
export const voucherGroupList = [
  { code: 'basic_livelihood', ko: '기초생활수급자', en: 'Basic livelihood benefits' },
  { code: 'near_poverty', ko: '차상위계층', en: 'Near-poverty' },
  { code: 'disability', ko: '장애인', en: 'People with disabilities' },
  { code: 'over_65', ko: '만 65세 이상', en: 'Aged 65 or over' },
  { code: 'low_income', ko: '기준 중위소득 이하 가구', en: 'Household income at most the set share of the median' },
] as const satisfies readonly Labelled[];
export type VoucherGroup = (typeof voucherGroupList)[number]['code'];
export const voucherGroups = indexVocabulary<VoucherGroup, (typeof voucherGroupList)[number]>(voucherGroupList);

/** An application's state: submitted by the resident, then confirmed or rejected by the funder's officer. */
export const voucherApplicationStatusList = [
  { code: 'submitted', ko: '확인 대기', en: 'Awaiting confirmation' },
  { code: 'confirmed', ko: '자격 확인', en: 'Eligibility confirmed' },
  { code: 'rejected', ko: '자격 없음', en: 'Not eligible' },
] as const satisfies readonly Labelled[];
export type VoucherApplicationStatus = (typeof voucherApplicationStatusList)[number]['code'];
export const voucherApplicationStatuses = indexVocabulary<VoucherApplicationStatus, (typeof voucherApplicationStatusList)[number]>(voucherApplicationStatusList);

/** Rows of a voucher's append-only ledger: issued (+), spent on a program's fee (−), refunded on cancellation (+). */
export const voucherLedgerEntryList = [
  { code: 'issued', ko: '발급', en: 'Issued' },
  { code: 'spent', ko: '사용', en: 'Spent' },
  { code: 'refunded', ko: '환불', en: 'Refunded' },
] as const satisfies readonly Labelled[];
export type VoucherLedgerEntryKind = (typeof voucherLedgerEntryList)[number]['code'];
export const voucherLedgerEntries = indexVocabulary<VoucherLedgerEntryKind, (typeof voucherLedgerEntryList)[number]>(voucherLedgerEntryList);

/** The largest budget a programme may have (the national one is some ₩10bn a year). */
export const MAX_VOUCHER_BUDGET_WON = 1_000_000_000_000;
/** The largest amount per person (the national voucher is ₩350,000; a city may top it up). */
export const MAX_VOUCHER_AMOUNT_WON = 5_000_000;
/** Statistics name no group of fewer people than this. */
export const VOUCHER_STATS_MIN_GROUP = 5;

/**
 * The share of the fee refunded when a learner cancels (평생교육법 시행령 [별표 3] 학습비 반환 기준, by sessions rather
 * than hours: the platform knows sessions): before the first session all of it; before a third of the sessions was
 * held two thirds; before half, half; after that nothing. When the institution cancels, what was not held is refunded.
 * Returned as [numerator, denominator] so that won stay integers.
 */
export function refundShare(held: number, total: number, by: 'learner' | 'institution'): [number, number] {
  if (total <= 0 || held <= 0) return [1, 1];
  if (held >= total) return [0, 1];
  if (by === 'institution') return [total - held, total];
  if (held * 3 < total) return [2, 3];
  if (held * 2 < total) return [1, 2];
  return [0, 1];
}
