/**
 * Issue 11, finding 6, in a real browser: a resident who forgot their password asks from the login page on a phone,
 * gets the link by email (through the outbox to a real SMTP server), chooses a new password on the page it opens
 * and is logged in there; the session they had on a desktop has ended, and the link does not work a second time.
 * Every screen is checked with axe and at 390 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkScreen, chromiumAvailable, logIn, type RunningServer } from '../support/browser.ts';
import { deliveredLink, openMailWorld, type MailWorld, type Mailroom } from '../support/colleagues.ts';

const EMAIL = 'resident@example.com';
const NEW_PASSWORD = 'Copper-Meadow-Violin-73?';

describe.skipIf(!chromiumAvailable)('a resident resets a forgotten password', () => {
  let world: MailWorld;
  let server: RunningServer;
  let mailroom: Mailroom;
  let phone: Page;
  let desktop: Page;
  let link: string;

  beforeAll(async () => {
    world = await openMailWorld();
    ({ server, mailroom, desktop: desktop, phone: phone } = world);
  });
  afterAll(() => world?.close());

  it('asks for a link from the login page, and is told the same as anyone would be', async () => {
    await logIn(desktop, server.url, EMAIL);
    await phone.goto(`${server.url}/login`);
    // In the demo, the login page names its accounts (and no README).
    await phone.getByText(/^체험판입니다\. 체험용 계정\(비밀번호는 모두 learning-city-2001\): 주민 resident@example\.com/).waitFor();
    expect(await phone.locator('main').textContent()).not.toContain('README');
    await phone.getByRole('link', { name: '비밀번호를 잊으셨나요?' }).click();
    await phone.getByRole('heading', { level: 1, name: '비밀번호 찾기' }).waitFor();
    await phone.getByLabel('이메일').fill(EMAIL);
    await phone.getByRole('button', { name: '링크 보내기' }).click();
    await phone.getByRole('status').filter({ hasText: /^이 이메일로 가입한 계정이 있으면 비밀번호를 새로 정하는 링크를 보냈습니다\./ }).waitFor();
    await checkScreen(phone, 'password-reset', 'link asked for');
  });

  it('the link arrives by email', async () => {
    const delivered = await deliveredLink(mailroom, server.url, EMAIL, '/reset-password');
    expect(delivered.mail.subject).toBe('[평생학습도시] 비밀번호를 새로 정하는 링크');
    expect(delivered.mail.text).toContain('60분 동안 한 번만 쓸 수 있습니다');
    link = delivered.link;
  });

  it('opens it, refuses a weak password beside its field, sets a strong one and is logged in', async () => {
    await phone.goto(link);
    await phone.getByRole('heading', { level: 1, name: '새 비밀번호 정하기' }).waitFor();
    await phone.getByText(new RegExp(`^${EMAIL} 계정의 새 비밀번호를 정해 주세요`)).waitFor();
    await checkScreen(phone, 'password-reset', 'choosing a new password');
    const field = phone.getByLabel('새 비밀번호', { exact: true });
    await field.fill('resident12345');
    await phone.getByRole('button', { name: '새 비밀번호로 바꾸기' }).click();
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    await field.fill(NEW_PASSWORD);
    await phone.getByRole('button', { name: '새 비밀번호로 바꾸기' }).click();
    await phone.getByRole('status').filter({ hasText: '비밀번호를 바꾸었습니다. 다른 기기에서는 모두 로그아웃되었습니다.' }).waitFor();
    await phone.getByRole('button', { name: '로그아웃' }).waitFor();
    await checkScreen(phone, 'password-reset', 'password changed');
  });

  it('the desktop session has ended, and the link does not work again', async () => {
    await desktop.reload();
    await desktop.getByRole('link', { name: '로그인' }).first().waitFor();
    await phone.goto(`${server.url}/`);
    await phone.goto(link);
    await phone.getByRole('alert').filter({ hasText: '이미 사용한 링크입니다.' }).waitFor();
    await checkScreen(phone, 'password-reset', 'link used');
  });
});
