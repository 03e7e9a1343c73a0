/**
 * The ministry's review table and decision on a national call, end to end over HTTP on PostgreSQL: a call of
 * `--applications` endorsed applications from municipalities all over the country, `--reviewers` submitted reviews
 * each of a `--items`-item rubric, beside `--history` earlier calls of the same size (decided), so the queries
 * skip what is not theirs. Times GET /api/designation/calls/:year/review (the whole table, rank order) over
 * `--requests` sequential requests after a warm-up, then `--decisions` decisions (POST …/decision), as the demo
 * ministry officer. Target: the table's p95 ≤ 200 ms.
 *   npm run bench -- designation [--requests=200] [--decisions=20] [--applications=60] [--reviewers=5] [--items=20] [--history=5]
 *   npm run bench -- designation --database=postgres://…/somedb   (an existing database; generated if empty; the
 *                                                                 bench adds its calls for the years 2100 and before)
 * By default the data goes into a scratch database, lc_bench_designation, made afresh with the `tiny` demo (for
 * the accounts and the map) and then the call, written with plain SQL. Measures only; asserts nothing.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { todayInKorea } from '../src/server/platform/clock.ts';
import { firstRow, rows, type AppDb } from '../src/server/platform/database/database.ts';
import { DEMO_PASSWORD } from '../db/seed/accounts.ts';
import { openBenchData, percentile, record, scratchDatabase } from './support.ts';

const DAY = 86_400_000;
/** The bench's call; its history takes the years before. Far from any real or demo call. */
const YEAR = 2100;
const round = (ms: number) => Math.round(ms * 10) / 10;
const summary = (ms: number[]) => ({
  count: ms.length, p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)), p99: round(percentile(ms, 99)), max: round(Math.max(...ms)),
});

interface Shape {
  applications: number;
  reviewers: number;
  items: number;
  /** Appointed reviewers the assignments are spread over. */
  pool: number;
}

/**
 * One call of `year`: its rubric (`items` items of equal points in four areas), applications from that many
 * municipalities spread over the provinces, each with `reviewers` submitted reviews. The current call's cities
 * are 'applied' and its applications endorsed; an earlier call's are decided.
 */
async function generateCall(db: AppDb, year: number, shape: Shape, reviewerIds: readonly number[], current: boolean): Promise<number> {
  const now = Date.now();
  const endorsedAt = new Date(current ? now - 2 * DAY : Date.UTC(year, 4, 29, 9));
  const day = (at: number) => todayInKorea(new Date(at));
  const call = (await firstRow<{ id: number }>(db, sql`
    INSERT INTO designation_calls (year, status, title_ko, title_en, opens_at, submission_deadline, endorsement_deadline,
      review_starts_on, review_ends_on, announcement_on, quota, grant_krw, aggregation, published_at, announced_at)
    VALUES (${year}, ${current ? 'published' : 'announced'}, ${`${year}년 평생학습도시 지정 공모 (벤치마크)`}, ${`The ${year} call (benchmark)`},
      ${new Date(endorsedAt.getTime() - 40 * DAY).toISOString()}, ${new Date(endorsedAt.getTime() - 20 * DAY).toISOString()}, ${endorsedAt.toISOString()},
      ${day(endorsedAt.getTime() + DAY)}, ${day(endorsedAt.getTime() + 10 * DAY)}, ${day(endorsedAt.getTime() + 20 * DAY)},
      ${Math.ceil(shape.applications / 2)}, 80000000, 'trimmed_mean', ${endorsedAt.toISOString()}, ${current ? null : new Date(endorsedAt.getTime() + 20 * DAY).toISOString()})
    RETURNING id`))!.id;
  const perArea = Math.ceil(shape.items / 4);
  const points = Math.floor(100 / shape.items);
  await db.execute(sql`
    INSERT INTO call_rubric_items (call_id, area_no, area_ko, area_en, item_no, title_ko, title_en, guidance_ko, guidance_en, points)
    SELECT ${call}, (n - 1) / ${perArea} + 1, '영역 ' || ((n - 1) / ${perArea} + 1), 'Area ' || ((n - 1) / ${perArea} + 1),
           (n - 1) % ${perArea} + 1, '심사 항목 ' || n, 'Rubric item ' || n, '무엇을 보는지', 'What to look for',
           ${points} + CASE WHEN n <= 100 - ${points * shape.items} THEN 1 ELSE 0 END
    FROM generate_series(1, ${shape.items}) n`);
  // Municipalities that never applied, taken in turn from each province (a national call).
  const applications = await rows<{ id: number; cityCode: string }>(db, sql`
    INSERT INTO designation_applications (call_id, city_code, province_code, status, submitted_at, endorsed_at, province_rank,
      decision, decision_reason, final_score, decided_at)
    SELECT ${call}, code, province_code, ${current ? 'endorsed' : 'decided'}, ${new Date(endorsedAt.getTime() - 20 * DAY).toISOString()}, ${endorsedAt.toISOString()},
           row_number() OVER (PARTITION BY province_code ORDER BY code),
           ${current ? null : 'rejected'}, ${current ? null : '벤치마크의 지난 공모'}, ${current ? null : 60}, ${current ? null : new Date(endorsedAt.getTime() + 15 * DAY).toISOString()}
    FROM (
      SELECT m.code, m.province_code, row_number() OVER (PARTITION BY m.province_code ORDER BY m.code) AS turn
      FROM municipalities m WHERE NOT EXISTS (SELECT 1 FROM designation_transitions d WHERE d.city_code = m.code)
      ORDER BY turn, m.province_code LIMIT ${shape.applications}
    ) cities
    RETURNING id, city_code AS "cityCode"`);
  if (current) {
    await db.execute(sql`
      INSERT INTO designation_transitions (city_code, state, year, occurred_on, reason)
      SELECT city_code, 'applied', ${year}, ${todayInKorea(endorsedAt)}, '벤치마크 공모 신청' FROM designation_applications WHERE call_id = ${call}`);
  }
  // Reviewers in turn from the pool: five consecutive ones are five different people.
  await db.execute(sql`
    INSERT INTO reviewer_assignments (call_id, application_id, city_code, reviewer_id, assigned_at, submitted_at)
    SELECT ${call}, a.id, a.city_code, (${sql.param([...reviewerIds])}::int[])[(((a.rn - 1) * ${shape.reviewers} + k) % ${shape.pool} + 1)::int],
           ${endorsedAt.toISOString()}, ${new Date(endorsedAt.getTime() + 5 * DAY).toISOString()}
    FROM (SELECT id, city_code, row_number() OVER (ORDER BY id) AS rn FROM designation_applications WHERE call_id = ${call}) a
    CROSS JOIN generate_series(0, ${shape.reviewers - 1}) k`);
  // Each application has a quality; each reviewer scores around it (deterministic: hashes, not random()).
  await db.execute(sql`
    INSERT INTO review_scores (assignment_id, rubric_item_id, city_code, score, comment)
    SELECT ra.id, r.id, ra.city_code,
           greatest(0, least(r.points, round(r.points * (0.45 + (abs(hashtext('q' || ra.application_id)) % 45) / 100.0
             + ((abs(hashtext(ra.id || '-' || r.id)) % 41) - 20) / 100.0) * 2) / 2)),
           '평가 의견 ' || r.item_no
    FROM reviewer_assignments ra JOIN call_rubric_items r ON r.call_id = ra.call_id WHERE ra.call_id = ${call}`);
  return applications.length;
}

async function generate(db: AppDb, shape: Shape, history: number) {
  if (await firstRow(db, sql`SELECT 1 FROM designation_calls WHERE year BETWEEN ${YEAR - history} AND ${YEAR}`)) {
    throw new Error(`This database already has calls for ${YEAR - history}–${YEAR} (an earlier run of this bench?): use a fresh one.`);
  }
  const tag = Date.now().toString(36);
  const reviewers = await rows<{ id: number }>(db, sql`
    INSERT INTO people (email, display_name) SELECT 'bench.reviewer.' || ${tag} || '.' || n || '@example.com', '벤치 심사위원 ' || n
    FROM generate_series(1, ${shape.pool}) n RETURNING id`);
  const ids = reviewers.map((r) => r.id);
  await db.execute(sql`INSERT INTO designation_experts (person_id, kind, affiliation) SELECT unnest(${sql.param(ids)}::int[]), 'reviewer', '벤치마크'`);
  await db.execute(sql`INSERT INTO role_grants (person_id, role) SELECT unnest(${sql.param(ids)}::int[]), 'reviewer'`);
  for (let y = YEAR - history; y < YEAR; y++) await generateCall(db, y, shape, ids, false);
  return generateCall(db, YEAR, shape, ids, true);
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      database: { type: 'string' },
      requests: { type: 'string', default: '200' },
      warmup: { type: 'string', default: '20' },
      decisions: { type: 'string', default: '20' },
      applications: { type: 'string', default: '60' },
      reviewers: { type: 'string', default: '5' },
      items: { type: 'string', default: '20' },
      history: { type: 'string', default: '5' },
    },
  });
  const shape: Shape = {
    applications: Number(values.applications), reviewers: Number(values.reviewers), items: Number(values.items),
    pool: Math.max(30, Number(values.reviewers) * 2),
  };
  const url = values.database ?? await scratchDatabase('lc_bench_designation');
  const database = await openBenchData({ postgres: url }, values.database ? 'national' : 'tiny');
  const { db } = database;
  const app = await buildApp({
    config: loadConfig({ DATABASE_URL: url, API_RATE_LIMIT_PER_MINUTE: '10000000', LOG_LEVEL: 'warn' }), database, logger: { level: 'error' },
  });
  try {
    const generated = performance.now();
    const applications = await generate(db, shape, Number(values.history));
    console.log(`Generated ${Number(values.history) + 1} calls of ${applications} applications in ${((performance.now() - generated) / 1000).toFixed(1)} s`);
    await db.execute(sql`ANALYZE`);
    const sizes = await firstRow<{ assignments: number; scores: number; people: number }>(db, sql`
      SELECT (SELECT count(*) FROM reviewer_assignments)::int AS assignments, (SELECT count(*) FROM review_scores)::int AS scores,
             (SELECT count(*) FROM people)::int AS people`);

    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'ministry@example.com', password: DEMO_PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`Logging in failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const send = async (path: string, init: { method?: string; body?: unknown } = {}) => {
      const started = performance.now();
      const response = await fetch(`${base}/api${path}`, {
        method: init.method ?? 'GET', headers: { cookie, ...(init.body ? { 'content-type': 'application/json' } : {}) },
        body: init.body ? JSON.stringify(init.body) : undefined,
      });
      const body = Buffer.from(await response.arrayBuffer());
      const ms = performance.now() - started;
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${body.toString().slice(0, 300)}`);
      return { ms, body };
    };

    const tablePath = `/designation/calls/${YEAR}/review?pageSize=100`;
    for (let i = 0; i < Number(values.warmup); i++) await send(tablePath);
    const table: number[] = [];
    let bytes = 0;
    let ranked: { applicationId: number; rank: number | null; withinQuota: boolean }[] = [];
    for (let i = 0; i < Number(values.requests); i++) {
      const { ms, body } = await send(tablePath);
      table.push(ms);
      bytes = body.length;
      if (i === 0) ranked = (JSON.parse(body.toString()) as { items: typeof ranked }).items;
    }
    console.log(`Review table: p50 ${round(percentile(table, 50))} ms, p95 ${round(percentile(table, 95))} ms (${(bytes / 1024).toFixed(0)} KB)`);

    // Decisions spread over the whole ranking: within the quota designated, below it potential
    // and rejected in turn.
    const decisions: number[] = [];
    const outcomes: Record<string, number> = {};
    const spread = Math.max(1, Math.floor(ranked.length / Number(values.decisions)));
    for (const [i, row] of ranked.filter((_, i) => i % spread === 0).slice(0, Number(values.decisions)).entries()) {
      const decision = row.withinQuota ? 'designated' : i % 2 === 0 ? 'potential' : 'rejected';
      const { ms } = await send(`/designation/applications/${row.applicationId}/decision`, {
        method: 'POST', body: { decision, reason: '벤치마크: 심사 결과에 따른 결정입니다.' },
      });
      decisions.push(ms);
      outcomes[decision] = (outcomes[decision] ?? 0) + 1;
    }
    console.log(`Decisions: p50 ${round(percentile(decisions, 50))} ms, p95 ${round(percentile(decisions, 95))} ms`);

    record('designation', {
      engine: database.engine,
      data: { ...shape, history: Number(values.history), applicationsGenerated: applications, ...sizes },
      reviewTableMs: { ...summary(table), bytes, targetP95: 200 },
      decisionMs: { ...summary(decisions), outcomes },
      // What else the machine was doing (2 cores): the figures mean little under a load far above 2.
      loadAverage: Number(loadavg()[0]!.toFixed(1)),
    });
  } finally {
    await app.close();
    await database.close();
  }
}
