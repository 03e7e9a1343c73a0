/**
 * Steps of a browser journey where a manager brings in a colleague: the invitation sent from the colleagues page,
 * delivered through the outbox to a real SMTP server (the mailroom, which other journeys that mail a link use too),
 * and the invitee signing up from its link and accepting.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { createMailSender, type MailSender } from '../../src/server/platform/mail/sender.ts';
import { DESKTOP, PHONE, launchBrowser, startServer, type RunningServer } from './browser.ts';
import { startSmtpServer, type Received, type TestSmtpServer } from './smtp.ts';

export interface Mailroom {
  smtp: TestSmtpServer;
  sender: MailSender;
  close(): Promise<void>;
}

/** A real SMTP server and an outbox sender for the test server's database, to send the queued mail when the test says. */
export async function startMailroom(server: RunningServer): Promise<Mailroom> {
  const smtp = await startSmtpServer();
  // Sent now rather than by the background sender (mail is queued with the database's clock).
  const sender = await createMailSender(server.database.db, { url: smtp.url, from: '평생학습도시 <no-reply@learning.example.kr>', now: () => new Date(Date.now() + 60_000) });
  return {
    smtp,
    sender,
    async close() {
      sender.close();
      await smtp.close();
    },
  };
}

/** On the colleagues page, as its manager: invites `email` in the role whose label starts with `role` (e.g. 담당자). */
export async function sendInvitation(manager: Page, email: string, role: string): Promise<void> {
  await manager.getByLabel('초대할 사람의 이메일').fill(email);
  await manager.getByLabel(new RegExp(`^${role} — `)).check();
  await manager.getByRole('button', { name: '초대 이메일 보내기' }).click();
  await manager.getByText(`${email} 주소로 초대 이메일을 보냈습니다.`).waitFor();
}

/** Sends the outbox (exactly one mail in it, to `email`) and returns it with its link to `page` (e.g. /invitation), pointed at the test server. */
export async function deliveredLink(mailroom: Mailroom, serverUrl: string, email: string, page: string): Promise<{ mail: Received; link: string }> {
  const before = mailroom.smtp.inbox.length;
  expect(await mailroom.sender.sendDue()).toMatchObject({ sent: 1, failed: 0 });
  const mail = mailroom.smtp.inbox[before]!;
  expect(mail.to).toEqual([email]);
  const found = new URL(new RegExp(`https?://\\S+${page}#[A-Za-z0-9_-]{43}`).exec(mail.text)![0]);
  // The email's links start with the configured public address; the test server listens elsewhere.
  return { mail, link: `${serverUrl}${found.pathname}${found.hash}` };
}

/** Sends the outbox (exactly the one invitation in it) and returns the email with its link. */
export const deliveredInvitation = (mailroom: Mailroom, serverUrl: string, email: string) => deliveredLink(mailroom, serverUrl, email, '/invitation');

/** On the invitation, without an account: signs up as `name` with `password` (the email comes from the invitation); ends back on the invitation. */
export async function signUpFromInvitation(invitee: Page, email: string, name: string, password: string): Promise<void> {
  await invitee.getByRole('heading', { level: 1, name: '동료 초대' }).waitFor();
  await invitee.getByRole('link', { name: '가입하기' }).first().click();
  await invitee.getByRole('heading', { level: 1, name: '회원가입' }).waitFor();
  expect(await invitee.getByLabel('이메일').inputValue()).toBe(email);
  await invitee.getByLabel('이름').fill(name);
  await invitee.getByLabel('비밀번호', { exact: true }).fill(password);
  await invitee.locator('form').getByRole('button', { name: '가입하기' }).click();
  await invitee.getByText(`${name}(${email}) 계정으로 수락합니다.`).waitFor();
}

/** Accepts the invitation on screen by keyboard; the invitee is then one of the institution's people. */
export async function acceptInvitation(invitee: Page): Promise<void> {
  await invitee.getByRole('button', { name: '초대 수락' }).focus();
  await invitee.keyboard.press('Enter');
  await invitee.getByRole('status').filter({ hasText: /^이제 .+의 .+입니다\.$/ }).waitFor();
}

/** A journey that reads mail: the server, a real SMTP mailroom, and a desktop and a phone open in Korea's time zone. */
export interface MailWorld {
  server: RunningServer;
  browser: Browser;
  mailroom: Mailroom;
  desktop: Page;
  phone: Page;
  close(): Promise<void>;
}

export async function openMailWorld(): Promise<MailWorld> {
  const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const mailroom = await startMailroom(server);
  const open = (viewport: typeof DESKTOP, extra = {}) => browser.newContext({ viewport, locale: 'ko-KR', timezoneId: 'Asia/Seoul', ...extra });
  const contexts: BrowserContext[] = [await open(DESKTOP), await open(PHONE, { isMobile: true, hasTouch: true })];
  const [desktop, phone] = await Promise.all([contexts[0]!.newPage(), contexts[1]!.newPage()]);
  return {
    server, browser, mailroom, desktop, phone,
    async close() {
      for (const context of contexts) await context.close();
      await mailroom.close();
      await browser.close();
      await server.close();
    },
  };
}
