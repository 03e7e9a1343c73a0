import { describe, expect, it } from 'vitest';
import type { DesignationState } from '../../../shared/vocabulary/index.ts';
import { cohortGroupOf, isDue, nextDue } from './cohort.rules.ts';

const history = (...entries: [DesignationState, number][]) => entries.map(([state, year]) => ({ state, year }));

describe('when a city is due', () => {
  it('is four years after its designation: designated 2018 → 2022', () => {
    const due = nextDue(history(['applied', 2018], ['designated', 2018]));
    expect(due).toMatchObject({ dueYear: 2022, designatedYear: 2018 });
    expect(isDue(due, 2021)).toBe(false);
    expect(isDue(due, 2022)).toBe(true);
  });
  it('is 2020 at the earliest for a city designated long before (2001 → 2020)', () => {
    expect(nextDue(history(['applied', 2001], ['designated', 2001]))!.dueYear).toBe(2020);
  });
  it('is three years after a round it passed: 2022 → 2025 → 2028', () => {
    expect(nextDue(history(['applied', 2018], ['designated', 2018], ['redesignated', 2022]))!.dueYear).toBe(2025);
    expect(nextDue(history(['applied', 2018], ['designated', 2018], ['redesignated', 2022], ['redesignated', 2025]))!.dueYear).toBe(2028);
  });
  it('skips one round after an excellent result: excellent in 2022 → due 2028, not 2025', () => {
    const due = nextDue(history(['applied', 2018], ['designated', 2018], ['excellent', 2022]));
    expect(due!.dueYear).toBe(2028);
    expect(isDue(due, 2025)).toBe(false);
  });
  it('comes back the next year after a deferral, and counts three years from passing then', () => {
    expect(nextDue(history(['applied', 2018], ['designated', 2018], ['deferred', 2022]))!.dueYear).toBe(2023);
    expect(nextDue(history(['applied', 2018], ['designated', 2018], ['deferred', 2022], ['redesignated', 2023]))!.dueYear).toBe(2026);
  });
  it('stays due after a missed round (overdue cities join the next cohort)', () => {
    expect(isDue(nextDue(history(['applied', 2018], ['designated', 2018])), 2026)).toBe(true);
  });
  it('is never for a city that is not a learning city now', () => {
    expect(nextDue([])).toBeNull();
    expect(nextDue(history(['applied', 2024]))).toBeNull();
    expect(nextDue(history(['applied', 2024], ['potential', 2024]))).toBeNull();
    expect(nextDue(history(['applied', 2018], ['designated', 2018], ['deferred', 2022], ['revoked', 2023]))).toBeNull();
  });
  it('counts from the latest designation after a revocation and a new application', () => {
    const due = nextDue(history(['applied', 2010], ['designated', 2010], ['deferred', 2020], ['revoked', 2021], ['applied', 2024], ['designated', 2024]));
    expect(due).toMatchObject({ dueYear: 2028, designatedYear: 2024 });
  });
});

describe('cohort groups', () => {
  it('groups the districts and counties of metropolitan cities, then the provinces’ cities and counties', () => {
    expect(cohortGroupOf('11010', 'gu')).toBe('metropolitan');
    expect(cohortGroupOf('23310', 'gun')).toBe('metropolitan');
    expect(cohortGroupOf('31060', 'si')).toBe('province_city');
    expect(cohortGroupOf('32510', 'gun')).toBe('province_county');
    expect(cohortGroupOf('39010', 'si')).toBe('province_city');
  });
});
