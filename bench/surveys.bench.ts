/**
 * What the satisfaction survey's results cost as answers grow: generates `--respondents` answer sheets (13 scale
 * items and a comment in one of eight) in each learning city of the `tiny` set on PostgreSQL, then times
 * `satisfactionOfCities` over every learning city (what the re-designation evaluation asks for a cohort) and one
 * city's results page (items, intervals, areas), `--runs` times each. Measures only; asserts nothing.
 *   npm run bench -- surveys [--respondents=2000] [--runs=20]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { Actor } from '../src/server/platform/auth/actor.ts';
import { rows } from '../src/server/platform/database/database.ts';
import { yearInKorea } from '../src/server/platform/clock.ts';
import { surveysModule } from '../src/server/modules/surveys/index.ts';
import * as service from '../src/server/modules/surveys/surveys.service.ts';
import { activeDesignationStates } from '../src/shared/vocabulary/index.ts';
import { openBenchData, percentile, record, scratchDatabase, timed } from './support.ts';

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { respondents: { type: 'string', default: '2000' }, runs: { type: 'string', default: '20' } } });
  const respondents = Number(values.respondents);
  const runs = Number(values.runs);
  const database = await openBenchData({ postgres: await scratchDatabase('lc_bench_surveys') }, 'tiny');
  const { db } = database;
  const year = yearInKorea();
  try {
    const cities = (await rows<{ code: string }>(db, sql`
      SELECT city_code AS code FROM (SELECT DISTINCT ON (city_code) city_code, state FROM designation_transitions ORDER BY city_code, occurred_on DESC, id DESC) s
      WHERE state = ANY(${sql.param([...activeDesignationStates])}::text[]) ORDER BY city_code`)).map((c) => c.code);
    const { definition } = await service.storedInstrument(db, year);
    const scale = definition.sections.flatMap((s) => s.questions).filter((q) => q.kind === 'likert5').map((q) => q.code);
    // Generated in SQL: each city's residents, their sheets, and scores that follow from the numbers.
    await db.execute(sql`
      WITH made AS (
        INSERT INTO people (email, display_name, home_city_code)
        SELECT 'survey.' || c || '.' || g || '@example.com', '응답자' || g, c
        FROM unnest(${sql.param(cities)}::text[]) c CROSS JOIN generate_series(1, ${respondents}) g RETURNING id, home_city_code
      ), survey AS (
        SELECT s.id AS survey_id, max(i.id) AS instrument_id FROM surveys s JOIN survey_instruments i ON i.survey_id = s.id
        WHERE s.purpose = 'city_satisfaction' AND s.year = ${year} AND s.city_code IS NULL GROUP BY s.id
      )
      INSERT INTO survey_responses (survey_id, instrument_id, person_id, city_code, channel)
      SELECT survey.survey_id, survey.instrument_id, made.id, made.home_city_code, 'online' FROM made CROSS JOIN survey`);
    await db.execute(sql`
      INSERT INTO survey_answers (response_id, question, score)
      SELECT r.id, q.code, 1 + (r.id * 7 + q.n * 13 + ascii(right(r.city_code, 1))) % 5
      FROM survey_responses r CROSS JOIN unnest(${sql.param(scale)}::text[]) WITH ORDINALITY AS q(code, n)`);
    await db.execute(sql`
      INSERT INTO survey_answers (response_id, question, text) SELECT id, 'improve', '저녁 강좌를 늘려 주세요.' FROM survey_responses WHERE id % 8 = 0`);
    await db.execute(sql`ANALYZE`);
    const ministry: Actor = { personId: 0, displayName: '', email: '', locale: 'ko', homeCityCode: null, grants: [{ role: 'ministry_officer', cityCode: null, institutionId: null, provinceCode: null, institutionCityCode: null, scopeName: null, scopeNameEn: null }] };
    const measure = async (work: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push((await timed(work)).seconds * 1000);
      return { medianMs: Math.round(percentile(times, 50)), p95Ms: Math.round(percentile(times, 95)) };
    };
    const everyCity = await measure(() => surveysModule.satisfactionOfCities(db, { year, cityCodes: cities }));
    const oneCity = await measure(() => service.cityResults(db, ministry, cities[0]!, year));
    record('surveys', {
      engine: 'postgresql', cities: cities.length, respondentsPerCity: respondents, answers: cities.length * respondents * scale.length, runs,
      satisfactionOfCities: everyCity, cityResults: oneCity, loadAverage: loadavg().map((n) => Number(n.toFixed(1))),
    });
  } finally {
    await database.close();
  }
}
