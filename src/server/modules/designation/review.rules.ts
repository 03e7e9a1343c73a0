/**
 * The review's rules, without I/O: how reviewers' totals become the application's score (the call's aggregation),
 * how far reviewers disagree, the ranking against the quota, who may not review whom (conflict of interest), and
 * when the call's timeline lets reviewers score and the ministry assign and decide.
 */
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import type { CallStatus, ScoreAggregation } from '../../../shared/vocabulary/index.ts';
import type { Problem } from './calls.rules.ts';

/** Scores are kept to two decimals (designation_applications.final_score), and compared so. */
export const roundScore = (value: number) => Math.round(value * 100) / 100;

/** With this many submitted reviews or more, a trimmed mean drops one highest and one lowest total. */
export const TRIM_FROM_REVIEWERS = 5;

/** Reviewers whose totals differ by this many points (of 100) or more: the ministry should look before deciding. */
export const WIDE_SPREAD_POINTS = 20;

/** One reviewer's submitted scores: the total and its parts by rubric area (in area order). */
export interface SubmittedReview {
  key: number;
  total: number;
  areas: readonly number[];
}

export interface Aggregate {
  score: number;
  /** The areas' scores by the same rule, from the same reviewers (so that they add up to the score, to rounding). */
  areas: number[];
  /** The reviews left out by the trimmed mean (one highest, one lowest), or none. */
  dropped: number[];
}

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/**
 * The application's score by the call's rule: the mean of every submitted total, or — when the call says so and at
 * least five reviewers submitted — the mean without one highest and one lowest total. Among equal totals, the one
 * dropped is the earliest assigned (lowest key) at the bottom and the latest at the top, so that the same reviewers
 * are always left out. Null until someone has submitted.
 */
export function aggregateScores(reviews: readonly SubmittedReview[], rule: ScoreAggregation): Aggregate | null {
  if (reviews.length === 0) return null;
  let counted = [...reviews];
  let dropped: number[] = [];
  if (rule === 'trimmed_mean' && reviews.length >= TRIM_FROM_REVIEWERS) {
    const ordered = [...reviews].sort((a, b) => a.total - b.total || a.key - b.key);
    const lowest = ordered[0]!;
    const highest = ordered.at(-1)!;
    dropped = [lowest.key, highest.key];
    counted = reviews.filter((r) => r !== lowest && r !== highest);
  }
  const areaCount = Math.max(...counted.map((r) => r.areas.length));
  return {
    score: roundScore(mean(counted.map((r) => r.total))),
    areas: Array.from({ length: areaCount }, (_, i) => roundScore(mean(counted.map((r) => r.areas[i] ?? 0)))),
    dropped,
  };
}

export interface Spread {
  /** Highest total minus lowest. */
  range: number;
  /** Standard deviation of the totals, of the panel itself (divided by n, not n − 1). */
  sd: number;
}

/** How far the submitted totals lie apart (all of them, the trimmed ones too: disagreement is what it shows). */
export function spreadOf(totals: readonly number[]): Spread | null {
  if (totals.length === 0) return null;
  const average = mean(totals);
  return {
    range: roundScore(Math.max(...totals) - Math.min(...totals)),
    sd: roundScore(Math.sqrt(mean(totals.map((t) => (t - average) ** 2)))),
  };
}

/**
 * Ranks by score, highest first; equal scores (to two decimals) share a rank and the next rank skips (1, 2, 2, 4).
 * Whatever has no score yet has no rank.
 */
export function rankByScore(items: readonly { key: number; score: number | null }[]): Map<number, number | null> {
  const scored = items.filter((i) => i.score !== null).map((i) => ({ key: i.key, score: roundScore(i.score!) }))
    .sort((a, b) => b.score - a.score);
  const ranks = new Map<number, number | null>(items.map((i) => [i.key, null]));
  scored.forEach((item, i) => {
    const previous = scored[i - 1];
    ranks.set(item.key, previous && previous.score === item.score ? ranks.get(previous.key)! : i + 1);
  });
  return ranks;
}

export interface CutLine {
  quota: number;
  /** How many applications rank within the quota (more than the quota when several share the last rank). */
  within: number;
  /** The lowest score within the quota. */
  score: number | null;
  /** Applications sharing the last rank within the quota push the count over it: the ministry must choose. */
  tie: boolean;
}

/** Where the quota cuts the ranking. */
export function cutLine(ranked: readonly { rank: number | null; score: number | null }[], quota: number): CutLine {
  const within = ranked.filter((r) => r.rank !== null && r.rank <= quota);
  return {
    quota,
    within: within.length,
    score: within.length === 0 ? null : Math.min(...within.map((r) => r.score!)),
    tie: within.length > quota,
  };
}

// ---- Conflict of interest -----------------------------------------------------------------------------

export interface ReviewerPlaces {
  /** Where they live (a 시·군·구); its first two digits are the 시·도. */
  homeCityCode: string | null;
  /** The 시·도 they work in. */
  worksInProvinceCode: string | null;
  /** The cities they have been the consultant of (a potential city's year, a deferred city's improvement). */
  consultedCityCodes: string[];
}

export interface Conflict {
  lives: boolean;
  works: boolean;
  /** They consulted the city: they would score the advice they gave. */
  consulted: boolean;
}

/**
 * A reviewer who lives or works in the applying city's 시·도, or who has been the city's consultant, may not review
 * or evaluate it; null when they may.
 */
export function conflictOfInterest(reviewer: ReviewerPlaces, city: { cityCode: string; provinceCode: string }): Conflict | null {
  const lives = reviewer.homeCityCode !== null && reviewer.homeCityCode.slice(0, 2) === city.provinceCode;
  const works = reviewer.worksInProvinceCode === city.provinceCode;
  const consulted = reviewer.consultedCityCodes.includes(city.cityCode);
  return lives || works || consulted ? { lives, works, consulted } : null;
}

/**
 * Why a conflict bars them, as the refusal says it before the city: "경기도에 살고 있어 같은 시·도의" / "lives in
 * Gyeonggi-do, the province of 수원시," — each service ends the sentence with what may not be done.
 */
export function conflictClause(conflict: Conflict, names: { provinceKo: string; provinceEn: string; cityEn: string }) {
  const place = conflict.lives || conflict.works;
  const how = conflict.lives && conflict.works
    ? { ko: '살고 일하고', en: 'lives and works' }
    : conflict.lives ? { ko: '살고', en: 'lives' } : { ko: '일하고', en: 'works' };
  if (!conflict.consulted) return { ko: `${names.provinceKo}에 ${how.ko} 있어 같은 시·도의`, en: `${how.en} in ${names.provinceEn}, the province of ${names.cityEn},` };
  if (!place) return { ko: '컨설턴트를 맡았던', en: `has been the consultant of ${names.cityEn}` };
  return {
    ko: `${names.provinceKo}에 ${how.ko} 있고 컨설턴트를 맡았던`,
    en: `${how.en} in ${names.provinceEn}, the province of ${names.cityEn}, and has been its consultant,`,
  };
}

// ---- The call's timeline ------------------------------------------------------------------------------

export interface ReviewTimeline {
  year: number;
  status: CallStatus;
  reviewStartsOn: string;
  reviewEndsOn: string;
}

const announced = (call: ReviewTimeline): Problem => ({
  status: 409, field: 'status',
  words: { ko: `${call.year}년 공모는 결과를 이미 발표했습니다.`, en: `The results of the ${call.year} call have been announced.` },
});

/** Reviewers score from the first to the last day of the review (in Korea), until the results are out. */
export function scoringProblem(call: ReviewTimeline, now: Date): Problem | null {
  if (call.status === 'announced') return announced(call);
  const today = todayInKorea(now);
  if (today < call.reviewStartsOn || today > call.reviewEndsOn) {
    return {
      status: 409, field: 'reviewWindow',
      words: {
        ko: `심사 기간(${call.reviewStartsOn} ~ ${call.reviewEndsOn})에만 점수를 매기고 제출할 수 있습니다.`,
        en: `Scores can be given and submitted only during the review (${call.reviewStartsOn} to ${call.reviewEndsOn}).`,
      },
    };
  }
  return null;
}

/** The ministry assigns reviewers to endorsed applications until the review ends. */
export function assigningProblem(call: ReviewTimeline, now: Date): Problem | null {
  if (call.status === 'announced') return announced(call);
  if (todayInKorea(now) > call.reviewEndsOn) {
    return {
      status: 409, field: 'reviewWindow',
      words: {
        ko: `심사 기간이 ${call.reviewEndsOn}에 끝나 심사위원을 바꿀 수 없습니다.`,
        en: `The review ended on ${call.reviewEndsOn}; reviewers can no longer change.`,
      },
    };
  }
  return null;
}

/** The ministry decides from the first day of the review until it announces the results. */
export function decidingProblem(call: ReviewTimeline, now: Date): Problem | null {
  if (call.status === 'announced') return announced(call);
  if (todayInKorea(now) < call.reviewStartsOn) {
    return {
      status: 409, field: 'reviewWindow',
      words: {
        ko: `심사가 ${call.reviewStartsOn}에 시작합니다. 그 전에는 결정할 수 없습니다.`,
        en: `The review starts on ${call.reviewStartsOn}; no decision can be made before.`,
      },
    };
  }
  return null;
}

/** A score for an item worth `points`: from 0 to the points, in half points. */
export function scoreAllowed(score: number, points: number): boolean {
  return score >= 0 && score <= points && Number.isInteger(score * 2);
}
