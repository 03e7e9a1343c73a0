import { describe, expect, it } from 'vitest';
import { citiesAtRisk, spreadOf, statesAtEndOf, timeline, type DatedTransition, type RiskInput } from './national.rules.ts';

/** A designated in 2001, deferred in 2023, revoked in 2024; B applied and rejected in 2002; C designated in 2002 and excellent in 2022. */
const history: DatedTransition[] = [
  { cityCode: 'A', state: 'applied', occurredOn: '2001-03-01' },
  { cityCode: 'A', state: 'designated', occurredOn: '2001-07-01' },
  { cityCode: 'A', state: 'deferred', occurredOn: '2023-11-20' },
  { cityCode: 'A', state: 'revoked', occurredOn: '2024-11-15' },
  { cityCode: 'B', state: 'applied', occurredOn: '2002-03-01' },
  { cityCode: 'B', state: 'rejected', occurredOn: '2002-07-01' },
  { cityCode: 'C', state: 'applied', occurredOn: '2002-03-02' },
  { cityCode: 'C', state: 'designated', occurredOn: '2002-12-31' },
  { cityCode: 'C', state: 'excellent', occurredOn: '2022-11-20' },
];

describe('states as of 31 December', () => {
  it('takes each city’s latest step on or before the last day of the year', () => {
    const stateOf = (year: number) => Object.fromEntries([...statesAtEndOf(history, year)].map(([city, t]) => [city, t.state]));
    expect(stateOf(2000)).toEqual({});
    expect(stateOf(2001)).toEqual({ A: 'designated' });
    // C's designation on 31 December counts in that year.
    expect(stateOf(2002)).toEqual({ A: 'designated', B: 'rejected', C: 'designated' });
    expect(stateOf(2023)).toEqual({ A: 'deferred', B: 'rejected', C: 'excellent' });
    expect(stateOf(2024)).toEqual({ A: 'revoked', B: 'rejected', C: 'excellent' });
  });

  it('counts learning cities (deferred included, revoked not), designations and revocations per year', () => {
    const years = timeline(history, 2001, 2024);
    expect(years).toHaveLength(24);
    expect(years[0]).toEqual({ year: 2001, learning: 1, newlyDesignated: 1, revoked: 0, states: { designated: 1 } });
    expect(years[1]).toEqual({ year: 2002, learning: 2, newlyDesignated: 1, revoked: 0, states: { designated: 2, rejected: 1 } });
    expect(years.find((y) => y.year === 2023)).toEqual({ year: 2023, learning: 2, newlyDesignated: 0, revoked: 0, states: { deferred: 1, rejected: 1, excellent: 1 } });
    expect(years.at(-1)).toEqual({ year: 2024, learning: 1, newlyDesignated: 0, revoked: 1, states: { revoked: 1, rejected: 1, excellent: 1 } });
  });
});

describe('the spread of a group', () => {
  it('gives interpolated quartiles, and nulls for an empty group', () => {
    expect(spreadOf([50, 10, 40, 20, 30])).toEqual({ n: 5, min: 10, p25: 20, median: 30, p75: 40, max: 50 });
    expect(spreadOf([10, 20])).toEqual({ n: 2, min: 10, p25: 12.5, median: 15, p75: 17.5, max: 20 });
    expect(spreadOf([])).toEqual({ n: 0, min: null, p25: null, median: null, p75: null, max: null });
  });
});

describe('cities at risk', () => {
  const city = (cityCode: string, index: number | null, more: Partial<RiskInput> = {}): RiskInput =>
    ({ cityCode, group: 'province_city', state: 'redesignated', totals: [], index, ...more });

  it('flags the bottom quarter of a group by the composite index, against its own group only', () => {
    // Cities of provinces: 10, 20, 30, 40, 50 → the 25th percentile is 20; only 10 is below it.
    const risks = citiesAtRisk([
      city('p1', 10), city('p2', 20), city('p3', 30), city('p4', 40), city('p5', 50),
      // A county at 15 is the best of its own group, not at risk.
      city('c1', 15, { group: 'province_county' }), city('c2', 5, { group: 'province_county' }),
    ]);
    expect(risks).toEqual([
      { cityCode: 'p1', reasons: ['below_peers'], groupP25: 20 },
      { cityCode: 'c2', reasons: ['below_peers'], groupP25: 7.5 },
    ]);
  });

  it('flags a deferred city and one whose latest total fell, and says every reason', () => {
    const risks = citiesAtRisk([
      city('d', 40, { state: 'deferred', totals: [{ year: 2022, total: 71 }, { year: 2025, total: 55 }] }),
      city('fell', 45, { totals: [{ year: 2020, total: 90 }, { year: 2023, total: 80 }, { year: 2026, total: 79.5 }] }),
      city('rose', 35, { totals: [{ year: 2020, total: 62 }, { year: 2023, total: 80 }] }),
      city('once', 50, { totals: [{ year: 2023, total: 61 }] }),
    ]);
    expect(risks.map((r) => [r.cityCode, r.reasons])).toEqual([
      ['d', ['deferred', 'score_fell']],
      ['fell', ['score_fell']],
      // 35 is the lowest of four (25th percentile 38.75).
      ['rose', ['below_peers']],
    ]);
  });

  it('never counts a city that is not a learning city, nor lets it set the line of its group', () => {
    const risks = citiesAtRisk([
      city('revoked', 1, { state: 'revoked' }), city('applicant', 2, { state: 'applied' }),
      city('a', 30), city('b', 40), city('c', 50), city('unscored', null),
    ]);
    expect(risks).toEqual([{ cityCode: 'a', reasons: ['below_peers'], groupP25: 35 }]);
  });
});
