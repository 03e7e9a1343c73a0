import { IdParams, pageRequest } from '../../../shared/contracts/common.ts';
import {
  CancelBody, CopyBody, CopyResult, EditResult, OfficeListQuery, OfficeProgram, OfficeProgramList, ProgramEditBody,
} from '../../../shared/contracts/program-office.ts';
import { guard, requireActor } from '../../platform/auth/actor.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';
import { programsModule } from '../programs/index.ts';
import * as service from './program-office.service.ts';
import { registerProgramImportRoutes } from './program-import.routes.ts';

const tags = ['program office'];
const refused = { 409: { $ref: 'ErrorBody#', description: 'A colleague saved first, a class smaller than its enrolments, a session with attendance moved, or a program that can no longer change' } };

export function registerProgramOfficeRoutes(api: Api, context: ModuleContext): void {
  const { db } = context.database;
  registerProgramImportRoutes(api, context);
  const managing = programsModule.managingProgramInPath(db);

  api.get('/institutions/:id/office/programs', {
    preValidation: guard('program.manage', (request) => ({ institutionId: Number((request.params as { id?: string }).id) })),
    schema: {
      tags, summary: 'The institution’s programs for its staff: drafts, open, running, finished and cancelled, with search',
      params: IdParams, querystring: OfficeListQuery, response: { 200: OfficeProgramList, ...errorResponses },
    },
  }, (request) => service.listPrograms(db, request.params.id, request.query, pageRequest(request.query)));

  api.get('/programs/:id/office', {
    preValidation: managing,
    schema: { tags, summary: 'A program as its staff edit it, with its version', params: IdParams, response: { 200: OfficeProgram, ...errorResponses } },
  }, (request) => service.officeProgram(db, requireActor(request), request.params.id));

  api.put('/programs/:id', {
    preValidation: managing,
    schema: {
      tags, summary: 'Edit a program (the version you saw): every field residents see and each session; the people enrolled and waiting are told what moved',
      params: IdParams, body: ProgramEditBody, response: { 200: EditResult, ...errorResponses, ...refused },
    },
  }, (request) => service.editProgram(db, requireActor(request), request.params.id, request.body));

  api.post('/programs/:id/cancellation', {
    preValidation: managing,
    schema: {
      tags, summary: 'Cancel a program (폐강) with a reason: every place and waitlist entry is freed and each person told why',
      params: IdParams, body: CancelBody, response: { 200: EditResult, ...errorResponses, ...refused },
    },
  }, (request) => service.cancelProgram(db, requireActor(request), request.params.id, request.body));

  api.post('/programs/:id/copy', {
    preValidation: managing,
    schema: {
      tags, summary: 'Copy a program into a new term as a draft: sessions on the same weekdays and times, public holidays skipped',
      params: IdParams, body: CopyBody, response: { 201: CopyResult, ...errorResponses },
    },
  }, async (request, reply) => reply.status(201).send(await service.copyProgram(db, requireActor(request), request.params.id, request.body)));
}
