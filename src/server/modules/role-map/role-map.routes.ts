import { CityParams } from '../../../shared/contracts/cities.ts';
import { RoleMap, RoleMapCellDetail, RoleMapCellQuery } from '../../../shared/contracts/role-map.ts';
import { cityInPath, guard } from '../../platform/auth/actor.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';
import * as service from './role-map.service.ts';

const tags = ['role map'];

export function registerRoleMapRoutes(api: Api, { database }: ModuleContext): void {
  api.get('/cities/:code/role-map', {
    preValidation: guard('city.analysis.view', cityInPath),
    schema: {
      tags, summary: 'Which institutions serve which program area × target group: programs, dongs reached, near-copies between institutions, residents’ wishes',
      params: CityParams, response: { 200: RoleMap, ...errorResponses },
    },
  }, (request) => service.roleMap(database.db, request.params.code));

  api.get('/cities/:code/role-map/cell', {
    preValidation: guard('city.analysis.view', cityInPath),
    schema: {
      tags, summary: 'One area × group: the institutions serving it and every dong, with where nobody serves it',
      params: CityParams, querystring: RoleMapCellQuery, response: { 200: RoleMapCellDetail, ...errorResponses },
    },
  }, (request) => service.roleMapCell(database.db, request.params.code, request.query));
}
