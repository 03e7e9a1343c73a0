/** HTTP of an institution's colleagues, its invitations and their log, and of accepting an invitation. */
import Type from 'typebox';
import { IdParams, Page, PageQuery, pageRequest } from '../../../shared/contracts/common.ts';
import {
  ChangeRoleBody, Colleague, ColleagueLogEntry, ColleagueParams, InvitationAccepted, InvitationParams, InvitationPreview, InvitationSent,
  InvitationTokenBody, InvitationView, InviteBody,
} from '../../../shared/contracts/colleagues.ts';
import { INVITATION_LIFETIME_DAYS } from '../../../shared/vocabulary/index.ts';
import { guard, institutionInPath, mustLogIn, requireActor } from '../../platform/auth/actor.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';
import * as service from './colleagues.service.ts';

const tags = ['colleagues'];
const PageOnly = Type.Object(PageQuery, { additionalProperties: false });
const mayView = guard('institution.colleagues.view', institutionInPath);
const mayManage = guard('institution.colleagues.manage', institutionInPath);
/** Links are guessed at no faster than people open them. */
const linkRateLimit = { rateLimit: { max: 30, timeWindow: '1 minute' } };
const gone = { 410: { $ref: 'ErrorBody#' } };

export function registerColleagueRoutes(api: Api, { database }: ModuleContext): void {
  const { db } = database;

  api.get('/institutions/:id/colleagues', {
    preValidation: mayView,
    schema: {
      tags, summary: "Who works at the institution and in which role, managers first (its colleagues)",
      params: IdParams, querystring: PageOnly, response: { 200: Page(Colleague), ...errorResponses },
    },
  }, (request) => service.listColleagues(db, request.params.id, pageRequest(request.query)));

  api.patch('/institutions/:id/colleagues/:personId', {
    preValidation: mayManage,
    schema: {
      tags, summary: "Change a colleague's role (the institution keeps at least one manager)",
      params: ColleagueParams, body: ChangeRoleBody, response: { 200: Colleague, ...errorResponses, 409: { $ref: 'ErrorBody#' } },
    },
  }, (request) => service.changeRole(db, requireActor(request), request.params.id, request.params.personId, request.body.role));

  api.delete('/institutions/:id/colleagues/:personId', {
    preValidation: mayManage,
    schema: {
      tags, summary: "Revoke a colleague's role at the institution (not its last manager's)",
      params: ColleagueParams, response: { 204: Type.Null(), ...errorResponses, 409: { $ref: 'ErrorBody#' } },
    },
  }, async (request, reply) => {
    await service.revoke(db, requireActor(request), request.params.id, request.params.personId);
    return reply.status(204).send(null);
  });

  api.get('/institutions/:id/colleague-log', {
    preValidation: mayManage,
    schema: {
      tags, summary: 'Every change to the colleagues (invited, withdrawn, accepted, role changed, revoked), newest first',
      params: IdParams, querystring: PageOnly, response: { 200: Page(ColleagueLogEntry), ...errorResponses },
    },
  }, (request) => service.listLog(db, request.params.id, pageRequest(request.query)));

  api.get('/institutions/:id/invitations', {
    preValidation: mayManage,
    schema: {
      tags, summary: 'Invitations not yet accepted (expired ones marked), newest first',
      params: IdParams, querystring: PageOnly, response: { 200: Page(InvitationView), ...errorResponses },
    },
  }, (request) => service.listInvitations(db, request.params.id, pageRequest(request.query)));

  api.post('/institutions/:id/invitations', {
    preValidation: mayManage,
    schema: {
      tags, summary: `Invite someone by email to a role: they get a link that works once, for ${INVITATION_LIFETIME_DAYS} days (a new invitation to the same address replaces the open one)`,
      params: IdParams, body: InviteBody, response: { 201: InvitationSent, ...errorResponses, 409: { $ref: 'ErrorBody#' } },
    },
  }, async (request, reply) => reply.status(201).send(await service.invite(db, requireActor(request), request.params.id, request.body)));

  api.delete('/institutions/:id/invitations/:invitationId', {
    preValidation: mayManage,
    schema: {
      tags, summary: 'Withdraw an open invitation (its link stops working)',
      params: InvitationParams, response: { 204: Type.Null(), ...errorResponses, 409: { $ref: 'ErrorBody#' } },
    },
  }, async (request, reply) => {
    await service.withdrawInvitation(db, requireActor(request), request.params.id, request.params.invitationId);
    return reply.status(204).send(null);
  });

  api.post('/invitations/preview', {
    config: linkRateLimit,
    schema: {
      tags, summary: "What an invitation link offers (anyone holding the link), before signing up or logging in to accept",
      body: InvitationTokenBody, response: { 200: InvitationPreview, ...errorResponses, ...gone },
    },
  }, (request) => service.previewInvitation(db, request.body.token));

  api.post('/invitations/accept', {
    config: linkRateLimit,
    preValidation: mustLogIn,
    schema: {
      tags, summary: 'Accept an invitation as the logged-in person: they take the role, and the link stops working',
      body: InvitationTokenBody, response: { 200: InvitationAccepted, ...errorResponses, 409: { $ref: 'ErrorBody#' }, ...gone },
    },
  }, (request) => service.acceptInvitation(db, requireActor(request), request.body.token));
}
