/**
 * The re-designation evaluation (재지정평가): the frame of each year, the cohorts due, and the round that scores
 * them and decides through the designation module's state machine.
 */
import type { AppModule } from '../index.ts';
import { registerEvaluationRoutes } from './evaluation.routes.ts';
import { seedFrame } from './frames.service.ts';

export const evaluation = {
  name: 'evaluation',
  register: registerEvaluationRoutes,
  seedFrame,
} satisfies AppModule & Record<string, unknown>;
