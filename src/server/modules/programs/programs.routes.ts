import { IdParams } from '../../../shared/contracts/common.ts';
import { CreateProgramBody, ProgramDetail, SearchQuery, SearchResult } from '../../../shared/contracts/programs.ts';
import { requireActor } from '../../platform/auth/actor.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';
import * as service from './programs.service.ts';

const tags = ['programs'];

export function registerProgramRoutes(api: Api, { database }: ModuleContext): void {
  const { db } = database;

  api.get('/programs', {
    schema: {
      tags, summary: 'Search the catalogue: text (Korean, English, 초성), filters with counts, near me, sorting',
      querystring: SearchQuery,
      response: { 200: SearchResult, ...errorResponses },
    },
  }, (request) => service.searchCatalogue(db, request.query));

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
