/**
 * HTTP of applications and the province's endorsement. An application is looked up before anything else: whoever
 * may not see it (another city, another province, a resident, a reviewer not assigned to it, anyone but its city
 * while it is a draft) gets a 404, as for an id that does not exist; who may see it but not do this gets a 403.
 */
import Type, { type TSchema } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { CityParams } from '../../../shared/contracts/cities.ts';
import { isId, Page, PageQuery, pageRequest } from '../../../shared/contracts/common.ts';
import {
  ApplicationListQuery, ApplicationParams, ApplicationSummary, ApplicationVersion, ApplicationVersionSummary, ApplicationView, Attachment,
  AttachmentParams, OpenCall, ProvinceCall, ProvinceCallParams, ProvinceParams, RankingBody, ReasonBody, ReturnBody, SaveBody, SaveResult, StartBody,
  SubmitBody, UploadQuery, VersionParams,
} from '../../../shared/contracts/designation-applications.ts';
import type { Permission } from '../../../shared/permissions.ts';
import { MAX_DOCUMENT_BYTES, preferredLocale, type AttachmentPurpose } from '../../../shared/vocabulary/index.ts';
import { authorize, cityInPath, guard, requireActor } from '../../platform/auth/actor.ts';
import { fileTooLarge } from '../../platform/files/files.queries.ts';
import { uploadBy } from '../../platform/files/uploads.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import { HttpError, notFound } from '../../platform/http/errors.ts';
import type { ModuleContext } from '../index.ts';
import * as applications from './applications.service.ts';
import * as endorsement from './endorsement.service.ts';

const tags = ['designation: applications'];
const conflictResponse = { 409: { $ref: 'ErrorBody#' } } as const;
const provinceInPath = (request: FastifyRequest) => ({ provinceCode: (request.params as { provinceCode?: string }).provinceCode ?? '' });

export function registerApplicationRoutes(api: Api, { database }: ModuleContext): void {
  const { db } = database;
  const idOf = (request: FastifyRequest) => Number((request.params as { id?: string | number }).id);

  /**
   * Runs before the body is read or validated: 404 when the caller may not know the application exists, then
   * `authorize` for what they ask to do (403).
   */
  const onApplication = (permission: Permission) => async (request: FastifyRequest) => {
    const actor = requireActor(request);
    const id = idOf(request);
    // Not an id at all: validation answers (400) after this hook.
    if (!isId(id)) return;
    const found = await applications.scopeOf(db, id, actor);
    if (!found) throw notFound('The application', 'id');
    try {
      if (!found.submitted) authorize(request, 'designation.application.edit', found.scope);
      authorize(request, 'designation.application.view', found.scope);
    } catch (error) {
      if (error instanceof HttpError && error.statusCode === 403) throw notFound('The application', 'id');
      throw error;
    }
    authorize(request, permission, found.scope);
  };
  const now = () => new Date();

  // ---- The city's applications ------------------------------------------------------------------------------

  api.get('/cities/:code/designation/open-call', {
    preValidation: guard('designation.application.view', cityInPath),
    schema: { tags, summary: 'The call the city may apply to now, whether it may, and its application to it', params: CityParams, response: { 200: OpenCall, ...errorResponses } },
  }, (request) => applications.openCallFor(db, request.params.code, requireActor(request), now()));

  api.get('/cities/:code/designation/applications', {
    preValidation: guard('designation.application.view', cityInPath),
    schema: {
      tags, summary: "The city's applications, newest call first (others than its officers see them once submitted)", params: CityParams,
      querystring: ApplicationListQuery, response: { 200: Page(ApplicationSummary), ...errorResponses },
    },
  }, (request) => applications.listForCity(db, request.params.code, request.query, pageRequest(request.query), requireActor(request)));

  api.post('/cities/:code/designation/applications', {
    preValidation: guard('designation.application.edit', cityInPath),
    schema: {
      tags, summary: "Start the city's application to a call, filled from the city's record (the existing one if already started)",
      params: CityParams, body: StartBody, response: { 201: ApplicationView, ...errorResponses, ...conflictResponse },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const at = now();
    const id = await applications.startApplication(db, request.params.code, request.body.callId, actor, at);
    return reply.status(201).send(await applications.viewApplication(db, id, actor, at));
  });

  // ---- One application -----------------------------------------------------------------------------------------

  api.get('/designation/applications/:id', {
    preValidation: onApplication('designation.application.view'),
    schema: { tags, summary: 'An application with its attachments and what the caller may do with it', params: ApplicationParams, response: { 200: ApplicationView, ...errorResponses } },
  }, (request) => applications.viewApplication(db, request.params.id, requireActor(request), now()));

  api.put('/designation/applications/:id/content', {
    preValidation: onApplication('designation.application.edit'),
    schema: {
      tags, summary: 'Save the sections (autosave): send the version you edited; a newer save by someone else is a 409 with the current version',
      params: ApplicationParams, body: SaveBody, response: { 200: SaveResult, ...errorResponses, ...conflictResponse },
    },
  }, (request) => applications.saveDraft(db, request.params.id, request.body, requireActor(request), now()));

  api.get('/designation/applications/:id/versions', {
    preValidation: onApplication('designation.application.view'),
    schema: {
      tags, summary: 'Every saved version, newest first', params: ApplicationParams,
      querystring: Type.Object(PageQuery, { additionalProperties: false }), response: { 200: Page(ApplicationVersionSummary), ...errorResponses },
    },
  }, (request) => applications.versions(db, request.params.id, pageRequest(request.query)));

  api.get('/designation/applications/:id/versions/:version', {
    preValidation: onApplication('designation.application.view'),
    schema: { tags, summary: 'The sections as saved in one version', params: VersionParams, response: { 200: ApplicationVersion, ...errorResponses } },
  }, (request) => applications.version(db, request.params.id, request.params.version));

  api.post('/designation/applications/:id/submit', {
    preValidation: onApplication('designation.application.edit'),
    schema: {
      tags, summary: 'Submit to the province (the version you saw): refused after the deadline, and listing every missing field if incomplete',
      params: ApplicationParams, body: SubmitBody, response: { 200: ApplicationView, ...errorResponses, ...conflictResponse },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const at = now();
    await applications.submit(db, request.params.id, request.body.version, actor, at, preferredLocale(request.headers['accept-language']));
    return applications.viewApplication(db, request.params.id, actor, at);
  });

  api.post('/designation/applications/:id/withdraw', {
    preValidation: onApplication('designation.application.edit'),
    schema: {
      tags, summary: 'Withdraw the application (not once the province endorsed it)', params: ApplicationParams, body: ReasonBody,
      response: { 200: ApplicationView, ...errorResponses, ...conflictResponse },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const at = now();
    await applications.withdraw(db, request.params.id, request.body.reason, actor, at);
    return applications.viewApplication(db, request.params.id, actor, at);
  });

  // ---- Attachments ----------------------------------------------------------------------------------------------

  api.get('/designation/applications/:id/attachments/:attachmentId', {
    preValidation: onApplication('designation.application.view'),
    schema: {
      tags, summary: 'Download an attachment (streamed; its SHA-256 is the ETag)', params: AttachmentParams,
      response: { 200: Type.Unsafe<TSchema>({ type: 'string', format: 'binary' }), ...errorResponses },
    },
  }, (request, reply) => applications.sendAttachment(db, request.params.id, request.params.attachmentId, reply));

  api.delete('/designation/applications/:id/attachments/:attachmentId', {
    preValidation: onApplication('designation.application.edit'),
    schema: { tags, summary: 'Remove an attachment', params: AttachmentParams, response: { 204: Type.Null(), ...errorResponses, ...conflictResponse } },
  }, async (request, reply) => {
    await applications.removeAttachment(db, request.params.id, request.params.attachmentId, requireActor(request), now());
    return reply.status(204).send(null);
  });

  // Files arrive as their raw bytes (any content type: the bytes decide what they are), in their own scope with
  // a 20 MB limit; who may not add to this application is refused before the body is read.
  void api.register(async (upload: Api) => {
    upload.removeAllContentTypeParsers();
    upload.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT_BYTES }, (_request, body, done) => done(null, body));
    upload.setErrorHandler((error: Error & { code?: string }, request) => {
      if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') throw error;
      const { name, purpose } = request.query as { name?: string; purpose?: string };
      const length = Number(request.headers['content-length']);
      throw fileTooLarge(name ?? 'file', Number.isFinite(length) && length > 0 ? length : null, `attachments.${purpose ?? 'other'}`);
    });
    upload.post('/designation/applications/:id/attachments', {
      ...uploadBy(onApplication('designation.application.edit')),
      schema: {
        tags, summary: 'Attach a file: send its bytes as the body, its name and purpose in the query. PDF, HWP, HWPX, XLSX, DOCX, PNG, JPEG; at most 20 MB',
        params: ApplicationParams, querystring: UploadQuery, consumes: ['application/octet-stream'],
        response: { 201: Attachment, 413: { $ref: 'ErrorBody#' }, 415: { $ref: 'ErrorBody#' }, ...errorResponses, ...conflictResponse },
      },
    }, async (request, reply) => {
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const attachment = await applications.addAttachment(db, request.params.id, {
        purpose: request.query.purpose as AttachmentPurpose, fileName: request.query.name, bytes,
      }, requireActor(request), now());
      return reply.status(201).send(attachment);
    });
  });

  // ---- The province ------------------------------------------------------------------------------------------------

  api.post('/designation/applications/:id/endorse', {
    preValidation: onApplication('designation.application.endorse'),
    schema: {
      tags, summary: "Endorse a submitted application (the province's officers, before the endorsement deadline); it joins the end of the ranking",
      params: ApplicationParams, body: ReasonBody, response: { 200: ApplicationView, ...errorResponses, ...conflictResponse },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const at = now();
    await endorsement.endorse(db, request.params.id, request.body.reason, actor, at);
    return applications.viewApplication(db, request.params.id, actor, at);
  });

  api.post('/designation/applications/:id/return', {
    preValidation: onApplication('designation.application.endorse'),
    schema: {
      tags, summary: 'Return a submitted application to its city for changes, with the reason (before the endorsement deadline)',
      params: ApplicationParams, body: ReturnBody, response: { 200: ApplicationView, ...errorResponses, ...conflictResponse },
    },
  }, async (request) => {
    const actor = requireActor(request);
    const at = now();
    await endorsement.returnApplication(db, request.params.id, request.body.reason, actor, at);
    return applications.viewApplication(db, request.params.id, actor, at);
  });

  api.get('/designation/provinces/:provinceCode/calls', {
    preValidation: guard('designation.application.view', provinceInPath),
    schema: {
      tags, summary: "Published calls with how many of the province's applications stand at each step", params: ProvinceParams,
      querystring: Type.Object(PageQuery, { additionalProperties: false }), response: { 200: Page(ProvinceCall), ...errorResponses },
    },
  }, (request) => endorsement.provinceCalls(db, request.params.provinceCode, pageRequest(request.query), now()));

  api.get('/designation/provinces/:provinceCode/applications', {
    preValidation: guard('designation.application.view', provinceInPath),
    schema: {
      tags, summary: "The province's submitted applications, endorsed ones in rank order", params: ProvinceParams,
      querystring: ApplicationListQuery, response: { 200: Page(ApplicationSummary), ...errorResponses },
    },
  }, (request) => endorsement.provinceApplications(db, request.params.provinceCode, request.query, pageRequest(request.query)));

  api.put('/designation/provinces/:provinceCode/calls/:callId/ranking', {
    preValidation: guard('designation.application.endorse', provinceInPath),
    schema: {
      tags, summary: 'Rank every application the province endorsed to the call (first first), before the endorsement deadline',
      params: ProvinceCallParams, body: RankingBody, response: { 200: Page(ApplicationSummary), ...errorResponses, ...conflictResponse },
    },
  }, async (request) => {
    const { provinceCode, callId } = request.params;
    await endorsement.rank(db, provinceCode, callId, request.body.applicationIds, requireActor(request), now());
    return endorsement.provinceApplications(db, provinceCode, { callId, status: 'endorsed' }, { page: 1, pageSize: 100 });
  });
}
