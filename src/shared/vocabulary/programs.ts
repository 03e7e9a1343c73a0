import { indexVocabulary, type Labelled } from './label.ts';

export const deliveryModeList = [
  { code: 'in_person', ko: '대면', en: 'In person' },
  { code: 'online', ko: '온라인', en: 'Online' },
  { code: 'blended', ko: '혼합', en: 'Blended' },
] as const satisfies readonly Labelled[];
export type DeliveryMode = (typeof deliveryModeList)[number]['code'];
export const deliveryModes = indexVocabulary<DeliveryMode, (typeof deliveryModeList)[number]>(deliveryModeList);

/** Purposes the paper's performance measures count (economy, human resources, social integration). */
export const purposeTagList = [
  { code: 'business_startup', ko: '창업', en: 'Business start-up' },
  { code: 'commercialisation', ko: '학습성과 사업화', en: 'Commercialising learning' },
  { code: 'local_leader', ko: '지역 리더 양성', en: 'Local leaders' },
  { code: 'citizenship', ko: '시민성 함양', en: 'Citizenship' },
  { code: 'underprivileged', ko: '소외계층 지원', en: 'Underprivileged learners' },
  { code: 'belonging', ko: '공동체 소속감', en: 'Sense of belonging' },
] as const satisfies readonly Labelled[];
export type PurposeTag = (typeof purposeTagList)[number]['code'];
export const purposeTags = indexVocabulary<PurposeTag, (typeof purposeTagList)[number]>(purposeTagList);

/** Credit recognition: Academic Credit Bank (학점은행제) or an accredited course (평가인정). */
export const creditTypeList = [
  { code: 'none', ko: '학점 없음', en: 'No credit' },
  { code: 'credit_bank', ko: '학점은행제', en: 'Academic Credit Bank' },
  { code: 'accredited', ko: '평가인정 과정', en: 'Accredited course' },
] as const satisfies readonly Labelled[];
export type CreditType = (typeof creditTypeList)[number]['code'];
export const creditTypes = indexVocabulary<CreditType, (typeof creditTypeList)[number]>(creditTypeList);

export const programStatusList = [
  { code: 'draft', ko: '작성 중', en: 'Draft' },
  { code: 'published', ko: '모집 중', en: 'Open' },
  { code: 'closed', ko: '마감', en: 'Closed' },
  { code: 'cancelled', ko: '폐강', en: 'Cancelled' },
] as const satisfies readonly Labelled[];
export type ProgramStatus = (typeof programStatusList)[number]['code'];
export const programStatuses = indexVocabulary<ProgramStatus, (typeof programStatusList)[number]>(programStatusList);

export const weekdayList = [
  { code: 'mon', ko: '월', en: 'Mon' },
  { code: 'tue', ko: '화', en: 'Tue' },
  { code: 'wed', ko: '수', en: 'Wed' },
  { code: 'thu', ko: '목', en: 'Thu' },
  { code: 'fri', ko: '금', en: 'Fri' },
  { code: 'sat', ko: '토', en: 'Sat' },
  { code: 'sun', ko: '일', en: 'Sun' },
] as const satisfies readonly Labelled[];
export type Weekday = (typeof weekdayList)[number]['code'];
export const weekdays = indexVocabulary<Weekday, (typeof weekdayList)[number]>(weekdayList);

/** Where a program stands for its staff (the back office's list): derived from its status and dates. */
export const officePhaseList = [
  { code: 'draft', ko: '작성 중', en: 'Draft' },
  { code: 'open', ko: '모집 중', en: 'Taking enrolments' },
  { code: 'running', ko: '진행 중', en: 'Running' },
  { code: 'finished', ko: '종료', en: 'Finished' },
  { code: 'cancelled', ko: '폐강', en: 'Cancelled' },
] as const satisfies readonly Labelled[];
export type OfficePhase = (typeof officePhaseList)[number]['code'];
export const officePhases = indexVocabulary<OfficePhase, (typeof officePhaseList)[number]>(officePhaseList);

/**
 * How residents register for a program (접수 방법): on the platform first come first served, at the institution as
 * its note explains, or by lottery (추첨) over everyone who applied in a window (here or at the institution).
 */
export const registrationModeList = [
  { code: 'online', ko: '온라인 신청', en: 'Online, here' },
  { code: 'visit', ko: '방문 접수', en: 'In person at the institution' },
  { code: 'phone', ko: '전화 접수', en: 'By phone' },
  { code: 'lottery', ko: '추첨', en: 'Lottery' },
] as const satisfies readonly Labelled[];
export type RegistrationMode = (typeof registrationModeList)[number]['code'];
export const registrationModes = indexVocabulary<RegistrationMode, (typeof registrationModeList)[number]>(registrationModeList);

export const enrolmentStatusList = [
  { code: 'enrolled', ko: '수강 중', en: 'Enrolled' },
  { code: 'waitlisted', ko: '대기', en: 'Waitlisted' },
  { code: 'cancelled', ko: '취소', en: 'Cancelled' },
  { code: 'completed', ko: '수료', en: 'Completed' },
  { code: 'not_completed', ko: '미수료', en: 'Not completed' },
] as const satisfies readonly Labelled[];
export type EnrolmentStatus = (typeof enrolmentStatusList)[number]['code'];
/** Statuses that hold one of a program's places. */
export const seatHoldingStatuses: readonly EnrolmentStatus[] = ['enrolled', 'completed', 'not_completed'];
export const enrolmentStatuses = indexVocabulary<EnrolmentStatus, (typeof enrolmentStatusList)[number]>(enrolmentStatusList);

/** Where an enrolled person stands in time: "enrolled" alone called a course that had not begun "수강 중". */
export const enrolledPhaseList = [
  { code: 'upcoming', ko: '수강 예정', en: 'Starting soon' },
  { code: 'under_way', ko: '수강 중', en: 'In progress' },
  { code: 'awaiting_completion', ko: '수료 판정 중', en: 'Awaiting completion' },
] as const satisfies readonly Labelled[];

/** The status a learner reads for one course of theirs on a given day (Korean calendar days, YYYY-MM-DD). */
export function learnerStatusOf(entry: { status: EnrolmentStatus; startsOn: string; endsOn: string }, today: string): Labelled {
  if (entry.status !== 'enrolled') return enrolmentStatuses.get(entry.status);
  const [upcoming, underWay, awaiting] = enrolledPhaseList;
  return today < entry.startsOn ? upcoming : today <= entry.endsOn ? underWay : awaiting;
}

/** The fixed items residents rate a completed program on (1–5), as municipal program surveys ask them. */
export const satisfactionItemList = [
  { code: 'instructor', ko: '강사의 전문성과 성실성', en: "Instructor's expertise and care" },
  { code: 'materials', ko: '교재와 학습 자료', en: 'Materials' },
  { code: 'motive', ko: '배우려던 목적을 이루었는지', en: 'Did it meet what you came for' },
  { code: 'facility', ko: '시설과 학습 환경', en: 'Place and facilities' },
  { code: 'overall', ko: '전반적인 만족도', en: 'Overall satisfaction' },
] as const satisfies readonly Labelled[];
export type SatisfactionItem = (typeof satisfactionItemList)[number]['code'];
export const satisfactionItems = indexVocabulary<SatisfactionItem, (typeof satisfactionItemList)[number]>(satisfactionItemList);

/** Averages are shown only from this many responses on, so no one's answers can be singled out. */
export const MIN_RATINGS_SHOWN = 5;

/**
 * What a program file's job is doing (the job's phase, stored as the code): the import reads the file, checks and
 * writes it, then updates the catalogue; the export writes the file. `starting` is every job's phase before its first step.
 */
export const programFilePhaseList = [
  { code: 'starting', ko: '시작하는 중', en: 'Starting' },
  { code: 'reading', ko: '파일 읽는 중', en: 'Reading the file' },
  { code: 'checking', ko: '확인하고 쓰는 중', en: 'Checking and writing' },
  { code: 'cataloguing', ko: '프로그램 목록 갱신 중', en: 'Updating the catalogue' },
  { code: 'writing', ko: '파일 만드는 중', en: 'Writing the file' },
] as const satisfies readonly Labelled[];
export type ProgramFilePhase = (typeof programFilePhaseList)[number]['code'];
export const programFilePhases = indexVocabulary<ProgramFilePhase, (typeof programFilePhaseList)[number]>(programFilePhaseList);
