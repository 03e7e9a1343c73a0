import { CityParams } from '../../../shared/contracts/cities.ts';
import { IdParams, Page, pageRequest } from '../../../shared/contracts/common.ts';
import {
  InstitutionVolunteerParams, Volunteer, VolunteerBody, VolunteerHoursBody, VolunteerHoursPage, VolunteerHoursRecorded, VolunteerListQuery, VolunteerParams,
} from '../../../shared/contracts/participation.ts';
import { cityInPath, guard, institutionInPath, requireActor, residentInPath } from '../../platform/auth/actor.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';
import { notResident } from './study-groups.service.ts';
import * as service from './volunteers.service.ts';

const tags = ['volunteers'];

export function registerVolunteerRoutes(api: Api, { database }: ModuleContext): void {
  const { db } = database;
  const byCity = guard('volunteers.manage', cityInPath);
  const byInstitution = guard('volunteers.hours.record', institutionInPath);

  api.post('/cities/:code/volunteers', {
    preValidation: residentInPath(notResident),
    schema: {
      tags, summary: 'Register as a volunteer of my city: what kind, in which areas (once per kind)', params: CityParams, body: VolunteerBody,
      response: { 201: Volunteer, ...errorResponses },
    },
  }, async (request, reply) => reply.status(201).send(await service.register(db, requireActor(request), request.params.code, request.body)));

  api.get('/cities/:code/volunteers', {
    preValidation: byCity,
    schema: { tags, summary: "The city's volunteers with the hours each served", params: CityParams, querystring: VolunteerListQuery, response: { 200: Page(Volunteer), ...errorResponses } },
  }, (request) => service.cityVolunteers(db, request.params.code, pageRequest(request.query)));

  api.get('/cities/:code/volunteers/:volunteerId/hours', {
    preValidation: byCity,
    schema: { tags, summary: "A volunteer's entries of hours, with their corrections", params: VolunteerParams, querystring: VolunteerListQuery, response: { 200: VolunteerHoursPage, ...errorResponses } },
  }, (request) => service.hoursLog(db, { cityCode: request.params.code }, request.params.volunteerId, pageRequest(request.query)));

  api.post('/cities/:code/volunteers/:volunteerId/hours', {
    preValidation: byCity,
    schema: {
      tags, summary: 'Record hours a volunteer served (at one of the city’s institutions, or none), or correct an entry', params: VolunteerParams, body: VolunteerHoursBody,
      response: { 201: VolunteerHoursRecorded, ...errorResponses },
    },
  }, async (request, reply) => reply.status(201).send(await service.recordHours(db, requireActor(request), { cityCode: request.params.code }, request.params.volunteerId, request.body)));

  api.get('/institutions/:id/volunteers', {
    preValidation: byInstitution,
    schema: { tags, summary: "The volunteers of the institution's city with the hours each served", params: IdParams, querystring: VolunteerListQuery, response: { 200: Page(Volunteer), ...errorResponses } },
  }, (request) => service.institutionVolunteers(db, request.params.id, pageRequest(request.query)));

  api.get('/institutions/:id/volunteers/:volunteerId/hours', {
    preValidation: byInstitution,
    schema: {
      tags, summary: "A volunteer's entries recorded for this institution, with their corrections", params: InstitutionVolunteerParams, querystring: VolunteerListQuery,
      response: { 200: VolunteerHoursPage, ...errorResponses },
    },
  }, (request) => service.hoursLog(db, { institutionId: request.params.id }, request.params.volunteerId, pageRequest(request.query)));

  api.post('/institutions/:id/volunteers/:volunteerId/hours', {
    preValidation: byInstitution,
    schema: {
      tags, summary: 'Record hours a volunteer served at the institution, or correct one of its entries', params: InstitutionVolunteerParams, body: VolunteerHoursBody,
      response: { 201: VolunteerHoursRecorded, ...errorResponses },
    },
  }, async (request, reply) => reply.status(201).send(await service.recordHours(db, requireActor(request), { institutionId: request.params.id }, request.params.volunteerId, request.body)));
}
