/**
 * The server's one clock for the Korean calendar: every "today", "this year" and "starting within N days" the
 * product decides is read here, by Korea's rule (KST, UTC+9 all year; src/shared/lib/korea-time.ts, which the
 * web uses too), never from a UTC date. It reads the process clock, so a run under libfaketime moves it, the
 * tests' expectations (tests/support/clock.ts) and PGlite's now() together; CI runs the database tests once at
 * a year boundary that way (.ci/run). `now` is a parameter only for rules tested at a chosen instant.
 */
import { todayInKorea as dateInKorea } from '../../shared/lib/korea-time.ts';

/** Today's date in Korea, 'YYYY-MM-DD'. */
export function todayInKorea(now: Date = new Date()): string {
  return dateInKorea(now);
}

/** This year in Korea: from 00:00 KST on 1 January, which is still 31 December in UTC until 15:00. */
export function yearInKorea(now: Date = new Date()): number {
  return Number(todayInKorea(now).slice(0, 4));
}
