/**
 * What a city's needs survey analysis costs at the size: generates `--respondents` answer sheets (each a
 * self-declared group, `--items` need items with current and required levels, and preferred days) for one city of
 * the `tiny` set on PostgreSQL, adding each batch to the running sums with the statement a sheet's own
 * transaction runs; then times the Borich analysis of the whole city and of one group in one dong, and the
 * demand panel's top needs, `--runs` times each. With `--raw`, also times the same sums read straight from the
 * answer rows once (what the running sums spare). The scratch database is dropped at the end. Measures only.
 *   npm run bench -- survey [--respondents=500000] [--items=60] [--runs=20] [--raw]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { InstrumentBody } from '../src/shared/contracts/surveys.ts';
import { programSubcategoryList } from '../src/shared/vocabulary/index.ts';
import { rows } from '../src/server/platform/database/database.ts';
import { yearInKorea } from '../src/server/platform/clock.ts';
import { defaultNeedsInstrument } from '../src/server/modules/surveys/needs.ts';
import * as needs from '../src/server/modules/surveys/needs.service.ts';
import * as queries from '../src/server/modules/surveys/surveys.queries.ts';
import { BENCH_ADMIN_URL, openBenchData, percentile, record, scratchDatabase, timed } from './support.ts';

const CITY = '31060';
const DATABASE = 'lc_bench_needs';
const BATCH = 25_000;
const GROUPS = ['all', 'elderly', 'youth', 'women', 'parents', 'workers', 'unemployed'];

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args, options: { respondents: { type: 'string', default: '500000' }, items: { type: 'string', default: '60' }, runs: { type: 'string', default: '20' }, raw: { type: 'boolean', default: false } },
  });
  const respondents = Number(values.respondents);
  const itemCount = Number(values.items);
  const runs = Number(values.runs);
  const database = await openBenchData({ postgres: await scratchDatabase(DATABASE) }, 'tiny');
  const { db } = database;
  const year = yearInKorea();
  try {
    // The city's questionnaire: `items` need items spread over the taxonomy's subcategories.
    const items = Array.from({ length: itemCount }, (_, i) => {
      const sub = programSubcategoryList[i % programSubcategoryList.length]!;
      return { code: `item_${i + 1}`, kind: 'need' as const, subcategory: sub.code, required: true, ko: `${sub.ko} ${i + 1}`, en: `${sub.en} ${i + 1}` };
    });
    const definition: InstrumentBody = {
      ...defaultNeedsInstrument, sections: defaultNeedsInstrument.sections.map((s) => (s.code === 'needs' ? { ...s, questions: items } : s)),
    };
    const surveyId = await queries.ensureSurvey(db, { purpose: 'needs', year, cityCode: CITY });
    await queries.insertInstrument(db, surveyId, definition, null);
    const instrumentId = (await queries.latestInstrument(db, surveyId))!.id;
    const dongs = (await rows<{ code: string }>(db, sql`SELECT code FROM dongs WHERE municipality_code = ${CITY} ORDER BY code`)).map((d) => d.code);

    // Generated in SQL, a batch at a time: residents, their sheets, levels that follow from the numbers.
    const generation = await timed(async () => {
      for (let from = 1; from <= respondents; from += BATCH) {
        const to = Math.min(respondents, from + BATCH - 1);
        const made = await rows<{ id: number }>(db, sql`
          WITH people_made AS (
            INSERT INTO people (email, display_name, home_city_code, home_dong_code)
            SELECT 'needs.' || g || '@example.com', '응답자' || g, ${CITY}, (${sql.param(dongs)}::text[])[1 + g % ${dongs.length}]
            FROM generate_series(${from}::int, ${to}::int) g RETURNING id, home_dong_code
          )
          INSERT INTO survey_responses (survey_id, instrument_id, person_id, city_code, dong_code, channel, entered_by)
          SELECT ${surveyId}, ${instrumentId}, id, ${CITY}, home_dong_code, 'online', NULL FROM people_made RETURNING id`);
        const ids = sql.param(made.map((m) => m.id));
        await db.execute(sql`
          INSERT INTO survey_answers (response_id, question, choices)
          SELECT id, 'target_group', ARRAY[(${sql.param(GROUPS)}::text[])[1 + id % ${GROUPS.length}]] FROM unnest(${ids}::int[]) id
          UNION ALL
          SELECT id, 'days', CASE WHEN id % 3 = 0 THEN ARRAY['weekday', 'saturday'] ELSE ARRAY['weekday'] END FROM unnest(${ids}::int[]) id`);
        await db.execute(sql`
          INSERT INTO survey_answers (response_id, question, score)
          SELECT id, q.code || ':' || level, CASE level
            WHEN 'current' THEN least(5, 1 + (id * 7) % 3 + q.n % 3)
            ELSE least(5, 2 + (id * 3) % 3 + (q.n * 7) % 4) END
          FROM unnest(${ids}::int[]) id
          CROSS JOIN unnest(${sql.param(items.map((i) => i.code))}::text[]) WITH ORDINALITY AS q(code, n)
          CROSS JOIN (VALUES ('current'), ('required')) AS l(level)`);
        await queries.addToNeedTotals(db, made.map((m) => m.id));
        console.log(`${to.toLocaleString()} of ${respondents.toLocaleString()} sheets, ${Math.round(performance.now() / 1000)} s`);
      }
    });
    await db.execute(sql`ANALYZE`);
    const [{ answers }] = (await rows<{ answers: number }>(db, sql`SELECT count(*)::int AS answers FROM survey_answers`)) as [{ answers: number }];

    const measure = async (work: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push((await timed(work)).seconds * 1000);
      return { medianMs: Math.round(percentile(times, 50)), p95Ms: Math.round(percentile(times, 95)), maxMs: Math.round(Math.max(...times)) };
    };
    const city = await needs.needsAnalysis(db, CITY, year, {});
    if (city.responses !== respondents || city.items.length !== itemCount) throw new Error(`analysis saw ${city.responses} sheets and ${city.items.length} items`);
    const wholeCity = await measure(() => needs.needsAnalysis(db, CITY, year, {}));
    const oneSlice = await measure(() => needs.needsAnalysis(db, CITY, year, { targetGroup: 'elderly', dong: dongs[0]! }));
    const topNeeds = await measure(() => needs.topNeeds(db, CITY, year));
    // For comparison: the same sums read from the answer rows, once.
    const raw = values.raw ? await timed(() => db.execute(sql`
      SELECT split_part(c.question, ':', 1) AS question, count(*), sum(c.score), sum(q.score)
      FROM survey_responses r
      JOIN survey_answers c ON c.response_id = r.id AND c.question LIKE '%:current'
      JOIN survey_answers q ON q.response_id = r.id AND q.question = split_part(c.question, ':', 1) || ':required'
      WHERE r.survey_id = ${surveyId} GROUP BY 1`)) : null;
    record('survey', {
      engine: 'postgresql', city: CITY, respondents, items: itemCount, answerRows: answers, runs,
      generationSeconds: Math.round(generation.seconds), analysisWholeCity: wholeCity, analysisGroupInDong: oneSlice, topNeeds,
      rawScanSeconds: raw ? Number(raw.seconds.toFixed(1)) : null, top: city.items.slice(0, 3).map((i) => [i.code, Number(i.borich.toFixed(3))]),
      loadAverage: loadavg().map((n) => Number(n.toFixed(1))),
    });
  } finally {
    await database.close();
    const admin = new pg.Client({ connectionString: BENCH_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`).finally(() => admin.end());
  }
}
