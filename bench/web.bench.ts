/**
 * `npm run bench -- web [--runs 5] [--web DIR] [--label NAME]`
 *
 * What a phone downloads on a first visit to the home page and to a search, and how soon it shows them (issue 11,
 * finding 12). Each run is a new browser context (a cold cache, no connections kept) with a 390×844 phone
 * viewport under Chromium DevTools' "Slow 4G" preset, set through CDP `Network.emulateNetworkConditions`.
 * Bytes are what went over the wire (`encodedDataLength` of every `Network.loadingFinished`, headers included),
 * by kind; times are from the navigation's start in the page's own clock: main content (the page's heading and
 * its first program card are in the page) and the last largest-contentful-paint.
 *
 * The API is this checkout's server on the `demo` data (bench/.data/web-pglite); the web app is this checkout's,
 * built first with its server rendering (dist/ssr), or the built `dist/web` folder given as `--web` (e.g. a build of main,
 * to compare with before), rendered on the server only if an `ssr` folder beside it holds a build of src/web/ssr.tsx.
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type CDPSession } from 'playwright-core';
import { buildApp } from '../src/server/app.ts';
import { loadConfig, repositoryRoot } from '../src/server/config.ts';
import { openBenchData, percentile, record } from './support.ts';
import { buildWeb } from '../scripts/build-web.ts';

const option = (args: string[], name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
};

/** Chromium DevTools' "Slow 4G" preset: 150 ms × 3.75 latency, 1.6 Mbit/s × 0.9 down, 750 kbit/s × 0.9 up. */
export const SLOW_4G = { latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 } as const;
const PHONE = { width: 390, height: 844 };

/** The pages measured, and what makes each one's main content shown. */
const pages = [
  { name: 'home', path: '/', mainContent: ['main h1', 'main .lc-card'] },
  { name: 'search', path: `/programs?q=${encodeURIComponent('요가')}`, mainContent: ['main h1', 'main .lc-card'] },
];

const kinds = ['document', 'script', 'css', 'font', 'api', 'image', 'other'] as const;
type Kind = (typeof kinds)[number];

function kindOf(url: string, type: string | undefined): Kind {
  if (new URL(url).pathname.startsWith('/api/')) return 'api';
  switch (type) {
    case 'Document': return 'document';
    case 'Script': return 'script';
    case 'Stylesheet': return 'css';
    case 'Font': return 'font';
    case 'Image': return 'image';
    default: return 'other';
  }
}

/** Adds up the bytes each finished request transferred, by kind, until `stop()`. */
async function countBytes(cdp: CDPSession) {
  const requests = new Map<string, { url: string; type?: string }>();
  const bytes = Object.fromEntries(kinds.map((kind) => [kind, 0])) as Record<Kind, number>;
  const files: string[] = [];
  cdp.on('Network.requestWillBeSent', (event) => requests.set(event.requestId, { url: event.request.url, type: event.type }));
  cdp.on('Network.responseReceived', (event) => {
    const request = requests.get(event.requestId);
    if (request) request.type = event.type;
  });
  cdp.on('Network.loadingFinished', (event) => {
    const request = requests.get(event.requestId);
    if (!request || request.url.startsWith('data:')) return;
    bytes[kindOf(request.url, request.type)] += event.encodedDataLength;
    files.push(`${new URL(request.url).pathname} ${event.encodedDataLength}`);
  });
  await cdp.send('Network.enable');
  return { bytes, files };
}

interface Run { bytes: Record<Kind, number>; total: number; requests: number; mainContentMs: number; lcpMs: number; files: string[] }

async function visit(browser: Browser, url: string, mainContent: string[], throttled = true): Promise<Run> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 3, isMobile: true, hasTouch: true, locale: 'ko-KR' });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { lcp: number };
      w.lcp = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.lcp = entry.startTime;
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    const cdp = await context.newCDPSession(page);
    const counted = await countBytes(cdp);
    if (throttled) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_4G, connectionType: 'cellular4g' });
    await page.goto(url, { waitUntil: 'commit' });
    // Checked every frame in the page, so the time is that of the frame in which all of them first showed.
    const mainContentMs = await (await page.waitForFunction((selectors) => {
      const shown = selectors.every((selector) => {
        const element = document.querySelector(selector);
        return element !== null && element.getBoundingClientRect().height > 0;
      });
      return shown ? performance.now() : null;
    }, mainContent, { polling: 'raf', timeout: 120_000 })).jsonValue() as number;
    await page.waitForLoadState('networkidle', { timeout: 120_000 });
    const lcpMs = await page.evaluate(() => (window as unknown as { lcp: number }).lcp);
    const total = Object.values(counted.bytes).reduce((sum, n) => sum + n, 0);
    return { bytes: { ...counted.bytes }, total, requests: counted.files.length, mainContentMs, lcpMs, files: counted.files };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => Math.round(percentile(values, 50));

export async function run(args: string[]): Promise<void> {
  const runs = Number(option(args, 'runs', '5'));
  const label = option(args, 'label', '');
  const given = option(args, 'web', '');
  const webDistDir = given ? path.resolve(given) : path.join(repositoryRoot, 'dist/web');
  if (!given) {
    console.log('Building the web app and its server rendering (vite build)…');
    await buildWeb(await import('vite'));
  }
  const database = await openBenchData({ dataDir: 'bench/.data/web-pglite' }, 'demo');
  const app = await buildApp({ config: loadConfig({ WEB_DIST_DIR: webDistDir, API_RATE_LIMIT_PER_MINUTE: '1000000' }), database, logger: false });
  const origin = await app.listen({ host: '127.0.0.1', port: 3100 + Math.floor(Math.random() * 900) });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    // One unthrottled visit first: the server's own first answers (query plans, file reads) are not the network's.
    for (const { path: at, mainContent } of pages) await visit(browser, `${origin}${at}`, mainContent, false);
    for (const { name, path: at, mainContent } of pages) {
      const results: Run[] = [];
      const loads: number[] = [];
      for (let i = 0; i < runs; i++) {
        loads.push(Number(loadavg()[0]!.toFixed(2)));
        results.push(await visit(browser, `${origin}${at}`, mainContent));
        const last = results.at(-1)!;
        console.log(`${name} run ${i + 1}: ${(last.total / 1000).toFixed(1)} kB in ${last.requests} requests, main content ${Math.round(last.mainContentMs)} ms, LCP ${Math.round(last.lcpMs)} ms`);
      }
      record('web', {
        label, page: name, path: at, webDistDir, runs,
        network: { preset: 'Slow 4G (Chromium DevTools)', ...SLOW_4G },
        viewport: PHONE,
        medianBytes: Object.fromEntries([...kinds.map((kind) => [kind, median(results.map((r) => r.bytes[kind]))]), ['total', median(results.map((r) => r.total))]]),
        medianRequests: median(results.map((r) => r.requests)),
        medianMainContentMs: median(results.map((r) => r.mainContentMs)),
        mainContentMs: results.map((r) => Math.round(r.mainContentMs)),
        medianLcpMs: median(results.map((r) => r.lcpMs)),
        lcpMs: results.map((r) => Math.round(r.lcpMs)),
        loadAverage1m: loads,
        files: results[0]!.files,
      });
    }
  } finally {
    await browser.close();
    await app.close();
    await database.close();
  }
}
