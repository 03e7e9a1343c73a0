/**
 * Applies the one append-only migration set (db/migrations, PostgreSQL 15 SQL) to either engine with
 * drizzle's runtime migrators, then checks the things the product relies on (Hangul trigrams).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateWithPg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migrateWithPglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
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

export async function migrate(database: Database): Promise<void> {
  if (database.engine === 'pglite') {
    await migrateWithPglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    // Two app instances starting together must not both migrate: hold a session lock on one connection.
    const client = await database.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      await migrateWithPg(drizzlePg(client, { casing: 'snake_case' }), { migrationsFolder });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
      client.release();
    }
  }
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
