import Type from 'typebox';
import { Code, IdParams, Page, PageQuery, pageRequest } from '../../../shared/contracts/common.ts';
import {
  GrantRoleBody, LogInBody, Me, PasswordResetBody, PasswordResetPreview, PasswordResetRequestBody, PasswordResetRequested, PasswordResetToken,
  PasswordStrength, PasswordStrengthBody, PersonSummary, PhoneBody, SignUpBody,
} from '../../../shared/contracts/identity.ts';
import { grantableRoles, preferredLocale } from '../../../shared/vocabulary/index.ts';
import { authorize, mustLogIn, requireActor, type Actor } from '../../platform/auth/actor.ts';
import { SESSION_COOKIE, clearSessionCookie, hashSessionToken, setSessionCookie } from '../../platform/auth/session-cookie.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import { HttpError } from '../../platform/http/errors.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ModuleContext } from '../index.ts';
import * as queries from './identity.queries.ts';
import * as service from './identity.service.ts';

const tags = ['identity'];
const loginRateLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };
/** Reset emails: a few per minute per address (each account is also limited per hour, in the service). */
const resetRateLimit = { rateLimit: { max: 5, timeWindow: '1 minute' } };
/** The sign-up form asks as the password is typed (after a pause), so more often than it signs up. */
const strengthRateLimit = { rateLimit: { max: 120, timeWindow: '1 minute' } };

export function registerIdentityRoutes(api: Api, { config, database }: ModuleContext): void {
  const { db } = database;
  const cookieOptions = { secure: config.cookieSecure, ttlHours: config.sessionTtlHours };

  /** Who the person is, as only they see it: their roles and their own phone number. */
  const me = async (actor: Actor) => ({ ...actor, phone: await queries.phoneOf(db, actor.personId) });

  /** Opens a session for the person, sets its cookie, and answers with who they are. */
  const startSession = async (request: FastifyRequest, reply: FastifyReply, personId: number) => {
    const token = await service.openSession(db, personId, config.sessionTtlHours, request.headers['user-agent'] ?? null);
    setSessionCookie(reply, token, cookieOptions);
    return me((await queries.findSessionPerson(db, hashSessionToken(token)))!);
  };

  api.post('/auth/signup', {
    config: loginRateLimit,
    schema: { tags, summary: 'Create a resident account and log in', body: SignUpBody, response: { 201: Me, ...errorResponses, 409: { $ref: 'ErrorBody#' } } },
  }, async (request, reply) => {
    const personId = await service.signUp(db, request.body);
    return reply.status(201).send(await startSession(request, reply, personId));
  });

  api.post('/auth/password-strength', {
    config: strengthRateLimit,
    schema: { tags, summary: 'How strong a new password is, judged as sign-up judges it', body: PasswordStrengthBody, response: { 200: PasswordStrength, ...errorResponses } },
  }, async (request) => {
    const { password, ...person } = request.body;
    const judgement = await service.judgePassword(password, person);
    const locale = preferredLocale(request.headers['accept-language']);
    return { ...judgement, message: judgement.message?.[locale] ?? null };
  });

  api.post('/auth/login', {
    config: loginRateLimit,
    schema: {
      tags, summary: 'Log in with email and password (an email is locked for a while after five wrong passwords in a row)',
      body: LogInBody, response: { 200: Me, ...errorResponses, 429: { $ref: 'ErrorBody#' } },
    },
  }, async (request, reply) => {
    const { personId, notice } = await service.logIn(db, request.body.email, request.body.password).catch((error: unknown) => {
      if (error instanceof HttpError && typeof error.details?.retryAfter === 'number') reply.header('retry-after', String(error.details.retryAfter));
      throw error;
    });
    const me = await startSession(request, reply, personId);
    return notice ? { ...me, securityNotice: notice } : me;
  });

  api.post('/auth/password-reset', {
    config: resetRateLimit,
    schema: {
      tags, summary: 'Email a single-use link to choose a new password (the same answer whether or not the email has an account)',
      body: PasswordResetRequestBody, response: { 202: PasswordResetRequested, ...errorResponses, 429: { $ref: 'ErrorBody#' } },
    },
  }, async (request, reply) => {
    await service.requestPasswordReset(db, request.body.email);
    return reply.status(202).send({ message: service.RESET_REQUESTED[preferredLocale(request.headers['accept-language'])] });
  });

  api.post('/auth/password-reset/preview', {
    config: resetRateLimit,
    schema: {
      tags, summary: 'Which account a reset link is for, while it works', body: PasswordResetToken,
      response: { 200: PasswordResetPreview, ...errorResponses, 410: { $ref: 'ErrorBody#' } },
    },
  }, async (request) => service.previewPasswordReset(db, request.body.token));

  api.post('/auth/password-reset/confirm', {
    config: resetRateLimit,
    schema: {
      tags, summary: 'Set a new password with a reset link: ends every session of the account and logs in',
      body: PasswordResetBody, response: { 200: Me, ...errorResponses, 410: { $ref: 'ErrorBody#' } },
    },
  }, async (request, reply) => {
    const personId = await service.resetPassword(db, request.body.token, request.body.password);
    return startSession(request, reply, personId);
  });

  api.post('/auth/logout', {
    schema: { tags, summary: 'Log out (ends this session)', response: { 204: Type.Null() } },
  }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await queries.deleteSession(db, hashSessionToken(token));
    clearSessionCookie(reply);
    return reply.status(204).send(null);
  });

  api.get('/auth/me', {
    schema: { tags, summary: 'The logged-in person and their roles', response: { 200: Me, ...errorResponses } },
  }, async (request) => me(requireActor(request)));

  api.put('/me/phone', {
    // Nobody logged in hears 401 before anything about what they sent.
    preValidation: mustLogIn,
    schema: {
      tags, summary: 'Set or remove (null) my mobile number, for courses that send text messages; kept as 010-1234-5678',
      body: PhoneBody, response: { 200: Me, ...errorResponses },
    },
  }, async (request) => {
    const actor = requireActor(request);
    await service.setOwnPhone(db, actor.personId, request.body.phone);
    return me(actor);
  });

  api.get('/people', {
    schema: {
      tags, summary: 'People with their roles (administrators)',
      querystring: Type.Object({ ...PageQuery, role: Type.Optional(Code(grantableRoles)) }, { additionalProperties: false }),
      response: { 200: Page(PersonSummary), ...errorResponses },
    },
  }, async (request) => {
    authorize(request, 'people.list');
    return queries.listPeople(db, { role: request.query.role }, pageRequest(request.query));
  });

  api.post('/people/:id/roles', {
    schema: { tags, summary: 'Grant a role (administrators)', params: IdParams, body: GrantRoleBody, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    const actor = authorize(request, 'role.grant');
    await service.grantRole(db, request.params.id, request.body, actor.personId);
    return reply.status(204).send(null);
  });
}
