import { describe, expect, it } from 'vitest';
import {
  aggregateScores, assigningProblem, conflictClause, conflictOfInterest, cutLine, decidingProblem, rankByScore, scoreAllowed, scoringProblem, spreadOf,
  type SubmittedReview,
} from './review.rules.ts';

/** Reviews with the given totals, keyed 1, 2, 3…, each split over two areas (60 % and 40 %). */
const reviews = (...totals: number[]): SubmittedReview[] =>
  totals.map((total, i) => ({ key: i + 1, total, areas: [total * 0.6, total * 0.4] }));

describe("an application's score", () => {
  it('is the mean of the submitted totals under the mean rule, however many reviewers', () => {
    expect(aggregateScores(reviews(80, 90, 70, 60, 100), 'mean')).toEqual({ score: 80, areas: [48, 32], dropped: [] });
    expect(aggregateScores(reviews(85.5, 70), 'mean')!.score).toBe(77.75);
  });

  it('drops the highest and the lowest total under the trimmed rule from five reviewers on', () => {
    // 100 and 60 go; (80 + 90 + 70) / 3 = 80.
    expect(aggregateScores(reviews(80, 90, 70, 60, 100), 'trimmed_mean')).toEqual({ score: 80, areas: [48, 32], dropped: [4, 5] });
    // Six reviewers: still one highest and one lowest; (71 + 72 + 73 + 74) / 4 = 72.5.
    expect(aggregateScores(reviews(71, 95, 72, 40, 73, 74), 'trimmed_mean')).toMatchObject({ score: 72.5, dropped: [4, 2] });
  });

  it('keeps every total under the trimmed rule with fewer than five reviewers', () => {
    expect(aggregateScores(reviews(80, 90, 70, 60), 'trimmed_mean')).toEqual({ score: 75, areas: [45, 30], dropped: [] });
  });

  it('drops exactly one of equal highest or lowest totals, always the same ones', () => {
    // Lowest 60 twice: the earlier (key 1) goes; highest 90 twice: the later (key 5) goes.
    const result = aggregateScores(reviews(60, 90, 60, 75, 90), 'trimmed_mean')!;
    expect(result.dropped).toEqual([1, 5]);
    expect(result.score).toBe(75); // (90 + 60 + 75) / 3
    // All equal: two different reviews are still dropped.
    expect(aggregateScores(reviews(70, 70, 70, 70, 70), 'trimmed_mean')).toMatchObject({ score: 70, dropped: [1, 5] });
  });

  it('takes the areas from the same reviewers as the total, and is null before anyone submitted', () => {
    const uneven: SubmittedReview[] = [
      { key: 1, total: 50, areas: [50, 0] }, { key: 2, total: 90, areas: [40, 50] }, { key: 3, total: 70, areas: [35, 35] },
      { key: 4, total: 71, areas: [36, 35] }, { key: 5, total: 72, areas: [40, 32] },
    ];
    const result = aggregateScores(uneven, 'trimmed_mean')!;
    expect(result.areas).toEqual([37, 34]); // keys 3, 4, 5
    expect(result.areas[0]! + result.areas[1]!).toBe(result.score);
    expect(aggregateScores([], 'mean')).toBeNull();
  });
});

describe('the spread between reviewers', () => {
  it('is the highest total minus the lowest and the standard deviation of the panel', () => {
    expect(spreadOf([80, 90, 70, 60, 100])).toEqual({ range: 40, sd: 14.14 });
    expect(spreadOf([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ range: 7, sd: 2 });
    expect(spreadOf([77])).toEqual({ range: 0, sd: 0 });
    expect(spreadOf([])).toBeNull();
  });
});

describe('the ranking', () => {
  it('ranks the highest first, equal scores sharing a rank and the next rank skipping', () => {
    const ranks = rankByScore([
      { key: 10, score: 81 }, { key: 11, score: 92.5 }, { key: 12, score: 81 }, { key: 13, score: 70 }, { key: 14, score: null },
      { key: 15, score: 81.004 },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ 11: 1, 10: 2, 12: 2, 15: 2, 13: 5, 14: null });
  });

  it('cuts at the quota and says when applications tie across the cut', () => {
    const ranked = [{ rank: 1, score: 92 }, { rank: 2, score: 88 }, { rank: 3, score: 85 }, { rank: 3, score: 85 }, { rank: 5, score: 70 }, { rank: null, score: null }];
    expect(cutLine(ranked, 2)).toEqual({ quota: 2, within: 2, score: 88, tie: false });
    expect(cutLine(ranked, 3)).toEqual({ quota: 3, within: 4, score: 85, tie: true });
    expect(cutLine(ranked, 4)).toEqual({ quota: 4, within: 4, score: 85, tie: false });
    expect(cutLine([{ rank: null, score: null }], 5)).toEqual({ quota: 5, within: 0, score: null, tie: false });
  });
});

describe('conflicts of interest', () => {
  it('bars a reviewer who lives or works in the applying city’s province', () => {
    // Lives in Suwon (31010, Gyeonggi), works in Seoul (11).
    const reviewer = { homeCityCode: '31010', worksInProvinceCode: '11', consultedCityCodes: [] };
    const city = (cityCode: string) => ({ cityCode, provinceCode: cityCode.slice(0, 2) });
    expect(conflictOfInterest(reviewer, city('31020'))).toEqual({ lives: true, works: false, consulted: false });
    expect(conflictOfInterest(reviewer, city('11110'))).toEqual({ lives: false, works: true, consulted: false });
    expect(conflictOfInterest({ ...reviewer, homeCityCode: '11010' }, city('11110'))).toEqual({ lives: true, works: true, consulted: false });
    expect(conflictOfInterest(reviewer, city('36030'))).toBeNull();
    expect(conflictOfInterest({ homeCityCode: null, worksInProvinceCode: null, consultedCityCodes: [] }, city('31020'))).toBeNull();
  });

  it('bars a reviewer who has been the city’s consultant, and only for that city', () => {
    const consultant = { homeCityCode: '11010', worksInProvinceCode: null, consultedCityCodes: ['36030', '47130'] };
    expect(conflictOfInterest(consultant, { cityCode: '36030', provinceCode: '36' })).toEqual({ lives: false, works: false, consulted: true });
    // Another city of the same province is no conflict: the advice was given to Suncheon, not to Jeollanam-do.
    expect(conflictOfInterest(consultant, { cityCode: '36020', provinceCode: '36' })).toBeNull();
    expect(conflictOfInterest(consultant, { cityCode: '11110', provinceCode: '11' })).toEqual({ lives: true, works: false, consulted: false });
  });

  it('says why in the refusal, each reason once', () => {
    const names = { provinceKo: '전라남도', provinceEn: 'Jeollanam-do', cityEn: 'Suncheon-si' };
    expect(conflictClause({ lives: true, works: false, consulted: false }, names))
      .toEqual({ ko: '전라남도에 살고 있어 같은 시·도의', en: 'lives in Jeollanam-do, the province of Suncheon-si,' });
    expect(conflictClause({ lives: false, works: false, consulted: true }, names))
      .toEqual({ ko: '컨설턴트를 맡았던', en: 'has been the consultant of Suncheon-si' });
    expect(conflictClause({ lives: true, works: true, consulted: true }, names))
      .toEqual({ ko: '전라남도에 살고 일하고 있고 컨설턴트를 맡았던', en: 'lives and works in Jeollanam-do, the province of Suncheon-si, and has been its consultant,' });
  });
});

describe('the review window', () => {
  const call = { year: 2027, status: 'published' as const, reviewStartsOn: '2027-06-10', reviewEndsOn: '2027-06-30' };
  // Korea is UTC+9: 15:00 UTC on 9 June is already 10 June in Korea.
  const at = (iso: string) => new Date(iso);

  it('lets reviewers score from the first to the last day of the review in Korea', () => {
    expect(scoringProblem(call, at('2027-06-09T14:59:59Z'))).toMatchObject({ status: 409, field: 'reviewWindow' });
    expect(scoringProblem(call, at('2027-06-09T15:00:00Z'))).toBeNull();
    expect(scoringProblem(call, at('2027-06-30T14:59:59Z'))).toBeNull();
    expect(scoringProblem(call, at('2027-06-30T15:00:00Z'))).toMatchObject({ status: 409 });
    expect(scoringProblem({ ...call, status: 'announced' }, at('2027-06-20T00:00:00Z'))).toMatchObject({ status: 409, field: 'status' });
  });

  it('lets the ministry assign until the review ends, and decide from its start until the announcement', () => {
    expect(assigningProblem(call, at('2027-05-01T00:00:00Z'))).toBeNull();
    expect(assigningProblem(call, at('2027-07-01T00:00:00Z'))).toMatchObject({ status: 409 });
    expect(decidingProblem(call, at('2027-06-01T00:00:00Z'))).toMatchObject({ status: 409, field: 'reviewWindow' });
    expect(decidingProblem(call, at('2027-07-15T00:00:00Z'))).toBeNull();
    expect(decidingProblem({ ...call, status: 'announced' }, at('2027-07-15T00:00:00Z'))).toMatchObject({ field: 'status' });
  });

  it('takes scores from 0 to the item’s points in half points', () => {
    expect([0, 0.5, 7.5, 10].every((s) => scoreAllowed(s, 10))).toBe(true);
    expect([-0.5, 10.5, 7.3].some((s) => scoreAllowed(s, 10))).toBe(false);
  });
});
