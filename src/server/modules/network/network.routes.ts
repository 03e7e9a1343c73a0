/**
 * HTTP of the institutions' network. Everything an institution does here is under /institutions/:id, the
 * institution it acts for: the permission matrix decides whether the caller may act for it (its managers and
 * staff; the city's officers may look), and the service decides what that institution may reach (the agreements
 * it is a party to, the resources its partners offer it).
 */
import Type, { type TSchema } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { CityParams } from '../../../shared/contracts/cities.ts';
import { IdParams, isId, Page, PageQuery, pageRequest } from '../../../shared/contracts/common.ts';
import {
  Agreement, AgreementListQuery, AgreementLogEntry, AgreementParams, Booking, BookingBody, BookingListQuery, BookingParams, CityNetwork,
  DocumentUploadQuery, EndAgreementBody, JointProgram, JointProgramParams, ProgramRoom, ProposeAgreementBody, ResourceBody, ResourceParams, SharedResource,
} from '../../../shared/contracts/network.ts';
import type { Permission } from '../../../shared/permissions.ts';
import { authorize, cityInPath, guard, requireActor } from '../../platform/auth/actor.ts';
import { documentUploads, uploadBy } from '../../platform/files/uploads.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';
import * as service from './network.service.ts';

const tags = ['network'];
const PageOnly = Type.Object(PageQuery, { additionalProperties: false });
const conflictResponse = { 409: { $ref: 'ErrorBody#' } } as const;

export function registerNetworkRoutes(api: Api, { database }: ModuleContext): void {
  const { db } = database;

  /** Acting for the institution in the path: its staff, or officers of its city where the matrix lets them look. */
  const forInstitution = (permission: Permission) => async (request: FastifyRequest) => {
    requireActor(request);
    const id = Number((request.params as { id?: string }).id);
    const cityCode = isId(id) ? await service.cityOfInstitution(db, id) : undefined;
    authorize(request, permission, { institutionId: id, ...(cityCode ? { cityCode } : {}) });
  };
  const view = forInstitution('network.agreements.view');
  const manage = forInstitution('network.agreements.manage');
  const resources = forInstitution('network.resources.manage');
  const booker = forInstitution('network.resources.book');

  // Agreements ------------------------------------------------------------------------------------------------
  api.get('/institutions/:id/agreements', {
    preValidation: view,
    schema: { tags, summary: 'The partnership agreements the institution is a party to, live ones first', params: IdParams, querystring: AgreementListQuery, response: { 200: Page(Agreement), ...errorResponses } },
  }, (request) => service.listAgreements(db, request.params.id, request.query.status, pageRequest(request.query)));

  api.post('/institutions/:id/agreements', {
    preValidation: manage,
    schema: {
      tags, summary: 'Propose a partnership agreement with other institutions (the proposer accepts by proposing; it is signed when every party has accepted)',
      params: IdParams, body: ProposeAgreementBody, response: { 201: Agreement, ...errorResponses, ...conflictResponse },
    },
  }, async (request, reply) => reply.status(201).send(await service.proposeAgreement(db, requireActor(request), request.params.id, request.body)));

  api.get('/institutions/:id/agreements/:agreementId', {
    preValidation: view,
    schema: { tags, summary: 'One agreement the institution is a party to', params: AgreementParams, response: { 200: Agreement, ...errorResponses } },
  }, (request) => service.getAgreement(db, request.params.id, request.params.agreementId));

  api.get('/institutions/:id/agreements/:agreementId/log', {
    preValidation: view,
    schema: { tags, summary: 'Every change to the agreement, newest first (append-only)', params: AgreementParams, querystring: PageOnly, response: { 200: Page(AgreementLogEntry), ...errorResponses } },
  }, (request) => service.listLog(db, request.params.id, request.params.agreementId, pageRequest(request.query)));

  api.post('/institutions/:id/agreements/:agreementId/accept', {
    preValidation: manage,
    schema: { tags, summary: 'Accept (sign) a proposed agreement for the institution', params: AgreementParams, response: { 200: Agreement, ...errorResponses, ...conflictResponse } },
  }, (request) => service.acceptAgreement(db, requireActor(request), request.params.id, request.params.agreementId));

  api.post('/institutions/:id/agreements/:agreementId/withdraw', {
    preValidation: manage,
    schema: { tags, summary: 'Withdraw a proposed agreement (any party)', params: AgreementParams, response: { 200: Agreement, ...errorResponses, ...conflictResponse } },
  }, (request) => service.withdrawAgreement(db, requireActor(request), request.params.id, request.params.agreementId));

  api.post('/institutions/:id/agreements/:agreementId/end', {
    preValidation: manage,
    schema: { tags, summary: 'End a signed agreement early, saying why (any party)', params: AgreementParams, body: EndAgreementBody, response: { 200: Agreement, ...errorResponses, ...conflictResponse } },
  }, (request) => service.endAgreement(db, requireActor(request), request.params.id, request.params.agreementId, request.body.reason));

  // The signed document is bytes, not JSON: its own scope, any body up to 20 MB; who may upload is known before it is read.
  documentUploads(api, (upload) => {
    upload.put('/institutions/:id/agreements/:agreementId/document', {
      ...uploadBy(manage),
      schema: {
        tags, summary: 'Attach (or replace) the signed agreement as a PDF: its bytes as the body, its name in the query; at most 20 MB',
        params: AgreementParams, querystring: DocumentUploadQuery, consumes: ['application/octet-stream'],
        response: { 200: Agreement, ...errorResponses, ...conflictResponse, 413: { $ref: 'ErrorBody#' }, 415: { $ref: 'ErrorBody#' } },
      },
    }, (request) => {
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      return service.attachDocument(db, requireActor(request), request.params.id, request.params.agreementId, { fileName: request.query.name, bytes });
    });
  });

  api.get('/institutions/:id/agreements/:agreementId/document', {
    preValidation: view,
    schema: { tags, summary: 'The signed agreement (PDF)', params: AgreementParams, response: { 200: Type.Unsafe<TSchema>({ type: 'string', format: 'binary' }), ...errorResponses } },
  }, (request, reply) => service.downloadDocument(db, request.params.id, request.params.agreementId, reply));

  // Shared resources and bookings ----------------------------------------------------------------------------------
  api.get('/institutions/:id/resources', {
    preValidation: resources,
    schema: { tags, summary: 'The rooms and equipment the institution offers its partners', params: IdParams, querystring: PageOnly, response: { 200: Page(SharedResource), ...errorResponses } },
  }, (request) => service.listResources(db, request.params.id, pageRequest(request.query)));

  api.post('/institutions/:id/resources', {
    preValidation: resources,
    schema: { tags, summary: 'Offer a room or piece of equipment to partners (capacity, opening hours per weekday, rules)', params: IdParams, body: ResourceBody, response: { 201: SharedResource, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await service.createResource(db, request.params.id, request.body)));

  api.put('/institutions/:id/resources/:resourceId', {
    preValidation: resources,
    schema: { tags, summary: 'Change an offered resource (or stop offering it)', params: ResourceParams, body: ResourceBody, response: { 200: SharedResource, ...errorResponses } },
  }, (request) => service.updateResource(db, request.params.id, request.params.resourceId, request.body));

  api.get('/institutions/:id/partner-resources', {
    preValidation: booker,
    schema: { tags, summary: 'What partners under a signed, current agreement offer the institution', params: IdParams, querystring: PageOnly, response: { 200: Page(SharedResource), ...errorResponses } },
  }, (request) => service.listPartnerResources(db, request.params.id, pageRequest(request.query)));

  api.get('/institutions/:id/resources/:resourceId/bookings', {
    preValidation: booker,
    schema: { tags, summary: "A resource's booked times from now (its owner's, or a partner's it may book)", params: ResourceParams, querystring: BookingListQuery, response: { 200: Page(Booking), ...errorResponses } },
  }, (request) => service.resourceBookings(db, request.params.id, request.params.resourceId, request.query.from, pageRequest(request.query)));

  api.get('/institutions/:id/bookings', {
    preValidation: booker,
    schema: { tags, summary: "The institution's bookings from now: what it booked from partners and what partners booked of its resources", params: IdParams, querystring: BookingListQuery, response: { 200: Page(Booking), ...errorResponses } },
  }, (request) => service.listBookings(db, request.params.id, request.query.from, pageRequest(request.query)));

  api.post('/institutions/:id/bookings', {
    preValidation: booker,
    schema: {
      tags, summary: "Book a partner's resource for a time within its opening hours (409 slot_taken when the time is held)",
      params: IdParams, body: BookingBody, response: { 201: Booking, ...errorResponses, ...conflictResponse },
    },
  }, async (request, reply) => reply.status(201).send(await service.book(db, requireActor(request), request.params.id, request.body)));

  api.post('/institutions/:id/bookings/:bookingId/cancel', {
    preValidation: booker,
    schema: { tags, summary: 'Cancel a booking (the institution that booked it, or the owner of the resource)', params: BookingParams, response: { 200: Booking, ...errorResponses, ...conflictResponse } },
  }, (request) => service.cancelBooking(db, requireActor(request), request.params.id, request.params.bookingId));

  // Joint programs -------------------------------------------------------------------------------------------------
  api.get('/institutions/:id/joint-programs', {
    preValidation: view,
    schema: { tags, summary: 'Programs the institution runs with partners or co-runs for one (every status)', params: IdParams, querystring: PageOnly, response: { 200: Page(JointProgram), ...errorResponses } },
  }, (request) => service.listJointPrograms(db, request.params.id, false, pageRequest(request.query)));

  api.get('/institutions/:id/partner-programs', {
    schema: { tags, summary: 'Published programs the institution runs with partners or co-runs (for its public page)', params: IdParams, querystring: PageOnly, response: { 200: Page(JointProgram), ...errorResponses } },
  }, (request) => service.listJointPrograms(db, request.params.id, true, pageRequest(request.query)));

  api.get('/programs/:id/partner-rooms', {
    schema: { tags, summary: "Partners' rooms booked for the program from now on, with where they are (as anyone who may see the program)", params: IdParams, querystring: PageOnly, response: { 200: Page(ProgramRoom), ...errorResponses } },
  }, (request) => service.programRooms(db, request.actor, request.params.id, pageRequest(request.query)));

  api.put('/institutions/:id/programs/:programId/partners/:partnerId', {
    preValidation: manage,
    schema: { tags, summary: 'Name a partner (under a signed, current agreement) as co-running one of the institution’s programs', params: JointProgramParams, response: { 204: Type.Null(), ...errorResponses, ...conflictResponse } },
  }, async (request, reply) => {
    await service.addJointPartner(db, requireActor(request), request.params.id, request.params.programId, request.params.partnerId);
    return reply.status(204).send(null);
  });

  api.delete('/institutions/:id/programs/:programId/partners/:partnerId', {
    preValidation: manage,
    schema: { tags, summary: 'Stop naming a partner as co-running the program', params: JointProgramParams, response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await service.removeJointPartner(db, requireActor(request), request.params.id, request.params.programId, request.params.partnerId);
    return reply.status(204).send(null);
  });

  // The city's network -----------------------------------------------------------------------------------------------
  api.get('/cities/:code/network', {
    preValidation: guard('network.city.view', cityInPath),
    schema: {
      tags, summary: "The city's institutions and their signed, current partnerships as a graph, with partners per institution, those with none and links across 행정동",
      params: CityParams, response: { 200: CityNetwork, ...errorResponses },
    },
  }, (request) => service.cityNetwork(db, request.params.code));
}
