/**
 * Migrated (and seeded) template databases for tests, built once and cached by a hash of everything
 * that shapes them (migrations, generator, geography table, date). Each test then starts from a copy:
 * a PGlite data-folder snapshot, or a PostgreSQL database created from a template database.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { repositoryRoot } from '../../src/server/config.ts';
import { openPglite, openPostgres, type Database } from '../../src/server/platform/database/database.ts';
import { migrate } from '../../src/server/platform/database/migrate.ts';
import { geography } from '../../src/server/modules/geography/index.ts';
import { todayInKorea } from './clock.ts';
import { seedDemo } from '../../db/seed/generate.ts';

export type TemplateKind = 'empty' | 'seeded';
export const TEST_SEED = 2001;

const shapingInputs = ['db/migrations', 'db/seed', 'src/server/modules/geography/data', 'src/shared/vocabulary', 'src/server/modules', 'tests/support/templates.ts'];

function filesUnder(entry: string): string[] {
  const full = path.join(repositoryRoot, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full).sort().flatMap((child) => filesUnder(path.join(entry, child)));
}

export function templateHash(): string {
  const hash = createHash('sha256').update(todayInKorea());
  for (const file of shapingInputs.flatMap(filesUnder)) {
    if (file.endsWith('.test.ts')) continue;
    hash.update(file).update(readFileSync(path.join(repositoryRoot, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

export async function prepare(database: Database, kind: TemplateKind): Promise<void> {
  await migrate(database);
  await geography.ensureGeography(database.db);
  if (kind === 'seeded') await seedDemo(database, { size: 'tiny', seed: TEST_SEED, today: todayInKorea() });
}

const cacheDir = path.join(repositoryRoot, 'node_modules/.cache/learning-city');

/** Path of a PGlite data-folder snapshot (tar) for the kind, building it if needed. */
export async function pgliteTemplate(kind: TemplateKind): Promise<string> {
  const file = path.join(cacheDir, `pglite-${kind}-${templateHash()}.tar`);
  if (existsSync(file)) return file;
  mkdirSync(cacheDir, { recursive: true });
  for (const old of readdirSync(cacheDir)) if (old.startsWith(`pglite-${kind}-`)) rmSync(path.join(cacheDir, old), { force: true });
  // Without recycling, a checkpoint removes the WAL segments it no longer needs instead of renaming them into spare
  // ones: the snapshot every test file unpacks keeps one segment of 16 MB, not three (97 → 63 MB seeded).
  const database = await openPglite({ settings: ['wal_recycle=off'] });
  try {
    await prepare(database, kind);
    await database.pglite.query('CHECKPOINT');
    const snapshot = await database.pglite.dumpDataDir('none');
    writeFileSync(`${file}.partial`, Buffer.from(await snapshot.arrayBuffer()));
    renameSync(`${file}.partial`, file);
  } finally {
    await database.close();
  }
  return file;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * Templates are named per checkout, so that runs from two checkouts (a worktree beside main, CI's clean clone) on one
 * server never drop each other's templates as stale.
 */
const checkoutTag = createHash('sha256').update(repositoryRoot).digest('hex').slice(0, 6);

/** Name of a PostgreSQL template database for the kind, building it if needed. */
export async function postgresTemplate(adminUrl: string, kind: TemplateKind): Promise<string> {
  const name = `lc_tpl_${checkoutTag}_${kind}_${templateHash()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) return name;
    const building = `${name}_building_${process.pid}`;
    await admin.query(`CREATE DATABASE "${building}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
    const database = await openPostgres(withDatabase(adminUrl, building), 4);
    try {
      await prepare(database, kind);
    } finally {
      await database.close();
    }
    await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`).catch(async (error: { code?: string }) => {
      // Another run built the same template meanwhile; keep theirs.
      if (error.code !== '42P04') throw error;
      await admin.query(`DROP DATABASE "${building}"`);
    });
    // Old templates from earlier code versions of this checkout.
    const stale = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 AND datname NOT LIKE $2 AND datname NOT LIKE '%\\_building\\_%'`,
      [`lc\\_tpl\\_${checkoutTag}\\_%`, `%_${templateHash()}`],
    );
    for (const { datname } of stale.rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => {});
    return name;
  } finally {
    await admin.end();
  }
}

export { withDatabase };
