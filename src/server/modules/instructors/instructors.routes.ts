/** HTTP of the instructor pool: one's own profile and teaching schedule; the institution's pool, matching and assigning. */
import Type from 'typebox';
import { IdParams, Nullable, Page, PageQuery, pageRequest } from '../../../shared/contracts/common.ts';
import {
  AssignBody, Assignment, Candidate, InstructorProfile, InstructorProfileBody, PoolEntry, PoolQuery, ProfileParams, TaughtProgram,
  TeachingQuery, TeachingSession,
} from '../../../shared/contracts/instructors.ts';
import { guard, institutionInPath, mustLogIn, requireActor } from '../../platform/auth/actor.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';
import * as service from './instructors.service.ts';

const tags = ['instructors'];
const PageOnly = Type.Object(PageQuery, { additionalProperties: false });
const mayViewPool = guard('instructors.pool.view', institutionInPath);
const conflictResponse = { 409: { $ref: 'ErrorBody#' } };

export function registerInstructorRoutes(api: Api, { database, config }: ModuleContext): void {
  const { db } = database;

  api.get('/me/instructor-profile', {
    preValidation: mustLogIn,
    schema: { tags, summary: 'My instructor or volunteer profile (404 until I make one)', response: { 200: InstructorProfile, ...errorResponses } },
  }, (request) => service.myProfile(db, requireActor(request)));

  api.put('/me/instructor-profile', {
    preValidation: mustLogIn,
    schema: {
      tags, summary: 'Make or replace my profile: skills, target groups, certificates, weekly availability, travel area, bio; published = seen by institutions',
      body: InstructorProfileBody, response: { 200: InstructorProfile, ...errorResponses },
    },
  }, (request) => service.saveMyProfile(db, requireActor(request), request.body));

  api.get('/me/instructor-profile/history', {
    preValidation: mustLogIn,
    schema: { tags, summary: 'The programs I taught, over all institutions, with their satisfaction', querystring: PageOnly, response: { 200: Page(TaughtProgram), ...errorResponses } },
  }, (request) => service.myHistory(db, requireActor(request), pageRequest(request.query)));

  api.get('/me/teaching', {
    preValidation: mustLogIn,
    schema: { tags, summary: 'My sessions across institutions, in time order, from a day on (today by default)', querystring: TeachingQuery, response: { 200: Page(TeachingSession), ...errorResponses } },
  }, (request) => service.mySchedule(db, requireActor(request), request.query.from, pageRequest(request.query)));

  api.get('/me/teaching/calendar.ics', {
    preValidation: mustLogIn,
    schema: { tags, summary: 'My sessions from today on as an iCalendar file', response: { 200: Type.String({ description: 'text/calendar' }), ...errorResponses } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="teaching.ics"')
      .send(await service.myCalendar(db, actor, config.publicUrl, actor.locale));
  });

  api.get('/institutions/:id/instructor-pool', {
    preValidation: mayViewPool,
    schema: {
      tags, summary: "The pool of the institution's city: published profiles that travel there, by skill, target group, certificate, weekday and time",
      params: IdParams, querystring: PoolQuery, response: { 200: Page(PoolEntry), ...errorResponses },
    },
  }, (request) => service.searchPool(db, request.params.id, request.query, pageRequest(request.query)));

  api.get('/institutions/:id/instructor-pool/:profileId', {
    preValidation: mayViewPool,
    schema: { tags, summary: "A profile of the city's pool", params: ProfileParams, response: { 200: InstructorProfile, ...errorResponses } },
  }, (request) => service.poolProfile(db, request.params.id, request.params.profileId));

  api.get('/institutions/:id/instructor-pool/:profileId/history', {
    preValidation: mayViewPool,
    schema: {
      tags, summary: "What a profile of the city's pool taught (published programs, every institution) and residents' satisfaction",
      params: ProfileParams, querystring: PageOnly, response: { 200: Page(TaughtProgram), ...errorResponses },
    },
  }, (request) => service.poolHistory(db, request.params.id, request.params.profileId, pageRequest(request.query)));

  api.get('/programs/:id/instructor-candidates', {
    preValidation: mustLogIn,
    schema: {
      tags, summary: "The city's pool ranked for the program (skill, travel area, every session's time), with reasons and clashes",
      params: IdParams, querystring: PageOnly, response: { 200: Page(Candidate), ...errorResponses },
    },
  }, (request) => service.candidates(db, requireActor(request), request.params.id, pageRequest(request.query)));

  api.get('/programs/:id/instructor', {
    preValidation: mustLogIn,
    schema: { tags, summary: "Who teaches the program from the pool (null: nobody linked)", params: IdParams, response: { 200: Nullable(Type.Object({ programId: Type.Integer(), profileId: Type.Integer(), displayName: Type.String(), assignedAt: Type.String() })), ...errorResponses } },
  }, (request) => service.assignmentOf(db, requireActor(request), request.params.id));

  api.put('/programs/:id/instructor', {
    preValidation: mustLogIn,
    schema: {
      tags, summary: "Assign a profile of the city's pool to teach the program (they are told; clashes with their other programs come back)",
      params: IdParams, body: AssignBody, response: { 200: Assignment, ...errorResponses, ...conflictResponse },
    },
  }, (request) => service.assign(db, requireActor(request), request.params.id, request.body.profileId));

  api.delete('/programs/:id/instructor', {
    preValidation: mustLogIn,
    schema: { tags, summary: 'Unassign the program’s instructor (they are told)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await service.unassign(db, requireActor(request), request.params.id);
    return reply.status(204).send(null);
  });
}
