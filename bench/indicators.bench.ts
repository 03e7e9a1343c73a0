/**
 * How long the indicators take: every indicator of every city, one city after an enrolment changes, and
 * the composite index with its Monte Carlo rank intervals over all cities.
 *   npm run bench -- indicators [--database=postgres://…/lc_bench_seed_national] [--runs=3] [--changes=20]
 *   npm run bench -- indicators --engine=pglite --size=demo   (a fresh folder, generated for the run)
 * The PostgreSQL database must already hold generated data (e.g. `npm run bench -- seed --size=national`
 * writes one); migrations are applied first. Measures only; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { SeedSize } from '../src/server/config.ts';
import { firstRow, rows, type Database } from '../src/server/platform/database/database.ts';
import { indicatorsModule } from '../src/server/modules/indicators/index.ts';
import { NATIONAL_DATABASE_URL, openBenchData, percentile, record, timed } from './support.ts';

const median = (values: number[]) => percentile(values, 50);

async function openData(values: { engine: string; database: string; size: string }): Promise<{ database: Database; cleanup(): void }> {
  if (values.engine !== 'pglite') return { database: await openBenchData({ postgres: values.database }, 'national'), cleanup: () => {} };
  const dir = mkdtempSync(path.join(tmpdir(), 'lc-bench-indicators-'));
  return { database: await openBenchData({ dataDir: dir }, values.size as SeedSize), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      engine: { type: 'string', default: 'postgresql' },
      database: { type: 'string', default: NATIONAL_DATABASE_URL },
      size: { type: 'string', default: 'demo' },
      runs: { type: 'string', default: '3' },
      changes: { type: 'string', default: '20' },
    },
  });
  const { database, cleanup } = await openData(values);
  const { db } = database;
  try {
    const sizes = await firstRow<{ cities: number; programs: number; enrolments: number }>(db, sql`
      SELECT (SELECT count(DISTINCT city_code) FROM institutions)::int AS cities, (SELECT count(*) FROM programs)::int AS programs,
        (SELECT count(*) FROM enrolments)::int AS enrolments`);

    // Every indicator of every city, for every kept year.
    const full: number[] = [];
    let values_ = 0;
    for (let i = 0; i < Number(values.runs); i++) {
      const { result, seconds } = await timed(() => indicatorsModule.recompute(db, null));
      full.push(seconds);
      values_ = result.values;
      console.log(`all cities: ${seconds.toFixed(2)} s (${result.cities} cities, ${result.values} values)`);
    }

    // One enrolment changes in the busiest city; the trigger marks it; the next round recomputes it alone.
    const busiest = await firstRow<{ cityCode: string; enrolments: number }>(db, sql`
      SELECT city_code AS "cityCode", count(*)::int AS enrolments FROM enrolments GROUP BY 1 ORDER BY 2 DESC LIMIT 1`);
    const incremental: number[] = [];
    const statement: number[] = [];
    const changes = await rows<{ id: number }>(db, sql`
      SELECT id FROM enrolments WHERE city_code = ${busiest!.cityCode} AND status = 'enrolled' LIMIT ${Number(values.changes)}`);
    for (const { id } of changes) {
      // A learner completes: the statement (with its triggers) and then the city's recomputation.
      const changed = await timed(() => db.execute(sql`UPDATE enrolments SET status = 'completed', status_changed_at = now() WHERE id = ${id}`));
      statement.push(changed.seconds * 1000);
      const { result, seconds } = await timed(() => indicatorsModule.recomputeStale(db));
      if (!result.includes(busiest!.cityCode)) throw new Error('the change did not mark its city stale');
      incremental.push(seconds * 1000);
    }
    // Put them back, so that runs compare.
    await db.execute(sql`UPDATE enrolments SET status = 'enrolled' WHERE id = ANY(${sql.param(changes.map((c) => c.id))}::int[])`);
    await indicatorsModule.recomputeStale(db);

    // The composite index over all cities, with 500 Monte Carlo runs per index (two indexes).
    const year = indicatorsModule.indicatorSpan().to;
    const index = await timed(() => indicatorsModule.nationalIndex(db, year));

    record('indicators', {
      engine: database.engine, ...sizes, values: values_,
      allCitiesSeconds: { median: Number(median(full).toFixed(2)), runs: full.map((s) => Number(s.toFixed(2))) },
      incremental: {
        city: busiest!.cityCode, cityEnrolments: busiest!.enrolments, changes: incremental.length,
        recomputeMs: { p50: Number(median(incremental).toFixed(1)), p95: Number(percentile(incremental, 95).toFixed(1)) },
        changeStatementMs: { p50: Number(median(statement).toFixed(1)) },
      },
      nationalIndexSeconds: Number(index.seconds.toFixed(2)),
      indexCities: index.result.cities.length,
    });
  } finally {
    await database.close();
    cleanup();
  }
}
