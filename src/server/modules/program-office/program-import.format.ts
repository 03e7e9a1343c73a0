/**
 * The program file: one row per program, Korean headers, vocabulary values as their Korean words (codes and English
 * words are read too). The same columns go out (template, export) and come back in (import), so an exported file
 * edited and uploaded again round-trips. Reading checks every cell and plans each program's sessions from its pattern
 * (public holidays skipped) as a stream, a batch at a time, on the request thread, so that no more than a batch of rows
 * is held; writing a file runs on a worker thread.
 */
import { isUtf8 } from 'node:buffer';
import { statSync, type ReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { StringDecoder } from 'node:string_decoder';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import type ExcelJS from 'exceljs';
import Type from 'typebox';
import Compile from 'typebox/compile';
import type { FileFormat, ImportProblem } from '../../../shared/contracts/program-import.ts';
import { ProgramEditBody } from '../../../shared/contracts/program-office.ts';
import { DateString } from '../../../shared/contracts/programs.ts';
import { planSessions } from '../../../shared/lib/holidays.ts';
import {
  creditTypes, deliveryModes, programAreas, programSubcategories, purposeTags, registrationModes, targetGroups, weekdays, type Labelled, type Locale, type ProgramFilePhase,
} from '../../../shared/vocabulary/index.ts';
import { excel } from '../../platform/documents/workbook.ts';
import { validationMessage, type AjvError, type Words } from '../../platform/http/errors.ts';
import type { ReportProgress } from '../../platform/jobs/jobs.ts';
import { offThread } from '../../platform/workers/pool.ts';

type Kind = 'text' | 'integer' | 'number' | 'date' | 'time' | 'yesNo' | 'code' | 'codes' | 'subcategory' | 'status';

interface Column {
  key: keyof ProgramFileRow;
  header: string;
  kind: Kind;
  vocabulary?: readonly Labelled[];
  width?: number;
  /** Said in the template's second sheet. */
  note: string;
}

const statusWords = [{ code: 'draft', ko: '작성 중', en: 'Draft' }, { code: 'published', ko: '공개', en: 'Published' }] as const;

/** The columns, in the file's order. */
export const columns: readonly Column[] = [
  { key: 'externalId', header: '기관 프로그램 번호', kind: 'text', width: 16, note: '기관이 쓰는 프로그램 번호. 같은 번호로 다시 올리면 그 프로그램을 고칩니다 (필수)' },
  { key: 'title', header: '제목', kind: 'text', width: 30, note: '2~120자 (필수)' },
  { key: 'titleEn', header: '영문 제목', kind: 'text', width: 24, note: '선택' },
  { key: 'description', header: '설명', kind: 'text', width: 40, note: '10자 이상 (필수)' },
  { key: 'area', header: '분야', kind: 'code', vocabulary: programAreas.entries, width: 16, note: programAreas.entries.map((a) => a.ko).join(', ') },
  { key: 'subcategory', header: '세부 분야', kind: 'subcategory', width: 16, note: '분야에 속한 세부 분야 (예: 인문교양교육 → 인문학)' },
  { key: 'targetGroups', header: '대상', kind: 'codes', vocabulary: targetGroups.entries, width: 16, note: `쉼표로 여럿: ${targetGroups.entries.map((g) => g.ko).join(', ')}` },
  { key: 'purposeTags', header: '목적', kind: 'codes', vocabulary: purposeTags.entries, width: 14, note: `선택, 쉼표로 여럿: ${purposeTags.entries.map((g) => g.ko).join(', ')}` },
  { key: 'mode', header: '방식', kind: 'code', vocabulary: deliveryModes.entries, width: 8, note: deliveryModes.entries.map((m) => m.ko).join(', ') },
  { key: 'venueName', header: '강의실', kind: 'text', width: 20, note: '기관에 등록한 장소 이름 그대로 (온라인이면 비움)' },
  { key: 'startsOn', header: '시작일', kind: 'date', width: 12, note: '2026-03-03 (첫 수업 날짜를 이날부터 찾습니다)' },
  { key: 'weekdays', header: '요일', kind: 'codes', vocabulary: weekdays.entries, width: 10, note: '쉼표로 여럿: 월, 화, 수, 목, 금, 토, 일' },
  { key: 'startTime', header: '시작 시간', kind: 'time', width: 10, note: '10:00' },
  { key: 'endTime', header: '끝 시간', kind: 'time', width: 10, note: '12:00' },
  { key: 'sessionCount', header: '회차', kind: 'integer', width: 8, note: '1~200회 (공휴일은 건너뜁니다)' },
  { key: 'capacity', header: '정원', kind: 'integer', width: 8, note: '명 (강의실 좌석 수 이하)' },
  { key: 'feeKrw', header: '수강료', kind: 'integer', width: 10, note: '원 (무료는 0)' },
  { key: 'instructorName', header: '강사', kind: 'text', width: 12, note: '선택' },
  { key: 'materials', header: '준비물', kind: 'text', width: 20, note: '선택' },
  { key: 'registrationMode', header: '신청 방법', kind: 'code', vocabulary: registrationModes.entries, width: 12, note: registrationModes.entries.map((m) => m.ko).join(', ') },
  { key: 'registrationNote', header: '신청 안내', kind: 'text', width: 24, note: '선택 (방문·전화 접수의 장소, 번호)' },
  { key: 'enrolmentOpensOn', header: '신청 시작일', kind: 'date', width: 12, note: '선택' },
  { key: 'enrolmentClosesOn', header: '신청 마감일', kind: 'date', width: 12, note: '선택' },
  { key: 'creditType', header: '학점', kind: 'code', vocabulary: creditTypes.entries, width: 12, note: creditTypes.entries.map((c) => c.ko).join(', ') },
  { key: 'credits', header: '학점 수', kind: 'number', width: 8, note: '0~30, 0.5 단위' },
  { key: 'minAge', header: '최소 나이', kind: 'integer', width: 8, note: '선택' },
  { key: 'maxAge', header: '최대 나이', kind: 'integer', width: 8, note: '선택' },
  { key: 'residentsFirst', header: '관내 주민 우선', kind: 'yesNo', width: 10, note: '예 / 아니오' },
  { key: 'status', header: '상태', kind: 'status', vocabulary: statusWords, width: 10, note: '작성 중 또는 공개 (공개한 프로그램은 작성 중으로 되돌릴 수 없습니다)' },
];

/** A program as a row of the file, in codes. */
export interface ProgramFileRow {
  externalId: string;
  title: string;
  titleEn: string;
  description: string;
  area: ProgramEditBody['area'];
  subcategory: ProgramEditBody['subcategory'];
  targetGroups: ProgramEditBody['targetGroups'];
  purposeTags: ProgramEditBody['purposeTags'];
  mode: ProgramEditBody['mode'];
  venueName: string;
  startsOn: string;
  weekdays: ProgramEditBody['weekdays'];
  startTime: string;
  endTime: string;
  sessionCount: number;
  capacity: number;
  feeKrw: number;
  instructorName: string;
  materials: string;
  registrationMode: ProgramEditBody['registrationMode'];
  registrationNote: string;
  enrolmentOpensOn: string | null;
  enrolmentClosesOn: string | null;
  creditType: ProgramEditBody['creditType'];
  credits: number;
  minAge: number | null;
  maxAge: number | null;
  residentsFirst: boolean;
  status: 'draft' | 'published';
}

/**
 * A row read from a file: where it was, what it says, and the days of the sessions its pattern makes (at the row's
 * times). Days, not session objects: 50,000 programs have some 400,000 sessions.
 */
export interface ImportedProgram extends ProgramFileRow {
  row: number;
  sessionDates: string[];
}

const { sessions: _s, publish: _p, version: _v, venueId: _venue, ...edited } = ProgramEditBody.properties;
/** What a row must satisfy: the editor's rules for each field, and the file's own ones. */
const RowSchema = Type.Object({
  ...edited,
  externalId: Type.String({ minLength: 1, maxLength: 64 }),
  venueName: Type.String({ maxLength: 120 }),
  startsOn: DateString,
  sessionCount: Type.Integer({ minimum: 1, maximum: 200 }),
  status: Type.Unsafe({ type: 'string', enum: ['draft', 'published'] }),
});
/** Compiled once: checking 50,000 rows through the interpreter took seconds. */
const rowValidator = Compile(RowSchema);

// ------------------------------------------------------------------ writing

const label = (vocabulary: readonly Labelled[] | undefined, code: string) => vocabulary?.find((v) => v.code === code)?.ko ?? code;

function cellText(program: ProgramFileRow, column: Column): string | number {
  const value = program[column.key];
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((code) => label(column.vocabulary, code)).join(', ');
  if (typeof value === 'boolean') return value ? '예' : '아니오';
  if (column.kind === 'subcategory') return label(programSubcategories.entries, String(value));
  if (column.vocabulary) return label(column.vocabulary, String(value));
  return value;
}

export interface ProgramFileInput {
  format: FileFormat;
  programs: ProgramFileRow[];
  /** The template: a sheet explaining each column, and one example row. */
  template?: boolean;
}

const SHEET = '프로그램';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const contentTypes: Record<FileFormat, string> = { xlsx: XLSX_TYPE, csv: 'text/csv; charset=utf-8' };

/** Rows as CSV with a BOM (Excel opens it as UTF-8) and Windows line ends. */
export const csvFile = (records: (string | number)[][]): Buffer => Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(stringify(records, { record_delimiter: '\r\n' }))]);

/** The programs as a file: an Excel workbook (streamed, so 50,000 rows stay small) or a CSV with a BOM (Excel opens it as UTF-8). */
export async function writeProgramFile({ format, programs, template }: ProgramFileInput, progress: ReportProgress): Promise<Buffer> {
  if (format === 'csv') {
    return csvFile([columns.map((c) => c.header), ...programs.map((p) => columns.map((c) => cellText(p, c)))]);
  }
  const chunks: Buffer[] = [];
  const out = new (await import('node:stream')).PassThrough();
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new (await excel()).stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 12 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (const [i, program] of programs.entries()) {
    sheet.addRow(columns.map((c) => cellText(program, c))).commit();
    if (i % 1000 === 0) progress('writing' satisfies ProgramFilePhase, i, programs.length);
  }
  sheet.commit();
  if (template) {
    const help = workbook.addWorksheet('작성 안내');
    help.columns = [{ header: '열', width: 20 }, { header: '적는 법', width: 90 }];
    help.getRow(1).font = { bold: true };
    for (const c of columns) help.addRow([c.header, c.note]).commit();
    help.commit();
  }
  await workbook.commit();
  return Buffer.concat(chunks);
}

export const writeProgramFileOffThread = offThread(import.meta.url, writeProgramFile);

// ------------------------------------------------------------------ reading

/** What is wrong with a cell, in both languages. */
class CellProblem extends Error {
  constructor(readonly words: { ko: string; en: string }) {
    super(words.en);
  }
}

/** The file as text, a piece at a time: UTF-8 (with or without a BOM) if the bytes are valid UTF-8, else CP949, as Korean offices' Excel saves CSV. */
function* textOf(file: Uint8Array, reached: Reached): Generator<string> {
  // WHATWG's euc-kr is windows-949 (CP949), which covers every Hangul syllable.
  const decoder = new TextDecoder(isUtf8(file) ? 'utf-8' : 'euc-kr');
  for (let start = 0; start < file.length; start += TEXT_PIECE) {
    reached(start, file.length);
    yield decoder.decode(file.subarray(start, start + TEXT_PIECE), { stream: true });
  }
  yield decoder.decode();
}
const TEXT_PIECE = 256 * 1024;

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const pad = (n: number) => String(n).padStart(2, '0');

/** A cell's value as text, whatever Excel made of it (rich text, a formula's result, a date, a number). */
function cellValue(value: ExcelJS.CellValue | string | undefined): string | number | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && !(value instanceof Date)) {
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    return null;
  }
  if (typeof value === 'boolean') return value ? '예' : '아니오';
  return value;
}

const YES = new Set(['예', 'y', 'yes', 'true', 'o', '1']);
const NO = new Set(['아니오', '아니요', 'n', 'no', 'false', 'x', '0']);

function findCode(vocabulary: readonly Labelled[], word: string): string {
  const lower = word.toLowerCase();
  const found = vocabulary.find((v) => v.code === word || v.ko === word || v.en.toLowerCase() === lower);
  if (!found) {
    const choices = vocabulary.map((v) => v.ko).join(', ');
    throw new CellProblem({ ko: `‘${word}’은(는) 다음 중 하나여야 합니다: ${choices}`, en: `‘${word}’ is not one of: ${choices}` });
  }
  return found.code;
}

function toDate(value: string | number | Date): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return new Date(EXCEL_EPOCH + Math.round(value) * 86_400_000).toISOString().slice(0, 10);
  const match = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})\.?$/.exec(value);
  if (!match) throw new CellProblem({ ko: '2026-03-03처럼 날짜로 적어 주세요', en: 'must be a date like 2026-03-03' });
  return `${match[1]}-${pad(Number(match[2]))}-${pad(Number(match[3]))}`;
}

function toTime(value: string | number | Date): string {
  if (value instanceof Date) return `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`;
  if (typeof value === 'number' && value < 1) {
    const minutes = Math.round(value * 24 * 60);
    return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  }
  const match = /^(\d{1,2}):(\d{2})(?::00)?$/.exec(String(value));
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) throw new CellProblem({ ko: '10:00처럼 시각으로 적어 주세요', en: 'must be a time like 10:00' });
  return `${pad(Number(match[1]))}:${match[2]}`;
}

/** One cell to the field's value (empty optional cells to their default); `area` is the row's, for its sub-category. */
function fromCell(raw: string | number | Date | null, column: Column, area: unknown): unknown {
  const empty = raw === null || (typeof raw === 'string' && raw.trim() === '');
  const text = empty ? '' : typeof raw === 'string' ? raw.trim() : raw instanceof Date ? raw.toISOString() : String(raw);
  switch (column.kind) {
    case 'text':
      return text;
    case 'integer':
    case 'number': {
      if (empty) return column.key === 'minAge' || column.key === 'maxAge' ? null : column.key === 'feeKrw' || column.key === 'credits' ? 0 : undefined;
      const number = typeof raw === 'number' ? raw : Number(text.replace(/[,\s원명회]/g, ''));
      if (!Number.isFinite(number)) throw new CellProblem({ ko: '숫자로 적어 주세요', en: 'must be a number' });
      return number;
    }
    case 'date':
      return empty ? (column.key === 'startsOn' ? undefined : null) : toDate(raw!);
    case 'time':
      return empty ? undefined : toTime(raw!);
    case 'yesNo':
      if (empty || NO.has(text.toLowerCase())) return false;
      if (YES.has(text.toLowerCase())) return true;
      throw new CellProblem({ ko: '예 또는 아니오로 적어 주세요', en: 'write 예 or 아니오' });
    case 'code':
    case 'status':
      if (empty) return column.key === 'creditType' ? 'none' : column.key === 'registrationMode' ? 'online' : column.key === 'status' ? 'draft' : undefined;
      return findCode(column.vocabulary!, text);
    case 'codes':
      return text.split(/[,，、/]/).map((w) => w.trim()).filter(Boolean).map((w) => findCode(column.vocabulary!, w));
    case 'subcategory': {
      if (empty) return undefined;
      const inArea = programAreas.entries.find((a) => a.code === area);
      return findCode(inArea ? (inArea.subcategories as readonly Labelled[]) : programSubcategories.entries, text);
    }
  }
}

export interface ProgramFile {
  file: Uint8Array;
  format: FileFormat;
  locale: Locale;
}

/** Rows read between two turns of the event loop: some 10 ms of parsing and checking. */
const LET_REQUESTS_IN = 100;

/** The first problem of each bad cell; the list stops growing at this many (the count does not). */
export const MAX_LISTED_PROBLEMS = 1000;

/** What reading a file has found so far: its rows, the first problems by row and column, how many there are in all. */
export interface Findings {
  rows: number;
  problems: ImportProblem[];
  problemCount: number;
}

export const nothingFound = (): Findings => ({ rows: 0, problems: [], problemCount: 0 });

/**
 * A string of its own. A cell's text is a slice of the reader's chunk of XML (some 100 KB), which it keeps alive: the
 * numbers of 50,000 rows kept to find repeats held every chunk of the sheet, over 100 MB.
 */
const ownCopy = (text: string) => Buffer.from(text).toString();

export function noteProblem(findings: Findings, { row, column, message }: ImportProblem): void {
  findings.problemCount++;
  if (findings.problems.length < MAX_LISTED_PROBLEMS) findings.problems.push({ row, column: ownCopy(column), message: ownCopy(message) });
}

type Chunks = AsyncIterable<Buffer | string>;
interface ReaderInternals {
  _parseWorksheet(iterator: Chunks, sheetNo: string): unknown;
  _parseSharedStrings(entry: NodeJS.ReadableStream): unknown;
}

/** How far into its text reading has got, in bytes (for the job's progress). */
type Reached = (bytes: number, of: number) => void;

/**
 * Text decoded across chunk boundaries: a character cut in two by a chunk is joined again. ExcelJS first copies a
 * sheet to a temporary file (when it comes before the workbook's other parts, as in Excel's and our own files): then
 * the file's size says how far reading has got.
 */
async function* wholeCharacters(chunks: Chunks, reached: Reached): AsyncGenerator<string> {
  const path = (chunks as Partial<ReadStream>).path;
  const size = typeof path === 'string' ? statSync(path).size : 0;
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  for await (const chunk of chunks) {
    bytes += chunk.length;
    if (size > 0) reached(bytes, size);
    yield typeof chunk === 'string' ? chunk : decoder.write(chunk);
  }
  yield decoder.end();
}

/**
 * ExcelJS's streaming reader, given its sheets and shared strings as text decoded across chunks. On its own it decodes
 * each chunk of the XML separately, so a Korean character that straddles two chunks becomes U+FFFD: about one row in
 * a thousand of a large file (exceljs#2084, unfixed in 4.4.0; the methods overridden are that version's).
 */
async function wholeCharacterReader(reached: Reached) {
  const { WorkbookReader } = (await excel()).stream.xlsx;
  const internals = WorkbookReader.prototype as unknown as ReaderInternals;
  return class extends WorkbookReader {
    _parseWorksheet(iterator: Chunks, sheetNo: string) {
      return internals._parseWorksheet.call(this, wholeCharacters(iterator, reached), sheetNo);
    }

    _parseSharedStrings(entry: NodeJS.ReadableStream) {
      entry.setEncoding('utf8');
      return internals._parseSharedStrings.call(this, entry);
    }
  };
}

/** The rows of a file, as cells: the header row first. */
async function* recordsOf(file: Uint8Array, format: FileFormat, reached: Reached): AsyncGenerator<(string | number | Date | null)[]> {
  if (format === 'csv') {
    // Streamed: the parsed rows are never all held at once.
    yield* Readable.from(textOf(file, reached)).pipe(parse({ relax_column_count: true, skip_empty_lines: true, bom: true })) as AsyncIterable<string[]>;
    return;
  }
  const reader = new (await wholeCharacterReader(reached))(Readable.from([Buffer.from(file.buffer, file.byteOffset, file.byteLength)]), {
    // Styles are not needed: a date or time Excel stored as a number is read as one (see toDate, toTime).
    sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'emit',
  });
  for await (const sheet of reader) {
    // The programs are on the first sheet (the template's second one explains the columns).
    for await (const row of sheet) {
      const values = (row as ExcelJS.Row).values as (ExcelJS.CellValue | undefined)[];
      // ExcelJS counts columns from 1, and a row keeps its number even when rows before it are empty.
      const cells = values.slice(1).map((v) => cellValue(v));
      yield Object.assign(cells, { excelRow: (row as ExcelJS.Row).number });
    }
    break;
  }
}

/**
 * Reads and checks every row: each cell against its column, then the row against the editor's rules, then its
 * sessions planned from the pattern with public holidays skipped. The good rows come `size` at a time as they are
 * read (the file's rows are never all held); the bad ones go into `findings`, by row and the column's header.
 */
export async function* programsIn(
  { file, format, locale }: ProgramFile, findings: Findings, size: number, reached: Reached,
): AsyncGenerator<ImportedProgram[]> {
  const say = (words: Words) => (typeof words === 'string' ? words : words[locale]);
  const problem = (row: number, column: string, message: string) => noteProblem(findings, { row, column, message });
  const seen = new Map<string, number>();
  let header: Map<number, Column> | undefined;
  let rowNumber = 0;
  let batch: ImportedProgram[] = [];
  try {
    for await (const record of recordsOf(file, format, reached)) {
      rowNumber = (record as { excelRow?: number }).excelRow ?? rowNumber + 1;
      if (!header) {
        const found = new Map<number, Column>();
        header = found;
        for (const [i, cell] of record.entries()) {
          const column = columns.find((c) => c.header === String(cell ?? '').trim() || c.key === String(cell ?? '').trim());
          if (column) found.set(i, column);
        }
        const missing = columns.filter((c) => ![...found.values()].includes(c) && !['titleEn', 'purposeTags', 'creditType', 'credits', 'minAge', 'maxAge', 'residentsFirst', 'registrationNote', 'enrolmentOpensOn', 'enrolmentClosesOn', 'materials', 'instructorName', 'status'].includes(c.key));
        for (const c of missing) problem(rowNumber, c.header, say({ ko: `‘${c.header}’ 열이 없습니다. 내려받은 서식의 첫 줄을 그대로 두세요.`, en: `The column ‘${c.header}’ is missing; keep the template's first row.` }));
        if (missing.length > 0) break;
        continue;
      }
      if (record.every((cell) => cell === null || String(cell).trim() === '')) continue;
      // Reading runs on the thread that answers requests: it lets them in every so many rows.
      if (++findings.rows % LET_REQUESTS_IN === 0) await nextTurn();
      const body: Record<string, unknown> = {};
      let ok = true;
      const areaCell = [...header].find(([, c]) => c.key === 'area');
      const areaCode = (() => {
        try {
          return areaCell ? findCode(programAreas.entries, String(record[areaCell[0]] ?? '').trim()) : undefined;
        } catch {
          return undefined;
        }
      })();
      for (const column of columns) body[column.key] = fromCell(null, column, areaCode);
      for (const [i, column] of header) {
        try {
          body[column.key] = fromCell(record[i] ?? null, column, areaCode);
        } catch (error) {
          ok = false;
          problem(rowNumber, column.header, error instanceof CellProblem ? say(error.words) : (error as Error).message);
        }
      }
      if (!ok) continue;
      for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
      const [error] = rowValidator.Check(body) ? [] : rowValidator.Errors(body);
      if (error) {
        const key = error.instancePath.split('/')[1] || ((error.params as { requiredProperties?: string[] }).requiredProperties?.[0] ?? '');
        const column = columns.find((c) => c.key === key);
        problem(rowNumber, column?.header ?? key, validationMessage(error as unknown as AjvError, column?.header, locale));
        continue;
      }
      const program = body as unknown as ProgramFileRow;
      const earlier = seen.get(program.externalId);
      if (earlier !== undefined) {
        problem(rowNumber, '기관 프로그램 번호', say({ ko: `${earlier}번째 줄과 번호가 같습니다. 프로그램마다 다른 번호를 적어 주세요.`, en: `Row ${earlier} has the same number; give each program its own.` }));
        continue;
      }
      seen.set(ownCopy(program.externalId), rowNumber);
      const plan = await planSessions(program);
      batch.push({ ...program, row: rowNumber, sessionDates: plan.sessions.map((s) => s.date) });
      if (batch.length === size) {
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    const what = format === 'csv' ? { ko: 'CSV 파일', en: 'a CSV file' } : { ko: '엑셀 파일(.xlsx)', en: 'an Excel workbook (.xlsx)' };
    problem(rowNumber, '', say({ ko: `${what.ko}로 읽을 수 없습니다 (${(error as Error).message}).`, en: `This cannot be read as ${what.en} (${(error as Error).message}).` }));
  }
  if (batch.length > 0) yield batch;
  if (!header || (findings.rows === 0 && findings.problemCount === 0)) {
    problem(0, '', say({ ko: '읽을 줄이 없습니다. 내려받은 서식에 프로그램을 적어 올려 주세요.', en: 'No rows found. Fill in the downloaded template and upload it.' }));
  }
}
