/**
 * What a stranger can send must not break the server, write half of anything or act for a foreign page:
 * the findings of issue 8 that the platform answers for (zero bytes, broken text, infinite numbers, null
 * for an integer, the 429's shape, cities that do not exist, cross-site requests, Secure cookies, `$'` in a
 * page title, `</script>` in an answer put into a page).
 */
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchRequest } from '../../src/shared/lib/program-search.ts';
import { firstRow } from '../../src/server/platform/database/database.ts';
import { testEngine } from '../support/database.ts';
import { testApp, type Client, type TestApp } from '../support/app.ts';

const GWANGMYEONG = '31060';
const webFixture = path.resolve(import.meta.dirname, '../fixtures/web');

const errorShape = { error: expect.any(String), message: expect.any(String) };

describe(`hostile input on ${testEngine()}`, () => {
  let t: TestApp;
  let officer: Client;
  let ministry: Client;
  let resident: Client;
  beforeAll(async () => {
    t = await testApp({ env: { WEB_DIST_DIR: webFixture } });
    [officer, ministry, resident] = await Promise.all([t.as('officer@example.com'), t.as('ministry@example.com'), t.as('resident@example.com')]);
  });
  afterAll(async () => t?.close());

  const count = async (table: 'committees' | 'learning_wishes' | 'people' | 'jobs') =>
    (await firstRow<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))!.n;

  it.each([
    '/api/programs?q=%00', '/api/programs?q=%EC%8A%A4%00', '/api/institutions?q=%00', '/api/cities?q=%00',
    '/api/geography/municipalities?q=%00', '/api/geography/dongs?q=%00',
  ])('answers a zero byte in %s with a 400 naming the field', async (url) => {
    const response = await t.anonymous.get(url);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ ...errorShape, field: 'q' });
    // Named as the search box is labelled, not by its parameter.
    expect(response.json().message).toContain('검색어');
  });

  it('refuses a zero byte or a broken character in any text of a form, naming the field, and writes nothing', async () => {
    const people = await count('people');
    for (const [body, field] of [
      [{ email: 'a\u0000@example.com', password: 'a long passphrase 2001' }, 'email'],
      [{ email: 'a@example.com', password: 'a long pass\u0000phrase' }, 'password'],
    ] as const) {
      const login = await t.anonymous.post('/api/auth/login', body);
      expect(login.statusCode, JSON.stringify(body)).toBe(400);
      expect(login.json()).toMatchObject({ ...errorShape, field });
    }
    for (const displayName of ['홍\u0000길동', '홍길동\uD800', '\uDC00']) {
      const signup = await t.anonymous.post('/api/auth/signup', { email: 'new.person@example.com', password: 'ㅎ 긴 비밀번호 문장 2001!', displayName });
      expect(signup.statusCode).toBe(400);
      expect(signup.json()).toMatchObject({ ...errorShape, field: 'displayName' });
    }
    expect(await count('people')).toBe(people);

    const committees = await count('committees');
    const committee = await officer.post(`/api/cities/${GWANGMYEONG}/record/committees`, { kind: 'council', name: '평생학습\u0000협의회', establishedOn: '2020-01-01', description: '', active: true });
    expect(committee.statusCode).toBe(400);
    expect(committee.json()).toMatchObject({ field: 'name' });
    expect(await count('committees')).toBe(committees);

    const wishes = await count('learning_wishes');
    const wish = await resident.post('/api/me/wishes', { area: 'culture_arts', note: '스마트폰\u0000' });
    expect(wish.statusCode).toBe(400);
    expect(wish.json()).toMatchObject({ field: 'note' });
    expect(await count('learning_wishes')).toBe(wishes);
  });

  it('says what is wrong with a zero byte in Korean, or English when asked', async () => {
    const korean = (await t.anonymous.get('/api/programs?q=%00')).json();
    expect(korean.message).toMatch(/[가-힣]/);
    const english = (await t.anonymous.request({ method: 'GET', url: '/api/programs?q=%00', headers: { 'accept-language': 'en' } })).json();
    expect(english.message).toContain('zero byte');
  });

  it.each([
    ['/api/programs?page=1e400', 'page'],
    ['/api/programs?pageSize=1e400', 'pageSize'],
    ['/api/programs?page=-1e400', 'page'],
    ['/api/programs?institution=1e400', 'institution'],
    ['/api/programs?startsWithinDays=1e400', 'startsWithinDays'],
    ['/api/programs?near=1104052&radiusKm=1e400', 'radiusKm'],
    [`/api/cities/${GWANGMYEONG}/record/committee-members?committee=1e400`, 'committee'],
    [`/api/cities/${GWANGMYEONG}/demand?months=1e400`, 'months'],
    [`/api/cities/${GWANGMYEONG}/indicators?year=1e400`, 'year'],
    [`/api/cities/${GWANGMYEONG}/record/years/1e400`, 'year'],
  ])('answers an infinite number in %s with a 400 naming the field', async (url, field) => {
    const response = await officer.get(url);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ ...errorShape, field });
  });

  it('stores null for an integer as null, not 0, and refuses text where a number belongs in a body', async () => {
    const event = { kind: 'festival', title: '광명 평생학습 축제', startsOn: '2026-10-01', endsOn: '2026-10-02', venueName: '광명시민회관', dongCode: null, attendance: null, description: '' };
    const created = await officer.post(`/api/cities/${GWANGMYEONG}/events`, event);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().attendance).toBeNull();
    const stored = await firstRow<{ attendance: number | null }>(t.database.db, sql`SELECT attendance FROM learning_events WHERE id = ${created.json().id}`);
    expect(stored).toEqual({ attendance: null });
    const asText = await officer.post(`/api/cities/${GWANGMYEONG}/events`, { ...event, attendance: '300' });
    expect(asText.statusCode).toBe(400);
    expect(asText.json()).toMatchObject({ field: 'attendance' });
  });

  it('refuses a bottomless body without walking it', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const response = await t.anonymous.request({ method: 'POST', url: '/api/auth/login', payload: `{"email":${deep}}`, headers: { 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject(errorShape);
  });

  it('answers routes under a city that does not exist with 404, like the rest', async () => {
    for (const [client, method, url] of [
      [ministry, 'GET', '/api/cities/00000/copies/summary'],
      [ministry, 'POST', '/api/cities/00000/indicators/recompute'],
      [ministry, 'GET', '/api/cities/00000/record/years'],
      [t.anonymous, 'GET', '/api/cities/00000'],
    ] as const) {
      const response = await client.request({ method, url });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json()).toMatchObject({ error: 'not_found', field: 'code' });
    }
    expect(await count('jobs')).toBe(0);
  });

  it('refuses a state-changing request sent by another site, and writes nothing', async () => {
    for (const headers of [
      { origin: 'https://evil.example', 'content-type': 'text/plain' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site', origin: 'https://other.localhost' },
      { origin: 'null' },
    ]) {
      const response = await officer.request({ method: 'POST', url: `/api/cities/${GWANGMYEONG}/indicators/recompute`, headers });
      expect(response.statusCode, JSON.stringify(headers)).toBe(403);
      expect(response.json()).toMatchObject({ error: 'cross_site_request', message: expect.stringMatching(/[가-힣]/) });
    }
    expect(await count('jobs')).toBe(0);
    const ownPage = await officer.request({
      method: 'POST', url: `/api/cities/${GWANGMYEONG}/indicators/recompute`, headers: { origin: t.config.publicUrl, 'sec-fetch-site': 'same-origin' },
    });
    expect(ownPage.statusCode).toBe(202);
    // Reading is never refused for its origin: links from other sites must work.
    expect((await t.anonymous.request({ method: 'GET', url: '/api/programs', headers: { 'sec-fetch-site': 'cross-site' } })).statusCode).toBe(200);
  });

  it('puts a title holding $\' or $& into the page as it is written', async () => {
    const staff = await t.as('staff@example.com');
    const institutionId = (await staff.get('/api/auth/me')).json().grants[0].institutionId as number;
    const venue = (await staff.get(`/api/institutions/${institutionId}`)).json().venues[0];
    const title = "엄마$'s 요리 $& 교실 $`";
    const created = await staff.post('/api/programs', {
      institutionId, title, description: '이웃과 함께 집밥 요리를 배워요.', area: 'culture_arts', subcategory: 'everyday_arts', targetGroups: ['all'],
      mode: 'in_person', venueId: venue.id, capacity: Math.min(10, venue.seats), feeKrw: 0, startsOn: '2027-03-02', weekdays: ['tue'],
      sessionCount: 4, startTime: '10:00', endTime: '12:00',
    });
    expect(created.statusCode, created.body).toBe(201);
    const page = await t.anonymous.get(`/programs/${created.json().id}`);
    expect(page.statusCode).toBe(200);
    const pageTitle = /<title>(.*?)<\/title>/s.exec(page.body)?.[1];
    expect(pageTitle).toBe(`엄마$'s 요리 $&amp; 교실 $\` · ${created.json().institutionName} · 평생학습도시`);
    expect(page.body.match(/<title>/g)).toHaveLength(1);
  });

  it("puts the search's first answer into its page as the API gives it, a title closing the script element included", async () => {
    const staff = await t.as('staff@example.com');
    const institutionId = (await staff.get('/api/auth/me')).json().grants[0].institutionId as number;
    const venue = (await staff.get(`/api/institutions/${institutionId}`)).json().venues[0];
    const title = '</script><script>alert(1)</script> 뜨개질 교실 \u2028';
    const created = await staff.post('/api/programs', {
      institutionId, title, description: '이웃과 함께 뜨개질을 배워요.', area: 'culture_arts', subcategory: 'everyday_arts', targetGroups: ['all'],
      mode: 'in_person', venueId: venue.id, capacity: Math.min(10, venue.seats), feeKrw: 0, startsOn: '2027-03-02', weekdays: ['tue'],
      sessionCount: 4, startTime: '10:00', endTime: '12:00',
    });
    expect(created.statusCode, created.body).toBe(201);
    const address = new URLSearchParams({ q: '뜨개질 교실' });
    const apiAnswer = async () => (await t.anonymous.get(`/api${searchRequest(address)}`)).json() as { items: { title: string }[] };
    await expect.poll(async () => (await apiAnswer()).items.map((item) => item.title), { timeout: 5000 }).toContain(title);

    const page = await t.anonymous.get(`/programs?${address}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('public, no-cache');
    expect(page.body).not.toContain('<script>alert(1)');
    const embedded = /<script type="application\/json" id="lc-first-answer">(.*?)<\/script>/s.exec(page.body)?.[1];
    expect(JSON.parse(embedded!)).toEqual({ request: searchRequest(address), locale: 'ko', answer: await apiAnswer() });

    const home = await t.anonymous.get('/');
    expect(home.body).toContain('"request":"/programs?pageSize=8&sort=newest"');
    // A search the API refuses leaves the page to ask (and show the refusal) itself.
    const refused = await t.anonymous.get('/programs?q=%00');
    expect(refused.body).not.toContain('lc-first-answer');
  });
});

describe(`limits and proxies on ${testEngine()}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ env: { API_RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: '127.0.0.1' } });
  });
  afterAll(async () => t?.close());

  it('says in the caller\'s language that there were too many requests, and when to come back', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await t.anonymous.get('/api/cities/designations-by-year'));
    const refused = answers[3]!;
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ error: 'rate_limited', message: expect.stringMatching(/초 뒤에/), retryAfterSeconds: expect.any(Number) });
    expect(refused.headers['retry-after']).toBeDefined();
  });
});

describe(`Secure session cookies on ${testEngine()}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp({ env: { TRUST_PROXY: '127.0.0.1' } });
  });
  afterAll(async () => t?.close());

  const loginCookie = async (headers: Record<string, string>) => {
    const response = await t.anonymous.request({
      method: 'POST', url: '/api/auth/login', payload: { email: 'resident@example.com', password: 'learning-city-2001' }, headers,
    });
    expect(response.statusCode).toBe(200);
    return response.cookies.find((cookie) => cookie.name === 'lc_session')!;
  };

  it('marks the session cookie Secure when the request came over HTTPS through the trusted proxy', async () => {
    expect((await loginCookie({ 'x-forwarded-proto': 'https' })).secure).toBe(true);
    expect((await loginCookie({})).secure).toBeFalsy();
  });

  it('does not believe a forwarded scheme from a proxy it does not trust', async () => {
    const untrusted = await testApp({ env: {} });
    try {
      const response = await untrusted.anonymous.request({
        method: 'POST', url: '/api/auth/login', payload: { email: 'resident@example.com', password: 'learning-city-2001' },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(response.cookies.find((cookie) => cookie.name === 'lc_session')!.secure).toBeFalsy();
    } finally {
      await untrusted.close();
    }
  });
});
