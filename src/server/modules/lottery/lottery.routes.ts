import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { IdParams, Nullable, PageQuery, isId, pageRequest } from '../../../shared/contracts/common.ts';
import {
  ApplicantPage, ApplyBody, DrawResult, DrawSummary, LotteryApplication, LotterySettingsBody, LotteryView, OfflineApplicationBody, OfflineApplicationResult,
} from '../../../shared/contracts/lottery.ts';
import { mustLogIn, requireActor } from '../../platform/auth/actor.ts';
import { todayInKorea } from '../../platform/clock.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import { applicationLimits } from '../../platform/http/application-limits.ts';
import type { ModuleContext } from '../index.ts';
import { programsModule } from '../programs/index.ts';
import * as service from './lottery.service.ts';

const tags = ['lottery'];
const refused = { 409: { $ref: 'ErrorBody#', description: 'Not a lottery program, outside the window, already drawn, or not eligible; the message says why' } };
const PageParams = Type.Object(PageQuery);

export function registerLotteryRoutes(api: Api, { database, config }: ModuleContext): void {
  const { db } = database;
  const managing = programsModule.managingProgramInPath(db);

  /** The same for applications taken at a centre: only those who take them learn what a valid one is. */
  const takingApplications = async (request: FastifyRequest) => {
    const id = Number((request.params as { id?: string }).id);
    if (isId(id)) await service.programTakingApplications(db, requireActor(request), id);
  };

  api.get('/programs/:id/lottery', {
    schema: {
      tags, summary: 'The program’s lottery: its rules, the SHA-256 of its seed (published from the start), and once drawn the seed itself',
      params: IdParams, response: { 200: Nullable(LotteryView), ...errorResponses },
    },
  }, (request) => service.publicLottery(db, request.actor, request.params.id));

  api.get('/programs/:id/lottery/result', {
    schema: {
      tags, summary: 'The published draw, in drawn order, by application number (no names), each with its ticket HMAC-SHA-256(seed, number)',
      params: IdParams, querystring: PageParams, response: { 200: DrawResult, ...errorResponses },
    },
  }, (request) => service.drawResult(db, request.actor, request.params.id, pageRequest(request.query)));

  api.put('/programs/:id/lottery', {
    preValidation: managing,
    schema: {
      tags, summary: 'Set up the lottery (its seed is chosen now and only its hash shown) or change its rules before anyone applied',
      params: IdParams, body: LotterySettingsBody, response: { 200: LotteryView, ...errorResponses, ...refused },
    },
  }, (request) => service.saveSettings(db, requireActor(request), request.params.id, request.body));

  api.post('/programs/:id/lottery/application', {
    preValidation: mustLogIn,
    preHandler: applicationLimits(api, config),
    schema: {
      tags, summary: 'Apply for the draw (one application per person); asking again returns the same application',
      params: IdParams, body: ApplyBody, response: { 200: LotteryApplication, 201: LotteryApplication, ...errorResponses, ...refused },
    },
  }, async (request, reply) => {
    const { application, created } = await service.apply(db, requireActor(request), request.params.id, request.body, todayInKorea());
    return reply.status(created ? 201 : 200).send(application);
  });

  api.get('/programs/:id/lottery/application', {
    preValidation: mustLogIn,
    schema: { tags, summary: 'My application for the draw, and once drawn its outcome', params: IdParams, response: { 200: LotteryApplication, ...errorResponses } },
  }, (request) => service.myApplication(db, requireActor(request), request.params.id));

  api.get('/programs/:id/lottery/applicants', {
    preValidation: managing,
    schema: {
      tags, summary: 'Everyone who applied (the institution’s staff), in drawn order once drawn', params: IdParams, querystring: PageParams,
      response: { 200: ApplicantPage, ...errorResponses },
    },
  }, (request) => service.applicants(db, requireActor(request), request.params.id, pageRequest(request.query)));

  api.post('/programs/:id/lottery/draw', {
    preValidation: managing,
    schema: {
      tags, summary: 'Draw, once, after applications close: winners enrolled up to the free places, the rest waitlisted in drawn order, everyone told',
      params: IdParams, response: { 200: DrawSummary, ...errorResponses, ...refused },
    },
  }, (request) => service.draw(db, requireActor(request), request.params.id));

  api.post('/programs/:id/offline-applications', {
    preValidation: takingApplications,
    schema: {
      tags, summary: 'Enter an application at a centre for a resident who cannot apply online: into the same draw, or the same first-come queue',
      params: IdParams, body: OfflineApplicationBody, response: { 200: OfflineApplicationResult, 201: OfflineApplicationResult, ...errorResponses, ...refused },
    },
  }, async (request, reply) => {
    const result = await service.enterOffline(db, requireActor(request), request.params.id, request.body, todayInKorea());
    return reply.status(result.created ? 201 : 200).send(result);
  });
}
