/** What every route shares: health, OpenAPI, the error shape, limits, and serving the web app. */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../../src/server/platform/database/database.ts';
import { fieldLabel } from '../../src/shared/vocabulary/index.ts';
import { testEngine } from '../support/database.ts';
import { testApp, type TestApp } from '../support/app.ts';

const fixtures = path.resolve(import.meta.dirname, '../fixtures');

/**
 * A boundaries folder of our own making (one square province where Seoul is), written for the run: the real
 * KOSTAT files are read from their configured path and never copied into the repository.
 */
function syntheticBoundaries(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lc-boundaries-'));
  const topology = {
    type: 'Topology',
    objects: {
      skorea_provinces_2018_geo: {
        type: 'GeometryCollection',
        geometries: [{ type: 'Polygon', arcs: [[0]], properties: { code: '11', name: '서울특별시', name_eng: 'Seoul', base_year: '2018' } }],
      },
    },
    arcs: [[[126.8, 37.4], [127.1, 37.4], [127.1, 37.7], [126.8, 37.7], [126.8, 37.4]]],
  };
  writeFileSync(path.join(dir, 'skorea-provinces-2018-topo-simple.json'), JSON.stringify(topology));
  return dir;
}

describe(`the API platform on ${testEngine()}`, () => {
  let t: TestApp;
  const boundaries = syntheticBoundaries();
  beforeAll(async () => {
    t = await testApp({ env: { WEB_DIST_DIR: path.join(fixtures, 'web'), BOUNDARIES_DIR: boundaries } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(boundaries, { recursive: true, force: true });
  });

  it('reports the database engine and the migration version', async () => {
    const response = await t.anonymous.get('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', engine: testEngine(), migrations: { pending: 0, latest: expect.stringMatching(/^\d{4}_/) } });
  });

  it('keeps every log and ledger append-only in the database, by one trigger function', async () => {
    const db = t.database.db;
    const guarded = await rows<{ table: string; events: string[] }>(db, sql`
      SELECT c.relname AS "table", array_agg(DISTINCT e.event ORDER BY e.event) AS events
      FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_proc f ON f.oid = g.tgfoid
      CROSS JOIN LATERAL (VALUES (8, 'DELETE'), (16, 'UPDATE'), (32, 'TRUNCATE')) AS e(bit, event)
      WHERE f.proname = 'reject_change_to_append_only' AND g.tgtype & e.bit <> 0
      GROUP BY c.relname ORDER BY c.relname`);
    const logs = await rows<{ table: string }>(db, sql`
      SELECT table_name AS "table" FROM information_schema.tables
      WHERE table_schema = 'public' AND (table_name ~ '_(log|ledger)$' OR table_name IN ('completion_decisions', 'volunteer_hours')) ORDER BY table_name`);
    expect(logs.length).toBeGreaterThanOrEqual(7);
    expect(guarded).toEqual(logs.map(({ table }) => ({ table, events: ['DELETE', 'TRUNCATE', 'UPDATE'] })));
    for (const { table } of logs) {
      await expect(db.execute(sql`TRUNCATE ${sql.identifier(table)} CASCADE`)).rejects.toMatchObject({
        cause: { message: `${table} is append-only: TRUNCATE is not allowed` },
      });
    }
  });

  it('serves OpenAPI 3 describing every route with its schema, and Swagger UI', async () => {
    const spec = (await t.anonymous.get('/api/openapi.json')).json();
    expect(spec.openapi).toMatch(/^3\./);
    const operations = Object.entries(spec.paths as Record<string, Record<string, { responses?: object }>>)
      .flatMap(([route, methods]) => Object.entries(methods).map(([method, op]) => ({ route, method, op })));
    expect(operations.length).toBeGreaterThan(15);
    for (const { route, method, op } of operations) expect(op.responses, `${method} ${route}`).toBeDefined();
    expect(spec.paths['/api/programs'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['q', 'near', 'page', 'pageSize', 'city', 'area']));
    const ui = await t.anonymous.get('/api/docs/');
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });

  it('answers an unknown API route with a JSON 404, and any other path with the web app', async () => {
    const api = await t.anonymous.get('/api/no-such-thing');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({ error: 'not_found', message: expect.stringContaining('/api/no-such-thing') });
    const deepLink = await t.anonymous.get('/programs/123?from=home');
    expect(deepLink.statusCode).toBe(200);
    expect(deepLink.headers['content-type']).toContain('text/html');
    expect(deepLink.body).toContain('<div id="root">');
    expect((await t.anonymous.get('/')).body).toContain('<div id="root">');
    const asset = await t.anonymous.get('/assets/app-123.js');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await t.anonymous.get('/assets/missing-456.js')).statusCode).toBe(404);
  });

  it("sends the build's brotli file of an asset as it is to a browser that reads brotli, and the plain file to others", async () => {
    const brotli = await t.anonymous.request({ method: 'GET', url: '/assets/app-123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(brotli.headers['content-encoding']).toBe('br');
    // The file itself (its length known), not a compression made for this request (streamed, no length).
    expect(Number(brotli.headers['content-length'])).toBe(statSync(path.join(fixtures, 'web/assets/app-123.js.br')).size);
    expect(brotli.headers['content-type']).toContain('javascript');
    expect(brotli.headers['cache-control']).toContain('immutable');
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(readFileSync(path.join(fixtures, 'web/assets/app-123.js'), 'utf8'));
    const plain = await t.anonymous.get('/assets/app-123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(readFileSync(path.join(fixtures, 'web/assets/app-123.js'), 'utf8'));
  });

  it.each([
    ['/api/programs?page=-1', 'page'],
    ['/api/programs?page=abc', 'page'],
    ['/api/programs?pageSize=1000', 'pageSize'],
    ['/api/programs?area=cooking', 'area'],
    ['/api/programs?city=seoul', 'city'],
    ['/api/programs?colour=blue', 'colour'],
    ['/api/programs/0', 'id'],
    ['/api/geography/dongs/12', 'code'],
    ['/api/cities?listing=some', 'listing'],
  ])('rejects %s with a 400 that names the field', async (url, field) => {
    const response = await t.anonymous.get(url);
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body).toMatchObject({ error: 'validation', field });
    // Named as a form labels it (a field no contract has is named only by `field`), never by its property name.
    expect(body.message).toContain(fieldLabel(field, 'ko') ?? '보낸 내용');
    expect(body.message).not.toContain(field);
  });

  it('names the body field that is wrong, missing or unknown', async () => {
    const cases: [unknown, string][] = [
      [{ email: 'not-an-email', password: 'long enough password', displayName: 'x' }, 'email'],
      [{ email: 'a@example.com', password: 'short', displayName: 'x' }, 'password'],
      [{ email: 'a@example.com', password: 'long enough password' }, 'displayName'],
      [{ email: 'a@example.com', password: 'long enough password', displayName: 'x', isAdmin: true }, 'isAdmin'],
      [{ email: 'a@example.com', password: 'long enough password', displayName: 'x', homeDongCode: '3106' }, 'homeDongCode'],
    ];
    for (const [body, field] of cases) {
      const response = await t.anonymous.post('/api/auth/signup', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().field).toBe(field);
    }
  });

  it('says what is wrong in Korean, or in English when asked', async () => {
    const body = { email: 'a@example.com', password: 'long enough password' };
    const korean = await t.anonymous.post('/api/auth/signup', body);
    expect(korean.json()).toMatchObject({ field: 'displayName', message: '이름을 입력해 주세요.' });
    const english = await t.anonymous.request({ method: 'POST', url: '/api/auth/signup', payload: body, headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(english.json()).toMatchObject({ field: 'displayName', message: 'Name is required.' });
    expect((await t.anonymous.get('/api/me/learning')).json().message).toBe('로그인해 주세요.');
  });

  it('refuses broken JSON, other media types and oversized bodies without falling over', async () => {
    const broken = await t.anonymous.request({ method: 'POST', url: '/api/auth/login', payload: '{"email":', headers: { 'content-type': 'application/json' } });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ field: 'body' });
    const form = await t.anonymous.request({ method: 'POST', url: '/api/auth/login', payload: 'email=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.statusCode).toBe(415);
    const huge = await t.anonymous.request({
      method: 'POST', url: '/api/auth/signup', headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(20), displayName: 'y'.repeat(10 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ error: 'payload_too_large', field: 'body' });
    expect((await t.anonymous.get('/api/health')).statusCode).toBe(200);
  });

  it('paginates list endpoints with a total', async () => {
    const first = (await t.anonymous.get('/api/institutions?pageSize=5')).json();
    const second = (await t.anonymous.get('/api/institutions?pageSize=5&page=2')).json();
    expect(first.items).toHaveLength(5);
    expect(first.total).toBeGreaterThan(10);
    expect(second.page).toBe(2);
    expect(new Set([...first.items, ...second.items].map((p: { id: number }) => p.id)).size).toBe(10);
  });

  it('serves boundary polygons from the configured folder, with caching, and 404 for what it lacks', async () => {
    const response = await t.anonymous.get('/api/geography/boundaries/provinces');
    expect(response.statusCode).toBe(200);
    expect(response.json().type).toBe('Topology');
    const etag = response.headers.etag as string;
    const again = await t.anonymous.request({ method: 'GET', url: '/api/geography/boundaries/provinces', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect((await t.anonymous.get('/api/geography/boundaries/dongs')).statusCode).toBe(404);
  });

  it('sends security headers', async () => {
    const response = await t.anonymous.get('/');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});
