/**
 * A real PostgreSQL 15 primary and hot standby, built with PostgreSQL's own tools (initdb, pg_ctl, pg_basebackup -R)
 * in a temporary folder, on free ports, as the `postgres` OS user (initdb refuses root). The machine's own cluster
 * at :5432 allows no replication, so tests about replicas build this pair instead.
 */
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const PG_BIN = '/usr/lib/postgresql/15/bin';
const tools = ['initdb', 'pg_ctl', 'pg_basebackup'];

/** Why a primary and standby cannot be built here, or null when they can. */
export function standbyUnavailable(): string | null {
  const missing = tools.filter((tool) => !existsSync(path.join(PG_BIN, tool)));
  if (missing.length > 0) return `PostgreSQL 15's ${missing.join(', ')} not found in ${PG_BIN}`;
  if (process.getuid?.() === 0 && !existsSync('/usr/sbin/runuser') && !existsSync('/sbin/runuser')) return 'running as root without runuser';
  return null;
}

export interface PrimaryAndStandby {
  /** A URL to a database on the primary (read-write). */
  primaryUrl(database: string): string;
  /** A URL to the same database on the standby (read-only, replaying the primary's WAL). */
  standbyUrl(database: string): string;
  /** Runs SQL on the standby's `postgres` database (pg_wal_replay_pause() and the like). */
  onStandby(text: string): Promise<pg.QueryResult>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL tool, as `postgres` when we are root; rejects with its output when it fails. */
function run(tool: string, args: string[]): Promise<void> {
  const command = path.join(PG_BIN, tool);
  const [file, argv] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${tool} ${args.join(' ')} exited ${code}:\n${output}`))));
  });
}

export async function startPrimaryAndStandby(): Promise<PrimaryAndStandby> {
  const base = mkdtempSync(path.join(tmpdir(), 'lc-standby-'));
  if (process.getuid?.() === 0) {
    // The folder belongs to root from mkdtemp: hand it to postgres by its ids, looked up rather than assumed.
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(base, uid, gid);
  }
  const primaryDir = path.join(base, 'primary');
  const standbyDir = path.join(base, 'standby');
  const [primaryPort, standbyPort] = [await freePort(), await freePort()];
  const started: string[] = [];
  const server = (dir: string, port: number, settings: string) =>
    run('pg_ctl', ['-D', dir, '-l', `${dir}.log`, '-w', '-t', '60', '-o', `-p ${port} -k ${base} -c listen_addresses=127.0.0.1 ${settings}`, 'start'])
      .then(() => void started.push(dir));
  const stop = async () => {
    for (const dir of started.reverse()) await run('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']).catch(() => {});
    rmSync(base, { recursive: true, force: true });
  };
  try {
    await run('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    appendFileSync(path.join(primaryDir, 'pg_hba.conf'), '\nhost replication all 127.0.0.1/32 trust\n');
    await server(primaryDir, primaryPort, '-c wal_level=replica -c fsync=off');
    // -R writes standby.signal and primary_conninfo: the copy starts as a hot standby streaming from the primary.
    await run('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', standbyDir, '-R', '-X', 'stream']);
    await server(standbyDir, standbyPort, '-c hot_standby=on -c fsync=off');
  } catch (error) {
    await stop();
    throw error;
  }
  const url = (port: number, database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    primaryUrl: (database) => url(primaryPort, database),
    standbyUrl: (database) => url(standbyPort, database),
    async onStandby(text) {
      const client = new pg.Client({ connectionString: url(standbyPort, 'postgres') });
      await client.connect();
      try {
        return await client.query(text);
      } finally {
        await client.end();
      }
    },
    stop,
  };
}
