/** HTTP of delivered courses: residents request, join and follow theirs; the city's officers match, approve or decline. */
import Type from 'typebox';
import { CityParams } from '../../../shared/contracts/cities.ts';
import { IdParams, Page, PageQuery, pageRequest } from '../../../shared/contracts/common.ts';
import {
  ApproveBody, DeclineBody, DeliveredCourseBody, DeliveredCourseList, DeliveredCourseListQuery, DeliveredCourseParams, DeliveredCourseSettings,
  DeliveredCourseSummary, DeliveredCourseView, JoinBody,
} from '../../../shared/contracts/delivered-courses.ts';
import { Candidate } from '../../../shared/contracts/instructors.ts';
import { cityInPath, guard, mustLogIn, requireActor, residentInPath } from '../../platform/auth/actor.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';
import * as service from './delivered-courses.service.ts';

const tags = ['delivered-courses'];
const PageOnly = Type.Object(PageQuery, { additionalProperties: false });
const mayDecide = guard('delivered_courses.decide', cityInPath);

export function registerDeliveredCourseRoutes(api: Api, { database }: ModuleContext): void {
  const { db } = database;

  api.get('/cities/:code/delivered-courses/settings', {
    schema: { tags, summary: 'How many residents a group needs before the city takes up its delivered-course request', params: CityParams, response: { 200: DeliveredCourseSettings, ...errorResponses } },
  }, (request) => service.settingsOf(request.reader, request.params.code));

  api.put('/cities/:code/delivered-courses/settings', {
    preValidation: mayDecide,
    schema: { tags, summary: "Set the city's minimum group size for delivered courses", params: CityParams, body: DeliveredCourseSettings, response: { 200: DeliveredCourseSettings, ...errorResponses } },
  }, (request) => service.setSettings(db, requireActor(request), request.params.code, request.body.minGroupSize));

  api.post('/cities/:code/delivered-courses', {
    preValidation: residentInPath(service.notResident),
    schema: {
      tags, summary: 'Request a delivered course for my group: what, where (dong and place), which days and hours, how many sessions (residents of the city)',
      params: CityParams, body: DeliveredCourseBody, response: { 201: DeliveredCourseView, ...errorResponses },
    },
  }, async (request, reply) => reply.status(201).send(await service.requestCourse(db, requireActor(request), request.params.code, request.body)));

  api.post('/cities/:code/delivered-courses/join', {
    preValidation: residentInPath(service.notResident),
    schema: { tags, summary: "Join a neighbour's group by its invite code (once; residents of the city)", params: CityParams, body: JoinBody, response: { 200: DeliveredCourseView, ...errorResponses } },
  }, (request) => service.join(db, requireActor(request), request.params.code, request.body.inviteCode));

  api.get('/me/delivered-courses', {
    preValidation: mustLogIn,
    schema: { tags, summary: 'The delivered-course requests I organised or joined, newest first', querystring: PageOnly, response: { 200: Page(DeliveredCourseSummary), ...errorResponses } },
  }, (request) => service.myRequests(db, requireActor(request), pageRequest(request.query)));

  api.get('/me/delivered-courses/:id', {
    preValidation: mustLogIn,
    schema: { tags, summary: 'A request I organised or joined: where it stands, its invite code while open, the course once approved', params: IdParams, response: { 200: DeliveredCourseView, ...errorResponses } },
  }, (request) => service.myRequest(db, requireActor(request), request.params.id));

  api.delete('/me/delivered-courses/:id/membership', {
    preValidation: mustLogIn,
    schema: { tags, summary: 'Leave a group I joined, until the city decides (below the minimum it goes back to gathering)', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await service.leave(db, requireActor(request), request.params.id);
    return reply.status(204).send(null);
  });

  api.get('/cities/:code/delivered-courses', {
    preValidation: mayDecide,
    schema: {
      tags, summary: "The city's requests that reached the group size (or of one status), newest first",
      params: CityParams, querystring: DeliveredCourseListQuery, response: { 200: DeliveredCourseList, ...errorResponses },
    },
  }, (request) => service.cityRequests(db, request.params.code, request.query, pageRequest(request.query)));

  api.get('/cities/:code/delivered-courses/:id', {
    preValidation: mayDecide,
    schema: { tags, summary: 'A request of the city, with its log', params: DeliveredCourseParams, response: { 200: DeliveredCourseView, ...errorResponses } },
  }, (request) => service.cityRequest(db, request.params.code, request.params.id));

  api.get('/cities/:code/delivered-courses/:id/instructor-candidates', {
    preValidation: mayDecide,
    schema: {
      tags, summary: "The city's instructor pool ranked for the request (skill, travel to its dong, free at its hours), with reasons",
      params: DeliveredCourseParams, querystring: PageOnly, response: { 200: Page(Candidate), ...errorResponses },
    },
  }, (request) => service.candidates(db, request.params.code, request.params.id, pageRequest(request.query)));

  api.post('/cities/:code/delivered-courses/:id/approve', {
    preValidation: mayDecide,
    schema: {
      tags, summary: 'Approve: a program of the chosen institution at the group’s place and hours, the chosen instructor, every member enrolled',
      params: DeliveredCourseParams, body: ApproveBody, response: { 200: DeliveredCourseView, ...errorResponses },
    },
  }, (request) => service.approve(db, requireActor(request), request.params.code, request.params.id, request.body));

  api.post('/cities/:code/delivered-courses/:id/decline', {
    preValidation: mayDecide,
    schema: { tags, summary: 'Decline with reasons (the group is told)', params: DeliveredCourseParams, body: DeclineBody, response: { 200: DeliveredCourseView, ...errorResponses } },
  }, (request) => service.decline(db, requireActor(request), request.params.code, request.params.id, request.body.reason));
}
