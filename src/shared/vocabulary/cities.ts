import { indexVocabulary, type Labelled } from './label.ts';

/** Kinds of autonomous municipality (시·군·구), the unit the ministry designates. */
export const municipalityKindList = [
  { code: 'si', ko: '시', en: 'City (si)' },
  { code: 'gun', ko: '군', en: 'County (gun)' },
  { code: 'gu', ko: '구', en: 'District (gu)' },
] as const satisfies readonly Labelled[];
export type MunicipalityKind = (typeof municipalityKindList)[number]['code'];
export const municipalityKinds = indexVocabulary<MunicipalityKind, (typeof municipalityKindList)[number]>(municipalityKindList);

export const dongKindList = [
  { code: 'dong', ko: '동', en: 'Neighbourhood (dong)' },
  { code: 'eup', ko: '읍', en: 'Town (eup)' },
  { code: 'myeon', ko: '면', en: 'Township (myeon)' },
] as const satisfies readonly Labelled[];
export type DongKind = (typeof dongKindList)[number]['code'];
export const dongKinds = indexVocabulary<DongKind, (typeof dongKindList)[number]>(dongKindList);

/** States of a city's designation as a lifelong learning city; every change is recorded as a transition. */
export const designationStateList = [
  { code: 'applied', ko: '신청', en: 'Applied' },
  { code: 'rejected', ko: '미선정', en: 'Rejected' },
  { code: 'potential', ko: '예비 평생학습도시', en: 'Potential (consulting year)' },
  { code: 'designated', ko: '지정', en: 'Designated' },
  { code: 'redesignated', ko: '재지정', en: 'Re-designated' },
  { code: 'deferred', ko: '재지정 유예', en: 'Deferred' },
  { code: 'excellent', ko: '우수 평생학습도시', en: 'Excellent' },
  { code: 'revoked', ko: '지정 취소', en: 'Revoked' },
] as const satisfies readonly Labelled[];
export type DesignationState = (typeof designationStateList)[number]['code'];
export const designationStates = indexVocabulary<DesignationState, (typeof designationStateList)[number]>(designationStateList);

/** States in which a city counts as a lifelong learning city. */
export const activeDesignationStates: readonly DesignationState[] = ['designated', 'redesignated', 'deferred', 'excellent'];

export const eventKindList = [
  { code: 'festival', ko: '평생학습축제', en: 'Learning festival' },
  { code: 'seminar', ko: '세미나', en: 'Seminar' },
  { code: 'forum', ko: '포럼', en: 'Forum' },
  { code: 'presentation', ko: '성과 발표회', en: 'Presentation of results' },
  { code: 'exhibition', ko: '학습 전시회', en: 'Exhibition' },
] as const satisfies readonly Labelled[];
export type EventKind = (typeof eventKindList)[number]['code'];
export const eventKinds = indexVocabulary<EventKind, (typeof eventKindList)[number]>(eventKindList);
