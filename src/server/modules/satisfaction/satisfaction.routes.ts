import Type from 'typebox';
import { Id } from '../../../shared/contracts/common.ts';
import { Rating, RatingBody, SatisfactionSummary } from '../../../shared/contracts/satisfaction.ts';
import { requireActor } from '../../platform/auth/actor.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';
import * as service from './satisfaction.service.ts';

const tags = ['satisfaction'];
const Params = Type.Object({ id: Id });

export function registerSatisfactionRoutes(api: Api, { database }: ModuleContext): void {
  const { db } = database;

  api.put('/programs/:id/rating', {
    schema: { tags, summary: 'Rate a program you completed (1–5 per item, and a comment); rating again replaces it', params: Params, body: RatingBody, response: { 200: Rating, ...errorResponses } },
  }, (request) => service.rate(db, requireActor(request), request.params.id, request.body));

  api.get('/programs/:id/rating', {
    schema: { tags, summary: 'My rating of this program', params: Params, response: { 200: Rating, ...errorResponses } },
  }, (request) => service.myRating(db, requireActor(request), request.params.id));

  api.get('/programs/:id/satisfaction', {
    schema: { tags, summary: 'Average ratings of a program (shown from 5 responses on)', params: Params, response: { 200: SatisfactionSummary, ...errorResponses } },
  }, (request) => service.programSummary(db, request.actor, request.params.id));

  api.get('/institutions/:id/satisfaction', {
    schema: { tags, summary: 'Average ratings of an institution’s programs (shown from 5 responses on)', params: Params, response: { 200: SatisfactionSummary, ...errorResponses } },
  }, (request) => service.summary(db, { institutionId: request.params.id }));
}
