import Type from 'typebox';
import { IdParams } from '../../../shared/contracts/common.ts';
import { CreateProgramBody, ProgramDetail, SearchQuery, SearchResult } from '../../../shared/contracts/programs.ts';
import { requireActor } from '../../platform/auth/actor.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';
import { programCalendar } from './program-page.ts';
import * as service from './programs.service.ts';

const tags = ['programs'];

export function registerProgramRoutes(api: Api, { database, config, catalogue }: ModuleContext): void {
  const { db } = database;
  if (catalogue) {
    catalogue.start();
    api.addHook('onClose', async () => catalogue.stop());
    // A write answered by this process is seen by the next search here (a resident's own enrolment, a program just edited).
    api.addHook('onResponse', async (request) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') catalogue.changed();
    });
  }

  api.get('/programs', {
    schema: {
      tags, summary: 'Search the catalogue: text (Korean, English, 초성), filters with counts, near me, sorting',
      querystring: SearchQuery,
      response: { 200: SearchResult, ...errorResponses },
    },
  }, (request) => service.searchCatalogue(request.reader, db, request.query, catalogue));

  api.get('/programs/:id', {
    schema: { tags, summary: 'A program with its sessions', params: IdParams, response: { 200: ProgramDetail, ...errorResponses } },
  }, (request) => service.programDetail(request.reader, request.actor, request.params.id));

  api.get('/programs/:id/similar', {
    schema: { tags, summary: 'Programs of the same kind nearby (online: other online ones)', params: IdParams, response: { 200: SearchResult, ...errorResponses } },
  }, (request) => service.similarPrograms(request.reader, db, request.actor, request.params.id, catalogue));

  api.get('/programs/:id/calendar.ics', {
    schema: { tags, summary: 'The sessions as an iCalendar file', params: IdParams, response: { 200: Type.String({ description: 'text/calendar' }), ...errorResponses } },
  }, async (request, reply) => {
    const program = await service.pageProgram(request.reader, request.actor, request.params.id);
    return reply.type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="program-${program.id}.ics"`)
      .send(programCalendar(program, config.publicUrl));
  });

  api.post('/programs', {
    schema: {
      tags, summary: 'Publish a program (its institution’s staff)', body: CreateProgramBody,
      response: { 201: ProgramDetail, ...errorResponses },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const id = await service.createProgram(db, actor, request.body);
    return reply.status(201).send(await service.programDetail(db, actor, id));
  });
}
