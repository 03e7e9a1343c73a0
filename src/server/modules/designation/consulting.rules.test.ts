import { describe, expect, it } from 'vitest';
import { addMonths, cityMayWork, consultantMayReview, consultingCalendar } from './consulting.rules.ts';

describe('the consulting year', () => {
  it('lasts a year from the day the city was named potential, with the milestones due at 3, 6 and 10 months', () => {
    expect(consultingCalendar('2026-12-18')).toEqual({
      startsOn: '2026-12-18',
      endsOn: '2027-12-18',
      dueDates: { needs_survey: '2027-03-18', improvement_plan: '2027-06-18', midterm_plan: '2027-10-18' },
    });
  });

  it('keeps a due date inside a shorter month', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
  });

  it('lets the city work on a milestone until it is submitted, and again when sent back; the consultant answers only a submission', () => {
    expect(['open', 'submitted', 'revise', 'accepted'].filter((s) => cityMayWork(s as never))).toEqual(['open', 'revise']);
    expect(['open', 'submitted', 'revise', 'accepted'].filter((s) => consultantMayReview(s as never))).toEqual(['submitted']);
  });
});
