import Type, { type TSchema } from 'typebox';
import { CityParams } from '../../../shared/contracts/cities.ts';
import { preferredLocale } from '../../../shared/vocabulary/index.ts';
import { CityYearBody, CityYearRecord, ImportResult, RecordChange, YearParams } from '../../../shared/contracts/city-record.ts';
import { Id, Page, PageQuery, pageRequest } from '../../../shared/contracts/common.ts';
import { cityInPath, guard, requireActor } from '../../platform/auth/actor.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import { notFound } from '../../platform/http/errors.ts';
import { startJob } from '../../platform/jobs/jobs.ts';
import { geography } from '../geography/index.ts';
import { indicatorsModule } from '../indicators/index.ts';
import type { ModuleContext } from '../index.ts';
import { recordLists, type ListFilter, type RecordList } from './city-record.lists.ts';
import * as service from './city-record.service.ts';

const tags = ['city record'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_WORKBOOK_BYTES = 5 * 1024 * 1024;
const ItemParams = Type.Object({ ...CityParams.properties, id: Id });
const conflictResponse = { 409: { $ref: 'ErrorBody#' } } as const;
const canView = guard('city.record.view', cityInPath);
const canEdit = guard('city.record.update', cityInPath);

function registerList(api: Api, db: ModuleContext['database']['db'], list: RecordList) {
  const base = list.publicRead ? `/cities/:code/${list.path}` : `/cities/:code/record/${list.path}`;
  const name = list.label.en.toLowerCase();
  const filters = {
    ...(list.dated ? { year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })) } : {}),
    ...(list.inCommittee ? { committee: Type.Optional(Id) } : {}),
  };

  api.get(base, {
    ...(list.publicRead ? {} : { preValidation: canView }),
    schema: {
      tags, summary: `The city's ${name}${list.publicRead ? '' : " (the city's officers and the ministry)"}`, params: CityParams,
      querystring: Type.Object({ ...PageQuery, ...filters }, { additionalProperties: false }),
      response: { 200: Page(list.contracts.Item), ...errorResponses },
    },
  }, (request) => {
    const query = request.query as { page?: number; pageSize?: number; year?: number; committee?: number };
    const filter: ListFilter = { year: query.year, committeeId: query.committee };
    return service.listItems(db, list, request.params.code, filter, pageRequest(query));
  });

  api.post(base, {
    preValidation: canEdit,
    schema: {
      tags, summary: `Add to the city's ${name}`, params: CityParams, body: list.contracts.CreateBody,
      response: { 201: list.contracts.Item, ...errorResponses },
    },
  }, async (request, reply) => {
    return reply.status(201).send(await service.createItem(db, list, request.params.code, request.body as Record<string, unknown>, requireActor(request).personId));
  });

  api.patch(`${base}/:id`, {
    preValidation: canEdit,
    schema: {
      tags, summary: `Change one of the city's ${name} (send the version you edited)`, params: ItemParams, body: list.contracts.UpdateBody,
      response: { 200: list.contracts.Item, ...errorResponses, ...conflictResponse },
    },
  }, (request) => service.updateItem(db, list, request.params.code, request.params.id, request.body as Record<string, unknown>, requireActor(request).personId));

  api.delete(`${base}/:id`, {
    preValidation: canEdit,
    schema: { tags, summary: `Remove one of the city's ${name}`, params: ItemParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await service.deleteItem(db, list, request.params.code, request.params.id, requireActor(request).personId);
    return reply.status(204).send(null);
  });
}

export function registerCityRecordRoutes(api: Api, { database }: ModuleContext): void {
  const { db } = database;
  for (const list of Object.values(recordLists) as RecordList[]) registerList(api, db, list);

  api.get('/cities/:code/record/years', {
    preValidation: canView,
    schema: {
      tags, summary: "The city's record year by year (budget, staff, organisation, information systems)", params: CityParams,
      querystring: Type.Object(PageQuery, { additionalProperties: false }), response: { 200: Page(CityYearRecord), ...errorResponses },
    },
  }, (request) => service.listYears(db, request.params.code, pageRequest(request.query)));

  api.get('/cities/:code/record/years/:year', {
    preValidation: canView,
    schema: { tags, summary: "One year of the city's record", params: YearParams, response: { 200: CityYearRecord, ...errorResponses } },
  }, (request) => service.yearRecord(db, request.params.code, request.params.year));

  api.put('/cities/:code/record/years/:year', {
    preValidation: canEdit,
    schema: {
      tags, summary: "Save one year of the city's record (version 0 to create it; a newer save by someone else is a 409)",
      params: YearParams, body: CityYearBody, response: { 200: CityYearRecord, ...errorResponses, ...conflictResponse },
    },
  }, (request) => service.saveYear(db, request.params.code, request.params.year, request.body, requireActor(request).personId));

  api.get('/cities/:code/record/changes', {
    preValidation: canView,
    schema: {
      tags, summary: 'Who changed what in the record, newest first', params: CityParams,
      querystring: Type.Object({ ...PageQuery, entity: Type.Optional(Type.String({ pattern: '^[a-z]+$' })) }, { additionalProperties: false }),
      response: { 200: Page(RecordChange), ...errorResponses },
    },
  }, (request) => service.history(db, request.params.code, { entity: request.query.entity }, pageRequest(request.query)));

  api.get('/cities/:code/record/export.xlsx', {
    preValidation: canView,
    schema: {
      tags, summary: "The whole record as an Excel workbook (also the template for importing)", params: CityParams,
      response: { 200: Type.Unsafe<TSchema>({ type: 'string', format: 'binary' }), ...errorResponses },
    },
  }, async (request, reply) => {
    const city = await geography.findMunicipality(db, request.params.code);
    if (!city) throw notFound('The city', 'code');
    const file = await service.recordWorkbook(db, request.params.code, city.nameKo);
    return reply.type(XLSX)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${city.nameKo} 평생학습도시 기록.xlsx`)}`)
      .send(file);
  });

  // Uploads are Excel files, not JSON: their own parser and size limit, in their own scope.
  void api.register(async (upload: Api) => {
    upload.addContentTypeParser(XLSX, { parseAs: 'buffer', bodyLimit: MAX_WORKBOOK_BYTES }, (_request, body, done) => done(null, body));
    upload.post('/cities/:code/record/import', {
      preValidation: canEdit,
      bodyLimit: MAX_WORKBOOK_BYTES,
      schema: {
        tags, summary: `Import the record from an Excel workbook (the exported one, filled in; send it as ${XLSX}). All rows or none.`,
        params: CityParams, consumes: [XLSX], response: { 202: ImportResult, ...errorResponses },
      },
    }, async (request, reply) => {
      const actor = requireActor(request);
      const locale = preferredLocale(request.headers['accept-language']);
      const rows = await service.checkImport(request.body as Buffer, locale);
      const cityCode = request.params.code;
      const jobId = await startJob(db, { kind: 'record-import', ownerId: actor.personId, cityCode, locale }, async (report) => {
        await service.applyImport(db, cityCode, rows, actor.personId, (done) => report('Writing the record', done, rows.length));
        await indicatorsModule.recompute(db, [cityCode], report);
      });
      return reply.status(202).send({ jobId, rows: rows.length });
    });
  });
}
