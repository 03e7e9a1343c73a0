import { indexVocabulary, type Labelled } from './label.ts';

/**
 * Priority groups (우선 선발 대상) an institution may put first in a lottery (추첨). How each is known: residence and
 * age from the person's account; a disability is declared by the resident or marked by staff on an offline
 * application; a voucher (평생교육이용권) is marked by staff, who see the card, since the platform keeps no vouchers.
 */
export const priorityGroupList = [
  { code: 'city_resident', ko: '시·군·구 주민', en: 'Residents of the city', known: 'account' },
  { code: 'over_65', ko: '만 65세 이상', en: 'Aged 65 and over', known: 'account' },
  { code: 'voucher_holder', ko: '평생교육이용권 소지자', en: 'Lifelong learning voucher holders', known: 'staff' },
  { code: 'disability', ko: '장애인', en: 'People with disabilities', known: 'declared' },
] as const satisfies readonly (Labelled & { known: 'account' | 'staff' | 'declared' })[];
export type PriorityGroup = (typeof priorityGroupList)[number]['code'];
export const priorityGroups = indexVocabulary<PriorityGroup, (typeof priorityGroupList)[number]>(priorityGroupList);

/** Groups a person says they belong to (or staff mark for them); the others come from the account. */
export const declaredGroupCodes = priorityGroupList.filter((g) => g.known !== 'account').map((g) => g.code);

/** Where a lottery stands: taking applications, closed and waiting for the draw, or drawn (the seed revealed). */
export const lotteryPhaseList = [
  { code: 'accepting', ko: '신청 받는 중', en: 'Taking applications' },
  { code: 'closed', ko: '신청 마감, 추첨 전', en: 'Closed, not drawn yet' },
  { code: 'drawn', ko: '추첨 완료', en: 'Drawn' },
] as const satisfies readonly Labelled[];
export type LotteryPhase = (typeof lotteryPhaseList)[number]['code'];
export const lotteryPhases = indexVocabulary<LotteryPhase, (typeof lotteryPhaseList)[number]>(lotteryPhaseList);

export const drawOutcomeList = [
  { code: 'won', ko: '당첨', en: 'Won a place' },
  { code: 'waitlisted', ko: '대기', en: 'Waitlisted' },
] as const satisfies readonly Labelled[];
export type DrawOutcome = (typeof drawOutcomeList)[number]['code'];
export const drawOutcomes = indexVocabulary<DrawOutcome, (typeof drawOutcomeList)[number]>(drawOutcomeList);
