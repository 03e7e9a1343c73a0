/** A visitor opens the portal: the map of learning cities and the newest programs, in Korean, then in English. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchBrowser, seriousAccessibilityViolations, sidewaysOverflow, startServer, type RunningServer } from '../support/browser.ts';

describe.skipIf(!chromiumAvailable)('a visitor on the home page', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sees the learning cities on a map and the newest programs, in Korean, then switches to English for good', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ko-KR' });
    const page = await context.newPage();
    await page.goto(server.url);

    await page.getByRole('heading', { level: 1, name: '우리 동네에서 배워요', exact: true }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('ko');
    const map = page.getByRole('img', { name: /전국의 평생학습도시/ });
    await map.waitFor();
    await expect.poll(() => map.locator('circle').count()).toBe(31);
    await expect.poll(() => page.locator('.lc-card').count()).toBe(8);
    expect(await page.locator('.lc-card h3').first().textContent()).toMatch(/[가-힣]/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '표로 보기' }).click();
    await expect.poll(() => page.getByRole('row').count()).toBe(32);
    expect(await page.getByRole('row').nth(1).textContent()).toContain('2001');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Learn in your neighbourhood', exact: true }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByRole('img', { name: /learning cities/ }).count()).toBe(1);
    expect(await page.locator('.lc-card h3').first().textContent()).toMatch(/[A-Za-z]/);
    // Who runs it, in English too (the demo's institutions have English names).
    const runBy = page.locator('.lc-card .lc-meta li').first();
    expect(await runBy.textContent()).toMatch(/^[A-Za-z][^가-힣]*$/);
    expect(await runBy.getAttribute('lang')).toBe('en');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Learn in your neighbourhood', exact: true }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('.lc-card').first().waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    // The measure sees a page wider than a phone, though the phone zooms out to show it (window.innerWidth grows).
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<div style="width: 572px">넓은 칸</div>'));
    expect(await sidewaysOverflow(page)).toBeGreaterThan(0);
    await context.close();
  });

  it('opens a program from the list and shows its sessions', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/programs`);
    const first = page.locator('.lc-card h3 a').first();
    const title = (await first.textContent())!;
    await first.click();
    await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
    expect(await page.getByRole('heading', { name: '수업 일정' }).count()).toBe(1);
    expect(await page.locator('ol li').count()).toBeGreaterThan(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // The check sees what it is for: a nameless button, and grey text that only high contrast makes too faint.
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend',
      '<button type="button"></button><p id="faint" style="color: #767676; background: #fff">흐린 글</p><style>[data-krds-mode="high-contrast"] #faint { color: #777 !important; background: #888 !important }</style>'));
    const problems = await seriousAccessibilityViolations(page);
    expect(problems.filter((p) => p.startsWith('button-name:'))).toHaveLength(1);
    expect(problems.filter((p) => p.includes('#faint') && !p.startsWith('high contrast:'))).toEqual([]);
    expect(problems.filter((p) => p.startsWith('high contrast: #faint:'))).toHaveLength(1);
    await context.close();
  });
});
