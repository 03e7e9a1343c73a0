/**
 * `npm run bench -- start [--engine pglite|postgresql] [--runs 5] [--workers 1] [--cwd DIR] [--command "npm start"]`
 *
 * How long a warm start takes: from spawning the start command to the first 200 of /api/health, on a data
 * folder (or database) that already holds the demo and a build that is up to date. The first run prepares
 * (seeds, builds) and is not counted. `--cwd` runs another checkout (e.g. main, to compare with before).
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { repositoryRoot } from '../src/server/config.ts';
import { BENCH_ADMIN_URL, percentile, record } from './support.ts';

const option = (args: string[], name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
};

/** Spawns the command and resolves with the milliseconds until /api/health answers 200; then stops it. */
async function timeStart(command: string, cwd: string, env: NodeJS.ProcessEnv, port: number): Promise<number> {
  const started = performance.now();
  const child = spawn('sh', ['-c', command], { cwd, env, detached: true, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  try {
    for (;;) {
      if (gone) throw new Error(`${command} exited before it answered`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.status === 200, () => false);
      if (ok) return performance.now() - started;
      await sleep(20);
    }
  } finally {
    process.kill(-child.pid!, 'SIGTERM'); // the whole group: npm, the primary and its workers
    await exited;
    // npm may exit before the server: wait until nothing answers (draining workers take a few seconds).
    while (await fetch(`http://127.0.0.1:${port}/api/health`).then(() => true, () => false)) await sleep(100);
    await sleep(500); // the data folder's lock is released
  }
}

export async function run(args: string[]): Promise<void> {
  const engine = option(args, 'engine', 'pglite');
  const runs = Number(option(args, 'runs', '5'));
  const cwd = path.resolve(option(args, 'cwd', repositoryRoot));
  const command = option(args, 'command', 'npm start');
  const workers = option(args, 'workers', '1');
  const port = 3950 + Math.floor(Math.random() * 40);
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), WORKERS: workers, LOG_LEVEL: 'warn' };
  // Each checkout has its own data (their migrations may differ); the first, uncounted run loads the demo into it.
  if (engine === 'postgresql') {
    const name = `lc_bench_start_${path.basename(cwd).replace(/[^a-z0-9]+/gi, '_').toLowerCase()}`;
    const url = new URL(BENCH_ADMIN_URL);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    await createStartDatabase(name);
  } else {
    env.DATA_DIR = path.join(cwd, 'bench/.data/start-pglite');
  }
  console.log(`Preparing (first start, not counted): ${command} in ${cwd}, ${engine}, WORKERS=${workers}…`);
  await timeStart(command, cwd, env, port);
  const times: number[] = [];
  const loads: number[] = [];
  for (let i = 0; i < runs; i++) {
    loads.push(loadavg()[0]!);
    times.push(await timeStart(command, cwd, env, port));
    console.log(`run ${i + 1}: ${(times.at(-1)! / 1000).toFixed(2)} s (load ${loads.at(-1)!.toFixed(2)})`);
  }
  record('start', {
    engine, command, cwd, workers: Number(workers), runs,
    medianSeconds: Number((percentile(times, 50) / 1000).toFixed(2)),
    minSeconds: Number((Math.min(...times) / 1000).toFixed(2)),
    maxSeconds: Number((Math.max(...times) / 1000).toFixed(2)),
    loadAverage1m: loads.map((l) => Number(l.toFixed(2))),
  });
}

/** Created once, with a UTF-8 character type. */
async function createStartDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: BENCH_ADMIN_URL });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
  } finally {
    await admin.end();
  }
}
