/**
 * Which cities are due for the re-designation evaluation in a year, from each city's designation history
 * (domain.md §2), and how the ministry groups them. Pure: the cohort page, the round and the demo use it.
 */
import type { CohortGroup, DesignationState, MunicipalityKind } from '../../../shared/vocabulary/index.ts';

/** The evaluation began in 2020: a city designated before 2016 was first due then. */
export const FIRST_ROUND_YEAR = 2020;
/** Years from designation to the first round, between rounds, and after an excellent result (one round skipped). */
export const FIRST_AFTER = 4;
export const EVERY = 3;
export const AFTER_EXCELLENT = 2 * EVERY;
/** A deferred city is evaluated again the next year. */
export const AFTER_DEFERRED = 1;

export interface HistoryEntry {
  state: DesignationState;
  /** The year the transition belongs to (the call's, or the round's). */
  year: number;
}

export interface Due {
  dueYear: number;
  designatedYear: number;
  state: DesignationState;
  reason: { ko: string; en: string };
}

const evaluated: readonly DesignationState[] = ['redesignated', 'excellent', 'deferred'];

/**
 * When a city is next due, from its history (oldest first): four years after its latest designation (not before
 * 2020), then three years after each round it passed, six after an excellent one, one after it was deferred.
 * Null for a city that is not a learning city now (never designated, potential, revoked…).
 */
export function nextDue(history: readonly HistoryEntry[]): Due | null {
  const latest = history.at(-1);
  if (!latest || latest.state === 'applied' || latest.state === 'rejected' || latest.state === 'potential' || latest.state === 'revoked') return null;
  const designatedAt = history.findLastIndex((t) => t.state === 'designated');
  if (designatedAt < 0) return null;
  const designatedYear = history[designatedAt]!.year;
  const last = history.slice(designatedAt + 1).findLast((t) => evaluated.includes(t.state));
  const state = latest.state;
  if (!last) {
    const dueYear = Math.max(designatedYear + FIRST_AFTER, FIRST_ROUND_YEAR);
    return {
      dueYear, designatedYear, state,
      reason: designatedYear + FIRST_AFTER >= FIRST_ROUND_YEAR
        ? { ko: `${designatedYear}년 지정 후 ${FIRST_AFTER}년`, en: `${FIRST_AFTER} years after its designation in ${designatedYear}` }
        : { ko: `${designatedYear}년 지정 (재지정평가가 시작된 ${FIRST_ROUND_YEAR}년부터)`, en: `Designated in ${designatedYear} (evaluations began in ${FIRST_ROUND_YEAR})` },
    };
  }
  switch (last.state) {
    case 'deferred':
      return { dueYear: last.year + AFTER_DEFERRED, designatedYear, state, reason: { ko: `${last.year}년 유예 후 다음 해 재평가`, en: `Deferred in ${last.year}: evaluated again the next year` } };
    case 'excellent':
      return { dueYear: last.year + AFTER_EXCELLENT, designatedYear, state, reason: { ko: `${last.year}년 우수 (한 번 면제)`, en: `Excellent in ${last.year} (one round skipped)` } };
    default:
      return { dueYear: last.year + EVERY, designatedYear, state, reason: { ko: `${last.year}년 재지정 후 ${EVERY}년`, en: `${EVERY} years after its round in ${last.year}` } };
  }
}

/** Whether a city is in the cohort of `year`: due that year, or due earlier and not yet evaluated (a missed round). */
export const isDue = (due: Due | null, year: number): due is Due => due !== null && due.dueYear <= year;

/** The ministry's groups: districts and counties of the metropolitan cities (codes 11–29), cities and counties of the provinces. */
export function cohortGroupOf(cityCode: string, kind: MunicipalityKind): CohortGroup {
  if (Number(cityCode.slice(0, 2)) < 30) return 'metropolitan';
  return kind === 'gun' ? 'province_county' : 'province_city';
}
