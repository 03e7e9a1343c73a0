/**
 * Opening day under load (issue 15, item 6): one city's 1,200 programs open at one moment and 20,000 residents try to
 * enrol within the first minute (popularity skewed: a few programs get most of the demand), while others browse the
 * catalogue. The server runs in its own process(es) (`scripts/serve.ts`, WORKERS=N), this process is the load
 * generator (node:http, a bounded pool of kept-alive connections). Every resident keeps at it until they have an
 * outcome: enrolled or waitlisted, through the waiting room when the server puts them there. Then the audit, on the
 * database: seats taken = enrolments for every program, no waitlist while seats remain, waitlists numbered in arrival
 * order, one enrolment per person and program, tickets numbered 1..n without gaps, and every request sent answered.
 *
 *   npm run bench -- opening-day [--engine postgresql|pglite] [--workers 1|2] [--residents 20000] [--programs 1200]
 *                                [--admit-per-minute 12000] [--connections 64] [--browsers 20]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql, type SQL } from 'drizzle-orm';
import { repositoryRoot } from '../src/server/config.ts';
import { buildServerIfStale, serverDist } from '../scripts/build-server.ts';
import { openPglite, openPostgres, rows, type Database } from '../src/server/platform/database/database.ts';
import { programsModule } from '../src/server/modules/programs/index.ts';
import { bucketAtOpening } from '../src/server/modules/opening-day/admission.ts';
import { addDays } from '../src/shared/lib/schedule.ts';
import { todayInKorea } from '../src/shared/lib/korea-time.ts';
import { openBenchData, percentile, record, scratchDatabase } from './support.ts';

interface Answer { status: number; body: Record<string, unknown> | null; ms: number }
type Kind = 'enrol' | 'ticket' | 'browse';

class LoadGenerator {
  readonly agent: http.Agent;
  readonly latencies: Record<Kind, number[]> = { enrol: [], ticket: [], browse: [] };
  readonly statuses = new Map<string, number>();
  sent = 0;
  answered = 0;
  failures: string[] = [];
  constructor(readonly port: number, connections: number) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  }
  request(kind: Kind, method: string, url: string, token?: string): Promise<Answer> {
    this.sent++;
    const started = performance.now();
    return new Promise((resolve) => {
      const req = http.request({
        host: '127.0.0.1', port: this.port, method, path: url, agent: this.agent,
        headers: { accept: 'application/json', ...(token ? { cookie: `lc_session=${token}` } : {}), ...(method === 'POST' ? { 'content-type': 'application/json', origin: `http://127.0.0.1:${this.port}` } : {}) },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const ms = performance.now() - started;
          this.answered++;
          this.latencies[kind].push(ms);
          const status = res.statusCode ?? 0;
          this.statuses.set(`${kind} ${status}`, (this.statuses.get(`${kind} ${status}`) ?? 0) + 1);
          let body: Record<string, unknown> | null = null;
          try { body = JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>; } catch { /* not JSON */ }
          resolve({ status, body, ms });
        });
      });
      req.on('error', (error) => {
        this.failures.push(`${kind}: ${error.message}`);
        resolve({ status: 0, body: null, ms: performance.now() - started });
      });
      req.end(method === 'POST' ? '{}' : undefined);
    });
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Zipf-like popularity: program k (0-based) is chosen with weight 1/(k+1)^1.1. */
function popularity(count: number, random: () => number): () => number {
  const weights = Array.from({ length: count }, (_, k) => 1 / (k + 1) ** 1.1);
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const total = cumulative.at(-1)!;
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The city: 1,200 first-come programs copied from one of its published ones, 20,000 residents with sessions, the opening. */
async function prepare(database: Database, options: { programs: number; residents: number; admitPerMinute: number; opensInSeconds: number }) {
  const db = database.db;
  const today = todayInKorea();
  const [model] = await rows<{ id: number; cityCode: string }>(db, sql`
    SELECT id, city_code AS "cityCode" FROM programs WHERE status = 'published' AND registration_mode = 'online' ORDER BY id LIMIT 1`);
  const columns = (await rows<{ name: string }>(db, sql`
    SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'programs' AND table_schema = 'public' ORDER BY ordinal_position`)).map((c) => c.name);
  const places = sql`15 + (i % 16)`;
  const set: Record<string, SQL> = {
    title: sql`'개강 강좌 ' || i`, capacity: places, seats_left: places, starts_on: sql`${addDays(today, 40)}::date`, ends_on: sql`${addDays(today, 90)}::date`,
    enrolment_opens_on: sql`NULL`, enrolment_closes_on: sql`NULL`, min_age: sql`NULL`, max_age: sql`NULL`, residents_first: sql`false`,
    open_to_all_on: sql`NULL`, status: sql`'published'`, registration_mode: sql`'online'`, external_id: sql`NULL`,
  };
  const copied = columns.filter((c) => c !== 'id');
  const ids = (await rows<{ id: number }>(db, sql`
    INSERT INTO programs (${sql.join(copied.map((c) => sql.identifier(c)), sql`, `)})
    SELECT ${sql.join(copied.map((c) => set[c] ?? sql`m.${sql.identifier(c)}`), sql`, `)}
    FROM programs m, generate_series(1, ${options.programs}::int) AS i WHERE m.id = ${model!.id}
    RETURNING id`)).map((r) => r.id);
  await programsModule.refreshSearchIndex(db, today, ids);
  await db.execute(sql`
    INSERT INTO people (email, display_name, birth_year, home_city_code)
    SELECT 'opening.' || i || '@example.com', '주민' || i, 1950 + i % 50, ${model!.cityCode} FROM generate_series(1, ${options.residents}) AS i`);
  await db.execute(sql`
    INSERT INTO auth_sessions (token_hash, person_id, expires_at)
    SELECT encode(sha256(convert_to('opening-' || p.id, 'UTF8')), 'hex'), p.id, now() + interval '1 day'
    FROM people p WHERE p.email LIKE 'opening.%@example.com'`);
  const people = (await rows<{ id: number }>(db, sql`SELECT id FROM people WHERE email LIKE 'opening.%@example.com' ORDER BY id`)).map((p) => p.id);
  const [officer] = await rows<{ id: number }>(db, sql`SELECT id FROM people ORDER BY id LIMIT 1`);
  const opensAt = Date.now() + options.opensInSeconds * 1000;
  const [opening] = await rows<{ id: number }>(db, sql`
    INSERT INTO registration_openings (city_code, title, opens_at, waiting_room_until, admit_per_minute, created_by, admitted_as_of)
    VALUES (${model!.cityCode}, '벤치마크 학기', to_timestamp(${opensAt / 1000}), to_timestamp(${opensAt / 1000 + 3600}), ${options.admitPerMinute}, ${officer!.id},
            to_timestamp(${bucketAtOpening(opensAt, options.admitPerMinute) / 1000}))
    RETURNING id`);
  await db.execute(sql`
    INSERT INTO registration_opening_programs (opening_id, program_id, city_code)
    SELECT ${opening!.id}, unnest(${sql.param(ids)}::int[]), ${model!.cityCode}`);
  return { programIds: ids, people, openingId: opening!.id, opensAt, cityCode: model!.cityCode };
}

function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  // The compiled server, as `npm start` runs it (nothing compiled at run time).
  const child = spawn(process.execPath, [path.join(serverDist, 'scripts/serve.js')], {
    cwd: repositoryRoot,
    env: {
      ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn', SEED_ON_FIRST_START: 'false', DEMO: 'false',
      // One address (this machine) sends every resident's requests: the per-address limits would be the bench's, not the city's.
      API_RATE_LIMIT_PER_MINUTE: '10000000', APPLICATIONS_PER_ADDRESS_PER_MINUTE: '10000000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => { if (chunk.toString().includes('Ready in')) resolve(child); });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(60_000)]);
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      engine: { type: 'string', default: 'postgresql' },
      workers: { type: 'string', default: '1' },
      residents: { type: 'string', default: '20000' },
      programs: { type: 'string', default: '1200' },
      'admit-per-minute': { type: 'string', default: '12000' },
      connections: { type: 'string', default: '64' },
      browsers: { type: 'string', default: '20' },
      'arrival-seconds': { type: 'string', default: '60' },
      /** Seconds from preparing the data to the opening: the server must be ready by then. */
      'opens-in': { type: 'string', default: '60' },
    },
  });
  const engine = values.engine === 'pglite' ? 'pglite' : 'postgresql';
  const workers = engine === 'pglite' ? 1 : Number(values.workers);
  const residents = Number(values.residents);
  const admitPerMinute = Number(values['admit-per-minute']);
  const arrivalSeconds = Number(values['arrival-seconds']);
  const port = 3100 + Math.floor(Math.random() * 900);

  await buildServerIfStale();
  // A fresh small city each run (the `tiny` demo for geography, institutions and one program to copy).
  const dataDir = path.resolve(repositoryRoot, 'bench/.data/opening-day');
  let url = '';
  if (engine === 'pglite') rmSync(dataDir, { recursive: true, force: true });
  else url = await scratchDatabase('lc_bench_opening_day');
  let database = engine === 'pglite' ? await openBenchData({ dataDir: 'bench/.data/opening-day' }, 'tiny') : await openBenchData({ postgres: url }, 'tiny');
  const prepared = await prepare(database, { programs: Number(values.programs), residents, admitPerMinute, opensInSeconds: Number(values['opens-in']) });
  await database.close();
  console.log(`Prepared ${prepared.programIds.length} programs and ${prepared.people.length} residents; starting the server (${engine}, ${workers} worker(s))…`);

  const server = await startServer(engine === 'pglite' ? { DATA_DIR: dataDir, WORKERS: '1' } : { DATABASE_URL: url, WORKERS: String(workers) }, port);
  const load = new LoadGenerator(port, Number(values.connections));
  const random = mulberry32(2001);
  const pick = popularity(prepared.programIds.length, random);
  const waitMs = prepared.opensAt - Date.now();
  console.log(`Server ready; the opening is in ${(waitMs / 1000).toFixed(0)} s.`);
  await sleep(Math.max(0, waitMs));

  const outcomes = new Map<string, number>();
  let waiting = 0;
  let waitingPeak = 0;
  let longestWaitMs = 0;
  const errors: string[] = [];
  const resident = async (personId: number, programId: number, arriveAfter: number) => {
    await sleep(arriveAfter);
    const token = `opening-${personId}`;
    let since: number | null = null;
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const answer = await load.request('enrol', 'POST', `/api/programs/${programId}/enrolment`, token);
      if (answer.status === 200 || answer.status === 201) {
        if (since !== null) { waiting--; longestWaitMs = Math.max(longestWaitMs, performance.now() - since); }
        const status = String(answer.body?.status);
        outcomes.set(status, (outcomes.get(status) ?? 0) + 1);
        return;
      }
      if (answer.status !== 409 || answer.body?.error !== 'waiting_room') {
        errors.push(`enrol ${answer.status} ${JSON.stringify(answer.body)?.slice(0, 200)}`);
        if (since !== null) waiting--;
        return;
      }
      if (since === null) { since = performance.now(); waiting++; waitingPeak = Math.max(waitingPeak, waiting); }
      let ticket = answer.body.ticket as { admitted: boolean; pollAfterSeconds: number };
      while (!ticket.admitted) {
        await sleep(ticket.pollAfterSeconds * 1000 * (0.8 + random() * 0.4));
        const polled = await load.request('ticket', 'GET', `/api/registration-openings/${prepared.openingId}/ticket`, token);
        if (polled.status !== 200) { errors.push(`ticket ${polled.status}`); waiting--; return; }
        ticket = polled.body as typeof ticket;
      }
    }
  };
  let browsing = true;
  const words = ['요가', '스마트폰', '영어', '그림', '노래', '컴퓨터', '강좌', '건강', '역사', '요리'];
  const browser = async () => {
    while (browsing) {
      const q = words[Math.floor(random() * words.length)]!;
      const list = await load.request('browse', 'GET', `/api/programs?q=${encodeURIComponent(q)}&city=${prepared.cityCode}&page=1&pageSize=20`);
      if (list.status !== 200) errors.push(`browse ${list.status}`);
      const one = await load.request('browse', 'GET', `/api/programs/${prepared.programIds[pick()]}`);
      if (one.status !== 200) errors.push(`program ${one.status}`);
      await sleep(500 + random() * 1000);
    }
  };

  const started = performance.now();
  // Arrivals bunch at the opening: the square of a uniform number puts half of them in the first quarter of the minute.
  const crowd = prepared.people.map((personId) => resident(personId, prepared.programIds[pick()]!, random() ** 2 * arrivalSeconds * 1000));
  const browsers = Array.from({ length: Number(values.browsers) }, () => browser());
  await Promise.all(crowd);
  const seconds = (performance.now() - started) / 1000;
  browsing = false;
  await Promise.all(browsers);
  await stopServer(server);

  // The audit, on the database the server left.
  database = engine === 'pglite' ? await openPglite({ dataDir }) : await openPostgres(url, 2);
  const [audit] = await rows<Record<string, number>>(database.db, sql`
    WITH per_program AS (
      SELECT p.id, p.capacity, s.seats_left,
             count(e.*) FILTER (WHERE e.status = 'enrolled')::int AS enrolled, count(e.*) FILTER (WHERE e.status = 'waitlisted')::int AS waitlisted
      FROM programs p LEFT JOIN program_search s ON s.program_id = p.id LEFT JOIN enrolments e ON e.program_id = p.id
      WHERE p.id = ANY(${sql.param(prepared.programIds)}::int[]) GROUP BY p.id, p.capacity, s.seats_left),
    waitlist_order AS (
      SELECT e.program_id, e.id, row_number() OVER (PARTITION BY e.program_id ORDER BY e.enrolled_at, e.id) AS by_time,
             row_number() OVER (PARTITION BY e.program_id ORDER BY e.id) AS by_arrival
      FROM enrolments e WHERE e.status = 'waitlisted' AND e.program_id = ANY(${sql.param(prepared.programIds)}::int[]))
    SELECT
      (SELECT count(*)::int FROM per_program WHERE enrolled > capacity) AS "overbooked",
      (SELECT count(*)::int FROM per_program WHERE seats_left IS DISTINCT FROM capacity - enrolled) AS "seatCountsWrong",
      (SELECT count(*)::int FROM per_program WHERE waitlisted > 0 AND enrolled < capacity) AS "waitlistWhileSeatsLeft",
      (SELECT count(*)::int FROM waitlist_order WHERE by_time <> by_arrival) AS "waitlistOutOfOrder",
      (SELECT count(*)::int - count(DISTINCT (program_id, person_id))::int FROM enrolments) AS "duplicates",
      (SELECT count(*)::int FROM enrolments WHERE program_id = ANY(${sql.param(prepared.programIds)}::int[])) AS "enrolments",
      (SELECT sum(enrolled)::int FROM per_program) AS "seatsTaken",
      (SELECT count(*)::int FROM waiting_room_tickets WHERE opening_id = ${prepared.openingId}) AS "tickets",
      (SELECT max(number)::int FROM waiting_room_tickets WHERE opening_id = ${prepared.openingId}) AS "lastTicket",
      (SELECT count(DISTINCT person_id)::int FROM waiting_room_tickets WHERE opening_id = ${prepared.openingId}) AS "ticketHolders"`);
  await database.close();

  const all = [...load.latencies.enrol, ...load.latencies.ticket, ...load.latencies.browse];
  const outcomeTotal = [...outcomes.values()].reduce((a, b) => a + b, 0);
  const problems = [
    audit!.overbooked, audit!.seatCountsWrong, audit!.waitlistWhileSeatsLeft, audit!.waitlistOutOfOrder, audit!.duplicates,
    audit!.enrolments === outcomeTotal ? 0 : 1, (audit!.tickets ?? 0) === (audit!.lastTicket ?? 0) && audit!.tickets === audit!.ticketHolders ? 0 : 1,
    load.sent === load.answered ? 0 : 1, outcomeTotal === residents ? 0 : 1,
  ].reduce((a: number, b) => a + (b ?? 0), 0);
  const result = {
    engine, workers, residents, programs: prepared.programIds.length, admitPerMinute, arrivalSeconds, connections: Number(values.connections),
    browsers: Number(values.browsers), seconds: Number(seconds.toFixed(1)), requests: load.answered, throughput: Math.round(load.answered / seconds),
    p50: Number(percentile(all, 50).toFixed(1)), p99: Number(percentile(all, 99).toFixed(1)),
    enrolP50: Number(percentile(load.latencies.enrol, 50).toFixed(1)), enrolP99: Number(percentile(load.latencies.enrol, 99).toFixed(1)),
    ticketP99: Number(percentile(load.latencies.ticket, 99).toFixed(1)), browseP50: Number(percentile(load.latencies.browse, 50).toFixed(1)),
    browseP99: Number(percentile(load.latencies.browse, 99).toFixed(1)),
    errors: errors.length + load.failures.length, waitingRoomPeak: waitingPeak, longestWaitSeconds: Number((longestWaitMs / 1000).toFixed(1)),
    outcomes: Object.fromEntries(outcomes), statuses: Object.fromEntries(load.statuses), sent: load.sent, answered: load.answered,
    audit, auditProblems: problems, loadAverage: (await import('node:os')).loadavg()[0]!.toFixed(1),
  };
  console.log(JSON.stringify(result, null, 2));
  if (errors.length + load.failures.length > 0) console.log('First errors:', [...errors, ...load.failures].slice(0, 10));
  record('opening-day', result);
}
