/**
 * Catalogue search under a realistic mix of 200 queries (text, 초성, filters, near me):
 *  - the same SQL run bare on the driver (statement + details),
 *  - the same searches through the service in this process (no HTTP), by SQL and from the in-process catalogue,
 *    and whether the two give the same answers (hits, order, counts) for every query,
 *  - then, for a server answering by SQL (CATALOGUE_IN_MEMORY=false: the baseline) and from memory, side by side:
 *    p50/p95 end to end (HTTP, server in a separate process, one request at a time) and requests per second with
 *    --connections (default 50) from this (second) process (autocannon), with p50/p99.
 *
 *   npm run bench -- search --engine=postgresql [--database=postgres://…/lc_bench_seed_national] [--workers=N]
 *   npm run bench -- search --engine=pglite [--data-dir=bench/.data/pglite-large]   (seeds `large`, 100k programs, if empty)
 */
import { isDeepStrictEqual } from 'node:util';
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { repositoryRoot } from '../src/server/config.ts';
import { chosungOf } from '../src/shared/lib/hangul.ts';
import { rows, type AppDb, type Database } from '../src/server/platform/database/database.ts';
import type { SearchQuery } from '../src/shared/contracts/programs.ts';
import { programsModule } from '../src/server/modules/programs/index.ts';
import { searchCatalogue } from '../src/server/modules/programs/programs.service.ts';
import { CatalogueIndex } from '../src/server/modules/programs/programs.catalogue.ts';
import { searchPrograms } from '../src/server/modules/programs/programs.search.ts';
import { todayInKorea } from '../src/server/platform/clock.ts';
import { subcategoryCatalogue } from '../db/seed/catalogue.ts';
import { Random } from '../src/shared/lib/random.ts';
import { NATIONAL_DATABASE_URL, openBenchData, percentile, record } from './support.ts';

const QUERIES = 200;

type Query = Record<string, string | number | boolean | string[]>;
const kinds = new WeakMap<Query, string>();

/** A deterministic mix of what residents type and tick (see the file comment). */
function queryMix(cities: string[], dongs: { code: string; municipalityCode: string }[], seed = 7): Query[] {
  const random = new Random(seed);
  const topics = [...new Set(subcategoryCatalogue.flatMap((s) => s.stems.map((stem) => stem.ko.split(' ')[0]!)))].filter((w) => w.length >= 2);
  const englishTopics = [...new Set(subcategoryCatalogue.flatMap((s) => s.stems.map((stem) => stem.en.split(' ')[0]!.toLowerCase())))].filter((w) => w.length >= 4);
  const typo = (word: string) => {
    const chars = [...word];
    const at = random.int(1, chars.length - 1);
    chars[at] = word === word.toLowerCase() && /[a-z]/.test(chars[at]!) ? 'x' : '펀';
    return chars.join('');
  };
  const facetFilter = (): Query => random.pick<Query>([
    { area: [random.pick(['culture_arts', 'liberal_arts', 'vocational', 'citizenship', 'basic_literacy'])] },
    { target: ['elderly'] }, { fee: 'free' }, { timeOfDay: [random.pick(['morning', 'afternoon', 'evening'])] },
    { weekday: [random.pick(['sat', 'sun'])] }, { startsWithinDays: random.pick([7, 30, 90]) }, { seatsLeft: true }, { mode: ['online'] },
  ]);
  const queries: Query[] = [];
  const push = (kind: string, query: Query) => {
    kinds.set(query, kind);
    queries.push(query);
  };
  for (let i = 0; i < QUERIES; i++) {
    const kind = random.weighted([['text', 30], ['english', 5], ['typo', 3], ['chosung', 10], ['city', 20], ['national', 5], ['near', 17], ['nearText', 10]] as const);
    const dong = random.pick(dongs);
    switch (kind) {
      case 'text': push(kind, { q: random.pick(topics), ...(random.chance(0.3) ? facetFilter() : {}) }); break;
      case 'english': push(kind, { q: random.pick(englishTopics) }); break;
      case 'typo': push(kind, { q: typo(random.pick(topics.filter((t) => t.length >= 3))) }); break;
      case 'chosung': push(kind, { q: chosungOf(random.pick(topics.filter((t) => t.length >= 3))) }); break;
      case 'city': push(kind, { city: [random.pick(cities)], ...facetFilter(), ...(random.chance(0.5) ? facetFilter() : {}) }); break;
      case 'national': push(kind, { ...facetFilter(), ...facetFilter() }); break;
      case 'near': push(kind, { near: dong.code, radiusKm: random.pick([3, 5, 10]), ...(random.chance(0.5) ? facetFilter() : {}) }); break;
      case 'nearText': push(kind, { near: dong.code, q: random.pick(topics) }); break;
    }
  }
  return queries;
}

function queryString(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
  }
  return params.toString();
}

/** The statements one search runs, as the service runs them (recorded through drizzle's logger). */
async function statementsOf(database: Database, query: Query): Promise<{ text: string; params: unknown[] }[]> {
  const recorded: { text: string; params: unknown[] }[] = [];
  const logger = { logQuery: (text: string, params: unknown[]) => recorded.push({ text, params }) };
  const db = (database.engine === 'pglite'
    ? drizzlePglite(database.pglite, { casing: 'snake_case', logger })
    : drizzlePg(database.pool, { casing: 'snake_case', logger })) as unknown as AppDb;
  await searchCatalogue(db, db, { ...query, page: 1, pageSize: 20 } as unknown as SearchQuery);
  return recorded;
}

/** The "bare" side of the ratio: the same statements, straight on the engine's driver. */
async function replay(database: Database, statements: { text: string; params: unknown[] }[]): Promise<void> {
  for (const { text, params } of statements) {
    if (database.engine === 'pglite') await database.pglite.query(text, params);
    else await database.pool.query(text, params);
  }
}

async function timeEach(items: Query[], run: (q: Query) => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  for (const item of items) {
    const started = performance.now();
    await run(item);
    times.push(performance.now() - started);
  }
  return times;
}

/**
 * Starts the server; resolves once it is ready and, with the catalogue in memory, every process has loaded it
 * (a process reads the catalogue at its first search: searches are sent until each has said it loaded).
 */
function startServer(env: Record<string, string>, port: number, loads: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
    cwd: repositoryRoot, env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'info', API_RATE_LIMIT_PER_MINUTE: '10000000', SEED_ON_FIRST_START: 'false' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let ready = false;
  let loaded = 0;
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      if (text.includes('Ready in') && !ready) {
        ready = true;
        const ask = setInterval(() => {
          if (loaded >= loads) clearInterval(ask);
          else void fetch(`http://127.0.0.1:${port}/api/programs?q=%EA%B5%90%EC%8B%A4`).then((r) => r.arrayBuffer(), () => null);
        }, 100);
      }
      loaded += text.split('Catalogue in memory').length - 1;
      if (ready && loaded >= loads) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

async function stopServer(server: ChildProcess): Promise<void> {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      engine: { type: 'string', default: 'postgresql' },
      database: { type: 'string', default: NATIONAL_DATABASE_URL },
      'data-dir': { type: 'string', default: 'bench/.data/pglite-large' },
      seconds: { type: 'string', default: '20' },
      connections: { type: 'string', default: '50' },
      workers: { type: 'string' },
    },
  });
  const connections = Number(values.connections);
  const engine = values.engine === 'pglite' ? 'pglite' : 'postgresql';
  const dataDir = path.resolve(repositoryRoot, values['data-dir']!);
  const today = todayInKorea();

  // Prepare the data (PGlite: seed `large` once), then measure the bare SQL in this process.
  const database = engine === 'pglite' ? await openBenchData({ dataDir }, 'large', today) : await openBenchData({ postgres: values.database }, 'national');
  await programsModule.ensureSearchIndex(database.db, today);
  const [counts] = await rows<{ programs: number; searchable: number }>(database.db, sql`
    SELECT (SELECT count(*)::int FROM programs) AS programs, (SELECT count(*)::int FROM program_search) AS searchable`);
  const { programs, searchable } = counts!;
  const cities = (await rows<{ code: string }>(database.db, sql`SELECT DISTINCT city_code AS code FROM program_search ORDER BY 1`)).map((c) => c.code);
  const dongs = await rows<{ code: string; municipalityCode: string }>(database.db, sql`
    SELECT code, municipality_code AS "municipalityCode" FROM dongs WHERE municipality_code = ANY(${sql.param(cities)}::text[]) ORDER BY code`);
  const queries = queryMix(cities, dongs);

  const statements = new Map<Query, { text: string; params: unknown[] }[]>();
  for (const query of queries) statements.set(query, await statementsOf(database, query));
  await timeEach(queries.slice(0, 40), (q) => replay(database, statements.get(q)!)); // warm caches
  const bare = await timeEach(queries, (q) => replay(database, statements.get(q)!));
  // The same searches through the service in this process (query building, parsing, shaping, no HTTP): where the gap opens.
  const service = await timeEach(queries, async (q) => { await searchCatalogue(database.db, database.db, { ...q, page: 1, pageSize: 20 } as unknown as SearchQuery); });
  // The in-process catalogue over the same data: its load, its answers against the SQL's, its time per search.
  const loadStarted = performance.now();
  const catalogue = new CatalogueIndex(database.db, { freshnessMs: 60_000, logError: (error) => { throw error; } });
  catalogue.start();
  await catalogue.loaded();
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const heapMb = Math.round(process.memoryUsage().heapUsed / 1e6);
  const differing: string[] = [];
  for (const q of queries) {
    const center = await centreOf(database, q);
    const input = { ...(q as unknown as SearchQuery), page: 1, pageSize: 20, today, center };
    const [bySql, fromMemory] = [await searchPrograms(database.db, input), await searchPrograms(database.db, input, catalogue.pass(database.db))];
    if (!isDeepStrictEqual(bySql, fromMemory)) differing.push(queryString(q));
  }
  const inMemory = await timeEach(queries, async (q) => {
    await searchCatalogue(database.db, database.db, { ...q, page: 1, pageSize: 20 } as unknown as SearchQuery, catalogue);
  });
  catalogue.stop();
  if (engine === 'pglite') await database.close(); // one process per data folder: hand it to the server

  const round = (n: number) => Math.round(n * 10) / 10;
  const median = (v: number[]) => percentile(v, 50);
  const workers = values.workers ?? (engine === 'pglite' ? '1' : '2');
  const servers: Record<string, unknown> = {};
  const port = 3900;
  for (const [name, inMemoryServer] of [['sql', false], ['memory', true]] as const) {
    const env = { ...(engine === 'pglite' ? { DATA_DIR: dataDir } : { DATABASE_URL: values.database! }), WORKERS: workers, CATALOGUE_IN_MEMORY: String(inMemoryServer) };
    const server = await startServer(env, port, inMemoryServer ? Number(workers) : 0);
    try {
      const base = `http://127.0.0.1:${port}/api/programs?`;
      const urls = queries.map((q) => base + queryString(q));
      // The bare side has run every query before it is timed (recording them); so does the server, whose
      // engine may hold its own cache (PGlite's buffers live in the server process).
      await timeEach(queries, async (q) => { await (await fetch(base + queryString(q))).arrayBuffer(); });
      let failures = 0;
      const endToEnd = await timeEach(queries, async (q) => {
        const response = await fetch(base + queryString(q));
        if (!response.ok) failures++;
        await response.arrayBuffer();
      });
      let next = 0;
      const load = await autocannon({
        url: `http://127.0.0.1:${port}`, connections, duration: Number(values.seconds),
        requests: [{ setupRequest: (request) => ({ ...request, path: urls[next++ % urls.length]!.replace(`http://127.0.0.1:${port}`, '') }) }],
      });
      servers[name] = {
        failures, rssMb: rssOfTree(server.pid!),
        endToEnd: { p50: round(median(endToEnd)), p95: round(percentile(endToEnd, 95)), max: round(Math.max(...endToEnd)) },
        ratioToBare: round(median(endToEnd) / median(bare) * 100) / 100,
        load: { connections, seconds: Number(values.seconds), requestsPerSecond: round(load.requests.average), p50: load.latency.p50, p99: load.latency.p99, errors: load.errors, non2xx: load.non2xx, timeouts: load.timeouts },
        byKind: byKind(queries, endToEnd),
        slowest: slowest(queries, endToEnd),
      };
    } finally {
      await stopServer(server);
    }
  }
  record('search', {
    engine, programs, searchable, queries: queries.length, workers: Number(workers),
    bare: { p50: round(median(bare)), p95: round(percentile(bare, 95)) },
    service: { p50: round(median(service)), p95: round(percentile(service, 95)) },
    catalogue: { loadSeconds: round(loadSeconds), heapMb, p50: round(median(inMemory) * 10) / 10, p95: round(percentile(inMemory, 95) * 10) / 10, differing: differing.length, firstDiffering: differing.slice(0, 3) },
    servers,
  });
  if (engine === 'postgresql') await database.close();
}

/** Resident memory of a server process and the workers it forked (MB). */
function rssOfTree(pid: number): number {
  const kb = execSync(`ps -o rss= -p ${pid}; ps -o rss= --ppid ${pid} || true`, { shell: '/bin/sh' }).toString().split(/\s+/).filter(Boolean).map(Number);
  return Math.round(kb.reduce((sum, n) => sum + n, 0) / 1024);
}

/** The place a query searches near, as the service finds it (the bench compares the search passes directly). */
async function centreOf(database: Database, q: Query) {
  if (typeof q.near !== 'string') return null;
  const [dong] = await rows<{ lat: number; lon: number; nameKo: string }>(database.db, sql`SELECT lat, lon, name_ko AS "nameKo" FROM dongs WHERE code = ${q.near}`);
  return { lat: dong!.lat, lon: dong!.lon, radiusKm: Number(q.radiusKm ?? 5), label: dong!.nameKo };
}

/** End-to-end p50/p95 per kind of query (text, 초성, city filters, nationwide filters, near me…). */
function byKind(queries: Query[], times: number[]) {
  const groups = new Map<string, number[]>();
  queries.forEach((q, i) => groups.set(kinds.get(q)!, [...(groups.get(kinds.get(q)!) ?? []), times[i]!]));
  return Object.fromEntries([...groups].map(([kind, t]) => [kind, { n: t.length, p50: Math.round(percentile(t, 50)), p95: Math.round(percentile(t, 95)) }]));
}

/** The five slowest queries, to show where the time goes. */
function slowest(queries: Query[], times: number[]) {
  return times.map((t, i) => ({ ms: Math.round(t), query: queryString(queries[i]!) })).sort((a, b) => b.ms - a.ms).slice(0, 5);
}

