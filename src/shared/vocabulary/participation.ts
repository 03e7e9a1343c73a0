import { indexVocabulary, type Labelled } from './label.ts';

/**
 * The city's support of a study group (학습동아리 지원): every group starts registered; the city's officer may support
 * it in kind (a room, publicity) for a year, fund it with an amount for a year, or decline.
 */
export const studyGroupSupportList = [
  { code: 'registered', ko: '등록', en: 'Registered' },
  { code: 'supported', ko: '지원', en: 'Supported' },
  { code: 'funded', ko: '보조금 지원', en: 'Funded' },
  { code: 'declined', ko: '지원하지 않음', en: 'Not supported' },
] as const satisfies readonly Labelled[];
export type StudyGroupSupport = (typeof studyGroupSupportList)[number]['code'];
export const studyGroupSupports = indexVocabulary<StudyGroupSupport, (typeof studyGroupSupportList)[number]>(studyGroupSupportList);

/** Longest meeting a leader may record, and the smallest step of its hours (half an hour). */
export const STUDY_GROUP_MEETING_MAX_HOURS = 12;
/** Longest day of volunteering recorded in one entry. */
export const VOLUNTEER_DAY_MAX_HOURS = 24;
