/** The city's record: budget, staff, organisation, committees, ordinances, information systems, training and events, by year. */
import type { AppModule } from '../index.ts';
import { registerCityRecordRoutes } from './city-record.routes.ts';
import { recordForReport } from './city-record.service.ts';

export const cityRecord = {
  name: 'city-record',
  register: registerCityRecordRoutes,
  recordForReport,
} satisfies AppModule & Record<string, unknown>;
