/**
 * How long the generator takes to write a given size, on PostgreSQL (default: national) or PGlite.
 *   npm run bench -- seed [--size=national] [--engine=postgresql|pglite]
 */
import { parseArgs } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { SeedSize } from '../src/server/config.ts';
import { firstRow, openPglite, openPostgres, type Database } from '../src/server/platform/database/database.ts';
import { migrate } from '../src/server/platform/database/migrate.ts';
import { consoleProgress, type Progress } from '../src/server/platform/jobs/progress.ts';
import { geography } from '../src/server/modules/geography/index.ts';
import { seedDemo } from '../db/seed/generate.ts';
import { record, scratchDatabase, timed } from './support.ts';

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { size: { type: 'string', default: 'national' }, engine: { type: 'string', default: 'postgresql' } } });
  const size = values.size as SeedSize;
  let database: Database;
  let cleanup = () => {};
  if (values.engine === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'lc-bench-'));
    database = await openPglite({ dataDir: dir });
    cleanup = () => rmSync(dir, { recursive: true, force: true });
  } else {
    database = await openPostgres(await scratchDatabase(`lc_bench_seed_${size}`), 4);
  }
  try {
    await migrate(database);
    await geography.ensureGeography(database.db);
    // Seconds spent in each phase of the generator (in the order they ran), to see what a larger demo costs.
    const phases: Record<string, number> = {};
    const draw = consoleProgress();
    let current = { phase: '', since: Date.now() };
    const onProgress = (progress: Progress) => {
      draw(progress);
      if (progress.phase === current.phase) return;
      if (current.phase) phases[current.phase] = (phases[current.phase] ?? 0) + (Date.now() - current.since) / 1000;
      current = { phase: progress.phase, since: Date.now() };
    };
    const { result, seconds: wallSeconds } = await timed(() => seedDemo(database, { size, seed: 2001, today: '2026-11-25', onProgress }));
    if (current.phase) phases[current.phase] = (phases[current.phase] ?? 0) + (Date.now() - current.since) / 1000;
    for (const phase of Object.keys(phases)) phases[phase] = Math.round(phases[phase]! * 10) / 10;
    const bytes = await firstRow<{ size: string }>(database.db, sql`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`);
    const rows = result.institutions + result.venues + result.programs + result.sessions + result.residents + result.enrolments;
    record('seed', {
      engine: database.engine, size, ...result, seconds: Math.round(wallSeconds), rowsPerSecond: Math.round(rows / wallSeconds), databaseSize: bytes?.size, phases,
    });
  } finally {
    await database.close();
    cleanup();
  }
}
