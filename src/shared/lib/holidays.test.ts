import { describe, expect, it } from 'vitest';
import { holidaysBetween, planSessions } from './holidays.ts';

describe('sessions around Korean public holidays', () => {
  it('skips lunar holidays and substitute days from the published almanac', async () => {
    const plan = await planSessions({ startsOn: '2027-09-07', weekdays: ['tue', 'thu'], sessionCount: 4, startTime: '10:00', endTime: '12:00' });
    expect(plan.sessions.map((s) => s.date)).toEqual(['2027-09-07', '2027-09-09', '2027-09-21', '2027-09-23']);
    expect(plan.skipped).toEqual([{ date: '2027-09-14', names: ['추석 전날'] }, { date: '2027-09-16', names: ['추석 다음 날'] }]);
    expect(plan.sessions[0]).toMatchObject({ sessionNo: 1, startsAt: '2027-09-07T10:00:00+09:00', endsAt: '2027-09-07T12:00:00+09:00' });
    // 개천절 fell on a Sunday in 2027: the Monday after is a substitute holiday.
    expect((await holidaysBetween('2027-10-01', '2027-10-31')).namesOf('2027-10-04')).not.toBeNull();
  });

  it('says which years it could not check instead of guessing', async () => {
    const plan = await planSessions({ startsOn: '2099-09-01', weekdays: ['mon'], sessionCount: 3, startTime: '10:00', endTime: '11:00' });
    expect(plan.unknownYears).toEqual([2099]);
    expect(plan.skipped).toEqual([]);
    expect(plan.sessions).toHaveLength(3);
  });
});
