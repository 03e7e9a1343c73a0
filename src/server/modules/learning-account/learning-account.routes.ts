import { LearningRecord } from '../../../shared/contracts/learning-account.ts';
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
}
