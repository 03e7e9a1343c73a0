import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import Value from 'typebox/value';
import { CityCode, Code, Page, pageQuery, pageRequest } from '../../../shared/contracts/common.ts';
import {
  CityDetail, CityParams, DesignationYear, LearningCitySummary, RecordDesignationBody, UpdateCityProfileBody,
} from '../../../shared/contracts/cities.ts';
import { designationStates } from '../../../shared/vocabulary/index.ts';
import { cityInPath, guard, requireActor } from '../../platform/auth/actor.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';
import * as queries from './cities.queries.ts';
import * as service from './cities.service.ts';

const tags = ['cities'];
const listings = ['learning', 'with_history', 'all'] as const;

export function registerCityRoutes(api: Api, { database }: ModuleContext): void {
  const { db } = database;

  // Every module's routes under /cities/:code (registered after this, in this scope) answer 404 for an unknown city:
  // after the route's own permission check (someone who may not act here learns nothing from a 404) and before the
  // body is validated (a body the route refuses would otherwise hide it behind a 400). A malformed code is left to
  // the route's validation (400 naming the field).
  const knownCity = async (request: FastifyRequest) => {
    const { code } = request.params as { code?: unknown };
    if (Value.Check(CityCode, code)) await service.requireKnownCity(db, code);
  };
  api.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/cities/:code')) return;
    route.preValidation = [...(route.preValidation ? [route.preValidation].flat() : []), knownCity];
  });

  api.get('/cities', {
    schema: {
      tags, summary: 'Cities with their designation state (by default: current learning cities)',
      querystring: Type.Object({
        ...pageQuery(250, 250),
        listing: Type.Optional(Code(listings, 'learning: current learning cities; with_history: any designation record; all: every 시·군·구')),
        state: Type.Optional(Code(designationStates.codes)),
        province: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
        q: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
      }, { additionalProperties: false }),
      response: { 200: Page(LearningCitySummary), ...errorResponses },
    },
  }, (request) => {
    const { listing = 'learning', state, province, q } = request.query;
    return queries.listCities(request.reader, { listing, state, provinceCode: province, q }, pageRequest({ pageSize: 250, ...request.query }));
  });

  api.get('/cities/designations-by-year', {
    schema: { tags, summary: 'Newly designated learning cities per year, with the running total', response: { 200: Type.Array(DesignationYear) } },
  }, (request) => queries.designationsByYear(request.reader));

  api.get('/cities/:code', {
    schema: { tags, summary: 'A city: designation history, profile, counts', params: CityParams, response: { 200: CityDetail, ...errorResponses } },
  }, (request) => service.cityDetail(request.reader, request.params.code));

  api.patch('/cities/:code/profile', {
    preValidation: guard('city.profile.update', cityInPath),
    schema: {
      tags, summary: "Update the city's profile (its own officers, the ministry)", params: CityParams, body: UpdateCityProfileBody,
      response: { 200: CityDetail, ...errorResponses },
    },
  }, (request) => {
    return service.updateProfile(db, request.params.code, request.body, requireActor(request).personId);
  });

  api.post('/cities/:code/designations', {
    preValidation: guard('designation.record', cityInPath),
    schema: {
      tags, summary: 'Record a designation decision (the ministry)', params: CityParams, body: RecordDesignationBody,
      response: { 201: CityDetail, ...errorResponses, 409: { $ref: 'ErrorBody#' } },
    },
  }, async (request, reply) => {
    return reply.status(201).send(await service.recordDesignation(db, request.params.code, request.body, requireActor(request).personId));
  });
}
