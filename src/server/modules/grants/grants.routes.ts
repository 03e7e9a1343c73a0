import Type, { type TSchema } from 'typebox';
import { CityParams } from '../../../shared/contracts/cities.ts';
import { PageQuery, pageRequest } from '../../../shared/contracts/common.ts';
import {
  AdjustmentBody, CityGrantsQuery, GrantBody, GrantList, GrantListQuery, GrantParams, GrantTotals, GrantView, InvestmentRound, InvestmentRoundBody,
  InvestmentRoundList, ReportDecisionBody, ReportDocumentParams, ReportDocumentQuery, RoundAmountsBody, RoundCities, RoundCitiesQuery, RoundParams,
  SpendingReportBody, SpendingReportParams,
} from '../../../shared/contracts/grants.ts';
import { documentUploads, uploadBy } from '../../platform/files/uploads.ts';
import { cityInPath, guard, requireActor } from '../../platform/auth/actor.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';
import * as grants from './grants.service.ts';
import * as investment from './investment.service.ts';

const tags = ['grants'];
const manage = guard('grants.manage');
const Paged = Type.Object(PageQuery, { additionalProperties: false });

export function registerGrantRoutes(api: Api, { database }: ModuleContext): void {
  const { db } = database;

  api.get('/grants/totals', {
    schema: {
      tags, summary: 'Public: grants awarded per year, counted and summed by kind (no city named, no spending)',
      querystring: Paged, response: { 200: GrantTotals, ...errorResponses },
    },
  }, (request) => grants.yearTotals(request.reader, pageRequest(request.query)));

  api.get('/grants', {
    preValidation: manage,
    schema: {
      tags, summary: "Every city's grants with their balances (the ministry), filtered by year, kind, city or awaiting a decision",
      querystring: GrantListQuery, response: { 200: GrantList, ...errorResponses },
    },
  }, (request) => grants.listGrants(db, request.query, pageRequest(request.query)));

  api.post('/grants', {
    preValidation: manage,
    schema: { tags, summary: 'Award a grant to a city for a year (its amount is the first row of its ledger)', body: GrantBody, response: { 201: GrantView, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await grants.recordGrant(db, requireActor(request), request.body)));

  api.get('/cities/:code/grants', {
    preValidation: guard('grants.city.view', cityInPath),
    schema: {
      tags, summary: "The city's grants with their balances (its officers, the ministry)", params: CityParams, querystring: CityGrantsQuery,
      response: { 200: GrantList, ...errorResponses },
    },
  }, (request) => grants.cityGrants(db, request.params.code, request.query, pageRequest(request.query)));

  api.get('/cities/:code/grants/:id', {
    preValidation: guard('grants.city.view', cityInPath),
    schema: { tags, summary: 'A grant: its conditions, spending reports and every ledger row', params: GrantParams, response: { 200: GrantView, ...errorResponses } },
  }, (request) => grants.grantPage(db, request.params.code, request.params.id));

  api.post('/cities/:code/grants/:id/spending-reports', {
    preValidation: guard('grants.report.file', cityInPath),
    schema: {
      tags, summary: 'File what the city spent of a grant, by line (never more than the balance left to report)', params: GrantParams,
      body: SpendingReportBody, response: { 201: GrantView, ...errorResponses },
    },
  }, async (request, reply) => reply.status(201).send(await grants.fileReport(db, requireActor(request), request.params.code, request.params.id, request.body)));

  // A document is bytes, not JSON: any body up to 20 MB, in its own scope; who may upload is known before it is read.
  documentUploads(api, (upload) => {
    const mayFile = guard('grants.report.file', cityInPath);
    upload.post('/cities/:code/grants/:id/spending-reports/:reportId/documents', {
      ...uploadBy(mayFile),
      schema: {
        tags, summary: 'Attach a document to a spending report awaiting the decision: its bytes as the body, its name in the query (PDF, HWP, HWPX, XLSX, DOCX, PNG, JPEG; at most 20 MB)',
        params: SpendingReportParams, querystring: ReportDocumentQuery, consumes: ['application/octet-stream'],
        response: { 201: GrantView, ...errorResponses, 409: { $ref: 'ErrorBody#' }, 413: { $ref: 'ErrorBody#' }, 415: { $ref: 'ErrorBody#' } },
      },
    }, async (request, reply) => {
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const { code, id, reportId } = request.params;
      return reply.status(201).send(await grants.attachDocument(db, requireActor(request), code, id, reportId, { fileName: request.query.name, bytes }));
    });
  });

  api.get('/cities/:code/grants/:id/spending-reports/:reportId/documents/:documentId', {
    preValidation: guard('grants.city.view', cityInPath),
    schema: { tags, summary: "A spending report's document, as uploaded", params: ReportDocumentParams, response: { 200: Type.Unsafe<TSchema>({ type: 'string', format: 'binary' }), ...errorResponses } },
  }, (request, reply) => grants.downloadDocument(db, request.params.code, request.params.id, request.params.reportId, request.params.documentId, reply));

  api.post('/cities/:code/grants/:id/spending-reports/:reportId/decision', {
    preValidation: guard('grants.manage', cityInPath),
    schema: {
      tags, summary: 'Accept a spending report (its lines enter the ledger) or return it with a reason', params: SpendingReportParams,
      body: ReportDecisionBody, response: { 200: GrantView, ...errorResponses },
    },
  }, (request) => grants.decideReport(db, requireActor(request), request.params.code, request.params.id, request.params.reportId, request.body));

  api.post('/cities/:code/grants/:id/adjustments', {
    preValidation: guard('grants.manage', cityInPath),
    schema: {
      tags, summary: "Correct a grant's money with a new ledger row (never below zero)", params: GrantParams, body: AdjustmentBody,
      response: { 201: GrantView, ...errorResponses },
    },
  }, async (request, reply) => reply.status(201).send(await grants.adjust(db, requireActor(request), request.params.code, request.params.id, request.body)));

  api.get('/investment-rounds', {
    preValidation: manage,
    schema: { tags, summary: 'Priority investment rounds, newest first', querystring: Paged, response: { 200: InvestmentRoundList, ...errorResponses } },
  }, (request) => investment.listRounds(db, pageRequest(request.query)));

  api.post('/investment-rounds', {
    preValidation: manage,
    schema: {
      tags, summary: 'Make a round: the budget, cap and weights; the product proposes an allocation beside equal shares and need only',
      body: InvestmentRoundBody, response: { 201: InvestmentRound, ...errorResponses },
    },
  }, async (request, reply) => reply.status(201).send(await investment.createRound(db, requireActor(request), request.body)));

  api.get('/investment-rounds/:id', {
    preValidation: manage,
    schema: { tags, summary: 'A round with the totals of each plan', params: RoundParams, response: { 200: InvestmentRound, ...errorResponses } },
  }, (request) => investment.roundPage(db, request.params.id));

  api.get('/investment-rounds/:id/cities', {
    preValidation: manage,
    schema: {
      tags, summary: "The round's cities in rank order: criteria, each plan's amount and the ministry's", params: RoundParams, querystring: RoundCitiesQuery,
      response: { 200: RoundCities, ...errorResponses },
    },
  }, (request) => investment.roundCities(db, request.params.id, pageRequest(request.query)));

  api.put('/investment-rounds/:id/amounts', {
    preValidation: manage,
    schema: {
      tags, summary: "The ministry's amounts for some cities (within the cap; the total within the budget)", params: RoundParams, body: RoundAmountsBody,
      response: { 200: InvestmentRound, ...errorResponses },
    },
  }, (request) => investment.setAmounts(db, request.params.id, request.body));

  api.post('/investment-rounds/:id/approve', {
    preValidation: manage,
    schema: {
      tags, summary: "Approve the round: a special-purpose grant per funded city, written once", params: RoundParams,
      response: { 200: InvestmentRound, ...errorResponses },
    },
  }, (request) => investment.approve(db, requireActor(request), request.params.id));
}
