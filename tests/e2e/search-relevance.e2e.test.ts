/**
 * Issue 11, finding 1, as a resident meets it on a phone: words no class near her has are said to be absent there,
 * with the nearest class in person and the online ones offered as labelled choices; a word only descriptions mention
 * is shown as such, and never pads title matches.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { firstRow } from '../../src/server/platform/database/database.ts';
import { addDays } from '../../src/shared/lib/schedule.ts';
import { todayInKorea } from '../../src/server/platform/clock.ts';
import { apiAs, chromiumAvailable, checkScreen, launchBrowser, PHONE, startServer, type RunningServer } from '../support/browser.ts';
import { kmBetween } from '../support/geo.ts';

const TITLE = '마크라메 공예 교실';

describe.skipIf(!chromiumAvailable)('a resident searching near home for what is not taught there', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let away: { code: string; km: number };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const asStaff = await apiAs(server, 'staff@example.com');
    const institutionId = (await asStaff('GET', '/api/auth/me')).json().grants[0].institutionId as number;
    const venue = (await asStaff('GET', `/api/institutions/${institutionId}`)).json().venues[0] as { id: number; seats: number };
    const base = {
      institutionId, venueId: venue.id, area: 'culture_arts', subcategory: 'everyday_arts', targetGroups: ['all'], mode: 'in_person',
      startsOn: addDays(todayInKorea(), 10), weekdays: ['tue'], startTime: '10:00', endTime: '12:00', sessionCount: 6, capacity: Math.min(10, venue.seats), feeKrw: 0,
    };
    const titled = (await asStaff('POST', '/api/programs', { ...base, title: TITLE, description: '실과 매듭으로 생활 소품을 만듭니다.' })).json().id as number;
    await asStaff('POST', '/api/programs', { ...base, title: '생활 공예 교실', description: '뜨개질과 마크라메를 맛봅니다. 마지막 날에는 라탄바구니를 엮습니다.' });
    const at = (await firstRow<{ lat: number; lon: number; dong: string }>(server.database.db, sql`SELECT lat, lon, dong_code AS dong FROM programs WHERE id = ${titled}`))!;
    // The Gwangmyeong dong farthest from the class: nothing in person within 1 km of it teaches macramé.
    away = (await firstRow<{ code: string; km: number }>(server.database.db, sql`
      SELECT code, ${kmBetween(sql`lat`, sql`lon`, sql`${at.lat}::float8`, sql`${at.lon}::float8`)} AS km FROM dongs
      WHERE code LIKE '31060%' AND code <> ${at.dong} ORDER BY km DESC LIMIT 1`))!;
    context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'ko-KR' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('is told no class near her has it, and widens the search to the nearest one', async () => {
    await page.goto(`${server.url}/programs?q=${encodeURIComponent('마크라메')}&near=${away.code}&radiusKm=1`);
    const note = page.getByRole('note');
    await expect.poll(() => note.textContent()).toContain('1km 안에는 ‘마크라메’ 대면 수업이 없습니다.');
    // Only title matches: the class that merely mentions macramé in its description is not listed.
    expect(await page.locator('.lc-card').filter({ hasText: '생활 공예 교실' }).count()).toBe(0);
    await checkScreen(page, 'search-relevance', '01-none-nearby');
    const widen = note.getByRole('button', { name: `${Math.ceil(away.km)}km 안에서 찾기 (가장 가까운 대면 수업)` });
    await widen.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain(`radiusKm=${Math.ceil(away.km)}`);
    await page.locator('.lc-card').filter({ hasText: TITLE }).waitFor();
    expect(await page.getByRole('note').count()).toBe(0);
    await checkScreen(page, 'search-relevance', '02-widened');
  });

  it('keeps the keyboard on what each step answers: the results after a search, a 3 px ring on a filter, a skip link', async () => {
    await page.goto(`${server.url}/programs`);
    await page.locator('.lc-card').first().waitFor();
    // The skip link is the first thing in the page's content, and leads past the filters to the results.
    const skip = page.getByRole('link', { name: '검색 결과로 바로 가기' });
    expect(await skip.getAttribute('href')).toBe('#results');
    const box = page.getByRole('searchbox', { name: '배우고 싶은 것' });
    await box.fill('마크라메');
    await box.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toContain('lc-result-count');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^프로그램 \d+개/);
    // A filter's box, reached by the keyboard, shows a ring as thick as every other control's.
    await page.getByRole('button', { name: /^조건/ }).click();
    const free = page.getByRole('group', { name: '수강료' }).getByRole('radio').first();
    await free.focus();
    await page.keyboard.press('ArrowDown');
    const ring = await page.evaluate(() => {
      const label = document.activeElement?.nextElementSibling as HTMLElement | null;
      return label ? getComputedStyle(label).outlineWidth : '';
    });
    expect(ring).toBe('3px');
  });

  it('is shown, labelled, programs whose descriptions alone have the word', async () => {
    await page.goto(`${server.url}/programs?q=${encodeURIComponent('라탄바구니')}`);
    await page.locator('.lc-card').filter({ hasText: '생활 공예 교실' }).waitFor();
    expect(await page.locator('.lc-notice').filter({ hasText: '소개글에 나오는 프로그램' }).count()).toBe(1);
    await checkScreen(page, 'search-relevance', '03-description-only');
  });
});
