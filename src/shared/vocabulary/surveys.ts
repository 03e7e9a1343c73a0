/**
 * Surveys residents answer: a survey (what it is for, its year, and for a city's own survey its city) has a
 * questionnaire (instrument) in versions, made of sections of questions of a few kinds. Issue 12's residents'
 * satisfaction with their learning city is the first purpose; issue 13's needs surveys (학습요구조사) add theirs.
 */
import { indexVocabulary, type Labelled } from './label.ts';

export const surveyPurposeList = [
  { code: 'city_satisfaction', ko: '평생학습도시 주민 만족도 조사', en: 'Residents’ satisfaction with their learning city' },
] as const satisfies readonly Labelled[];
export type SurveyPurpose = (typeof surveyPurposeList)[number]['code'];
export const surveyPurposes = indexVocabulary<SurveyPurpose, (typeof surveyPurposeList)[number]>(surveyPurposeList);

export const questionKindList = [
  { code: 'likert5', ko: '5점 척도', en: '5-point scale' },
  { code: 'text', ko: '서술형', en: 'Free text' },
  { code: 'single_choice', ko: '하나 고르기', en: 'One choice' },
  { code: 'multiple_choice', ko: '여러 개 고르기', en: 'Several choices' },
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
