import { indexVocabulary, type Labelled } from './label.ts';

/**
 * Where a delivered-course request (배달강좌 신청) stands: residents gather until the city's minimum group size,
 * then the city's officers see it and approve it (a program of an institution, with an instructor from the pool)
 * or decline it with reasons. The moves are in delivered-courses.rules.ts.
 */
export const deliveredCourseStatusList = [
  { code: 'gathering', ko: '모임 인원 모으는 중', en: 'Gathering the group' },
  { code: 'ready', ko: '시·군·구 검토 중', en: 'With the city' },
  { code: 'approved', ko: '승인됨', en: 'Approved' },
  { code: 'declined', ko: '반려됨', en: 'Declined' },
] as const satisfies readonly Labelled[];
export type DeliveredCourseStatus = (typeof deliveredCourseStatusList)[number]['code'];
export const deliveredCourseStatuses = indexVocabulary<DeliveredCourseStatus, (typeof deliveredCourseStatusList)[number]>(deliveredCourseStatusList);

/** The append-only log of a request. */
export const deliveredCourseEventList = [
  { code: 'requested', ko: '신청함', en: 'Requested' },
  { code: 'joined', ko: '모임에 참여함', en: 'Joined the group' },
  { code: 'left', ko: '모임에서 나감', en: 'Left the group' },
  { code: 'ready', ko: '최소 인원 도달', en: 'Reached the group size' },
  { code: 'below_size', ko: '최소 인원 아래로 줄어 다시 모으는 중', en: 'Fell below the group size' },
  { code: 'approved', ko: '승인함', en: 'Approved' },
  { code: 'declined', ko: '반려함', en: 'Declined' },
] as const satisfies readonly Labelled[];
export type DeliveredCourseEventKind = (typeof deliveredCourseEventList)[number]['code'];
export const deliveredCourseEvents = indexVocabulary<DeliveredCourseEventKind, (typeof deliveredCourseEventList)[number]>(deliveredCourseEventList);

/** Residents a group needs before the city takes up its request, unless the city sets its own (배달강좌 commonly asks 5 or more). */
export const DEFAULT_MIN_GROUP_SIZE = 5;
export const MAX_MIN_GROUP_SIZE = 50;
/** The most sessions a group may ask for (a term of weekly classes). */
export const MAX_DELIVERED_SESSIONS = 24;
