import Type from 'typebox';
import { IdParams, PageQuery, pageRequest } from '../../../shared/contracts/common.ts';
import { CityParams } from '../../../shared/contracts/cities.ts';
import { OpeningBody, OpeningPage, OpeningView, WaitingTicket } from '../../../shared/contracts/opening-day.ts';
import { cityInPath, guard, mustLogIn, requireActor } from '../../platform/auth/actor.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';
import * as service from './opening-day.service.ts';

const tags = ['opening day'];
const canManage = guard('city.openings.manage', cityInPath);
const refused = { 409: { $ref: 'ErrorBody#', description: 'Some of the programs are already in an opening at the same time' } };

export function registerOpeningDayRoutes(api: Api, { database }: ModuleContext): void {
  const { db } = database;

  api.post('/cities/:code/registration-openings', {
    preValidation: canManage,
    schema: {
      tags, summary: 'Open registration for the city’s first-come programs starting in a term, at one moment, with a waiting room',
      params: CityParams, body: OpeningBody, response: { 201: OpeningView, ...errorResponses, ...refused },
    },
  }, async (request, reply) => reply.status(201).send(await service.createOpening(db, requireActor(request), request.params.code, request.body)));

  api.get('/cities/:code/registration-openings', {
    preValidation: canManage,
    schema: {
      tags, summary: 'The city’s registration openings, latest first, with how many took a ticket and were let in',
      params: CityParams, querystring: Type.Object(PageQuery), response: { 200: OpeningPage, ...errorResponses },
    },
  }, (request) => service.openingsOf(db, request.params.code, pageRequest(request.query)));

  api.get('/registration-openings/:id/ticket', {
    preValidation: mustLogIn,
    schema: {
      tags, summary: 'My ticket in the waiting room: my place, the estimated wait, whether I am let in, and when to ask again',
      params: IdParams, response: { 200: WaitingTicket, ...errorResponses },
    },
  }, (request) => service.myTicket(db, requireActor(request), request.params.id));
}
