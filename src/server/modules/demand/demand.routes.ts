import { CityParams } from '../../../shared/contracts/cities.ts';
import { DemandQuery, DemandReport } from '../../../shared/contracts/demand.ts';
import { cityInPath, guard } from '../../platform/auth/actor.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';
import * as service from './demand.service.ts';

export function registerDemandRoutes(api: Api, { database }: ModuleContext): void {
  api.get('/cities/:code/demand', {
    preValidation: guard('city.analysis.view', cityInPath),
    schema: {
      tags: ['demand'], summary: "Where residents' demand (wishes, waitlists, fruitless searches) meets too few places, by area × group × dong",
      params: CityParams, querystring: DemandQuery, response: { 200: DemandReport, ...errorResponses },
    },
  }, (request) => service.demandReport(database.db, request.params.code, request.query));
}
