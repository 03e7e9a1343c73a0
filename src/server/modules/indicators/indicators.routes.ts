import Type from 'typebox';
import { CityParams } from '../../../shared/contracts/cities.ts';
import {
  CityIndicators, CityIndicatorsQuery, IndicatorDefinitionView, NationalIndex, RecomputeResult, WeightSet, WeightsBody,
} from '../../../shared/contracts/indicators.ts';
import { indicatorList } from '../../../shared/vocabulary/index.ts';
import { cityInPath, guard, requireActor } from '../../platform/auth/actor.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import { startJob } from '../../platform/jobs/jobs.ts';
import type { ModuleContext } from '../index.ts';
import * as service from './indicators.service.ts';

const tags = ['indicators'];
const YearQuery = Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }, { additionalProperties: false });

export function registerIndicatorRoutes(api: Api, { database }: ModuleContext): void {
  const { db } = database;

  api.get('/indicators/definitions', {
    schema: { tags, summary: 'The registry of indicators: name, area, formula, unit, direction, source', response: { 200: Type.Array(IndicatorDefinitionView) } },
  }, () => indicatorList.map(({ code, ...definition }) => ({ id: code, ...definition, sources: [...definition.sources] })));

  api.get('/cities/:code/indicators', {
    preValidation: guard('city.analysis.view', cityInPath),
    schema: {
      tags, summary: "A city's indicators over the years and against its peers, with its composite index standing",
      params: CityParams, querystring: CityIndicatorsQuery, response: { 200: CityIndicators, ...errorResponses },
    },
  }, (request) => service.cityIndicators(db, request.params.code, request.query.year, request.query.peers ?? 'all'));

  api.post('/cities/:code/indicators/recompute', {
    preValidation: guard('city.analysis.view', cityInPath),
    schema: {
      tags, summary: "Recompute the city's indicators now (progress at /api/jobs/{jobId})", params: CityParams,
      response: { 202: RecomputeResult, ...errorResponses },
    },
  }, async (request, reply) => {
    const jobId = await startJob(db, { kind: 'indicators', ownerId: requireActor(request).personId, cityCode: request.params.code }, async (report) => {
      await service.recompute(db, [request.params.code], report);
    });
    return reply.status(202).send({ jobId });
  });

  api.get('/indicators/national', {
    preValidation: guard('indicators.national.view'),
    schema: {
      tags, summary: "Every city's composite index scores, ranks with rank intervals, and indicator values (the ministry)",
      querystring: YearQuery, response: { 200: NationalIndex, ...errorResponses },
    },
  }, (request) => service.nationalIndex(db, request.query.year));

  api.get('/indicators/weights', {
    schema: { tags, summary: 'Weights of the composite index: the set in force first, then its history', response: { 200: Type.Array(WeightSet), ...errorResponses } },
  }, async () => {
    const history = await service.weightHistory(db);
    return history.length > 0 ? history : [await service.weightsInForce(db)];
  });

  api.post('/indicators/weights', {
    preValidation: guard('index.weights.update'),
    schema: {
      tags, summary: 'Set new weights (the ministry); earlier versions stay on record', body: WeightsBody,
      response: { 201: WeightSet, ...errorResponses },
    },
  }, async (request, reply) => {
    return reply.status(201).send(await service.setWeights(db, request.body, requireActor(request).personId));
  });
}
