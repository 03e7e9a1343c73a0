/** HTTP of the yearly call and of appointing reviewers and consultants. */
import { CityParams } from '../../../shared/contracts/cities.ts';
import { Page, pageRequest } from '../../../shared/contracts/common.ts';
import {
  Appointment, AppointBody, CallCreateBody, CallCityParams, CallDetail, CallListQuery, CallPatchBody, CallSummary, CallYearParams, CityCall, Eligibility,
  ExpertListQuery, ExpertView, RubricBody, VersionBody,
} from '../../../shared/contracts/designation-calls.ts';
import { guard, requireActor } from '../../platform/auth/actor.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';
import * as calls from './calls.service.ts';
import * as experts from './experts.service.ts';

const tags = ['designation calls'];
const conflictResponse = { 409: { $ref: 'ErrorBody#' } } as const;
const canManage = guard('designation.call.manage');

export function registerCallRoutes(api: Api, { database }: ModuleContext): void {
  const { db } = database;

  api.get('/designation/calls', {
    schema: {
      tags, summary: 'The yearly calls, newest first (calls still being prepared only for the ministry)',
      querystring: CallListQuery, response: { 200: Page(CallSummary), ...errorResponses },
    },
  }, (request) => calls.listCalls(db, request.actor, pageRequest(request.query), new Date()));

  api.post('/designation/calls', {
    preValidation: canManage,
    schema: {
      tags, summary: "Prepare a call (a draft; its rubric starts as a copy of the last call's)",
      body: CallCreateBody, response: { 201: CallDetail, ...errorResponses, ...conflictResponse },
    },
  }, async (request, reply) => reply.status(201).send(await calls.createCall(db, requireActor(request), request.body, new Date())));

  api.get('/designation/calls/:year', {
    schema: {
      tags, summary: 'A call with its timeline, terms and rubric', params: CallYearParams, response: { 200: CallDetail, ...errorResponses },
    },
  }, (request) => calls.callDetail(db, request.actor, request.params.year, new Date()));

  api.patch('/designation/calls/:year', {
    preValidation: canManage,
    schema: {
      tags, summary: 'Change a call (send the version you edited); once published, only stages of the timeline still ahead',
      params: CallYearParams, body: CallPatchBody, response: { 200: CallDetail, ...errorResponses, ...conflictResponse },
    },
  }, (request) => calls.changeCall(db, requireActor(request), request.params.year, request.body, new Date()));

  api.put('/designation/calls/:year/rubric', {
    preValidation: canManage,
    schema: {
      tags, summary: "Replace the rubric of a call being prepared (the points add up to 100)",
      params: CallYearParams, body: RubricBody, response: { 200: CallDetail, ...errorResponses, ...conflictResponse },
    },
  }, (request) => calls.replaceCallRubric(db, requireActor(request), request.params.year, request.body, new Date()));

  api.post('/designation/calls/:year/publish', {
    preValidation: canManage,
    schema: {
      tags, summary: 'Publish a call; officers of eligible cities and the provinces are told',
      params: CallYearParams, body: VersionBody, response: { 200: CallDetail, ...errorResponses, ...conflictResponse },
    },
  }, (request) => calls.publishCall(db, requireActor(request), request.params.year, request.body, new Date()));

  api.get('/designation/calls/:year/eligibility/:code', {
    schema: {
      tags, summary: 'Whether a city may apply to the call, and why (from its designation history)',
      params: CallCityParams, response: { 200: Eligibility, ...errorResponses },
    },
  }, (request) => calls.cityEligibility(db, request.actor, request.params.year, request.params.code, new Date()));

  api.get('/designation/cities/:code/call', {
    schema: {
      tags, summary: "This year's call as a city sees it, and whether the city may apply", params: CityParams,
      response: { 200: CityCall, ...errorResponses },
    },
  }, (request) => calls.cityCall(db, request.params.code, new Date()));

  api.get('/designation/experts', {
    preValidation: canManage,
    schema: {
      tags, summary: 'Reviewers and consultants the ministry appointed', querystring: ExpertListQuery,
      response: { 200: Page(ExpertView), ...errorResponses },
    },
  }, (request) => experts.listExperts(db, { kind: request.query.kind, q: request.query.q }, pageRequest(request.query)));

  api.post('/designation/experts', {
    preValidation: canManage,
    schema: {
      tags, summary: 'Appoint a registered person as a reviewer or consultant (again: update their affiliation and province of work)',
      body: AppointBody, response: { 200: Appointment, 201: Appointment, ...errorResponses },
    },
  }, async (request, reply) => {
    const appointment = await experts.appointExpert(db, requireActor(request), request.body, new Date());
    return reply.status(appointment.created ? 201 : 200).send(appointment);
  });
}
