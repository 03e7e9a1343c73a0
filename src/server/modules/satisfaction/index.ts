/** Satisfaction: residents' ratings of the programs they completed. */
import type { AppModule } from '../index.ts';
import { registerSatisfactionRoutes } from './satisfaction.routes.ts';

export const satisfaction = {
  name: 'satisfaction',
  register: registerSatisfactionRoutes,
} satisfies AppModule;
