/**
 * Turns a program's pattern (first date, weekdays, times, number of sessions) into dated sessions.
 * Korea keeps one offset all year (KST, UTC+9, no daylight saving), so timestamps carry +09:00.
 */
import { weekdayList, type Weekday } from '../vocabulary/index.ts';

export interface SessionSlot {
  sessionNo: number;
  date: string;
  startsAt: string;
  endsAt: string;
}

const DAY_MS = 86_400_000;
/** Vocabulary order is Monday first; JavaScript's getUTCDay() is Sunday = 0. */
const weekdayIndex = (day: Weekday) => (weekdayList.findIndex((w) => w.code === day) + 1) % 7;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function weekdayOf(date: string): Weekday {
  const jsDay = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekdayList[(jsDay + 6) % 7]!.code;
}

/** Sessions on the given weekdays from `startsOn` on, leaving out the days `skip` names (public holidays). */
export function scheduleSessions(
  startsOn: string, weekdays: readonly Weekday[], sessionCount: number, startTime: string, endTime: string,
  skip: (date: string) => boolean = () => false,
): SessionSlot[] {
  if (weekdays.length === 0) throw new Error('a schedule needs at least one weekday');
  const days = new Set(weekdays.map(weekdayIndex));
  const slots: SessionSlot[] = [];
  // Counted in days since 1970-01-01 (a Thursday) and written out only for the pattern's weekdays: an import plans
  // some 400,000 sessions, and making a date string for every day in between was most of its time.
  for (let day = Date.parse(`${startsOn}T00:00:00Z`) / DAY_MS; slots.length < sessionCount; day++) {
    if (!days.has((((day + 4) % 7) + 7) % 7)) continue;
    const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (skip(date)) continue;
    slots.push({
      sessionNo: slots.length + 1,
      date,
      startsAt: `${date}T${startTime.slice(0, 5)}:00+09:00`,
      endsAt: `${date}T${endTime.slice(0, 5)}:00+09:00`,
    });
  }
  return slots;
}

/** Length of one session in hours, from 'HH:MM' times. */
export function sessionHours(startTime: string, endTime: string): number {
  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  return (minutes(endTime) - minutes(startTime)) / 60;
}
