/**
 * Residents say what they want to learn; the city sees where such demand (with waitlists and fruitless
 * searches) meets too few places, neighbourhood by neighbourhood, and who could close the gap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../support/database.ts';
import { testApp, type Client, type TestApp } from '../support/app.ts';

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

  it('shows the city where demand meets too few places, largest gaps first, with who could close them', async () => {
    const report = (await officer.get('/api/cities/31060/demand?months=24')).json();
    expect(report.totals.demand).toBeGreaterThan(0);
    expect(report.totals.demand).toBe(report.totals.wishes + report.totals.waitlisted + report.totals.searches);
    expect(report.byArea.length).toBeGreaterThan(0);
    const gaps = report.gaps.items as { gap: number; demand: number; seatsOpen: number; suggestions: { institutions: unknown[] } }[];
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.map((g) => g.gap)).toEqual([...gaps.map((g) => g.gap)].sort((a, b) => b - a));
    for (const gap of gaps) expect(gap.gap).toBe(gap.demand - gap.seatsOpen);
    expect(gaps.some((g) => g.suggestions.institutions.length > 0)).toBe(true);

    // One more wish in a dong of the city shows up in its demand.
    const dong = (await t.anonymous.get('/api/geography/dongs?city=31060&pageSize=1')).json().items[0].code;
    await resident.post('/api/me/wishes', { area: 'vocational', subcategory: 'certification', cityCode: '31060', dongCode: dong });
    const after = (await officer.get('/api/cities/31060/demand?months=24&area=vocational')).json();
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
