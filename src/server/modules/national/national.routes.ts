/**
 * HTTP of the national picture. The timeline, the map by year, the cohorts due and the index's distribution are
 * public; the distribution names each city's score only for `national.private.view`, which alone sees the at-risk list.
 */
import { AnnualReportBody, AnnualReportStarted } from '../../../shared/contracts/annual-report.ts';
import { pageRequest } from '../../../shared/contracts/common.ts';
import {
  AtRiskList, AtRiskQuery, CohortsDue, IndexDistribution, IndexDistributionQuery, NationalMap, NationalMapQuery, NationalTimeline,
} from '../../../shared/contracts/national.ts';
import { can } from '../../../shared/permissions.ts';
import { FIRST_DESIGNATION_YEAR, preferredLocale } from '../../../shared/vocabulary/index.ts';
import { guard, requireActor } from '../../platform/auth/actor.ts';
import { yearInKorea } from '../../platform/clock.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import { startJob } from '../../platform/jobs/jobs.ts';
import { assertWorkersFree } from '../../platform/workers/pool.ts';
import type { ModuleContext } from '../index.ts';
import { nationalReportTitle, renderNationalReportOffThread } from './national.render.ts';
import * as service from './national.service.ts';

const GATHERING_STEPS = 4;

const tags = ['national'];

export function registerNationalRoutes(api: Api, { database }: ModuleContext): void {
  const { db } = database;

  api.get('/national/timeline', {
    schema: {
      tags, summary: 'Learning cities by year since 2001: every state counted on 31 December, with the designations and revocations of the year',
      response: { 200: NationalTimeline },
    },
  }, (request) => service.nationalTimeline(request.reader, yearInKorea()));

  api.get('/national/map', {
    schema: {
      tags, summary: "Every city with a designation history by the end of a year, with its state then and its place (the map's year)",
      querystring: NationalMapQuery, response: { 200: NationalMap, ...errorResponses },
    },
  }, (request) => service.nationalMap(request.reader, request.query.year, { page: request.query.page ?? 1, pageSize: request.query.pageSize ?? 300 }));

  api.get('/national/cohorts', {
    schema: {
      tags, summary: "How many cities are due for the re-designation evaluation this year and the next two, by the ministry's groups",
      response: { 200: CohortsDue },
    },
  }, () => service.cohortsDue(db, yearInKorea()));

  api.get('/national/index-distribution', {
    schema: {
      tags, summary: "The composite index of the learning cities by the ministry's groups (quartiles; each city named for the ministry)",
      querystring: IndexDistributionQuery, response: { 200: IndexDistribution, ...errorResponses },
    },
  }, (request) => service.indexDistribution(db, request.query.year, can(request.actor?.grants ?? [], 'national.private.view'), yearInKorea()));

  api.get('/national/at-risk', {
    preValidation: guard('national.private.view'),
    schema: {
      tags, summary: 'Learning cities at risk: deferred, their re-designation score fell, or their index in the bottom quarter of their group (the ministry)',
      querystring: AtRiskQuery, response: { 200: AtRiskList, ...errorResponses },
    },
  }, (request) => service.atRisk(db, request.query, pageRequest(request.query), yearInKorea()));

  api.post('/national/report', {
    preValidation: guard('national.private.view'),
    schema: {
      tags, summary: "Produce the ministry's national yearly report (PDF in Korean with charts, or XLSX); follow /api/jobs/{jobId}, then take its result",
      body: AnnualReportBody, response: { 202: AnnualReportStarted, 503: { $ref: 'ErrorBody#' }, ...errorResponses },
    },
  }, async (request, reply) => {
    const { year, format } = request.body;
    const thisYear = yearInKorea();
    if (year < FIRST_DESIGNATION_YEAR || year > thisYear) {
      throw badRequest({ ko: `연도는 ${FIRST_DESIGNATION_YEAR}–${thisYear}년 가운데에서 골라 주세요.`, en: `Choose a year from ${FIRST_DESIGNATION_YEAR} to ${thisYear}.` }, 'year');
    }
    // Refused now rather than failed later, when the document workers have more waiting than they take.
    assertWorkersFree();
    const locale = preferredLocale(request.headers['accept-language']);
    const jobId = await startJob(db, { kind: 'national-report', ownerId: requireActor(request).personId, locale }, async (report) => {
      let step = 0;
      const data = await service.gatherNationalReport(db, year, thisYear, (phase) => report(phase, step++, GATHERING_STEPS));
      report('Writing the sections', 0, 1);
      const content = await renderNationalReportOffThread({ data, format }, report);
      return format === 'xlsx'
        ? { name: `${nationalReportTitle(year)}.xlsx`, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content }
        : { name: `${nationalReportTitle(year)}.pdf`, type: 'application/pdf', content };
    });
    return reply.status(202).send({ jobId });
  });
}
