import Type from 'typebox';
import { IdParams, Page, PageQuery, pageRequest } from '../../../shared/contracts/common.ts';
import { LearningWish, LearningWishBody } from '../../../shared/contracts/participation.ts';
import { requireActor } from '../../platform/auth/actor.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';
import * as service from './participation.service.ts';
import { registerStudyGroupRoutes } from './study-groups.routes.ts';
import { registerVolunteerRoutes } from './volunteers.routes.ts';

const tags = ['participation'];

export function registerParticipationRoutes(api: Api, context: ModuleContext): void {
  const { db } = context.database;
  registerStudyGroupRoutes(api, context);
  registerVolunteerRoutes(api, context);

  api.get('/me/wishes', {
    schema: {
      tags, summary: 'What I said I would like to learn', querystring: Type.Object(PageQuery, { additionalProperties: false }),
      response: { 200: Page(LearningWish), ...errorResponses },
    },
  }, (request) => service.myWishes(db, requireActor(request).personId, pageRequest(request.query)));

  api.post('/me/wishes', {
    schema: {
      tags, summary: 'Tell my city what I would like to learn (counted in its demand, without my name)', body: LearningWishBody,
      response: { 201: LearningWish, ...errorResponses },
    },
  }, async (request, reply) => reply.status(201).send(await service.addWish(db, requireActor(request).personId, request.body)));

  api.delete('/me/wishes/:id', {
    schema: { tags, summary: 'Withdraw a wish', params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await service.withdrawWish(db, requireActor(request).personId, request.params.id);
    return reply.status(204).send(null);
  });
}
