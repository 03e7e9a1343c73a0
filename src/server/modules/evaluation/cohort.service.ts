/**
 * The cohort of a year: the cities due by their designation histories (cohort.rules.ts), grouped as the ministry
 * groups them. Once the year's round has opened, the cohort is the cities it opened with.
 */
import type { Cohort, CohortCity, CohortQuery } from '../../../shared/contracts/evaluation.ts';
import { cohortGroups } from '../../../shared/vocabulary/index.ts';
import type { Executor } from '../../platform/database/database.ts';
import { cohortGroupOf, isDue, nextDue } from './cohort.rules.ts';
import * as queries from './evaluation.queries.ts';

type Histories = Map<string, queries.CityHistoryRow[]>;

async function histories(db: Executor): Promise<Histories> {
  const byCity: Histories = new Map();
  for (const row of await queries.designatedHistories(db)) {
    const history = byCity.get(row.cityCode);
    if (history) history.push(row);
    else byCity.set(row.cityCode, [row]);
  }
  return byCity;
}

function dueIn(byCity: Histories, year: number): CohortCity[] {
  const due: CohortCity[] = [];
  for (const [cityCode, history] of byCity) {
    const next = nextDue(history);
    if (!isDue(next, year)) continue;
    const city = history[0]!;
    due.push({
      cityCode, cityNameKo: city.cityNameKo, cityNameEn: city.cityNameEn, provinceShortKo: city.provinceShortKo, provinceShortEn: city.provinceShortEn,
      group: cohortGroupOf(cityCode, city.kind), state: next.state, designatedYear: next.designatedYear, dueYear: next.dueYear,
      reasonKo: next.reason.ko, reasonEn: next.reason.en,
    });
  }
  return due;
}

/** Every city due in `year` by its history, in code order. */
export async function dueCities(db: Executor, year: number): Promise<CohortCity[]> {
  return dueIn(await histories(db), year);
}

const countsOf = (cities: readonly { group: string }[]): Cohort['counts'] => {
  const count = (group: string) => cities.filter((c) => c.group === group).length;
  return { total: cities.length, metropolitan: count('metropolitan'), province_city: count('province_city'), province_county: count('province_county') };
};

/** How many cities each year's cohort has, by group (the histories read once for every year whose round has not opened). */
export async function cohortCounts(db: Executor, years: readonly number[]): Promise<{ year: number; roundStatus: Cohort['roundStatus']; counts: Cohort['counts'] }[]> {
  const rounds = await Promise.all(years.map((year) => queries.roundOf(db, year)));
  const byCity = rounds.some((round) => !round) ? await histories(db) : new Map();
  return Promise.all(years.map(async (year, i) => {
    const round = rounds[i];
    return { year, roundStatus: round?.status ?? null, counts: countsOf(round ? await queries.roundCities(db, year) : dueIn(byCity, year)) };
  }));
}

export async function cohortOf(db: Executor, year: number, query: CohortQuery): Promise<Cohort> {
  const round = await queries.roundOf(db, year);
  const cities: CohortCity[] = round
    ? (await queries.roundCities(db, year)).map((c) => ({
      cityCode: c.cityCode, cityNameKo: c.cityNameKo, cityNameEn: c.cityNameEn, provinceShortKo: c.provinceShortKo, provinceShortEn: c.provinceShortEn,
      group: c.group, state: c.stateBefore, designatedYear: c.designatedYear, dueYear: c.dueYear, reasonKo: c.reasonKo, reasonEn: c.reasonEn,
    }))
    : await dueCities(db, year);
  const order = (c: CohortCity) => cohortGroups.codes.indexOf(c.group);
  const listed = cities.filter((c) => !query.group || c.group === query.group)
    .sort((a, b) => order(a) - order(b) || a.dueYear - b.dueYear || a.cityCode.localeCompare(b.cityCode));
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  return {
    year, roundStatus: round?.status ?? null,
    counts: countsOf(cities),
    items: listed.slice((page - 1) * pageSize, page * pageSize), total: listed.length, page, pageSize,
  };
}
