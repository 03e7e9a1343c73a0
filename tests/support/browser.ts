/**
 * A real browser (Debian's Chromium through playwright-core; never a downloaded one) against the real
 * server on a free port. Without Chromium the browser tests are skipped, loudly.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Database } from '../../src/server/platform/database/database.ts';
import { DEMO_PASSWORD } from '../../db/seed/accounts.ts';
import { UNLIMITED_APPLICATIONS } from './app.ts';
import { freshDatabase } from './database.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM);

if (!chromiumAvailable) {
  const line = '!'.repeat(78);
  console.warn(`\n${line}\n!! BROWSER TESTS SKIPPED: no Chromium at ${CHROMIUM}.\n!! Install it with: sudo apt-get install -y chromium   (CI always does)\n${line}\n`);
}

/**
 * Chromium never runs under libfaketime (CI's year-boundary run preloads it): page loads stall there. A test that
 * needs the browser to share the moved clock says so itself (`context.clock.setFixedTime(new Date())`).
 */
export async function launchBrowser(): Promise<Browser> {
  const { LD_PRELOAD: _preload, FAKETIME: _faketime, ...unfaked } = process.env;
  return chromium.launch({
    executablePath: CHROMIUM,
    env: process.env.FAKETIME ? unfaked : process.env,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

/** The app over a fresh seeded database, listening on a free port; `env` adds settings (e.g. DEMO=false). */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const database = await freshDatabase('seeded');
  const app = await buildApp({ config: loadConfig({ API_RATE_LIMIT_PER_MINUTE: '1000000', ...UNLIMITED_APPLICATIONS, ...env }), database, logger: false });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: address,
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** The rules every screen is held to: WCAG 2.1 A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core's own `axe.run` in the page, its source injected once per document. Not through @axe-core/playwright: its
 * `analyze()` evaluates axe's 550 kB source in the page twice per analysis and finishes each one in a new blank page
 * with the source injected again, three to five times the cost of the analysis itself (decision 025). Running in the
 * page checks the same-origin frames too, and the app has no others.
 */
export async function axeViolations(page: Page, runOnly: axe.RunOnly): Promise<axe.Result[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const results = await page.evaluate(
    (options) => (window as unknown as { axe: typeof axe }).axe.run(document, options),
    { runOnly, resultTypes: ['violations'] } satisfies axe.RunOptions,
  );
  return results.violations;
}

/** Accessibility problems axe rates serious or critical (WCAG 2 A/AA rules). */
export async function seriousAccessibilityViolations(page: Page) {
  // Judge colours at rest, not halfway through a transition (the app honours reduced motion).
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const violations = await axeViolations(page, { type: 'tag', values: WCAG_TAGS });
  return [
    ...violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.any.map((a) => a.message).join('; ')}`).join(' | ')})`),
    // Every page a browser test checks is checked in 고대비 화면 too (issue 11, finding 5).
    ...(await highContrastViolations(page)).map((problem) => `high contrast: ${problem}`),
  ];
}

/**
 * Contrast problems with the page in KRDS's high-contrast mode (고대비 화면), whatever mode it is in: the mode is
 * switched on the page itself for the check (as the header's switch does) and put back.
 */
export async function highContrastViolations(page: Page) {
  const before = await page.evaluate(() => {
    const mode = document.documentElement.getAttribute('data-krds-mode');
    document.documentElement.setAttribute('data-krds-mode', 'high-contrast');
    return mode;
  });
  try {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const violations = await axeViolations(page, { type: 'rule', values: ['color-contrast'] });
    return violations.flatMap((v) => v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.any.map((a) => a.message).join('; ')}`));
  } finally {
    await page.evaluate((mode) => {
      if (mode === null) document.documentElement.removeAttribute('data-krds-mode');
      else document.documentElement.setAttribute('data-krds-mode', mode);
    }, before);
  }
}

/** Logs in through the login page as someone registered with the demo password, in Korean or English. */
export async function logIn(page: Page, serverUrl: string, email: string): Promise<void> {
  await page.goto(`${serverUrl}/login`);
  await page.locator('form').getByLabel(/^(이메일|Email)$/).fill(email);
  await page.locator('form').getByLabel(/^(비밀번호|Password)$/).fill(DEMO_PASSWORD);
  await page.locator('form').getByRole('button', { name: /^(로그인|Log in)$/ }).click();
  await page.getByRole('button', { name: /로그아웃|Log out/ }).waitFor();
}

/** Calls the API in-process as someone registered with the demo password (for what a test arranges, not what it checks). */
export async function apiAs(server: RunningServer, email: string) {
  const login = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: DEMO_PASSWORD } });
  expect(login.statusCode, login.body).toBe(200);
  const cookie = `lc_session=${login.cookies.find((c) => c.name === 'lc_session')!.value}`;
  return (method: 'GET' | 'POST', url: string, payload?: object) => server.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

export const PHONE = { width: 390, height: 844 };


/** The people of a browser test and their server: one page each, on a phone or a desktop, in Korean, in Korea's time zone. */
export interface Stage {
  server: RunningServer;
  browser: Browser;
  /** A page of its own (its own cookies): `phone` is 390 px with touch; `options` adds to or overrides the context's. */
  open(device: 'phone' | 'desktop', options?: BrowserContextOptions): Promise<Page>;
  /** Closes every page's context, the browser and the server. */
  close(): Promise<void>;
}

/** A server (`env` adds settings) and a browser, started together, for pages opened as the test needs them. */
export async function openStage(env: Record<string, string> = {}): Promise<Stage> {
  const [server, browser] = await Promise.all([startServer(env), launchBrowser()]);
  const contexts: BrowserContext[] = [];
  return {
    server, browser,
    async open(device, options = {}) {
      const screen = device === 'phone' ? { viewport: PHONE, isMobile: true, hasTouch: true } : { viewport: DESKTOP };
      const context = await browser.newContext({ ...screen, locale: 'ko-KR', timezoneId: 'Asia/Seoul', ...options });
      contexts.push(context);
      return context.newPage();
    },
    async close() {
      for (const context of contexts) await context.close();
      await browser.close();
      await server.close();
    },
  };
}

export interface PhoneWorld {
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** A server (`env` adds settings) and one page on a 390 px phone in Korean, in Korea's time zone; one teardown. */
export async function openPhone(env: Record<string, string> = {}): Promise<PhoneWorld> {
  const stage = await openStage(env);
  const page = await stage.open('phone');
  return { server: stage.server, browser: stage.browser, context: page.context(), page, close: stage.close };
}
export const DESKTOP = { width: 1280, height: 900 };

/**
 * How many pixels the page is wider than the screen's layout viewport (0 or less: no sideways scrolling). Not
 * against window.innerWidth: on a phone (isMobile) the browser zooms out to show a wider page, and innerWidth grows
 * with it (a page 572 px wide measured 572), so the difference would always be 0.
 */
export const sidewaysOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const SCREENSHOTS = process.env.JOURNEY_SCREENSHOTS;

/**
 * What every screen of a journey must be: no serious accessibility problem, and nothing wider than a phone's 390 px
 * (a wider page is narrowed for the check, checked for accessibility there too, and restored). With
 * JOURNEY_SCREENSHOTS set, each step is saved there as `<journey>-<step>-<width>.png`.
 */
export async function checkScreen(page: Page, journey: string, step: string): Promise<void> {
  expect(await seriousAccessibilityViolations(page), step).toEqual([]);
  const size = page.viewportSize()!;
  if (SCREENSHOTS) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, `${journey}-${step.replace(/\W+/g, '-')}-${size.width}.png`), fullPage: true });
  }
  const narrowed = size.width > PHONE.width;
  if (narrowed) await page.setViewportSize(PHONE);
  try {
    await expect.poll(() => sidewaysOverflow(page), { message: `${step} at 390 px` }).toBeLessThanOrEqual(0);
    if (narrowed) expect(await seriousAccessibilityViolations(page), `${step} on a phone`).toEqual([]);
  } finally {
    if (narrowed) await page.setViewportSize(size);
  }
}
