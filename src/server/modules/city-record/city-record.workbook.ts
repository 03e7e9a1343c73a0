/**
 * The city's record as an Excel workbook: one sheet per list, Korean headers, vocabulary values as words.
 * The same sheets come back in: officers fill in the exported workbook and upload it. Cells are converted
 * by the field's contract (numbers, dates, yes/no, vocabulary words) and every problem is reported by sheet,
 * row and column before anything is written. Both directions run on a worker thread (ExcelJS is CPU-heavy);
 * what crosses is plain data: the rows going out, the file coming in.
 */
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../../platform/documents/workbook.ts';
import { offThread } from '../../platform/workers/pool.ts';
import type { TSchema } from 'typebox';
import Value from 'typebox/value';
import { CityYearBody, type ImportProblem } from '../../../shared/contracts/city-record.ts';
import {
  committeeKinds, eventKinds, informationSystems, memberRoles, memberSectors, ordinanceKinds, type Labelled,
} from '../../../shared/vocabulary/index.ts';
import { recordLists, type RecordListName } from './city-record.lists.ts';
import { validationMessage, type SchemaProblem } from '../../../shared/messages/validation.ts';
import type { Words } from '../../platform/http/errors.ts';
import type { Locale } from '../../../shared/vocabulary/index.ts';

/** What is wrong with a cell, in both languages; the reader picks the uploader's. */
class CellProblem extends Error {
  constructor(readonly words: { ko: string; en: string }) {
    super(words.en);
  }
}

interface Column {
  key: string;
  header: string;
  vocabulary?: readonly Labelled[];
  width?: number;
}

interface SheetSpec {
  name: string;
  /** 'years' or a record list. */
  source: 'years' | RecordListName;
  columns: Column[];
}

const id: Column = { key: 'id', header: '번호(비우면 새로 추가)', width: 10 };
const version: Column = { key: 'version', header: '버전(고치지 마세요)', width: 10 };

export const sheets: SheetSpec[] = [
  {
    name: '연도별 기록', source: 'years', columns: [
      { key: 'year', header: '연도', width: 8 },
      { key: 'budgetNationalKrw', header: '국비 예산(원)', width: 16 },
      { key: 'budgetProvincialKrw', header: '광역 예산(원)', width: 16 },
      { key: 'budgetOwnKrw', header: '자체 예산(원)', width: 16 },
      { key: 'cityTotalBudgetKrw', header: '시·군·구 총예산(원)', width: 20 },
      { key: 'dedicatedStaff', header: '전담 인력(명)' },
      { key: 'certifiedEducators', header: '평생교육사(명)' },
      { key: 'hasDepartment', header: '전담 부서(예/아니오)' },
      { key: 'departmentName', header: '부서 이름', width: 20 },
      { key: 'learningCentres', header: '평생학습관(곳)' },
      { key: 'dongLearningCentres', header: '행복학습센터(곳)' },
      { key: 'informationSystems', header: '정보 시스템(쉼표로 구분)', vocabulary: informationSystems.entries, width: 40 },
      { key: 'portalUrl', header: '홈페이지 주소', width: 30 },
      { key: 'commercialisedPrograms', header: '상품화된 프로그램(건)' },
      { key: 'notes', header: '비고', width: 30 },
      version,
    ],
  },
  {
    name: '위원회', source: 'committees', columns: [
      id, { key: 'kind', header: '종류', vocabulary: committeeKinds.entries, width: 22 }, { key: 'name', header: '이름', width: 30 },
      { key: 'establishedOn', header: '설치일' }, { key: 'description', header: '설명', width: 40 }, { key: 'active', header: '활동 중(예/아니오)' }, version,
    ],
  },
  {
    name: '위원', source: 'members', columns: [
      id, { key: 'committeeId', header: '위원회 번호' }, { key: 'name', header: '이름' }, { key: 'affiliation', header: '소속', width: 24 },
      { key: 'sector', header: '구분', vocabulary: memberSectors.entries, width: 16 }, { key: 'role', header: '직위', vocabulary: memberRoles.entries },
      { key: 'joinedOn', header: '위촉일' }, { key: 'leftOn', header: '해촉일' }, version,
    ],
  },
  {
    name: '회의', source: 'meetings', columns: [
      id, { key: 'committeeId', header: '위원회 번호' }, { key: 'heldOn', header: '회의일' }, { key: 'title', header: '안건', width: 36 },
      { key: 'attendees', header: '참석(명)' }, { key: 'minutes', header: '회의록', width: 50 }, { key: 'decisions', header: '의결 사항(줄마다 하나)', width: 40 }, version,
    ],
  },
  {
    name: '조례', source: 'ordinances', columns: [
      id, { key: 'kind', header: '종류', vocabulary: ordinanceKinds.entries, width: 26 }, { key: 'title', header: '조례 이름', width: 40 },
      { key: 'enactedOn', header: '제정일' }, { key: 'lastAmendedOn', header: '최근 개정일' }, { key: 'repealedOn', header: '폐지일' },
      { key: 'url', header: '자치법규 주소', width: 30 }, version,
    ],
  },
  {
    name: '직원 연수', source: 'trainings', columns: [
      id, { key: 'heldOn', header: '연수일' }, { key: 'title', header: '연수 이름', width: 36 }, { key: 'provider', header: '운영 기관', width: 24 },
      { key: 'hours', header: '시간' }, { key: 'participants', header: '참석(명)' }, version,
    ],
  },
  {
    name: '행사', source: 'events', columns: [
      id, { key: 'kind', header: '종류', vocabulary: eventKinds.entries, width: 16 }, { key: 'title', header: '행사 이름', width: 36 },
      { key: 'startsOn', header: '시작일' }, { key: 'endsOn', header: '종료일' }, { key: 'venueName', header: '장소', width: 24 },
      { key: 'dongCode', header: '행정동 코드' }, { key: 'attendance', header: '참여(명)' }, { key: 'description', header: '설명', width: 40 }, version,
    ],
  },
];

const YES = new Set(['예', 'y', 'yes', 'true', 'o', '있음', '1']);
const NO = new Set(['아니오', '아니요', 'n', 'no', 'false', 'x', '없음', '0']);

function toCell(value: unknown, column: Column): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  const word = (code: string) => column.vocabulary?.find((v) => v.code === code)?.ko ?? code;
  if (Array.isArray(value)) return column.vocabulary ? value.map((v) => word(String(v))).join(', ') : value.join('\n');
  if (typeof value === 'boolean') return value ? '예' : '아니오';
  if (column.vocabulary && typeof value === 'string') return word(value);
  if (value instanceof Date) return value.toISOString();
  return value as ExcelJS.CellValue;
}

export interface WorkbookData {
  cityName: string;
  years: Record<string, unknown>[];
  lists: Record<RecordListName, Record<string, unknown>[]>;
}

export async function buildRecordWorkbook(data: WorkbookData): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = 'Learning City';
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 14 }));
    worksheet.getRow(1).font = { bold: true };
    const rows = sheet.source === 'years' ? data.years : data.lists[sheet.source];
    for (const row of rows) worksheet.addRow(Object.fromEntries(sheet.columns.map((c) => [c.key, toCell(row[c.key], c)])));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const buildRecordWorkbookOffThread = offThread(import.meta.url, buildRecordWorkbook);

/** The schema of a field, without its `null` alternative. */
function unwrap(schema: TSchema): TSchema & { type?: string; format?: string; items?: TSchema } {
  const anyOf = (schema as { anyOf?: TSchema[] }).anyOf;
  return (anyOf ? anyOf.find((s) => (s as { type?: string }).type !== 'null') ?? schema : schema) as TSchema & { type?: string; format?: string };
}

const plain = (value: ExcelJS.CellValue): unknown => {
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    if ('result' in value) return value.result;
    if ('text' in value) return value.text;
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
  }
  return value;
};

/** One cell to the field's value; throws a message a person understands. */
function fromCell(raw: ExcelJS.CellValue, column: Column, schema: TSchema): unknown {
  const value = plain(raw);
  const field = unwrap(schema);
  const nullable = field !== schema;
  const empty = value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
  if (empty) {
    if (field.type === 'array') return [];
    if (field.type === 'string' && !nullable && !field.format && !column.vocabulary) return '';
    return null;
  }
  const text = String(value).trim();
  const code = (word: string) => {
    const found = column.vocabulary!.find((v) => v.code === word || v.ko === word || v.en.toLowerCase() === word.toLowerCase());
    const choices = column.vocabulary!.map((v) => v.ko).join(', ');
    if (!found) throw new CellProblem({ ko: `‘${word}’은(는) 다음 중 하나여야 합니다: ${choices}`, en: `‘${word}’ is not one of: ${choices}` });
    return found.code;
  };
  if (field.type === 'array') {
    const parts = column.vocabulary ? text.split(/[,，、]/) : text.split(/\r?\n/);
    const words = parts.map((p) => p.trim()).filter(Boolean);
    return column.vocabulary ? words.map(code) : words;
  }
  if (column.vocabulary) return code(text);
  if (field.type === 'boolean') {
    if (YES.has(text.toLowerCase())) return true;
    if (NO.has(text.toLowerCase())) return false;
    throw new CellProblem({ ko: '예 또는 아니오로 적어 주세요', en: 'write 예 or 아니오' });
  }
  if (field.type === 'integer' || field.type === 'number') {
    const number = typeof value === 'number' ? value : Number(text.replace(/[,\s원]/g, ''));
    if (!Number.isFinite(number)) throw new CellProblem({ ko: '숫자로 적어 주세요', en: 'must be a number' });
    return number;
  }
  if (field.format === 'date') {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    const match = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})\.?$/.exec(text);
    if (!match) throw new CellProblem({ ko: '2026-03-15처럼 날짜로 적어 주세요', en: 'must be a date like 2026-03-15' });
    return `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  }
  return text;
}

export interface ImportedRow {
  sheet: string;
  row: number;
  source: 'years' | RecordListName;
  /** For years: the year; for lists: the id, or null for a new item. */
  key: number | null;
  body: Record<string, unknown>;
}

const schemaOf = (source: SheetSpec['source']) => (source === 'years' ? CityYearBody : recordLists[source].fields);

export interface UploadedWorkbook {
  file: Uint8Array;
  /** The uploader's language, for the problems. */
  locale: Locale;
}

/** Reads every known sheet; rows are checked against the contracts. Problems name the sheet, row and column. */
export async function readRecordWorkbook({ file, locale }: UploadedWorkbook): Promise<{ rows: ImportedRow[]; problems: ImportProblem[] }> {
  const say = (words: Words) => words[locale];
  const workbook = await newWorkbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    return { rows: [], problems: [{ sheet: '', row: 0, column: '', message: say({ ko: '엑셀 파일(.xlsx)이 아닙니다.', en: 'This is not an Excel workbook (.xlsx).' }) }] };
  }
  const rows: ImportedRow[] = [];
  const problems: ImportProblem[] = [];
  for (const spec of sheets) {
    const worksheet = workbook.getWorksheet(spec.name);
    if (!worksheet) continue;
    const headers = new Map<number, Column>();
    worksheet.getRow(1).eachCell((cell, col) => {
      const column = spec.columns.find((c) => c.header === String(plain(cell.value) ?? '').trim());
      if (column) headers.set(col, column);
    });
    const schema = schemaOf(spec.source) as TSchema & { properties: Record<string, TSchema> };
    const keyColumn = spec.source === 'years' ? 'year' : 'id';
    const missing = spec.columns.filter((c) => c.key !== 'id' && c.key !== 'version' && ![...headers.values()].includes(c));
    if (missing.length > 0) {
      const header = missing[0]!.header;
      problems.push({ sheet: spec.name, row: 1, column: header, message: say({ ko: `‘${header}’ 열이 없습니다.`, en: `The column ‘${header}’ is missing.` }) });
      continue;
    }
    worksheet.eachRow((excelRow, rowNumber) => {
      if (rowNumber === 1) return;
      const body: Record<string, unknown> = {};
      let key: number | null = null;
      let rowOk = true;
      for (const [col, column] of headers) {
        const cell = excelRow.getCell(col).value;
        try {
          if (column.key === keyColumn) {
            const n = fromCell(cell, column, { type: 'integer' } as TSchema);
            key = n === null ? null : Number(n);
          } else if (column.key === 'version') {
            body.version = fromCell(cell, column, { type: 'integer' } as TSchema) ?? 0;
          } else {
            body[column.key] = fromCell(cell, column, schema.properties[column.key]!);
          }
        } catch (error) {
          rowOk = false;
          problems.push({ sheet: spec.name, row: rowNumber, column: column.header, message: error instanceof CellProblem ? say(error.words) : (error as Error).message });
        }
      }
      if (!rowOk) return;
      if (spec.source === 'years' && key === null) {
        problems.push({ sheet: spec.name, row: rowNumber, column: '연도', message: say({ ko: '연도를 적어 주세요.', en: 'The year is required.' }) });
        return;
      }
      const { version: rowVersion = 0, ...fields } = body;
      const checked = spec.source === 'years' ? { ...fields, version: rowVersion } : fields;
      const [error] = [...Value.Errors(schema, checked)];
      if (error) {
        const key = error.instancePath.split('/')[1] ?? (error.params as { missingProperty?: string }).missingProperty ?? '';
        const header = spec.columns.find((c) => c.key === key)?.header ?? key;
        problems.push({ sheet: spec.name, row: rowNumber, column: header, message: validationMessage(error as unknown as SchemaProblem, header, locale) });
        return;
      }
      rows.push({ sheet: spec.name, row: rowNumber, source: spec.source, key, body: { ...fields, version: rowVersion } });
    });
  }
  if (rows.length === 0 && problems.length === 0) {
    const names = sheets.map((s) => s.name).join(', ');
    problems.push({ sheet: '', row: 0, column: '', message: say({ ko: `읽을 줄이 없습니다. 내려받은 파일의 시트(${names})를 써 주세요.`, en: `No rows found. Use the sheets of the exported workbook: ${names}.` }) });
  }
  return { rows, problems };
}

export const readRecordWorkbookOffThread = offThread(import.meta.url, readRecordWorkbook);
