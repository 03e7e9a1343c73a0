import { describe, expect, it } from 'vitest';
import { halfWidth95, meanInterval } from './interval.ts';

describe('the 95% t-interval of a mean', () => {
  it('matches a hand-worked interval of five answers', () => {
    // 1,2,3,4,5: mean 3, s² = (4+1+0+1+4)/4 = 2.5, s = 1.5811, se = s/√5 = 0.70711; t(0.975, 4) = 2.77645 → ±1.96324.
    expect(halfWidth95(5, Math.sqrt(2.5))).toBeCloseTo(1.96324, 4);
    expect(meanInterval({ n: 5, mean: 3, sd: Math.sqrt(2.5) })).toEqual({ n: 5, mean: 3, low: 1.04, high: 4.96 });
  });

  it('matches a hand-worked interval at the 30 answers a city needs', () => {
    // n = 30, mean 3.9, s = 0.8: se = 0.8/√30 = 0.146059; t(0.975, 29) = 2.04523 → ±0.298724: 3.601 … 4.199.
    expect(halfWidth95(30, 0.8)).toBeCloseTo(0.298724, 5);
    expect(meanInterval({ n: 30, mean: 3.9, sd: 0.8 })).toEqual({ n: 30, mean: 3.9, low: 3.6, high: 4.2 });
  });

  it('uses t with n − 1 degrees of freedom, not the normal 1.96', () => {
    // Two answers, 2 and 4: s = √2, se = 1; t(0.975, 1) = 12.7062 (the normal would give 1.96).
    expect(halfWidth95(2, Math.SQRT2)).toBeCloseTo(12.7062, 3);
    // Many answers: t approaches 1.96 (t(0.975, 999) = 1.96234).
    expect(halfWidth95(1000, Math.sqrt(1000))).toBeCloseTo(1.96234, 4);
  });

  it('gives no interval for a single answer, and a zero-width one when everyone agrees', () => {
    expect(meanInterval({ n: 1, mean: 4, sd: null })).toEqual({ n: 1, mean: 4, low: null, high: null });
    expect(meanInterval({ n: 40, mean: 5, sd: 0 })).toEqual({ n: 40, mean: 5, low: 5, high: 5 });
  });
});
