/**
 * Residents say what they want to learn; the city sees where such demand (with waitlists and fruitless
 * searches) meets too few places, neighbourhood by neighbourhood, and who could close the gap.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemandReport } from '../../src/shared/contracts/demand.ts';
import { firstRow, rows } from '../../src/server/platform/database/database.ts';
import { addDays } from '../../src/shared/lib/schedule.ts';
import { todayInKorea } from '../support/clock.ts';
import { testEngine } from '../support/database.ts';
import { kmBetween } from '../support/geo.ts';
import { residents, testApp, type Client, type TestApp } from '../support/app.ts';

type Gap = DemandReport['gaps']['items'][number];

describe(`demand and supply on ${testEngine()}`, () => {
  let t: TestApp;
  let resident: Client;
  let officer: Client;
  let otherOfficer: Client;
  let ministry: Client;

  beforeAll(async () => {
    t = await testApp();
    [resident, officer, otherOfficer, ministry] = await Promise.all([
      t.as('resident@example.com'), t.as('officer@example.com'), t.as('officer.suncheon@example.com'), t.as('ministry@example.com'),
    ]);
  });
  afterAll(() => t.close());

  it('lets a resident say what they want to learn, in their own neighbourhood unless they say otherwise', async () => {
    const me = (await resident.get('/api/auth/me')).json();
    const wish = await resident.post('/api/me/wishes', { area: 'liberal_arts', subcategory: 'functional_literacy', targetGroup: 'elderly', note: '스마트폰으로 은행 일 보기' });
    expect(wish.statusCode, wish.body).toBe(201);
    expect(wish.json()).toMatchObject({ cityCode: me.homeCityCode, area: 'liberal_arts', targetGroup: 'elderly' });
    expect(wish.json().dongCode).toMatch(/^\d{7}$/);
    expect((await resident.get('/api/me/wishes')).json()).toMatchObject({ total: 1, items: [{ id: wish.json().id }] });

    expect((await resident.post('/api/me/wishes', { area: 'liberal_arts', subcategory: 'certification' })).json()).toMatchObject({ field: 'subcategory' });
    expect((await resident.post('/api/me/wishes', { area: 'liberal_arts', cityCode: '31060', dongCode: '3603056' })).json()).toMatchObject({ field: 'dongCode' });
    expect((await resident.post('/api/me/wishes', { area: 'gardening' })).json()).toMatchObject({ field: 'area' });
    expect((await t.anonymous.post('/api/me/wishes', { area: 'liberal_arts' })).statusCode).toBe(401);
    expect((await officer.request({ method: 'DELETE', url: `/api/me/wishes/${wish.json().id}` })).statusCode).toBe(404);
    expect((await resident.request({ method: 'DELETE', url: `/api/me/wishes/${wish.json().id}` })).statusCode).toBe(204);
    expect((await resident.get('/api/me/wishes')).json().total).toBe(0);
  });

  /** Rows of one city's demand and supply, counted straight from the tables (the report must agree with them). */
  const recount = {
    byArea: (cityCode: string, since: string) => rows<{ area: string; wishes: number; waitlisted: number; searches: number }>(t.database.db, sql`
      SELECT area, count(*) FILTER (WHERE kind = 'wish')::int AS wishes, count(*) FILTER (WHERE kind = 'wait')::int AS waitlisted,
             count(*) FILTER (WHERE kind = 'search')::int AS searches
      FROM (SELECT area, 'wish' AS kind FROM learning_wishes WHERE city_code = ${cityCode} AND created_at >= ${since}::date
            UNION ALL SELECT p.area, 'wait' FROM enrolments e JOIN programs p ON p.id = e.program_id WHERE e.city_code = ${cityCode} AND e.status = 'waitlisted'
            UNION ALL SELECT filters -> 'area' ->> 0, 'search' FROM search_misses
              WHERE city_code = ${cityCode} AND searched_at >= ${since}::date AND filters -> 'area' ->> 0 IS NOT NULL) asked
      GROUP BY area`),
    /** Wishes, waitlist places and searches of one area × group × dong (a waiting resident of the city counts at home, others where the program is). */
    demand: async (cityCode: string, since: string, cell: Gap) => (await firstRow<{ wishes: number; waitlisted: number; searches: number }>(t.database.db, sql`
      SELECT (SELECT count(*) FROM learning_wishes WHERE city_code = ${cityCode} AND created_at >= ${since}::date AND area = ${cell.area}
                AND target_group = ${cell.targetGroup} AND dong_code IS NOT DISTINCT FROM ${cell.dongCode})::int AS wishes,
             (SELECT count(*) FROM enrolments e JOIN programs p ON p.id = e.program_id JOIN people pe ON pe.id = e.person_id
                WHERE e.city_code = ${cityCode} AND e.status = 'waitlisted' AND p.area = ${cell.area} AND coalesce(p.target_groups[1], 'all') = ${cell.targetGroup}
                  AND (CASE WHEN pe.home_city_code = ${cityCode} THEN pe.home_dong_code ELSE p.dong_code END) IS NOT DISTINCT FROM ${cell.dongCode})::int AS waitlisted,
             (SELECT count(*) FROM search_misses m WHERE m.city_code = ${cityCode} AND m.searched_at >= ${since}::date AND m.filters -> 'area' ->> 0 = ${cell.area}
                AND coalesce(m.filters -> 'target' ->> 0, 'all') = ${cell.targetGroup}
                AND (SELECT d.code FROM dongs d WHERE d.code = m.dong_code AND d.municipality_code = ${cityCode}) IS NOT DISTINCT FROM ${cell.dongCode})::int AS searches`))!,
    /** Places free now in in-person programs of the area that serve the group, taught within `reachKm` of the dong (anywhere in the city without one). */
    seatsOpen: async (cityCode: string, reachKm: number, cell: Gap) => (await firstRow<{ n: number }>(t.database.db, sql`
      SELECT coalesce(sum(s.seats_left), 0)::int AS n
      FROM program_search s JOIN programs p ON p.id = s.program_id JOIN dongs taught ON taught.code = p.dong_code
      LEFT JOIN dongs home ON home.code = ${cell.dongCode}
      WHERE p.city_code = ${cityCode} AND p.mode <> 'online' AND s.seats_left > 0 AND p.area = ${cell.area}
        AND (${cell.targetGroup} = 'all' OR p.target_groups && ARRAY[${cell.targetGroup}, 'all']::text[])
        AND (${cell.dongCode}::text IS NULL OR ${kmBetween(sql`home.lat`, sql`home.lon`, sql`taught.lat`, sql`taught.lon`)} <= ${reachKm})`))!.n,
  };

  it('shows the city where demand meets too few places, as a recount of the data finds them, largest gaps first', async () => {
    // Demand of every kind, so that each is recounted: people waiting for a full program (residents of the city,
    // counted where they live, and a visitor, counted where it is taught) and searches that found nothing.
    const staff = await t.as('staff@example.com');
    const institutionId = (await staff.get('/api/auth/me')).json().grants[0].institutionId;
    const venue = (await t.anonymous.get(`/api/institutions/${institutionId}`)).json().venues[0];
    const full = (await staff.post('/api/programs', {
      institutionId, venueId: venue.id, title: '인기 목공 교실', description: '나무로 생활 소품을 만드는 강좌입니다. 누구나 들을 수 있습니다.', area: 'culture_arts',
      subcategory: 'everyday_arts', targetGroups: ['elderly'], mode: 'in_person', startsOn: addDays(todayInKorea(), 20), weekdays: ['thu'],
      startTime: '10:00', endTime: '12:00', sessionCount: 4, capacity: 1, feeKrw: 0,
    })).json();
    for (const learner of [...await residents(t, 3), ...await residents(t, 1, { homeCityCode: '36030' })]) {
      expect((await learner.post(`/api/programs/${full.id}/enrolment`, { allowClash: true })).statusCode).toBe(201);
    }
    for (const area of ['vocational', 'vocational', 'citizenship']) {
      await t.anonymous.get(`/api/programs?q=${encodeURIComponent('드론 정비 자격')}&area=${area}&city=31060`);
    }

    const report = (await officer.get('/api/cities/31060/demand?months=12')).json();
    const since = (await firstRow<{ since: string }>(t.database.db, sql`SELECT (${todayInKorea()}::date - interval '12 months')::date::text AS since`))!.since;
    const counted = await recount.byArea('31060', since);
    expect(counted.length).toBeGreaterThan(1);
    for (const area of counted) {
      expect(report.byArea.find((a: { area: string }) => a.area === area.area), area.area).toMatchObject({ ...area, demand: area.wishes + area.waitlisted + area.searches });
    }
    expect(report.byArea.filter((a: { demand: number }) => a.demand > 0)).toHaveLength(counted.length);
    for (const kind of ['wishes', 'waitlisted', 'searches'] as const) expect(report.totals[kind], kind).toBe(counted.reduce((n, a) => n + a[kind], 0));
    // The data has each kind of demand, and wishes from before the period (so the period is tested too).
    expect(Math.min(report.totals.wishes, report.totals.waitlisted, report.totals.searches)).toBeGreaterThan(0);
    const older = await firstRow<{ n: number }>(t.database.db, sql`
      SELECT count(*)::int AS n FROM learning_wishes WHERE city_code = '31060' AND created_at < ${since}::date`);
    expect(older!.n).toBeGreaterThan(0);

    const gaps = report.gaps.items as Gap[];
    expect(gaps.length).toBeGreaterThan(5);
    expect(gaps.map((g) => g.gap)).toEqual([...gaps.map((g) => g.gap)].sort((a, b) => b - a));
    let partlyMet = 0;
    let beyondReach = 0;
    for (const gap of gaps) {
      const label = `${gap.area} ${gap.targetGroup} ${gap.dongCode}`;
      const asked = await recount.demand('31060', since, gap);
      const open = await recount.seatsOpen('31060', report.reachKm, gap);
      expect(gap, label).toMatchObject({ ...asked, seatsOpen: open, gap: asked.wishes + asked.waitlisted + asked.searches - open });
      if (open > 0) partlyMet++;
      if (open < (await recount.seatsOpen('31060', report.reachKm, { ...gap, dongCode: null }))) beyondReach++;
    }
    // Places within reach count and places beyond it do not: both happen on this page, so both were checked.
    expect(partlyMet).toBeGreaterThan(0);
    expect(beyondReach).toBeGreaterThan(0);
    expect(gaps.some((g) => g.suggestions.institutions.length > 0)).toBe(true);

    // One more wish in a dong of the city shows up in its demand.
    const dong = (await t.anonymous.get('/api/geography/dongs?city=31060&pageSize=1')).json().items[0].code;
    await resident.post('/api/me/wishes', { area: 'vocational', subcategory: 'certification', cityCode: '31060', dongCode: dong });
    const after = (await officer.get('/api/cities/31060/demand?months=12&area=vocational')).json();
    expect(after.totals.wishes).toBe(report.totals.wishes + 1);
    expect(after.gaps.items.every((g: { area: string }) => g.area === 'vocational')).toBe(true);
  });

  it('keeps a city’s demand to its officers and the ministry, and names a wrong parameter', async () => {
    expect((await otherOfficer.get('/api/cities/31060/demand')).statusCode).toBe(403);
    expect((await resident.get('/api/cities/31060/demand')).statusCode).toBe(403);
    expect((await t.anonymous.get('/api/cities/31060/demand')).statusCode).toBe(401);
    expect((await ministry.get('/api/cities/31060/demand')).statusCode).toBe(200);
    expect((await officer.get('/api/cities/31060/demand?reachKm=0')).json()).toMatchObject({ field: 'reachKm' });
    expect((await officer.get('/api/cities/31060/demand?months=-1')).json()).toMatchObject({ field: 'months' });
    expect((await officer.get('/api/cities/31060/demand?area=gardening')).json()).toMatchObject({ field: 'area' });
  });
});
