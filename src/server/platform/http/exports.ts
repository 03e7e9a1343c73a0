/**
 * Any table a page shows, as an Excel workbook: the page sends the rows it already has (it may only hold
 * what the person was allowed to see), the server returns the .xlsx. CSV is made in the browser.
 */
import Type from 'typebox';
import { TableExportBody } from '../../../shared/contracts/exports.ts';
import { newWorkbook } from '../documents/workbook.ts';
import { errorResponses, type Api } from './api.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function tableWorkbook(body: TableExportBody): Promise<Buffer> {
  const workbook = await newWorkbook();
  // Sheet names: at most 31 characters, none of []:*?/\.
  const sheet = workbook.addWorksheet(body.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = body.columns.map((header) => ({ header, width: Math.min(40, Math.max(10, header.length * 2)) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of body.rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function registerTableExport(api: Api): void {
  api.post('/exports/table.xlsx', {
    bodyLimit: 4 * 1024 * 1024,
    schema: {
      tags: ['platform'], summary: 'Turn a table shown on a page into an Excel file', body: TableExportBody,
      response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), ...errorResponses },
    },
  }, async (request, reply) => reply.type(XLSX)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${request.body.title}.xlsx`)}`)
    .send(await tableWorkbook(request.body)));
}
