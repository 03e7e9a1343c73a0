/**
 * Korea's public holidays, lunar ones included (설날, 추석, 부처님오신날) and substitute days, from the official
 * almanac as `@hyunbinseo/holidays-kr` publishes it year by year. A year it does not cover yet is reported,
 * never guessed: a schedule for it is made without skipping anything and says so.
 */
import { getHolidayPreset } from '@hyunbinseo/holidays-kr';
import type { Weekday } from '../vocabulary/index.ts';
import { addDays, scheduleSessions, type SessionSlot } from './schedule.ts';

export interface Holidays {
  /** The holiday names of a day, or null when it is a working day (or its year is not known). */
  namesOf(date: string): readonly string[] | null;
  /** Years asked about that the dataset does not cover. */
  unknownYears: readonly number[];
}

type Preset = Readonly<Record<string, readonly string[]>>;
/** A year's holidays, looked up once per process: an import plans sessions for tens of thousands of programs. */
const presets = new Map<number, Promise<Preset | null>>();

function presetOf(year: number): Promise<Preset | null> {
  let preset = presets.get(year);
  if (!preset) {
    preset = getHolidayPreset(String(year) as Parameters<typeof getHolidayPreset>[0]).then((p) => p as Preset, (error: unknown) => {
      if (error instanceof RangeError) return null;
      presets.delete(year);
      throw error;
    });
    presets.set(year, preset);
  }
  return preset;
}

/** The holidays of every year from `from` to `to` (dates, YYYY-MM-DD). */
export async function holidaysBetween(from: string, to: string): Promise<Holidays> {
  const years: Preset[] = [];
  const unknownYears: number[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    const preset = await presetOf(year);
    if (preset) years.push(preset);
    else unknownYears.push(year);
  }
  return { namesOf: (date) => years.find((y) => date in y)?.[date] ?? null, unknownYears };
}

export interface SessionPattern {
  startsOn: string;
  weekdays: readonly Weekday[];
  sessionCount: number;
  startTime: string;
  endTime: string;
}

export interface SessionPlan {
  sessions: SessionSlot[];
  /** Days of the pattern that were left out, with the holiday's name. */
  skipped: { date: string; names: readonly string[] }[];
  /** Years the sessions fall in whose holidays are not published yet (nothing was skipped there). */
  unknownYears: readonly number[];
}

/** A program's sessions for its pattern, skipping public holidays. */
export async function planSessions(pattern: SessionPattern): Promise<SessionPlan> {
  // Enough days for every session even if many fall on holidays: weekly sessions, plus a margin of four weeks.
  const weeks = Math.ceil(pattern.sessionCount / Math.max(1, pattern.weekdays.length)) + 4;
  const holidays = await holidaysBetween(pattern.startsOn, addDays(pattern.startsOn, weeks * 7));
  const skipped: SessionPlan['skipped'] = [];
  const sessions = scheduleSessions(pattern.startsOn, pattern.weekdays, pattern.sessionCount, pattern.startTime, pattern.endTime, (date) => {
    const names = holidays.namesOf(date);
    if (names) skipped.push({ date, names });
    return names !== null;
  });
  const last = sessions.at(-1)?.date ?? pattern.startsOn;
  return {
    sessions,
    skipped,
    unknownYears: holidays.unknownYears.filter((year) => year <= Number(last.slice(0, 4))),
  };
}
