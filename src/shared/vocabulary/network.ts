/** The institutions' network (issue 10, items 4–5): partnership agreements, the resources partners share, bookings. */
import { indexVocabulary, type Labelled } from './label.ts';

/** proposed → signed (every party's manager accepted) → ended; or proposed → withdrawn. */
export const agreementStatusList = [
  { code: 'proposed', ko: '제안됨', en: 'Proposed' },
  { code: 'signed', ko: '체결됨', en: 'Signed' },
  { code: 'ended', ko: '종료됨', en: 'Ended' },
  { code: 'withdrawn', ko: '철회됨', en: 'Withdrawn' },
] as const satisfies readonly Labelled[];
export type AgreementStatus = (typeof agreementStatusList)[number]['code'];
export const agreementStatuses = indexVocabulary<AgreementStatus, (typeof agreementStatusList)[number]>(agreementStatusList);
/** The statuses in which an agreement holds its parties' period: no second one may overlap it. */
export const LIVE_AGREEMENT_STATUSES: readonly AgreementStatus[] = ['proposed', 'signed'];

/** Every line of the agreement log. */
export const agreementChangeList = [
  { code: 'proposed', ko: '협약 제안', en: 'Proposed' },
  { code: 'accepted', ko: '서명', en: 'Accepted by a party' },
  { code: 'signed', ko: '체결 (모든 기관 서명)', en: 'Signed by every party' },
  { code: 'document_attached', ko: '협약서 첨부', en: 'Signed document attached' },
  { code: 'withdrawn', ko: '철회', en: 'Withdrawn' },
  { code: 'ended', ko: '종료', en: 'Ended' },
  { code: 'program_joined', ko: '공동 운영 프로그램 추가', en: 'Joint program added' },
  { code: 'program_left', ko: '공동 운영 프로그램 해제', en: 'Joint program removed' },
] as const satisfies readonly Labelled[];
export type AgreementChange = (typeof agreementChangeList)[number]['code'];
export const agreementChanges = indexVocabulary<AgreementChange, (typeof agreementChangeList)[number]>(agreementChangeList);

export const resourceKindList = [
  { code: 'room', ko: '공간', en: 'Room' },
  { code: 'equipment', ko: '장비', en: 'Equipment' },
] as const satisfies readonly Labelled[];
export type ResourceKind = (typeof resourceKindList)[number]['code'];
export const resourceKinds = indexVocabulary<ResourceKind, (typeof resourceKindList)[number]>(resourceKindList);

export const bookingStatusList = [
  { code: 'booked', ko: '예약됨', en: 'Booked' },
  { code: 'cancelled', ko: '취소됨', en: 'Cancelled' },
] as const satisfies readonly Labelled[];
export type BookingStatus = (typeof bookingStatusList)[number]['code'];
export const bookingStatuses = indexVocabulary<BookingStatus, (typeof bookingStatusList)[number]>(bookingStatusList);

/** Bookings start and end on these minutes (a slot grid people read at a glance). */
export const BOOKING_STEP_MINUTES = 30;
/** The longest single booking: a day's opening hours at most. */
export const MAX_BOOKING_HOURS = 12;
