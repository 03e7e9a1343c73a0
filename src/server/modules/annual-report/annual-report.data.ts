/**
 * What a city's annual report says, gathered from the modules that know it: indicators and the composite
 * index (against cities of the same kind), the city's record, demand and supply, access, copied programs.
 */
import type { AppDb } from '../../platform/database/database.ts';
import { accessModule } from '../access/index.ts';
import { cityRecord } from '../city-record/index.ts';
import { copiesModule } from '../copies/index.ts';
import { demand } from '../demand/index.ts';
import { geography } from '../geography/index.ts';
import { indicatorsModule } from '../indicators/index.ts';
import { notFound } from '../../platform/http/errors.ts';

const TOP = 10;

export async function gatherAnnualReport(db: AppDb, cityCode: string, year: number, step: (phase: string) => void) {
  const city = await geography.findMunicipality(db, cityCode);
  if (!city) throw notFound('The city', 'code');
  step('Indicators and the composite index');
  const indicators = await indicatorsModule.cityIndicators(db, cityCode, year, 'kind');
  step("The city's record");
  const record = await cityRecord.recordForReport(db, cityCode, year);
  step('Demand and supply');
  const gaps = await demand.demandReport(db, cityCode, { months: 12, reachKm: 2, page: 1, pageSize: TOP });
  step('Access to places to learn');
  const access = await accessModule.cityAccess(db, cityCode, accessModule.parametersOf({ year }), { page: 1, pageSize: TOP });
  step('Copied programs');
  const copies = await copiesModule.citySummary(db, cityCode);
  return { city, year, generatedAt: new Date(), indicators, record, gaps, access, copies };
}

export type AnnualReportData = Awaited<ReturnType<typeof gatherAnnualReport>>;
