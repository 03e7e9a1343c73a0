/**
 * Indicators follow the data: computed per city per year from the platform's own records, recomputed when
 * those change, compared with peers through a composite index with rank intervals; the ministry sees every
 * city by name and sets the weights; a city's officers see their own city and their peers as a distribution.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorsModule } from '../../src/server/modules/indicators/index.ts';
import { rows } from '../../src/server/platform/database/database.ts';
import { yearInKorea } from '../support/clock.ts';
import { testEngine } from '../support/database.ts';
import { testApp, type Client, type TestApp } from '../support/app.ts';

const CITY = '31060';
const thisYear = yearInKorea();

interface Comparison { indicatorId: string; value: number | null; series: { year: number; value: number | null }[]; peers: { n: number; median: number | null }; rank: number | null }

describe(`indicators on ${testEngine()}`, () => {
  let t: TestApp;
  let officer: Client;
  let otherOfficer: Client;
  let ministry: Client;
  const indicatorsOf = async (query = '') => (await officer.get(`/api/cities/${CITY}/indicators${query}`)).json();
  const valueOf = (body: { indicators: Comparison[] }, id: string) => body.indicators.find((i) => i.indicatorId === id)!;

  beforeAll(async () => {
    t = await testApp();
    [officer, otherOfficer, ministry] = await Promise.all([t.as('officer@example.com'), t.as('officer.suncheon@example.com'), t.as('ministry@example.com')]);
  });
  afterAll(() => t.close());

  it('publishes the registry: every measure the paper names for the four areas, with formula, unit and source', async () => {
    const definitions = (await t.anonymous.get('/api/indicators/definitions')).json() as { id: string; group: string; paper: boolean; formula: { ko: string } }[];
    expect(definitions.length).toBeGreaterThanOrEqual(30);
    for (const area of ['quality_of_life', 'economy', 'human_resources', 'social_integration']) {
      expect(definitions.filter((d) => d.group === area && d.paper).length, area).toBeGreaterThanOrEqual(3);
    }
    for (const dimension of ['budget', 'staff', 'organisation', 'rules', 'information']) expect(definitions.some((d) => d.group === dimension)).toBe(true);
    expect(definitions.every((d) => d.formula.ko.length > 0)).toBe(true);
  });

  it('shows a city its indicators over the years, against its peers, with its index standing', async () => {
    const body = await indicatorsOf();
    expect(body).toMatchObject({ cityCode: CITY, year: thisYear, stale: false, peers: 'all' });
    expect(body.years).toContain(thisYear - 4);
    expect(body.computedAt).toEqual(expect.any(String));
    const programs = valueOf(body, 'programs_per_10k');
    expect(programs.value).toBeGreaterThan(0);
    expect(programs.series).toHaveLength(body.years.length);
    expect(programs.peers.n).toBe(body.peerCount);
    // Among all cities, the city stands where the ministry's national view puts it (the same run of the same index).
    const { performanceIndex } = body;
    const national = ((await ministry.get('/api/indicators/national')).json().cities as { cityCode: string; performance: object }[]).find((c) => c.cityCode === CITY)!;
    expect(national.performance).toEqual({
      score: performanceIndex.score, groups: performanceIndex.groups, rank: performanceIndex.rank, rankInterval: performanceIndex.rankInterval,
    });
    expect(Object.keys(performanceIndex.groups).sort()).toEqual(['economy', 'human_resources', 'quality_of_life', 'social_integration']);
    // Peers are shown as a distribution of scores, never by name.
    expect(JSON.stringify(body)).not.toContain('36030');

    const sameKind = await indicatorsOf('?peers=kind');
    const cities = (await t.anonymous.get('/api/cities?listing=all&pageSize=250')).json().items as { code: string; kind: string }[];
    const participating = (await ministry.get('/api/indicators/national')).json().cities as { cityCode: string }[];
    const si = participating.filter((c) => cities.find((m) => m.code === c.cityCode)?.kind === 'si').length;
    expect(sameKind.peerCount).toBe(si);
  });

  it('follows the record at once: a new budget is in the indicators on the next look', async () => {
    const before = valueOf(await indicatorsOf(), 'budget_per_resident').value!;
    const record = (await officer.get(`/api/cities/${CITY}/record/years/${thisYear}`)).json();
    const { cityCode: _c, year: _y, updatedAt: _u, updatedByName: _n, ...figures } = record;
    const saved = await officer.request({
      method: 'PUT', url: `/api/cities/${CITY}/record/years/${thisYear}`, payload: { ...figures, budgetOwnKrw: record.budgetOwnKrw * 2 },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = await indicatorsOf();
    expect(after.stale).toBe(false);
    expect(valueOf(after, 'budget_per_resident').value).toBeGreaterThan(before * 1.5);
  });

  it('marks a city stale when its residents enrol, and the background round brings it up to date', async () => {
    const resident = await t.as('resident@example.com');
    const open = (await t.anonymous.get(`/api/programs?city=${CITY}&seatsLeft=true&pageSize=50`)).json().items as { id: number }[];
    let enrolled = false;
    for (const program of open) {
      const response = await resident.post(`/api/programs/${program.id}/enrolment`, { allowClash: true });
      if (response.statusCode < 300) {
        enrolled = true;
        break;
      }
    }
    expect(enrolled).toBe(true);
    const stale = await rows<{ cityCode: string }>(t.database.db, sql`SELECT city_code AS "cityCode" FROM indicator_stale`);
    expect(stale.map((s) => s.cityCode)).toContain(CITY);
    // A look at a year that is not kept is refused before the stale city is brought up to date: it stays stale.
    const officer = await t.as('officer@example.com');
    const refused = await officer.get(`/api/cities/${CITY}/indicators?year=${yearInKorea() + 22}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ field: 'year' });
    expect(await rows(t.database.db, sql`SELECT 1 FROM indicator_stale WHERE city_code = ${CITY}`)).toHaveLength(1);
    const recomputed = await indicatorsModule.recomputeStale(t.database.db);
    expect(recomputed).toContain(CITY);
    expect(await rows(t.database.db, sql`SELECT 1 FROM indicator_stale WHERE city_code = ${CITY}`)).toEqual([]);
  });

  it('keeps its running totals equal to a full recount, whatever changes', async () => {
    const { db } = t.database;
    // Enrol, complete, cancel, move, delete; publish, cancel and re-date programs; register and remove people.
    await db.execute(sql`UPDATE enrolments SET status = 'completed', status_changed_at = now() WHERE id IN (SELECT id FROM enrolments WHERE status = 'enrolled' ORDER BY id LIMIT 30)`);
    await db.execute(sql`UPDATE enrolments SET status = 'cancelled' WHERE id IN (SELECT id FROM enrolments WHERE status = 'completed' ORDER BY id DESC LIMIT 20)`);
    await db.execute(sql`DELETE FROM enrolments WHERE id IN (SELECT e.id FROM enrolments e WHERE e.status = 'cancelled'
      AND NOT EXISTS (SELECT 1 FROM program_ratings r WHERE r.enrolment_id = e.id) AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.enrolment_id = e.id)
      ORDER BY e.id LIMIT 15)`);
    await db.execute(sql`UPDATE enrolments SET enrolled_at = enrolled_at - interval '1 year' WHERE id IN (SELECT id FROM enrolments ORDER BY id LIMIT 25)`);
    await db.execute(sql`UPDATE programs SET status = 'cancelled' WHERE id IN (SELECT id FROM programs WHERE status = 'published' ORDER BY id LIMIT 10)`);
    await db.execute(sql`UPDATE programs SET starts_on = starts_on - 400, ends_on = ends_on - 400, fee_krw = 0 WHERE id IN (SELECT id FROM programs WHERE status = 'closed' ORDER BY id LIMIT 10)`);
    await db.execute(sql`INSERT INTO people (email, display_name, home_city_code) VALUES ('tally.1@example.com', '가', ${CITY}), ('tally.2@example.com', '나', ${CITY})`);
    await db.execute(sql`DELETE FROM people WHERE email = 'tally.2@example.com'`);
    await db.execute(sql`UPDATE program_ratings SET overall = 6 - overall WHERE enrolment_id IN (SELECT enrolment_id FROM program_ratings ORDER BY 1 LIMIT 10)`);

    const recount = await rows<{ key: string; n: number }>(db, sql`
      SELECT concat_ws(':', city_code, year, measure) AS key, n::float8 AS n FROM (
        SELECT city_code, extract(year FROM (status_changed_at AT TIME ZONE 'Asia/Seoul'))::int AS year, 'finished' AS measure, count(*) AS n
          FROM enrolments WHERE status IN ('completed', 'not_completed') GROUP BY 1, 2
        UNION ALL SELECT city_code, extract(year FROM (status_changed_at AT TIME ZONE 'Asia/Seoul'))::int, 'completed', count(*)
          FROM enrolments WHERE status = 'completed' GROUP BY 1, 2
        UNION ALL SELECT city_code, extract(year FROM (enrolled_at AT TIME ZONE 'Asia/Seoul'))::int, 'learners', count(DISTINCT person_id)
          FROM enrolments WHERE status IN ('enrolled', 'completed', 'not_completed') GROUP BY 1, 2
        UNION ALL SELECT city_code, extract(year FROM starts_on)::int, 'programs', count(*) FROM programs WHERE status IN ('published', 'closed') GROUP BY 1, 2
        UNION ALL SELECT city_code, extract(year FROM starts_on)::int, 'institutions', count(DISTINCT institution_id) FROM programs WHERE status IN ('published', 'closed') GROUP BY 1, 2
        UNION ALL SELECT city_code, extract(year FROM starts_on)::int, 'free_seats', sum(capacity) FROM programs WHERE status IN ('published', 'closed') AND fee_krw = 0 GROUP BY 1, 2
        UNION ALL SELECT home_city_code, extract(year FROM (created_at AT TIME ZONE 'Asia/Seoul'))::int, 'residents_joined', count(*) FROM people WHERE home_city_code IS NOT NULL GROUP BY 1, 2
        UNION ALL SELECT city_code, extract(year FROM (created_at AT TIME ZONE 'Asia/Seoul'))::int, 'rating_overall_sum', sum(overall) FROM program_ratings GROUP BY 1, 2
      ) counted`);
    const tallies = new Map((await rows<{ key: string; n: number }>(db, sql`
      SELECT concat_ws(':', city_code, year, measure) AS key, n::float8 AS n FROM indicator_tallies
      WHERE measure IN ('finished', 'completed', 'learners', 'programs', 'institutions', 'free_seats', 'residents_joined', 'rating_overall_sum') AND n <> 0`)).map((r) => [r.key, r.n]));
    expect(recount.length).toBeGreaterThan(100);
    for (const { key, n } of recount) expect(tallies.get(key) ?? 0, key).toBe(n);
    expect(tallies.size).toBe(recount.filter((r) => r.n !== 0).length);
  });

  it('recomputes on request, showing progress until done', async () => {
    const started = await officer.post(`/api/cities/${CITY}/indicators/recompute`);
    expect(started.statusCode).toBe(202);
    let job = (await officer.get(`/api/jobs/${started.json().jobId}`)).json();
    for (let i = 0; i < 100 && job.status === 'running'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = (await officer.get(`/api/jobs/${started.json().jobId}`)).json();
    }
    expect(job).toMatchObject({ status: 'done', kind: 'indicators' });
    expect(job.done).toBe(job.total);
  });

  it('gives the ministry every city by name with rank intervals, and nobody else', async () => {
    const national = (await ministry.get('/api/indicators/national')).json();
    expect(national.cities.length).toBeGreaterThan(20);
    // Rank 1 is the highest score, and a rank follows from the scores alone: one more than the number of cities above.
    const scores = national.cities.map((c: { performance: { score: number } }) => c.performance.score) as number[];
    for (const city of national.cities) {
      expect([city.cityCode, city.performance.rank]).toEqual([city.cityCode, scores.filter((s) => s > city.performance.score).length + 1]);
    }
    // Rank intervals (their computation is tested on cases worked by hand in composite-index.test.ts) vary between cities.
    expect(new Set(national.cities.map((c: { performance: { rankInterval: object } }) => JSON.stringify(c.performance.rankInterval))).size).toBeGreaterThan(5);
    expect((await officer.get('/api/indicators/national')).statusCode).toBe(403);
    expect((await otherOfficer.get(`/api/cities/${CITY}/indicators`)).statusCode).toBe(403);
    expect((await t.anonymous.get(`/api/cities/${CITY}/indicators`)).statusCode).toBe(401);
    expect((await ministry.get(`/api/cities/${CITY}/indicators`)).statusCode).toBe(200);
  });

  it('lets the ministry set new weights, keeping the old ones on record, and the index follows them', async () => {
    const before = (await ministry.get('/api/indicators/national')).json();
    const set = await ministry.post('/api/indicators/weights', {
      groupWeights: { quality_of_life: 0, economy: 1, human_resources: 0, social_integration: 0 }, note: 'Economy only, for a test',
    });
    expect(set.statusCode, set.body).toBe(201);
    expect(set.json()).toMatchObject({ id: expect.any(Number), note: 'Economy only, for a test', groupWeights: { economy: 1, quality_of_life: 0 } });
    const history = (await ministry.get('/api/indicators/weights')).json();
    expect(history[0].id).toBe(set.json().id);
    const after = (await ministry.get('/api/indicators/national')).json();
    expect(after.weightsId).toBe(set.json().id);
    for (const city of after.cities) expect(city.performance.score).toBeCloseTo(city.performance.groups.economy, 6);
    expect(after.cities.map((c: { cityCode: string }) => c.cityCode)).not.toEqual(before.cities.map((c: { cityCode: string }) => c.cityCode));

    expect((await officer.post('/api/indicators/weights', { groupWeights: { economy: 1 }, note: 'x' })).statusCode).toBe(403);
    expect((await ministry.post('/api/indicators/weights', { groupWeights: { happiness: 1 }, note: 'x' })).json()).toMatchObject({ field: 'groupWeights.happiness' });
    expect((await ministry.post('/api/indicators/weights', {
      groupWeights: { quality_of_life: 0, economy: 0, human_resources: 0, social_integration: 0 }, note: 'x',
    })).json()).toMatchObject({ field: 'groupWeights' });
    expect((await ministry.post('/api/indicators/weights', { groupWeights: { economy: -1 }, note: 'x' })).json()).toMatchObject({ field: 'groupWeights.economy' });
  });

  it('names the parameter that is wrong', async () => {
    expect((await officer.get(`/api/cities/${CITY}/indicators?year=1800`)).json()).toMatchObject({ field: 'year' });
    expect((await officer.get(`/api/cities/${CITY}/indicators?year=2010`)).json()).toMatchObject({ field: 'year' });
    expect((await officer.get(`/api/cities/${CITY}/indicators?peers=friends`)).json()).toMatchObject({ field: 'peers' });
  });
});
