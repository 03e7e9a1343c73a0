/** The public reads: geography, learning cities, institutions and programs. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/server/platform/database/database.ts';
import { addDays } from '../../src/shared/lib/schedule.ts';
import { todayInKorea } from '../support/clock.ts';
import { testEngine } from '../support/database.ts';
import { kmBetween } from '../support/geo.ts';
import { testApp, type TestApp } from '../support/app.ts';

describe(`public catalogue on ${testEngine()}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  it('knows Korea’s 17 provinces, 229 municipalities and 3,504 dongs', async () => {
    expect((await t.anonymous.get('/api/geography/provinces')).json().total).toBe(17);
    const municipalities = (await t.anonymous.get('/api/geography/municipalities')).json();
    expect(municipalities.total).toBe(229);
    expect((await t.anonymous.get('/api/geography/dongs?pageSize=1')).json().total).toBe(3504);
    const changwon = (await t.anonymous.get('/api/geography/municipalities/38110')).json();
    expect(changwon).toMatchObject({ nameKo: '창원시', nameEn: 'Changwon-si', provinceShortKo: '경남', kind: 'si' });
    const dongs = (await t.anonymous.get('/api/geography/dongs?city=38110&pageSize=500')).json();
    expect(new Set(dongs.items.map((d: { districtNameKo: string }) => d.districtNameKo))).toEqual(new Set(['의창구', '성산구', '마산합포구', '마산회원구', '진해구']));
  });

  it('finds dongs by part of their Korean or English name', async () => {
    const korean = (await t.anonymous.get(`/api/geography/dongs?q=${encodeURIComponent('철산')}`)).json();
    expect(korean.items.some((d: { nameKo: string; municipalityCode: string }) => d.nameKo.startsWith('철산') && d.municipalityCode === '31060')).toBe(true);
    expect((await t.anonymous.get('/api/geography/dongs?q=Cheolsan')).json().total).toBe(korean.total);
    expect((await t.anonymous.get(`/api/geography/dongs?q=${encodeURIComponent('%')}`)).json().total).toBe(0);
  });

  it('lists the current learning cities with their first designation year', async () => {
    const cities = (await t.anonymous.get('/api/cities')).json();
    expect(cities.total).toBe(31);
    expect(cities.items[0]).toMatchObject({ designatedYear: 2001 });
    expect((await t.anonymous.get('/api/cities?listing=all')).json().total).toBe(229);
  });

  it('counts designations per year, with a running total', async () => {
    const years = (await t.anonymous.get('/api/cities/designations-by-year')).json() as { year: number; newlyDesignated: number; cumulative: number }[];
    expect(years[0]).toEqual({ year: 2001, newlyDesignated: 3, cumulative: 3 });
    expect(years.at(-1)!.cumulative).toBe(31);
  });

  it('shows a city with its designation history and counts', async () => {
    const city = (await t.anonymous.get('/api/cities/23030')).json();
    expect(city).toMatchObject({ nameKo: '미추홀구', designatedYear: 2006 });
    expect(city.designations.map((d: { state: string }) => d.state).slice(0, 3)).toEqual(['applied', 'potential', 'designated']);
    expect(city.institutionCount).toBeGreaterThan(0);
    expect((await t.anonymous.get('/api/cities/99999')).statusCode).toBe(404);
  });

  it('shows a program with its sessions in Korea time', async () => {
    const id = (await t.anonymous.get('/api/programs?pageSize=1')).json().items[0].id;
    const program = (await t.anonymous.get(`/api/programs/${id}`)).json();
    expect(program.sessions).toHaveLength(program.sessionCount);
    expect(program.sessions[0].startsAt).toMatch(/T\d\d:\d\d:00\+09:00$/);
    expect(program.sessions[0].startsAt.slice(11, 16)).toBe(program.startTime);
    expect((await t.anonymous.get('/api/programs/999999')).statusCode).toBe(404);
  });

  it('shows an institution with its venues', async () => {
    const list = (await t.anonymous.get('/api/institutions?city=31060&type=lifelong_learning_centre')).json();
    expect(list.total).toBe(1);
    const institution = (await t.anonymous.get(`/api/institutions/${list.items[0].id}`)).json();
    expect(institution.venues.length).toBeGreaterThanOrEqual(3);
    expect(institution.programCount).toBeGreaterThan(0);
  });
});

describe(`a program's page for machines on ${testEngine()}`, () => {
  let t: TestApp;
  let programId: number;
  beforeAll(async () => {
    t = await testApp({ env: { WEB_DIST_DIR: new URL('../fixtures/web', import.meta.url).pathname, PUBLIC_URL: 'https://learning.example.kr' } });
    programId = (await t.anonymous.get('/api/programs?mode=in_person&pageSize=1')).json().items[0].id;
  });
  afterAll(() => t.close());

  it('offers the sessions as a calendar file', async () => {
    const program = (await t.anonymous.get(`/api/programs/${programId}`)).json();
    const ics = await t.anonymous.get(`/api/programs/${programId}/calendar.ics`);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body.match(/BEGIN:VEVENT/g)).toHaveLength(program.sessionCount);
    expect(ics.body).toContain(`URL:https://learning.example.kr/programs/${programId}`);
  });

  it('suggests the nearest four programs of the same kind within 20 km, not itself', async () => {
    /** From the tables: the in-person programs with most neighbours of their sub-category within 20 km, nearest first (and soonest first). */
    const crowded = (limit: number) => rows<{ id: number; nearest: number[]; soonest: number[] }>(t.database.db, sql`
      SELECT s.program_id AS id, array_agg(o.program_id ORDER BY round(o.km * 1000), o.starts_on, o.program_id) AS nearest,
             array_agg(o.program_id ORDER BY o.starts_on, o.program_id) AS soonest
      FROM program_search s JOIN programs p ON p.id = s.program_id
      JOIN LATERAL (SELECT n.program_id, n.starts_on, ${kmBetween(sql`s.lat`, sql`s.lon`, sql`n.lat`, sql`n.lon`)} AS km
                    FROM program_search n JOIN programs q ON q.id = n.program_id
                    WHERE q.subcategory = p.subcategory AND n.lat IS NOT NULL AND n.program_id <> s.program_id) o ON o.km <= 20
      WHERE s.lat IS NOT NULL GROUP BY s.program_id ORDER BY count(*) DESC, s.program_id LIMIT ${limit}`);
    const suggested = async (id: number) => ((await t.anonymous.get(`/api/programs/${id}/similar`)).json().items as { id: number }[]).map((i) => i.id);

    // The demo's own: neighbours at several distances, in an order other than by start date.
    const spread = await crowded(3);
    expect(spread.some((c) => c.nearest.length > 1 && c.nearest.join() !== c.soonest.join())).toBe(true);
    for (const { id, nearest } of spread) expect([id, await suggested(id)]).toEqual([id, nearest.slice(0, 4)]);

    // Five more of one kind at one institution: more than four neighbours, the nearest ones at the same distance.
    const staff = await t.as('staff@example.com');
    const institutionId = (await staff.get('/api/auth/me')).json().grants[0].institutionId;
    const venue = (await t.anonymous.get(`/api/institutions/${institutionId}`)).json().venues[0];
    for (let i = 0; i < 5; i++) {
      const created = await staff.post('/api/programs', {
        institutionId, venueId: venue.id, title: `생활 목공 ${i + 1}기`, description: '나무로 생활 소품을 만듭니다. 처음 배우는 분도 괜찮습니다.',
        area: 'culture_arts', subcategory: 'everyday_arts', targetGroups: ['all'], mode: 'in_person', startsOn: addDays(todayInKorea(), 24 - i * 3),
        weekdays: ['sat'], startTime: '10:00', endTime: '12:00', sessionCount: 4, capacity: 10, feeKrw: 0,
      });
      expect(created.statusCode, created.body).toBe(201);
    }
    const [cluster] = await crowded(1);
    expect(cluster!.nearest.length).toBeGreaterThan(4);
    expect(await suggested(cluster!.id)).toEqual(cluster!.nearest.slice(0, 4));
  });

  it('puts the title, description and schema.org Course in the page itself', async () => {
    const page = await t.anonymous.get(`/programs/${programId}`);
    const program = (await t.anonymous.get(`/api/programs/${programId}`)).json();
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain(`<title>${program.title}`);
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(page.body)![1]!);
    expect(ld).toMatchObject({ '@type': 'Course', name: program.title, hasCourseInstance: { '@type': 'CourseInstance' } });
    expect((await t.anonymous.get('/programs/999999')).body).toContain('<title>fixture</title>');
  });
});
