import { indexVocabulary, type Labelled } from './label.ts';

/** Kinds of the ministry's grants to learning cities (domain.md §2: new cities, special purposes, consortia, excellence). */
export const grantKindList = [
  { code: 'new_designation', ko: '신규 지정 지원금', en: 'New designation' },
  { code: 'special_purpose', ko: '특성화 지원금', en: 'Special purpose' },
  { code: 'consortium', ko: '연합 도시 지원금', en: 'Consortium of cities' },
  { code: 'excellent_bonus', ko: '우수 도시 인센티브', en: 'Excellent-city bonus' },
] as const satisfies readonly Labelled[];
export type GrantKind = (typeof grantKindList)[number]['code'];
export const grantKinds = indexVocabulary<GrantKind, (typeof grantKindList)[number]>(grantKindList);

/** Lines of a spending report (집행 내역), the budget lines a grant's plan is kept in. */
export const spendingLineList = [
  { code: 'personnel', ko: '인건비', en: 'Personnel' },
  { code: 'programs', ko: '프로그램 운영비', en: 'Running programs' },
  { code: 'facilities', ko: '시설·장비비', en: 'Facilities and equipment' },
  { code: 'promotion', ko: '홍보비', en: 'Promotion' },
  { code: 'research', ko: '연구·컨설팅비', en: 'Research and consulting' },
  { code: 'other', ko: '기타', en: 'Other' },
] as const satisfies readonly Labelled[];
export type SpendingLine = (typeof spendingLineList)[number]['code'];
export const spendingLines = indexVocabulary<SpendingLine, (typeof spendingLineList)[number]>(spendingLineList);

/** Rows of the append-only grant ledger: money awarded (+), spending the ministry accepted (−), adjustments (±). */
export const grantLedgerEntryList = [
  { code: 'awarded', ko: '교부', en: 'Awarded' },
  { code: 'spent', ko: '집행', en: 'Spent' },
  { code: 'adjustment', ko: '조정', en: 'Adjustment' },
] as const satisfies readonly Labelled[];
export type GrantLedgerEntryKind = (typeof grantLedgerEntryList)[number]['code'];
export const grantLedgerEntries = indexVocabulary<GrantLedgerEntryKind, (typeof grantLedgerEntryList)[number]>(grantLedgerEntryList);

/** A spending report's state: filed by the city, then accepted (its lines enter the ledger) or returned with a reason. */
export const spendingReportStatusList = [
  { code: 'submitted', ko: '제출됨', en: 'Submitted' },
  { code: 'accepted', ko: '승인됨', en: 'Accepted' },
  { code: 'returned', ko: '보완 요청', en: 'Returned' },
] as const satisfies readonly Labelled[];
export type SpendingReportStatus = (typeof spendingReportStatusList)[number]['code'];
export const spendingReportStatuses = indexVocabulary<SpendingReportStatus, (typeof spendingReportStatusList)[number]>(spendingReportStatusList);

/** A priority investment round (우선 투자): proposed and adjusted while a draft, then approved once. */
export const investmentRoundStatusList = [
  { code: 'draft', ko: '검토 중', en: 'Draft' },
  { code: 'approved', ko: '확정', en: 'Approved' },
] as const satisfies readonly Labelled[];
export type InvestmentRoundStatus = (typeof investmentRoundStatusList)[number]['code'];
export const investmentRoundStatuses = indexVocabulary<InvestmentRoundStatus, (typeof investmentRoundStatusList)[number]>(investmentRoundStatusList);

/** The allocations a round shows side by side: the product's proposal and the alternatives it is compared with. */
export const allocationPlanList = [
  { code: 'proposed', ko: '제안 (평가·필요 가중)', en: 'Proposed (evaluation and need)' },
  { code: 'equal', ko: '균등 배분', en: 'Equal shares' },
  { code: 'need_only', ko: '필요도만', en: 'Need only' },
] as const satisfies readonly Labelled[];
export type AllocationPlan = (typeof allocationPlanList)[number]['code'];
export const allocationPlans = indexVocabulary<AllocationPlan, (typeof allocationPlanList)[number]>(allocationPlanList);

/** Where a city's evaluation score in a round came from: its last finalised re-designation total, else the composite index. */
export const evaluationScoreSourceList = [
  { code: 'redesignation', ko: '재지정평가 총점', en: 'Re-designation total' },
  { code: 'index', ko: '종합 지수', en: 'Composite index' },
] as const satisfies readonly Labelled[];
export type EvaluationScoreSource = (typeof evaluationScoreSourceList)[number]['code'];
export const evaluationScoreSources = indexVocabulary<EvaluationScoreSource, (typeof evaluationScoreSourceList)[number]>(evaluationScoreSourceList);

/** Largest sums the forms take (won): a grant, and a round's budget (₩1 trillion). */
export const MAX_GRANT_WON = 100_000_000_000;
export const MAX_ROUND_BUDGET_WON = 1_000_000_000_000;
