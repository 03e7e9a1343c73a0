/**
 * A composite index of learning cities the way the OECD/JRC Handbook on Constructing Composite Indicators
 * (Nardo et al., 2008) prescribes: normalise each indicator, weight, aggregate within areas and then
 * across areas, and test how much the ranking depends on those choices. Pure.
 *
 * - Normalisation: min–max to 0–100, or z-scores; an indicator where less is better is turned around.
 * - Aggregation: linear (Σ w·x / Σ w, fully compensatory) or geometric (Π x^w, partly compensatory;
 *   values are first rescaled to 1–100 so none is zero).
 * - Missing values are left out of that city's area with the remaining weights renormalised.
 * - Uncertainty: Monte Carlo over normalisation, aggregation and weights (each weight drawn within ±spread
 *   of its nominal value, then renormalised) gives each city a median rank and a 90% rank interval.
 */
import { Random } from '../../../shared/lib/random.ts';

export type Normalisation = 'minmax' | 'zscore';
export type Aggregation = 'linear' | 'geometric';

export interface IndexIndicator {
  id: string;
  area: string;
  /** +1: more is better; −1: less is better. */
  direction: 1 | -1;
}

export interface IndexInput {
  cities: readonly string[];
  indicators: readonly IndexIndicator[];
  /** values.get(city)?.get(indicator): a number, or null/undefined when missing. */
  values: ReadonlyMap<string, ReadonlyMap<string, number | null>>;
  /** Weight of each area in the index (any positive numbers; they are normalised). */
  areaWeights: Readonly<Record<string, number>>;
  /** Weight of each indicator within its area (default 1). */
  indicatorWeights?: Readonly<Record<string, number>>;
}

export interface CityScore {
  score: number;
  areas: Record<string, number | null>;
}

export interface Method {
  normalisation: Normalisation;
  aggregation: Aggregation;
}

/** Normalises one indicator across cities; null stays null. */
export function normalise(values: readonly (number | null)[], method: Normalisation, direction: 1 | -1, rescaleForGeometric = false): (number | null)[] {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return values.map(() => null);
  let scaled: (number | null)[];
  if (method === 'minmax' || rescaleForGeometric) {
    const min = Math.min(...present);
    const max = Math.max(...present);
    scaled = values.map((v) => (v === null || !Number.isFinite(v) ? null : max === min ? 50 : (100 * (v - min)) / (max - min)));
    if (direction === -1) scaled = scaled.map((v) => (v === null ? null : 100 - v));
    // Geometric means need positive values: 1–100 instead of 0–100.
    if (rescaleForGeometric) scaled = scaled.map((v) => (v === null ? null : 1 + (99 * v) / 100));
    return scaled;
  }
  const mean = present.reduce((a, b) => a + b, 0) / present.length;
  const sd = Math.sqrt(present.reduce((a, b) => a + (b - mean) ** 2, 0) / present.length);
  return values.map((v) => (v === null || !Number.isFinite(v) ? null : sd === 0 ? 0 : (direction * (v - mean)) / sd));
}

function aggregate(parts: readonly { value: number | null; weight: number }[], method: Aggregation): number | null {
  const present = parts.filter((p): p is { value: number; weight: number } => p.value !== null && p.weight > 0);
  const total = present.reduce((sum, p) => sum + p.weight, 0);
  if (total === 0) return null;
  if (method === 'linear') return present.reduce((sum, p) => sum + p.weight * p.value, 0) / total;
  return Math.exp(present.reduce((sum, p) => sum + (p.weight / total) * Math.log(p.value), 0));
}

export function compositeScores(input: IndexInput, method: Method, weights = { areas: input.areaWeights, indicators: input.indicatorWeights ?? {} }): Map<string, CityScore> {
  const geometric = method.aggregation === 'geometric';
  const normalised = new Map<string, (number | null)[]>();
  for (const indicator of input.indicators) {
    const column = input.cities.map((city) => input.values.get(city)?.get(indicator.id) ?? null);
    normalised.set(indicator.id, normalise(column, method.normalisation, indicator.direction, geometric));
  }
  const areas = [...new Set(input.indicators.map((i) => i.area))];
  const scores = new Map<string, CityScore>();
  input.cities.forEach((city, c) => {
    const areaScores: Record<string, number | null> = {};
    for (const area of areas) {
      areaScores[area] = aggregate(
        input.indicators.filter((i) => i.area === area).map((i) => ({ value: normalised.get(i.id)![c]!, weight: weights.indicators[i.id] ?? 1 })),
        method.aggregation,
      );
    }
    const score = aggregate(areas.map((area) => ({ value: areaScores[area]!, weight: weights.areas[area] ?? 0 })), method.aggregation);
    scores.set(city, { score: score ?? Number.NaN, areas: areaScores });
  });
  return scores;
}

/** Rank 1 is the highest score; ties share the better rank. Cities without a score rank last. */
export function ranksOf(scores: ReadonlyMap<string, { score: number }>): Map<string, number> {
  const sorted = [...scores].sort((a, b) => (Number.isNaN(b[1].score) ? -1 : Number.isNaN(a[1].score) ? 1 : b[1].score - a[1].score));
  const ranks = new Map<string, number>();
  sorted.forEach(([city, { score }], i) => {
    const previous = sorted[i - 1];
    ranks.set(city, previous && previous[1].score === score ? ranks.get(previous[0])! : i + 1);
  });
  return ranks;
}

export interface RankInterval {
  nominal: number;
  median: number;
  p5: number;
  p95: number;
}

export interface UncertaintyResult {
  intervals: Map<string, RankInterval>;
  /** Mean absolute rank change when only this choice varies from the nominal one. */
  sensitivity: { normalisation: number; aggregation: number; weights: number };
  runs: number;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!;

function perturbed(weights: Readonly<Record<string, number>>, random: Random, spread: number): Record<string, number> {
  return Object.fromEntries(Object.entries(weights).map(([key, w]) => [key, w * random.between(1 - spread, 1 + spread)]));
}

function meanShift(a: Map<string, number>, b: Map<string, number>): number {
  let total = 0;
  for (const [city, rank] of a) total += Math.abs(rank - (b.get(city) ?? rank));
  return a.size ? total / a.size : 0;
}

export function uncertainty(input: IndexInput, nominal: Method, options: { runs: number; seed: number; weightSpread: number }): UncertaintyResult {
  const random = new Random(options.seed);
  const indicatorWeights = Object.fromEntries(input.indicators.map((i) => [i.id, input.indicatorWeights?.[i.id] ?? 1]));
  const nominalRanks = ranksOf(compositeScores(input, nominal));
  const samples = new Map<string, number[]>(input.cities.map((c) => [c, []]));
  for (let run = 0; run < options.runs; run++) {
    const method: Method = { normalisation: random.pick(['minmax', 'zscore'] as const), aggregation: random.pick(['linear', 'geometric'] as const) };
    const ranks = ranksOf(compositeScores(input, method, {
      areas: perturbed(input.areaWeights, random, options.weightSpread),
      indicators: perturbed(indicatorWeights, random, options.weightSpread),
    }));
    for (const [city, rank] of ranks) samples.get(city)!.push(rank);
  }
  const intervals = new Map<string, RankInterval>();
  for (const [city, ranks] of samples) {
    const sorted = ranks.sort((a, b) => a - b);
    intervals.set(city, { nominal: nominalRanks.get(city)!, median: quantile(sorted, 0.5), p5: quantile(sorted, 0.05), p95: quantile(sorted, 0.95) });
  }
  const other = <T,>(value: T, choices: readonly T[]) => choices.find((c) => c !== value)!;
  const weightRuns = Math.min(50, options.runs);
  let weightShift = 0;
  for (let run = 0; run < weightRuns; run++) {
    weightShift += meanShift(nominalRanks, ranksOf(compositeScores(input, nominal, {
      areas: perturbed(input.areaWeights, random, options.weightSpread), indicators: perturbed(indicatorWeights, random, options.weightSpread),
    })));
  }
  return {
    intervals,
    sensitivity: {
      normalisation: meanShift(nominalRanks, ranksOf(compositeScores(input, { ...nominal, normalisation: other(nominal.normalisation, ['minmax', 'zscore'] as const) }))),
      aggregation: meanShift(nominalRanks, ranksOf(compositeScores(input, { ...nominal, aggregation: other(nominal.aggregation, ['linear', 'geometric'] as const) }))),
      weights: weightRuns ? weightShift / weightRuns : 0,
    },
    runs: options.runs,
  };
}
