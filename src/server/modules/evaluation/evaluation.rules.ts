/**
 * The evaluation's rules, without I/O: whether a frame is sound, how an indicator's value (or a survey's mean)
 * becomes points by thresholds or by rank within the cohort, how reviewers' scores become an item's score, a
 * city's score by area and total, and the outcome (passed, excellent, deferred, revoked).
 */
import type { CityScore, FrameContent, FrameItem, ItemResult, ScoringRule } from '../../../shared/contracts/evaluation.ts';
import {
  indicators, reviewerSources, type DesignationState, type EvaluationOutcome, type IndicatorId,
} from '../../../shared/vocabulary/index.ts';

/** Scores are kept to two decimals, and compared so. */
export const roundScore = (value: number) => Math.round(value * 100) / 100;

export interface FrameProblem {
  field: string;
  ko: string;
  en: string;
}

export const itemsOf = (frame: Pick<FrameContent, 'areas'>): FrameItem[] => frame.areas.flatMap((area) => area.fields.flatMap((field) => field.items));

/** Every problem of a frame the schema cannot see: points add to 100, codes unique, each source with what it needs. */
export function frameProblems(frame: FrameContent): FrameProblem[] {
  const problems: FrameProblem[] = [];
  const seen = new Set<string>();
  let total = 0;
  frame.areas.forEach((area, a) => area.fields.forEach((field, f) => field.items.forEach((item, i) => {
    const at = `areas.${a}.fields.${f}.items.${i}`;
    total += item.points;
    if (seen.has(item.code)) problems.push({ field: `${at}.code`, ko: `항목 코드 ‘${item.code}’가 두 번 쓰였습니다.`, en: `The item code ‘${item.code}’ is used twice.` });
    seen.add(item.code);
    if (item.source === 'indicator' && !item.indicatorId) {
      problems.push({ field: `${at}.indicatorId`, ko: '지표 항목은 어느 지표로 채점할지 골라야 합니다.', en: 'An indicator item needs the indicator it is scored from.' });
    }
    if (item.source !== 'indicator' && item.indicatorId) {
      problems.push({ field: `${at}.indicatorId`, ko: '지표는 지표 항목에만 고를 수 있습니다.', en: 'Only an indicator item names an indicator.' });
    }
    if ((item.source === 'indicator' || item.source === 'survey') && !item.rule) {
      problems.push({ field: `${at}.rule`, ko: '지표·만족도 항목은 채점 기준(기준값 또는 순위)이 있어야 합니다.', en: 'An indicator or survey item needs its scoring rule (thresholds or rank).' });
    }
    if (reviewerSources.includes(item.source) && item.rule) {
      problems.push({ field: `${at}.rule`, ko: '심사위원이 채점하는 항목에는 채점 기준을 두지 않습니다.', en: 'Items reviewers score have no scoring rule.' });
    }
    if (item.rule?.kind === 'thresholds' && !ascending(item.rule.steps.map((s) => s.from))) {
      problems.push({ field: `${at}.rule.steps`, ko: '기준값은 작은 값부터 차례로, 겹치지 않게 적어 주세요.', en: 'Thresholds go from the lowest to the highest, each once.' });
    }
    if (item.rule?.kind === 'rank' && !ascending(item.rule.bands.map((b) => b.top))) {
      problems.push({ field: `${at}.rule.bands`, ko: '순위 구간은 상위 비율이 작은 것부터 차례로 적어 주세요.', en: 'Rank bands go from the smallest top share to the largest, each once.' });
    }
  })));
  if (roundScore(total) !== 100) {
    problems.push({ field: 'areas', ko: `항목 배점의 합이 100점이어야 합니다 (지금 ${roundScore(total)}점).`, en: `The items' points must add up to 100 (now ${roundScore(total)}).` });
  }
  return problems;
}

const ascending = (values: readonly number[]) => values.every((v, i) => i === 0 || v > values[i - 1]!);

// ---- Indicator and survey items ---------------------------------------------------------------------------

/**
 * The step a value reaches: the highest whose `from` it is at least (for an indicator where less is better, the
 * lowest whose `from` it is at most); below every step, none.
 */
export function reachedStep<S extends { from: number }>(value: number, steps: readonly S[], direction: 1 | -1 = 1): S | undefined {
  return direction === 1 ? steps.filter((s) => value >= s.from).at(-1) : steps.find((s) => value <= s.from);
}

/** The share of points a value reaches on the steps (none below every step). */
export function thresholdShare(value: number, steps: readonly { from: number; share: number }[], direction: 1 | -1 = 1): number {
  return reachedStep(value, steps, direction)?.share ?? 0;
}

/**
 * Competition ranks (1, 2, 2, 4) of the cities that have a value, best first by the direction; a city without a
 * value has no rank. Values equal to six significant digits tie (floating point should not split them).
 */
export function cohortRanks(values: ReadonlyMap<string, number | null>, direction: 1 | -1 = 1): Map<string, number> {
  const valued = [...values].filter((entry): entry is [string, number] => entry[1] !== null)
    .map(([city, value]) => [city, Number(value.toPrecision(6))] as const)
    .sort((a, b) => (b[1] - a[1]) * direction);
  const ranks = new Map<string, number>();
  valued.forEach(([city, value], i) => {
    const previous = valued[i - 1];
    ranks.set(city, previous && previous[1] === value ? ranks.get(previous[0])! : i + 1);
  });
  return ranks;
}

/** The share for rank `rank` of `of`: the first band whose top share of the cohort it is within; beyond every band, none. */
export function rankShare(rank: number, of: number, bands: readonly { top: number; share: number }[]): number {
  const band = bands.find((b) => rank <= Math.ceil(b.top * of - 1e-9));
  return band?.share ?? 0;
}

export interface ValueScore {
  score: number;
  rank: number | null;
  of: number | null;
  reason: { ko: string; en: string };
}

const percent = (share: number) => `${roundScore(share * 100)}%`;

/** Scores a value by the item's rule (the cohort's ranks for a rank rule); a value that is missing scores nothing. */
export function scoreValue(
  item: Pick<FrameItem, 'points' | 'rule'>, value: number | null, direction: 1 | -1, cohort: { rank: number | undefined; of: number },
): ValueScore {
  const rule = item.rule as ScoringRule;
  if (value === null) {
    return { score: 0, rank: null, of: null, reason: { ko: '값이 없어 0점입니다 (자료가 기록되지 않았습니다).', en: 'No value, so no points (the data was not recorded).' } };
  }
  if (rule.kind === 'thresholds') {
    const reached = reachedStep(value, rule.steps, direction);
    const share = reached?.share ?? 0;
    return {
      score: roundScore(item.points * share), rank: null, of: null,
      reason: reached
        ? { ko: `값 ${value}이(가) 기준 ${reached.from}에 이르러 배점의 ${percent(share)}입니다.`, en: `The value ${value} reaches the step ${reached.from}: ${percent(share)} of the points.` }
        : { ko: `값 ${value}이(가) 가장 낮은 기준 ${rule.steps[0]!.from}에 못 미쳐 0점입니다.`, en: `The value ${value} is below the lowest step (${rule.steps[0]!.from}): no points.` },
    };
  }
  const share = cohort.rank === undefined ? 0 : rankShare(cohort.rank, cohort.of, rule.bands);
  return {
    score: roundScore(item.points * share), rank: cohort.rank ?? null, of: cohort.of,
    reason: { ko: `평가 대상 ${cohort.of}곳 중 ${cohort.rank}위로 배점의 ${percent(share)}입니다.`, en: `Rank ${cohort.rank} of ${cohort.of} in the cohort: ${percent(share)} of the points.` },
  };
}

export const directionOf = (indicatorId: IndicatorId): 1 | -1 => indicators.get(indicatorId).direction;

// ---- Reviewer items -----------------------------------------------------------------------------------------

/** An item reviewers score: the mean of the submitted reviewers' scores; null until one has submitted. */
export function reviewerItemScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  return roundScore(scores.reduce((sum, s) => sum + s, 0) / scores.length);
}

/** A reviewer's score for an item worth `points`: from 0 to the points, in half points. */
export function scoreAllowed(score: number, points: number): boolean {
  return score >= 0 && score <= points && Number.isInteger(score * 2);
}

// ---- A city's score ---------------------------------------------------------------------------------------

/** What a city's items are scored from: its values (indicators, survey means) and its reviewers' submitted scores. */
export interface CityInputs {
  /** Indicator values by indicator id, with when they were computed; absent = no value. */
  indicatorValues: ReadonlyMap<string, { value: number | null; computedAt: string | null }>;
  /** The survey's mean per survey item code; null while the survey is not wired in (items stay "not scored yet"). */
  surveyMeans: ReadonlyMap<string, number | null> | null;
  /** Submitted reviewers' scores per item code. */
  reviewerScores: ReadonlyMap<string, readonly number[]>;
  /** Reviewers assigned to the city (submitted or not). */
  reviewersAssigned: number;
}

/** The cohort's ranks per indicator item (built once for the round: `cohortRanks` of every city's value). */
export type CohortRanks = ReadonlyMap<string, { ranks: ReadonlyMap<string, number>; of: number }>;

/** Every indicator item's ranks within the cohort, from every city's inputs. */
export function ranksForCohort(frame: Pick<FrameContent, 'areas'>, cities: ReadonlyMap<string, CityInputs>): CohortRanks {
  const result = new Map<string, { ranks: Map<string, number>; of: number }>();
  for (const item of itemsOf(frame)) {
    if (item.source !== 'indicator' || item.rule?.kind !== 'rank') continue;
    const values = new Map([...cities].map(([city, inputs]) => [city, inputs.indicatorValues.get(item.indicatorId!)?.value ?? null]));
    const ranks = cohortRanks(values, directionOf(item.indicatorId!));
    result.set(item.code, { ranks, of: ranks.size });
  }
  return result;
}

export function scoreItem(item: FrameItem, cityCode: string, inputs: CityInputs, ranks: CohortRanks): ItemResult {
  const base = { code: item.code, source: item.source, points: item.points, value: null, valueAt: null, rank: null, of: null };
  if (item.source === 'indicator') {
    const found = inputs.indicatorValues.get(item.indicatorId!);
    const cohort = ranks.get(item.code);
    const scored = scoreValue(item, found?.value ?? null, directionOf(item.indicatorId!), { rank: cohort?.ranks.get(cityCode), of: cohort?.of ?? 0 });
    return { ...base, state: 'scored', score: scored.score, value: found?.value ?? null, valueAt: found?.computedAt ?? null, rank: scored.rank, of: scored.of, reasonKo: scored.reason.ko, reasonEn: scored.reason.en };
  }
  if (item.source === 'survey') {
    const mean = inputs.surveyMeans?.get(item.code);
    if (inputs.surveyMeans === null || mean === undefined) {
      return { ...base, state: 'not_scored_yet', score: null, reasonKo: '그해 주민 만족도 조사의 응답이 30건에 이르지 않아 채점하지 않았습니다.', reasonEn: "The residents' satisfaction survey of that year has fewer than the 30 answers results are shown from: not scored." };
    }
    const scored = scoreValue({ points: item.points, rule: item.rule?.kind === 'thresholds' ? item.rule : undefined }, mean, 1, { rank: undefined, of: 0 });
    return { ...base, state: 'scored', score: scored.score, value: mean, reasonKo: scored.reason.ko, reasonEn: scored.reason.en };
  }
  const scores = inputs.reviewerScores.get(item.code) ?? [];
  const score = reviewerItemScore(scores);
  if (score === null) {
    return {
      ...base, state: 'awaiting_reviewers', score: null,
      reasonKo: inputs.reviewersAssigned === 0 ? '배정된 심사위원이 없습니다.' : '심사위원의 채점을 기다립니다.',
      reasonEn: inputs.reviewersAssigned === 0 ? 'No reviewer is assigned.' : 'Waiting for the reviewers’ scores.',
    };
  }
  return {
    ...base, state: 'scored', score,
    reasonKo: `심사위원 ${scores.length}명 점수의 평균입니다 (${scores.join(', ')}점).`,
    reasonEn: `The mean of ${scores.length} reviewer${scores.length === 1 ? '' : 's'}' scores (${scores.join(', ')}).`,
  };
}

/** The city's score: each item, each area's subtotal, the total (items not scored count nothing), and whether all are in. */
export function scoreCity(frame: Pick<FrameContent, 'areas'>, cityCode: string, inputs: CityInputs, ranks: CohortRanks): CityScore {
  const items: ItemResult[] = [];
  const areas = frame.areas.map((area) => {
    let points = 0;
    let score = 0;
    for (const item of area.fields.flatMap((f) => f.items)) {
      const result = scoreItem(item, cityCode, inputs, ranks);
      items.push(result);
      points += item.points;
      score += result.score ?? 0;
    }
    return { titleKo: area.titleKo, titleEn: area.titleEn, points: roundScore(points), score: roundScore(score) };
  });
  return { areas, total: roundScore(areas.reduce((sum, a) => sum + a.score, 0)), complete: items.every((i) => i.state === 'scored'), items };
}

// ---- The outcome ------------------------------------------------------------------------------------------

/** How many of a cohort of `n` may be excellent: the top share, rounded up, so that any cohort has its best. */
export const excellentPlaces = (n: number, share: number) => (share <= 0 ? 0 : Math.ceil(n * share - 1e-9));

/**
 * Each city's outcome from its total: below the frame's line deferred — revoked when it was deferred already —;
 * among those that passed, the best `excellentShare` of the whole cohort (ties at the cut included) excellent;
 * the rest re-designated. Ranks are competition ranks of the totals, best first.
 */
export function outcomes(
  cities: readonly { cityCode: string; total: number; stateBefore: DesignationState }[],
  frame: Pick<FrameContent, 'deferredBelow' | 'excellentShare'>,
): Map<string, { outcome: EvaluationOutcome; rank: number }> {
  const ranks = cohortRanks(new Map(cities.map((c) => [c.cityCode, roundScore(c.total)])));
  const places = excellentPlaces(cities.length, frame.excellentShare);
  return new Map(cities.map((c) => {
    const rank = ranks.get(c.cityCode)!;
    const failed = roundScore(c.total) < frame.deferredBelow;
    const outcome: EvaluationOutcome = failed ? (c.stateBefore === 'deferred' ? 'revoked' : 'deferred') : rank <= places ? 'excellent' : 'redesignated';
    return [c.cityCode, { outcome, rank }];
  }));
}
