/**
 * Use cases of the indicators module: computing and storing every city's indicators (all at once, or only
 * the cities whose data changed), and comparing a city with its peers through the composite index.
 */
import {
  indicatorGroups, indicatorList, indicators, infrastructureDimensions, performanceAreas, populationBandOf,
  type IndicatorGroup, type IndicatorId, type PeerGroup,
} from '../../../shared/vocabulary/index.ts';
import type {
  CityIndicators, IndexStanding, IndicatorComparison, NationalIndex, WeightSet, WeightsBody,
} from '../../../shared/contracts/indicators.ts';
import { quantile } from '../../../shared/lib/quantile.ts';
import { yearInKorea } from '../../platform/clock.ts';
import type { AppDb } from '../../platform/database/database.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import { compositeScores, type IndexInput, type Method } from './composite-index.ts';
import { runCompositeIndexOffThread, type IndexRun } from './composite-index.run.ts';
import { computeIndicators } from './indicator.formulas.ts';
import * as queries from './indicators.queries.ts';

/** Indicators are kept for the current year and the five before it. */
export const YEARS_KEPT = 5;
const NOMINAL: Method = { normalisation: 'minmax', aggregation: 'linear' };
const MONTE_CARLO = { runs: 500, seed: 2001, weightSpread: 0.5 };

export function indicatorSpan(to = yearInKorea()) {
  return { from: to - YEARS_KEPT + 1, to };
}

export type Progress = (phase: string, done: number, total: number) => void;

/** Computes and stores the indicators of the chosen cities (null: all that take part) for every kept year. */
export async function recompute(db: AppDb, cities: queries.CitySelection, onProgress: Progress = () => {}): Promise<{ cities: number; values: number }> {
  const span = indicatorSpan();
  onProgress('Reading the platform’s data', 0, 1);
  // Before reading: a change made while we compute marks the city again, and the next round picks it up.
  await queries.clearStale(db, cities);
  const facts = await queries.factsOf(db, cities, span);
  if (facts.size === 0) return { cities: 0, values: 0 };
  const computedAt = new Date();
  const values: queries.StoredValue[] = [];
  let done = 0;
  for (const [cityCode, years] of facts) {
    for (const [year, yearFacts] of years) {
      const computed = computeIndicators(yearFacts, years.get(year - 3));
      for (const id of indicators.codes) values.push({ cityCode, year, indicatorId: id, ...computed[id] });
    }
    onProgress('Computing indicators', ++done, facts.size);
  }
  onProgress('Storing values', 0, 1);
  await db.transaction(async (tx) => queries.storeValues(tx, [...facts.keys()], values, computedAt));
  onProgress('Storing values', 1, 1);
  return { cities: facts.size, values: values.length };
}

/** A database from before indicators existed (or a fresh import) gets them computed once, at start. */
export async function ensureComputed(db: AppDb, onProgress?: Progress): Promise<boolean> {
  if ((await queries.computedYears(db)).length > 0) return false;
  await recompute(db, null, onProgress);
  return true;
}

/** Recomputes the cities whose data changed since their last computation (oldest marks first). */
export async function recomputeStale(db: AppDb, limit = 20): Promise<string[]> {
  const cities = await queries.claimStale(db, limit);
  if (cities.length === 0) return [];
  try {
    await recompute(db, cities);
  } catch (error) {
    await queries.markStale(db, cities);
    throw error;
  }
  return cities;
}

/** A city's values are brought up to date before they are shown (the background worker usually got there first). */
async function ensureFresh(db: AppDb, cityCode: string): Promise<void> {
  if (!(await queries.claimStaleCity(db, cityCode))) return;
  try {
    await recompute(db, [cityCode]);
  } catch (error) {
    await queries.markStale(db, [cityCode]);
    throw error;
  }
}

// ---- Weights ----------------------------------------------------------------------------------------

const equalWeights = (): Omit<WeightSet, 'id' | 'createdAt' | 'createdByName'> => ({
  note: 'Equal weights (the JRC audit of the ELLI index recommends them)',
  groupWeights: Object.fromEntries(indicatorGroups.codes.map((g) => [g, 1])),
  indicatorWeights: Object.fromEntries(indicators.codes.map((i) => [i, 1])),
});

export async function weightsInForce(db: AppDb): Promise<WeightSet> {
  const [latest] = await queries.weightSets(db, 1);
  return latest ?? { id: 0, createdAt: '', createdByName: null, ...equalWeights() };
}

export async function weightHistory(db: AppDb): Promise<WeightSet[]> {
  return queries.weightSets(db, 50);
}

export async function setWeights(db: AppDb, body: WeightsBody, personId: number): Promise<WeightSet> {
  const unknownGroup = Object.keys(body.groupWeights).find((g) => !indicatorGroups.has(g));
  if (unknownGroup) throw badRequest({ ko: '영역 가중치에 없는 영역이 들어 있습니다.', en: 'Area weights name an area that does not exist.' }, `groupWeights.${unknownGroup}`);
  const unknownIndicator = Object.keys(body.indicatorWeights ?? {}).find((i) => !indicators.has(i));
  if (unknownIndicator) throw badRequest({ ko: '지표 가중치에 없는 지표가 들어 있습니다.', en: 'Indicator weights name an indicator that does not exist.' }, `indicatorWeights.${unknownIndicator}`);
  const current = await weightsInForce(db);
  const groupWeights = { ...current.groupWeights, ...body.groupWeights };
  for (const areas of [performanceAreas, infrastructureDimensions]) {
    if (areas.every((g) => (groupWeights[g] ?? 0) === 0)) throw badRequest({ ko: '지수마다 적어도 한 영역은 가중치가 0보다 커야 합니다.', en: 'At least one area of each index needs a weight above zero.' }, 'groupWeights');
  }
  await queries.insertWeights(db, {
    groupWeights, indicatorWeights: { ...current.indicatorWeights, ...body.indicatorWeights }, note: body.note, createdBy: personId,
  });
  return weightsInForce(db);
}

// ---- Comparison -------------------------------------------------------------------------------------

type Profile = Awaited<ReturnType<typeof queries.cityProfilesForComparison>>[number];

function peersOf(city: Profile, all: readonly Profile[], peers: PeerGroup): Profile[] {
  if (peers === 'kind') return all.filter((c) => c.kind === city.kind);
  if (peers === 'population') return all.filter((c) => populationBandOf(c.population) === populationBandOf(city.population));
  return [...all];
}

function indexInput(cities: readonly string[], groups: readonly IndicatorGroup[], values: Map<string, Map<string, number | null>>, weights: WeightSet): IndexInput {
  return {
    cities,
    indicators: indicatorList.filter((i) => (groups as readonly string[]).includes(i.group)).map((i) => ({ id: i.code, area: i.group, direction: i.direction })),
    values,
    areaWeights: Object.fromEntries(groups.map((g) => [g, weights.groupWeights[g] ?? 1])),
    indicatorWeights: weights.indicatorWeights,
  };
}

function runIndex(cities: readonly string[], groups: readonly IndicatorGroup[], values: Map<string, Map<string, number | null>>, weights: WeightSet): Promise<IndexRun> {
  return runCompositeIndexOffThread({ input: indexInput(cities, groups, values, weights), nominal: NOMINAL, monteCarlo: MONTE_CARLO });
}

interface YearComparison {
  profiles: Profile[];
  values: Map<string, Map<string, number | null>>;
  weights: WeightSet;
}

/**
 * A cache of each database's own: one process may serve several (the test suite opens one per file, and files
 * copied from one template share their stamps), and one database's results must never answer for another's.
 */
function perDatabase<T>(make: () => T): (db: AppDb) => T {
  const caches = new WeakMap<AppDb, T>();
  return (db) => {
    let cache = caches.get(db);
    if (!cache) caches.set(db, (cache = make()));
    return cache;
  };
}

/**
 * Every city's values for the year, with the weights in force: what all comparisons start from. Cached
 * until a value of that year is recomputed or new weights are set (any server instance may do either).
 */
const comparisonCacheOf = perDatabase(() => new Map<string, YearComparison>());
async function yearComparison(db: AppDb, year: number): Promise<YearComparison & { key: string }> {
  const key = `${year}:${await queries.comparisonStamp(db, year)}`;
  const comparisonCache = comparisonCacheOf(db);
  const cached = comparisonCache.get(key);
  if (cached) return { ...cached, key };
  const [profiles, stored, weights] = await Promise.all([queries.cityProfilesForComparison(db), queries.valuesOf(db, { year }), weightsInForce(db)]);
  const values = new Map<string, Map<string, number | null>>();
  for (const v of stored) {
    if (!values.has(v.cityCode)) values.set(v.cityCode, new Map());
    values.get(v.cityCode)!.set(v.indicatorId, v.value);
  }
  const comparison = { profiles: profiles.filter((p) => values.has(p.cityCode)), values, weights };
  for (const old of comparisonCache.keys()) if (old.startsWith(`${year}:`)) comparisonCache.delete(old);
  comparisonCache.set(key, comparison);
  return { ...comparison, key };
}

/** Monte Carlo runs are the costly part: keep the last few (a dashboard asks for the same peers repeatedly). */
const indexCacheOf = perDatabase(() => new Map<string, Promise<IndexRun>>());
function cachedIndex(db: AppDb, key: string, run: () => Promise<IndexRun>): Promise<IndexRun> {
  const indexCache = indexCacheOf(db);
  const hit = indexCache.get(key);
  if (hit) return hit;
  const result = run();
  if (indexCache.size >= 64) indexCache.delete(indexCache.keys().next().value!);
  indexCache.set(key, result);
  // A failed run (the workers busy) is not remembered.
  result.catch(() => indexCache.delete(key));
  return result;
}

const median = (values: readonly number[]) => quantile([...values].sort((a, b) => a - b), 0.5);

function standing(run: IndexRun, cityCode: string, peers: number): IndexStanding {
  const score = run.scores.get(cityCode)!;
  const interval = run.intervals.get(cityCode)!;
  const groupMedians = Object.fromEntries(Object.keys(score.areas).map((group) => [
    group, median([...run.scores.values()].map((s) => s.areas[group]).filter((v): v is number => v !== null && v !== undefined)),
  ]));
  return {
    groupMedians,
    score: Number.isNaN(score.score) ? null : score.score,
    groups: score.areas,
    rank: run.ranks.get(cityCode)!,
    rankInterval: { median: interval.median, p5: interval.p5, p95: interval.p95 },
    peers,
    sensitivity: run.sensitivity,
    peerScores: [...run.scores.values()].map((s) => s.score).filter((s) => !Number.isNaN(s)).sort((a, b) => a - b),
  };
}


/** A city's indicators over the years, and how this year compares with its peers (as a distribution). */
export async function cityIndicators(db: AppDb, cityCode: string, year: number | undefined, peers: PeerGroup): Promise<CityIndicators> {
  // A year outside the kept span is refused before anything is brought up to date: a refused request writes nothing.
  const span = indicatorSpan();
  if (year !== undefined && (year < span.from || year > span.to)) {
    throw badRequest({ ko: `지표는 ${span.from}–${span.to}년 것만 있습니다.`, en: `Indicators are kept for ${span.from}–${span.to}.` }, 'year');
  }
  await ensureFresh(db, cityCode);
  const own = await queries.valuesOf(db, { cityCode });
  if (own.length === 0) throw notFound('Indicators for this city', 'code');
  const years = [...new Set(own.map((v) => v.year))].sort((a, b) => a - b);
  const chosenYear = year ?? years[years.length - 1]!;
  if (!years.includes(chosenYear)) throw badRequest({ ko: `지표는 ${years[0]}–${years[years.length - 1]}년 것만 있습니다.`, en: `Indicators are kept for ${years[0]}–${years[years.length - 1]}.` }, 'year');
  const comparison = await yearComparison(db, chosenYear);
  const profile = comparison.profiles.find((p) => p.cityCode === cityCode);
  if (!profile) throw notFound('Indicators for this city', 'code');
  const peerProfiles = peersOf(profile, comparison.profiles, peers);
  const peerCodes = peerProfiles.map((p) => p.cityCode);

  const comparisons: IndicatorComparison[] = indicatorList.map((definition) => {
    const id = definition.code as IndicatorId;
    const mine = comparison.values.get(cityCode)?.get(id) ?? null;
    const others = peerCodes.map((c) => comparison.values.get(c)?.get(id)).filter((v): v is number => v !== null && v !== undefined).sort((a, b) => a - b);
    const better = mine === null ? null : others.filter((v) => (definition.direction === 1 ? v > mine : v < mine)).length;
    return {
      indicatorId: id,
      series: years.map((y) => ({ year: y, value: own.find((v) => v.year === y && v.indicatorId === id)?.value ?? null })),
      value: mine,
      peers: { n: others.length, min: others[0] ?? null, p25: quantile(others, 0.25), median: quantile(others, 0.5), p75: quantile(others, 0.75), max: others[others.length - 1] ?? null },
      rank: better === null ? null : better + 1,
    };
  });
  const peerKey = `${comparison.key}:${peerCodes.join(',')}`;
  const [performance, infrastructure] = await Promise.all([
    cachedIndex(db, `${peerKey}:performance`, () => runIndex(peerCodes, performanceAreas, comparison.values, comparison.weights)),
    cachedIndex(db, `${peerKey}:infrastructure`, () => runIndex(peerCodes, infrastructureDimensions, comparison.values, comparison.weights)),
  ]);
  const stamps = own.filter((v) => v.year === chosenYear).map((v) => v.computedAt).sort();
  return {
    history: await indexHistory(db, cityCode, years, peers),
    cityCode, year: chosenYear, years, peers, peerCount: peerCodes.length,
    computedAt: stamps[stamps.length - 1] ?? null,
    stale: await queries.isStale(db, cityCode),
    weightsId: comparison.weights.id,
    indicators: comparisons,
    performanceIndex: standing(performance, cityCode, peerCodes.length),
    infrastructureIndex: standing(infrastructure, cityCode, peerCodes.length),
  };
}

/** The city's index scores year by year among the same kind of peers (nominal method, without uncertainty runs). */
async function indexHistory(db: AppDb, cityCode: string, years: readonly number[], peers: PeerGroup) {
  const history = [];
  for (const year of years) {
    const comparison = await yearComparison(db, year);
    const profile = comparison.profiles.find((p) => p.cityCode === cityCode);
    if (!profile) continue;
    const peerCodes = peersOf(profile, comparison.profiles, peers).map((p) => p.cityCode);
    const scoreOf = (groups: readonly IndicatorGroup[]) => {
      const { score, areas } = compositeScores(indexInput(peerCodes, groups, comparison.values, comparison.weights), NOMINAL).get(cityCode)!;
      return { score: Number.isNaN(score) ? null : score, groups: areas };
    };
    history.push({ year, performance: scoreOf(performanceAreas), infrastructure: scoreOf(infrastructureDimensions) });
  }
  return history;
}

/**
 * Every city's performance index of a year (nominal method over all cities, no uncertainty runs): what the national
 * picture groups into distributions. Unless a year is named, the latest computed year up to `notAfter` (else the
 * latest); null when none.
 */
export async function indexScoresOfYear(db: AppDb, year?: number, notAfter = Infinity): Promise<{ year: number; years: number[]; scores: { cityCode: string; score: number | null }[] } | null> {
  const years = await queries.computedYears(db);
  const chosenYear = year ?? years.filter((y) => y <= notAfter).at(-1) ?? years.at(-1);
  if (chosenYear === undefined || !years.includes(chosenYear)) return null;
  const comparison = await yearComparison(db, chosenYear);
  const nominalCache = nominalCacheOf(db);
  let scores = nominalCache.get(comparison.key);
  if (!scores) {
    const codes = comparison.profiles.map((p) => p.cityCode);
    const computed = compositeScores(indexInput(codes, performanceAreas, comparison.values, comparison.weights), NOMINAL);
    scores = codes.map((cityCode) => {
      const score = computed.get(cityCode)!.score;
      return { cityCode, score: Number.isNaN(score) ? null : score };
    });
    // Only the current comparison of each year is worth keeping: a new key means new values or weights.
    for (const old of nominalCache.keys()) if (old.startsWith(`${chosenYear}:`)) nominalCache.delete(old);
    nominalCache.set(comparison.key, scores);
  }
  return { year: chosenYear, years, scores };
}
/** Nominal scores of every city by comparison key (year, latest computation, weights), as `comparisonCache`. */
const nominalCacheOf = perDatabase(() => new Map<string, { cityCode: string; score: number | null }[]>());

/** Every city, named, with its index scores, ranks and rank intervals (the ministry's national view). */
export async function nationalIndex(db: AppDb, year: number | undefined): Promise<NationalIndex> {
  const years = await queries.computedYears(db);
  if (years.length === 0) return { year: year ?? 0, years, weightsId: 0, cities: [] };
  const chosenYear = year ?? years[years.length - 1]!;
  if (!years.includes(chosenYear)) throw badRequest({ ko: `지표는 ${years[0]}–${years[years.length - 1]}년 것만 있습니다.`, en: `Indicators are kept for ${years[0]}–${years[years.length - 1]}.` }, 'year');
  const comparison = await yearComparison(db, chosenYear);
  const codes = comparison.profiles.map((p) => p.cityCode);
  const [performance, infrastructure] = await Promise.all([
    cachedIndex(db, `${comparison.key}:all:performance`, () => runIndex(codes, performanceAreas, comparison.values, comparison.weights)),
    cachedIndex(db, `${comparison.key}:all:infrastructure`, () => runIndex(codes, infrastructureDimensions, comparison.values, comparison.weights)),
  ]);
  const cities = comparison.profiles.map((p) => {
    const perf = standing(performance, p.cityCode, codes.length);
    const infra = standing(infrastructure, p.cityCode, codes.length);
    return {
      cityCode: p.cityCode, nameKo: p.nameKo, nameEn: p.nameEn, kind: p.kind, population: p.population,
      populationBand: populationBandOf(p.population),
      performance: { score: perf.score, groups: perf.groups, rank: perf.rank, rankInterval: perf.rankInterval },
      infrastructure: { score: infra.score, groups: infra.groups, rank: infra.rank, rankInterval: infra.rankInterval },
      values: Object.fromEntries(indicators.codes.map((id) => [id, comparison.values.get(p.cityCode)?.get(id) ?? null])),
    };
  }).sort((a, b) => a.performance.rank - b.performance.rank);
  return { year: chosenYear, years, weightsId: comparison.weights.id, cities };
}
