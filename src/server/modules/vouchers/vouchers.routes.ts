import type { FastifyRequest } from 'fastify';
import Type, { type TSchema } from 'typebox';
import { IdParams, PageQuery, pageRequest } from '../../../shared/contracts/common.ts';
import {
  ApplicationsQuery, CityApplicationParams, CityYearParams, MyApplicationList, NationalApplicationParams, NationalParams, OpenProgrammesQuery,
  RefundBody, SpendBody, Voucher, VoucherApplication, VoucherApplicationList, VoucherApplyBody, VoucherDecisionBody, VoucherDrawResult,
  VoucherDrawSummary, VoucherIssueSummary, VoucherLedger, VoucherList, VoucherProgramme, VoucherProgrammeBody, VoucherProgrammeList, VoucherStats,
} from '../../../shared/contracts/vouchers.ts';
import type { Permission } from '../../../shared/permissions.ts';
import { cityInPath, guard, mustLogIn, requireActor } from '../../platform/auth/actor.ts';
import { todayInKorea } from '../../platform/clock.ts';
import { contentDisposition } from '../../platform/files/files.queries.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';
import * as service from './vouchers.service.ts';

const tags = ['vouchers'];
const Paged = Type.Object(PageQuery, { additionalProperties: false });
const refused = { 409: { $ref: 'ErrorBody#', description: 'Closed, already drawn, not eligible, or a balance too small; the message says why (and names the balance)' } };

/** A programme's routes exist twice: the national one (the ministry's) and each city's own (its officers'). */
interface Family {
  prefix: string;
  params: TSchema;
  applicationParams: TSchema;
  permission: Permission;
  scope: (request: FastifyRequest) => { cityCode?: string };
  funder: (params: { code?: string }) => service.Funder;
  who: string;
}

const families: Family[] = [
  {
    prefix: '/vouchers/national/:year', params: NationalParams, applicationParams: NationalApplicationParams, permission: 'vouchers.national.manage',
    scope: () => ({}), funder: () => null, who: 'the national programme (the ministry)',
  },
  {
    prefix: '/cities/:code/vouchers/:year', params: CityYearParams, applicationParams: CityApplicationParams, permission: 'vouchers.city.manage',
    scope: cityInPath, funder: (params) => params.code ?? '', who: 'the city’s own programme (its officers)',
  },
];

type YearParams = { code?: string; year: number };

export function registerVoucherRoutes(api: Api, { database }: ModuleContext): void {
  const { db } = database;

  api.get('/vouchers', {
    schema: {
      tags, summary: 'Voucher programmes open for applications: the national one and, with cityCode, that city’s', querystring: OpenProgrammesQuery,
      response: { 200: VoucherProgrammeList, ...errorResponses },
    },
  }, (request) => service.openProgrammes(db, request.query.cityCode, pageRequest(request.query)));

  for (const family of families) {
    const { prefix } = family;
    const manage = guard(family.permission, family.scope);
    const at = (request: FastifyRequest) => {
      const params = request.params as YearParams;
      return { funder: family.funder(params), year: params.year };
    };

    api.get(prefix, {
      schema: {
        tags, summary: `The year’s voucher programme of ${family.who}: money, who qualifies, dates, the SHA-256 of its draw’s seed (the seed once drawn)`,
        params: family.params, response: { 200: VoucherProgramme, ...errorResponses },
      },
    }, (request) => { const { funder, year } = at(request); return service.programme(db, funder, year); });

    api.put(prefix, {
      preValidation: manage,
      schema: {
        tags, summary: `Set up (or change, until the draw) the year’s programme of ${family.who}`, params: family.params, body: VoucherProgrammeBody,
        response: { 200: VoucherProgramme, ...errorResponses, ...refused },
      },
    }, (request) => { const { funder, year } = at(request); return service.saveProgramme(db, requireActor(request), funder, year, request.body as VoucherProgrammeBody); });

    api.post(`${prefix}/application`, {
      preValidation: mustLogIn,
      schema: {
        tags, summary: 'Apply (once) with the groups one belongs to, what shows it and optionally a document; asking again returns the same application',
        params: family.params, body: VoucherApplyBody, response: { 200: VoucherApplication, 201: VoucherApplication, ...errorResponses, ...refused },
      },
    }, async (request, reply) => {
      const { funder, year } = at(request);
      const { application, created } = await service.apply(db, requireActor(request), funder, year, request.body as VoucherApplyBody, todayInKorea());
      return reply.status(created ? 201 : 200).send(application);
    });

    api.get(`${prefix}/application`, {
      preValidation: mustLogIn,
      schema: { tags, summary: 'My application, its decision and draw', params: family.params, response: { 200: VoucherApplication, ...errorResponses } },
    }, (request) => { const { funder, year } = at(request); return service.myApplication(db, requireActor(request), funder, year); });

    api.get(`${prefix}/applications`, {
      preValidation: manage,
      schema: {
        tags, summary: 'Everyone who applied, with what they declared (the funder’s officers), in drawn order once drawn', params: family.params,
        querystring: ApplicationsQuery, response: { 200: VoucherApplicationList, ...errorResponses },
      },
    }, (request) => {
      const { funder, year } = at(request);
      const query = request.query as { status?: 'submitted' | 'confirmed' | 'rejected'; page?: number; pageSize?: number };
      return service.applications(db, funder, year, query.status, pageRequest(query));
    });

    api.post(`${prefix}/applications/:applicationId/decision`, {
      preValidation: manage,
      schema: {
        tags, summary: 'Confirm an application’s eligibility (the groups the evidence shows) or reject it, until the draw',
        params: family.applicationParams, body: VoucherDecisionBody, response: { 200: VoucherApplication, ...errorResponses, ...refused },
      },
    }, (request) => {
      const { funder, year } = at(request);
      return service.decide(db, requireActor(request), funder, year, (request.params as { applicationId: number }).applicationId, request.body as VoucherDecisionBody);
    });

    api.get(`${prefix}/applications/:applicationId/document`, {
      preValidation: manage,
      schema: {
        tags, summary: 'The document an applicant sent as evidence (the funder’s officers)', params: family.applicationParams,
        response: { 200: Type.Unsafe<TSchema>({ type: 'string', format: 'binary' }), ...errorResponses },
      },
    }, async (request, reply) => {
      const { funder, year } = at(request);
      const document = await service.applicationDocument(db, funder, year, (request.params as { applicationId: number }).applicationId);
      return reply.type(document.contentType).header('content-disposition', contentDisposition(document.name))
        .header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff').send(document.bytes);
    });

    api.get(`${prefix}/draw`, {
      schema: {
        tags, summary: 'The published draw by application number (no names): tier, ticket HMAC-SHA-256(seed, number), position, outcome',
        params: family.params, querystring: Paged, response: { 200: VoucherDrawResult, ...errorResponses },
      },
    }, (request) => { const { funder, year } = at(request); return service.drawResult(db, funder, year, pageRequest(request.query as object)); });

    api.post(`${prefix}/draw`, {
      preValidation: manage,
      schema: {
        tags, summary: 'Draw once, after applications close and all are decided: priority groups first, as many winners as the budget pays for',
        params: family.params, response: { 200: VoucherDrawSummary, ...errorResponses, ...refused },
      },
    }, (request) => { const { funder, year } = at(request); return service.draw(db, requireActor(request), funder, year, todayInKorea()); });

    api.post(`${prefix}/issue`, {
      preValidation: manage,
      schema: {
        tags, summary: 'Issue a voucher to every winner who has none (its first ledger row); the holders are told',
        params: family.params, response: { 200: VoucherIssueSummary, ...errorResponses, ...refused },
      },
    }, (request) => { const { funder, year } = at(request); return service.issue(db, requireActor(request), funder, year); });

    api.get(`${prefix}/statistics`, {
      preValidation: manage,
      schema: {
        tags, summary: 'Applicants, confirmations, vouchers and money per applicant’s city and group (groups under five shown without figures)',
        params: family.params, querystring: Paged, response: { 200: VoucherStats, ...errorResponses },
      },
    }, (request) => { const { funder, year } = at(request); return service.statistics(db, funder, year, pageRequest(request.query as object)); });
  }

  api.get('/me/vouchers', {
    preValidation: mustLogIn,
    schema: { tags, summary: 'My vouchers with their balances', querystring: Paged, response: { 200: VoucherList, ...errorResponses } },
  }, (request) => service.myVouchers(db, requireActor(request), pageRequest(request.query)));

  api.get('/me/voucher-applications', {
    preValidation: mustLogIn,
    schema: { tags, summary: 'My voucher applications, newest first', querystring: Paged, response: { 200: MyApplicationList, ...errorResponses } },
  }, (request) => service.myApplications(db, requireActor(request), pageRequest(request.query)));

  api.get('/me/vouchers/:id/ledger', {
    preValidation: mustLogIn,
    schema: {
      tags, summary: 'Every won of my voucher: issued, spent, refunded (newest first)', params: IdParams, querystring: Paged,
      response: { 200: VoucherLedger, ...errorResponses },
    },
  }, (request) => service.myLedger(db, requireActor(request), request.params.id, pageRequest(request.query)));

  api.post('/me/vouchers/:id/refund', {
    preValidation: mustLogIn,
    schema: {
      tags, summary: 'The refund of a payment whose place was cancelled, under the refund rules (once; a second is refused, naming the balance)',
      params: IdParams, body: RefundBody, response: { 200: Voucher, ...errorResponses, ...refused },
    },
  }, (request) => service.refund(db, requireActor(request), request.params.id, request.body.spendId));

  api.post('/programs/:id/enrolment/voucher', {
    preValidation: mustLogIn,
    schema: {
      tags, summary: 'Pay (part of) the fee of a program I hold a place in with my voucher: up to what is left of the fee, never more than the balance',
      params: IdParams, body: SpendBody, response: { 200: Voucher, ...errorResponses, ...refused },
    },
  }, (request) => service.spend(db, requireActor(request), request.params.id, request.body, todayInKorea()));
}
