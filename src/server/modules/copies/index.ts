/** Copied programs: near-duplicate listings across institutions, found nationally and checked before publishing. */
import type { AppModule } from '../index.ts';
import { registerCopyRoutes } from './copies.routes.ts';
import { citySummary, detectCopies } from './copies.service.ts';

export const copiesModule = {
  name: 'copies',
  register: registerCopyRoutes,
  detectCopies,
  citySummary,
} satisfies AppModule & Record<string, unknown>;
