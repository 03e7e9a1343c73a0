/** Every SQL statement of the cities module. */
import { eq, sql, type SQL } from 'drizzle-orm';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { LearningCitySummary, UpdateCityProfileBody } from '../../../shared/contracts/cities.ts';
import { activeDesignationStates, type DesignationState } from '../../../shared/vocabulary/index.ts';
import { containing, firstRow, rows, offsetOf, pageOf, type Executor } from '../../platform/database/database.ts';
import type { Reader } from '../../platform/database/reads.ts';
import { cityProfiles } from './cities.schema.ts';

export type CityListing = 'learning' | 'with_history' | 'all';

export interface CityFilter {
  listing: CityListing;
  provinceCode?: string;
  q?: string;
  state?: DesignationState;
}

/** Each city's current state (its latest transition) and first designation year; reads the designation module's history. */
const citySummarySql = sql`
  WITH current_state AS (
    SELECT DISTINCT ON (city_code) city_code, state
    FROM designation_transitions ORDER BY city_code, occurred_on DESC, id DESC
  ), first_designation AS (
    SELECT city_code, min(year) AS designated_year
    FROM designation_transitions WHERE state = 'designated' GROUP BY city_code
  ), population AS (
    SELECT municipality_code, sum(population)::int AS population FROM dongs GROUP BY municipality_code
  )
  SELECT m.code, m.name_ko AS "nameKo", m.name_en AS "nameEn", p.short_ko AS "provinceShortKo",
         p.short_en AS "provinceShortEn", m.kind, m.lat, m.lon, cs.state,
         fd.designated_year AS "designatedYear", COALESCE(pop.population, 0) AS population
  FROM municipalities m
  JOIN provinces p ON p.code = m.province_code
  LEFT JOIN current_state cs ON cs.city_code = m.code
  LEFT JOIN first_designation fd ON fd.city_code = m.code
  LEFT JOIN population pop ON pop.municipality_code = m.code`;

function cityWhere(filter: CityFilter): SQL {
  const conditions: SQL[] = [sql`TRUE`];
  if (filter.listing === 'learning') conditions.push(sql`cs.state = ANY(${sql.param([...activeDesignationStates])}::text[])`);
  if (filter.listing === 'with_history') conditions.push(sql`cs.state IS NOT NULL`);
  if (filter.state) conditions.push(sql`cs.state = ${filter.state}`);
  if (filter.provinceCode) conditions.push(sql`m.province_code = ${filter.provinceCode}`);
  if (filter.q) conditions.push(sql`(m.name_ko ILIKE ${containing(filter.q)} OR m.name_en ILIKE ${containing(filter.q)})`);
  return sql.join(conditions, sql` AND `);
}

export async function listCities(db: Reader, filter: CityFilter, page: PageRequest) {
  const where = cityWhere(filter);
  return pageOf(
    page,
    rows<LearningCitySummary>(db, sql`${citySummarySql} WHERE ${where}
      ORDER BY fd.designated_year NULLS LAST, m.code LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM (${citySummarySql} WHERE ${where}) listed`),
  );
}

export async function findCity(db: Reader, code: string): Promise<LearningCitySummary | undefined> {
  return firstRow<LearningCitySummary>(db, sql`${citySummarySql} WHERE m.code = ${code}`);
}

/** Newly designated cities per year and the running total: the national growth of the system. */
export async function designationsByYear(db: Reader) {
  return rows<{ year: number; newlyDesignated: number; cumulative: number }>(db, sql`
    SELECT year, count(*)::int AS "newlyDesignated", (sum(count(*)) OVER (ORDER BY year))::int AS cumulative
    FROM (SELECT city_code, min(year) AS year FROM designation_transitions WHERE state = 'designated' GROUP BY city_code) firsts
    GROUP BY year ORDER BY year`);
}

export async function profileOf(db: Reader, cityCode: string) {
  const [row] = await db
    .select({
      department: cityProfiles.department, vision: cityProfiles.vision, homepageUrl: cityProfiles.homepageUrl,
      phone: cityProfiles.phone, updatedAt: sql<string>`${cityProfiles.updatedAt}::text`,
    })
    .from(cityProfiles)
    .where(eq(cityProfiles.cityCode, cityCode));
  return row;
}

export async function upsertProfile(db: Executor, cityCode: string, changes: UpdateCityProfileBody, updatedBy: number) {
  await db
    .insert(cityProfiles)
    .values({ cityCode, ...changes, updatedBy })
    .onConflictDoUpdate({ target: cityProfiles.cityCode, set: { ...changes, updatedBy, updatedAt: sql`now()` } });
}
