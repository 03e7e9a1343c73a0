/**
 * HTTP of the consulting year. A consulting is looked up before its request is read: whoever may not see it (a
 * consultant not assigned to it, another city, another province, a resident) gets a 404 as for an id that does
 * not exist; whoever may see it but not do this gets a 403. The service checks again with the rows locked.
 */
import Type, { type TSchema } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { isId, Page, PageQuery, pageRequest } from '../../../shared/contracts/common.ts';
import {
  AssignConsultantBody, ConsultantCandidate, ConsultingDecisionBody, ConsultingDetail, ConsultingListQuery, ConsultingParams, ConsultingSummary,
  MilestoneParams, MilestoneUploadQuery, OpenImprovementBody, RecommendBody, ReviewMilestoneBody, SubmitMilestoneBody,
} from '../../../shared/contracts/designation-consulting.ts';
import { can, type Permission, type Scope } from '../../../shared/permissions.ts';
import { authorize, guard, requireActor } from '../../platform/auth/actor.ts';
import { documentUploads, uploadBy } from '../../platform/files/uploads.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { ModuleContext } from '../index.ts';
import * as consulting from './consulting.service.ts';

const tags = ['designation: consulting'];
const conflictResponse = { 409: { $ref: 'ErrorBody#' } } as const;
const detailResponse = { 200: ConsultingDetail, ...errorResponses, ...conflictResponse } as const;

/** `authorize`, except that whoever may not even see the consulting is told it does not exist. */
function allowFor(request: FastifyRequest): consulting.Allow {
  return (permission: Permission, scope: Scope) => {
    if (!can(requireActor(request).grants, 'designation.consulting.view', scope)) throw notFound('The consulting', 'id');
    authorize(request, permission, scope);
  };
}

/** The list's scope is what it asks for: a city, a province, or (for consultants) only what is assigned to them. */
function listScope(request: FastifyRequest): Scope {
  const query = request.query as { city?: unknown; province?: unknown; mine?: unknown };
  return {
    ...(typeof query.city === 'string' ? { cityCode: query.city } : {}),
    ...(typeof query.province === 'string' ? { provinceCode: query.province } : {}),
    ...(String(query.mine) === 'true' ? { assigned: true } : {}),
  };
}

export function registerConsultingRoutes(api: Api, { database }: ModuleContext): void {
  const { db } = database;
  const now = () => new Date();

  /** Runs before the body is read or validated (a malformed id is left to validation). */
  const onConsulting = (permission: Permission) => async (request: FastifyRequest) => {
    const actor = requireActor(request);
    const id = Number((request.params as { id?: string | number }).id);
    if (!isId(id)) return;
    const found = await consulting.owner(db, id);
    if (!found) throw notFound('The consulting', 'id');
    allowFor(request)(permission, consulting.scopeOf(found, actor));
  };

  api.get('/designation/consultings', {
    preValidation: guard('designation.consulting.view', listScope),
    schema: {
      tags, summary: 'Consulting years (potential cities, deferred cities): a city’s (its officers), a province’s, mine (consultants: mine=true), or all (the ministry)',
      querystring: ConsultingListQuery, response: { 200: Page(ConsultingSummary), ...errorResponses },
    },
  }, (request) => {
    const { city, province, year, mine, undecided, purpose } = request.query;
    return consulting.listConsultings(db, {
      cityCode: city, provinceCode: province, callYear: year, undecided, purpose, consultantId: mine ? requireActor(request).personId : undefined,
    }, pageRequest(request.query));
  });

  api.post('/designation/consultings', {
    preValidation: guard('designation.call.manage'),
    schema: {
      tags, summary: 'Open the consulting of a city a re-designation round deferred, with its consultant (the ministry; one open per city and round)',
      body: OpenImprovementBody, response: { 201: ConsultingDetail, ...errorResponses, ...conflictResponse },
    },
  }, async (request, reply) => {
    const id = await consulting.openImprovement(db, request.body, requireActor(request), now());
    reply.code(201);
    return consulting.consultingDetail(db, id, requireActor(request), allowFor(request), now());
  });

  api.get('/designation/consultings/candidates', {
    preValidation: guard('designation.call.manage'),
    schema: {
      tags, summary: 'Consultants the ministry appointed, least busy first, to assign to a potential city',
      querystring: Type.Object(PageQuery, { additionalProperties: false }), response: { 200: Page(ConsultantCandidate), ...errorResponses },
    },
  }, (request) => consulting.candidates(db, pageRequest(request.query)));

  api.get('/designation/consultings/:id', {
    preValidation: onConsulting('designation.consulting.view'),
    schema: { tags, summary: 'One consulting year with its milestones', params: ConsultingParams, response: { 200: ConsultingDetail, ...errorResponses } },
  }, (request) => consulting.consultingDetail(db, request.params.id, requireActor(request), allowFor(request), now()));

  /** Answers a change with the consulting as it now is. */
  const detailAfter = async (request: FastifyRequest & { params: { id: number } }, work: Promise<void>) => {
    await work;
    return consulting.consultingDetail(db, request.params.id, requireActor(request), allowFor(request), now());
  };

  api.post('/designation/consultings/:id/consultant', {
    preValidation: onConsulting('designation.call.manage'),
    schema: { tags, summary: 'Assign (or change) the consultant of a potential city (the ministry)', params: ConsultingParams, body: AssignConsultantBody, response: detailResponse },
  }, (request) => detailAfter(request, consulting.assignConsultant(db, request.params.id, request.body, requireActor(request), allowFor(request), now())));

  // Documents are bytes, not JSON: any body, up to 20 MB, in their own scope; who may upload is known before it is read.
  documentUploads(api, (upload) => {
    upload.put('/designation/consultings/:id/milestones/:kind/file', {
      ...uploadBy(onConsulting('designation.consulting.submit')),
      schema: {
        tags, summary: "Upload (or replace) a milestone's document before submitting it: its bytes as the body, its name in the query. PDF, HWP, HWPX, XLSX, DOCX, PNG, JPEG; at most 20 MB",
        params: MilestoneParams, querystring: MilestoneUploadQuery, consumes: ['application/octet-stream'],
        response: { ...detailResponse, 413: { $ref: 'ErrorBody#' }, 415: { $ref: 'ErrorBody#' } },
      },
    }, async (request) => {
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      return detailAfter(request, consulting.uploadMilestoneFile(db, request.params.id, request.params.kind, { fileName: request.query.name, bytes }, requireActor(request), allowFor(request)));
    });
  });

  api.get('/designation/consultings/:id/milestones/:kind/file', {
    preValidation: onConsulting('designation.consulting.view'),
    schema: {
      tags, summary: "A milestone's document, as uploaded", params: MilestoneParams,
      response: { 200: Type.Unsafe<TSchema>({ type: 'string', format: 'binary' }), ...errorResponses },
    },
  }, (request, reply) => consulting.downloadMilestoneFile(db, request.params.id, request.params.kind, requireActor(request), allowFor(request), reply));

  api.post('/designation/consultings/:id/milestones/:kind/submit', {
    preValidation: onConsulting('designation.consulting.submit'),
    schema: { tags, summary: 'Submit a milestone to the consultant (the city’s officers; its document uploaded first)', params: MilestoneParams, body: SubmitMilestoneBody, response: detailResponse },
  }, (request) => detailAfter(request, consulting.submitMilestone(db, request.params.id, request.params.kind, request.body, requireActor(request), allowFor(request), now())));

  api.post('/designation/consultings/:id/milestones/:kind/review', {
    preValidation: onConsulting('designation.consulting.advise'),
    schema: { tags, summary: 'Accept a submitted milestone or ask for changes, with feedback (the assigned consultant)', params: MilestoneParams, body: ReviewMilestoneBody, response: detailResponse },
  }, (request) => detailAfter(request, consulting.reviewMilestone(db, request.params.id, request.params.kind, request.body, requireActor(request), allowFor(request), now())));

  api.post('/designation/consultings/:id/recommendation', {
    preValidation: onConsulting('designation.consulting.advise'),
    schema: {
      tags, summary: 'Recommend designation or rejection (a potential city), improved or needs more (a deferred city), with the reason; designation and improved need every milestone accepted (the assigned consultant; may be changed until the decision)',
      params: ConsultingParams, body: RecommendBody, response: detailResponse,
    },
  }, (request) => detailAfter(request, consulting.recommend(db, request.params.id, request.body, requireActor(request), allowFor(request), now())));

  api.post('/designation/consultings/:id/decision', {
    preValidation: onConsulting('designation.decide'),
    schema: {
      tags, summary: 'Designate or reject the potential city at the end of its consulting year, or close a deferred city’s consulting (the ministry; once, after the recommendation)',
      params: ConsultingParams, body: ConsultingDecisionBody, response: detailResponse,
    },
  }, (request) => detailAfter(request, consulting.decide(db, request.params.id, request.body, requireActor(request), allowFor(request), now())));
}
