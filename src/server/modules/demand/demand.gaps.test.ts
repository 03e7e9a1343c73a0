import { describe, expect, it } from 'vitest';
import { matchDemand, serves } from './demand.gaps.ts';
import type { DemandCell, SupplyProgram } from './demand.queries.ts';

// Three dongs on a line: A at 0 km, B 1.1 km east of A, C 5.5 km east of A (0.01° of longitude ≈ 0.9 km here).
const dongs = new Map([
  ['A', { lat: 37.0, lon: 127.0 }],
  ['B', { lat: 37.0, lon: 127.0125 }],
  ['C', { lat: 37.0, lon: 127.062 }],
]);

const cell = (over: Partial<DemandCell>): DemandCell => ({ area: 'liberal_arts', targetGroup: 'elderly', dongCode: 'A', wishes: 0, waitlisted: 0, searches: 0, ...over });
const program = (over: Partial<SupplyProgram>): SupplyProgram => ({ area: 'liberal_arts', targetGroups: ['elderly'], dongCode: 'A', seatsOffered: 20, seatsOpen: 5, ...over });

describe('where supply misses demand', () => {
  it('counts places within reach that serve the group, and ranks the largest gap first', () => {
    const supply = [
      program({ dongCode: 'B', seatsOffered: 20, seatsOpen: 4 }), // 1.1 km: within 2 km of A
      program({ dongCode: 'C', seatsOffered: 30, seatsOpen: 30 }), // 5.5 km: out of reach of A, in reach of C
      program({ targetGroups: ['youth'], seatsOpen: 50 }), // not for older people
      program({ targetGroups: ['all'], seatsOffered: 10, seatsOpen: 1 }), // for everyone, older people included
      program({ area: 'vocational', seatsOpen: 99 }), // another area
    ];
    const [first, second] = matchDemand([
      cell({ dongCode: 'C', wishes: 10 }),
      cell({ wishes: 12, waitlisted: 3, searches: 1 }),
    ], supply, dongs, 2);
    // A: demand 12 + 3 + 1 = 16; open places 4 (B) + 1 (everyone, in A) = 5 → gap 11.
    expect(first).toMatchObject({ dongCode: 'A', demand: 16, seatsOffered: 30, seatsOpen: 5, gap: 11 });
    // C: demand 10; open places 30 → gap −20.
    expect(second).toMatchObject({ dongCode: 'C', demand: 10, seatsOpen: 30, gap: -20 });
  });

  it('matches a city-wide request with every place in the city', () => {
    const [matched] = matchDemand([cell({ dongCode: null, searches: 4 })], [program({ dongCode: 'C', seatsOpen: 3 }), program({ seatsOpen: 2 })], dongs, 2);
    expect(matched).toMatchObject({ seatsOpen: 5, gap: -1 });
  });

  it('lets a wish "for anyone" be served by any program, and a group by its own or everyone’s', () => {
    expect(serves({ targetGroups: ['youth'] }, 'all')).toBe(true);
    expect(serves({ targetGroups: ['all'] }, 'multicultural')).toBe(true);
    expect(serves({ targetGroups: ['youth'] }, 'multicultural')).toBe(false);
  });
});
