/** Programs: courses offered by institutions, with their sessions. */
import type { AppModule } from '../index.ts';
import { countPrograms } from './programs.queries.ts';
import { closeEndedPrograms, refreshSearchIndex, setSeatsLeft } from './programs.search-index.ts';
import { registerProgramRoutes } from './programs.routes.ts';

export const programsModule = {
  name: 'programs',
  register: registerProgramRoutes,
  countPrograms,
  refreshSearchIndex,
  closeEndedPrograms,
  setSeatsLeft,
} satisfies AppModule & Record<string, unknown>;
