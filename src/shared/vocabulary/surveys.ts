/**
 * Surveys residents answer: a survey (what it is for, its year, and for a city's own survey its city) has a
 * questionnaire (instrument) in versions, made of sections of questions of a few kinds. Issue 12's residents'
 * satisfaction with their learning city is the first purpose; issue 13's needs surveys (학습요구조사) add theirs.
 */
import { indexVocabulary, type Labelled } from './label.ts';
import { areasOf, currentTaxonomyVersion } from './program-areas.ts';

export const surveyPurposeList = [
  { code: 'city_satisfaction', ko: '평생학습도시 주민 만족도 조사', en: 'Residents’ satisfaction with their learning city' },
  { code: 'needs', ko: '평생학습 요구조사', en: 'Learning needs survey' },
] as const satisfies readonly Labelled[];
export type SurveyPurpose = (typeof surveyPurposeList)[number]['code'];
export const surveyPurposes = indexVocabulary<SurveyPurpose, (typeof surveyPurposeList)[number]>(surveyPurposeList);

export const questionKindList = [
  { code: 'likert5', ko: '5점 척도', en: '5-point scale' },
  { code: 'text', ko: '서술형', en: 'Free text' },
  { code: 'single_choice', ko: '하나 고르기', en: 'One choice' },
  { code: 'multiple_choice', ko: '여러 개 고르기', en: 'Several choices' },
  /** A needs survey's item: the resident's current and required level of one program subcategory, each 1–5. */
  { code: 'need', ko: '현재·필요 수준', en: 'Current and required level' },
] as const satisfies readonly Labelled[];
export type QuestionKind = (typeof questionKindList)[number]['code'];
export const questionKinds = indexVocabulary<QuestionKind, (typeof questionKindList)[number]>(questionKindList);

/** How an answer came in: the resident online, or staff at a centre typing in a paper form for them. */
export const answerChannelList = [
  { code: 'online', ko: '온라인', en: 'Online' },
  { code: 'paper', ko: '종이 설문 (기관 대리 입력)', en: 'Paper form (entered by staff)' },
] as const satisfies readonly Labelled[];
export type AnswerChannel = (typeof answerChannelList)[number]['code'];
export const answerChannels = indexVocabulary<AnswerChannel, (typeof answerChannelList)[number]>(answerChannelList);

/** The 5-point scale's words, 1 to 5 (a Likert item's points). */
export const likertPoints = [
  { value: 1, ko: '전혀 그렇지 않다', en: 'Strongly disagree' },
  { value: 2, ko: '그렇지 않다', en: 'Disagree' },
  { value: 3, ko: '보통이다', en: 'Neither agree nor disagree' },
  { value: 4, ko: '그렇다', en: 'Agree' },
  { value: 5, ko: '매우 그렇다', en: 'Strongly agree' },
] as const;

/**
 * A city's results are shown only from this many responses on: fewer give intervals too wide to read and let
 * one person's answers be singled out (issue 12, item 4).
 */
export const MIN_SURVEY_RESPONSES_SHOWN = 30;

/** A need item's two answers, each on the 5-point level scale. */
export const needLevels = [
  { code: 'current', ko: '현재 수준', en: 'Current level' },
  { code: 'required', ko: '필요 수준', en: 'Required level' },
] as const satisfies readonly Labelled[];
export type NeedLevel = (typeof needLevels)[number]['code'];

/** The level scale's words, 1 to 5. */
export const levelPoints = [
  { value: 1, ko: '매우 낮음', en: 'Very low' },
  { value: 2, ko: '낮음', en: 'Low' },
  { value: 3, ko: '보통', en: 'Medium' },
  { value: 4, ko: '높음', en: 'High' },
  { value: 5, ko: '매우 높음', en: 'Very high' },
] as const;

/**
 * The Locus for Focus model's quadrants (x: mean required level, y: mean discrepancy, each split at its mean over
 * the items): high–high needs come first, the two mixed quadrants next, low–low last.
 */
export const locusQuadrantList = [
  { code: 'HH', ko: '1사분면 (최우선)', en: 'Quadrant I (first priority)' },
  { code: 'LH', ko: '2사분면 (차순위: 차이 큼)', en: 'Quadrant II (next: large gap)' },
  { code: 'LL', ko: '3사분면 (후순위)', en: 'Quadrant III (last)' },
  { code: 'HL', ko: '4사분면 (차순위: 필요 높음)', en: 'Quadrant IV (next: high requirement)' },
] as const satisfies readonly Labelled[];
export type LocusQuadrant = (typeof locusQuadrantList)[number]['code'];
export const locusQuadrants = indexVocabulary<LocusQuadrant, (typeof locusQuadrantList)[number]>(locusQuadrantList);

/** The needs survey's question that says which group the respondent belongs to (self-declared; the analysis groups by it). */
export const RESPONDENT_GROUP_QUESTION = 'target_group';

/**
 * The need items a city chooses from: one per subcategory of the current program taxonomy, coded by it and
 * worded "area · subcategory" (the questionnaire may word them otherwise).
 */
export const taxonomyNeedItems = areasOf(currentTaxonomyVersion).flatMap((area) => area.subcategories.map((sub) => ({
  code: sub.code, kind: 'need' as const, subcategory: sub.code, required: true, ko: `${area.ko} · ${sub.ko}`, en: `${area.en} · ${sub.en}`,
})));
