import { indexVocabulary, type Labelled } from './label.ts';

/** What a resident proposes (주민 제안): a program for an institution to run, or a study group (학습동아리) to form. */
export const proposalKindList = [
  { code: 'program', ko: '프로그램', en: 'A program' },
  { code: 'study_group', ko: '학습동아리', en: 'A study group' },
] as const satisfies readonly Labelled[];
export type ProposalKind = (typeof proposalKindList)[number]['code'];
export const proposalKinds = indexVocabulary<ProposalKind, (typeof proposalKindList)[number]>(proposalKindList);

/**
 * Where a proposal stands. Stored: open, accepted, declined. `awaiting` is an open proposal that has reached its
 * city's threshold of supporters: the city must answer it publicly (proposals.rules.ts).
 */
export const proposalPhaseList = [
  { code: 'open', ko: '공감 모으는 중', en: 'Gathering support' },
  { code: 'awaiting', ko: '시·군·구 답변 기다리는 중', en: "Awaiting the city's answer" },
  { code: 'accepted', ko: '받아들임', en: 'Accepted' },
  { code: 'declined', ko: '받아들이지 않음', en: 'Declined' },
] as const satisfies readonly Labelled[];
export type ProposalPhase = (typeof proposalPhaseList)[number]['code'];
export const proposalPhases = indexVocabulary<ProposalPhase, (typeof proposalPhaseList)[number]>(proposalPhaseList);
export type ProposalStatus = Exclude<ProposalPhase, 'awaiting'>;
export const proposalStatusCodes = ['open', 'accepted', 'declined'] as const satisfies readonly ProposalStatus[];

/** The append-only log of a proposal: who did what, when. */
export const proposalEventList = [
  { code: 'proposed', ko: '제안함', en: 'Proposed' },
  { code: 'threshold_reached', ko: '공감 기준 도달', en: 'Reached the threshold' },
  { code: 'accepted', ko: '받아들임', en: 'Accepted' },
  { code: 'declined', ko: '받아들이지 않음', en: 'Declined' },
] as const satisfies readonly Labelled[];
export type ProposalEventKind = (typeof proposalEventList)[number]['code'];
export const proposalEvents = indexVocabulary<ProposalEventKind, (typeof proposalEventList)[number]>(proposalEventList);

/** Preferred times of day a proposer may name. */
export const dayPartList = [
  { code: 'morning', ko: '오전', en: 'Morning' },
  { code: 'afternoon', ko: '오후', en: 'Afternoon' },
  { code: 'evening', ko: '저녁', en: 'Evening' },
] as const satisfies readonly Labelled[];
export type DayPart = (typeof dayPartList)[number]['code'];
export const dayParts = indexVocabulary<DayPart, (typeof dayPartList)[number]>(dayPartList);

/** Supporters a proposal needs before its city must answer, unless the city sets its own (e.g. Seoul's 민주주의 서울 asks 500; a 시·군·구 fewer). */
export const DEFAULT_PROPOSAL_THRESHOLD = 30;
export const MAX_PROPOSAL_THRESHOLD = 10_000;
