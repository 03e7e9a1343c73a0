/** Routes of cities' needs surveys (학습요구조사): the resident's sheet, the paper form, the questionnaire and the analysis. */
import Type from 'typebox';
import { CityCode, Id } from '../../../shared/contracts/common.ts';
import { Instrument, InstrumentBody, MyNeedsSurvey, NeedsAnalysis, NeedsQuery, PaperResponseBody, ResponseBody, ResponseReceipt } from '../../../shared/contracts/surveys.ts';
import { cityInPath, guard, institutionInPath, mustLogIn, requireActor } from '../../platform/auth/actor.ts';
import { yearInKorea } from '../../platform/clock.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import type { AppDb } from '../../platform/database/database.ts';
import * as service from './needs.service.ts';

const tags = ['surveys'];
const Year = Type.Integer({ minimum: 2001, maximum: 2100, description: 'The survey’s year' });
const CityYearParams = Type.Object({ code: CityCode, year: Year });
const InstitutionYearParams = Type.Object({ id: Id, year: Year });
const refused = { 409: { $ref: 'ErrorBody#', description: 'Already answered this year’s needs survey, not a resident of the city, or not this year; the message says why' } };
const mayManage = guard('surveys.needs.manage', cityInPath);

export function registerNeedsRoutes(api: Api, db: AppDb): void {
  api.get('/cities/:code/surveys/needs/:year', {
    preValidation: mustLogIn,
    schema: {
      tags, summary: 'The city’s needs survey of the year as I meet it: its questionnaire, and whether I answered or may answer',
      params: CityYearParams, response: { 200: MyNeedsSurvey, ...errorResponses },
    },
  }, (request) => service.myNeedsSurvey(db, requireActor(request), request.params.code, request.params.year));

  api.post('/cities/:code/surveys/needs/:year/responses', {
    preValidation: mustLogIn,
    schema: {
      tags, summary: 'Answer this year’s needs survey of my city (once)',
      params: CityYearParams, body: ResponseBody, response: { 201: ResponseReceipt, ...errorResponses, ...refused },
    },
  }, async (request, reply) => reply.status(201).send(
    await service.answerNeeds(db, requireActor(request), request.params.code, request.params.year, request.body, yearInKorea()),
  ));

  api.post('/institutions/:id/surveys/needs/:year/responses', {
    preValidation: guard('surveys.paper.enter', institutionInPath),
    schema: {
      tags, summary: 'Type in a resident’s paper needs survey at an institution, for its city’s survey (recorded as entered by you; once per resident)',
      params: InstitutionYearParams, body: PaperResponseBody, response: { 201: ResponseReceipt, ...errorResponses, ...refused },
    },
  }, async (request, reply) => reply.status(201).send(
    await service.enterNeedsPaper(db, requireActor(request), request.params.id, request.params.year, request.body, yearInKorea()),
  ));

  api.get('/cities/:code/surveys/needs/:year/instrument', {
    preValidation: mayManage,
    schema: { tags, summary: 'The needs survey’s questionnaire of the year (the city’s officers)', params: CityYearParams, response: { 200: Instrument, ...errorResponses } },
  }, (request) => service.needsInstrument(db, request.params.code, request.params.year));

  api.put('/cities/:code/surveys/needs/:year/instrument', {
    preValidation: mayManage,
    schema: {
      tags, summary: 'Save the year’s needs questionnaire as its next version: need items on the program taxonomy, the respondent’s group, choices (the city’s officers)',
      params: CityYearParams, body: InstrumentBody, response: { 200: Instrument, ...errorResponses, 409: { $ref: 'ErrorBody#', description: 'A past year' } },
    },
  }, (request) => service.defineNeedsInstrument(db, requireActor(request), request.params.code, request.params.year, request.body, yearInKorea()));

  api.get('/cities/:code/surveys/needs/:year/analysis', {
    preValidation: mayManage,
    schema: {
      tags, summary: 'Borich’s weighted need per item and area, its ranking and the Locus for Focus quadrants, for the city or one respondents’ group and/or dong',
      params: CityYearParams, querystring: NeedsQuery, response: { 200: NeedsAnalysis, ...errorResponses },
    },
  }, (request) => service.needsAnalysis(db, request.params.code, request.params.year, request.query));
}
