/** Excel workbooks (ExcelJS), loaded on first use: the library takes about 0.35 s to import and most requests never need it. */
import type ExcelJS from 'exceljs';
import type { TableExportBody } from '../../../shared/contracts/exports.ts';
import { offThread } from '../workers/pool.ts';

type ExcelModule = typeof ExcelJS;
let excelModule: Promise<ExcelModule> | undefined;

/** The ExcelJS module itself (for its streaming writer); loaded once, on first use. */
export function excel(): Promise<ExcelModule> {
  // A CommonJS package: Node gives its exports as `default`.
  excelModule ??= import('exceljs').then((module) => (module as unknown as { default: ExcelModule }).default);
  return excelModule;
}

export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  return new (await excel()).Workbook();
}

const SHEET_NAME_LENGTH = 31;
const FALLBACK_SHEET_NAME = '표';

/**
 * A name Excel accepts for a sheet titled `title`: none of []:*?/\ or control characters, no apostrophe at
 * either end, not "History" (Excel's own), at most 31 characters (a pair of surrogates is never split), not
 * empty, and unlike the names in `taken` (Excel compares them case-insensitively); `taken` gets the new name.
 */
export function sheetName(title: string, taken = new Set<string>()): string {
  const cleaned = title.toWellFormed().replace(/[[\]:*?/\\\p{Cc}]/gu, ' ').replace(/\s+/g, ' ');
  const fit = (text: string, room: number) => {
    let name = '';
    for (const character of text) {
      if (name.length + character.length > room) break;
      name += character;
    }
    return name.replace(/^[\s']+|[\s']+$/g, '');
  };
  let base = fit(cleaned, SHEET_NAME_LENGTH) || FALLBACK_SHEET_NAME;
  if (base.toLowerCase() === 'history') base = `${base} ${FALLBACK_SHEET_NAME}`;
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${fit(base, SHEET_NAME_LENGTH - String(n).length - 1)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** One table as a workbook of one sheet: a bold, frozen header row and the rows as they are. */
export async function tableWorkbook(table: TableExportBody): Promise<Buffer> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet(sheetName(table.title), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((header) => ({ header, width: Math.min(40, Math.max(10, header.length * 2)) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const tableWorkbookOffThread = offThread(import.meta.url, tableWorkbook);
