import { describe, expect, it } from 'vitest';
import { haversineKm, shareBeyondWalk, twoStepFca, weightedGini, type DemandPoint, type SupplyPoint } from './two-step-fca.ts';

// A hand-computed case on a line of longitude near 37.5°N: 0.01° of latitude ≈ 1.112 km.
//   dongs:  A (0 km, 1,000 people), B (1.112 km, 2,000), C (4.448 km, 1,000)
//   venues: X at A (30 seats), Y at C (10 seats); catchment 2 km.
// Step 1: X reaches A and B → R_X = 30 / 3,000 = 0.01; Y reaches only C → R_Y = 10 / 1,000 = 0.01.
// Step 2: A reaches X → 0.01; B reaches X (1.112 km) → 0.01; C reaches Y → 0.01. Equal access: Gini 0.
// With 60 seats at X instead: R_X = 0.02, so A and B have 0.02 and C 0.01 (per person).
const base = 37.5;
const dongs: DemandPoint[] = [
  { id: 'A', lat: base, lon: 127, population: 1000 },
  { id: 'B', lat: base + 0.01, lon: 127, population: 2000 },
  { id: 'C', lat: base + 0.04, lon: 127, population: 1000 },
];

describe('two-step floating catchment area', () => {
  it('matches the hand-computed case', () => {
    const venues: SupplyPoint[] = [{ id: 1, lat: base, lon: 127, seats: 30 }, { id: 2, lat: base + 0.04, lon: 127, seats: 10 }];
    const { perThousand, nearestKm } = twoStepFca(dongs, venues, 2);
    expect(perThousand.get('A')).toBeCloseTo(10, 6);
    expect(perThousand.get('B')).toBeCloseTo(10, 6);
    expect(perThousand.get('C')).toBeCloseTo(10, 6);
    expect(nearestKm.get('B')).toBeCloseTo(1.112, 2);
  });

  it('gives more access where more seats reach fewer people', () => {
    const venues: SupplyPoint[] = [{ id: 1, lat: base, lon: 127, seats: 60 }, { id: 2, lat: base + 0.04, lon: 127, seats: 10 }];
    const { perThousand } = twoStepFca(dongs, venues, 2);
    expect(perThousand.get('A')).toBeCloseTo(20, 6);
    expect(perThousand.get('B')).toBeCloseTo(20, 6);
    expect(perThousand.get('C')).toBeCloseTo(10, 6);
    // Population-weighted Gini of (20, 20, 10) with weights (1, 2, 1): mean 17.5; Σ w_i w_j |a_i − a_j| / (2 W² μ)
    // = 2 · (1·1·10 + 2·1·10) / (2 · 16 · 17.5) = 60 / 560.
    const gini = weightedGini(dongs.map((d) => ({ value: perThousand.get(d.id)!, weight: d.population })));
    expect(gini).toBeCloseTo(60 / 560, 6);
  });

  it('counts residents beyond walking distance of any venue', () => {
    const venues: SupplyPoint[] = [{ id: 1, lat: base, lon: 127, seats: 30 }];
    const { perThousand, nearestKm } = twoStepFca(dongs, venues, 2);
    expect(perThousand.get('C')).toBe(0);
    expect(shareBeyondWalk(dongs, nearestKm, 1)).toBeCloseTo(3000 / 4000, 6);
  });

  it('weighs nearer seats more with distance bands (E2SFCA)', () => {
    const venues: SupplyPoint[] = [{ id: 1, lat: base, lon: 127, seats: 30 }];
    const { perThousand } = twoStepFca(dongs, venues, 2, [[0.5, 1], [2, 0.5]]);
    // R = 30 / (1000·1 + 2000·0.5) = 0.015; A gets 0.015, B 0.0075.
    expect(perThousand.get('A')).toBeCloseTo(15, 6);
    expect(perThousand.get('B')).toBeCloseTo(7.5, 6);
  });

  it('measures distances on the globe', () => {
    expect(haversineKm(37.5665, 126.978, 35.1796, 129.0756)).toBeCloseTo(325, -1); // Seoul–Busan ≈ 325 km
  });

  it('gives 0 inequality when all are equal', () => {
    expect(weightedGini([{ value: 5, weight: 10 }, { value: 5, weight: 30 }])).toBe(0);
  });
});
