/** The annual report: the city's year in one PDF (Korean, with charts) or one workbook, produced with progress. */
import type { AppModule } from '../index.ts';
import { registerAnnualReportRoutes } from './annual-report.routes.ts';

export const annualReport = {
  name: 'annual-report',
  register: registerAnnualReportRoutes,
} satisfies AppModule;
