/**
 * The national picture (issue 12, item 6): why the ministry counts a learning city at risk. The rules themselves are
 * in src/server/modules/national/national.rules.ts (decision 023).
 */
import { indexVocabulary, type Labelled } from './label.ts';

export const atRiskReasonList = [
  { code: 'deferred', ko: '유예 중 (다음 해 재평가, 미달 시 취소)', en: 'Deferred (evaluated again next year; revoked if it fails)' },
  { code: 'score_fell', ko: '재지정평가 점수 하락', en: 'Its re-designation score fell since the round before' },
  { code: 'below_peers', ko: '종합지수가 같은 유형 도시의 하위 25%', en: 'Composite index in the bottom quarter of its kind of city' },
] as const satisfies readonly Labelled[];
export type AtRiskReason = (typeof atRiskReasonList)[number]['code'];
export const atRiskReasons = indexVocabulary<AtRiskReason, (typeof atRiskReasonList)[number]>(atRiskReasonList);

/** The first year of designations (the paper: Gwangmyeong, Jinan and Yuseong in 2001): where the timeline starts. */
export const FIRST_DESIGNATION_YEAR = 2001;
