import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, checkAdjustment, needScores, planWeights, priorityOf, rankCities } from './allocation.rules.ts';

describe('priority investment allocation', () => {
  it('ranks by the weighted mean of evaluation and need (worked by hand at 40% / 60%)', () => {
    const weights = { evaluation: 40, need: 60 };
    // A: 0.4·80 + 0.6·20 = 44; B: 0.4·50 + 0.6·70 = 62; C: 0.4·90 + 0.6·100 = 96.
    const ranked = rankCities([
      { cityCode: 'A', evaluation: 80, need: 20 }, { cityCode: 'B', evaluation: 50, need: 70 }, { cityCode: 'C', evaluation: 90, need: 100 },
    ], weights);
    expect(ranked.map((c) => [c.cityCode, c.priority, c.rank])).toEqual([['C', 96, 1], ['B', 62, 2], ['A', 44, 3]]);
    expect(priorityOf({ cityCode: 'D', evaluation: 71.23, need: 33.33 }, { evaluation: 50, need: 50 })).toBe(52.28);
  });

  it('breaks equal priorities by the greater need, then by city code', () => {
    const ranked = rankCities([
      { cityCode: 'Z', evaluation: 60, need: 40 }, { cityCode: 'Y', evaluation: 40, need: 60 }, { cityCode: 'X', evaluation: 40, need: 60 },
    ], { evaluation: 50, need: 50 });
    expect(ranked.map((c) => c.cityCode)).toEqual(['X', 'Y', 'Z']);
  });

  it('turns access into need: least served 100, best served 0, linear between; all alike 50', () => {
    expect(needScores(new Map([['A', 2], ['B', 6], ['C', 10]]))).toEqual(new Map([['A', 100], ['B', 50], ['C', 0]]));
    expect(needScores(new Map([['A', 3], ['B', 4]]))).toEqual(new Map([['A', 100], ['B', 0]]));
    expect(needScores(new Map([['A', 5], ['B', 5]]))).toEqual(new Map([['A', 50], ['B', 50]]));
  });

  it('shares in proportion and gives the won left over to the largest remainders', () => {
    // 100 × 3/6 = 50, × 2/6 = 33.33…, × 1/6 = 16.66…: 99 rounded down; the one left goes to the largest remainder (the third).
    expect(allocate([3, 2, 1], 100, 1000)).toEqual({ amounts: [50, 33, 17], unallocated: 0 });
    // Equal remainders and weights: the higher-ranked (earlier) city first.
    expect(allocate([1, 1, 1], 100, 100)).toEqual({ amounts: [34, 33, 33], unallocated: 0 });
    // Equal remainders, different weights: the larger weight first. 10 × 1/4 = 2.5, × 3/4 = 7.5.
    expect(allocate([1, 3], 10, 100)).toEqual({ amounts: [2, 8], unallocated: 0 });
  });

  it('never passes the cap: capped cities take the cap and the rest is shared again', () => {
    // 60 / 30 / 10 → the first capped at 40; 60 left over 3:1 → 45 / 15 → the second capped; the third takes the last 20.
    expect(allocate([6, 3, 1], 100, 40)).toEqual({ amounts: [40, 40, 20], unallocated: 0 });
    // Two cities cannot take more than 2 × 30: 40 won unallocated.
    expect(allocate([1, 1], 100, 30)).toEqual({ amounts: [30, 30], unallocated: 40 });
  });

  it('gives nothing to a city without weight, and everything is unallocated when no city has one', () => {
    expect(allocate([0, 5], 10, 100)).toEqual({ amounts: [0, 10], unallocated: 0 });
    expect(allocate([0, 0], 10, 100)).toEqual({ amounts: [0, 0], unallocated: 10 });
  });

  it('sums exactly to the budget in integer won whenever the caps allow, at national sizes', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 250 }),
      fc.integer({ min: 0, max: 1_000_000_000_000 }),
      fc.integer({ min: 1, max: 100_000_000_000 }),
      (weights, budget, cap) => {
        const { amounts, unallocated } = allocate(weights, budget, cap);
        const funded = weights.filter((w) => w > 0).length;
        expect(amounts.every((a) => Number.isInteger(a) && a >= 0 && a <= cap)).toBe(true);
        expect(amounts.reduce((s, a) => s + a, 0) + unallocated).toBe(budget);
        expect(unallocated).toBe(Math.max(0, funded === 0 ? budget : budget - funded * cap));
        weights.forEach((w, i) => { if (w === 0) expect(amounts[i]).toBe(0); });
      },
    ), { numRuns: 300 });
  });

  it('weighs each plan: the proposal by priority, equal shares alike, need only by need', () => {
    const ranked = rankCities([{ cityCode: 'A', evaluation: 80, need: 20.5 }, { cityCode: 'B', evaluation: 10, need: 90 }], { evaluation: 50, need: 50 });
    expect(planWeights(ranked)).toEqual({ proposed: [5025, 5000], equal: [1, 1], need_only: [2050, 9000] });
  });

  it('refuses adjustments above the cap, for cities not in the round, twice for one city, or past the budget', () => {
    const current = new Map([['A', 50], ['B', 30], ['C', 20]]);
    expect(checkAdjustment([{ cityCode: 'A', amount: 60 }, { cityCode: 'B', amount: 20 }], current, 60, 100)).toBeNull();
    expect(checkAdjustment([{ cityCode: 'B', amount: 61 }], current, 60, 200)).toEqual({ kind: 'above_cap', index: 0 });
    expect(checkAdjustment([{ cityCode: 'A', amount: 1 }, { cityCode: 'Q', amount: 1 }], current, 60, 100)).toEqual({ kind: 'unknown_city', index: 1 });
    expect(checkAdjustment([{ cityCode: 'A', amount: 1 }, { cityCode: 'A', amount: 2 }], current, 60, 100)).toEqual({ kind: 'repeated_city', index: 1 });
    expect(checkAdjustment([{ cityCode: 'C', amount: 21 }], current, 60, 100)).toEqual({ kind: 'above_budget', total: 101 });
  });
});
