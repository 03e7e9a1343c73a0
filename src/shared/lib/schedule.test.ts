import { describe, expect, it } from 'vitest';
import { addDays, scheduleSessions, sessionHours, weekdayOf } from './schedule.ts';
import { todayInKorea } from './korea-time.ts';

describe('session schedules', () => {
  it('places sessions on the chosen weekdays from the first date on', () => {
    // 2026-11-25 is a Wednesday.
    const sessions = scheduleSessions('2026-11-25', ['mon', 'wed'], 4, '10:00', '12:00');
    expect(sessions.map((s) => s.date)).toEqual(['2026-11-25', '2026-11-30', '2026-12-02', '2026-12-07']);
    expect(sessions[0]).toMatchObject({ sessionNo: 1, startsAt: '2026-11-25T10:00:00+09:00', endsAt: '2026-11-25T12:00:00+09:00' });
  });

  it('knows the weekday of a date and steps over month ends', () => {
    expect(weekdayOf('2026-11-25')).toBe('wed');
    expect(weekdayOf('2026-11-29')).toBe('sun');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('measures session length in hours', () => {
    expect(sessionHours('19:00', '21:30')).toBe(2.5);
  });

  it('tells the date in Korea, nine hours ahead of UTC', () => {
    expect(todayInKorea(new Date('2026-11-25T15:30:00Z'))).toBe('2026-11-26');
    expect(todayInKorea(new Date('2026-11-25T14:59:00Z'))).toBe('2026-11-25');
  });
});
