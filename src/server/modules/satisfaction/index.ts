/** Satisfaction: residents' ratings of the programs they completed. */
import type { AppModule } from '../index.ts';
import { registerSatisfactionRoutes } from './satisfaction.routes.ts';
import { summary } from './satisfaction.service.ts';

export const satisfaction = {
  name: 'satisfaction',
  register: registerSatisfactionRoutes,
  /** A program's (or institution's) averages, shown once enough people answered. */
  summary,
} satisfies AppModule & Record<string, unknown>;
