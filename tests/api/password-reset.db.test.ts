/**
 * Issue 11, finding 6: a person who forgot their password asks for a link by email (the same answer whether or
 * not the email has an account), which works once, for an hour, and only while it is the latest; only its hash
 * is kept. Setting the new password (judged as at sign-up) ends every other session and logs them in.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_RESETS_PER_HOUR } from '../../src/shared/vocabulary/index.ts';
import { firstRow, rows } from '../../src/server/platform/database/database.ts';
import { testEngine } from '../support/database.ts';
import { testApp, type TestApp } from '../support/app.ts';
import { createMailSender } from '../../src/server/platform/mail/sender.ts';
import { loadConfig } from '../../src/server/config.ts';

const STRONG = 'Quiet-Harbor-Lantern-58!';
const NEWER = 'Copper-Meadow-Violin-73?';

describe(`password reset on ${testEngine()}`, () => {
  let t: TestApp;
  let accounts = 0;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  /** Each request from its own address, so the per-address rate limit stays out of the way (one test tries it). */
  let address = 0;
  const from = () => `10.9.${(++address >> 8) & 255}.${address & 255}`;
  const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
    t.anonymous.request({ method: 'POST', url, payload, headers, remoteAddress: from() });
  const ask = (email: string, headers: Record<string, string> = {}) => post('/api/auth/password-reset', { email }, headers);
  const confirm = (token: string, password = NEWER) => post('/api/auth/password-reset/confirm', { token, password });

  async function account() {
    const email = `forgetful.${process.pid}.${(accounts += 1)}@example.com`;
    const made = await post('/api/auth/signup', { email, password: STRONG, displayName: '김기억' });
    expect(made.statusCode, made.body).toBe(201);
    return { email, cookie: `lc_session=${made.cookies.find((c) => c.name === 'lc_session')!.value}` };
  }

  const mailsTo = (email: string) => rows<{ subject: string; text: string }>(t.database.db, sql`
    SELECT subject, text_body AS text FROM mail_outbox WHERE lower(to_address) = lower(${email}) ORDER BY id`);
  /** The secret of the latest reset link mailed to `email`. */
  async function linkTo(email: string): Promise<string> {
    const mail = (await mailsTo(email)).at(-1)!;
    return /\/reset-password#([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
  }

  it('gives the same answer whether or not the email has an account, and mails a link only to an account', async () => {
    const { email } = await account();
    const known = await ask(email);
    const unknown = await ask(`nobody.${process.pid}@example.com`);
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    expect(known.json().message).toContain('이 이메일로 가입한 계정이 있으면');
    const english = await ask(`nobody.${process.pid}@example.com`, { 'accept-language': 'en' });
    expect(english.json().message).toMatch(/^If an account uses this email/);
    expect(await mailsTo(`nobody.${process.pid}@example.com`)).toEqual([]);
    const [mail] = await mailsTo(email);
    expect(mail!.subject).toBe('[평생학습도시] 비밀번호를 새로 정하는 링크');
    expect(mail!.text).toContain('60분 동안 한 번만');
    // Only the SHA-256 of the link's secret is stored.
    const token = await linkTo(email);
    const stored = await firstRow<{ n: number }>(t.database.db, sql`
      SELECT count(*)::int AS n FROM password_resets WHERE token_hash = ${createHash('sha256').update(token).digest('hex')}`);
    expect(stored!.n).toBe(1);
    expect((await firstRow<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM password_resets WHERE token_hash = ${token}`))!.n).toBe(0);
  });

  it('sets the new password once, ends every other session, and logs in', async () => {
    const { email, cookie } = await account();
    await ask(email);
    const token = await linkTo(email);
    const preview = await post('/api/auth/password-reset/preview', { token });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ email });

    const done = await confirm(token);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ email, displayName: '김기억' });
    const fresh = `lc_session=${done.cookies.find((c) => c.name === 'lc_session')!.value}`;
    expect((await t.anonymous.request({ method: 'GET', url: '/api/auth/me', headers: { cookie: fresh } })).statusCode).toBe(200);
    // The session opened before the reset (someone else's, perhaps) has ended.
    expect((await t.anonymous.request({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
    expect((await post('/api/auth/login', { email, password: STRONG })).statusCode).toBe(401);
    expect((await post('/api/auth/login', { email, password: NEWER })).statusCode).toBe(200);

    const again = await confirm(token, 'Another-Quite-Long-Phrase-91');
    expect(again.statusCode).toBe(410);
    expect(again.json()).toMatchObject({ error: 'reset_link_used', field: 'token', message: expect.stringContaining('한 번만') });
  });

  it('refuses an expired link, one replaced by a newer request, and one that never existed', async () => {
    const { email } = await account();
    await ask(email);
    const older = await linkTo(email);
    await ask(email);
    const newer = await linkTo(email);
    expect(newer).not.toBe(older);
    const superseded = await confirm(older);
    expect(superseded.statusCode).toBe(410);
    expect(superseded.json()).toMatchObject({ error: 'reset_link_superseded', message: expect.stringContaining('가장 최근 이메일') });

    await t.database.db.execute(sql`
      UPDATE password_resets SET expires_at = now() - interval '1 second'
      WHERE token_hash = ${createHash('sha256').update(newer).digest('hex')}`);
    const expired = await confirm(newer);
    expect(expired.statusCode).toBe(410);
    expect(expired.json()).toMatchObject({ error: 'reset_link_expired', message: expect.stringContaining('60분') });
    expect((await post('/api/auth/password-reset/preview', { token: newer })).statusCode).toBe(410);

    const unknown = await post('/api/auth/password-reset/confirm', { token: 'A'.repeat(43), password: NEWER }, { 'accept-language': 'en' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: 'reset_link_not_found', message: expect.stringMatching(/^This password reset link was not found/) });
    expect((await post('/api/auth/login', { email, password: STRONG })).statusCode).toBe(200);
  });

  it('judges the new password as sign-up does, and leaves the link usable after a refusal', async () => {
    const { email } = await account();
    await ask(email);
    const token = await linkTo(email);
    const weak = await confirm(token, `${email.split('@')[0]}1`);
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ error: 'weak_password', field: 'password' });
    const short = await confirm(token, 'short');
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ field: 'password' });
    expect((await confirm(token)).statusCode).toBe(200);
  });

  it('mails one account at most a few links an hour, with the same answer after that', async () => {
    const { email } = await account();
    const answers = [];
    for (let i = 0; i < PASSWORD_RESETS_PER_HOUR + 2; i++) answers.push((await ask(email)).body);
    expect(new Set(answers).size).toBe(1);
    expect(await mailsTo(email)).toHaveLength(PASSWORD_RESETS_PER_HOUR);
  });

  it('limits requests from one address', async () => {
    const statuses = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await t.anonymous.request({ method: 'POST', url: '/api/auth/password-reset', payload: { email: `flood${i}@example.com` }, remoteAddress: '10.99.0.1' })).statusCode);
    }
    expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    expect(statuses.at(-1)).toBe(429);
  });

  it('in the demo (no SMTP_URL), the console outbox prints the email with its link', async () => {
    expect(loadConfig({}).mailToConsole).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://db.example/lc' }).mailToConsole).toBe(false);
    expect(loadConfig({ SMTP_URL: 'smtp://mail.example:25' }).mailToConsole).toBe(false);
    const { email } = await account();
    await ask(email);
    const printed: string[] = [];
    const sender = await createMailSender(t.database.db, { console: (text) => printed.push(text), from: 'no-reply@learning.example.kr', now: () => new Date(Date.now() + 60_000) });
    const report = await sender.sendDue();
    expect(report.failed).toBe(0);
    const mail = printed.find((text) => text.includes(`To: ${email}`))!;
    expect(mail).toContain('Subject: [평생학습도시] 비밀번호를 새로 정하는 링크');
    expect(mail).toContain(`/reset-password#${await linkTo(email)}`);
    expect((await firstRow<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM mail_outbox WHERE status = 'pending'`))!.n).toBe(0);
  });
});
