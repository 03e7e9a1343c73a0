import { describe, expect, it } from 'vitest';
import { koreanDateTime, todayInKorea } from './korea-time.ts';

describe('Korean time', () => {
  it('writes a moment as Koreans read it, 오전 and 오후 on a 12-hour clock', () => {
    expect(koreanDateTime('2026-12-06T16:41:00Z')).toBe('2026년 12월 7일 오전 1:41');
    expect(koreanDateTime('2026-12-06T03:05:00Z')).toBe('2026년 12월 6일 오후 12:05');
    expect(koreanDateTime(new Date('2026-12-06T15:00:00Z'))).toBe('2026년 12월 7일 오전 12:00');
    expect(koreanDateTime('2026-12-31T14:59:00Z')).toBe('2026년 12월 31일 오후 11:59');
  });
  it('takes the calendar day in Korea', () => {
    expect(todayInKorea(new Date('2026-12-31T15:30:00Z'))).toBe('2027-01-01');
  });
});
