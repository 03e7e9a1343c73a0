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
import { consoleProgress } from '../src/server/platform/jobs/progress.ts';
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
    const { result, seconds: wallSeconds } = await timed(() => seedDemo(database, { size, seed: 2001, today: '2026-11-25', onProgress: consoleProgress() }));
    const bytes = await firstRow<{ size: string }>(database.db, sql`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`);
    const rows = result.institutions + result.venues + result.programs + result.sessions + result.residents + result.enrolments;
    record('seed', {
      engine: database.engine, size, ...result, seconds: Math.round(wallSeconds), rowsPerSecond: Math.round(rows / wallSeconds), databaseSize: bytes?.size,
    });
  } finally {
    await database.close();
    cleanup();
  }
}
