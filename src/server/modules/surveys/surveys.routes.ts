import Type from 'typebox';
import { CityCode, Id, PageQuery, pageRequest } from '../../../shared/contracts/common.ts';
import {
  CitySatisfactionPage, CitySatisfactionResults, Instrument, InstrumentBody, MySatisfactionSurvey, OpenAnswerPage, PaperResponseBody, ResponseBody,
  ResponseReceipt,
} from '../../../shared/contracts/surveys.ts';
import { cityInPath, guard, institutionInPath, mustLogIn, requireActor } from '../../platform/auth/actor.ts';
import { yearInKorea } from '../../platform/clock.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';
import { registerNeedsRoutes } from './needs.routes.ts';
import * as service from './surveys.service.ts';

const tags = ['surveys'];
const Year = Type.Integer({ minimum: 2001, maximum: 2100, description: 'The survey’s year' });
const YearParams = Type.Object({ year: Year });
const CityYearParams = Type.Object({ code: CityCode, year: Year });
const InstitutionYearParams = Type.Object({ id: Id, year: Year });
const refused = { 409: { $ref: 'ErrorBody#', description: 'Already answered this year, not a resident of a learning city, or not this year’s survey; the message says why' } };

export function registerSurveyRoutes(api: Api, { database }: ModuleContext): void {
  const { db } = database;

  api.get('/surveys/city-satisfaction/:year', {
    preValidation: mustLogIn,
    schema: {
      tags, summary: 'The year’s residents’ satisfaction survey as I meet it: its questionnaire, my city, and whether I answered',
      params: YearParams, response: { 200: MySatisfactionSurvey, ...errorResponses },
    },
  }, (request) => service.mySurvey(db, requireActor(request), request.params.year));

  api.put('/surveys/city-satisfaction/:year/instrument', {
    preValidation: guard('surveys.instrument.manage'),
    schema: {
      tags, summary: 'Save the year’s questionnaire as its next version (the ministry); answers already given keep the version they answered',
      params: YearParams, body: InstrumentBody, response: { 200: Instrument, ...errorResponses, ...refused },
    },
  }, (request) => service.defineInstrument(db, requireActor(request), service.satisfactionOf(request.params.year), request.body, yearInKorea()));

  api.post('/surveys/city-satisfaction/:year/responses', {
    preValidation: mustLogIn,
    schema: {
      tags, summary: 'Answer this year’s survey as a resident of a learning city (once a year)',
      params: YearParams, body: ResponseBody, response: { 201: ResponseReceipt, ...errorResponses, ...refused },
    },
  }, async (request, reply) => reply.status(201).send(await service.answer(db, requireActor(request), request.params.year, request.body, yearInKorea())));

  api.post('/institutions/:id/surveys/city-satisfaction/:year/responses', {
    preValidation: guard('surveys.paper.enter', institutionInPath),
    schema: {
      tags, summary: 'Type in a resident’s paper answer at a centre (recorded as entered by you; the same once-a-year rule)',
      params: InstitutionYearParams, body: PaperResponseBody, response: { 201: ResponseReceipt, ...errorResponses, ...refused },
    },
  }, async (request, reply) => reply.status(201).send(
    await service.enterPaper(db, requireActor(request), request.params.id, request.params.year, request.body, yearInKorea()),
  ));

  api.get('/cities/:code/surveys/city-satisfaction/:year', {
    preValidation: guard('surveys.results.view', cityInPath),
    schema: {
      tags, summary: 'The city’s results: counts, and from 30 responses each item’s mean with its 95% confidence interval',
      params: CityYearParams, response: { 200: CitySatisfactionResults, ...errorResponses },
    },
  }, (request) => service.cityResults(db, requireActor(request), request.params.code, request.params.year));

  api.get('/cities/:code/surveys/city-satisfaction/:year/open-answers', {
    preValidation: guard('surveys.results.view', cityInPath),
    schema: {
      tags, summary: 'The city’s residents’ open answers, newest first (from 30 responses; the city’s officers and the ministry only)',
      params: CityYearParams, querystring: Type.Object(PageQuery), response: { 200: OpenAnswerPage, ...errorResponses },
    },
  }, (request) => service.cityOpenAnswers(db, requireActor(request), request.params.code, request.params.year, pageRequest(request.query)));

  api.get('/surveys/city-satisfaction/:year/cities', {
    preValidation: guard('surveys.results.view'),
    schema: {
      tags, summary: 'Every learning city’s response count and, from 30 responses, its overall mean (the ministry)',
      params: YearParams, querystring: Type.Object(PageQuery), response: { 200: CitySatisfactionPage, ...errorResponses },
    },
  }, (request) => service.citiesOverview(db, request.params.year, pageRequest(request.query)));

  registerNeedsRoutes(api, db);
}
