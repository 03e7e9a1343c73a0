/**
 * Applies the one append-only migration set (db/migrations, PostgreSQL 15 SQL) to either engine with
 * drizzle's runtime migrators, then checks the things the product relies on (Hangul trigrams).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { repositoryRoot } from '../../config.ts';
import { firstRow, type Database } from './database.ts';

export const migrationsFolder = path.join(repositoryRoot, 'db/migrations');

interface Journal {
  entries: { idx: number; tag: string; when: number }[];
}

let journalCache: Journal | null = null;
function journal(): Journal {
  if (journalCache) return journalCache;
  journalCache = JSON.parse(readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as Journal;
  return journalCache;
}

// Any constant works; it only has to be the same for every instance of the app.
const MIGRATION_LOCK_KEY = 7_460_2001;

/**
 * Applies what is pending in one transaction, under a transaction-level advisory lock, so that several processes or
 * machines starting at once (WORKERS, a rolling deploy) queue behind the first: it migrates, the others then find
 * nothing pending. The lock ends with the transaction, so it also works through PgBouncer in transaction pooling,
 * where a session lock would be left on a connection someone else gets. Bookkeeping is drizzle's own
 * (drizzle.__drizzle_migrations, hash and folder time), so databases migrated before keep working.
 */
export async function migrate(database: Database): Promise<void> {
  const migrations = readMigrationFiles({ migrationsFolder });
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.execute(sql`CREATE SCHEMA IF NOT EXISTS drizzle`);
    await tx.execute(sql`CREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)`);
    // Read after the lock is held: a process that waited sees what the one before it committed.
    const last = await firstRow<{ created_at: string | number }>(tx, sql`
      SELECT created_at FROM drizzle.__drizzle_migrations ORDER BY created_at DESC LIMIT 1`);
    for (const migration of migrations) {
      if (last && Number(last.created_at) >= migration.folderMillis) continue;
      for (const statement of migration.sql) await tx.execute(sql.raw(statement));
      await tx.execute(sql`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES (${migration.hash}, ${migration.folderMillis})`);
    }
  });
  await assertHangulTrigrams(database);
}

/** A database created with LC_CTYPE=C silently drops every Hangul trigram (stack notes §3). */
async function assertHangulTrigrams(database: Database): Promise<void> {
  const check = await firstRow<{ ok: boolean; ctype: string }>(
    database.db,
    sql`SELECT show_trgm('가') <> '{}'::text[] AS ok, (SELECT datctype FROM pg_database WHERE datname = current_database()) AS ctype`,
  );
  if (!check?.ok) {
    throw new Error(
      `This database's character type (${check?.ctype}) loses Korean text in trigram search. ` +
        "Create it with LC_CTYPE 'C.UTF-8' (or another UTF-8 locale), e.g. CREATE DATABASE app TEMPLATE template0 LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8'.",
    );
  }
}

export interface MigrationStatus {
  applied: number;
  latest: string | null;
  pending: number;
}

export async function migrationStatus(database: Database): Promise<MigrationStatus> {
  const entries = journal().entries;
  const row = await firstRow<{ applied: number }>(
    database.db,
    sql`SELECT count(*)::int AS applied FROM drizzle.__drizzle_migrations`,
  ).catch(() => ({ applied: 0 }));
  const applied = row?.applied ?? 0;
  return { applied, latest: entries[applied - 1]?.tag ?? null, pending: Math.max(0, entries.length - applied) };
}
