/**
 * The national picture (issue 12, item 6): a visitor moves the map through the years by keyboard and reads the counts
 * as text and as a table; a city deferred in 2021 and revoked in 2022 shows so on those years' maps; the ministry sees
 * the cities at risk as well, and makes the national yearly report. Every screen is checked (axe in both modes, 390 px).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { designation } from '../../src/server/modules/designation/index.ts';
import { checkScreen, chromiumAvailable, DESKTOP, launchBrowser, logIn, PHONE, startServer, type RunningServer } from '../support/browser.ts';
import { designatedIn } from '../support/evaluation.ts';
import { newcomers } from '../support/review.ts';

/** The page is large for axe (a map of 229 places, two charts, tables): each screen's check takes long on a busy machine. */
const SLOW = 240_000;

describe.skipIf(!chromiumAvailable)('the national picture', () => {
  let server: RunningServer;
  let browser: Browser;
  let fallen: { code: string; nameKo: string };
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const db = server.database.db;
    [fallen] = await newcomers(db, '33', 1) as [{ code: string; nameKo: string }];
    await designatedIn(db, fallen.code, 2015);
    await db.transaction(async (tx) => {
      await designation.recordTransition(tx, fallen.code, { state: 'deferred', year: 2021, occurredOn: '2021-11-19', reason: '재지정평가 60점 미만 (유예)' }, null);
      await designation.recordTransition(tx, fallen.code, { state: 'revoked', year: 2022, occurredOn: '2022-11-18', reason: '유예 후 재평가 미달 (취소)' }, null);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const slider = (page: Page) => page.getByRole('slider', { name: /연도|Year/ });
  /** The row of the fallen city in the table of the year shown. */
  const fallenRow = (page: Page) => page.getByRole('row').filter({ hasText: fallen.nameKo });

  it('moves the map through the years by keyboard, with the count as text; a deferred then revoked city shows so', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'ko-KR' });
    const page = await context.newPage();
    await page.goto(`${server.url}/national`);
    await page.getByRole('heading', { level: 1, name: '전국 평생학습도시 현황' }).waitFor();
    const map = page.getByRole('img', { name: /년 말 평생학습도시 \d+곳/ });
    await map.waitFor();

    await slider(page).focus();
    await page.keyboard.press('Home');
    await expect.poll(() => slider(page).getAttribute('aria-valuetext')).toBe('2001년 말 평생학습도시 3곳');
    await expect.poll(() => page.getByText(/^2001년 말 평생학습도시 3곳 \(그해 새로 지정 3곳/).count()).toBe(1);
    await expect.poll(() => map.locator('circle').count()).toBe(3);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slider(page).getAttribute('aria-valuetext')).toBe('2002년 말 평생학습도시 6곳');
    await expect.poll(() => map.locator('circle').count()).toBe(6);

    // 2021: the city is deferred; 2022: revoked; the list of the year says so.
    // A year at a time, as a person reads each: the slider's own element (its role was found above) says where it is.
    for (let year = 2003; year <= 2021; year++) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.locator('#national-year').inputValue(), { timeout: 10_000 }).toBe(String(year));
    }
    await page.getByRole('button', { name: '2021년 도시 목록 보기' }).click();
    await expect.poll(() => fallenRow(page).textContent()).toContain('재지정 유예');
    expect(await fallenRow(page).textContent()).toContain('2021-11-19');
    await checkScreen(page, 'national', 'the cities of 2021');
    await page.getByRole('button', { name: '다음 해' }).click();
    await expect.poll(() => fallenRow(page).textContent()).toContain('지정 취소');
    await expect.poll(() => page.getByText(/^2022년 말 .*그해 취소 1곳\)$/).count()).toBe(1);
    await context.close();
  }, SLOW);

  it('keeps the slider between its two buttons on a phone, the year beside its label', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'ko-KR' });
    const page = await context.newPage();
    await page.goto(`${server.url}/national`);
    await slider(page).waitFor();
    const middle = async (locator: ReturnType<Page['locator']>) => {
      const box = (await locator.boundingBox())!;
      return { y: Math.round(box.y + box.height / 2), right: box.x + box.width };
    };
    const [earlier, range, later, label, year] = await Promise.all([
      middle(page.getByRole('button', { name: '이전 해' })), middle(slider(page)), middle(page.getByRole('button', { name: '다음 해' })),
      middle(page.locator('label[for="national-year"]')), middle(page.locator('.lc-year-value')),
    ]);
    // One row each (on one row did not fit 390 px: the later button or the year wrapped alone).
    expect(Math.abs(earlier.y - range.y)).toBeLessThan(4);
    expect(Math.abs(later.y - range.y)).toBeLessThan(4);
    expect(Math.abs(label.y - year.y)).toBeLessThan(12);
    expect(later.right).toBeLessThanOrEqual(PHONE.width);
    await context.close();
  }, SLOW);

  it('gives the number per year as a table', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'ko-KR' });
    const page = await context.newPage();
    await page.goto(`${server.url}/national`);
    await page.locator('summary', { hasText: '연도별 평생학습도시 수 (12월 31일 기준)' }).click();
    const row2001 = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '2001', exact: true }) });
    expect((await row2001.getByRole('cell').allTextContents()).slice(0, 2)).toEqual(['3', '3']);
    await checkScreen(page, 'national', 'the table per year');

    await context.close();
  }, SLOW);

  it('says everything in English once asked', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'ko-KR' });
    const page = await context.newPage();
    await page.goto(`${server.url}/national`);
    await page.getByRole('heading', { level: 1, name: '전국 평생학습도시 현황' }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Learning cities across Korea' }).waitFor();
    expect(await slider(page).getAttribute('aria-valuetext')).toMatch(/^\d+ learning cities at the end of \d{4}$/);
    expect(await page.getByRole('heading', { name: 'Cities at risk' }).count()).toBe(0);
    await checkScreen(page, 'national', 'in English');
    await context.close();
  }, SLOW);

  it('shows the ministry each city’s index and the cities at risk', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'ko-KR' });
    const page = await context.newPage();
    await logIn(page, server.url, 'ministry@example.com');
    await page.goto(`${server.url}/national`);
    await page.getByRole('heading', { name: '관리가 필요한 도시' }).waitFor();
    await page.getByText(/^\d+곳 \(유예 \d+, 점수 하락 \d+, 하위 25% \d+\)$/).waitFor();
    expect(await page.getByRole('region', { name: '관리가 필요한 도시' }).getByRole('row').count()).toBeGreaterThan(1);
    // Named scores per kind of city, folded.
    await page.locator('summary', { hasText: '도 지역 시 도시별 점수' }).click();
    // Opening is the page's answer to the click, not the click itself: wait for the rows (a busy machine answered late).
    await page.locator('details[open] tbody tr').first().waitFor();
    await checkScreen(page, 'national', 'the ministry');
    // The revoked city is on the map, not among the cities at risk.
    expect(await page.getByRole('region', { name: '관리가 필요한 도시' }).getByText(fallen.nameKo).count()).toBe(0);

    // The national yearly report of 2022, as a workbook, made by keyboard; its year's row is the table's.
    const report = page.getByRole('region', { name: '국가 연차 보고서' });
    await report.getByLabel('연도').selectOption('2022');
    await report.getByRole('button', { name: '엑셀 통합 문서 만들기' }).focus();
    await page.keyboard.press('Enter');
    const link = report.getByRole('link', { name: /2022년 평생학습도시 국가 연차 보고서\.xlsx 받기/ });
    await link.waitFor({ timeout: 90_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('2022년 평생학습도시 국가 연차 보고서.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const years = workbook.getWorksheet('연도별 평생학습도시')!;
    expect(years.lastRow!.getCell(1).value).toBe(2022);
    // One city revoked in 2022: the fallen one.
    expect(years.lastRow!.getCell(4).value).toBeGreaterThanOrEqual(1);
    await checkScreen(page, 'national', 'the report made');
    await context.close();
  }, SLOW);
});
