/**
 * The re-designation evaluation (재지정평가, domain.md §2): the ministry's frame of areas, fields and items, the
 * yearly cohorts of cities due, the round that scores them, and what it decides.
 */
import { indexVocabulary, type Labelled } from './label.ts';

/** Where an item's score comes from. */
export const evaluationSourceList = [
  { code: 'indicator', ko: '지표 (도시 콘솔)', en: "Indicator (the city console's)" },
  { code: 'survey', ko: '주민 만족도 조사', en: "Residents' satisfaction survey" },
  { code: 'evidence', ko: '증빙 자료 (심사위원 평가)', en: "The city's evidence (scored by reviewers)" },
  { code: 'judgement', ko: '심사위원 정성 평가', en: "Reviewers' judgement" },
] as const satisfies readonly Labelled[];
export type EvaluationSource = (typeof evaluationSourceList)[number]['code'];
export const evaluationSources = indexVocabulary<EvaluationSource, (typeof evaluationSourceList)[number]>(evaluationSourceList);
/** Sources scored by the reviewers assigned to the city. */
export const reviewerSources: readonly EvaluationSource[] = ['evidence', 'judgement'];

/** How an indicator's value becomes a share of the item's points. */
export const indicatorRuleKindList = [
  { code: 'thresholds', ko: '기준값 구간', en: 'Thresholds' },
  { code: 'rank', ko: '평가 대상 도시 중 순위', en: 'Rank within the cohort' },
] as const satisfies readonly Labelled[];
export type IndicatorRuleKind = (typeof indicatorRuleKindList)[number]['code'];
export const indicatorRuleKinds = indexVocabulary<IndicatorRuleKind, (typeof indicatorRuleKindList)[number]>(indicatorRuleKindList);

/** The ministry groups the cities due in a year so that like is compared with like. */
export const cohortGroupList = [
  { code: 'metropolitan', ko: '특별·광역시 자치구·군', en: 'Districts and counties of metropolitan cities' },
  { code: 'province_city', ko: '도 지역 시', en: 'Cities of provinces' },
  { code: 'province_county', ko: '도 지역 군', en: 'Counties of provinces' },
] as const satisfies readonly Labelled[];
export type CohortGroup = (typeof cohortGroupList)[number]['code'];
export const cohortGroups = indexVocabulary<CohortGroup, (typeof cohortGroupList)[number]>(cohortGroupList);

/** A round opens (cities submit, reviewers score), publishes preliminary results (objections), and is finalised. */
export const roundStatusList = [
  { code: 'open', ko: '평가 진행 중', en: 'Under evaluation' },
  { code: 'preliminary', ko: '가결과 공개 (이의신청 기간)', en: 'Preliminary results (objections open)' },
  { code: 'finalised', ko: '결과 확정', en: 'Finalised' },
] as const satisfies readonly Labelled[];
export type RoundStatus = (typeof roundStatusList)[number]['code'];
export const roundStatuses = indexVocabulary<RoundStatus, (typeof roundStatusList)[number]>(roundStatusList);

/** What a round decides for a city: each is a designation state (the state machine's). */
export const evaluationOutcomeList = [
  { code: 'redesignated', ko: '재지정 (통과)', en: 'Passed (re-designated)' },
  { code: 'excellent', ko: '우수 (다음 평가 면제)', en: 'Excellent (skips the next round)' },
  { code: 'deferred', ko: '재지정 유예 (다음 해 재평가)', en: 'Deferred (evaluated again next year)' },
  { code: 'revoked', ko: '지정 취소', en: 'Revoked' },
] as const satisfies readonly Labelled[];
export type EvaluationOutcome = (typeof evaluationOutcomeList)[number]['code'];
export const evaluationOutcomes = indexVocabulary<EvaluationOutcome, (typeof evaluationOutcomeList)[number]>(evaluationOutcomeList);

/** Where an item of a city's round stands. */
export const itemStateList = [
  { code: 'scored', ko: '채점됨', en: 'Scored' },
  { code: 'awaiting_reviewers', ko: '심사 대기', en: 'Awaiting reviewers' },
  { code: 'not_scored_yet', ko: '아직 채점하지 않음', en: 'Not scored yet' },
] as const satisfies readonly Labelled[];
export type ItemState = (typeof itemStateList)[number]['code'];
export const itemStates = indexVocabulary<ItemState, (typeof itemStateList)[number]>(itemStateList);
