import Type from 'typebox';
import { CityCode, Code, DongCode, Page, pageQuery, pageRequest } from '../../../shared/contracts/common.ts';
import { Dong, Municipality, Province, boundaryLevels } from '../../../shared/contracts/geography.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { ModuleContext } from '../index.ts';
import { boundaryReader } from './geography.boundaries.ts';
import * as queries from './geography.queries.ts';

const tags = ['geography'];
const NameQuery = Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'Part of the Korean or English name' }));

export function registerGeographyRoutes(api: Api, { config, database }: ModuleContext): void {
  const { db } = database;
  const readBoundary = boundaryReader(config.boundariesDir);

  api.get('/geography/provinces', {
    schema: { tags, summary: 'The 17 provinces and metropolitan cities (시·도)', querystring: Type.Object(pageQuery(), { additionalProperties: false }), response: { 200: Page(Province) } },
  }, async (request) => {
    const items = await queries.listProvinces(db);
    const { page, pageSize } = pageRequest(request.query);
    return { items: items.slice((page - 1) * pageSize, page * pageSize), total: items.length, page, pageSize };
  });

  api.get('/geography/municipalities', {
    schema: {
      tags, summary: 'Autonomous municipalities (시·군·구)',
      querystring: Type.Object({ ...pageQuery(250, 250), province: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })), q: NameQuery }, { additionalProperties: false }),
      response: { 200: Page(Municipality), ...errorResponses },
    },
  }, (request) =>
    queries.listMunicipalities(db, { provinceCode: request.query.province, q: request.query.q }, pageRequest({ pageSize: 250, ...request.query })));

  api.get('/geography/municipalities/:code', {
    schema: { tags, summary: 'One municipality', params: Type.Object({ code: CityCode }), response: { 200: Municipality, ...errorResponses } },
  }, async (request) => {
    const found = await queries.findMunicipality(db, request.params.code);
    if (!found) throw notFound('The municipality', 'code');
    return found;
  });

  api.get('/geography/dongs', {
    schema: {
      tags, summary: 'Dongs (읍·면·동), by city or name',
      querystring: Type.Object({ ...pageQuery(500, 100), city: Type.Optional(CityCode), q: NameQuery }, { additionalProperties: false }),
      response: { 200: Page(Dong), ...errorResponses },
    },
  }, (request) => queries.listDongs(db, { cityCode: request.query.city, q: request.query.q }, pageRequest({ pageSize: 100, ...request.query })));

  api.get('/geography/dongs/:code', {
    schema: { tags, summary: 'One dong', params: Type.Object({ code: DongCode }), response: { 200: Dong, ...errorResponses } },
  }, async (request) => {
    const found = await queries.findDong(db, request.params.code);
    if (!found) throw notFound('The dong', 'code');
    return found;
  });

  api.get('/geography/boundaries/:level', {
    schema: {
      tags, summary: 'Boundary polygons as TopoJSON (404 when the server has no boundary files: draw points instead)',
      params: Type.Object({ level: Code(boundaryLevels) }),
      response: { 200: Type.Object({}, { additionalProperties: true, description: 'TopoJSON topology' }), 304: Type.Null(), ...errorResponses },
    },
  }, async (request, reply) => {
    const file = readBoundary(request.params.level);
    if (!file) throw notFound('Boundary files are not configured on this server; they');
    if (request.headers['if-none-match'] === file.etag) return reply.status(304).send(null);
    return reply.type('application/json').header('etag', file.etag).header('cache-control', 'public, max-age=86400').send(file.body);
  });
}
