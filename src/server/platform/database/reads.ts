/**
 * Where reads go. Without DATABASE_READ_URL every read goes to the one database, as always. With it, routes that
 * show public pages read through `request.reader`, which is a PostgreSQL streaming replica when that is safe, and
 * the primary otherwise:
 *  - staleness bound: the replica is used only if it has replayed everything the primary had flushed at most
 *    `maxLagMs` ago (seat counts a resident sees are never staler than that);
 *  - read-your-writes: after a write the person carries the primary's WAL position (a cookie); their reads go to
 *    the primary until the replica has replayed past it.
 * A reader cannot write: its type has no insert, update, delete or read-write transaction, so such code does not
 * compile; at run time those methods are absent, its transactions are READ ONLY, and a standby refuses writes.
 */
import { sql } from 'drizzle-orm';
import { firstRow, postgresClient, type AppDb, type AppTx, type Database, type ServerDatabase } from './database.ts';

/** What reading needs, and nothing that writes. Every database and transaction is one. */
export interface Reader {
  select: AppDb['select'];
  selectDistinct: AppDb['selectDistinct'];
  selectDistinctOn: AppDb['selectDistinctOn'];
  $count: AppDb['$count'];
  execute: AppDb['execute'];
  /** A READ ONLY transaction (for SET LOCAL settings or a consistent snapshot over several queries). */
  transaction<T>(work: (tx: Reader) => Promise<T>): Promise<T>;
}

/** The reader over a database or transaction: only its reading methods, and transactions opened READ ONLY. */
export function readOnly(db: AppDb | AppTx): Reader {
  return {
    select: db.select.bind(db),
    selectDistinct: db.selectDistinct.bind(db),
    selectDistinctOn: db.selectDistinctOn.bind(db),
    $count: db.$count.bind(db),
    execute: db.execute.bind(db),
    transaction: (work) => db.transaction((tx) => work(readOnly(tx)), { accessMode: 'read only' }),
  };
}

export interface ReadRouting {
  /** The reader for one request; `mustSee` is the WAL position the person's last write reached (their cookie), if any. */
  readerFor(mustSee: string | undefined): Reader;
  /** After a write: the position the writer's next reads must see, or null when there is no replica to lag. */
  positionAfterWrite(): Promise<string | null>;
  /** What the router knows about the replica (for /api/health and tests); null without one. */
  replica(): ReplicaState | null;
  close(): Promise<void>;
}

export interface ReplicaState {
  /** Whether reads may go there now (it answers, is a standby, and is within the staleness bound). */
  fresh: boolean;
  /** How far behind the primary it may be, in milliseconds (null: not known yet or unreachable). */
  lagMs: number | null;
  replayedLsn: string | null;
}

/** One database for everything (PGlite, or a server without a replica). */
export function primaryReads(database: Database): ReadRouting {
  const reader = readOnly(database.db);
  return { readerFor: () => reader, positionAfterWrite: async () => null, replica: () => null, close: async () => {} };
}

/** `X/Y` (two hexadecimal halves) as a number; null for anything else (a forged or damaged cookie). */
export function parseLsn(text: string | undefined | null): bigint | null {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text ?? '');
  return match ? (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`) : null;
}

export interface ReplicaOptions {
  /** Reads go to the primary when the replica may be staler than this. */
  maxLagMs: number;
  poolSize: number;
  /** How often to compare the two servers' WAL positions. */
  probeMs?: number;
  warn(message: string): void;
}

export async function replicaReads(primary: ServerDatabase, readUrl: string, options: ReplicaOptions): Promise<ReadRouting> {
  const probeMs = options.probeMs ?? 200;
  // A replica that stops answering must not hold up start or requests for long: reads then go to the primary.
  const { pg, drizzle } = await postgresClient();
  const pool = new pg.Pool({ connectionString: readUrl, max: options.poolSize, connectionTimeoutMillis: 3000, keepAlive: true });
  pool.on('error', (error) => options.warn(`Replica connection lost (${error.message}); reconnecting on next use.`));
  const replicaReader = readOnly(drizzle(pool, { casing: 'snake_case' }) as unknown as AppDb);
  const primaryReader = readOnly(primary.db);

  // Positions the primary had flushed, each with the moment just before it was read: once the replica has replayed
  // one, it holds everything committed on the primary before that moment.
  const pending: { at: number; lsn: bigint }[] = [];
  let freshAsOf = Number.NEGATIVE_INFINITY;
  let replayed: bigint | null = null;
  let problem: string | null = null;

  const probe = async () => {
    const at = Date.now();
    const flushed = await firstRow<{ lsn: string }>(primary.db, sql`SELECT pg_current_wal_flush_lsn()::text AS lsn`);
    pending.push({ at, lsn: parseLsn(flushed?.lsn)! });
    if (pending.length > 100) pending.shift(); // a replica far behind: the oldest samples go, freshness only ages
    const { rows } = await pool.query<{ recovering: boolean; lsn: string | null }>(
      'SELECT pg_is_in_recovery() AS recovering, pg_last_wal_replay_lsn()::text AS lsn');
    if (!rows[0]?.recovering) throw new Error('DATABASE_READ_URL is not a standby (pg_is_in_recovery() is false)');
    replayed = parseLsn(rows[0].lsn);
    while (pending.length > 0 && replayed !== null && pending[0]!.lsn <= replayed) freshAsOf = pending.shift()!.at;
  };
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const loop = async () => {
    try {
      await probe();
      if (problem) options.warn(`Replica usable again: ${problem} is over.`);
      problem = null;
    } catch (error) {
      const message = (error as Error).message;
      if (problem !== message) options.warn(`Reading from the primary only: ${message}.`);
      problem = message;
      freshAsOf = Number.NEGATIVE_INFINITY;
    }
    if (!stopped) timer = setTimeout(() => void loop(), probeMs).unref();
  };
  await loop();

  const fresh = () => problem === null && Date.now() - freshAsOf <= options.maxLagMs;
  return {
    readerFor(mustSee) {
      if (!fresh()) return primaryReader;
      const position = parseLsn(mustSee);
      return position !== null && (replayed === null || replayed < position) ? primaryReader : replicaReader;
    },
    async positionAfterWrite() {
      const row = await firstRow<{ lsn: string }>(primary.db, sql`SELECT pg_current_wal_lsn()::text AS lsn`);
      return row?.lsn ?? null;
    },
    replica: () => ({
      fresh: fresh(),
      lagMs: problem === null && Number.isFinite(freshAsOf) ? Date.now() - freshAsOf : null,
      replayedLsn: replayed === null ? null : `${(replayed >> 32n).toString(16).toUpperCase()}/${(replayed & 0xffffffffn).toString(16).toUpperCase()}`,
    }),
    async close() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await pool.end();
    },
  };
}
