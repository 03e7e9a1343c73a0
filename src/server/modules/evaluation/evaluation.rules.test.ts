import { describe, expect, it } from 'vitest';
import type { FrameContent, FrameItem } from '../../../shared/contracts/evaluation.ts';
import { defaultFrame } from './evaluation.default-frame.ts';
import {
  cohortRanks, excellentPlaces, frameProblems, itemsOf, outcomes, rankShare, ranksForCohort, reviewerItemScore, scoreCity, scoreValue,
  thresholdShare, type CityInputs,
} from './evaluation.rules.ts';

const steps = [{ from: 10, share: 0.4 }, { from: 20, share: 0.7 }, { from: 40, share: 1 }];
const bands = [{ top: 0.1, share: 1 }, { top: 0.3, share: 0.8 }, { top: 1, share: 0.2 }];

describe('thresholds', () => {
  it('gives the share of the highest step reached, none below the lowest', () => {
    expect(thresholdShare(9.99, steps)).toBe(0);
    expect(thresholdShare(10, steps)).toBe(0.4);
    expect(thresholdShare(39.9, steps)).toBe(0.7);
    expect(thresholdShare(40, steps)).toBe(1);
    expect(thresholdShare(1000, steps)).toBe(1);
  });
  it('reads the steps as "at most" where less is better', () => {
    const less = [{ from: 5, share: 1 }, { from: 10, share: 0.5 }];
    expect(thresholdShare(4, less, -1)).toBe(1);
    expect(thresholdShare(7, less, -1)).toBe(0.5);
    expect(thresholdShare(11, less, -1)).toBe(0);
  });
  it('scores 5 points at 70% as 3.5 with the step in its reason', () => {
    const scored = scoreValue({ points: 5, rule: { kind: 'thresholds', steps } }, 25, 1, { rank: undefined, of: 0 });
    expect(scored.score).toBe(3.5);
    expect(scored.reason.en).toContain('step 20');
  });
  it('scores a missing value 0 and says why', () => {
    const scored = scoreValue({ points: 5, rule: { kind: 'thresholds', steps } }, null, 1, { rank: undefined, of: 0 });
    expect(scored.score).toBe(0);
    expect(scored.reason.en).toContain('No value');
  });
});

describe('rank within the cohort', () => {
  it('ranks best first, ties share a rank and the next skips, no value no rank', () => {
    const ranks = cohortRanks(new Map([['a', 3], ['b', 7], ['c', 7], ['d', null], ['e', 1]]));
    expect(Object.fromEntries(ranks)).toEqual({ b: 1, c: 1, a: 3, e: 4 });
  });
  it('ranks the other way round where less is better', () => {
    expect(Object.fromEntries(cohortRanks(new Map([['a', 3], ['b', 7]]), -1))).toEqual({ a: 1, b: 2 });
  });
  it('puts rank r of n in the first band whose top share holds it (10 cities: 1 → top 10%, 2–3 → 30%)', () => {
    expect(rankShare(1, 10, bands)).toBe(1);
    expect(rankShare(2, 10, bands)).toBe(0.8);
    expect(rankShare(3, 10, bands)).toBe(0.8);
    expect(rankShare(4, 10, bands)).toBe(0.2);
    // 70 cities: the top 10% are ranks 1–7.
    expect(rankShare(7, 70, bands)).toBe(1);
    expect(rankShare(8, 70, bands)).toBe(0.8);
  });
  it('gives nothing beyond every band', () => {
    expect(rankShare(10, 10, [{ top: 0.5, share: 1 }])).toBe(0);
  });
});

describe('reviewer items', () => {
  it('is the mean of the submitted scores, null before any', () => {
    expect(reviewerItemScore([])).toBeNull();
    expect(reviewerItemScore([4, 3.5, 3])).toBe(3.5);
    expect(reviewerItemScore([4, 4.5, 3])).toBe(3.83);
  });
});

describe('the frame', () => {
  it('seeds 2025’s three areas, ten fields, twenty items and 100 points, with no problem', () => {
    expect(defaultFrame.areas.map((a) => a.titleEn)).toEqual(['Governance system', 'Operations', 'Outcomes']);
    expect(defaultFrame.areas.flatMap((a) => a.fields)).toHaveLength(10);
    expect(itemsOf(defaultFrame)).toHaveLength(20);
    expect(frameProblems(defaultFrame)).toEqual([]);
  });
  it('finds points that do not add to 100, a code used twice, an indicator item without its indicator or rule, steps out of order', () => {
    const broken: FrameContent = structuredClone(defaultFrame);
    const items = broken.areas[0]!.fields[0]!.items;
    items[1]!.code = items[0]!.code;
    delete items[0]!.indicatorId;
    delete items[1]!.rule;
    broken.areas[1]!.fields[1]!.items[0]!.rule = { kind: 'thresholds', steps: [{ from: 50, share: 1 }, { from: 20, share: 0.5 }] };
    broken.areas[2]!.fields[0]!.items[0]!.points = 4;
    const fields = frameProblems(broken).map((p) => p.field);
    expect(fields).toEqual([
      'areas.0.fields.0.items.0.indicatorId', 'areas.0.fields.0.items.1.code', 'areas.0.fields.0.items.1.rule',
      'areas.1.fields.1.items.0.rule.steps', 'areas', 
    ]);
    expect(frameProblems(broken).at(-1)!.en).toContain('now 99');
  });
});

/** A frame of three items in two areas: an indicator by thresholds (40), one by rank (30), a judgement (20), a survey (10). */
const small: FrameContent = {
  titleKo: '작은 틀', titleEn: 'Small frame', deferredBelow: 60, excellentShare: 0.1, objectionDays: 7,
  areas: [
    {
      titleKo: '가', titleEn: 'A',
      fields: [{
        titleKo: '가1', titleEn: 'A1', items: [
          { code: 'a', titleKo: 'a', titleEn: 'a', guidanceKo: '', guidanceEn: '', points: 40, source: 'indicator', indicatorId: 'participation_rate', rule: { kind: 'thresholds', steps } },
          { code: 'b', titleKo: 'b', titleEn: 'b', guidanceKo: '', guidanceEn: '', points: 30, source: 'indicator', indicatorId: 'programs_per_10k', rule: { kind: 'rank', bands } },
        ],
      }],
    },
    {
      titleKo: '나', titleEn: 'B',
      fields: [{
        titleKo: '나1', titleEn: 'B1', items: [
          { code: 'c', titleKo: 'c', titleEn: 'c', guidanceKo: '', guidanceEn: '', points: 20, source: 'judgement' },
          { code: 'd', titleKo: 'd', titleEn: 'd', guidanceKo: '', guidanceEn: '', points: 10, source: 'survey', rule: { kind: 'thresholds', steps: [{ from: 3, share: 0.5 }, { from: 4, share: 1 }] } },
        ] satisfies FrameItem[],
      }],
    },
  ],
};

const inputs = (participation: number | null, programs: number | null, judgement: number[], survey: number | null = null): CityInputs => ({
  indicatorValues: new Map([
    ['participation_rate', { value: participation, computedAt: '2026-01-02 03:04:05+00' }],
    ['programs_per_10k', { value: programs, computedAt: '2026-01-02 03:04:05+00' }],
  ]),
  surveyMeans: survey === null ? null : new Map([['d', survey]]),
  reviewerScores: new Map([['c', judgement]]),
  reviewersAssigned: 2,
});

describe("a city's score", () => {
  // Ten cities' programs: x has the most (rank 1 of 10 → 100%), y the third most (→ 80%).
  const cohort = new Map<string, CityInputs>([
    ['x', inputs(45, 10, [18, 19])],
    ['y', inputs(15, 8, [10])],
    ...Array.from({ length: 8 }, (_, i) => [`z${i}`, inputs(0, i === 0 ? 9 : 1, [])] as [string, CityInputs]),
  ]);
  const ranks = ranksForCohort(small, cohort);

  it('adds items into areas and a total (hand-worked: x = 40 + 30 + 18.5 = 88.5, the survey not scored yet)', () => {
    const x = scoreCity(small, 'x', cohort.get('x')!, ranks);
    expect(x.items.map((i) => [i.code, i.state, i.score])).toEqual([
      ['a', 'scored', 40], ['b', 'scored', 30], ['c', 'scored', 18.5], ['d', 'not_scored_yet', null],
    ]);
    expect(x.areas.map((a) => [a.points, a.score])).toEqual([[70, 70], [30, 18.5]]);
    expect(x.total).toBe(88.5);
    expect(x.complete).toBe(false);
    expect(x.items[0]!.valueAt).toBe('2026-01-02 03:04:05+00');
  });
  it('y: 40 × 0.4 + 30 × 0.8 + 10 = 50', () => {
    const y = scoreCity(small, 'y', cohort.get('y')!, ranks);
    expect(y.items[1]!).toMatchObject({ rank: 3, of: 10, score: 24 });
    expect(y.total).toBe(50);
  });
  it('waits for reviewers while none has submitted', () => {
    const z = scoreCity(small, 'z0', cohort.get('z0')!, ranks);
    expect(z.items[2]).toMatchObject({ state: 'awaiting_reviewers', score: null });
  });
  it('scores the survey once its means are given (wired), by its thresholds', () => {
    const wired = scoreCity(small, 'x', inputs(45, 10, [18, 19], 3.6), ranks);
    expect(wired.items[3]).toMatchObject({ state: 'scored', score: 5, value: 3.6 });
    expect(wired.complete).toBe(true);
    expect(wired.total).toBe(93.5);
  });
});

describe('outcomes', () => {
  it('makes the top tenth (rounded up) excellent, below 60 deferred, deferred again revoked', () => {
    const cities = [
      { cityCode: 'a', total: 91, stateBefore: 'designated' as const },
      { cityCode: 'b', total: 85, stateBefore: 'redesignated' as const },
      { cityCode: 'c', total: 59.99, stateBefore: 'designated' as const },
      { cityCode: 'd', total: 40, stateBefore: 'deferred' as const },
      { cityCode: 'e', total: 60, stateBefore: 'deferred' as const },
    ];
    const result = outcomes(cities, { deferredBelow: 60, excellentShare: 0.1 });
    expect(Object.fromEntries([...result].map(([c, r]) => [c, r.outcome]))).toEqual({
      a: 'excellent', b: 'redesignated', c: 'deferred', d: 'revoked', e: 'redesignated',
    });
    expect(result.get('c')!.rank).toBe(4);
  });
  it('counts excellent places from the cohort size: 70 → 7, 5 → 1, 0% → none', () => {
    expect(excellentPlaces(70, 0.1)).toBe(7);
    expect(excellentPlaces(71, 0.1)).toBe(8);
    expect(excellentPlaces(5, 0.1)).toBe(1);
    expect(excellentPlaces(5, 0)).toBe(0);
  });
  it('never makes a failing city excellent, even at the top', () => {
    const result = outcomes([{ cityCode: 'a', total: 50, stateBefore: 'designated' }], { deferredBelow: 60, excellentShare: 0.1 });
    expect(result.get('a')!.outcome).toBe('deferred');
  });
  it('keeps ties at the cut together', () => {
    const result = outcomes([
      { cityCode: 'a', total: 80, stateBefore: 'designated' }, { cityCode: 'b', total: 80, stateBefore: 'designated' },
      ...Array.from({ length: 8 }, (_, i) => ({ cityCode: `z${i}`, total: 70, stateBefore: 'designated' as const })),
    ], { deferredBelow: 60, excellentShare: 0.1 });
    expect(result.get('a')!.outcome).toBe('excellent');
    expect(result.get('b')!.outcome).toBe('excellent');
    expect(result.get('z0')!.outcome).toBe('redesignated');
  });
});
