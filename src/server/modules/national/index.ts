/**
 * The national picture (issue 12, item 6): learning cities on the map by year, the cohorts due, the composite index
 * by kind of city and the cities at risk, in a public version and the ministry's. It owns no table: it reads the
 * designation histories and asks the evaluation and indicators modules (decision 023).
 */
import type { AppModule } from '../index.ts';
import { registerNationalRoutes } from './national.routes.ts';

export const national = {
  name: 'national',
  register: registerNationalRoutes,
} satisfies AppModule & Record<string, unknown>;
