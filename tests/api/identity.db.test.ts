/**
 * Residents sign up; everyone logs in and out; sessions live on the server; passwords are hashed.
 * Issue 8, finding 7: guessable passwords are refused at sign-up (also typed on the Korean layout), and
 * repeated failed logins lock the email for a while, known or not, with the owner told at the next login.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstRow } from '../../src/server/platform/database/database.ts';
import { testEngine } from '../support/database.ts';
import { testApp, type TestApp } from '../support/app.ts';
import { DEMO_PASSWORD } from '../../db/seed/accounts.ts';

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
    expect(me.grants).toEqual([expect.objectContaining({ role: 'city_officer', cityCode: '31060', scopeName: '경기 광명시', scopeNameEn: 'Gwangmyeong-si, Gyeonggi' })]);
    const wrong = await t.anonymous.post('/api/auth/login', { email: 'officer@example.com', password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    const nobody = await t.anonymous.post('/api/auth/login', { email: 'nobody@example.com', password: 'not the password' });
    expect(nobody.json().message).toBe(wrong.json().message);
  });

  it('does not let generated residents (who have no password) log in', async () => {
    const response = await t.anonymous.post('/api/auth/login', { email: 'resident.1@example.com', password: 'anything at all' });
    expect(response.statusCode).toBe(401);
  });

  /** Each request from its own address, so the per-address rate limit of the login routes stays out of the way. */
  let address = 0;
  const from = () => `10.8.${(++address >> 8) & 255}.${address & 255}`;
  const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
    t.anonymous.request({ method: 'POST', url, payload, headers, remoteAddress: from() });
  const logIn = (email: string, password: string) => post('/api/auth/login', { email, password });
  const throttle = (email: string) =>
    firstRow<{ failures: number; locks: number; locked_minutes: number | null }>(t.database.db, sql`
      SELECT failures, locks, (extract(epoch FROM locked_until - locked_at) / 60)::int AS locked_minutes
      FROM login_throttles WHERE email_key = ${email}`);
  /** Moves the lock into the past, as if its time had passed (the database's clock decides locks). */
  const lapse = (email: string) =>
    t.database.db.execute(sql`UPDATE login_throttles SET locked_at = locked_at - (locked_until - now()) - interval '1 second',
      locked_until = now() - interval '1 second' WHERE email_key = ${email}`);
  const STRONG = '노을 자전거 라면 창문';
  const newAccount = async (email: string) => {
    const response = await post('/api/auth/signup', { email, password: STRONG, displayName: '김보안' });
    expect(response.statusCode, response.body).toBe(201);
  };

  describe('password strength at sign-up', () => {
    const weak = [
      ['aaaaaaaaaa', 'one key repeated'],
      ['1234567890', 'a sequence'],
      ['qwertyuiop', 'a keyboard row'],
      ['ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔ', 'the same keyboard row typed on the Korean layout'],
      ['password1234', 'a common word and a sequence'],
      ['saranghae1004', 'a common Korean word, romanised, with 천사'],
      ['사랑해요사랑해요사랑', 'a common Korean word typed again and again'],
      ['qlalfqjsgh123', '비밀번호 typed with the Korean layout off'],
    ] as const;
    it.each(weak)('refuses %s (%s) in Korean, saying what to do', async (password) => {
      const response = await post('/api/auth/signup', { email: `weak.${address}@example.com`, password, displayName: '김약함' });
      expect(response.statusCode, response.body).toBe(400);
      const body = response.json();
      expect(body).toMatchObject({ error: 'weak_password', field: 'password' });
      expect(body.message).toMatch(/[가-힣]/);
      expect(body.message).toMatch(/세요/);
    });

    it('refuses the email, its local part or the name inside the password, in English when asked', async () => {
      for (const [email, password, displayName] of [
        ['gildong.hong@example.com', 'gildong.hong@example.com', '홍길동'],
        ['gildong.hong@example.com', 'gildong.hong2024', '홍길동'],
        ['learner@example.com', '홍길동홍길동홍길동홍', '홍길동'],
      ] as const) {
        const response = await post('/api/auth/signup', { email, password, displayName }, { 'accept-language': 'en' });
        expect(response.statusCode, password).toBe(400);
        expect(response.json()).toMatchObject({ error: 'weak_password', field: 'password' });
        expect(response.json().message).toMatch(/email or (your )?name/i);
      }
      const person = await firstRow(t.database.db, sql`SELECT id FROM people WHERE email = 'gildong.hong@example.com'`);
      expect(person).toBeUndefined();
    });

    it('accepts a strong password, in Hangul or not', async () => {
      for (const [email, password] of [['strong.ko@example.com', STRONG], ['strong.en@example.com', 'vivid otter kettle 91']] as const) {
        const response = await post('/api/auth/signup', { email, password, displayName: '김튼튼' });
        expect(response.statusCode, `${password}: ${response.body}`).toBe(201);
      }
    });

    it('tells the sign-up form how strong a password is as it is typed', async () => {
      const weakOne = await post('/api/auth/password-strength', { password: 'ㅈㄷㄱㅅㅇㄹㅎㅗㅓㅏ', email: 'typing@example.com', displayName: '김입력' });
      expect(weakOne.statusCode, weakOne.body).toBe(200);
      expect(weakOne.json()).toMatchObject({ acceptable: false, reason: 'keyboard' });
      expect(weakOne.json().score).toBeLessThan(3);
      expect(weakOne.json().message).toContain('ㅂㅈㄷㄱ');
      const strongOne = await post('/api/auth/password-strength', { password: STRONG }, { 'accept-language': 'en' });
      expect(strongOne.json()).toMatchObject({ acceptable: true, reason: null });
      expect(strongOne.json().score).toBeGreaterThanOrEqual(3);
    });
  });

  describe('locking an email after repeated failed logins', () => {
    it('locks after five wrong passwords, refuses even the right one until the lock lapses, then tells the owner', async () => {
      const email = 'locked.owner@example.com';
      await newAccount(email);
      const wrong = [];
      for (let i = 0; i < 5; i++) wrong.push(await logIn(email, `wrong password ${i}`));
      expect(wrong.map((r) => r.statusCode)).toEqual([401, 401, 401, 401, 429]);
      expect(wrong[3]!.json().message).toMatch(/1번/);
      const locked = await logIn(email, STRONG);
      expect(locked.statusCode).toBe(429);
      expect(locked.json()).toMatchObject({ error: 'account_locked' });
      expect(locked.json().message).toMatch(/\d{1,2}:\d{2}까지/);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
      expect(await throttle(email)).toMatchObject({ failures: 6, locks: 1, locked_minutes: 15 });

      await lapse(email);
      const back = await logIn(email, STRONG);
      expect(back.statusCode, back.body).toBe(200);
      const notice = back.json().securityNotice;
      expect(notice).toMatchObject({ failedAttempts: 6, locks: 1 });
      expect(Date.parse(notice.lockedUntil) - Date.parse(notice.lockedAt)).toBe(15 * 60_000);
      // Kept as the account's security event, told once: the next login has nothing to say, and the count starts again.
      const event = await firstRow<{ failed_attempts: number }>(t.database.db, sql`
        SELECT e.failed_attempts FROM account_security_events e JOIN people p ON p.id = e.person_id WHERE p.email = ${email}`);
      expect(event).toEqual({ failed_attempts: 6 });
      expect(await throttle(email)).toBeUndefined();
      const again = await logIn(email, STRONG);
      expect(again.json().securityNotice).toBeUndefined();
      expect((await logIn(email, 'wrong once more')).statusCode).toBe(401);
    });

    it('lets the right password in on the attempt that would have locked, and tells of the wrong ones only', async () => {
      const email = 'fifth.time.lucky@example.com';
      await newAccount(email);
      for (let i = 0; i < 4; i++) expect((await logIn(email, `wrong ${i}`)).statusCode).toBe(401);
      const right = await logIn(email, STRONG);
      expect(right.statusCode, right.body).toBe(200);
      expect(right.json().securityNotice).toEqual({ failedAttempts: 4, locks: 0, lockedAt: null, lockedUntil: null });
      expect(await throttle(email)).toBeUndefined();
    });

    it('tells of the earlier lock when the attempt that would have locked again is right', async () => {
      const email = 'second.time.lucky@example.com';
      await newAccount(email);
      for (let i = 0; i < 5; i++) await logIn(email, `wrong ${i}`);
      await lapse(email);
      for (let i = 0; i < 4; i++) expect((await logIn(email, `wrong again ${i}`)).statusCode).toBe(401);
      const notice = (await logIn(email, STRONG)).json().securityNotice;
      expect(notice).toMatchObject({ failedAttempts: 9, locks: 1 });
      expect(Date.parse(notice.lockedUntil) - Date.parse(notice.lockedAt)).toBe(15 * 60_000);
    });

    it('locks for twice as long each time the lock is earned again', async () => {
      const email = 'twice.locked@example.com';
      await newAccount(email);
      for (let i = 0; i < 5; i++) await logIn(email, `wrong ${i}`);
      await lapse(email);
      for (let i = 0; i < 4; i++) expect((await logIn(email, `wrong again ${i}`)).statusCode).toBe(401);
      expect((await logIn(email, 'wrong the tenth time')).statusCode).toBe(429);
      expect(await throttle(email)).toMatchObject({ failures: 10, locks: 2, locked_minutes: 30 });
    });

    it('treats an email nobody has the same way, so locks do not tell which emails have accounts', async () => {
      const known = 'known.person@example.com';
      const unknown = 'nobody.here@example.com';
      await newAccount(known);
      const run = async (email: string) => {
        const answers = [];
        for (let i = 0; i < 6; i++) answers.push(await logIn(email, `guess number ${i}`));
        return answers.map((r) => [r.statusCode, r.json().error, r.json().message.replace(/\d+/g, '#'), r.headers['retry-after'] !== undefined]);
      };
      const [fromKnown, fromUnknown] = [await run(known), await run(unknown)];
      expect(fromUnknown).toEqual(fromKnown);
      expect(fromKnown.map(([status]) => status)).toEqual([401, 401, 401, 401, 429, 429]);
      expect(await throttle(unknown)).toMatchObject({ failures: 6, locks: 1 });
      expect(await throttle(known)).toMatchObject({ failures: 6, locks: 1 });
      // The email is one key whatever its case or spaces.
      expect((await logIn('  Nobody.Here@EXAMPLE.com ', 'another guess')).json().error).toBe('account_locked');
    });

    it('counts every one of twenty simultaneous wrong passwords, from twenty addresses', async () => {
      const email = 'many.at.once@example.com';
      await newAccount(email);
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => logIn(email, `parallel guess ${i}`)));
      expect(answers.filter((r) => r.statusCode === 401)).toHaveLength(4);
      expect(answers.filter((r) => r.statusCode === 429)).toHaveLength(16);
      expect(await throttle(email)).toMatchObject({ failures: 20, locks: 1 });
      expect((await logIn(email, STRONG)).statusCode).toBe(429);
    });

    it('still lets the demo accounts in with their existing password', async () => {
      expect((await logIn('resident@example.com', DEMO_PASSWORD)).statusCode).toBe(200);
    });
  });

  describe('limiting logins per address', () => {
    it('refuses a 21st attempt within a minute from one address, even with the right password, while other addresses go on', async () => {
      const sprayer = '10.9.0.1';
      const attempt = (email: string, password: string, remoteAddress: string) =>
        t.anonymous.request({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress });
      // Twenty different emails, one guess each: the per-email lock never starts, only the address limit can stop this.
      const guesses = [];
      for (let i = 0; i < 20; i++) guesses.push((await attempt(`spray.${i}@example.com`, 'one guess each', sprayer)).statusCode);
      expect(guesses).toEqual(Array(20).fill(401));
      const limited = await attempt('officer@example.com', DEMO_PASSWORD, sprayer);
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ error: 'rate_limited', message: expect.stringMatching(/초 뒤에 다시/) });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.cookies.find((c) => c.name === 'lc_session')).toBeUndefined();
      // The limit is the address's, not the account's: the same person from another address logs in.
      expect((await attempt('officer@example.com', DEMO_PASSWORD, '10.9.0.2')).statusCode).toBe(200);
    });
  });

  it('ends the session on logout', async () => {
    const resident = await t.as('resident@example.com');
    expect((await resident.get('/api/auth/me')).statusCode).toBe(200);
    expect((await resident.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await resident.get('/api/auth/me')).statusCode).toBe(401);
  });
});
