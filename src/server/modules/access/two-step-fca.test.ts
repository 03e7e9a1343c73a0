import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../../shared/lib/geo.ts';
import {
  beyondWalkShares, nearestKm, theilT, twoStepFca, weightedGini, weightedMean, type DemandPoint, type SupplyPoint,
} from './two-step-fca.ts';

// Hand-computed cases on a line of longitude near 37.5°N: 0.01° of latitude ≈ 1.112 km.
const base = 37.5;
const lon = 127;

describe('two-step floating catchment area', () => {
  // 2 venues × 3 dongs with overlapping catchments (1.5 km):
  //   dongs:  A (0 km, 1,000 people), B (1.112 km, 2,000), C (2.224 km, 1,000)
  //   venues: X at A (30 seats), Y at C (12 seats)
  // Step 1: X reaches A (0 km) and B (1.112 km), not C (2.224 km): R_X = 30 / (1,000 + 2,000) = 0.01
  //         Y reaches C (0 km) and B (1.112 km), not A:           R_Y = 12 / (1,000 + 2,000) = 0.004
  // Step 2: A reaches X only: A_A = 0.01           → 10 seats per 1,000 residents
  //         B reaches both:   A_B = 0.01 + 0.004   → 14
  //         C reaches Y only: A_C = 0.004          →  4
  // Every seat is counted once: Σ P_i·A_i = 1,000·0.01 + 2,000·0.014 + 1,000·0.004 = 10 + 28 + 4 = 42 = 30 + 12.
  const overlapping: DemandPoint[] = [
    { id: 'A', lat: base, lon, population: 1000 },
    { id: 'B', lat: base + 0.01, lon, population: 2000 },
    { id: 'C', lat: base + 0.02, lon, population: 1000 },
  ];
  const xy: SupplyPoint[] = [{ lat: base, lon, seats: 30 }, { lat: base + 0.02, lon, seats: 12 }];

  it('matches the hand-computed case with overlapping catchments', () => {
    const { perThousand, ratio } = twoStepFca(overlapping, xy, 1.5);
    expect(ratio[0]).toBeCloseTo(0.01, 12);
    expect(ratio[1]).toBeCloseTo(0.004, 12);
    expect(perThousand.get('A')).toBeCloseTo(10, 9);
    expect(perThousand.get('B')).toBeCloseTo(14, 9);
    expect(perThousand.get('C')).toBeCloseTo(4, 9);
    const seatsCounted = overlapping.reduce((sum, d) => sum + (d.population * perThousand.get(d.id)!) / 1000, 0);
    expect(seatsCounted).toBeCloseTo(42, 9);
  });

  it('measures inequality of the hand-computed case', () => {
    const { perThousand } = twoStepFca(overlapping, xy, 1.5);
    const values = overlapping.map((d) => ({ value: perThousand.get(d.id)!, weight: d.population / 1000 }));
    // Weights (1, 2, 1), values (10, 14, 4): W = 4, mean μ = 42 / 4 = 10.5.
    expect(weightedMean(values)).toBeCloseTo(10.5, 9);
    // Gini = Σ_i Σ_j w_i w_j |a_i − a_j| / (2 W² μ); unordered pairs A–B 1·2·4 = 8, A–C 1·1·6 = 6, B–C 2·1·10 = 20,
    // so Σ over ordered pairs = 2·34 = 68 and G = 68 / (2 · 16 · 10.5) = 68 / 336 = 17 / 84 ≈ 0.2024.
    expect(weightedGini(values)).toBeCloseTo(17 / 84, 9);
    // Theil T = (1/W) Σ w_i (a_i/μ) ln(a_i/μ)
    //         = ¼ [ (10/10.5)·ln(10/10.5) + 2·(14/10.5)·ln(14/10.5) + (4/10.5)·ln(4/10.5) ]
    //         = ¼ [ 0.95238·(−0.04879) + 2·1.33333·0.28768 + 0.38095·(−0.96508) ]
    //         = ¼ [ −0.04647 + 0.76715 − 0.36765 ] = ¼ · 0.35303 ≈ 0.08826
    expect(theilT(values)).toBeCloseTo(0.08826, 4);
  });

  // Without overlap: A (0 km, 1,000), B (1.112 km, 2,000), C (4.448 km, 1,000); catchment 2 km.
  const apart: DemandPoint[] = [
    { id: 'A', lat: base, lon, population: 1000 },
    { id: 'B', lat: base + 0.01, lon, population: 2000 },
    { id: 'C', lat: base + 0.04, lon, population: 1000 },
  ];

  it('gives more access where more seats reach fewer people', () => {
    // X at A (60 seats) reaches A and B: R_X = 60 / 3,000 = 0.02; Y at C (10 seats) reaches C: R_Y = 10 / 1,000 = 0.01.
    const venues: SupplyPoint[] = [{ lat: base, lon, seats: 60 }, { lat: base + 0.04, lon, seats: 10 }];
    const { perThousand } = twoStepFca(apart, venues, 2);
    expect(perThousand.get('A')).toBeCloseTo(20, 6);
    expect(perThousand.get('B')).toBeCloseTo(20, 6);
    expect(perThousand.get('C')).toBeCloseTo(10, 6);
    // Weights (1, 2, 1), values (20, 20, 10): mean 17.5; Σ w_i w_j |a_i − a_j| / (2 W² μ)
    // = 2 · (1·1·10 + 2·1·10) / (2 · 16 · 17.5) = 60 / 560.
    const gini = weightedGini(apart.map((d) => ({ value: perThousand.get(d.id)!, weight: d.population })));
    expect(gini).toBeCloseTo(60 / 560, 6);
  });

  it('weighs nearer seats more with distance bands (E2SFCA)', () => {
    const venues: SupplyPoint[] = [{ lat: base, lon, seats: 30 }];
    const { perThousand } = twoStepFca(apart, venues, 2, [[0.5, 1], [2, 0.5]]);
    // R = 30 / (1000·1 + 2000·0.5) = 0.015; A gets 0.015, B 0.0075.
    expect(perThousand.get('A')).toBeCloseTo(15, 6);
    expect(perThousand.get('B')).toBeCloseTo(7.5, 6);
  });

  it('leaves dongs beyond every catchment with no access, and venues without residents with no ratio', () => {
    const venues: SupplyPoint[] = [{ lat: base, lon, seats: 30 }, { lat: base + 0.5, lon, seats: 30 }];
    const { perThousand, ratio } = twoStepFca(apart, venues, 2);
    expect(perThousand.get('C')).toBe(0);
    expect(ratio[1]).toBe(0);
  });

  it('finds the same access and nearest venues as measuring every pair, up to the northern border', () => {
    // Points within about 30 km of a place anywhere from Jeju to the northern border.
    const offset = fc.record({ lat: fc.double({ min: 0, max: 0.3, noNaN: true }), lon: fc.double({ min: 0, max: 0.3, noNaN: true }) });
    fc.assert(fc.property(
      fc.double({ min: 33, max: 38.3, noNaN: true }), fc.array(offset, { minLength: 1, maxLength: 40 }), fc.array(offset, { minLength: 1, maxLength: 40 }),
      fc.double({ min: 0.5, max: 20, noNaN: true }),
      (south, dongPlaces, venuePlaces, catchment) => {
        const demand = dongPlaces.map((p, i) => ({ lat: south + p.lat, lon: lon + p.lon, id: `d${i}`, population: 100 + i }));
        const supply = venuePlaces.map((p, i) => ({ lat: south + p.lat, lon: lon + p.lon, seats: 10 + i }));
        const { perThousand } = twoStepFca(demand, supply, catchment);
        const nearest = nearestKm(demand, supply, 50);
        for (const dong of demand) {
          let access = 0;
          for (const venue of supply) {
            if (haversineKm(dong.lat, dong.lon, venue.lat, venue.lon) > catchment) continue;
            const reached = demand.filter((d) => haversineKm(d.lat, d.lon, venue.lat, venue.lon) <= catchment).reduce((s, d) => s + d.population, 0);
            access += venue.seats / reached;
          }
          expect(perThousand.get(dong.id)).toBeCloseTo(access * 1000, 6);
          const closest = Math.min(...supply.map((v) => haversineKm(dong.lat, dong.lon, v.lat, v.lon)));
          expect(nearest.get(dong.id)).toBe(closest <= 50 ? closest : Infinity);
        }
      },
    ), { numRuns: 200 });
  });
});

describe('residents beyond walking distance', () => {
  it('counts a dong drawn as a point wholly in or out', () => {
    const dongs: DemandPoint[] = [
      { id: 'A', lat: base, lon, population: 1000 },
      { id: 'B', lat: base + 0.01, lon, population: 2000 }, // 1.112 km from the venue
    ];
    const shares = beyondWalkShares(dongs, [{ lat: base, lon, seats: 30 }], 1);
    expect(shares.get('A')).toBe(0);
    expect(shares.get('B')).toBe(1);
  });

  it('spreads residents over the dong: a venue at the centre of a 2 km disc is within 1 km of a quarter of it', () => {
    // The disc within 1 km of the centre has (1/2)² of the area: ¾ of the residents are beyond walking distance.
    const dong: DemandPoint = { id: 'A', lat: base, lon, population: 1000, radiusKm: 2 };
    expect(beyondWalkShares([dong], [{ lat: base, lon, seats: 30 }], 1).get('A')).toBe(0.75);
    expect(beyondWalkShares([dong], [{ lat: base, lon, seats: 30 }], 3).get('A')).toBe(0);
    expect(beyondWalkShares([dong], [], 1).get('A')).toBe(1);
  });

  it('gives nearest distances only within the limit', () => {
    const dongs: DemandPoint[] = [{ id: 'A', lat: base, lon, population: 1 }];
    const far: SupplyPoint[] = [{ lat: base + 0.1, lon, seats: 1 }]; // 11.12 km
    expect(nearestKm(dongs, far, 30).get('A')).toBeCloseTo(11.12, 1);
    expect(nearestKm(dongs, far, 10).get('A')).toBe(Infinity);
  });
});

describe('inequality', () => {
  it('gives 0 when all are equal', () => {
    const equal = [{ value: 5, weight: 10 }, { value: 5, weight: 30 }];
    expect(weightedGini(equal)).toBe(0);
    expect(theilT(equal)).toBeCloseTo(0, 12);
  });

  it('stays finite when some have no access at all', () => {
    // Half the people have 0, half have 2: μ = 1; T = ½·0 + ½·2·ln 2 = ln 2; Gini = 2·(1·1·2)/(2·4·1) = ½.
    const split = [{ value: 0, weight: 1 }, { value: 2, weight: 1 }];
    expect(theilT(split)).toBeCloseTo(Math.log(2), 12);
    expect(weightedGini(split)).toBeCloseTo(0.5, 12);
    expect(theilT([{ value: 0, weight: 1 }])).toBe(0);
  });
});
