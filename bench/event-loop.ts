/**
 * Does heavy work hold up everyone else? Starts the app in-process on a demo database, sends the largest table
 * export the contract allows (and one annual report PDF) while another thread asks `/api/health` every 5 ms,
 * and reports the health latencies and the server thread's event-loop delay while the work runs.
 *   npm run bench -- event-loop [--data=bench/.data/event-loop] [--exports=3] [--every=5] [--inline]
 *   npm run bench -- event-loop --database=postgres://…   (an existing database; demo data generated if empty)
 * --inline renders on the server thread, through the same functions, instead of the worker pool: the figure
 * from before the pool. The demo is generated into the data folder the first time (about a minute).
 * Measures only; asserts nothing.
 */
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { repositoryRoot, loadConfig } from '../src/server/config.ts';
import { buildApp } from '../src/server/app.ts';
import { prepareDatabase } from '../src/server/main.ts';
import { TABLE_EXPORT_LIMITS } from '../src/shared/contracts/exports.ts';
import { closeWorkerPool, renderInline } from '../src/server/platform/workers/pool.ts';
import { DEMO_PASSWORD } from '../db/seed/accounts.ts';
import { percentile, record } from './support.ts';

const now = () => performance.timeOrigin + performance.now();

/**
 * The clients, on a thread of their own so that neither their asking nor their reading costs the server
 * thread anything: one asks for `/api/health` every `everyMs` and notes when each request was sent and how
 * long its answer took; the other sends what the main thread tells it to and reports the status.
 */
const CLIENTS = `
const { parentPort, workerData: { base, everyMs } } = require('node:worker_threads');
const now = () => performance.timeOrigin + performance.now();
const samples = [];
const pending = new Set();
function ping() {
  const sent = now();
  const request = fetch(base + '/api/health').then(async (response) => { await response.arrayBuffer(); return response.status; }, () => 0)
    .then((status) => { samples.push({ sent, ms: now() - sent, status }); pending.delete(request); });
  pending.add(request);
}
const timer = setInterval(ping, everyMs);
let cookie = '';
parentPort.on('message', async (message) => {
  if (message.stop) {
    clearInterval(timer);
    await Promise.all(pending);
    return parentPort.postMessage({ samples });
  }
  const response = await fetch(base + message.url, {
    method: message.method ?? 'GET', body: message.body, headers: { cookie, 'content-type': 'application/json' },
  });
  const body = Buffer.from(await response.arrayBuffer());
  if (message.url === '/api/auth/login') cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  parentPort.postMessage({ id: message.id, status: response.status, text: body.length < 2000 ? body.toString() : '', bytes: body.length });
});`;

/** Asks the clients' thread to send a request, and waits for its answer. */
function clientOf(worker: Worker) {
  let next = 0;
  return (url: string, init: { method?: string; body?: string } = {}) => new Promise<{ status: number; text: string; bytes: number }>((resolve) => {
    const id = ++next;
    const answer = (message: { id?: number; status: number; text: string; bytes: number }) => {
      if (message.id !== id) return;
      worker.off('message', answer);
      resolve(message);
    };
    worker.on('message', answer);
    worker.postMessage({ id, url, ...init });
  });
}

interface Sample {
  sent: number;
  ms: number;
  status: number;
}

interface Window {
  from: number;
  to: number;
  eventLoopDelayMs: { mean: number; p50: number; p99: number; max: number };
}

const round = (value: number) => Math.round(value * 10) / 10;
const seconds = (window: Window) => Math.round((window.to - window.from) / 10) / 100;

/** Runs `work` with the server thread's event-loop delay recorded. */
async function watched<T>(work: () => Promise<T>): Promise<{ result: T; window: Window }> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const from = now();
  const result = await work();
  const to = now();
  delay.disable();
  const ms = (ns: number) => round(ns / 1e6);
  return { result, window: { from, to, eventLoopDelayMs: { mean: ms(delay.mean), p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) } } };
}

/** Health latencies of the requests sent within the windows. */
function healthDuring(samples: Sample[], windows: Window[]) {
  const inside = samples.filter((s) => windows.some((w) => s.sent >= w.from && s.sent <= w.to));
  const ms = inside.map((s) => s.ms);
  return {
    requests: inside.length, failed: inside.filter((s) => s.status !== 200).length,
    p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)), p99: round(percentile(ms, 99)), max: round(Math.max(...ms)),
  };
}

/** The worst of several windows' event-loop delays (the mean of their means). */
function delayOver(windows: Window[]) {
  const of = (key: keyof Window['eventLoopDelayMs']) => windows.map((w) => w.eventLoopDelayMs[key]);
  return { mean: round(of('mean').reduce((a, b) => a + b, 0) / windows.length), p50: Math.max(...of('p50')), p99: Math.max(...of('p99')), max: Math.max(...of('max')) };
}

/** The largest table the contract allows: every row and column it permits, cells filled up to the body limit. */
function largestTable(): { body: string; rows: number; columns: number } {
  const { rows, columns, bytes } = TABLE_EXPORT_LIMITS;
  const columnNames = Array.from({ length: columns }, (_, j) => `항목 ${j + 1}`);
  const make = (filler: number) => JSON.stringify({
    title: '가장 큰 표',
    columns: columnNames,
    // Half numbers, half Korean text, as the pages' tables are.
    rows: Array.from({ length: rows }, (_, i) => Array.from({ length: columns }, (_, j) => (j % 2 === 0 ? i * columns + j : `${i}-${j} ${'가'.repeat(filler)}`))),
  });
  let filler = 0;
  while (Buffer.byteLength(make(filler + 1)) < bytes * 0.98) filler++;
  return { body: make(filler), rows, columns };
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string', default: 'bench/.data/event-loop' },
      database: { type: 'string' },
      exports: { type: 'string', default: '3' },
      every: { type: 'string', default: '5' },
      inline: { type: 'boolean', default: false },
    },
  });
  renderInline(values.inline);
  const config = loadConfig({
    ...(values.database ? { DATABASE_URL: values.database } : { DATA_DIR: path.resolve(repositoryRoot, values.data) }),
    SEED_SIZE: 'demo', API_RATE_LIMIT_PER_MINUTE: '10000000', LOG_LEVEL: 'warn',
  });
  const database = await prepareDatabase(config, (line) => console.log(line));
  const app = await buildApp({ config, database, logger: { level: 'error' } });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const clients = new Worker(CLIENTS, { eval: true, workerData: { base, everyMs: Number(values.every) } });
  const send = clientOf(clients);
  try {
    const login = await send('/api/auth/login', { method: 'POST', body: JSON.stringify({ email: 'officer@example.com', password: DEMO_PASSWORD }) });
    if (login.status !== 200) throw new Error(`Logging in failed: ${login.status} ${login.text}`);

    // Two quiet seconds first: what health answers take when nothing else runs.
    const quiet = await watched(() => new Promise((resolve) => setTimeout(resolve, 2000)));

    const table = largestTable();
    console.log(`Table export: ${table.rows} rows × ${table.columns} columns, ${(Buffer.byteLength(table.body) / 1024 / 1024).toFixed(2)} MB`);
    // One export first, unmeasured: the first loads the workbook library (on the worker, or here when inline).
    await send('/api/exports/table.xlsx', { method: 'POST', body: table.body });
    const exports: Window[] = [];
    const exportSeconds: number[] = [];
    let exportStatus = 0;
    for (let i = 0; i < Number(values.exports); i++) {
      const { result, window } = await watched(async () => {
        const response = await send('/api/exports/table.xlsx', { method: 'POST', body: table.body });
        if (response.status !== 200) console.log(`  ${response.status}: ${response.text.slice(0, 300)}`);
        return response.status;
      });
      exportStatus = result;
      exports.push(window);
      exportSeconds.push(seconds(window));
      console.log(`  export ${i + 1}: ${result} in ${seconds(window)} s`);
    }

    const year = Number(new Date().toISOString().slice(0, 4));
    const report = await watched(async () => {
      const started = await send('/api/cities/31060/annual-report', { method: 'POST', body: JSON.stringify({ year, format: 'pdf' }) });
      if (started.status !== 202) throw new Error(`The annual report did not start: ${started.status} ${started.text}`);
      const { jobId } = JSON.parse(started.text) as { jobId: string };
      for (;;) {
        const job = JSON.parse((await send(`/api/jobs/${jobId}`)).text) as { status: string };
        if (job.status !== 'running') return job.status;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
    console.log(`Annual report PDF: ${report.result} in ${seconds(report.window)} s`);

    clients.postMessage({ stop: true });
    const { samples } = await new Promise<{ samples: Sample[] }>((resolve) => clients.on('message', (message) => message.samples && resolve(message)));
    record('event-loop', {
      engine: database.engine,
      rendering: values.inline ? 'inline' : 'worker pool',
      healthEveryMs: Number(values.every),
      // What else the machine was doing (2 cores): the figures mean little under a load far above 2.
      loadAverage: Number(loadavg()[0]!.toFixed(1)),
      quiet: { health: healthDuring(samples, [quiet.window]), eventLoopDelayMs: quiet.window.eventLoopDelayMs },
      tableExport: {
        rows: table.rows, columns: table.columns, bytes: Buffer.byteLength(table.body), status: exportStatus, seconds: exportSeconds,
        health: healthDuring(samples, exports), eventLoopDelayMs: delayOver(exports),
      },
      annualReportPdf: {
        status: report.result, seconds: seconds(report.window),
        health: healthDuring(samples, [report.window]), eventLoopDelayMs: report.window.eventLoopDelayMs,
      },
    });
  } finally {
    await clients.terminate();
    await app.close();
    await closeWorkerPool();
    await database.close();
  }
}
