/**
 * Program import at scale (issue 10, item 3): 50,000 programs of one institution, generated as a CSV and as an Excel
 * workbook in the template's format, imported through the same service the route runs as a job (reading and checking
 * on a worker, writing in one transaction); then each file imported again, which must change nothing. Records the
 * seconds, the rows created/unchanged, and the peak memory of the process (its worker threads included).
 *
 *   npm run bench -- import                                   scratch PostgreSQL database lc_bench_import (the `tiny` demo)
 *   npm run bench -- import --pg=postgres://postgres@127.0.0.1:5432/<db>    an existing database (seeded with `tiny` if empty)
 *   options: --rows=50000
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { FileFormat } from '../src/shared/contracts/program-import.ts';
import { addDays } from '../src/shared/lib/schedule.ts';
import { firstRow } from '../src/server/platform/database/database.ts';
import { consoleProgress } from '../src/server/platform/jobs/progress.ts';
import { closeWorkerPool } from '../src/server/platform/workers/pool.ts';
import { writeProgramFile, type ProgramFileRow } from '../src/server/modules/program-office/program-import.format.ts';
import { importPrograms } from '../src/server/modules/program-office/program-import.service.ts';
import { openBenchData, record, scratchDatabase, timed } from './support.ts';

const TODAY = '2026-11-25';

/** Peak resident memory while `work` runs, sampled every 50 ms (RSS covers the worker threads: they share the process). */
async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 50);
  try {
    const result = await work();
    return { result, peakMb: Math.round(Math.max(peak, process.memoryUsage.rss()) / 1024 / 1024) };
  } finally {
    clearInterval(timer);
  }
}

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

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { pg: { type: 'string' }, rows: { type: 'string', default: '50000' } } });
  const count = Number(values.rows);
  const url = values.pg ?? await scratchDatabase('lc_bench_import');
  const database = await openBenchData({ postgres: url }, 'tiny', TODAY);
  const venue = (await firstRow<{ institutionId: number; name: string; seats: number }>(database.db, sql`
    SELECT institution_id AS "institutionId", name, seats FROM venues WHERE seats >= 10 ORDER BY id LIMIT 1`))!;
  const progress = consoleProgress();
  const report = (phase: string, done: number, total: number) => progress({ phase, done, total });
  try {
    for (const format of ['csv', 'xlsx'] as FileFormat[]) {
      const prefix = `BENCH-${format}-${Date.now()}`;
      const made = await timed(() => writeProgramFile({ format, programs: programs(count, prefix, venue.name, venue.seats) }, () => {}));
      const file = made.result;
      console.log(`${format}: ${count.toLocaleString('en')} programs, ${(file.length / 1024 / 1024).toFixed(1)} MB, made in ${made.seconds.toFixed(1)} s`);
      const input = { institutionId: venue.institutionId, file, format, locale: 'ko' as const, check: false };
      const first = await withPeakMemory(() => timed(() => importPrograms(database.db, input, report)));
      const again = await withPeakMemory(() => timed(() => importPrograms(database.db, input, report)));
      const stored = (await firstRow<{ programs: number; sessions: number; versions: number }>(database.db, sql`
        SELECT count(*)::int AS programs, sum(session_count)::int AS sessions, sum(version)::int AS versions FROM programs WHERE external_id LIKE ${`${prefix}-%`}`))!;
      const summary = (r: typeof first.result.result) => ({ created: r.created, updated: r.updated, unchanged: r.unchanged, problems: r.problemCount, applied: r.applied });
      record('import', {
        engine: 'postgresql', format, rows: count, fileMb: Math.round(file.length / 1024 / 10.24) / 100,
        import: { seconds: Math.round(first.result.seconds * 10) / 10, peakRssMb: first.peakMb, ...summary(first.result.result) },
        reimport: { seconds: Math.round(again.result.seconds * 10) / 10, peakRssMb: again.peakMb, ...summary(again.result.result) },
        stored, versionsUnchanged: stored.versions === stored.programs,
        target: { seconds: 60, peakRssMb: 400 },
      });
    }
  } finally {
    await closeWorkerPool();
    await database.close();
  }
}
