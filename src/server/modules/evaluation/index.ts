/**
 * The re-designation evaluation (재지정평가): the frame of each year, the cohorts due, and the round that scores
 * them and decides through the designation module's state machine.
 */
import type { AppModule } from '../index.ts';
import { registerEvaluationRoutes } from './evaluation.routes.ts';
import { seedFrame } from './frames.service.ts';
import { cohortCounts } from './cohort.service.ts';
import { cohortGroupOf } from './cohort.rules.ts';
import { finalTotals } from './evaluation.queries.ts';

export const evaluation = {
  name: 'evaluation',
  register: registerEvaluationRoutes,
  seedFrame,
  // What the national picture reads: cohorts due, the ministry's groups, and the published totals of finalised rounds.
  cohortCounts,
  cohortGroupOf,
  finalTotals,
} satisfies AppModule & Record<string, unknown>;
