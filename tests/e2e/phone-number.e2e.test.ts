/**
 * Issue 11, finding 6, on a 390 px phone: a course that promises text messages asks a resident with no mobile number
 * for one as they enrol (optional: a wrong one is explained beside the field, an empty one enrols without texts), and
 * My learning shows the number as kept (010-1234-5678) and removes it. Every screen is checked with axe in both modes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays } from '../../src/shared/lib/schedule.ts';
import { todayInKorea } from '../../src/server/platform/clock.ts';
import { apiAs, checkScreen, chromiumAvailable, logIn, openPhone, type PhoneWorld, type RunningServer } from '../support/browser.ts';

describe.skipIf(!chromiumAvailable)('a course that sends text messages asks for a mobile number', () => {
  let world: PhoneWorld;
  let server: RunningServer;
  let page: Page;
  const courses: Record<'texting' | 'texting2', { id: number; title: string }> = {} as never;

  beforeAll(async () => {
    world = await openPhone();
    ({ server, page } = world);
    const staff = await apiAs(server, 'staff@example.com');
    const institutionId = (await staff('GET', '/api/auth/me')).json().grants[0].institutionId as number;
    for (const [key, weekday] of [['texting', 'tue'], ['texting2', 'thu']] as const) {
      const title = `문자 알림 받는 수채화 ${weekday}`;
      const made = await staff('POST', '/api/programs', {
        institutionId, title, description: '수업 전날 문자로 알려 드리는 수채화 교실입니다.', area: 'culture_arts', subcategory: 'everyday_arts',
        targetGroups: ['all'], mode: 'online', startsOn: addDays(todayInKorea(), 14), weekdays: [weekday], startTime: '10:00', endTime: '12:00',
        sessionCount: 4, capacity: 10, feeKrw: 0, textReminders: true,
      });
      expect(made.statusCode, made.body).toBe(201);
      courses[key] = { id: made.json().id, title };
    }
    await logIn(page, server.url, 'resident@example.com');
  });
  afterAll(() => world?.close());

  const panel = () => page.getByRole('region', { name: '수강 신청' });
  const focused = () => page.evaluate(() => ({ label: document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim() ?? '', tag: document.activeElement?.tagName }));

  it('says so on the course page and asks for the number in the enrol box; a wrong one is explained beside it', async () => {
    await page.goto(`${server.url}/programs/${courses.texting.id}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(courses.texting.title);
    await page.getByText('이 강좌는 수업 알림을 문자 메시지로 보냅니다. 받으려면 내 학습에서').waitFor();
    const phone = panel().getByLabel('휴대전화 번호');
    await phone.waitFor();
    await checkScreen(page, 'phone-number', 'course that texts');

    await phone.fill('02-123-4567');
    await panel().getByRole('button', { name: '신청하기' }).click();
    await expect.poll(() => panel().locator('.form-hint-invalid').textContent()).toBe('휴대전화 번호는 010으로 시작하는 휴대전화 번호(010-1234-5678)로 입력해 주세요.');
    // The keyboard is on the field to fix, and nothing was taken.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('tel');
    expect(await panel().getByRole('button', { name: '신청하기' }).count()).toBe(1);
    await checkScreen(page, 'phone-number', 'wrong number');

    await phone.fill('010 9876 5432');
    await panel().getByRole('button', { name: '신청하기' }).click();
    await expect.poll(() => panel().getByRole('status').first().textContent()).toContain('신청 완료');
    await expect.poll(async () => (await focused()).label).toContain('신청 완료');
  });

  it('asks no more once the number is kept', async () => {
    await page.goto(`${server.url}/programs/${courses.texting2.id}`);
    await panel().getByRole('button', { name: '신청하기' }).waitFor();
    expect(await panel().getByLabel('휴대전화 번호').count()).toBe(0);
  });

  it('shows the number as kept on My learning, and removes it', async () => {
    await page.goto(`${server.url}/me`);
    const phone = page.getByLabel('휴대전화 번호');
    await expect.poll(() => phone.inputValue()).toBe('010-9876-5432');
    await checkScreen(page, 'phone-number', 'my learning with a number');
    await page.getByRole('button', { name: '번호 지우기' }).click();
    await expect.poll(async () => (await focused()).label).toBe('휴대전화 번호를 지웠습니다.');
    await expect.poll(() => phone.inputValue()).toBe('');

    // With no number, the next course that texts asks again, and an empty field enrols without one.
    await page.goto(`${server.url}/programs/${courses.texting2.id}`);
    await panel().getByLabel('휴대전화 번호').waitFor();
    await panel().getByRole('button', { name: '신청하기' }).click();
    await expect.poll(() => panel().getByRole('status').first().textContent()).toContain('신청 완료');
    const me = await (await apiAs(server, 'resident@example.com'))('GET', '/api/auth/me');
    expect(me.json().phone).toBeNull();
  });
});
