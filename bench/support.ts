/** Shared pieces of the benchmarks: their data, a scratch PostgreSQL database, timing, and recording results. */
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { repositoryRoot, type SeedSize } from '../src/server/config.ts';
import { openPglite, openPostgres, type Database } from '../src/server/platform/database/database.ts';
import { migrate } from '../src/server/platform/database/migrate.ts';
import { consoleProgress } from '../src/server/platform/jobs/progress.ts';
import { geography } from '../src/server/modules/geography/index.ts';
import { databaseIsEmpty, seedDemo } from '../db/seed/generate.ts';

export const BENCH_ADMIN_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

function databaseUrl(name: string): string {
  const url = new URL(BENCH_ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The national set that `npm run bench -- seed` writes: what the PostgreSQL benchmarks read by default. */
export const NATIONAL_DATABASE_URL = databaseUrl('lc_bench_seed_national');

/**
 * A benchmark's data: a PostgreSQL database, or a PGlite folder (relative to the repository), migrated,
 * and generated at `size` the first time it is empty.
 */
export async function openBenchData(where: { postgres?: string; dataDir?: string }, size: SeedSize, today?: string): Promise<Database> {
  const database = where.postgres ? await openPostgres(where.postgres, 4) : await openPglite({ dataDir: path.resolve(repositoryRoot, where.dataDir!) });
  await migrate(database);
  if (await databaseIsEmpty(database.db)) {
    console.log(`Seeding the \`${size}\` set…`);
    await geography.ensureGeography(database.db);
    await seedDemo(database, { size, seed: 2001, today, onProgress: consoleProgress() });
  }
  return database;
}

/** Creates (or re-creates) a scratch database on the benchmark server and returns its URL. */
export async function scratchDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: BENCH_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  } finally {
    await admin.end();
  }
  return databaseUrl(name);
}

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = performance.now();
  const result = await work();
  return { result, seconds: (performance.now() - started) / 1000 };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/** Appends one result (a JSON line) to bench/results/<name>.jsonl, with the machine and date. */
export function record(name: string, result: Record<string, unknown>): void {
  const dir = path.join(repositoryRoot, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const line = { at: new Date().toISOString(), node: process.version, ...result };
  appendFileSync(path.join(dir, `${name}.jsonl`), `${JSON.stringify(line)}\n`);
  console.log(JSON.stringify(line, null, 2));
}
