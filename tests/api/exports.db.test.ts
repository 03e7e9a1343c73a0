/**
 * Any table a page shows comes back as an Excel workbook: only for someone logged in, only as large as the
 * pages' tables, with a sheet name Excel accepts whatever the title, rendered on a worker thread so that
 * the server keeps answering while it works.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_EXPORT_LIMITS } from '../../src/shared/contracts/exports.ts';
import { workerPoolStats } from '../../src/server/platform/workers/pool.ts';
import { testEngine } from '../support/database.ts';
import { testApp, type Client, type TestApp } from '../support/app.ts';

const URL = '/api/exports/table.xlsx';

async function sheetsOf(payload: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  return workbook.worksheets;
}

/** The largest table allowed: every row and column, half numbers and half Korean text. */
const { rows: ROWS, columns: COLUMNS } = TABLE_EXPORT_LIMITS;
const largest = {
  title: '가장 큰 표',
  columns: Array.from({ length: COLUMNS }, (_, j) => `열 ${j + 1}`),
  rows: Array.from({ length: ROWS }, (_, i) => Array.from({ length: COLUMNS }, (_, j) => (j % 2 === 0 ? i * COLUMNS + j : `${i}-${j} 평생학습도시`))),
};

function expectErrorShape(body: Record<string, unknown>, field?: string) {
  expect(body).toMatchObject({ error: expect.any(String), message: expect.any(String) });
  if (field) expect(body.field).toBe(field);
}

describe(`the table export on ${testEngine()}`, () => {
  let t: TestApp;
  let resident: Client;

  beforeAll(async () => {
    t = await testApp();
    resident = await t.as('resident@example.com');
  });
  afterAll(() => t.close());

  it('is only for someone logged in, and says so before reading the table', async () => {
    const response = await t.anonymous.post(URL, { title: '표', columns: ['가'], rows: [[1]] });
    expect(response.statusCode).toBe(401);
    expectErrorShape(response.json());
  });

  it('gives a workbook whose sheet is named as Excel allows, whatever the title', async () => {
    const titles: [string, string][] = [
      ["'광명시 지표'", '광명시 지표'],
      ["''", '표'],
      ['[2026] 지표: 광명/순천 *비교*?', '2026 지표 광명 순천 비교'],
      ['History', 'History 표'],
      [`${'가'.repeat(30)}😀끝`, '가'.repeat(30)],
      [`${'나'.repeat(30)}'`, '나'.repeat(30)],
    ];
    for (const [title, sheet] of titles) {
      const response = await resident.post(URL, { title, columns: ['지표', '값'], rows: [['참여율', 12.5], ['만족도', null]] });
      expect(response.statusCode, title).toBe(200);
      expect(response.headers['content-type']).toContain('spreadsheetml');
      const [worksheet] = await sheetsOf(response.rawPayload);
      expect(worksheet!.name, title).toBe(sheet);
      expect(worksheet!.getRow(1).values).toEqual([undefined, '지표', '값']);
      expect(worksheet!.getRow(2).values).toEqual([undefined, '참여율', 12.5]);
      expect(worksheet!.getRow(3).getCell(1).value).toBe('만족도');
      expect(worksheet!.getRow(3).getCell(2).value).toBe(null);
    }
  });

  it('refuses broken text in the title with the error shape', async () => {
    const response = await resident.post(URL, { title: '지표 \ud800', columns: ['가'], rows: [] });
    expect(response.statusCode).toBe(400);
    expectErrorShape(response.json(), 'title');
  });

  it('refuses a table larger than the pages show, naming what is too large', async () => {
    const { rows, columns, cellLength, bytes } = TABLE_EXPORT_LIMITS;
    const tooManyRows = await resident.post(URL, { title: '표', columns: ['가'], rows: Array.from({ length: rows + 1 }, () => [1]) });
    expect(tooManyRows.statusCode).toBe(400);
    expectErrorShape(tooManyRows.json(), 'rows');
    const tooManyColumns = await resident.post(URL, { title: '표', columns: Array.from({ length: columns + 1 }, (_, i) => `열 ${i}`), rows: [] });
    expect(tooManyColumns.statusCode).toBe(400);
    expectErrorShape(tooManyColumns.json(), 'columns');
    const wideRow = await resident.post(URL, { title: '표', columns: ['가'], rows: [Array.from({ length: columns + 1 }, () => 1)] });
    expect(wideRow.statusCode).toBe(400);
    expectErrorShape(wideRow.json(), 'rows');
    const longCell = await resident.post(URL, { title: '표', columns: ['가'], rows: [['가'.repeat(cellLength + 1)]] });
    expect(longCell.statusCode).toBe(400);
    expectErrorShape(longCell.json(), 'rows');
    // Within every count, but more bytes than any page sends.
    const heavy = await resident.post(URL, {
      title: '표', columns: ['가'], rows: Array.from({ length: rows }, () => ['가'.repeat(Math.ceil(bytes / rows / 3) + 10)]),
    });
    expect(heavy.statusCode).toBe(413);
    expectErrorShape(heavy.json(), 'body');
    expect(heavy.json().message).toMatch(/[가-힣]/);
  });

  it('makes the workbook on a worker thread, while the server goes on answering', async () => {
    const before = workerPoolStats().completed;
    let finished = false;
    const exporting = resident.post(URL, largest).finally(() => {
      finished = true;
    });
    // Health checks one after another, for as long as the export runs: they are answered in between. (Between
    // two, the event loop turns, as it does between real clients' requests: in-process requests alone never let
    // the worker's answer in.)
    let answeredMeanwhile = 0;
    for (let i = 0; !finished && i < 10_000; i++) {
      const health = await t.anonymous.get('/api/health');
      expect(health.statusCode).toBe(200);
      if (!finished) answeredMeanwhile++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const response = await exporting;
    expect(response.statusCode).toBe(200);
    expect(answeredMeanwhile).toBeGreaterThanOrEqual(3);
    expect(workerPoolStats().completed).toBe(before + 1);
    const [sheet] = await sheetsOf(response.rawPayload);
    expect(sheet!.rowCount).toBe(ROWS + 1);
    expect(sheet!.getRow(ROWS + 1).getCell(COLUMNS).value).toBe(`${ROWS - 1}-${COLUMNS - 1} 평생학습도시`);
  });

  it('refuses more work than may wait for the workers, saying when to come back', async () => {
    const { maxThreads, maxWaiting } = workerPoolStats();
    const responses = await Promise.all(Array.from({ length: maxThreads + maxWaiting + 8 }, () => resident.post(URL, largest)));
    const refused = responses.filter((r) => r.statusCode === 503);
    expect(refused.length).toBeGreaterThan(0);
    expect(responses.filter((r) => r.statusCode === 200).length).toBeGreaterThanOrEqual(maxThreads + maxWaiting);
    expect(refused[0]!.headers['retry-after']).toMatch(/^\d+$/);
    expectErrorShape(refused[0]!.json());
    expect(refused[0]!.json().message).toMatch(/[가-힣]/);
  });
});
