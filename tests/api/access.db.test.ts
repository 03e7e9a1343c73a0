/**
 * Access to in-person learning per dong (2SFCA), residents beyond walking distance and the spread across
 * dongs: checked against a case computed by hand on the database's own dongs, plus parameters and roles.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessReport } from '../../src/shared/contracts/access.ts';
import { firstRow, rows } from '../../src/server/platform/database/database.ts';
import { haversineKm } from '../../src/shared/lib/geo.ts';
import { yearInKorea } from '../support/clock.ts';
import { testEngine } from '../support/database.ts';
import { testApp, type Client, type TestApp } from '../support/app.ts';

// Nothing in the demo runs this far ahead: in this year, the programs placed below are all the supply.
const YEAR = 2031;

interface Place {
  id: number;
  institutionId: number;
  cityCode: string;
  dongCode: string;
  lat: number;
  lon: number;
}

describe(`access to in-person learning on ${testEngine()}`, () => {
  let t: TestApp;
  let officer: Client;
  let ministry: Client;
  let venue: Place;
  let dongs: { code: string; municipalityCode: string; lat: number; lon: number; population: number; older: number }[];

  const report = async (client: Client, query: string, city = '36030'): Promise<AccessReport> => {
    const response = await client.get(`/api/cities/${city}/access?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  const place = async (v: Place, program: { capacity: number; mode?: string; status?: string; targetGroups?: string[]; minAge?: number; startsOn?: string; endsOn?: string }) => {
    const online = program.mode === 'online';
    await t.database.db.execute(sql`
      INSERT INTO programs (city_code, institution_id, venue_id, dong_code, lat, lon, title, description, area, subcategory, target_groups,
        mode, status, starts_on, ends_on, start_time, end_time, session_count, total_hours, capacity, min_age)
      VALUES (${v.cityCode}, ${v.institutionId}, ${online ? null : v.id}, ${online ? null : v.dongCode}, ${online ? null : v.lat}, ${online ? null : v.lon},
        '접근성 검증 강좌', '접근성 계산을 검증하는 강좌입니다.', 'culture_arts', 'everyday_arts', ${sql.param(program.targetGroups ?? ['all'])}::text[],
        ${program.mode ?? 'in_person'}, ${program.status ?? 'published'}, ${program.startsOn ?? `${YEAR}-03-02`}::date, ${program.endsOn ?? `${YEAR}-05-25`}::date,
        '10:00', '12:00', 10, 20, ${program.capacity}, ${program.minAge ?? null})`);
  };

  beforeAll(async () => {
    t = await testApp();
    officer = await t.as('officer.suncheon@example.com');
    ministry = await t.as('ministry@example.com');
    venue = (await firstRow<Place>(t.database.db, sql`
      SELECT v.id, v.institution_id AS "institutionId", v.city_code AS "cityCode", v.dong_code AS "dongCode", v.lat, v.lon
      FROM venues v JOIN dongs d ON d.code = v.dong_code WHERE v.city_code = '36030' AND d.kind = 'dong' ORDER BY v.id LIMIT 1`))!;
    dongs = await rows(t.database.db, sql`
      SELECT code, municipality_code AS "municipalityCode", lat, lon, population, population65_plus AS older FROM dongs`);
    // 30 places for everyone, 12 for older adults; and what must not count: a draft, a cancelled and an
    // online program, and one that ended the year before.
    await place(venue, { capacity: 18 });
    await place(venue, { capacity: 12, targetGroups: ['elderly'], minAge: 65 });
    await place(venue, { capacity: 100, status: 'draft' });
    await place(venue, { capacity: 100, status: 'cancelled' });
    await place(venue, { capacity: 100, mode: 'online' });
    await place(venue, { capacity: 100, startsOn: `${YEAR - 1}-03-02`, endsOn: `${YEAR - 1}-12-31` });
  });
  afterAll(() => t.close());

  it('matches the 2SFCA computed by hand for one venue', async () => {
    const catchmentKm = 2;
    const result = await report(officer, `year=${YEAR}&catchmentKm=${catchmentKm}`);
    // One venue with S = 18 + 12 = 30 places: R = 30 / (residents of every dong, in any city, within 2 km);
    // a dong within 2 km has A = R, every other dong 0.
    const distance = (d: { lat: number; lon: number }) => haversineKm(d.lat, d.lon, venue.lat, venue.lon);
    const reached = dongs.filter((d) => distance(d) <= catchmentKm);
    const ratio = 30 / reached.reduce((sum, d) => sum + d.population, 0);
    const suncheon = dongs.filter((d) => d.municipalityCode === '36030');
    expect(result.total).toBe(suncheon.length);
    for (const item of result.items) {
      const dong = suncheon.find((d) => d.code === item.code)!;
      expect(item.access).toBeCloseTo(distance(dong) <= catchmentKm ? ratio * 1000 : 0, 3);
      if (distance(dong) <= result.searchLimitKm) expect(item.nearestKm).toBeCloseTo(distance(dong), 2);
      else expect(item.nearestKm).toBeNull();
      expect(item.beyondWalk).toBe(distance(dong) > 0.8);
    }
    const population = suncheon.reduce((sum, d) => sum + d.population, 0);
    const reachedInCity = reached.filter((d) => d.municipalityCode === '36030').reduce((sum, d) => sum + d.population, 0);
    expect(result.summary).toMatchObject({ population, dongs: suncheon.length, venuesInReach: 1, placesInReach: 30, venuesInReachElsewhere: 0 });
    expect(result.summary.meanAccess).toBeCloseTo((reachedInCity * ratio * 1000) / population, 2);
    expect(result.summary.shareWithoutAccess).toBeCloseTo(1 - reachedInCity / population, 3);
    // Everyone with access has the same access: the Gini is the share of residents without any.
    expect(result.summary.gini).toBeCloseTo(1 - reachedInCity / population, 3);
  });

  it('lists the worst served dongs first, and pages through them', async () => {
    const all = await report(officer, `year=${YEAR}`);
    expect(all.items.map((i) => i.rank)).toEqual(all.items.map((_, i) => i + 1));
    for (let i = 1; i < all.items.length; i++) expect(all.items[i]!.access).toBeGreaterThanOrEqual(all.items[i - 1]!.access);
    const page = await report(officer, `year=${YEAR}&page=2&pageSize=5`);
    expect(page).toMatchObject({ page: 2, pageSize: 5, total: all.total });
    expect(page.items.map((i) => i.code)).toEqual(all.items.slice(5, 10).map((i) => i.code));
  });

  it('counts older residents against the places in programs for older adults', async () => {
    const result = await report(officer, `year=${YEAR}&catchmentKm=2&population=older`);
    const reached = dongs.filter((d) => haversineKm(d.lat, d.lon, venue.lat, venue.lon) <= 2);
    const best = result.items.at(-1)!;
    expect(best.access).toBeCloseTo((12 / reached.reduce((sum, d) => sum + d.older, 0)) * 1000, 3);
    expect(result.summary).toMatchObject({ population: dongs.filter((d) => d.municipalityCode === '36030').reduce((s, d) => s + d.older, 0), placesInReach: 12 });
  });

  it('uses this year and the documented defaults when not told otherwise', async () => {
    const result = await report(officer, '');
    expect(result).toMatchObject({ year: yearInKorea(), catchmentKm: 1.5, walkKm: 0.8, population: 'all', searchLimitKm: 15 });
    expect(result.summary.placesInReach).toBeGreaterThan(0);
  });

  it('reaches more residents as the catchment and the walking distance grow', async () => {
    const near = await report(officer, 'catchmentKm=1&walkKm=0.4');
    const far = await report(officer, 'catchmentKm=10&walkKm=2');
    expect(far.summary.shareWithoutAccess).toBeLessThanOrEqual(near.summary.shareWithoutAccess);
    expect(far.summary.shareBeyondWalk).toBeLessThan(near.summary.shareBeyondWalk);
    expect(far.summary.venuesInReach).toBeGreaterThanOrEqual(near.summary.venuesInReach);
    for (const value of [near.summary.gini, far.summary.gini, near.summary.shareBeyondWalk, far.summary.shareBeyondWalk]) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
  });

  it('counts venues across the city border', async () => {
    // Gwangmyeong borders Seoul: with a wide catchment, places in Seoul's venues are within reach.
    const result = await report(ministry, 'catchmentKm=10', '31060');
    expect(result.summary.venuesInReachElsewhere).toBeGreaterThan(0);
    expect(result.summary.placesInReach).toBeGreaterThan(result.summary.placesInReachElsewhere);
  });

  it('refuses bad parameters, naming the field', async () => {
    for (const [query, field] of [
      ['catchmentKm=0.1', 'catchmentKm'], ['catchmentKm=25', 'catchmentKm'], ['walkKm=abc', 'walkKm'], ['walkKm=9', 'walkKm'],
      ['population=young', 'population'], ['year=1800', 'year'], ['pageSize=500', 'pageSize'], ['radius=3', 'radius'],
    ] as const) {
      const response = await officer.get(`/api/cities/36030/access?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json(), query).toMatchObject({ field });
    }
  });

  it("shows a city only to its officers and the ministry", async () => {
    expect((await officer.get('/api/cities/31060/access')).statusCode).toBe(403);
    expect((await (await t.as('officer@example.com')).get('/api/cities/31060/access')).statusCode).toBe(200);
    expect((await (await t.as('resident@example.com')).get('/api/cities/36030/access')).statusCode).toBe(403);
    expect((await t.anonymous.get('/api/cities/36030/access')).statusCode).toBe(401);
    expect((await ministry.get('/api/cities/36030/access')).statusCode).toBe(200);
    const unknown = await ministry.get('/api/cities/99999/access');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ field: 'code' });
  });
});
