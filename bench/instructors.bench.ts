/**
 * How long ranking a city's pool for a program and searching it take as the pool grows: generates `--profiles`
 * published profiles travelling to Gwangmyeong (random subjects, groups, certificates and two or three weekly
 * times each) into the `tiny` set on PostgreSQL, then asks for the first page of candidates for one of the
 * centre's programs and a filtered pool page, `--runs` times each. Measures only; asserts nothing.
 *   npm run bench -- instructors [--profiles=5000] [--runs=20]
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadavg } from 'node:os';
import { programSubcategories, targetGroups, weekdays } from '../src/shared/vocabulary/index.ts';
import { firstRow } from '../src/server/platform/database/database.ts';
import * as queries from '../src/server/modules/instructors/instructors.queries.ts';
import { openBenchData, percentile, record, scratchDatabase, timed } from './support.ts';

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { profiles: { type: 'string', default: '5000' }, runs: { type: 'string', default: '20' } } });
  const profiles = Number(values.profiles);
  const runs = Number(values.runs);
  const database = await openBenchData({ postgres: await scratchDatabase('lc_bench_instructors') }, 'tiny');
  const { db } = database;
  try {
    // Generated in SQL: which subject, group or time each profile has follows from its number.
    await db.execute(sql`
      WITH made AS (
        INSERT INTO people (email, display_name, home_city_code)
        SELECT 'pool.' || g || '@example.com', '강사' || g, '31060' FROM generate_series(1, ${profiles}) g RETURNING id)
      INSERT INTO instructor_profiles (person_id, kind, skills, target_groups, certificates, travel_city_codes, reach_city_codes, published)
      SELECT id, CASE WHEN id % 4 = 0 THEN 'volunteer' ELSE 'instructor' END,
             ARRAY[(${sql.param([...programSubcategories.codes])}::text[])[1 + id % ${programSubcategories.codes.length}],
                   (${sql.param([...programSubcategories.codes])}::text[])[1 + (id / 7) % ${programSubcategories.codes.length}]],
             ARRAY[(${sql.param([...targetGroups.codes])}::text[])[1 + id % ${targetGroups.codes.length}]],
             CASE WHEN id % 3 = 0 THEN '[{"kind":"lifelong_educator_2","name":"평생교육사 2급","issuer":"교육부","year":2015}]'::jsonb ELSE '[]'::jsonb END,
             '{31060}', '{31060}', true
      FROM made`);
    await db.execute(sql`
      INSERT INTO instructor_availability (profile_id, weekday, starts_at, ends_at)
      SELECT p.id, (${sql.param([...weekdays.codes])}::text[])[1 + (p.id + k) % 7], make_time(8 + (p.id + k) % 8, 0, 0), make_time(12 + (p.id + k) % 8, 0, 0)
      FROM instructor_profiles p CROSS JOIN generate_series(0, 1 + p.id % 2) k`);
    await db.execute(sql`ANALYZE`);
    const program = (await firstRow<{ id: number; cityCode: string; dongCode: string | null; subcategory: string; area: string; targetGroups: string[] }>(db, sql`
      SELECT p.id, p.city_code AS "cityCode", p.dong_code AS "dongCode", p.subcategory, p.area, p.target_groups AS "targetGroups"
      FROM programs p WHERE p.city_code = '31060' AND p.mode <> 'online' ORDER BY p.session_count DESC, p.id LIMIT 1`))!;
    const needs: queries.ProgramNeeds = {
      programId: program.id, cityCode: program.cityCode, dongCode: program.dongCode, online: false,
      subcategory: program.subcategory as queries.ProgramNeeds['subcategory'],
      areaSubcategories: programSubcategories.entries.filter((s) => s.area === program.area).map((s) => s.code),
      targetGroups: program.targetGroups as queries.ProgramNeeds['targetGroups'],
    };
    const measure = async (work: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push((await timed(work)).seconds * 1000);
      return { medianMs: Math.round(percentile(times, 50)), p95Ms: Math.round(percentile(times, 95)) };
    };
    const candidates = await measure(() => queries.candidatesFor(db, needs, { page: 1, pageSize: 20 }));
    const pool = await measure(() => queries.poolOf(db, '31060', { skill: needs.subcategory, slot: { weekday: 'tue', from: '10:00', to: '12:00' } }, { page: 1, pageSize: 20 }));
    record('instructors', { engine: 'postgresql', profiles, runs, candidates, pool, loadAverage: loadavg().map((n) => Number(n.toFixed(1))) });
  } finally {
    await database.close();
  }
}
