import { AnnualReportBody, AnnualReportStarted } from '../../../shared/contracts/annual-report.ts';
import { CityParams } from '../../../shared/contracts/cities.ts';
import { preferredLocale } from '../../../shared/vocabulary/index.ts';
import { cityInPath, guard, requireActor } from '../../platform/auth/actor.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import { startJob } from '../../platform/jobs/jobs.ts';
import { assertWorkersFree } from '../../platform/workers/pool.ts';
import type { ModuleContext } from '../index.ts';
import { gatherAnnualReport } from './annual-report.data.ts';
import { renderAnnualReportOffThread } from './annual-report.render.ts';

const GATHERING_STEPS = 5;

export function registerAnnualReportRoutes(api: Api, { database }: ModuleContext): void {
  const { db } = database;
  api.post('/cities/:code/annual-report', {
    preValidation: guard('city.analysis.view', cityInPath),
    schema: {
      tags: ['annual report'], summary: "Produce the city's annual report (PDF in Korean with charts, or XLSX); follow /api/jobs/{jobId}, then take its result",
      params: CityParams, body: AnnualReportBody, response: { 202: AnnualReportStarted, 503: { $ref: 'ErrorBody#' }, ...errorResponses },
    },
  }, async (request, reply) => {
    const { code } = request.params;
    const { year, format } = request.body;
    const locale = preferredLocale(request.headers['accept-language']);
    // Refused now rather than failed later, when the document workers have more waiting than they take.
    assertWorkersFree();
    const jobId = await startJob(db, { kind: 'annual-report', ownerId: requireActor(request).personId, cityCode: code, locale }, async (report) => {
      let step = 0;
      const data = await gatherAnnualReport(db, code, year, (phase) => report(phase, step++, GATHERING_STEPS));
      report('Writing the sections', 0, 1);
      const content = await renderAnnualReportOffThread({ data, format }, report);
      const name = `${data.city.nameKo} ${year}년 평생학습도시 연차 보고서`;
      return format === 'xlsx'
        ? { name: `${name}.xlsx`, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content }
        : { name: `${name}.pdf`, type: 'application/pdf', content };
    });
    return reply.status(202).send({ jobId });
  });
}
