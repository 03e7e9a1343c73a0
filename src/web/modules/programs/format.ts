/** How program facts read in each language: the one place each of them is worded. */
import type { ProgramSummary } from '../../../shared/contracts/programs.ts';
import { weekdayList, weekdays as weekdayVocabulary, type Weekday } from '../../../shared/vocabulary/index.ts';

type Translate = (key: string, options?: Record<string, unknown>) => string;

export function feeText(feeKrw: number, t: Translate, number: (n: number) => string): string {
  return feeKrw === 0 ? t('programs.free') : t('programs.won', { amount: number(feeKrw) });
}

/** The days and hours a program meets each week: "화·목 10:00–12:00". */
export function weeklyText(program: Pick<ProgramSummary, 'weekdays' | 'startTime' | 'endTime'>, locale: 'ko' | 'en'): string {
  const days = program.weekdays.map((d) => weekdayVocabulary.get(d)[locale]).join(locale === 'en' ? ', ' : '·');
  return `${days} ${program.startTime}–${program.endTime}`;
}

/** One session's day with its weekday, "2026-12-04 (금)", and its hours, "16:00–19:00" (Korea time, as the API gives it). */
export function sessionText(session: { startsAt: string; endsAt: string }, locale: 'ko' | 'en'): { day: string; hours: string } {
  const date = session.startsAt.slice(0, 10);
  const weekday = weekdayVocabulary.get(weekdayOf(date))[locale];
  return { day: `${date} (${weekday})`, hours: `${session.startsAt.slice(11, 16)}–${session.endsAt.slice(11, 16)}` };
}

/** The weekday of a calendar date ('YYYY-MM-DD'), whatever the browser's time zone. */
function weekdayOf(date: string): Weekday {
  const sundayFirst = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekdayList[(sundayFirst + 6) % 7]!.code;
}

export function titleIn(program: { title: string; titleEn: string | null }, locale: 'ko' | 'en'): string {
  return locale === 'en' && program.titleEn ? program.titleEn : program.title;
}

/** The institution's name in the reader's language, when it has one in English. */
export function institutionNameIn(item: { institutionName: string; institutionNameEn: string | null }, locale: 'ko' | 'en'): string {
  return locale === 'en' && item.institutionNameEn ? item.institutionNameEn : item.institutionName;
}

/** "Online", or the city and dong (and the room, when known). */
export function placeText(
  program: Pick<ProgramSummary, 'mode' | 'cityNameKo' | 'cityNameEn' | 'dongNameKo' | 'dongNameEn'> & { venueName?: string | null },
  locale: 'ko' | 'en',
  t: Translate,
): string {
  if (program.mode === 'online') return t('programs.online');
  const city = locale === 'en' ? program.cityNameEn : program.cityNameKo;
  const dong = locale === 'en' ? program.dongNameEn : program.dongNameKo;
  return [city, dong, program.venueName].filter(Boolean).join(' · ');
}

/** "850m" under a kilometre, else "1.2km". */
export function distanceText(metres: number, number: (n: number) => string): string {
  return metres < 1000 ? `${number(Math.round(metres / 10) * 10)}m` : `${number(Math.round(metres / 100) / 10)}km`;
}

/** "3 places left", or full with the waitlist open. */
export function seatsText(seatsLeft: number, t: Translate): string {
  return seatsLeft > 0 ? t('programs.seatsLeft', { count: seatsLeft }) : t('programs.full');
}
