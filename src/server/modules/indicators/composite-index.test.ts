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

  it('leaves a missing value out of that city’s area and renormalises the weights there', () => {
    // B has no travel value. By hand (min–max, equal weights):
    //   programs 10, 20, 40 → A 0, B 33.3, C 100; travel (A and C only) → A 100, C 0; startups → A 100, B 50, C 0.
    //   life: A 50, B 33.3 (programs alone), C 50 → index A 75, B 41.7, C 25.
    // Treating the gap as 0 would give B's life 16.7; filling it with the others' mean, 41.7; dropping travel for
    // everyone, A 0 and C 100; dropping B's life area, an index of 50.
    const gapped: IndexInput = {
      ...input,
      values: new Map([
        ['A', new Map([['programs', 10], ['travel', 2], ['startups', 4]])],
        ['B', new Map([['programs', 20], ['travel', null], ['startups', 2]])],
        ['C', new Map([['programs', 40], ['travel', 6], ['startups', 0]])],
      ]),
    };
    const scores = compositeScores(gapped, { normalisation: 'minmax', aggregation: 'linear' });
    expect(scores.get('B')!.areas.life).toBeCloseTo(100 / 3, 9);
    expect(scores.get('B')!.score).toBeCloseTo(125 / 3, 9);
    expect(scores.get('A')!.areas.life).toBeCloseTo(50, 9);
    expect(scores.get('C')!.areas.life).toBeCloseTo(50, 9);
    // Geometric: B's life is its programs value alone on 1–100 (1 + 99 · 1/3 = 34), not a root of it.
    expect(compositeScores(gapped, { normalisation: 'minmax', aggregation: 'geometric' }).get('B')!.areas.life).toBeCloseTo(34, 9);
  });

  // Rank intervals, on cities whose possible ranks follow from the data alone: D is better than everyone on every
  // indicator and E worse, so no normalisation, aggregation or weights can move them; A and B (the worked example's,
  // between D and E on every indicator) swap places when aggregation turns geometric (A 74.4 vs B 50 linear,
  // 47.6 vs 50.5 geometric), so each is second in some runs and third in others.
  const ranked: IndexInput = {
    ...input,
    cities: ['D', 'A', 'B', 'C', 'E'],
    values: new Map([
      ...input.values,
      ['D', new Map([['programs', 31], ['travel', 1.9], ['startups', 4.1]])],
      ['E', new Map([['programs', 9], ['travel', 6.1], ['startups', -0.1]])],
    ]),
  };
  const nominal = { normalisation: 'minmax', aggregation: 'linear' } as const;

  it('gives each city a rank interval that holds what the choices can do to it', () => {
    const result = uncertainty(ranked, nominal, { runs: 500, seed: 1, weightSpread: 0.5 });
    expect(result.intervals.get('D')).toEqual({ nominal: 1, median: 1, p5: 1, p95: 1 });
    expect(result.intervals.get('E')).toEqual({ nominal: 5, median: 5, p5: 5, p95: 5 });
    expect(result.intervals.get('A')).toMatchObject({ nominal: 2, p5: 2, p95: 3 });
    expect(result.intervals.get('B')).toMatchObject({ nominal: 3, p5: 2, p95: 3 });
    // Deterministic for a seed.
    expect(uncertainty(ranked, nominal, { runs: 500, seed: 1, weightSpread: 0.5 }).intervals).toEqual(result.intervals);
  });

  it('says how far each choice alone moves the ranks', () => {
    const { sensitivity } = uncertainty(ranked, nominal, { runs: 500, seed: 1, weightSpread: 0.5 });
    // Geometric aggregation swaps A and B (one place each) and moves nobody else: 2 places over 5 cities.
    expect(sensitivity.aggregation).toBeCloseTo(2 / 5, 9);
    // z-scores keep the linear order (D 1.15, A 0.55, B 0, C −0.55, E −1.15).
    expect(sensitivity.normalisation).toBe(0);
  });
});
