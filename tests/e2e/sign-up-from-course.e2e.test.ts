/**
 * Issue 11, finding 6, on a 390 px phone: a newcomer searches, opens a course, is offered sign-up beside the login
 * in the enrol box, signs up (picking their dong by name) and lands back on the course, where they enrol. The login
 * page shows no demo hint outside the demo. Every screen is checked with axe and at 390 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ProgramDetail, SearchResult } from '../../src/shared/contracts/programs.ts';
import { todayInKorea } from '../../src/server/platform/clock.ts';
import { checkScreen, chromiumAvailable, openPhone, type PhoneWorld, type RunningServer } from '../support/browser.ts';

describe.skipIf(!chromiumAvailable)('a newcomer signs up from a course and comes back to enrol', () => {
  let world: PhoneWorld;
  let server: RunningServer;
  let page: Page;
  let course: ProgramDetail;

  beforeAll(async () => {
    world = await openPhone({ DEMO: 'false' });
    ({ server, page } = world);
    // A free course anyone may enrol in online today, with places left (from the demo's catalogue).
    const today = todayInKorea();
    const hits = (await server.app.inject({ method: 'GET', url: '/api/programs?seatsLeft=true&fee=free&pageSize=100' })).json<SearchResult>().items;
    for (const hit of hits) {
      const detail = (await server.app.inject({ method: 'GET', url: `/api/programs/${hit.id}` })).json<ProgramDetail>();
      const open = detail.status === 'published' && detail.registrationMode === 'online' && detail.seatsLeft > 0 && detail.minAge === null && detail.maxAge === null
        && (!detail.residentsFirst || (detail.openToAllOn !== null && detail.openToAllOn <= today))
        && (detail.enrolmentOpensOn === null || detail.enrolmentOpensOn <= today) && (detail.enrolmentClosesOn === null || detail.enrolmentClosesOn >= today);
      if (open) {
        course = detail;
        break;
      }
    }
    expect(course, 'a course open to anyone online today').toBeDefined();
  });
  afterAll(() => world?.close());

  it('finds the course and is offered sign-up beside the login', async () => {
    await page.goto(`${server.url}/programs`);
    await page.getByRole('searchbox', { name: '배우고 싶은 것' }).fill(course.title);
    await page.getByRole('search').getByRole('button', { name: '찾기' }).click();
    await page.getByRole('link', { name: course.title, exact: true }).first().click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(course.title);
    const courseUrl = page.url();
    const panel = page.getByRole('region', { name: '수강 신청' });
    await panel.getByText('계정이 없으면 회원가입을 하고 바로 이 강좌로 돌아옵니다.').waitFor();
    await checkScreen(page, 'sign-up-from-course', 'course, logged out');
    await panel.getByRole('link', { name: '회원가입' }).click();

    await page.getByRole('heading', { level: 1, name: '회원가입' }).waitFor();
    await page.getByLabel('이름').fill('박새내');
    await page.getByLabel('이메일').fill('newcomer@example.com');
    await page.getByLabel('비밀번호', { exact: true }).fill('Quiet-Harbor-Lantern-58!');
    await page.getByLabel('사는 동네 (읍·면·동)').first().fill('철산');
    const dong = page.getByRole('combobox', { name: '사는 동네 (읍·면·동)' });
    await expect.poll(() => dong.locator('option').count()).toBeGreaterThan(1);
    // Names, not codes.
    const options = await dong.locator('option').allTextContents();
    expect(options.some((o) => o.includes('철산1동'))).toBe(true);
    expect(options.every((o) => !/\d{7}/.test(o)), options.join(' | ')).toBe(true);
    // By its code: the options' labels gain their city's name when the list of cities arrives, maybe after they were read.
    await dong.selectOption((await dong.locator('option', { hasText: '철산1동' }).first().getAttribute('value'))!);
    await checkScreen(page, 'sign-up-from-course', 'sign-up form');
    await page.locator('form').getByRole('button', { name: '가입하기' }).click();

    await expect.poll(() => page.url()).toBe(courseUrl);
    await expect.poll(() => page.locator('h1').textContent()).toBe(course.title);
  });

  it('enrols on the course it came back to', async () => {
    const panel = page.getByRole('region', { name: '수강 신청' });
    await panel.getByRole('button', { name: '신청하기' }).click();
    await expect.poll(() => panel.getByRole('status').first().textContent()).toContain('신청 완료');
    await checkScreen(page, 'sign-up-from-course', 'enrolled');
  });

  it('outside the demo, the login page names no demo account', async () => {
    await page.getByRole('button', { name: '로그아웃' }).click();
    await page.goto(`${server.url}/login`);
    await page.getByRole('link', { name: '비밀번호를 잊으셨나요?' }).waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/README|체험|example\.com/);
  });
});
