import Type from 'typebox';
import { CityParams } from '../../../shared/contracts/cities.ts';
import { IdParams, Page, PageQuery, pageRequest } from '../../../shared/contracts/common.ts';
import {
  CityCopyPairsQuery, CityCopySummary, CopyDetectionRun, CopyPair, DetectionStarted, DraftCheckBody, DraftCheckResult, InstitutionDuplication,
} from '../../../shared/contracts/copies.ts';
import { authorize, cityInPath, guard } from '../../platform/auth/actor.ts';
import type { AppDb } from '../../platform/database/database.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import { notFound } from '../../platform/http/errors.ts';
import { startJob } from '../../platform/jobs/jobs.ts';
import { preferredLocale } from '../../../shared/vocabulary/index.ts';
import type { FastifyRequest } from 'fastify';
import { institutionsModule } from '../institutions/index.ts';
import type { ModuleContext } from '../index.ts';
import * as queries from './copies.queries.ts';
import * as service from './copies.service.ts';

const tags = ['copies'];
const PageOnly = Type.Object(PageQuery, { additionalProperties: false });

/** Near-copies of an institution's programs are for its staff, its city's officers and the ministry. */
async function authorizeInstitution(db: AppDb, request: FastifyRequest, id: number) {
  const institution = await institutionsModule.findInstitution(db, id);
  if (!institution) throw notFound('The institution', 'id');
  authorize(request, 'program.copies.view', { institutionId: institution.id, cityCode: institution.cityCode });
  return institution;
}

export function registerCopyRoutes(api: Api, { database }: ModuleContext): void {
  const { db } = database;
  const canViewCity = guard('city.analysis.view', cityInPath);

  api.get('/cities/:code/copies/summary', {
    preValidation: canViewCity,
    schema: {
      tags, summary: "Share of the city's programs with a near-copy at another institution, by area and overall, against the country's",
      params: CityParams, response: { 200: CityCopySummary, ...errorResponses },
    },
  }, (request) => {
    return service.citySummary(db, request.params.code);
  });

  api.get('/cities/:code/copies/institutions', {
    preValidation: canViewCity,
    schema: {
      tags, summary: "Duplication ratio of each of the city's institutions, highest first", params: CityParams,
      querystring: PageOnly, response: { 200: Page(InstitutionDuplication), ...errorResponses },
    },
  }, (request) => {
    return service.institutionDuplication(db, request.params.code, pageRequest(request.query));
  });

  api.get('/cities/:code/copies/pairs', {
    preValidation: canViewCity,
    schema: {
      tags, summary: "Near-copy pairs involving the city's programs, side by side, most similar first",
      params: CityParams, querystring: CityCopyPairsQuery, response: { 200: Page(CopyPair), ...errorResponses },
    },
  }, (request) => {
    const { area, institution } = request.query;
    return queries.cityPairs(db, request.params.code, { area, institutionId: institution }, pageRequest(request.query));
  });

  api.get('/institutions/:id/copies', {
    schema: {
      tags, summary: "Near-copies of the institution's programs at other institutions (its staff, its city's officers, the ministry)",
      params: IdParams, querystring: PageOnly, response: { 200: Page(CopyPair), ...errorResponses },
    },
  }, async (request) => {
    const institution = await authorizeInstitution(db, request, request.params.id);
    return queries.institutionPairs(db, institution.id, pageRequest(request.query));
  });

  api.post('/institutions/:id/copies/check', {
    schema: {
      tags, summary: "Before publishing: the other institutions' programs this draft listing nearly copies",
      params: IdParams, body: DraftCheckBody, response: { 200: DraftCheckResult, ...errorResponses },
    },
  }, async (request) => {
    const institution = await authorizeInstitution(db, request, request.params.id);
    return service.checkDraft(db, institution.id, request.body);
  });

  // Comparing every city's programs with every other's is the ministry's (and administrators') work: the
  // analysis permission without a city scope is granted only to those who see every city.
  api.post('/copies/runs', {
    schema: {
      tags, summary: 'Detect near-copies across the country now (progress at /api/jobs/{jobId})',
      response: { 202: DetectionStarted, ...errorResponses },
    },
  }, async (request, reply) => {
    const actor = authorize(request, 'city.analysis.view');
    const locale = preferredLocale(request.headers['accept-language']);
    // One national run at a time: a second would redo the same comparison and race to store its pairs.
    const jobId = await startJob(db, { kind: 'copies', ownerId: actor.personId, alone: true, locale }, async (report) => {
      await service.detectCopies(db, report);
    });
    return reply.status(202).send({ jobId });
  });

  api.get('/copies/runs', {
    schema: {
      tags, summary: 'Past detection runs, newest first (the ministry)', querystring: PageOnly,
      response: { 200: Page(CopyDetectionRun), ...errorResponses },
    },
  }, (request) => {
    authorize(request, 'city.analysis.view');
    return queries.listRuns(db, pageRequest(request.query));
  });
}
