/**
 * The home page and the search arrive rendered (decision 028): their heading and first programs are in the HTML the
 * server sends, styled, in the reader's language, before any script runs; the app then takes that very markup over
 * and answers the keyboard; and the page holds nothing about who is reading it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { NEWEST_PROGRAMS_REQUEST, searchRequest } from '../../src/shared/lib/program-search.ts';
import { DEMO_PASSWORD } from '../../db/seed/accounts.ts';
import { chromiumAvailable, launchBrowser, PHONE, seriousAccessibilityViolations, startServer, type RunningServer } from '../support/browser.ts';

const YOGA = new URLSearchParams({ q: '요가' });

interface Found { items: { title: string; titleEn: string | null }[]; total: number }

describe.skipIf(!chromiumAvailable)('the server-rendered home page and search', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const apiAnswer = async (request: string, locale = 'ko') =>
    (await server.app.inject({ method: 'GET', url: `/api${request}`, headers: { 'accept-language': locale } })).json() as Found;

  async function withoutScripts<T>(cookies: Record<string, string>, use: (page: Page) => Promise<T>): Promise<T> {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, javaScriptEnabled: false });
    await context.addCookies(Object.entries(cookies).map(([name, value]) => ({ name, value, url: server.url })));
    try {
      return await use(await context.newPage());
    } finally {
      await context.close();
    }
  }

  it('sends the heading and the first programs in the HTML, styled, before any script runs', async () => {
    await withoutScripts({}, async (page) => {
      await page.goto(server.url);
      expect(await page.locator('main h1').textContent()).toBe('우리 동네에서 배워요');
      const newest = await apiAnswer(NEWEST_PROGRAMS_REQUEST);
      expect(await page.locator('main .lc-card h3').allTextContents()).toEqual(newest.items.map((item) => item.title));
      // Styled by the style sheet in the page itself (no second request before the first paint): KRDS's reset and
      // the cards' grid apply.
      expect(await page.locator('link[rel="stylesheet"]').count()).toBe(0);
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('10px');
      expect(await page.locator('main .lc-grid').evaluate((grid) => getComputedStyle(grid).display)).toBe('grid');
      expect(await page.getAttribute('html', 'lang')).toBe('ko');

      await page.goto(`${server.url}/programs?${YOGA}`);
      expect(await page.locator('main h1').textContent()).toBe('프로그램 찾기');
      // The very results the API gives this search, in its order.
      const found = await apiAnswer(searchRequest(YOGA));
      expect(found.items.length).toBeGreaterThan(0);
      expect(await page.locator('main .lc-card h3').allTextContents()).toEqual(found.items.map((item) => item.title));
      expect(await page.locator('main .lc-result-count').textContent()).toContain(found.total.toLocaleString('ko-KR'));
      // Without scripts the search box still searches (a plain form to the same address).
      await page.getByLabel('배우고 싶은 것').fill('도자기');
      await page.getByLabel('배우고 싶은 것').press('Enter');
      await page.waitForURL(/q=%EB%8F%84%EC%9E%90%EA%B8%B0/);
      expect(await page.locator('main .lc-card h3').allTextContents()).toEqual((await apiAnswer(searchRequest(new URLSearchParams({ q: '도자기' })))).items.map((item) => item.title));
    });
  });

  it('renders in English and in high contrast for a reader who chose them', async () => {
    await withoutScripts({ lc_locale: 'en', lc_contrast: 'on' }, async (page) => {
      await page.goto(`${server.url}/programs?${YOGA}`);
      expect(await page.locator('main h1').textContent()).toBe('Find programs');
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.getAttribute('html', 'data-krds-mode')).toBe('high-contrast');
      const found = await apiAnswer(searchRequest(YOGA), 'en');
      expect(await page.locator('main .lc-card h3').first().textContent()).toBe(found.items[0]!.titleEn ?? found.items[0]!.title);
      expect(await page.getByRole('button', { name: 'High contrast' }).getAttribute('aria-pressed')).toBe('true');
    });
  });

  it('holds nothing about the reader: a signed-in resident gets the very page an anonymous visitor gets', async () => {
    const login = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'resident@example.com', password: DEMO_PASSWORD } });
    const me = login.json() as { displayName: string; email: string };
    expect(me.email).toBe('resident@example.com');
    const session = login.cookies.find((cookie) => cookie.name === 'lc_session')!.value;
    for (const at of ['/', `/programs?${YOGA}`]) {
      const anonymous = await fetch(`${server.url}${at}`);
      const signedIn = await fetch(`${server.url}${at}`, { headers: { cookie: `lc_session=${session}` } });
      const page = await signedIn.text();
      expect(page).toContain('lc-card');
      expect(page).not.toContain(me.email);
      expect(page).not.toContain(me.displayName);
      expect(signedIn.headers.get('etag')).toBe(anonymous.headers.get('etag'));
      // For everyone; asked again each time, and a page that has not changed is not sent again.
      expect(anonymous.headers.get('cache-control')).toBe('public, no-cache');
      expect(anonymous.headers.get('vary')).toMatch(/cookie/i);
      const again = await fetch(`${server.url}${at}`, { headers: { 'if-none-match': anonymous.headers.get('etag')! } });
      expect(again.status).toBe(304);
    }
  });

  /**
   * Opens a page with its app's script held back until the heading the server sent is found and remembered: the
   * heading is there before any script runs, and whether the app later keeps that very element (hydration) or draws
   * its own (a new render) can be told apart.
   */
  async function openBeforeScripts(page: Page, url: string): Promise<void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    await page.unroute(/\/assets\/index-[^/]+\.js$/);
    await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(url, { waitUntil: 'commit' });
    await page.locator('main h1').waitFor({ timeout: 5000 });
    await page.evaluate(() => { (window as unknown as { rendered: Element }).rendered = document.querySelector('main h1')!; });
    release();
    // The session is asked for once the app runs: its answer (401) shows the app has taken over.
    await page.waitForLoadState('networkidle');
  }
  const renderedHeadingKept = (page: Page) => page.evaluate(() => {
    const rendered = (window as unknown as { rendered?: Element }).rendered;
    return rendered !== undefined && rendered.isConnected && document.querySelector('main h1') === rendered;
  });

  it('is taken over by the app as it was drawn, then searches by keyboard without loading a page', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().includes('401')) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await openBeforeScripts(page, server.url);
    expect(await renderedHeadingKept(page)).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.evaluate(() => { (window as unknown as { samePage: boolean }).samePage = true; });
    await page.getByLabel('배우고 싶은 것').focus();
    await page.keyboard.type('요가');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: '프로그램 찾기' }).waitFor();
    await page.waitForURL(/\/programs\?q=/);
    const found = await apiAnswer(searchRequest(YOGA));
    await expect.poll(() => page.locator('main .lc-card h3').first().textContent()).toBe(found.items[0]!.title);
    expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);

    // A search page opened directly is taken over too, and its sort answers at once.
    await openBeforeScripts(page, `${server.url}/programs?${YOGA}`);
    expect(await renderedHeadingKept(page)).toBe(true);
    await page.getByLabel('정렬').selectOption('newest');
    await page.waitForURL(/sort=newest/);
    const newest = await apiAnswer(searchRequest(new URLSearchParams({ q: '요가', sort: 'newest' })));
    await expect.poll(() => page.locator('main .lc-card h3').allTextContents()).toEqual(newest.items.map((item) => item.title));
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('draws the page anew, in English, for a reader whose choice the server did not know (and the next page comes in it)', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true });
    const page = await context.newPage();
    // English chosen in this browser before the choice was also kept in a cookie.
    await page.addInitScript(() => localStorage.setItem('learning-city.locale', 'en'));
    await openBeforeScripts(page, server.url);
    await page.getByRole('heading', { level: 1, name: 'Learn in your neighbourhood' }).waitFor();
    expect(await renderedHeadingKept(page)).toBe(false);
    await openBeforeScripts(page, `${server.url}/programs?${YOGA}`);
    expect(await page.locator('main h1').textContent()).toBe('Find programs');
    expect(await renderedHeadingKept(page)).toBe(true);
    await context.close();
  });
});
