/**
 * Designation histories for the demo: the paper's cities as the paper gives them, then the ministry's
 * re-designation rounds since 2020 (first evaluation 4 years after designation, then every 3 years;
 * excellent cities skip a round; deferred cities are re-evaluated the next year). Every history is
 * checked against the same state machine the ministry's route uses.
 */
import type { DesignationState } from '../../src/shared/vocabulary/index.ts';
import { isValidHistory } from '../../src/server/modules/designation/designation.rules.ts';
import { PAPER, cumulativeTarget, type DemoCity } from './learning-cities.ts';
import type { Random } from '../../src/shared/lib/random.ts';

export interface Transition {
  state: DesignationState;
  year: number;
  occurredOn: string;
  reason: string;
  evidence: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const on = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

function evidenceFor(city: DemoCity): string {
  switch (city.source) {
    case 'paper':
      return `${PAPER}: designated in ${city.designatedYear}.`;
    case 'paper-plan':
      return `${PAPER}: named a potential learning city in ${city.potentialYear}, to be designated after a year of consulting.`;
    case 'assumed':
      return `${PAPER} names it among learning cities evaluated by 2005 without giving a year; ${city.designatedYear} is assumed (demo data).`;
    case 'synthetic':
      return 'Synthetic demo history.';
  }
}

/** Re-designation rounds from 2020 up to `lastYear`, for a city designated in `designatedYear`. */
function reevaluations(designatedYear: number, lastYear: number, random: Random): Transition[] {
  const transitions: Transition[] = [];
  let due = Math.max(2020 + random.int(0, 2), designatedYear + 4);
  while (due <= lastYear) {
    const outcome = random.weighted<DesignationState>([['redesignated', 0.8], ['excellent', 0.1], ['deferred', 0.1]]);
    transitions.push({
      state: outcome, year: due, occurredOn: on(due, 11, random.int(10, 28)),
      reason: { redesignated: '재지정평가 통과', excellent: '재지정평가 상위 10% (우수)', deferred: '재지정평가 60점 미만 (유예)' }[outcome as 'redesignated'],
      evidence: 'Synthetic re-designation evaluation (demo data).',
    });
    if (outcome === 'deferred') {
      due += 1;
      if (due > lastYear) break;
      transitions.push({
        state: 'redesignated', year: due, occurredOn: on(due, 11, random.int(10, 28)),
        reason: '유예 후 재평가 통과', evidence: 'Synthetic re-designation evaluation (demo data).',
      });
    }
    due += outcome === 'excellent' ? 6 : 3;
  }
  return transitions;
}

export function historyOf(city: DemoCity, lastYear: number, random: Random): Transition[] {
  const evidence = evidenceFor(city);
  const history: Transition[] = [];
  const firstYear = city.potentialYear ?? city.designatedYear;
  history.push({ state: 'applied', year: firstYear, occurredOn: on(firstYear, 3, random.int(2, 27)), reason: '평생학습도시 지정 신청', evidence });
  if (city.potentialYear) {
    history.push({ state: 'potential', year: city.potentialYear, occurredOn: on(city.potentialYear, 6, random.int(1, 28)), reason: '예비 평생학습도시 선정 (1년 컨설팅)', evidence });
  }
  history.push({ state: 'designated', year: city.designatedYear, occurredOn: on(city.designatedYear, 7, random.int(1, 28)), reason: '평생학습도시 지정', evidence });
  history.push(...reevaluations(city.designatedYear, lastYear, random));
  if (!isValidHistory(history.map((t) => t.state))) throw new Error(`invalid generated history for ${city.code}`);
  return history;
}

/**
 * From the `demo` size up every municipality takes part: the demo cities keep their histories, the others get
 * designation years that follow the national totals, and the rest have applied (some rejected) or never.
 * `neverDesignated` are kept out of the plan (the designation demo's applicants must still be eligible to apply);
 * they come last, with no designation year.
 */
export function nationalDemoCities(
  allCodes: readonly string[], fixed: readonly DemoCity[], lastYear: number, random: Random, neverDesignated: readonly string[] = [],
): DemoCity[] {
  const fixedCodes = new Set(fixed.map((c) => c.code));
  const kept = new Set(neverDesignated);
  const others = random.sample(allCodes.filter((code) => !fixedCodes.has(code) && !kept.has(code)), allCodes.length);
  const cities: DemoCity[] = [...fixed];
  let next = 0;
  for (let year = 2001; year <= lastYear; year++) {
    const alreadyDesignated = cities.filter((c) => c.designatedYear <= year).length;
    for (let n = alreadyDesignated; n < cumulativeTarget(year) && next < others.length; n++) {
      cities.push({ code: others[next++]!, designatedYear: year, source: 'synthetic' });
    }
  }
  const never = [...others.slice(next), ...allCodes.filter((code) => kept.has(code) && !fixedCodes.has(code))];
  return cities.concat(never.map((code) => ({ code, designatedYear: Number.POSITIVE_INFINITY, source: 'synthetic' as const })));
}

/** History for a municipality that was never designated: perhaps an application, perhaps a rejection. */
export function undesignatedHistory(lastYear: number, random: Random): Transition[] {
  if (random.chance(0.5)) return [];
  const year = random.int(lastYear - 3, lastYear);
  const applied: Transition = { state: 'applied', year, occurredOn: on(year, 3, random.int(2, 27)), reason: '평생학습도시 지정 신청', evidence: 'Synthetic demo history.' };
  return random.chance(0.5) || year === lastYear
    ? [applied]
    : [applied, { state: 'rejected', year, occurredOn: on(year, 7, random.int(1, 28)), reason: '서면·현장 심사 미선정', evidence: 'Synthetic demo history.' }];
}
