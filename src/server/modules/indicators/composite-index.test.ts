import { describe, expect, it } from 'vitest';
import { compositeScores, normalise, ranksOf, uncertainty, type IndexInput } from './composite-index.ts';

// A worked example, computed by hand.
// Three cities, two areas; area "life" has two indicators (programs per 10k: more is better; travel km: less
// is better), area "economy" one (start-up programs).
//              programs  travel  startups
//   A             10        2        4
//   B             20        4        2
//   C             30        6        0
// Min–max (0–100):   programs A 0, B 50, C 100; travel (reversed) A 100, B 50, C 0; startups A 100, B 50, C 0.
// Linear, equal weights: life = mean(programs, travel) → A 50, B 50, C 50; economy → A 100, B 50, C 0.
// Index = mean(life, economy) → A 75, B 50, C 25. Ranks A 1, B 2, C 3.
const input: IndexInput = {
  cities: ['A', 'B', 'C'],
  indicators: [
    { id: 'programs', area: 'life', direction: 1 },
    { id: 'travel', area: 'life', direction: -1 },
    { id: 'startups', area: 'economy', direction: 1 },
  ],
  values: new Map([
    ['A', new Map([['programs', 10], ['travel', 2], ['startups', 4]])],
    ['B', new Map([['programs', 20], ['travel', 4], ['startups', 2]])],
    ['C', new Map([['programs', 30], ['travel', 6], ['startups', 0]])],
  ]),
  areaWeights: { life: 1, economy: 1 },
};

describe('the composite index (OECD/JRC)', () => {
  it('normalises by min–max and z-score, turning around indicators where less is better', () => {
    expect(normalise([10, 20, 30], 'minmax', 1)).toEqual([0, 50, 100]);
    expect(normalise([2, 4, 6], 'minmax', -1)).toEqual([100, 50, 0]);
    const z = normalise([10, 20, 30], 'zscore', 1) as number[];
    expect(z[0]).toBeCloseTo(-1.2247, 4);
    expect(z[1]).toBe(0);
    expect(normalise([5, 5], 'minmax', 1)).toEqual([50, 50]);
    expect(normalise([5, null, 7], 'minmax', 1)).toEqual([0, null, 100]);
  });

  it('matches the worked example (min–max, linear, equal weights)', () => {
    const scores = compositeScores(input, { normalisation: 'minmax', aggregation: 'linear' });
    expect(scores.get('A')).toEqual({ score: 75, areas: { life: 50, economy: 100 } });
    expect(scores.get('B')).toEqual({ score: 50, areas: { life: 50, economy: 50 } });
    expect(scores.get('C')).toEqual({ score: 25, areas: { life: 50, economy: 0 } });
    expect([...ranksOf(scores)]).toEqual([['A', 1], ['B', 2], ['C', 3]]);
  });

  it('aggregates geometrically on 1–100, rewarding balance over extremes', () => {
    const scores = compositeScores(input, { normalisation: 'minmax', aggregation: 'geometric' });
    // C: life = sqrt(100 · 1) = 10, economy = 1 → index sqrt(10 · 1) ≈ 3.16 (linear gave C 25).
    expect(scores.get('C')!.areas.life).toBeCloseTo(10, 6);
    expect(scores.get('C')!.score).toBeCloseTo(Math.sqrt(10), 6);
    // A is worst on programs and best on travel: life = sqrt(1 · 100) = 10, index sqrt(10 · 100) ≈ 31.6.
    // B is middling everywhere (50.5): geometric aggregation ranks the balanced B above A (linear had A first).
    expect(scores.get('A')!.score).toBeCloseTo(Math.sqrt(1000), 6);
    expect(scores.get('B')!.score).toBeCloseTo(50.5, 6);
  });

  it('follows the weights: an economy-only index ranks by start-ups', () => {
    const scores = compositeScores(input, { normalisation: 'minmax', aggregation: 'linear' }, { areas: { life: 0, economy: 1 }, indicators: {} });
    expect(scores.get('A')!.score).toBe(100);
    expect(scores.get('C')!.score).toBe(0);
  });

  it('leaves a missing value out and renormalises the weights', () => {
    const withGap: IndexInput = { ...input, values: new Map([...input.values].map(([c, v]) => [c, c === 'B' ? new Map([...v, ['travel', null]]) : v])) };
    const scores = compositeScores(withGap, { normalisation: 'minmax', aggregation: 'linear' });
    // B's life area is programs only (50): unchanged here by construction; A and C keep both indicators.
    expect(scores.get('B')!.areas.life).toBe(50);
  });

  it('gives each city a rank interval under uncertainty, and says which choice moves ranks most', () => {
    const result = uncertainty(input, { normalisation: 'minmax', aggregation: 'linear' }, { runs: 500, seed: 1, weightSpread: 0.5 });
    const a = result.intervals.get('A')!;
    expect(a.nominal).toBe(1);
    expect(a.p5).toBeLessThanOrEqual(a.median);
    expect(a.median).toBeLessThanOrEqual(a.p95);
    expect(result.intervals.get('C')!.median).toBe(3);
    expect(result.sensitivity.weights).toBeGreaterThanOrEqual(0);
    // Deterministic for a seed.
    expect(uncertainty(input, { normalisation: 'minmax', aggregation: 'linear' }, { runs: 500, seed: 1, weightSpread: 0.5 }).intervals).toEqual(result.intervals);
  });
});
