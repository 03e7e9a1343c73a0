/**
 * Issue 10, item 1, in a real browser: the staff of Gwangmyeong's lifelong learning centre open their programs from
 * the menu, find one by its title, move its third session and its room (the two people enrolled are told), copy it
 * into the autumn term (추석 is skipped) and publish the copy, then cancel the original with a reason. Korean, by
 * keyboard where it matters, checked with axe and at 390 px.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { firstRow, rows } from '../../src/server/platform/database/database.ts';
import { addDays } from '../../src/shared/lib/schedule.ts';
import { chromiumAvailable, launchBrowser, logIn, seriousAccessibilityViolations, startServer, type RunningServer } from '../support/browser.ts';
import { todayInKorea } from '../support/clock.ts';

const TITLE = '동네 산책 사진 교실';

describe.skipIf(!chromiumAvailable)('an institution runs its programs from the back office', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let programId: number;
  let learners: number[];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    page = await context.newPage();
    // The program as the staff published it last week, and two residents who enrolled (the enrolment tests cover how).
    const db = server.database.db;
    const staff = (await firstRow<{ institutionId: number }>(db, sql`
      SELECT g.institution_id AS "institutionId" FROM role_grants g JOIN people p ON p.id = g.person_id WHERE p.email = 'staff@example.com'`))!;
    const venues = await rows<{ id: number }>(db, sql`SELECT id FROM venues WHERE institution_id = ${staff.institutionId} AND seats >= 10 ORDER BY id`);
    expect(venues.length).toBeGreaterThanOrEqual(2);
    await logIn(page, server.url, 'staff@example.com');
    const created = await page.request.post(`${server.url}/api/programs`, {
      headers: { origin: server.url },
      data: {
        institutionId: staff.institutionId, venueId: venues[0]!.id, title: TITLE, description: '우리 동네를 걸으며 휴대전화로 사진을 찍고 함께 봅니다.',
        area: 'culture_arts', subcategory: 'everyday_arts', targetGroups: ['all'], mode: 'in_person', startsOn: addDays(todayInKorea(), 14),
        weekdays: ['tue', 'thu'], startTime: '10:00', endTime: '12:00', sessionCount: 6, capacity: 10, feeKrw: 0,
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    programId = (await created.json() as { id: number }).id;
    learners = (await rows<{ id: number }>(db, sql`
      INSERT INTO people (email, display_name, birth_year, home_city_code)
      VALUES ('walker.one@example.com', '산책자1', 1955, '31060'), ('walker.two@example.com', '산책자2', 1960, '31060') RETURNING id`)).map((r) => r.id);
    for (const id of learners) {
      await db.execute(sql`INSERT INTO enrolments (program_id, person_id, city_code, status) VALUES (${programId}, ${id}, '31060', 'enrolled')`);
    }
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  async function checkScreen(step: string) {
    expect(await seriousAccessibilityViolations(page), step).toEqual([]);
    const size = page.viewportSize()!;
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), { message: `${step} at 390 px` }).toBeLessThanOrEqual(0);
    } finally {
      await page.setViewportSize(size);
    }
  }

  it('finds the program in the institution’s list by its title', async () => {
    await page.getByRole('navigation', { name: '메뉴', exact: true }).getByRole('link', { name: '프로그램 관리' }).click();
    await page.getByRole('heading', { level: 1, name: '프로그램 관리' }).waitFor();
    await page.getByRole('button', { name: /^모집 중 \d+$/ }).waitFor();
    await page.getByLabel('제목으로 찾기').fill('산책 사진');
    await page.getByLabel('제목으로 찾기').press('Enter');
    const row = page.getByRole('row', { name: new RegExp(TITLE) });
    await row.getByText('2/10명 · 대기 0').waitFor();
    await checkScreen('the list');
    await row.getByRole('link', { name: `편집: ${TITLE}` }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  });

  it('moves the third session a day later and changes the room; both people enrolled are told', async () => {
    await page.getByText('수강 2명, 대기 0명').waitFor();
    const third = page.getByRole('group', { name: '3회차' });
    const date = await third.getByLabel('날짜').inputValue();
    await third.getByLabel('날짜').fill(addDays(date, 1));
    const room = page.getByLabel('강의실', { exact: true });
    const other = await room.locator('option').nth(1).getAttribute('value');
    await room.selectOption(other!);
    await page.getByLabel('준비물·교재').fill('휴대전화, 편한 신발');
    await page.getByRole('button', { name: '저장', exact: true }).click();
    await page.getByText('저장했습니다. 수강생과 대기자 2명에게 바뀐 내용을 알렸습니다.').waitFor();
    const told = await rows<{ personId: number; bodyKo: string }>(server.database.db, sql`
      SELECT person_id AS "personId", body_ko AS "bodyKo" FROM notifications WHERE kind = 'program.changed' AND link = ${`/programs/${programId}`}`);
    expect(told.map((n) => n.personId).sort()).toEqual([...learners].sort());
    expect(told[0]!.bodyKo).toContain(`3회차: `);
    expect(told[0]!.bodyKo).toContain('장소: ');
    await checkScreen('the editor');
  });

  it('copies it into the autumn term, skipping 추석, and publishes the copy', async () => {
    await page.getByLabel('새 학기 시작일').fill('2027-09-07');
    await page.getByRole('button', { name: '복사하기' }).click();
    await page.getByText('복사했습니다. 새 프로그램을 고친 뒤 공개하세요.').waitFor();
    await page.getByText(/공휴일이라 건너뛴 날: .*추석 전날.*추석 다음 날/).waitFor();
    expect(await page.getByRole('group', { name: '3회차' }).getByLabel('날짜').inputValue()).toBe('2027-09-21');
    expect(page.url()).not.toContain(`/programs/${programId}/edit`);
    await page.getByRole('button', { name: '저장하고 공개' }).click();
    await page.getByText('저장했습니다.', { exact: true }).waitFor();
    await page.getByText('모집 중', { exact: true }).first().waitFor();
  });

  it('cancels the original with a reason, by keyboard; the page then says why', async () => {
    await page.goto(`${server.url}/programs/${programId}/edit`);
    await page.getByLabel('폐강 사유 (수강생에게 알립니다)').fill('강사 사정으로 이번 학기는 열지 않습니다.');
    await page.getByRole('button', { name: '폐강하기' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(/폐강할까요\? .* 2명에게 사유를 알립니다/).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('폐강한 프로그램입니다. 사유: 강사 사정으로 이번 학기는 열지 않습니다.').waitFor();
    const cancelled = await rows<{ status: string }>(server.database.db, sql`SELECT status FROM enrolments WHERE program_id = ${programId}`);
    expect(cancelled.map((e) => e.status)).toEqual(['cancelled', 'cancelled']);
    await page.goto(`${server.url}/programs/${programId}`);
    await page.getByText('강사 사정으로 이번 학기는 열지 않습니다.').waitFor();
    await checkScreen('the cancelled program’s page');
  });
});
