/**
 * One face over the two engines: embedded PGlite (default, a local data folder) or a PostgreSQL
 * server (DATABASE_URL). Both are driven through drizzle-orm with their native drivers.
 */
import { mkdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import type pg from 'pg';
import type { DatabaseConfig } from '../../config.ts';
import type { PageOf, PageRequest } from '../../../shared/contracts/common.ts';
import { acquireDataDirLock } from './lock.ts';
import { encodeCopyRow, type CopyValue } from './copy-format.ts';

export type AppDb = PgDatabase<PgQueryResultHKT>;
export type AppTx = PgTransaction<PgQueryResultHKT>;
/** Anything queries can run on: the database or an open transaction. */
export type Executor = AppDb | AppTx;
export type Engine = 'pglite' | 'postgresql';

interface DatabaseFace {
  readonly db: AppDb;
  /** Loads rows with COPY, in batches; returns the number of rows written. */
  copyRows(table: string, columns: readonly string[], rows: Iterable<readonly CopyValue[]>): Promise<number>;
  close(): Promise<void>;
}
export type PgliteDatabase = DatabaseFace & { readonly engine: 'pglite'; readonly pglite: PGlite };
export type ServerDatabase = DatabaseFace & { readonly engine: 'postgresql'; readonly pool: pg.Pool };
export type Database = PgliteDatabase | ServerDatabase;

/**
 * The PostgreSQL client and its drizzle driver, loaded when a server is used: a start on PGlite does not pay for
 * importing them (about 0.1–0.2 s of a warm start).
 */
export async function postgresClient() {
  const [{ default: client }, { drizzle }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
  // Int8 (count(*), sums) arrives as a string from pg and a number from PGlite (stack notes, gotcha 9):
  // parse it as a number on both; our counts stay far below 2^53.
  client.types.setTypeParser(client.types.builtins.INT8, (value) => Number(value));
  return { pg: client, drizzle };
}

const identifier = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  return `"${name}"`;
};

function copyStatement(table: string, columns: readonly string[], source: string) {
  return `COPY ${identifier(table)} (${columns.map(identifier).join(', ')}) FROM ${source}`;
}

function* batches(rows: Iterable<readonly CopyValue[]>, size: number): Generator<string[]> {
  let batch: string[] = [];
  for (const row of rows) {
    batch.push(encodeCopyRow(row));
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

export interface PgliteOptions {
  /** A folder, or omitted for an in-memory database (tests). */
  dataDir?: string;
  /** A data folder snapshot from `dumpDataDir` to start from (tests). */
  loadDataDir?: Blob;
  /** Server settings (`name=value`) beside PGlite's own. */
  settings?: string[];
}

export async function openPglite(options: PgliteOptions = {}): Promise<PgliteDatabase> {
  const release = options.dataDir ? acquireDataDirLock(options.dataDir) : () => {};
  try {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    const pglite = await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: { pg_trgm, btree_gist },
      ...(options.settings ? { startParams: [...PGlite.defaultStartParams, ...options.settings.flatMap((setting) => ['-c', setting])] } : {}),
    });
    return {
      engine: 'pglite',
      pglite,
      db: drizzlePglite(pglite, { casing: 'snake_case' }) as unknown as AppDb,
      async copyRows(table, columns, rows) {
        let written = 0;
        for (const batch of batches(rows, 20_000)) {
          await pglite.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob(batch) });
          written += batch.length;
        }
        return written;
      },
      async close() {
        try {
          if (!pglite.closed) await pglite.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

export async function openPostgres(url: string, poolSize = 10): Promise<ServerDatabase> {
  const { pg, drizzle } = await postgresClient();
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server closes (restart, failover) must not crash the process: the pool
  // drops it and opens a new one on the next query.
  pool.on('error', (error) => console.warn(`PostgreSQL connection lost (${error.message}); reconnecting on next use.`));
  // Fail at boot, with the server's own message, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  return {
    engine: 'postgresql',
    pool,
    db: drizzle(pool, { casing: 'snake_case' }) as unknown as AppDb,
    async copyRows(table, columns, rows) {
      const { from: copyFrom } = await import('pg-copy-streams');
      const client = await pool.connect();
      try {
        let written = 0;
        const counted = function* () {
          for (const batch of batches(rows, 5_000)) {
            written += batch.length;
            yield batch.join('');
          }
        };
        await pipeline(Readable.from(counted()), client.query(copyFrom(copyStatement(table, columns, 'STDIN'))));
        return written;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

export function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.engine === 'pglite' ? openPglite({ dataDir: config.dataDir }) : openPostgres(config.url, config.poolSize);
}

/** Anything `execute` runs on: the database, a transaction, or a reader (database/reads.ts). */
type Executes = Pick<AppDb, 'execute'>;

/** Runs raw SQL built with drizzle's `sql` tag (always parameterised) and returns its rows. */
export async function rows<T>(executor: Executes, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function firstRow<T>(executor: Executes, query: SQL): Promise<T | undefined> {
  return (await rows<T>(executor, query))[0];
}

/** A moment as ISO 8601 in UTC to the second, the same text from both drivers (they parse timestamps differently). */
export const isoUtc = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** An ILIKE pattern matching `text` anywhere, with the user's own % and _ taken literally. */
export function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** One page of a list: the items and the count of all matches, fetched together. */
export async function pageOf<T>(page: PageRequest, items: PromiseLike<T[]>, count: PromiseLike<{ n: number }[]>): Promise<PageOf<T>> {
  const [list, [total]] = await Promise.all([items, count]);
  return { items: list, total: total?.n ?? 0, ...page };
}

export const offsetOf = (page: PageRequest) => (page.page - 1) * page.pageSize;
