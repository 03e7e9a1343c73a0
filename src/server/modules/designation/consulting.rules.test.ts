import { describe, expect, it } from 'vitest';
import { addMonths, cityMayWork, consultantMayReview, consultingCalendar, decisionFits, improvementOf, recommendationFits, type RoundResult } from './consulting.rules.ts';

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

  it('takes the recommendations and decisions of its purpose only', () => {
    expect(['designate', 'reject', 'improved', 'needs_more'].filter((r) => recommendationFits('improvement', r as never))).toEqual(['improved', 'needs_more']);
    expect(['designate', 'reject', 'improved', 'needs_more'].filter((r) => recommendationFits('potential', r as never))).toEqual(['designate', 'reject']);
    expect((['designated', 'rejected', 'closed'] as const).filter((d) => decisionFits('improvement', d))).toEqual(['closed']);
    expect((['designated', 'rejected', 'closed'] as const).filter((d) => decisionFits('potential', d))).toEqual(['designated', 'rejected']);
  });
});

describe('whether the round after an improvement consulting improved', () => {
  const area = (titleKo: string, points: number, score: number) => ({ titleKo, titleEn: titleKo, points, score });
  // Deferred in 2025 with 52.5 (17.5 + 20 + 15); the 2026 round gives 61 (22.5 + 21 + 17.5): +8.5 in all, +5, +1 and +2.5 by area.
  const deferred: RoundResult = { year: 2025, total: 52.5, outcome: 'deferred', areas: [area('추진체계', 35, 17.5), area('사업운영', 35, 20), area('성과', 30, 15)] };
  const next: RoundResult = { year: 2026, total: 61, outcome: 'redesignated', areas: [area('추진체계', 35, 22.5), area('사업운영', 35, 21), area('성과', 30, 17.5)] };

  it('gives the change in total and by area, worked by hand', () => {
    expect(improvementOf(deferred, next)).toEqual({
      deferredRound: { year: 2025, total: 52.5 },
      nextRound: { year: 2026, total: 61, outcome: 'redesignated' },
      change: 8.5,
      areas: [
        { titleKo: '추진체계', titleEn: '추진체계', points: 35, before: 17.5, after: 22.5, change: 5 },
        { titleKo: '사업운영', titleEn: '사업운영', points: 35, before: 20, after: 21, change: 1 },
        { titleKo: '성과', titleEn: '성과', points: 30, before: 15, after: 17.5, change: 2.5 },
      ],
    });
  });

  it('says "not yet evaluated" as no next round, and leaves an area the next frame dropped without a score', () => {
    expect(improvementOf(deferred, null)).toMatchObject({ nextRound: null, change: null, areas: [{ after: null, change: null }, { after: null }, { after: null }] });
    const renamed = { ...next, total: 50.3, outcome: 'revoked' as const, areas: [area('추진체계', 50, 30.1), area('성과', 50, 20.2)] };
    const { change, areas } = improvementOf(deferred, renamed);
    expect(change).toBe(-2.2);
    expect(areas.map((a) => a.change)).toEqual([12.6, null, 5.2]);
  });
});
