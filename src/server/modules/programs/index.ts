/** Programs: courses offered by institutions, with their sessions. */
import type { AppModule } from '../index.ts';
import { countPrograms, findClashes, findProgram, lockForEnrolment, sessionIdsOf, setCompletionRate } from './programs.queries.ts';
import { closeEndedPrograms, ensureSearchIndex, refreshSearchIndex, setSeatsLeft } from './programs.search-index.ts';
import { registerProgramRoutes } from './programs.routes.ts';

export const programsModule = {
  name: 'programs',
  register: registerProgramRoutes,
  countPrograms,
  findProgram,
  lockForEnrolment,
  findClashes,
  sessionIdsOf,
  setCompletionRate,
  refreshSearchIndex,
  ensureSearchIndex,
  closeEndedPrograms,
  setSeatsLeft,
} satisfies AppModule & Record<string, unknown>;
