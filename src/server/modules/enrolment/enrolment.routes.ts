import Type from 'typebox';
import { Id } from '../../../shared/contracts/common.ts';
import { AttendanceBody, CompletionResult, CompletionRuleBody, EnrolBody, LearnerCompletionBody, EnrolmentView, Roster } from '../../../shared/contracts/enrolment.ts';
import { requireActor } from '../../platform/auth/actor.ts';
import { todayInKorea } from '../../platform/clock.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import { applicationLimits } from '../../platform/http/application-limits.ts';
import { credentials } from '../credentials/index.ts';
import type { ModuleContext } from '../index.ts';
import { vouchersModule } from '../vouchers/index.ts';
import * as service from './enrolment.service.ts';

const tags = ['enrolment'];
const ProgramParams = Type.Object({ id: Id });
const LearnerParams = Type.Object({ id: Id, enrolmentId: Id });
const SessionParams = Type.Object({ id: Id, sessionNo: Type.Integer({ minimum: 1, maximum: 1000 }) });
const tooMany = { 429: { $ref: 'ErrorBody#', description: 'Too many enrolments asked for from this account or address in a minute' } };
const refused = { 409: { $ref: 'ErrorBody#', description: 'Not eligible, a schedule clash, or a state that does not allow it; the message says why' } };

export function registerEnrolmentRoutes(api: Api, { database, config }: ModuleContext): void {
  const { db } = database;

  api.post('/programs/:id/enrolment', {
    preHandler: applicationLimits(api, config),
    schema: {
      tags, summary: 'Enrol (or join the waitlist when full); asking again returns the same place',
      params: ProgramParams, body: EnrolBody,
      response: { 200: EnrolmentView, 201: EnrolmentView, ...errorResponses, ...refused, ...tooMany },
    },
  }, async (request, reply) => {
    const { enrolment, created } = await service.enrol(db, requireActor(request), request.params.id, {
      allowClash: request.body.allowClash ?? false, today: todayInKorea(),
    });
    return reply.status(created ? 201 : 200).send(enrolment);
  });

  api.get('/programs/:id/enrolment', {
    schema: { tags, summary: 'My enrolment in this program', params: ProgramParams, response: { 200: EnrolmentView, ...errorResponses } },
  }, (request) => service.myEnrolment(db, requireActor(request), request.params.id));

  api.delete('/programs/:id/enrolment', {
    schema: { tags, summary: 'Cancel my place or waitlist entry; a freed place goes to the first person waiting; voucher payments are refunded under the refund rules', params: ProgramParams, response: { 200: EnrolmentView, ...errorResponses, ...refused } },
  }, (request) => {
    const actor = requireActor(request);
    return service.cancel(db, actor, request.params.id, (tx, enrolmentId) => vouchersModule.refundOnCancel(tx, enrolmentId, actor.personId));
  });

  api.get('/programs/:id/roster', {
    schema: { tags, summary: 'Learners, waitlist and attendance (the institution’s staff)', params: ProgramParams, response: { 200: Roster, ...errorResponses } },
  }, (request) => service.roster(db, requireActor(request), request.params.id));

  api.put('/programs/:id/sessions/:sessionNo/attendance', {
    schema: { tags, summary: 'Mark who came to a session', params: SessionParams, body: AttendanceBody, response: { 200: Roster, ...errorResponses } },
  }, (request) => service.recordAttendance(db, requireActor(request), request.params.id, request.params.sessionNo, request.body));

  api.put('/programs/:id/completion-rule', {
    schema: { tags, summary: 'Set the share of sessions needed to complete', params: ProgramParams, body: CompletionRuleBody, response: { 200: Roster, ...errorResponses } },
  }, (request) => service.setCompletionRule(db, requireActor(request), request.params.id, request.body.completionRate));

  api.post('/programs/:id/completion', {
    schema: {
      tags, summary: 'Decide completion for everyone enrolled and issue their certificates', params: ProgramParams,
      response: { 200: CompletionResult, ...errorResponses, ...refused },
    },
  }, (request) => service.completeProgram(db, requireActor(request), request.params.id, todayInKorea(),
    (tx, enrolmentIds) => credentials.issueCertificates(tx, enrolmentIds, config)));

  api.put('/programs/:id/learners/:enrolmentId/completion', {
    schema: {
      tags, summary: 'Decide one learner’s completion by hand, with a reason: completed (certificate issued) or not (a completion withdrawn revokes it)',
      params: LearnerParams, body: LearnerCompletionBody, response: { 200: Roster, ...errorResponses, ...refused },
    },
  }, (request) => service.decideLearnerCompletion(db, requireActor(request), request.params.id, request.params.enrolmentId, request.body, todayInKorea(), config));
}
