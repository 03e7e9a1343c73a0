/** Demand: what residents ask for against the places offered, and where the gaps are. */
import type { AppModule } from '../index.ts';
import { registerDemandRoutes } from './demand.routes.ts';
import { demandReport } from './demand.service.ts';

export const demand = {
  name: 'demand',
  register: registerDemandRoutes,
  demandReport,
} satisfies AppModule & Record<string, unknown>;
