/** Catalogue search: Korean partial words, typos, 초성, English; ranking; facets; filters; near me; bad input. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgramHit, SearchResult } from '../../src/shared/contracts/programs.ts';
import { firstRow, rows } from '../../src/server/platform/database/database.ts';
import { addDays } from '../../src/shared/lib/schedule.ts';
import { todayInKorea } from '../support/clock.ts';
import { testEngine } from '../support/database.ts';
import { kmBetween } from '../support/geo.ts';
import { testApp, type Client, type TestApp } from '../support/app.ts';

describe(`catalogue search on ${testEngine()}`, () => {
  let t: TestApp;
  let staff: Client;
  let titled: number;
  let mentioned: number;
  const search = async (query: string): Promise<SearchResult> => {
    const response = await t.anonymous.get(`/api/programs?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const ids = (result: SearchResult) => result.items.map((i) => i.id);
  /** Programs in the catalogue (published, not ended) whose venue is within `km` of a point, counted from the tables. */
  const inPersonWithin = async (lat: number, lon: number, km: number) => (await rows<{ id: number }>(t.database.db, sql`
    SELECT program_id AS id FROM program_search s WHERE s.lat IS NOT NULL
      AND ${kmBetween(sql`${lat}::float8`, sql`${lon}::float8`, sql`s.lat`, sql`s.lon`)} <= ${km}`)).map((r) => r.id);

  beforeAll(async () => {
    t = await testApp();
    staff = await t.as('staff@example.com');
    const institutionId = (await staff.get('/api/auth/me')).json().grants[0].institutionId;
    const venue = (await t.anonymous.get(`/api/institutions/${institutionId}`)).json().venues[0];
    const base = {
      institutionId, venueId: venue.id, area: 'culture_arts', subcategory: 'everyday_arts', targetGroups: ['all'], mode: 'in_person',
      startsOn: addDays(todayInKorea(), 10), weekdays: ['tue'], startTime: '10:00', endTime: '12:00', sessionCount: 6, capacity: 10, feeKrw: 0,
    };
    titled = (await staff.post('/api/programs', { ...base, title: '마크라메 공예 교실', titleEn: 'Macrame Craft Class', description: '실과 매듭으로 생활 소품을 만듭니다. 처음 배우는 분도 괜찮습니다.' })).json().id;
    mentioned = (await staff.post('/api/programs', { ...base, title: '생활 공예 교실', description: '뜨개질과 마크라메 등 여러 생활 공예를 맛보는 시간입니다. 마지막 날에는 라탄바구니를 엮습니다.' })).json().id;
  });
  afterAll(() => t.close());

  it('finds a program by part of a Korean word in its title', async () => {
    expect(ids(await search(`q=${encodeURIComponent('마크라')}`))).toContain(titled);
  });

  it('lists title matches only: a passing mention in a description neither pads nor outranks them', async () => {
    const result = await search(`q=${encodeURIComponent('마크라메')}`);
    expect(ids(result)).toContain(titled);
    expect(ids(result)).not.toContain(mentioned);
    expect(result.descriptionOnly).toBe(false);
  });

  it('offers description matches when no title has the words, and says so', async () => {
    const result = await search(`q=${encodeURIComponent('라탄바구니')}`);
    expect(ids(result)).toEqual([mentioned]);
    expect(result.descriptionOnly).toBe(true);
  });

  it('says when no class held in person near the place has the words, with the nearest one farther and the online ones', async () => {
    // The titled program is taught at the staff's venue; search a quarter of a kilometre around a dong where it is not.
    const venue = (await firstRow<{ lat: number; lon: number; dong: string }>(t.database.db, sql`
      SELECT lat, lon, dong_code AS dong FROM programs WHERE id = ${titled}`))!;
    const away = (await firstRow<{ code: string; km: number }>(t.database.db, sql`
      SELECT code, ${kmBetween(sql`lat`, sql`lon`, sql`${venue.lat}::float8`, sql`${venue.lon}::float8`)} AS km FROM dongs
      WHERE code LIKE '31060%' AND code <> ${venue.dong} ORDER BY km DESC LIMIT 1`))!;
    expect(away.km).toBeGreaterThan(1);
    const q = encodeURIComponent('마크라메');
    const near = await search(`q=${q}&near=${away.code}&radiusKm=0.5`);
    expect(near.items.every((i) => i.mode === 'online')).toBe(true);
    expect(near.elsewhere).toEqual({ nearestKm: Math.ceil(away.km), online: (await search(`q=${q}&mode=online&pageSize=1`)).total });
    // Widening the radius to what was offered finds it, held in person; then nothing is said about elsewhere.
    const widened = await search(`q=${q}&near=${away.code}&radiusKm=${near.elsewhere!.nearestKm}`);
    expect(ids(widened)).toContain(titled);
    expect(widened.elsewhere).toBeNull();
  });

  it('tolerates a small typo, and says the matches are near ones', async () => {
    const result = await search(`q=${encodeURIComponent('마크라매')}`);
    expect(result.fuzzy).toBe(true);
    expect(ids(result)).toContain(titled);
    const english = await search('q=macrme');
    expect(english.fuzzy).toBe(true);
    expect(ids(english)).toContain(titled);
  });

  it('finds titles by their initial consonants (초성)', async () => {
    expect(ids(await search(`q=${encodeURIComponent('ㅁㅋㄹㅁ')}`))).toContain(titled);
    const smartphone = await search(`q=${encodeURIComponent('ㅅㅁㅌㅍ')}&pageSize=100`);
    expect(smartphone.total).toBeGreaterThan(0);
    expect(smartphone.items.every((i) => i.title.replace(/ /g, '').includes('스마트폰') || /스.*마.*트.*폰/.test(i.title))).toBe(true);
  });

  it('finds English titles and two-syllable Korean words', async () => {
    expect(ids(await search('q=MACRAME'))).toContain(titled);
    const yoga = await search(`q=${encodeURIComponent('요가')}&pageSize=100`);
    const titledYoga = (await rows<{ id: number }>(t.database.db, sql`SELECT s.program_id AS id FROM program_search s JOIN programs p ON p.id = s.program_id WHERE p.title LIKE '%요가%'`)).map((r) => r.id);
    expect(titledYoga.length).toBeGreaterThan(0);
    expect(yoga.total).toBeLessThanOrEqual(100);
    expect(ids(yoga).sort((a, b) => a - b)).toEqual(titledYoga.sort((a, b) => a - b));
  });

  it('requires every word of the query', async () => {
    const result = await search(`q=${encodeURIComponent('마크라메 공예')}`);
    expect(ids(result)).toContain(titled);
    expect((await search(`q=${encodeURIComponent('마크라메 바리스타')}`)).total).toBe(0);
  });

  it('counts each facet with the other filters applied', async () => {
    const all = await search('pageSize=1');
    const areaSum = Object.values(all.facets.area).reduce((a, b) => a + b, 0);
    expect(areaSum).toBe(all.total);
    const culture = await search('area=culture_arts&pageSize=1');
    expect(culture.total).toBe(all.facets.area.culture_arts);
    expect(culture.facets.area).toEqual(all.facets.area);
    const cultureFree = await search('area=culture_arts&fee=free&pageSize=1');
    expect(cultureFree.total).toBe(culture.facets.fee.free);
    expect(cultureFree.facets.fee.paid).toBe(culture.facets.fee.paid);
  });

  it('gives each facet value the total that ticking it would show, with the other filters kept', async () => {
    for (const filters of ['', 'fee=free&timeOfDay=morning', 'target=elderly&seatsLeft=true&weekday=sat&weekday=sun&weekday=mon', 'area=vocational&startsWithinDays=90&mode=online']) {
      const shown = await search(`${filters}&pageSize=1`);
      expect(shown.total, filters).toBeGreaterThan(0);
      const kept = new URLSearchParams(filters);
      // Every program has one area, sub-category, mode and fee: those facets split the total without the dimension's own filter.
      for (const dimension of ['area', 'subcategory', 'mode', 'fee'] as const) {
        const without = new URLSearchParams(kept);
        without.delete(dimension);
        const sum = Object.values(shown.facets[dimension]).reduce((a, b) => a + b, 0);
        expect([filters, dimension, sum]).toEqual([filters, dimension, (await search(`${without}&pageSize=1`)).total]);
      }
      for (const [dimension, values] of Object.entries(shown.facets)) {
        if (dimension === 'dong') continue; // counted for one chosen city only
        expect(Object.keys(values).length, `${filters || 'no filter'}: ${dimension}`).toBeGreaterThan(0);
        for (const [value, count] of Object.entries(values)) {
          const ticked = new URLSearchParams(kept);
          if (dimension !== 'city') ticked.delete(dimension);
          ticked.set(dimension, value);
          const total = (await search(`${ticked}&pageSize=1`)).total;
          expect([filters, dimension, value, count]).toEqual([filters, dimension, value, total]);
        }
      }
    }
    // Dongs are counted once one city is chosen, with every filter applied.
    const city = Object.keys((await search('pageSize=1')).facets.city)[0]!;
    const inCity = await search(`city=${city}&fee=free&pageSize=1`);
    expect(Object.keys(inCity.facets.dong).length).toBeGreaterThan(0);
    for (const [dong, count] of Object.entries(inCity.facets.dong)) {
      expect([dong, count]).toEqual([dong, (await search(`city=${city}&fee=free&dong=${dong}&pageSize=1`)).total]);
    }
  });

  it('applies every filter to every hit', async () => {
    const today = todayInKorea();
    const checks: [string, (hit: ProgramHit) => boolean][] = [
      ['fee=free', (h) => h.feeKrw === 0],
      ['fee=paid', (h) => h.feeKrw > 0],
      ['mode=online', (h) => h.mode === 'online'],
      ['target=elderly', (h) => h.targetGroups.includes('elderly')],
      ['weekday=sat&weekday=sun', (h) => h.weekdays.some((d) => d === 'sat' || d === 'sun')],
      ['timeOfDay=evening', (h) => h.startTime >= '18:00'],
      ['timeOfDay=morning', (h) => h.startTime < '12:00'],
      ['startsWithinDays=30', (h) => h.startsOn >= today && h.startsOn <= addDays(today, 30)],
      ['seatsLeft=true', (h) => h.seatsLeft > 0 && (h.enrolmentClosesOn ?? h.startsOn) >= today],
      ['city=36030&city=31060', (h) => h.cityCode === '36030' || h.cityCode === '31060'],
      ['subcategory=life_skills', (h) => h.subcategory === 'life_skills'],
    ];
    for (const [query, holds] of checks) {
      const result = await search(`${query}&pageSize=100`);
      expect(result.total, query).toBeGreaterThan(0);
      expect(result.items.every(holds), query).toBe(true);
      expect(result.items.length).toBe(Math.min(100, result.total));
    }
  });

  it('counts, lists and badges as "can still sign up" only programs with a free place whose enrolment has not closed', async () => {
    const today = todayInKorea();
    // Recounted from the programs and their enrolments, not from the search index.
    const expected = await rows<{ id: number; underway: boolean }>(t.database.db, sql`
      SELECT p.id, coalesce(p.enrolment_closes_on, p.starts_on) < ${today}::date AS underway
      FROM programs p
      WHERE p.status = 'published' AND p.ends_on >= ${today}::date
        AND p.capacity > (SELECT count(*) FROM enrolments e WHERE e.program_id = p.id AND e.status IN ('enrolled', 'completed', 'not_completed'))`);
    const open = expected.filter((p) => !p.underway).map((p) => p.id).sort((a, b) => a - b);
    // The demo has courses under way with places left (the finding): they must not count.
    expect(expected.some((p) => p.underway)).toBe(true);
    const all = await search('pageSize=1');
    expect(all.facets.seatsLeft.true).toBe(open.length);
    const listed: number[] = [];
    for (let page = 1; listed.length < open.length && page <= 50; page++) listed.push(...ids(await search(`seatsLeft=true&sort=start&pageSize=100&page=${page}`)));
    expect(listed.sort((a, b) => a - b)).toEqual(open);
  });

  it('orders programs near a dong by distance, shows the distance, and offers online programs to everyone', async () => {
    const result = await search('near=3603056&radiusKm=15&pageSize=100');
    expect(result.sort).toBe('distance');
    expect(result.near).toMatchObject({ radiusKm: 15, label: '조곡동' });
    const inPerson = result.items.filter((i) => i.distanceM !== null);
    expect(inPerson.length).toBeGreaterThan(0);
    expect(inPerson.every((i) => i.distanceM! <= 15_000)).toBe(true);
    expect(inPerson.map((i) => i.distanceM)).toEqual([...inPerson.map((i) => i.distanceM)].sort((a, b) => a! - b!));
    // Every program taught within the radius, counted from the tables, and online ones after them all.
    const dong = (await firstRow<{ lat: number; lon: number }>(t.database.db, sql`SELECT lat, lon FROM dongs WHERE code = '3603056'`))!;
    const within = await inPersonWithin(dong.lat, dong.lon, 15);
    const online = (await search('near=3603056&radiusKm=15&mode=online&pageSize=1')).total;
    expect(within.length).toBeGreaterThan(0);
    expect(online).toBeGreaterThan(0);
    expect(result.total).toBe(within.length + online);
    const last = await search(`near=3603056&radiusKm=15&pageSize=100&page=${Math.ceil(result.total / 100)}`);
    expect(last.items.at(-1)!.mode).toBe('online');
    const withoutOnline = await search('near=3603056&radiusKm=15&includeOnline=false&pageSize=100');
    expect(withoutOnline.total).toBe(within.length);
    expect(withoutOnline.items.every((i) => i.distanceM !== null && within.includes(i.id))).toBe(true);
  });

  it('searches near coordinates too, within the radius itself and not the square around it', async () => {
    const result = await search('lat=34.95&lon=127.49&radiusKm=10&pageSize=100&includeOnline=false');
    const within = await inPersonWithin(34.95, 127.49, 10);
    expect(within.length).toBeGreaterThan(0);
    expect(result.total).toBe(within.length);
    expect(result.items.every((i) => i.distanceM !== null && i.distanceM <= 10_000 && within.includes(i.id))).toBe(true);

    // A point placed so that a venue lies in the corner of the square 10 km either way, 11.3 km off: not within reach.
    const corner = (await firstRow<{ id: number; lat: number; lon: number }>(t.database.db, sql`
      SELECT program_id AS id, lat, lon FROM program_search WHERE lat IS NOT NULL ORDER BY program_id LIMIT 1`))!;
    const lat = corner.lat - (0.8 * 10) / 111.32;
    const lon = corner.lon - (0.8 * 10) / (111.32 * Math.cos((corner.lat * Math.PI) / 180));
    expect(await inPersonWithin(lat, lon, 10)).not.toContain(corner.id);
    expect(await inPersonWithin(lat, lon, 12)).toContain(corner.id);
    const nearCorner = await search(`lat=${lat}&lon=${lon}&radiusKm=10&pageSize=100&includeOnline=false`);
    expect(ids(nearCorner)).not.toContain(corner.id);
    expect(nearCorner.total).toBe((await inPersonWithin(lat, lon, 10)).length);
  });

  it('sorts by start date and by newest', async () => {
    const today = todayInKorea();
    const start = (await search('sort=start&pageSize=50')).items.filter((i) => i.startsOn >= today).map((i) => i.startsOn);
    expect(start).toEqual([...start].sort());
    const newest = (await search('sort=newest&pageSize=20')).items.map((i) => i.publishedAt ?? '');
    expect(newest).toEqual([...newest].sort().reverse());
  });

  it('pages through results without repeats', async () => {
    const first = await search('sort=start&pageSize=10&page=1');
    const second = await search('sort=start&pageSize=10&page=2');
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(20);
  });

  it('records searches that found nothing, as unmet demand', async () => {
    await search(`q=${encodeURIComponent('드론레이싱우주비행')}&city=36030`);
    const miss = await firstRow<{ query: string; city_code: string }>(t.database.db, sql`SELECT query, city_code FROM search_misses ORDER BY id DESC LIMIT 1`);
    expect(miss).toEqual({ query: '드론레이싱우주비행', city_code: '36030' });
  });

  it.each([
    ['lat=35.1', 'lon'],
    ['lon=127.1', 'lat'],
    ['lat=20&lon=127', 'lat'],
    ['near=1234567', 'near'],
    ['near=12345', 'near'],
    ['radiusKm=100&near=3603056', 'radiusKm'],
    ['sort=distance', 'sort'],
    ['area=gardening', 'area'],
    ['weekday=funday', 'weekday'],
    ['timeOfDay=night', 'timeOfDay'],
    ['startsWithinDays=0', 'startsWithinDays'],
    ['page=-1', 'page'],
    ['pageSize=0', 'pageSize'],
    ['seatsLeft=maybe', 'seatsLeft'],
  ])('rejects %s naming %s', async (query, field) => {
    const response = await t.anonymous.get(`/api/programs?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe(field);
  });
});
