/**
 * The annual report PDF of a demo city (issue 11, finding 13: ≤ 5 s), as the console's job makes it: the data
 * gathered on this thread from the modules, each step timed, then the PDF drawn on the document worker pool.
 * The median of `--runs` (3) after one unmeasured run (which loads pdfmake, ECharts and the fonts on the worker,
 * and warms the database's caches), with the machine's load average before and after.
 *
 *   npm run bench -- annual-report [--data-dir=bench/.data/pglite-demo] [--city=31060] [--year=2026] [--runs=3]
 *   npm run bench -- annual-report --database=postgres://…   (an existing database; `demo` generated if empty)
 *   npm run bench -- annual-report --inline   (draw on this thread: a CPU profile then sees the drawing too)
 *   npm run bench -- annual-report --compiled (the server's code as `npm start` runs it: compiled into dist/server,
 *                                              so the document worker loads plain JavaScript, not TypeScript)
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type * as Gathering from '../src/server/modules/annual-report/annual-report.data.ts';
import type * as Rendering from '../src/server/modules/annual-report/annual-report.render.ts';
import type * as Workers from '../src/server/platform/workers/pool.ts';
import { buildServerIfStale, serverDist } from '../scripts/build-server.ts';
import { repositoryRoot } from '../src/server/config.ts';
import { todayInKorea } from '../src/shared/lib/korea-time.ts';
import { openBenchData, percentile, record } from './support.ts';

const round = (seconds: number) => Math.round(seconds * 100) / 100;

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      database: { type: 'string' },
      'data-dir': { type: 'string', default: 'bench/.data/pglite-demo' },
      city: { type: 'string', default: '31060' },
      year: { type: 'string', default: todayInKorea().slice(0, 4) },
      runs: { type: 'string', default: '3' },
      inline: { type: 'boolean', default: false },
      compiled: { type: 'boolean', default: false },
    },
  });
  // The same modules, from the TypeScript or from the compiled tree `npm start` runs.
  if (values.compiled) await buildServerIfStale();
  const code = values.compiled ? pathToFileURL(`${serverDist}/src/server/`).href : new URL('../src/server/', import.meta.url).href;
  const from = <T>(module: string) => import(new URL(values.compiled ? module.replace(/\.ts$/, '.js') : module, code).href) as Promise<T>;
  const { gatherAnnualReport } = await from<typeof Gathering>('modules/annual-report/annual-report.data.ts');
  const { renderAnnualReportOffThread } = await from<typeof Rendering>('modules/annual-report/annual-report.render.ts');
  const { closeWorkerPool, renderInline } = await from<typeof Workers>('platform/workers/pool.ts');
  const runs = Number(values.runs);
  const year = Number(values.year);
  renderInline(values.inline);
  const database = values.database
    ? await openBenchData({ postgres: values.database }, 'demo', todayInKorea())
    : await openBenchData({ dataDir: values['data-dir'] }, 'demo', todayInKorea());
  try {
    const once = async () => {
      const steps: Record<string, number> = {};
      let phase = 'Finding the city';
      let mark = performance.now();
      const started = mark;
      const data = await gatherAnnualReport(database.db, values.city, year, (next) => {
        const now = performance.now();
        steps[phase] = (now - mark) / 1000;
        phase = next;
        mark = now;
      });
      steps[phase] = (performance.now() - mark) / 1000;
      const drawing = performance.now();
      const pdf = await renderAnnualReportOffThread({ data, format: 'pdf' });
      steps['Drawing the PDF'] = (performance.now() - drawing) / 1000;
      return { seconds: (performance.now() - started) / 1000, steps, pdf };
    };

    const loadBefore = loadavg()[0]!;
    const warm = await once();
    const stepsOf = (result: typeof warm) => Object.entries(result.steps).map(([k, v]) => `${k} ${round(v)}`).join(', ');
    console.log(`Unmeasured first run: ${round(warm.seconds)} s (${stepsOf(warm)})`);
    const measured: (typeof warm)[] = [];
    for (let i = 0; i < runs; i++) {
      const result = await once();
      console.log(`  run ${i + 1}: ${round(result.seconds)} s (${stepsOf(result)})`);
      measured.push(result);
    }
    const median = (pick: (r: (typeof measured)[number]) => number) => round(percentile(measured.map(pick), 50));
    record('annual-report', {
      engine: database.engine,
      city: values.city,
      year,
      drawing: values.inline ? 'inline' : 'worker pool',
      code: values.compiled ? 'compiled (dist/server)' : 'TypeScript (tsx)',
      runs,
      // Other agents share the 2 cores: the figures mean little under a load far above 2.
      machine: { cpus: cpus().length, loadAverage: [round(loadBefore), round(loadavg()[0]!)] },
      // The first report after the server starts (or after the document thread idled for a minute) loads the libraries.
      firstRun: { seconds: round(warm.seconds), steps: Object.fromEntries(Object.entries(warm.steps).map(([k, v]) => [k, round(v)])) },
      medianSeconds: median((r) => r.seconds),
      steps: Object.fromEntries(Object.keys(measured[0]!.steps).map((step) => [step, median((r) => r.steps[step]!)])),
      pdfBytes: measured[0]!.pdf.byteLength,
    });
    // Kept to look at: the report is only fast if it still says everything.
    writeFileSync(path.join(repositoryRoot, 'bench/.data/annual-report.pdf'), measured[0]!.pdf);
  } finally {
    await closeWorkerPool();
    await database.close();
  }
}
