/**
 * Borich's weighted need and the Locus for Focus quadrants on a hand-worked example: three respondents rate four
 * items (current, required). Worked by hand:
 *   A (2,5) (3,4) (1,4): Σcurrent 6, Σrequired 13, Σgap 7 → mean required 13/3, mean gap 7/3, Borich 7·(13/3)/3 = 91/9
 *   B (4,4) (3,5) (4,3): 11, 12, 1 → 4, 1/3, Borich 1·4/3 = 4/3
 *   C (1,2) (2,3) (1,2): 4, 7, 3 → 7/3, 1, Borich 3·(7/3)/3 = 7/3
 *   D (1,3) (1,3) (2,3): 4, 9, 5 → 3, 5/3, Borich 5·3/3 = 5
 * Split lines: mean required (13/3 + 4 + 7/3 + 3)/4 = 41/12, mean gap (7/3 + 1/3 + 1 + 5/3)/4 = 4/3.
 * A: 13/3 ≥ 41/12, 7/3 ≥ 4/3 → HH; B: 4 ≥ 41/12, 1/3 < 4/3 → HL; C: both below → LL; D: 3 < 41/12, 5/3 ≥ 4/3 → LH.
 * Ranks: A 1, D 2, C 3, B 4.
 */
import { describe, expect, it } from 'vitest';
import { borich, locusForFocus, rankByBorich } from './needs.ts';

const answers = {
  A: [[2, 5], [3, 4], [1, 4]],
  B: [[4, 4], [3, 5], [4, 3]],
  C: [[1, 2], [2, 3], [1, 2]],
  D: [[1, 3], [1, 3], [2, 3]],
} as const;

const sums = (pairs: readonly (readonly [number, number])[]) => ({
  n: pairs.length, currentSum: pairs.reduce((t, [c]) => t + c, 0), requiredSum: pairs.reduce((t, [, r]) => t + r, 0),
});

describe('Borich and Locus for Focus', () => {
  const items = Object.entries(answers).map(([code, pairs]) => ({ code, ...borich(sums(pairs)) }));

  it('weighs each item’s mean gap by its mean required level', () => {
    const byCode = Object.fromEntries(items.map((i) => [i.code, i]));
    expect(byCode.A!.borich).toBeCloseTo(91 / 9, 12);
    expect(byCode.B!.borich).toBeCloseTo(4 / 3, 12);
    expect(byCode.C!.borich).toBeCloseTo(7 / 3, 12);
    expect(byCode.D!.borich).toBeCloseTo(5, 12);
    expect(byCode.A).toMatchObject({ n: 3, meanCurrent: 2, meanRequired: 13 / 3, meanGap: 7 / 3 });
  });

  it('splits the chart at the items’ mean required level and mean gap', () => {
    const locus = locusForFocus(items);
    expect(locus.split!.meanRequired).toBeCloseTo(41 / 12, 12);
    expect(locus.split!.meanGap).toBeCloseTo(4 / 3, 12);
    expect(Object.fromEntries(locus.items.map((i) => [i.code, i.quadrant]))).toEqual({ A: 'HH', B: 'HL', C: 'LL', D: 'LH' });
    expect(locusForFocus([])).toEqual({ split: null, items: [] });
  });

  it('ranks by Borich value, largest first, equal values sharing a rank', () => {
    expect(rankByBorich(items).map((i) => [i.code, i.rank])).toEqual([['A', 1], ['D', 2], ['C', 3], ['B', 4]]);
    expect(rankByBorich([{ borich: 2 }, { borich: 3 }, { borich: 3 }]).map((i) => i.rank)).toEqual([1, 1, 3]);
  });
});
