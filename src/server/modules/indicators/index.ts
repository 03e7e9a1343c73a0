/** Indicators: every city's performance in four areas and five kinds of infrastructure, and the composite index. */
import type { AppModule } from '../index.ts';
import { registerIndicatorRoutes } from './indicators.routes.ts';
import { cityIndicators, ensureComputed, indicatorSpan, indexScoresOfYear, nationalIndex, recompute, recomputeStale } from './indicators.service.ts';
import { startIndicatorWorker } from './indicators.worker.ts';
import { valuesOfCities } from './indicators.queries.ts';

export const indicatorsModule = {
  name: 'indicators',
  register: registerIndicatorRoutes,
  recompute,
  recomputeStale,
  ensureComputed,
  cityIndicators,
  nationalIndex,
  indexScoresOfYear,
  indicatorSpan,
  valuesOfCities,
  startIndicatorWorker,
} satisfies AppModule & Record<string, unknown>;
