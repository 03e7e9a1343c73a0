/** Grants to learning cities (with the city's spending reports and the ledger) and priority investment rounds. */
import type { AppModule } from '../index.ts';
import { registerGrantRoutes } from './grants.routes.ts';

export const grantsModule = {
  name: 'grants',
  register: registerGrantRoutes,
} satisfies AppModule;
