import Type from 'typebox';
import { CityParams } from '../../../shared/contracts/cities.ts';
import { Id, Page, PageQuery, pageRequest } from '../../../shared/contracts/common.ts';
import { CouncilCommittee, CouncilMeeting, CouncilMeetingSummary, CouncilMeetingsQuery } from '../../../shared/contracts/council.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';
import * as service from './council.service.ts';

const tags = ['council'];
const MeetingParams = Type.Object({ ...CityParams.properties, id: Id });

export function registerCouncilRoutes(api: Api, { config, database }: ModuleContext): void {
  const { db } = database;

  api.get('/cities/:code/council/committees', {
    schema: {
      tags, summary: 'The city’s active committees (평생교육협의회 and others) with the members serving today: name, organisation, sector, role',
      params: CityParams, querystring: Type.Object(PageQuery, { additionalProperties: false }), response: { 200: Page(CouncilCommittee), ...errorResponses },
    },
  }, (request) => service.committees(db, request.params.code, pageRequest(request.query)));

  api.get('/cities/:code/council/meetings', {
    schema: {
      tags, summary: 'The city’s published committee meetings, newest first (its officers also see unpublished ones); `proposal` keeps those that discussed it',
      params: CityParams, querystring: CouncilMeetingsQuery, response: { 200: Page(CouncilMeetingSummary), ...errorResponses },
    },
  }, (request) => service.meetings(db, request.actor, request.params.code, { proposal: request.query.proposal }, pageRequest(request.query)));

  api.get('/cities/:code/council/meetings.ics', {
    schema: {
      tags, summary: 'The city’s published committee meetings as an iCalendar feed', params: CityParams,
      response: { 200: Type.String({ description: 'text/calendar' }), ...errorResponses },
    },
  }, async (request, reply) => {
    const file = await service.calendar(db, request.params.code, config.publicUrl);
    return reply.type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="council-${request.params.code}.ics"`)
      .send(file);
  });

  api.get('/cities/:code/council/meetings/:id', {
    schema: {
      tags, summary: 'One meeting: agenda, minutes, decisions, and the proposals and needs-survey results it discussed (unpublished: the city’s officers only)',
      params: MeetingParams, response: { 200: CouncilMeeting, ...errorResponses },
    },
  }, (request) => service.meeting(db, request.actor, request.params.code, request.params.id));
}
