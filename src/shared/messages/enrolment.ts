/**
 * Why a person cannot enrol, in words they can act on, in Korean and English. The server sends the
 * message in the caller's language with the reasons' codes and values; the web shows the message.
 */
import type { Locale } from '../vocabulary/index.ts';

export type RefusalReason =
  | { code: 'not_open'; opensOn: string }
  | { code: 'closed'; closedOn: string | null }
  | { code: 'not_published' }
  | { code: 'register_at_institution'; mode: 'visit' | 'phone'; note: string }
  | { code: 'by_lottery' }
  | { code: 'too_young'; minAge: number }
  | { code: 'too_old'; maxAge: number }
  | { code: 'age_unknown'; minAge: number | null; maxAge: number | null }
  | { code: 'residents_first'; cityName: string; openToAllOn: string }
  | { code: 'clash'; programTitle: string; startsAt: string };

const texts: { [C in RefusalReason['code']]: Record<Locale, (reason: Extract<RefusalReason, { code: C }>) => string> } = {
  not_open: {
    ko: (r) => `아직 신청 기간이 아닙니다. ${r.opensOn}부터 신청할 수 있습니다.`,
    en: (r) => `Enrolment has not opened yet. It opens on ${r.opensOn}.`,
  },
  closed: {
    ko: (r) => (r.closedOn ? `신청 기간이 ${r.closedOn}에 끝났습니다.` : '신청이 마감되었습니다.'),
    en: (r) => (r.closedOn ? `Enrolment closed on ${r.closedOn}.` : 'Enrolment has closed.'),
  },
  not_published: {
    ko: () => '지금은 신청을 받지 않는 프로그램입니다.',
    en: () => 'This program is not taking enrolments.',
  },
  register_at_institution: {
    ko: (r) => `이 프로그램은 ${r.mode === 'visit' ? '기관에 방문해서' : '전화로'} 신청합니다.${r.note ? ` ${r.note}` : ''}`,
    en: (r) => `This program takes enrolments ${r.mode === 'visit' ? 'in person at the institution' : 'by phone'}.${r.note ? ` ${r.note}` : ''}`,
  },
  by_lottery: {
    ko: () => '이 프로그램은 신청 기간에 신청한 사람 가운데 추첨으로 뽑습니다. 추첨 신청을 해 주세요.',
    en: () => 'Places in this program are drawn by lottery among everyone who applies in time. Please apply for the draw.',
  },
  too_young: {
    ko: (r) => `만 ${r.minAge}세 이상만 신청할 수 있는 프로그램입니다.`,
    en: (r) => `This program is for people aged ${r.minAge} and over.`,
  },
  too_old: {
    ko: (r) => `만 ${r.maxAge}세 이하만 신청할 수 있는 프로그램입니다.`,
    en: (r) => `This program is for people aged up to ${r.maxAge}.`,
  },
  age_unknown: {
    ko: () => '나이 조건이 있는 프로그램입니다. 내 정보에 태어난 해를 적어 주세요.',
    en: () => 'This program has an age rule. Please add your year of birth to your account.',
  },
  residents_first: {
    ko: (r) => `${r.cityName} 주민 우선 접수 기간입니다. 다른 지역 주민은 ${r.openToAllOn}부터 신청할 수 있습니다.`,
    en: (r) => `Residents of ${r.cityName} enrol first. Everyone else can enrol from ${r.openToAllOn}.`,
  },
  clash: {
    ko: (r) => `이미 신청한 「${r.programTitle}」 수업(${r.startsAt.slice(0, 10)} ${r.startsAt.slice(11, 16)})과 시간이 겹칩니다.`,
    en: (r) => `This clashes with "${r.programTitle}", which you are enrolled in (${r.startsAt.slice(0, 10)} ${r.startsAt.slice(11, 16)}).`,
  },
};

export function refusalText(reason: RefusalReason, locale: Locale): string {
  return (texts[reason.code][locale] as (r: RefusalReason) => string)(reason);
}
