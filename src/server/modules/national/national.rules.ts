/**
 * The national picture's rules (pure): every city's designation state as of 31 December of each year, the yearly
 * counts of the timeline, the index's distribution by the ministry's groups, and which learning cities are at risk.
 */
import type { NationalYear } from '../../../shared/contracts/national.ts';
import { quantile } from '../../../shared/lib/quantile.ts';
import { activeDesignationStates, type AtRiskReason, type CohortGroup, type DesignationState } from '../../../shared/vocabulary/index.ts';

export interface DatedTransition {
  cityCode: string;
  state: DesignationState;
  /** YYYY-MM-DD: the day the step was taken (a decision, a round's result). */
  occurredOn: string;
}

export const isLearning = (state: DesignationState | null | undefined) => state !== null && state !== undefined && activeDesignationStates.includes(state);
const endOf = (year: number) => `${year}-12-31`;

/** Each city's transitions in the order they happened (the input is ordered by day, then by id, within each city). */
function byCity<T extends DatedTransition>(transitions: readonly T[]): Map<string, T[]> {
  const cities = new Map<string, T[]>();
  for (const t of transitions) {
    const list = cities.get(t.cityCode);
    if (list) list.push(t);
    else cities.set(t.cityCode, [t]);
  }
  return cities;
}

/** Every city's latest transition on or before 31 December of `year` (cities with none by then are absent). */
export function statesAtEndOf<T extends DatedTransition>(transitions: readonly T[], year: number): Map<string, T> {
  const end = endOf(year);
  const states = new Map<string, T>();
  for (const [city, history] of byCity(transitions)) {
    const latest = history.findLast((t) => t.occurredOn <= end);
    if (latest) states.set(city, latest);
  }
  return states;
}

/** The timeline from `firstYear` to `lastYear`: counts by state on 31 December, with the year's designations and revocations. */
export function timeline(transitions: readonly DatedTransition[], firstYear: number, lastYear: number): NationalYear[] {
  const cities = [...byCity(transitions).values()];
  const years: NationalYear[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const end = endOf(year);
    const states: Record<string, number> = {};
    let learning = 0;
    for (const history of cities) {
      const latest = history.findLast((t) => t.occurredOn <= end);
      if (!latest) continue;
      states[latest.state] = (states[latest.state] ?? 0) + 1;
      if (isLearning(latest.state)) learning++;
    }
    const inYear = (state: DesignationState) => transitions.filter((t) => t.state === state && t.occurredOn.startsWith(`${year}-`)).length;
    years.push({ year, learning, newlyDesignated: inYear('designated'), revoked: inYear('revoked'), states });
  }
  return years;
}

export interface Spread {
  n: number;
  min: number | null;
  p25: number | null;
  median: number | null;
  p75: number | null;
  max: number | null;
}

export function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length, min: sorted[0] ?? null, p25: quantile(sorted, 0.25), median: quantile(sorted, 0.5), p75: quantile(sorted, 0.75), max: sorted.at(-1) ?? null,
  };
}

export interface RiskInput {
  cityCode: string;
  group: CohortGroup;
  state: DesignationState;
  /** Totals of its finalised rounds, oldest first. */
  totals: readonly { year: number; total: number }[];
  /** Its composite index of the indicators' year, if computed. */
  index: number | null;
}

export interface Risk {
  cityCode: string;
  reasons: AtRiskReason[];
  groupP25: number | null;
}

/**
 * Which learning cities are at risk, and why (decision 023):
 * - deferred: its last round deferred it; failing the next one revokes it;
 * - score_fell: its latest finalised round's total is below the one before;
 * - below_peers: its composite index is below the 25th percentile of the learning cities of its group (metropolitan
 *   구·군, provinces' 시, provinces' 군) — the bottom quarter, not the bottom half, so that the list stays a short one.
 * Cities that are not learning cities (revoked, potential, applicants) are never at risk.
 */
export function citiesAtRisk(cities: readonly RiskInput[]): Risk[] {
  const learning = cities.filter((c) => isLearning(c.state));
  const p25 = new Map<CohortGroup, number | null>();
  for (const city of learning) {
    if (p25.has(city.group)) continue;
    const scores = learning.filter((c) => c.group === city.group && c.index !== null).map((c) => c.index!);
    p25.set(city.group, spreadOf(scores).p25);
  }
  const risks: Risk[] = [];
  for (const city of learning) {
    const reasons: AtRiskReason[] = [];
    if (city.state === 'deferred') reasons.push('deferred');
    const [before, last] = city.totals.slice(-2);
    if (before && last && last.total < before.total) reasons.push('score_fell');
    const line = p25.get(city.group) ?? null;
    if (city.index !== null && line !== null && city.index < line) reasons.push('below_peers');
    if (reasons.length > 0) risks.push({ cityCode: city.cityCode, reasons, groupP25: line });
  }
  return risks;
}
