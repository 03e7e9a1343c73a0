/**
 * The national picture: the learning cities by year (from the designation histories), the cohorts due (the
 * evaluation's), the composite index by the ministry's groups (the indicators'), and the cities at risk. The public
 * version and the ministry's differ only in what `national.private.view` adds: named scores and the at-risk list.
 */
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { AtRiskList, AtRiskQuery, CohortsDue, IndexDistribution, MapCity, NationalMap, NationalTimeline } from '../../../shared/contracts/national.ts';
import { cohortGroups, FIRST_DESIGNATION_YEAR, type AtRiskReason } from '../../../shared/vocabulary/index.ts';
import type { AppDb } from '../../platform/database/database.ts';
import type { Reader } from '../../platform/database/reads.ts';
import { designation } from '../designation/index.ts';
import { geography } from '../geography/index.ts';
import { evaluation } from '../evaluation/index.ts';
import { indicatorsModule } from '../indicators/index.ts';
import * as queries from './national.queries.ts';
import type { NationalReportData } from './national.report.ts';
import { citiesAtRisk, isLearning, spreadOf, statesAtEndOf, timeline } from './national.rules.ts';

/** How many round years ahead the cohorts are shown (this year's and the next two). */
const COHORT_YEARS = 3;

export async function nationalTimeline(db: Reader, thisYear: number): Promise<NationalTimeline> {
  return { years: timeline(await queries.allTransitions(db), FIRST_DESIGNATION_YEAR, thisYear) };
}

/** Every city with a history by the end of `year`, with its state then: what the map of that year shows. */
export async function nationalMap(db: Reader, year: number, page: PageRequest): Promise<NationalMap> {
  const [transitions, places] = await Promise.all([queries.allTransitions(db), queries.citiesWithHistory(db)]);
  const states = statesAtEndOf(transitions, year);
  const cities: MapCity[] = [];
  for (const place of places) {
    const latest = states.get(place.code);
    if (!latest) continue;
    cities.push({
      ...place, group: evaluation.cohortGroupOf(place.code, place.kind), state: latest.state, since: latest.occurredOn,
      // A designation after the year is not known yet in that year's map.
      firstDesignatedYear: place.firstDesignatedYear !== null && place.firstDesignatedYear <= year ? place.firstDesignatedYear : null,
    });
  }
  const from = (page.page - 1) * page.pageSize;
  return { year, items: cities.slice(from, from + page.pageSize), total: cities.length, ...page };
}

export async function cohortsDue(db: AppDb, thisYear: number): Promise<CohortsDue> {
  return { years: await evaluation.cohortCounts(db, Array.from({ length: COHORT_YEARS }, (_, i) => thisYear + i)) };
}

/** Each city with a history: its names, group and state now. */
async function currentCities(db: AppDb) {
  return (await queries.citiesWithHistory(db)).map((place) => ({ ...place, group: evaluation.cohortGroupOf(place.code, place.kind) }));
}

/**
 * The composite (performance) index of the year's learning cities by group (unless asked, of the last finished year,
 * as the evaluation scores it: a year just begun has hardly any data): quartiles for everyone; each city's score
 * named only for those who may see the national comparison privately (a city's scores are its console's, not public).
 */
export async function indexDistribution(db: AppDb, year: number | undefined, named: boolean, thisYear: number): Promise<IndexDistribution> {
  const [index, cities] = await Promise.all([indicatorsModule.indexScoresOfYear(db, year, thisYear - 1), currentCities(db)]);
  const scores = new Map((index?.scores ?? []).map((s) => [s.cityCode, s.score]));
  return {
    year: index?.year ?? null, years: index?.years ?? [],
    groups: cohortGroups.codes.map((group) => {
      const scored = cities
        .filter((c) => c.group === group && isLearning(c.state) && scores.get(c.code) !== undefined && scores.get(c.code) !== null)
        .map((c) => ({ code: c.code, nameKo: c.nameKo, nameEn: c.nameEn, score: scores.get(c.code)! }))
        .sort((a, b) => a.score - b.score || a.code.localeCompare(b.code));
      return { group, ...spreadOf(scored.map((c) => c.score)), ...(named ? { cities: scored } : {}) };
    }),
  };
}

/**
 * The learning cities at risk (national.rules.ts: deferred, score fell, bottom quarter of its group), most reasons first,
 * each with the round that deferred it and its latest improvement consulting.
 */
export async function atRisk(db: AppDb, query: AtRiskQuery, page: PageRequest, thisYear: number): Promise<AtRiskList> {
  const [index, cities, finalTotals] = await Promise.all([indicatorsModule.indexScoresOfYear(db, undefined, thisYear - 1), currentCities(db), evaluation.finalTotals(db)]);
  const scores = new Map((index?.scores ?? []).map((s) => [s.cityCode, s.score]));
  const totals = new Map<string, { year: number; total: number; outcome: string }[]>();
  for (const { cityCode, year, total, outcome } of finalTotals) totals.set(cityCode, [...(totals.get(cityCode) ?? []), { year, total, outcome }]);
  const byCode = new Map(cities.map((c) => [c.code, c]));
  const risks = citiesAtRisk(cities.map((c) => ({ cityCode: c.code, group: c.group, state: c.state, totals: totals.get(c.code) ?? [], index: scores.get(c.code) ?? null })));
  const listed = risks
    .filter((r) => !query.reason || r.reasons.includes(query.reason))
    .map((r) => {
      const city = byCode.get(r.cityCode)!;
      const last = totals.get(city.code)?.at(-1);
      return {
        code: city.code, nameKo: city.nameKo, nameEn: city.nameEn, provinceShortKo: city.provinceShortKo, provinceShortEn: city.provinceShortEn,
        group: city.group, state: city.state, reasons: r.reasons, index: scores.get(city.code) ?? null, groupP25: r.groupP25,
        totals: (totals.get(city.code) ?? []).slice(-2).map(({ year, total }) => ({ year, total })),
        deferredInRound: city.state === 'deferred' && last?.outcome === 'deferred' ? last.year : null,
      };
    })
    .sort((a, b) => b.reasons.length - a.reasons.length || (a.index ?? Infinity) - (b.index ?? Infinity) || a.code.localeCompare(b.code));
  const count = (reason: AtRiskReason) => risks.filter((r) => r.reasons.includes(reason)).length;
  const from = (page.page - 1) * page.pageSize;
  const shown = listed.slice(from, from + page.pageSize);
  // The improvement consultings of the page's cities only (the list is long; a page is 20).
  const consultings = await designation.improvementsOf(db, shown.map((c) => c.code));
  return {
    items: shown.map((c) => ({ ...c, consulting: consultings.get(c.code) ?? null })), total: listed.length, ...page, indexYear: index?.year ?? null,
    counts: { total: risks.length, deferred: count('deferred'), score_fell: count('score_fell'), below_peers: count('below_peers') },
  };
}

/** Every city at risk fits one page of the report's list (there are at most the 229 municipalities). */
const ALL_CITIES = { page: 1, pageSize: 1000 };

/** What the national yearly report of `year` says (national.report.ts), each part reported as a step. */
export async function gatherNationalReport(db: AppDb, year: number, thisYear: number, step: (phase: string) => void): Promise<NationalReportData> {
  step('Learning cities by year and province');
  const [transitions, places, provinces] = await Promise.all([queries.allTransitions(db), queries.citiesWithHistory(db), geography.listProvinces(db)]);
  const states = statesAtEndOf(transitions, year);
  const learning = new Map<string, number>();
  for (const place of places) {
    if (isLearning(states.get(place.code)?.state)) learning.set(place.provinceShortKo, (learning.get(place.provinceShortKo) ?? 0) + 1);
  }
  step('Cohorts due');
  const cohorts = await cohortsDue(db, year + 1);
  step('The composite index');
  const index = await indexDistribution(db, year, true, thisYear);
  step('Cities at risk');
  const risks = await atRisk(db, {}, ALL_CITIES, thisYear);
  return {
    year, generatedAt: new Date(),
    timeline: timeline(transitions, FIRST_DESIGNATION_YEAR, year),
    provinces: provinces.map((p) => ({ provinceShortKo: p.shortKo, learning: learning.get(p.shortKo) ?? 0 })),
    cohorts, index, atRisk: risks,
  };
}
