import Type from 'typebox';
import { CityCode, Code, Id, IdParams, Page, PageQuery, pageRequest } from '../../../shared/contracts/common.ts';
import { CreateProgramBody, ProgramDetail, ProgramSummary } from '../../../shared/contracts/programs.ts';
import { deliveryModes, programAreas, programStatuses } from '../../../shared/vocabulary/index.ts';
import { requireActor } from '../../platform/auth/actor.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';
import * as queries from './programs.queries.ts';
import * as service from './programs.service.ts';
import { todayInKorea } from './schedule.ts';

const tags = ['programs'];

export function registerProgramRoutes(api: Api, { database }: ModuleContext): void {
  const { db } = database;

  api.get('/programs', {
    schema: {
      tags, summary: 'Programs, newest first',
      querystring: Type.Object({
        ...PageQuery,
        q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Words in the Korean or English title' })),
        city: Type.Optional(CityCode),
        institution: Type.Optional(Id),
        area: Type.Optional(Code(programAreas.codes)),
        mode: Type.Optional(Code(deliveryModes.codes)),
        status: Type.Optional(Code(programStatuses.codes)),
        current: Type.Optional(Type.Boolean({ description: 'Only programs that have not ended yet (default true)' })),
      }, { additionalProperties: false }),
      response: { 200: Page(ProgramSummary), ...errorResponses },
    },
  }, (request) => {
    const { q, city, institution, area, mode, status = 'published', current = true } = request.query;
    return queries.listPrograms(db, {
      text: q, cityCode: city, institutionId: institution, area, mode, status, notEndedBefore: current ? todayInKorea() : undefined,
    }, pageRequest(request.query));
  });

  api.get('/programs/:id', {
    schema: { tags, summary: 'A program with its sessions', params: IdParams, response: { 200: ProgramDetail, ...errorResponses } },
  }, (request) => service.programDetail(db, request.params.id));

  api.post('/programs', {
    schema: {
      tags, summary: 'Publish a program (its institution’s staff)', body: CreateProgramBody,
      response: { 201: ProgramDetail, ...errorResponses },
    },
  }, async (request, reply) => {
    const id = await service.createProgram(db, requireActor(request), request.body);
    return reply.status(201).send(await service.programDetail(db, id));
  });
}
