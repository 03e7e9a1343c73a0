/** HTTP of the designation log: the ministry reads it a page at a time, filtered, and exports it whole. */
import Type, { type TSchema } from 'typebox';
import { Page } from '../../../shared/contracts/common.ts';
import { LogEntryView, LogExportQuery, LogQuery } from '../../../shared/contracts/designation-log.ts';
import { preferredLocale } from '../../../shared/vocabulary/index.ts';
import { todayInKorea } from '../../platform/clock.ts';
import { guard } from '../../platform/auth/actor.ts';
import { contentDisposition } from '../../platform/files/files.queries.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';
import * as log from './log.service.ts';

const tags = ['designation: log'];
const mayRead = guard('designation.log.view');
const binary = { 200: Type.Unsafe<TSchema>({ type: 'string', format: 'binary' }), ...errorResponses };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerLogRoutes(api: Api, { database }: ModuleContext): void {
  const { db } = database;
  const fileName = (locale: 'ko' | 'en', extension: string) => `${locale === 'ko' ? '평생학습도시 지정 기록' : 'designation log'} ${todayInKorea()}.${extension}`;

  api.get('/designation/log', {
    preValidation: mayRead,
    schema: {
      tags, summary: 'Every step of the designation process, newest first, by call, application, city, step and days (the ministry)',
      querystring: LogQuery, response: { 200: Page(LogEntryView), ...errorResponses },
    },
  }, (request) => log.listEntries(db, request.query));

  api.get('/designation/log.csv', {
    preValidation: mayRead,
    schema: { tags, summary: 'The filtered log as CSV (UTF-8), oldest first', querystring: LogExportQuery, produces: ['text/csv'], response: binary },
  }, (request, reply) => {
    const locale = request.query.lang ?? preferredLocale(request.headers['accept-language']);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', contentDisposition(fileName(locale, 'csv')))
      .send(log.logCsv(db, request.query, locale));
  });

  api.get('/designation/log.xlsx', {
    preValidation: mayRead,
    schema: { tags, summary: 'The filtered log as an Excel workbook, oldest first', querystring: LogExportQuery, produces: [XLSX], response: binary },
  }, (request, reply) => {
    const locale = request.query.lang ?? preferredLocale(request.headers['accept-language']);
    return reply.type(XLSX).header('content-disposition', contentDisposition(fileName(locale, 'xlsx')))
      .send(log.logWorkbook(db, request.query, locale));
  });
}
