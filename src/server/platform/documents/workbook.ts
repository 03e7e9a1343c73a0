/** Excel workbooks (ExcelJS), loaded on first use: the library takes about 0.35 s to import and most requests never need it. */
import type ExcelJS from 'exceljs';

type ExcelModule = typeof ExcelJS;
let excelModule: Promise<ExcelModule> | undefined;

export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  // A CommonJS package: Node gives its exports as `default`.
  excelModule ??= import('exceljs').then((module) => (module as unknown as { default: ExcelModule }).default);
  return new (await excelModule).Workbook();
}
