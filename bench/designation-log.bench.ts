/**
 * Does exporting the whole designation log hold up everyone else? Writes `--rows` log entries into a fresh
 * embedded database, serves the CSV and the Excel export over a real socket, and asks another address every
 * 20 ms while each downloads: reports how long the export took and how long those other requests waited.
 *   npm run bench -- designation-log [--rows=20000]
 * PGlite answers on the server's own thread, so this is the engine where an export can starve the others.
 * Measures only; asserts nothing.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openPglite } from '../src/server/platform/database/database.ts';
import { migrate } from '../src/server/platform/database/migrate.ts';
import { geography } from '../src/server/modules/geography/index.ts';
import { logCsv, logWorkbook } from '../src/server/modules/designation/log.service.ts';
import { percentile, record } from './support.ts';

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { rows: { type: 'string', default: '20000' } } });
  const rows = Number(values.rows);
  const database = await openPglite();
  await migrate(database);
  await geography.ensureGeography(database.db);
  await database.db.execute(sql`
    INSERT INTO designation_log (occurred_at, actor_name, step, call_id, application_id, city_code, before, after, reason)
    SELECT now() - (g || ' minutes')::interval, '교육부 담당자', 'milestone_submitted', 1, g % 60 + 1, '31060',
           '{"kind":"needs_survey","status":"open"}'::jsonb,
           '{"kind":"needs_survey","status":"submitted","fileName":"학습요구조사.pdf","sha256":"e2f778ac973972532ac0342b883617ae09bbeb786c7ad35e4cea00cb567d628a"}'::jsonb,
           '주민 설문 결과'
    FROM generate_series(1, ${rows}) g`);
  const server = createServer((request, response) => {
    if (request.url === '/ping') return response.end('ok');
    const stream = request.url === '/csv' ? logCsv(database.db, {}, 'ko') : logWorkbook(database.db, {}, 'ko');
    void pipeline(stream, response).catch((error: unknown) => console.error('export failed', error));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    for (const format of ['csv', 'xlsx'] as const) {
      const started = performance.now();
      let done = false;
      const download = fetch(`${base}/${format}`).then((r) => r.arrayBuffer()).then((body) => { done = true; return body.byteLength; });
      const waits: number[] = [];
      while (!done) {
        const sent = performance.now();
        await fetch(`${base}/ping`).then((r) => r.text());
        waits.push(performance.now() - sent);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const bytes = await download;
      const result = {
        format, rows, megabytes: Number((bytes / 1024 / 1024).toFixed(2)), seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
        otherRequests: waits.length, waitMedianMs: Math.round(percentile(waits, 50)), waitP95Ms: Math.round(percentile(waits, 95)), waitMaxMs: Math.round(Math.max(...waits)),
      };
      record('designation-log', result);
    }
  } finally {
    server.close();
    await database.close();
  }
}
