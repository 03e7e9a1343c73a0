/**
 * Gwangmyeong's lifelong learning officer, in Korean, in a real browser: records this year's budget and a
 * committee meeting, sees the indicators follow, opens the access map and the copied programs (the city's,
 * and one institution's on its page), downloads the annual report as a PDF. Then Suncheon's officer finds
 * Gwangmyeong's console closed to them.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../db/seed/accounts.ts';
import { chromiumAvailable, launchBrowser, seriousAccessibilityViolations, sidewaysOverflow, startServer, type RunningServer } from '../support/browser.ts';
import { yearInKorea } from '../support/clock.ts';

const CITY = '31060';
const year = yearInKorea();

describe.skipIf(!chromiumAvailable)('a city officer in the city console', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    // An officer in Korea: the browser's own "this year" (the record and report forms start from it) is Korea's.
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ko-KR', timezoneId: 'Asia/Seoul', acceptDownloads: true });
    // The browser's date is the server's (also when CI moves this process's clock to a new year).
    await context.clock.setFixedTime(new Date());
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  async function logIn(email: string) {
    await page.goto(`${server.url}/login`);
    await page.getByLabel('이메일').fill(email);
    await page.getByLabel('비밀번호').fill(DEMO_PASSWORD);
    await page.locator('form').getByRole('button', { name: '로그인' }).click();
    await page.getByRole('button', { name: /로그아웃/ }).waitFor();
  }

  async function openTab(name: string) {
    await page.getByRole('navigation', { name: '운영 메뉴' }).getByRole('link', { name }).click();
  }

  /** This year's value of an indicator in the table of all indicators. */
  async function indicatorValue(name: string): Promise<string> {
    const row = page.getByRole('row').filter({ has: page.locator('summary', { hasText: name }) });
    const cells = row.getByRole('cell');
    await cells.first().waitFor();
    return (await cells.nth((await cells.count()) - 3).textContent())!.trim();
  }

  it('records a budget and a committee meeting, and sees the indicators follow', async () => {
    await logIn('officer@example.com');
    await page.getByRole('link', { name: /우리 도시/ }).click();
    await page.getByRole('heading', { level: 1, name: '경기 광명시 평생학습 운영', exact: true }).waitFor();
    await page.getByRole('heading', { name: `${year}년 성과와 기반` }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    const budgetBefore = await indicatorValue('주민 1인당 평생교육 예산');
    const meetingsBefore = await indicatorValue('위원회 회의');

    await openTab('도시 기록');
    const own = page.getByLabel('자체 예산(원)');
    await own.waitFor();
    await expect.poll(() => page.getByLabel('연도').inputValue()).toBe(String(year));
    const ownBefore = Number(await own.inputValue());
    await own.fill(String(ownBefore + 2_000_000_000));
    await page.getByRole('button', { name: '저장' }).first().click();
    await page.getByText('저장했습니다.').waitFor();

    await page.getByRole('button', { name: '위원·회의 보기' }).first().click();
    const meetings = page.getByRole('region', { name: /회의$/ });
    await meetings.getByRole('button', { name: /^추가/ }).click();
    await meetings.getByLabel('회의일').fill(`${year}-06-15`);
    await meetings.getByLabel('안건').fill('하반기 평생학습축제 운영 계획 심의');
    await meetings.getByLabel('참석(명)').fill('11');
    await meetings.getByLabel('의결 사항(줄마다 하나)').fill('원안 의결\n읍·면·동 순회 강좌 확대');
    await meetings.locator('form').getByRole('button', { name: /^추가/ }).click();
    await meetings.getByRole('cell', { name: '하반기 평생학습축제 운영 계획 심의' }).waitFor();
    // The history says who changed what.
    await page.getByRole('heading', { name: '변경 이력' }).scrollIntoViewIfNeeded();
    await page.locator('.lc-history').getByText(/자체 예산/).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await openTab('성과 지표');
    await page.getByRole('heading', { name: `${year}년 성과와 기반` }).waitFor();
    await expect.poll(() => indicatorValue('주민 1인당 평생교육 예산'), { timeout: 15_000 }).not.toBe(budgetBefore);
    expect(Number((await indicatorValue('위원회 회의')).replace(/,/g, ''))).toBe(Number(meetingsBefore) + 1);
  });

  it('takes the record out as a workbook and brings it back; a file that is not one is refused in Korean', async () => {
    await openTab('도시 기록');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '엑셀 파일 받기' }).click();
    const workbook = await (await download).path();
    const input = page.getByLabel('고친 엑셀 파일 올리기');
    await input.setInputFiles({ name: '광명시 기록.xlsx', mimeType: 'application/octet-stream', buffer: await readFile(workbook) });
    await page.getByText(/^[1-9][\d,]*줄을 반영했습니다\.$/).waitFor();
    await input.setInputFiles({ name: '광명시 기록.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('이름,예산\n광명,1\n') });
    await page.getByRole('alert').getByText('엑셀 파일(.xlsx)이 아닙니다.').waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('opens the access map and the copied programs, also on an institution’s page', async () => {
    await openTab('배움터 접근성');
    await page.getByRole('img', { name: /지도|map/i }).first().waitFor();
    await expect.poll(() => page.getByRole('table').first().getByRole('row').count()).toBeGreaterThan(5);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await openTab('복제 프로그램');
    await page.getByRole('heading', { name: /복제/ }).first().waitFor();
    await expect.poll(() => page.getByText(/%/).count()).toBeGreaterThan(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The role map (issue 10): a cell opens on who serves it and the dongs nobody serves, also on a phone.
    await openTab('역할 지도');
    const table = page.getByRole('region', { name: '분야 × 대상별 기관 수' });
    await table.getByRole('button').first().waitFor();
    const busiest = table.getByRole('button', { name: /기관 [1-9]\d*곳/ }).first();
    await busiest.click();
    await page.getByRole('heading', { level: 4, name: '맡은 기관' }).waitFor();
    await expect.poll(() => page.getByText('아무도 맡지 않음').count()).toBeGreaterThan(0);
    expect(await busiest.getAttribute('aria-pressed')).toBe('true');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });

    // An institution of the city with a near-copy sees its own pairs on its page.
    const pairs = await (await page.request.get(`${server.url}/api/cities/${CITY}/copies/pairs?pageSize=1`)).json();
    const institution = pairs.items[0].ours;
    await page.goto(`${server.url}/institutions/${institution.institutionId}`);
    const section = page.getByRole('region', { name: '다른 기관 프로그램과 거의 같은 우리 프로그램' });
    await section.getByRole('listitem').first().waitFor();
    expect(await section.getByText(/유사도 \d/).count()).toBeGreaterThan(0);
    expect(await section.getByRole('link', { name: institution.title }).count()).toBeGreaterThan(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.goto(`${server.url}/cities/${CITY}/console`);
  });

  it('downloads the annual report as a PDF, watching it being made', async () => {
    await openTab('연차 보고서');
    await page.getByRole('button', { name: 'PDF 보고서 만들기' }).click();
    const link = page.getByRole('link', { name: /연차 보고서\.pdf 받기/ });
    await link.waitFor({ timeout: 90_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(`광명시 ${year}년 평생학습도시 연차 보고서.pdf`);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const pdf = readFileSync(path!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(50_000);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  it('keeps Gwangmyeong’s console and record from Suncheon’s officer', async () => {
    await page.getByRole('button', { name: /로그아웃/ }).click();
    await page.getByRole('link', { name: '로그인' }).first().waitFor();
    await logIn('officer.suncheon@example.com');
    await page.goto(`${server.url}/cities/${CITY}/console/record`);
    await page.getByText('이 도시의 운영 화면은 이 도시 담당자와 교육부 담당자만 볼 수 있습니다.').waitFor();
    expect(await page.getByLabel('자체 예산(원)').count()).toBe(0);
    const read = await page.request.get(`${server.url}/api/cities/${CITY}/record/years`);
    expect(read.status()).toBe(403);
    const write = await page.request.put(`${server.url}/api/cities/${CITY}/record/years/${year}`, { data: { version: 1 } });
    expect(write.status()).toBe(403);
  });
});
