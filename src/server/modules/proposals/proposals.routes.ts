import Type from 'typebox';
import { CityParams } from '../../../shared/contracts/cities.ts';
import { IdParams, Page, PageQuery, pageRequest } from '../../../shared/contracts/common.ts';
import {
  MyProposal, ProposalAnswerBody, ProposalBody, ProposalList, ProposalListQuery, ProposalOrigin, ProposalParams, ProposalThresholdBody, ProposalView, SupportResult,
} from '../../../shared/contracts/proposals.ts';
import { cityInPath, guard, institutionInPath, mustLogIn, requireActor, residentInPath } from '../../platform/auth/actor.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';
import * as service from './proposals.service.ts';

const tags = ['proposals'];

export function registerProposalRoutes(api: Api, { database }: ModuleContext): void {
  const { db } = database;

  api.get('/cities/:code/proposals', {
    schema: {
      tags, summary: "Residents' proposals of the city (published fields; the proposer masked), newest or most supported first",
      params: CityParams, querystring: ProposalListQuery, response: { 200: ProposalList, ...errorResponses },
    },
  }, (request) => service.listProposals(request.reader, request.params.code, request.query, pageRequest(request.query)));

  api.post('/cities/:code/proposals', {
    preValidation: residentInPath(service.notResident),
    schema: {
      tags, summary: 'Propose a program or a study group for my city (residents of the city)', params: CityParams, body: ProposalBody,
      response: { 201: ProposalView, ...errorResponses },
    },
  }, async (request, reply) => reply.status(201).send(await service.propose(db, requireActor(request), request.params.code, request.body)));

  api.get('/cities/:code/proposals/:id', {
    schema: { tags, summary: 'A proposal: what, for whom, where, its supporters and the city’s answer', params: ProposalParams, response: { 200: ProposalView, ...errorResponses } },
  }, (request) => service.proposalPage(db, request.actor, request.params.code, request.params.id));

  api.get('/me/proposals', {
    preValidation: mustLogIn,
    schema: {
      tags, summary: 'The proposals I made or support, newest first, with where each stands',
      querystring: Type.Object(PageQuery, { additionalProperties: false }), response: { 200: Page(MyProposal), ...errorResponses },
    },
  }, (request) => service.proposalsOfMine(db, requireActor(request), pageRequest(request.query)));

  api.post('/cities/:code/proposals/:id/support', {
    preValidation: residentInPath(service.notResident),
    schema: { tags, summary: 'Support a proposal of my city (once)', params: ProposalParams, response: { 200: SupportResult, ...errorResponses } },
  }, (request) => service.support(db, requireActor(request), request.params.code, request.params.id));

  api.delete('/cities/:code/proposals/:id/support', {
    preValidation: mustLogIn,
    schema: { tags, summary: 'Withdraw my support (until the city answers)', params: ProposalParams, response: { 200: SupportResult, ...errorResponses } },
  }, (request) => service.withdrawSupport(db, requireActor(request), request.params.code, request.params.id));

  api.post('/cities/:code/proposals/:id/answer', {
    preValidation: guard('proposals.answer', cityInPath),
    schema: {
      tags, summary: "The city's public answer: accepted (a draft program of one of its institutions) or declined with reasons",
      params: ProposalParams, body: ProposalAnswerBody, response: { 200: ProposalView, ...errorResponses },
    },
  }, (request) => service.answer(db, requireActor(request), request.params.code, request.params.id, request.body));

  api.put('/cities/:code/proposals/threshold', {
    preValidation: guard('proposals.answer', cityInPath),
    schema: {
      tags, summary: 'How many supporters a proposal needs before the city must answer', params: CityParams, body: ProposalThresholdBody,
      response: { 200: ProposalThresholdBody, ...errorResponses },
    },
  }, (request) => service.setThreshold(db, requireActor(request), request.params.code, request.body.threshold));

  api.get('/institutions/:id/proposal-programs', {
    preValidation: guard('program.manage', institutionInPath),
    schema: {
      tags, summary: "The institution's programs that came from residents' proposals", params: IdParams,
      querystring: Type.Object(PageQuery, { additionalProperties: false }), response: { 200: Page(ProposalOrigin), ...errorResponses },
    },
  }, (request) => service.programOrigins(db, request.params.id, pageRequest(request.query)));
}
