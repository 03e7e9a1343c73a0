/**
 * Program import at scale (issue 10, item 3): 50,000 programs of one institution, generated as a CSV and as an Excel
 * workbook in the template's format, imported through the same service the route runs as a job (the file read as a
 * stream, each batch of rows checked and written in one transaction); then each file imported again, which must change
 * nothing. Each import runs in a process of its own; records the seconds, the rows created/unchanged, that process's
 * peak memory (its worker threads included) beside its memory before the import began, and the longest the process's
 * event loop waited meanwhile (reading runs on the thread that answers requests, between the batches' queries).
 *
 *   npm run bench -- import                                   scratch PostgreSQL database lc_bench_import (the `tiny` demo)
 *   npm run bench -- import --pg=postgres://postgres@127.0.0.1:5432/<db>    an existing database (seeded with `tiny` if empty)
 *   options: --rows=50000, --formats=csv,xlsx (one of them only: --formats=xlsx)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { FileFormat } from '../src/shared/contracts/program-import.ts';
import { addDays } from '../src/shared/lib/schedule.ts';
import { loadConfig, repositoryRoot } from '../src/server/config.ts';
import { firstRow, openPostgres } from '../src/server/platform/database/database.ts';
import { consoleProgress } from '../src/server/platform/jobs/progress.ts';
import { boundHeapGrowth } from '../src/server/platform/processes/heap.ts';
import { closeWorkerPool } from '../src/server/platform/workers/pool.ts';
import { writeProgramFile, type ProgramFileRow } from '../src/server/modules/program-office/program-import.format.ts';
import { importPrograms } from '../src/server/modules/program-office/program-import.service.ts';
import { openBenchData, record, scratchDatabase, timed } from './support.ts';

const TODAY = '2026-11-25';

function programs(count: number, prefix: string, venueName: string, seats: number): ProgramFileRow[] {
  const days: ProgramFileRow['weekdays'][] = [['mon', 'wed'], ['tue', 'thu'], ['fri'], ['sat']];
  return Array.from({ length: count }, (_, i) => ({
    externalId: `${prefix}-${i + 1}`, title: `${['수채화', '스마트폰', '요가', '영어 회화', '인문학'][i % 5]} 교실 ${i + 1}`, titleEn: '',
    description: `대량 가져오기 측정용 프로그램 ${i + 1}번입니다. 일주일에 한두 번 함께 배웁니다.`,
    area: 'culture_arts', subcategory: 'everyday_arts', targetGroups: i % 3 === 0 ? ['elderly'] : ['all'], purposeTags: [],
    mode: 'in_person', venueName, startsOn: addDays(TODAY, 7 + (i % 120)), weekdays: days[i % days.length]!,
    startTime: `${String(9 + (i % 9)).padStart(2, '0')}:00`, endTime: `${String(11 + (i % 9)).padStart(2, '0')}:00`,
    sessionCount: 4 + (i % 9), capacity: Math.min(seats, 10 + (i % 20)), feeKrw: (i % 4) * 10_000, instructorName: `강사${i % 300}`,
    materials: '', registrationMode: 'online', registrationNote: '', enrolmentOpensOn: null, enrolmentClosesOn: null,
    creditType: 'none', credits: 0, minAge: null, maxAge: null, residentsFirst: false, status: i % 10 === 0 ? 'draft' : 'published',
  }));
}

/**
 * One import in a process of its own, as a server would run it (the same service, the worker pool): the peak is the
 * process's maximum resident memory, with its worker threads, not inflated by generating the file or the demo.
 */
async function importInChild(url: string, institutionId: number, file: string, format: FileFormat) {
  const child = spawnSync(process.execPath, [
    '--import', 'tsx', path.join(repositoryRoot, 'bench/run.ts'), 'import', '--child', `--pg=${url}`, `--institution=${institutionId}`, `--file=${file}`, `--format=${format}`,
  ], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  const last = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !last.startsWith('{')) throw new Error(`the import process failed (${child.status}): ${child.stdout.slice(-2000)}`);
  return JSON.parse(last) as {
    seconds: number; peakRssMb: number; idleRssMb: number; eventLoopMaxMs: number; eventLoopP99Ms: number;
    created: number; updated: number; unchanged: number; problems: number; applied: boolean;
  };
}

async function child(values: { pg?: string; institution?: string; file?: string; format?: string }) {
  // As a server process sets it (HEAP_GROWTH_PERCENT=0 measures V8's own growth).
  boundHeapGrowth(loadConfig().heapGrowthPercent);
  const database = await openPostgres(values.pg!, 4);
  const input = { institutionId: Number(values.institution), file: readFileSync(values.file!), format: values.format as FileFormat, locale: 'ko' as const, check: false };
  const progress = consoleProgress();
  const idleRssMb = Math.round(process.memoryUsage.rss() / 1024 / 1024);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  try {
    delay.enable();
    const { result, seconds } = await timed(() => importPrograms(database.db, input, (phase, done, total) => progress({ phase, done, total })));
    delay.disable();
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(JSON.stringify({
      seconds: Math.round(seconds * 10) / 10, peakRssMb, idleRssMb,
      eventLoopMaxMs: Math.round(delay.max / 1e6), eventLoopP99Ms: Math.round(delay.percentile(99) / 1e6),
      created: result.created, updated: result.updated, unchanged: result.unchanged, problems: result.problemCount, applied: result.applied,
    }));
  } finally {
    await closeWorkerPool();
    await database.close();
  }
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      pg: { type: 'string' }, rows: { type: 'string', default: '50000' }, formats: { type: 'string', default: 'csv,xlsx' },
      child: { type: 'boolean' }, institution: { type: 'string' }, file: { type: 'string' }, format: { type: 'string' },
    },
  });
  if (values.child) return child(values);
  const count = Number(values.rows);
  const url = values.pg ?? await scratchDatabase('lc_bench_import');
  const database = await openBenchData({ postgres: url }, 'tiny', TODAY);
  const venue = (await firstRow<{ institutionId: number; name: string; seats: number }>(database.db, sql`
    SELECT institution_id AS "institutionId", name, seats FROM venues WHERE seats >= 10 ORDER BY id LIMIT 1`))!;
  const folder = path.join(repositoryRoot, 'bench/.data/import');
  mkdirSync(folder, { recursive: true });
  try {
    for (const format of values.formats.split(',') as FileFormat[]) {
      const prefix = `BENCH-${format}-${Date.now()}`;
      const made = await timed(() => writeProgramFile({ format, programs: programs(count, prefix, venue.name, venue.seats) }, () => {}));
      const file = path.join(folder, `programs-${count}.${format}`);
      writeFileSync(file, made.result);
      console.log(`${format}: ${count.toLocaleString('en')} programs, ${(made.result.length / 1024 / 1024).toFixed(1)} MB, made in ${made.seconds.toFixed(1)} s`);
      const first = await importInChild(url, venue.institutionId, file, format);
      const again = await importInChild(url, venue.institutionId, file, format);
      const stored = (await firstRow<{ programs: number; sessions: number; versions: number }>(database.db, sql`
        SELECT count(*)::int AS programs, sum(session_count)::int AS sessions, sum(version)::int AS versions FROM programs WHERE external_id LIKE ${`${prefix}-%`}`))!;
      record('import', {
        engine: 'postgresql', format, rows: count, fileMb: Math.round(made.result.length / 1024 / 10.24) / 100,
        import: first, reimport: again, stored, versionsUnchanged: stored.versions === stored.programs,
        target: { seconds: 60, peakRssMb: 400 }, loadAverage: Math.round(loadavg()[0]! * 10) / 10,
        // How far the heap may grow past what survives sets the peak, not the rows held: decision 008.
        heapGrowthPercent: loadConfig().heapGrowthPercent,
        ...(process.env.NODE_OPTIONS ? { nodeOptions: process.env.NODE_OPTIONS } : {}),
      });
    }
  } finally {
    await database.close();
  }
}
