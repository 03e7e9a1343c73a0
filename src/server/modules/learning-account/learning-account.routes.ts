import { CalendarFeed, LearningRecord } from '../../../shared/contracts/learning-account.ts';
import Type from 'typebox';
import { requireActor } from '../../platform/auth/actor.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';
import * as service from './learning-account.service.ts';

const tags = ['learning account'];

export function registerLearningAccountRoutes(api: Api, { database, config }: ModuleContext): void {
  const { db } = database;

  api.get('/me/learning', {
    schema: { tags, summary: 'My lifelong learning record: every enrolment, hours by area and year, credits, study groups', response: { 200: LearningRecord, ...errorResponses } },
  }, (request) => service.learningRecord(db, requireActor(request).personId));

  api.get('/me/learning/export.json', {
    schema: { tags, summary: 'My whole record as JSON, with each certificate as issued', response: { 200: Type.Object({}, { additionalProperties: true }), ...errorResponses } },
  }, async (request, reply) => {
    const body = await service.recordExport(db, requireActor(request).personId);
    return reply.header('content-disposition', 'attachment; filename="learning-record.json"').type('application/json').send(JSON.stringify(body, null, 2));
  });

  api.get('/me/learning/export.pdf', {
    schema: { tags, summary: 'My record as a PDF (Korean)', response: { 200: Type.Unknown({ description: 'application/pdf' }), ...errorResponses } },
  }, async (request, reply) => {
    const pdf = await service.recordPdf(db, requireActor(request).personId, config.publicUrl);
    return reply.header('content-disposition', 'attachment; filename="learning-record.pdf"').type('application/pdf').send(pdf);
  });

  api.get('/me/learning/calendar-feed', {
    schema: { tags, summary: 'My private calendar feed address (null when I have none)', response: { 200: CalendarFeed, ...errorResponses } },
  }, (request) => service.calendarFeed(db, requireActor(request).personId, config.publicUrl));

  api.post('/me/learning/calendar-feed', {
    schema: { tags, summary: 'A new private calendar feed address; an earlier one stops working', response: { 200: CalendarFeed, ...errorResponses } },
  }, (request) => service.renewCalendarFeed(db, requireActor(request).personId, config.publicUrl));

  api.delete('/me/learning/calendar-feed', {
    schema: { tags, summary: 'Revoke my calendar feed: its address stops working at once', response: { 200: CalendarFeed, ...errorResponses } },
  }, (request) => service.revokeCalendarFeed(db, requireActor(request).personId, config.publicUrl));

  api.get('/calendar-feeds/:file', {
    schema: {
      tags, summary: 'A private calendar feed (iCalendar), by its secret address, without logging in: every session of its owner’s courses',
      params: Type.Object({ file: Type.String({ pattern: '^[A-Za-z0-9_-]{43}\\.ics$' }) }),
      response: { 200: Type.String({ description: 'text/calendar' }), ...errorResponses },
    },
  }, async (request, reply) => {
    const ics = await service.calendarFeedFile(db, request.params.file.slice(0, -4), config.publicUrl);
    // Private: no shared cache may keep it.
    return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, no-store').send(ics);
  });
}
