/**
 * Every SQL statement of the indicators module. The facts come from running totals kept by triggers (the
 * big tables: programs, enrolments, people) and from the small tables of other modules, read-only, grouped
 * by city and year: all cities cost a few small scans, one city a few index lookups.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { IndicatorId, OrdinanceKind } from '../../../shared/vocabulary/index.ts';
import { firstRow, isoUtc, rows, type Executor } from '../../platform/database/database.ts';
import type { CityYearFacts, IndicatorValue } from './indicator.formulas.ts';

/** Null: every city that takes part (has an institution on the platform); others have nothing to compute from. */
export type CitySelection = readonly string[] | null;

const inCities = (column: SQL, cities: CitySelection) => (cities ? sql`${column} = ANY(${sql.param([...cities])}::text[])` : sql`TRUE`);
const yearOfDate = (date: SQL) => sql`extract(year FROM ${date})::int`;

interface Span {
  from: number;
  to: number;
}

type Keyed<T> = T & { cityCode: string; year: number };

/** The facts of the chosen cities for every year of the span, as a map city → year → facts. */
export async function factsOf(db: Executor, cities: CitySelection, span: Span): Promise<Map<string, Map<number, CityYearFacts>>> {
  const fromDate = `${span.from}-01-01`;
  const toDate = `${span.to + 1}-01-01`;
  const [places, tallies, groups, volunteers, events, meetings, ordinances, trainings, records] = await Promise.all([
    rows<{ cityCode: string; population: number; dongs: number }>(db, sql`
      SELECT municipality_code AS "cityCode", sum(population)::int AS population, count(*)::int AS dongs
      FROM dongs WHERE ${cities ? inCities(sql`municipality_code`, cities) : sql`municipality_code IN (SELECT city_code FROM institutions)`}
      GROUP BY municipality_code`),
    // Programs, places, learners, completions, ratings and residents: running totals kept by triggers (migrations 0010, 0011).
    // Residents accumulate from the first year, so earlier years are read too.
    rows<Keyed<{ measure: string; n: number }>>(db, sql`
      SELECT city_code AS "cityCode", year, measure, n::float8 AS n FROM indicator_tallies
      WHERE year <= ${span.to} AND (year >= ${span.from} OR measure = 'residents_joined') AND ${inCities(sql`city_code`, cities)}`),
    // Active study groups by founding year; counted up to each year below.
    rows<Keyed<{ founded: number; citizenship: number }>>(db, sql`
      SELECT city_code AS "cityCode", ${yearOfDate(sql`founded_on`)} AS year, count(*)::int AS founded,
        count(*) FILTER (WHERE area = 'citizenship')::int AS citizenship
      FROM study_groups WHERE active AND founded_on < ${toDate}::date AND ${inCities(sql`city_code`, cities)} GROUP BY 1, 2`),
    rows<Keyed<{ volunteers: number; instructors: number }>>(db, sql`
      SELECT city_code AS "cityCode", ${yearOfDate(sql`since`)} AS year,
        count(*) FILTER (WHERE kind <> 'instructor')::int AS volunteers, count(*) FILTER (WHERE kind = 'instructor')::int AS instructors
      FROM volunteers WHERE active AND since < ${toDate}::date AND ${inCities(sql`city_code`, cities)} GROUP BY 1, 2`),
    rows<Keyed<{ count: number; attendance: number }>>(db, sql`
      SELECT city_code AS "cityCode", ${yearOfDate(sql`starts_on`)} AS year, count(*)::int AS count, COALESCE(sum(attendance), 0)::int AS attendance
      FROM learning_events WHERE starts_on >= ${fromDate}::date AND starts_on < ${toDate}::date AND ${inCities(sql`city_code`, cities)} GROUP BY 1, 2`),
    rows<Keyed<{ meetings: number }>>(db, sql`
      SELECT city_code AS "cityCode", ${yearOfDate(sql`held_on`)} AS year, count(*)::int AS meetings
      FROM committee_meetings WHERE held_on >= ${fromDate}::date AND held_on < ${toDate}::date AND ${inCities(sql`city_code`, cities)} GROUP BY 1, 2`),
    rows<{ cityCode: string; kind: OrdinanceKind; enacted: number; repealed: number | null }>(db, sql`
      SELECT city_code AS "cityCode", kind, ${yearOfDate(sql`enacted_on`)} AS enacted, ${yearOfDate(sql`repealed_on`)} AS repealed
      FROM ordinances WHERE ${inCities(sql`city_code`, cities)}`),
    rows<Keyed<{ personHours: number }>>(db, sql`
      SELECT city_code AS "cityCode", ${yearOfDate(sql`held_on`)} AS year, sum(hours * participants)::float8 AS "personHours"
      FROM staff_trainings WHERE held_on >= ${fromDate}::date AND held_on < ${toDate}::date AND ${inCities(sql`city_code`, cities)} GROUP BY 1, 2`),
    rows<Keyed<NonNullable<CityYearFacts['record']>>>(db, sql`
      SELECT city_code AS "cityCode", year, budget_national_krw AS "budgetNationalKrw", budget_provincial_krw AS "budgetProvincialKrw",
        budget_own_krw AS "budgetOwnKrw", city_total_budget_krw AS "cityTotalBudgetKrw", dedicated_staff AS "dedicatedStaff",
        certified_educators AS "certifiedEducators", has_department AS "hasDepartment", dong_learning_centres AS "dongLearningCentres",
        information_systems AS "informationSystems", commercialised_programs AS "commercialisedPrograms"
      FROM city_years WHERE year BETWEEN ${span.from} AND ${span.to} AND ${inCities(sql`city_code`, cities)}`),
  ]);

  const byKey = <T extends { cityCode: string; year: number }>(list: T[]) => new Map(list.map((r) => [`${r.cityCode}:${r.year}`, r]));
  const keyed = { events: byKey(events), meetings: byKey(meetings), trainings: byKey(trainings), records: byKey(records) };
  const tally = new Map(tallies.map((t) => [`${t.cityCode}:${t.year}:${t.measure}`, t.n]));
  const measure = (city: string, year: number, name: string) => tally.get(`${city}:${year}:${name}`) ?? 0;
  /** Sum of `pick` over rows of the city up to the year (things that accumulate: residents, groups, volunteers). */
  const upTo = <T extends { cityCode: string; year: number }>(list: T[], city: string, year: number, pick: (r: T) => number) =>
    list.reduce((sum, r) => (r.cityCode === city && r.year <= year ? sum + pick(r) : sum), 0);
  const group = <T extends { cityCode: string }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of list) map.set(r.cityCode, [...(map.get(r.cityCode) ?? []), r]);
    return map;
  };
  const residentsByCity = group(tallies.filter((t) => t.measure === 'residents_joined'));
  const groupsByCity = group(groups);
  const volunteersByCity = group(volunteers);
  const ordinancesByCity = group(ordinances);

  const result = new Map<string, Map<number, CityYearFacts>>();
  for (const place of places) {
    const city = place.cityCode;
    const years = new Map<number, CityYearFacts>();
    for (let year = span.from; year <= span.to; year++) {
      const key = `${city}:${year}`;
      const of = (name: string) => measure(city, year, name);
      const record = keyed.records.get(key);
      const cityGroups = groupsByCity.get(city) ?? [];
      const cityVolunteers = volunteersByCity.get(city) ?? [];
      years.set(year, {
        population: place.population,
        dongs: place.dongs,
        registeredResidents: upTo(residentsByCity.get(city) ?? [], city, year, (r) => r.n),
        programs: {
          offered: of('programs'), institutions: of('institutions'), seats: of('seats'), freeSeats: of('free_seats'), startup: of('startup_programs'),
          commercialisation: of('commercialisation_programs'), localLeader: of('local_leader_programs'), citizenship: of('citizenship_programs'),
          underprivileged: of('underprivileged_programs'), belonging: of('belonging_programs'), certificate: of('certificate_programs'),
        },
        learners: of('learners'),
        completed: of('completed'),
        finished: of('finished'),
        ratings: { count: of('ratings'), meanOverall: of('ratings') > 0 ? of('rating_overall_sum') / of('ratings') : null },
        studyGroups: upTo(cityGroups, city, year, (r) => r.founded),
        citizenStudyGroups: upTo(cityGroups, city, year, (r) => r.citizenship),
        volunteers: upTo(cityVolunteers, city, year, (r) => r.volunteers),
        instructors: upTo(cityVolunteers, city, year, (r) => r.instructors),
        events: { count: keyed.events.get(key)?.count ?? 0, attendance: keyed.events.get(key)?.attendance ?? 0 },
        committeeMeetings: keyed.meetings.get(key)?.meetings ?? 0,
        ordinanceKindsInForce: (ordinancesByCity.get(city) ?? [])
          .filter((o) => o.enacted <= year && (o.repealed === null || o.repealed > year)).map((o) => o.kind),
        trainingPersonHours: keyed.trainings.get(key)?.personHours ?? 0,
        record: record ? (({ cityCode: _rc, year: _ry, ...rest }) => rest)(record) : null,
      });
    }
    result.set(city, years);
  }
  return result;
}

export interface StoredValue extends IndicatorValue {
  cityCode: string;
  year: number;
  indicatorId: IndicatorId;
}

/** Replaces the chosen cities' values (years that fell out of the span go with them). */
export async function storeValues(db: Executor, cities: readonly string[], values: readonly StoredValue[], computedAt: Date) {
  await db.execute(sql`DELETE FROM indicator_values WHERE city_code = ANY(${sql.param([...cities])}::text[])`);
  for (let start = 0; start < values.length; start += 2_000) {
    const batch = values.slice(start, start + 2_000);
    await db.execute(sql`
      INSERT INTO indicator_values (city_code, year, indicator_id, value, numerator, denominator, computed_at)
      SELECT v.*, ${computedAt.toISOString()}::timestamptz FROM unnest(${sql.param(batch.map((v) => v.cityCode))}::text[], ${sql.param(batch.map((v) => v.year))}::int[],
        ${sql.param(batch.map((v) => v.indicatorId))}::text[], ${sql.param(batch.map((v) => v.value))}::float8[],
        ${sql.param(batch.map((v) => v.numerator))}::float8[], ${sql.param(batch.map((v) => v.denominator))}::float8[]) AS v`);
  }
}

/** Takes the stale marks of up to `limit` cities (oldest first); the caller recomputes them. */
export async function claimStale(db: Executor, limit: number): Promise<string[]> {
  return (await rows<{ cityCode: string }>(db, sql`
    DELETE FROM indicator_stale WHERE city_code IN (
      SELECT city_code FROM indicator_stale ORDER BY marked_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING city_code AS "cityCode"`)).map((r) => r.cityCode);
}

export async function claimStaleCity(db: Executor, cityCode: string): Promise<boolean> {
  return (await rows(db, sql`DELETE FROM indicator_stale WHERE city_code = ${cityCode} RETURNING city_code`)).length > 0;
}

export async function markStale(db: Executor, cities: readonly string[]) {
  await db.execute(sql`INSERT INTO indicator_stale (city_code) SELECT unnest(${sql.param([...cities])}::text[]) ON CONFLICT DO NOTHING`);
}

export async function clearStale(db: Executor, cities: CitySelection) {
  await db.execute(sql`DELETE FROM indicator_stale WHERE ${inCities(sql`city_code`, cities)}`);
}

export async function isStale(db: Executor, cityCode: string): Promise<boolean> {
  return (await firstRow<{ stale: boolean }>(db, sql`SELECT EXISTS (SELECT 1 FROM indicator_stale WHERE city_code = ${cityCode}) AS stale`))?.stale ?? false;
}

export async function valuesOf(db: Executor, filter: { cityCode?: string; year?: number; indicatorId?: IndicatorId }) {
  const conditions = [sql`TRUE`];
  if (filter.cityCode) conditions.push(sql`city_code = ${filter.cityCode}`);
  if (filter.year) conditions.push(sql`year = ${filter.year}`);
  if (filter.indicatorId) conditions.push(sql`indicator_id = ${filter.indicatorId}`);
  return rows<StoredValue & { computedAt: string }>(db, sql`
    SELECT city_code AS "cityCode", year, indicator_id AS "indicatorId", value, numerator, denominator, computed_at::text AS "computedAt"
    FROM indicator_values WHERE ${sql.join(conditions, sql` AND `)} ORDER BY city_code, year, indicator_id`);
}

/** The stored values of some cities for one year, with when each was computed. */
export async function valuesOfCities(db: Executor, cities: readonly string[], year: number) {
  if (cities.length === 0) return [];
  return rows<{ cityCode: string; indicatorId: IndicatorId; value: number | null; computedAt: string }>(db, sql`
    SELECT city_code AS "cityCode", indicator_id AS "indicatorId", value, ${isoUtc(sql`computed_at`)} AS "computedAt"
    FROM indicator_values WHERE year = ${year} AND city_code IN (${sql.join(cities.map((c) => sql`${c}`), sql`, `)})`);
}

export async function computedYears(db: Executor) {
  return (await rows<{ year: number }>(db, sql`SELECT DISTINCT year FROM indicator_values ORDER BY year`)).map((r) => r.year);
}

export interface WeightSetRow {
  id: number;
  createdAt: string;
  note: string;
  groupWeights: Record<string, number>;
  indicatorWeights: Record<string, number>;
  createdByName: string | null;
}

/** The newest weight sets first: the first is in force. */
export async function weightSets(db: Executor, limit: number) {
  return rows<WeightSetRow>(db, sql`
    SELECT w.id, w.created_at::text AS "createdAt", w.note, w.group_weights AS "groupWeights", w.indicator_weights AS "indicatorWeights",
      p.display_name AS "createdByName"
    FROM index_weight_sets w LEFT JOIN people p ON p.id = w.created_by ORDER BY w.id DESC LIMIT ${limit}`);
}

export async function insertWeights(db: Executor, weights: { groupWeights: Record<string, number>; indicatorWeights: Record<string, number>; note: string; createdBy: number }) {
  return firstRow<{ id: number }>(db, sql`
    INSERT INTO index_weight_sets (group_weights, indicator_weights, note, created_by)
    VALUES (${JSON.stringify(weights.groupWeights)}::jsonb, ${JSON.stringify(weights.indicatorWeights)}::jsonb, ${weights.note}, ${weights.createdBy})
    RETURNING id`);
}

/** Kind and population of every city with indicator values: who counts as whose peer. */
export async function cityProfilesForComparison(db: Executor) {
  return rows<{ cityCode: string; nameKo: string; nameEn: string; kind: 'si' | 'gun' | 'gu'; population: number }>(db, sql`
    SELECT m.code AS "cityCode", m.name_ko AS "nameKo", m.name_en AS "nameEn", m.kind, COALESCE(sum(d.population), 0)::int AS population
    FROM municipalities m LEFT JOIN dongs d ON d.municipality_code = m.code
    WHERE m.code IN (SELECT DISTINCT city_code FROM indicator_values)
    GROUP BY m.code ORDER BY m.code`);
}

/** Changes whenever a value of the year is recomputed or new weights are set. */
export async function comparisonStamp(db: Executor, year: number): Promise<string> {
  const row = await firstRow<{ stamp: string }>(db, sql`
    SELECT concat((SELECT max(computed_at) FROM indicator_values WHERE year = ${year}), '/', (SELECT max(id) FROM index_weight_sets)) AS stamp`);
  return row?.stamp ?? '';
}
