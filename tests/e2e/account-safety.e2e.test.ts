/**
 * Issue 8, finding 7, as a person meets it: the sign-up form shows how strong the password is (also when typed
 * in Hangul) and the server's refusal beside the field; five wrong passwords lock the login with a time to come
 * back; after the lock the owner logs in and is told, once, what happened.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { chromiumAvailable, launchBrowser, seriousAccessibilityViolations, startServer, type RunningServer } from '../support/browser.ts';

const EMAIL = 'safe.account@example.com';
const STRONG = '노을 자전거 라면 창문';

/** The text the password field is described by (its hint or its error), as a screen reader reads it. */
const description = (field: Locator) =>
  field.evaluate((input) => (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '));

describe.skipIf(!chromiumAvailable)('a resident’s account is kept safe', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the strength of a new password, refuses a weak one, locks after wrong ones and tells the owner after', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ko-KR' });
    const page = await context.newPage();
    await page.goto(`${server.url}/signup`);
    await page.getByLabel('이름').fill('김보안');
    await page.getByLabel('이메일').fill(EMAIL);
    const password = page.getByLabel('비밀번호', { exact: true });

    // qwertyuiop, typed on the Korean layout.
    await password.fill('ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔ');
    await expect.poll(() => description(password)).toContain('비밀번호 강도: 약함');
    expect(await description(password)).toContain('한글로 쳐도');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '가입하기' }).click();
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    expect(await description(password)).toContain('서로 관계없는 낱말');

    await password.fill(STRONG);
    await expect.poll(() => description(password)).toContain('강함');
    expect(await password.getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('button', { name: '가입하기' }).click();
    await page.waitForURL(/\/me$/);
    await page.getByRole('button', { name: '로그아웃' }).click();

    await page.goto(`${server.url}/login`);
    await page.getByLabel('이메일').fill(EMAIL);
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('비밀번호').fill(`틀린 비밀번호 ${i}`);
      await page.getByRole('button', { name: '로그인', exact: true }).last().click();
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(i < 4 ? /맞지 않습니다/ : /까지 로그인할 수 없습니다/);
    }
    await page.getByLabel('비밀번호').fill(STRONG);
    await page.getByRole('button', { name: '로그인', exact: true }).last().click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/\d{1,2}:\d{2}까지 로그인할 수 없습니다/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The lock's time passes (the database's clock decides it).
    await server.database.db.execute(sql`UPDATE login_throttles SET locked_at = locked_at - (locked_until - now()) - interval '1 second',
      locked_until = now() - interval '1 second' WHERE email_key = ${EMAIL}`);
    await page.getByRole('button', { name: '로그인', exact: true }).last().click();
    await page.getByRole('heading', { name: '로그인 실패 알림' }).waitFor();
    const notice = await page.getByRole('alert').textContent();
    expect(notice).toContain('실패한 시도가 6번');
    expect(notice).toMatch(/1번 잠겼습니다.*부터.*까지/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: '계속' }).click();
    await page.waitForURL(/\/me$/);

    // Told once: the next login goes straight on.
    await page.getByRole('button', { name: '로그아웃' }).click();
    await page.goto(`${server.url}/login`);
    await page.getByLabel('이메일').fill(EMAIL);
    await page.getByLabel('비밀번호').fill(STRONG);
    await page.getByRole('button', { name: '로그인', exact: true }).last().click();
    await page.waitForURL(/\/me$/);
    await context.close();
  });
});
