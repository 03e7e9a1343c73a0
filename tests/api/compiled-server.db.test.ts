/**
 * What `npm start` runs is the compiled server (dist/server: our files one by one, the packages a start loads
 * bundled into shared chunks; decision 011), while every other test runs the TypeScript. This starts the compiled
 * server on a copy of the seeded database and uses what a bundle could break: files found beside the code (the
 * API docs' pages, the fonts, the web app's server renderer), the worker threads that import our files by URL
 * (a PDF, a workbook), packages loaded lazily, and Korean text through the bundled router and validators.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serverDist } from '../../scripts/build-server.ts';
import { DEMO_PASSWORD } from '../../db/seed/accounts.ts';
import { openPglite } from '../../src/server/platform/database/database.ts';
import { serverDatabaseCopy } from '../support/database.ts';

describe('the compiled server (what npm start runs)', () => {
  let server: ChildProcess;
  let output = '';
  let cleanUp: () => Promise<void> = async () => {};
  const port = 4100 + Math.floor(Math.random() * 800);
  const url = (pathname: string) => `http://127.0.0.1:${port}${pathname}`;

  beforeAll(async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), WORKERS: '1', LOG_LEVEL: 'warn', SEED_ON_FIRST_START: 'false' };
    if (inject('adminUrl')) {
      const database = await serverDatabaseCopy('seeded');
      env.DATABASE_URL = database.url;
      cleanUp = database.drop;
    } else {
      // The seeded template written into a data folder of its own, as a first start would leave it.
      const dataDir = mkdtempSync(path.join(tmpdir(), 'lc-compiled-'));
      const copy = await openPglite({ dataDir, loadDataDir: new Blob([readFileSync(inject('templates').seeded)]) });
      await copy.close();
      delete env.DATABASE_URL;
      env.DATA_DIR = dataDir;
      cleanUp = async () => rmSync(dataDir, { recursive: true, force: true });
    }
    server = spawn(process.execPath, [path.join(serverDist, 'scripts/serve.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const until = Date.now() + 120_000;
    while (!output.includes('Ready in')) {
      if (server.exitCode !== null) throw new Error(`the compiled server exited (${server.exitCode}):\n${output}`);
      if (Date.now() > until) throw new Error(`the compiled server did not start:\n${output}`);
      await sleep(50);
    }
  });

  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    await cleanUp();
  });

  const logIn = async (email: string) => {
    const response = await fetch(url('/api/auth/login'), {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
    return (pathname: string, init: RequestInit = {}) => fetch(url(pathname), { ...init, headers: { ...init.headers, cookie } });
  };

  /** Starts a document job and returns the finished file's response. */
  const documentOf = async (as: Awaited<ReturnType<typeof logIn>>, format: 'pdf' | 'xlsx') => {
    const started = await as('/api/cities/31060/annual-report', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ year: 2025, format }),
    });
    expect(started.status, await started.clone().text()).toBe(202);
    const { jobId } = (await started.json()) as { jobId: string };
    for (let tries = 0; tries < 600; tries++) {
      const job = (await (await as(`/api/jobs/${jobId}`)).json()) as { status: string; resultUrl?: string; error?: string };
      if (job.status !== 'running' && job.status !== 'queued') {
        expect(job, output).toMatchObject({ status: 'done' });
        return as(job.resultUrl!);
      }
      await sleep(200);
    }
    throw new Error(`the ${format} job did not finish`);
  };

  it('serves the page, the API docs and a Korean search', async () => {
    const page = await fetch(url('/programs'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html lang="ko"');
    const docs = await fetch(url('/api/docs/'));
    expect(docs.status).toBe(200);
    expect((await fetch(url('/api/docs/json'))).status).toBe(200);
    const search = await fetch(url(`/api/programs?q=${encodeURIComponent('요가')}`));
    expect(search.status).toBe(200);
    const found = (await search.json()) as { items: { title: string }[] };
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.items.some((item) => item.title.includes('요가'))).toBe(true);
    // A validator and its Korean message, from the bundled schema compiler.
    const refused = await fetch(url('/api/programs?limit=abc'), { headers: { 'accept-language': 'ko' } });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ field: 'limit' });
  });

  it('makes a PDF with the Korean font and a workbook on its worker threads', async () => {
    const officer = await logIn('officer@example.com');
    const pdf = await documentOf(officer, 'pdf');
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const pdfText = Buffer.from(await pdf.arrayBuffer()).toString('latin1');
    expect(pdfText.startsWith('%PDF-')).toBe(true);
    expect(pdfText).toContain('Pretendard');
    const workbook = Buffer.from(await (await documentOf(officer, 'xlsx')).arrayBuffer());
    expect(workbook.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
