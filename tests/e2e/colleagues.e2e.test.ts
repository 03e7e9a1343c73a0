/**
 * Issue 10, item 2, in a real browser: the manager of the Gwangmyeong centre reaches its colleagues from the menu,
 * invites a colleague by email (delivered through the outbox to a real SMTP server); the invitee opens the link on
 * a phone, signs up from it, comes back and accepts by keyboard; the link then says it was used. The manager sees
 * the new colleague and the log, changes the colleague's role by keyboard, and is told why they cannot step down
 * as the only manager; the page reads in English too. Every screen is checked with axe and at 390 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkScreen, chromiumAvailable, logIn, type RunningServer } from '../support/browser.ts';
import {
  acceptInvitation, deliveredInvitation, openMailWorld, sendInvitation, signUpFromInvitation, type MailWorld, type Mailroom,
} from '../support/colleagues.ts';

const INVITEE = 'new.colleague@example.com';
/** Set to a folder to keep a screenshot of every checked screen (for looking at the layout). */

describe.skipIf(!chromiumAvailable)('a manager invites a colleague who accepts', () => {
  let world: MailWorld;
  let server: RunningServer;
  let mailroom: Mailroom;
  let manager: Page;
  let invitee: Page;
  let colleaguesUrl: string;
  let link: string;

  beforeAll(async () => {
    world = await openMailWorld();
    ({ server, mailroom, desktop: manager, phone: invitee } = world);
  });
  afterAll(() => world?.close());

  it('the manager reaches the colleagues from the menu and sends an invitation', async () => {
    await logIn(manager, server.url, 'staff@example.com');
    await manager.getByRole('navigation', { name: '메뉴', exact: true }).getByRole('link', { name: /^우리 기관 · / }).click();
    await manager.getByRole('link', { name: '동료', exact: true }).click();
    await manager.getByRole('heading', { level: 1, name: /^동료 · / }).waitFor();
    colleaguesUrl = manager.url();
    // The manager alone, so far.
    const list = manager.getByRole('region', { name: '동료 목록' });
    await expect.poll(() => list.getByRole('row').count()).toBe(2);
    await list.getByRole('rowheader', { name: /이민호 \(본인\)/ }).waitFor();
    await checkScreen(manager, 'colleagues', 'colleagues before inviting');

    await sendInvitation(manager, INVITEE, '담당자');
    await manager.getByRole('region', { name: '수락을 기다리는 초대' }).getByRole('rowheader', { name: INVITEE }).waitFor();
    await checkScreen(manager, 'colleagues', 'invitation sent');
  });

  it('the invitation arrives by email with its link', async () => {
    const delivered = await deliveredInvitation(mailroom, server.url, INVITEE);
    expect(delivered.mail.subject).toMatch(/^\[평생학습도시\] .+에서 함께 일하자고 초대했습니다$/);
    expect(delivered.mail.text).toContain('이민호님이 평생학습도시 플랫폼의');
    link = delivered.link;
  });

  it('the invitee opens it on a phone, signs up from it and accepts by keyboard', async () => {
    await invitee.goto(link);
    await invitee.getByRole('heading', { level: 1, name: '동료 초대' }).waitFor();
    await invitee.getByText(/이민호님이 .+의 담당자\(으\)로 함께 일하자고 초대했습니다/).waitFor();
    await invitee.getByText(INVITEE).waitFor();
    await checkScreen(invitee, 'colleagues', 'invitation before an account');

    // Back on the invitation, now as the new account.
    await signUpFromInvitation(invitee, INVITEE, '한새봄', '노을 자전거 라면 창문');
    await checkScreen(invitee, 'colleagues', 'invitation with an account');
    await acceptInvitation(invitee);
    await invitee.getByRole('status').filter({ hasText: /^이제 .+의 담당자입니다\.$/ }).waitFor();
    // The menu now leads to the institution.
    await invitee.getByRole('navigation', { name: '메뉴', exact: true }).getByRole('link', { name: /^우리 기관 · / }).waitFor();
    await checkScreen(invitee, 'colleagues', 'invitation accepted');

    // The link worked once.
    await invitee.goto(`${server.url}/`);
    await invitee.goto(link);
    await invitee.getByRole('alert').filter({ hasText: '이미 수락된 초대입니다. 초대 링크는 한 번만 쓸 수 있습니다.' }).waitFor();
    await checkScreen(invitee, 'colleagues', 'used link');
    // As staff, the colleague sees who works there, without the manager's controls.
    await invitee.goto(colleaguesUrl);
    await invitee.getByRole('rowheader', { name: /한새봄 \(본인\)/ }).waitFor();
    expect(await invitee.getByRole('button', { name: /역할 바꾸기/ }).count()).toBe(0);
    expect(await invitee.getByLabel('초대할 사람의 이메일').count()).toBe(0);
  });

  it('the manager sees the new colleague and the log, changes the role by keyboard, and may not step down alone', async () => {
    await manager.goto(colleaguesUrl);
    const list = manager.getByRole('region', { name: '동료 목록' });
    const row = list.getByRole('row').filter({ hasText: '한새봄' });
    await row.getByRole('cell', { name: '담당자', exact: true }).waitFor();
    await manager.getByRole('region', { name: '수락을 기다리는 초대' }).waitFor({ state: 'detached' });
    await manager.getByText('수락을 기다리는 초대가 없습니다.').waitFor();
    const log = manager.getByRole('region', { name: '변경 기록' });
    await log.getByRole('row').filter({ hasText: '초대 수락' }).filter({ hasText: '한새봄' }).waitFor();
    await log.getByRole('row').filter({ hasText: /^.*초대.*new\.colleague@example\.com.*이민호$/ }).first().waitFor();

    // By keyboard: choose 강사 in the row's select and submit.
    await row.getByLabel('한새봄님의 역할').focus();
    await row.getByLabel('한새봄님의 역할').selectOption('institution_instructor');
    await manager.keyboard.press('Tab');
    await manager.keyboard.press('Enter');
    await manager.getByRole('status').filter({ hasText: '한새봄님의 역할을 강사(으)로 바꾸었습니다.' }).waitFor();
    expect(await manager.evaluate(() => document.activeElement?.textContent)).toBe('한새봄님의 역할을 강사(으)로 바꾸었습니다.');
    await list.getByRole('row').filter({ hasText: '한새봄' }).getByRole('cell', { name: '강사', exact: true }).waitFor();
    await log.getByRole('row').filter({ hasText: '역할 변경' }).filter({ hasText: '담당자 → 강사' }).waitFor();

    // The only manager cannot make themselves staff: the server says why, beside the row.
    const own = list.getByRole('row').filter({ hasText: '이민호 (본인)' });
    await own.getByLabel('이민호님의 역할').selectOption('institution_staff');
    await own.getByRole('button', { name: /역할 바꾸기/ }).click();
    await own.getByRole('alert').filter({ hasText: '관리자는 본인 한 사람뿐입니다' }).waitFor();
    await checkScreen(manager, 'colleagues', 'after changes');

    await manager.getByRole('button', { name: 'English' }).click();
    await manager.getByRole('heading', { level: 1, name: /^Colleagues · / }).waitFor();
    await manager.getByRole('region', { name: 'Change log' }).getByRole('row').filter({ hasText: 'Role changed' }).filter({ hasText: 'Staff → Instructor' }).waitFor();
    await checkScreen(manager, 'colleagues', 'in English');
    await manager.getByRole('button', { name: '한국어' }).click();
  });
});
