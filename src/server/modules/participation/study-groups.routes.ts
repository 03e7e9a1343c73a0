import { CityParams } from '../../../shared/contracts/cities.ts';
import { Page, pageRequest } from '../../../shared/contracts/common.ts';
import {
  StudyGroupBody, StudyGroupListQuery, StudyGroupMeetingBody, StudyGroupMemberParams, StudyGroupParams, StudyGroupSummary, StudyGroupSupportBody, StudyGroupView,
} from '../../../shared/contracts/participation.ts';
import { cityInPath, guard, mustLogIn, requireActor, residentInPath } from '../../platform/auth/actor.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';
import * as service from './study-groups.service.ts';

const tags = ['study groups'];

export function registerStudyGroupRoutes(api: Api, { database }: ModuleContext): void {
  const { db } = database;

  api.get('/cities/:code/study-groups', {
    schema: {
      tags, summary: "The city's active study groups (학습동아리), newest first: what, where, when, the city's support, and how many members (never who)",
      params: CityParams, querystring: StudyGroupListQuery, response: { 200: Page(StudyGroupSummary), ...errorResponses },
    },
  }, (request) => service.listGroups(request.reader, request.params.code, request.query, pageRequest(request.query)));

  api.post('/cities/:code/study-groups', {
    preValidation: residentInPath(service.notResident),
    schema: {
      tags, summary: 'Register a study group of my city and lead it (residents of the city)', params: CityParams, body: StudyGroupBody,
      response: { 201: StudyGroupView, ...errorResponses },
    },
  }, async (request, reply) => reply.status(201).send(await service.register(db, requireActor(request), request.params.code, request.body)));

  api.get('/cities/:code/study-groups/:id', {
    schema: {
      tags, summary: "A study group: anyone sees its counts; its members (and the city's officers) the members' names and meetings; officers its support log",
      params: StudyGroupParams, response: { 200: StudyGroupView, ...errorResponses },
    },
  }, (request) => service.groupPage(db, request.actor, request.params.code, request.params.id));

  api.post('/cities/:code/study-groups/:id/members', {
    preValidation: residentInPath(service.notResident),
    schema: { tags, summary: 'Join a study group of my city (once)', params: StudyGroupParams, response: { 200: StudyGroupView, ...errorResponses } },
  }, (request) => service.join(db, requireActor(request), request.params.code, request.params.id));

  api.delete('/cities/:code/study-groups/:id/members/:personId', {
    preValidation: mustLogIn,
    schema: {
      tags, summary: 'Leave a study group, or (its leader) remove a member; the hours of meetings attended stay theirs',
      params: StudyGroupMemberParams, response: { 200: StudyGroupView, ...errorResponses },
    },
  }, (request) => service.removeMember(db, requireActor(request), request.params.code, request.params.id, request.params.personId));

  api.post('/cities/:code/study-groups/:id/meetings', {
    preValidation: mustLogIn,
    schema: {
      tags, summary: 'Record a meeting (the leader): date, hours and the members who came; their hours follow from it',
      params: StudyGroupParams, body: StudyGroupMeetingBody, response: { 200: StudyGroupView, ...errorResponses },
    },
  }, (request) => service.recordMeeting(db, requireActor(request), request.params.code, request.params.id, request.body));

  api.put('/cities/:code/study-groups/:id/support', {
    preValidation: guard('study_groups.support', cityInPath),
    schema: {
      tags, summary: "The city's support of the group: supported for a year, funded with an amount in won for a year, or declined with a reason (logged)",
      params: StudyGroupParams, body: StudyGroupSupportBody, response: { 200: StudyGroupView, ...errorResponses },
    },
  }, (request) => service.decideSupport(db, requireActor(request), request.params.code, request.params.id, request.body));
}
