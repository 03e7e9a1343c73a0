/**
 * Any table a page shows, as an Excel workbook: the page sends the rows it already has (it may only hold
 * what the person was allowed to see), the server returns the .xlsx. CSV is made in the browser.
 * Only for someone logged in (checked before the body is read), only as large as the pages' tables, and
 * made on a worker thread.
 */
import Type from 'typebox';
import { TABLE_EXPORT_LIMITS, TableExportBody } from '../../../shared/contracts/exports.ts';
import { requireActor } from '../auth/actor.ts';
import { tableWorkbookOffThread } from '../documents/workbook.ts';
import { errorResponses, type Api } from './api.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerTableExport(api: Api): void {
  api.post('/exports/table.xlsx', {
    onRequest: async (request) => {
      requireActor(request);
    },
    bodyLimit: TABLE_EXPORT_LIMITS.bytes,
    schema: {
      tags: ['platform'], summary: 'Turn a table shown on a page into an Excel file', body: TableExportBody,
      response: { 200: Type.Unsafe({ type: 'string', format: 'binary' }), 413: { $ref: 'ErrorBody#' }, 503: { $ref: 'ErrorBody#' }, ...errorResponses },
    },
  }, async (request, reply) => {
    const file = await tableWorkbookOffThread(request.body);
    return reply.type(XLSX)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${request.body.title.toWellFormed()}.xlsx`)}`)
      .send(file);
  });
}
