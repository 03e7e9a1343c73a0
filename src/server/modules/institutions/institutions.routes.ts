import Type from 'typebox';
import { CityCode, Code, DongCode, IdParams, Page, PageQuery, pageRequest } from '../../../shared/contracts/common.ts';
import { InstitutionDetail, InstitutionSummary, UpdateInstitutionBody } from '../../../shared/contracts/institutions.ts';
import { institutionTypes } from '../../../shared/vocabulary/index.ts';
import { authorize } from '../../platform/auth/actor.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Reader } from '../../platform/database/reads.ts';
import { programsModule } from '../programs/index.ts';
import type { ModuleContext } from '../index.ts';
import * as queries from './institutions.queries.ts';

const tags = ['institutions'];

async function institutionDetail(db: Reader, id: number) {
  const institution = await queries.findInstitution(db, id);
  if (!institution) throw notFound('The institution', 'id');
  const [venues, programCount] = await Promise.all([queries.venuesOf(db, id), programsModule.countPrograms(db, undefined, id)]);
  return { ...institution, venues, programCount };
}

export function registerInstitutionRoutes(api: Api, { database }: ModuleContext): void {
  const { db } = database;

  api.get('/institutions', {
    schema: {
      tags, summary: 'Lifelong-education institutions',
      querystring: Type.Object({
        ...PageQuery,
        city: Type.Optional(CityCode),
        dong: Type.Optional(DongCode),
        type: Type.Optional(Code(institutionTypes.codes)),
        q: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
      }, { additionalProperties: false }),
      response: { 200: Page(InstitutionSummary), ...errorResponses },
    },
  }, (request) => {
    const { city, dong, type, q } = request.query;
    return queries.listInstitutions(request.reader, { cityCode: city, dongCode: dong, type, q }, pageRequest(request.query));
  });

  api.get('/institutions/:id', {
    schema: { tags, summary: 'An institution with its venues', params: IdParams, response: { 200: InstitutionDetail, ...errorResponses } },
  }, (request) => institutionDetail(request.reader, request.params.id));

  api.patch('/institutions/:id', {
    schema: {
      tags, summary: "Update an institution's details (its staff, its city's officers)", params: IdParams, body: UpdateInstitutionBody,
      response: { 200: InstitutionDetail, ...errorResponses },
    },
  }, async (request) => {
    const institution = await queries.findInstitution(db, request.params.id);
    if (!institution) throw notFound('The institution', 'id');
    authorize(request, 'institution.update', { institutionId: institution.id, cityCode: institution.cityCode });
    await queries.updateInstitution(db, institution.id, request.body);
    return institutionDetail(db, institution.id);
  });
}
