/**
 * HTTP of the national picture. The timeline, the map by year, the cohorts due and the index's distribution are
 * public; the distribution names each city's score only for `national.private.view`, which alone sees the at-risk list.
 */
import { pageRequest } from '../../../shared/contracts/common.ts';
import {
  AtRiskList, AtRiskQuery, CohortsDue, IndexDistribution, IndexDistributionQuery, NationalMap, NationalMapQuery, NationalTimeline,
} from '../../../shared/contracts/national.ts';
import { can } from '../../../shared/permissions.ts';
import { guard } from '../../platform/auth/actor.ts';
import { yearInKorea } from '../../platform/clock.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';
import * as service from './national.service.ts';

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
}
