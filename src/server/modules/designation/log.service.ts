/**
 * Reading the designation log: a page at a time for the ministry's page, or the whole filtered log as a CSV or
 * an Excel file written batch by batch as it is read, so that an export of years of steps never sits in memory
 * at once and never holds the event loop for long.
 */
import { PassThrough, Readable } from 'node:stream';
import { setImmediate as turn } from 'node:timers/promises';
import { excel } from '../../platform/documents/workbook.ts';
import type { LogExportQuery, LogQuery } from '../../../shared/contracts/designation-log.ts';
import { pageRequest } from '../../../shared/contracts/common.ts';
import { designationSteps, type Locale } from '../../../shared/vocabulary/index.ts';
import type { Executor } from '../../platform/database/database.ts';
import { geography } from '../geography/index.ts';
import { listLog, logInBatches, type LogFilter, type LogRow } from './log.queries.ts';

const BATCH_SIZE = 500;

export function filterOf(query: Omit<LogExportQuery, 'lang'>): LogFilter {
  return { callId: query.call, applicationId: query.application, cityCode: query.city, steps: query.step, from: query.from, to: query.to };
}

export function listEntries(db: Executor, query: LogQuery) {
  return listLog(db, filterOf(query), pageRequest(query));
}

const headings: Record<Locale, string[]> = {
  ko: ['일시 (한국 시간)', '단계', '단계 코드', '처리자', '공모 번호', '신청서 번호', '도시 코드', '도시', '사유', '이전', '이후'],
  en: ['When (Korean time)', 'Step', 'Step code', 'By', 'Call', 'Application', 'City code', 'City', 'Reason', 'Before', 'After'],
};

/** "2027-03-02 10:15:00": the moment on Korea's clock (UTC+9 all year). */
const koreanClock = (instant: string) => new Date(Date.parse(instant) + 9 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

async function cityNames(db: Executor, locale: Locale): Promise<Map<string, string>> {
  const all = await geography.allMunicipalities(db);
  return new Map(all.map((m) => [m.code, locale === 'en' ? `${m.nameEn}, ${m.provinceShortEn}` : `${m.provinceShortKo} ${m.nameKo}`]));
}

function cellsOf(row: LogRow, locale: Locale, names: Map<string, string>): (string | number | null)[] {
  const json = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));
  return [
    koreanClock(row.occurredAt), designationSteps.get(row.step)[locale], row.step, row.actorName, row.callId, row.applicationId,
    row.cityCode ?? '', row.cityCode ? names.get(row.cityCode) ?? '' : '', row.reason, json(row.before), json(row.after),
  ];
}

/** A CSV field; text a spreadsheet would run as a formula (= + - @) is kept as text. */
function csvField(cell: string | number | null): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? String(cell) : /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The filtered log as CSV (UTF-8 with a byte-order mark, so that Excel reads the Korean), oldest first. */
export function logCsv(db: Executor, query: LogExportQuery, locale: Locale): Readable {
  async function* lines() {
    const names = await cityNames(db, locale);
    yield Buffer.from(`\ufeff${headings[locale].map(csvField).join(',')}\r\n`);
    for await (const batch of logInBatches(db, filterOf(query), BATCH_SIZE)) {
      yield Buffer.from(batch.map((row) => `${cellsOf(row, locale, names).map(csvField).join(',')}\r\n`).join(''));
      // PGlite answers in this thread: let other requests in between batches.
      await turn();
    }
  }
  // A byte stream (not objects): it reads ahead one batch, not sixteen.
  return Readable.from(lines(), { objectMode: false });
}

/** The filtered log as an Excel workbook, written row by row into the returned stream. */
export function logWorkbook(db: Executor, query: LogExportQuery, locale: Locale): Readable {
  const out = new PassThrough();
  void (async () => {
    const workbook = new (await excel()).stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet(locale === 'ko' ? '지정 기록' : 'Designation log', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = headings[locale].map((header, i) => ({ header, width: [20, 18, 22, 14, 10, 12, 10, 18, 40, 40, 40][i] }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    const names = await cityNames(db, locale);
    for await (const batch of logInBatches(db, filterOf(query), BATCH_SIZE)) {
      for (const row of batch) sheet.addRow(cellsOf(row, locale, names)).commit();
      // Let the zip reach the reader, and other requests in, between batches.
      await turn();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
