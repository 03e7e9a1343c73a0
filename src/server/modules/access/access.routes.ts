import { AccessQuery, AccessReport } from '../../../shared/contracts/access.ts';
import { CityParams } from '../../../shared/contracts/cities.ts';
import { pageRequest } from '../../../shared/contracts/common.ts';
import { cityInPath, guard } from '../../platform/auth/actor.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';
import * as service from './access.service.ts';

const tags = ['access'];

export function registerAccessRoutes(api: Api, { database }: ModuleContext): void {
  const { db } = database;

  api.get('/cities/:code/access', {
    preValidation: guard('city.analysis.view', cityInPath),
    schema: {
      tags,
      summary: "How well each of the city's dongs reaches in-person places to learn (2SFCA), the share of residents beyond "
        + 'walking distance and the spread across dongs (Gini, Theil); the worst served dongs first',
      params: CityParams, querystring: AccessQuery, response: { 200: AccessReport, ...errorResponses },
    },
  }, (request) => {
    const { page, pageSize, ...parameters } = request.query;
    return service.cityAccess(db, request.params.code, service.parametersOf(parameters), pageRequest({ page, pageSize: pageSize ?? 100 }));
  });
}
