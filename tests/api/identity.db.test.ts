/** Residents sign up; everyone logs in and out; sessions live on the server; passwords are hashed. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstRow } from '../../src/server/platform/database/database.ts';
import { testEngine } from '../support/database.ts';
import { testApp, type TestApp } from '../support/app.ts';

describe(`accounts on ${testEngine()}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  const signUp = (email: string) =>
    t.anonymous.post('/api/auth/signup', { email, password: '배움은 평생 계속된다', displayName: '홍길동', birthYear: 1958, homeDongCode: '3603056' });

  it('lets a resident sign up, which logs them in with a safe cookie', async () => {
    const response = await signUp('new.resident@example.com');
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ displayName: '홍길동', homeCityCode: '36030', grants: [] });
    const cookie = response.cookies.find((c) => c.name === 'lc_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await t.anonymous.request({ method: 'GET', url: '/api/auth/me', headers: { cookie: `lc_session=${cookie.value}` } });
    expect(me.json().email).toBe('new.resident@example.com');
  });

  it('stores a scrypt hash, never the password, and only a hash of the session token', async () => {
    const response = await signUp('hash.check@example.com');
    const token = response.cookies.find((c) => c.name === 'lc_session')!.value;
    const person = await firstRow<{ password_hash: string }>(t.database.db, sql`SELECT password_hash FROM people WHERE email = 'hash.check@example.com'`);
    expect(person!.password_hash).toMatch(/^scrypt\$/);
    expect(person!.password_hash).not.toContain('배움은');
    const raw = await firstRow<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM auth_sessions WHERE token_hash = ${token}`);
    expect(raw!.n).toBe(0);
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    await signUp('twice@example.com');
    const again = await signUp('TWICE@example.com');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'conflict', field: 'email' });
  });

  it('rejects a home dong that does not exist', async () => {
    const response = await t.anonymous.post('/api/auth/signup', { email: 'nowhere@example.com', password: 'long enough password', displayName: 'x', homeDongCode: '9999999' });
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('homeDongCode');
  });

  it('logs a demo account in, and refuses a wrong password without saying which part was wrong', async () => {
    const officer = await t.as('officer@example.com');
    const me = (await officer.get('/api/auth/me')).json();
    expect(me.grants).toEqual([expect.objectContaining({ role: 'city_officer', cityCode: '31060', scopeName: '경기 광명시' })]);
    const wrong = await t.anonymous.post('/api/auth/login', { email: 'officer@example.com', password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    const nobody = await t.anonymous.post('/api/auth/login', { email: 'nobody@example.com', password: 'not the password' });
    expect(nobody.json().message).toBe(wrong.json().message);
  });

  it('does not let generated residents (who have no password) log in', async () => {
    const response = await t.anonymous.post('/api/auth/login', { email: 'resident.1@example.com', password: 'anything at all' });
    expect(response.statusCode).toBe(401);
  });

  it('ends the session on logout', async () => {
    const resident = await t.as('resident@example.com');
    expect((await resident.get('/api/auth/me')).statusCode).toBe(200);
    expect((await resident.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await resident.get('/api/auth/me')).statusCode).toBe(401);
  });
});
