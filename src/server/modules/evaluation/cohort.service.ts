/**
 * The cohort of a year: the cities due by their designation histories (cohort.rules.ts), grouped as the ministry
 * groups them. Once the year's round has opened, the cohort is the cities it opened with.
 */
import type { Cohort, CohortCity, CohortQuery } from '../../../shared/contracts/evaluation.ts';
import { cohortGroups } from '../../../shared/vocabulary/index.ts';
import type { Executor } from '../../platform/database/database.ts';
import { cohortGroupOf, isDue, nextDue } from './cohort.rules.ts';
import * as queries from './evaluation.queries.ts';

/** Every city due in `year` by its history, in code order. */
export async function dueCities(db: Executor, year: number): Promise<CohortCity[]> {
  const histories = new Map<string, queries.CityHistoryRow[]>();
  for (const row of await queries.designatedHistories(db)) {
    const history = histories.get(row.cityCode);
    if (history) history.push(row);
    else histories.set(row.cityCode, [row]);
  }
  const due: CohortCity[] = [];
  for (const [cityCode, history] of histories) {
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

export async function cohortOf(db: Executor, year: number, query: CohortQuery): Promise<Cohort> {
  const round = await queries.roundOf(db, year);
  const cities: CohortCity[] = round
    ? (await queries.roundCities(db, year)).map((c) => ({
      cityCode: c.cityCode, cityNameKo: c.cityNameKo, cityNameEn: c.cityNameEn, provinceShortKo: c.provinceShortKo, provinceShortEn: c.provinceShortEn,
      group: c.group, state: c.stateBefore, designatedYear: c.designatedYear, dueYear: c.dueYear, reasonKo: c.reasonKo, reasonEn: c.reasonEn,
    }))
    : await dueCities(db, year);
  const count = (group: string) => cities.filter((c) => c.group === group).length;
  const order = (c: CohortCity) => cohortGroups.codes.indexOf(c.group);
  const listed = cities.filter((c) => !query.group || c.group === query.group)
    .sort((a, b) => order(a) - order(b) || a.dueYear - b.dueYear || a.cityCode.localeCompare(b.cityCode));
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  return {
    year, roundStatus: round?.status ?? null,
    counts: { total: cities.length, metropolitan: count('metropolitan'), province_city: count('province_city'), province_county: count('province_county') },
    items: listed.slice((page - 1) * pageSize, page * pageSize), total: listed.length, page, pageSize,
  };
}
