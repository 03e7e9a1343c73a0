/** Programs: courses offered by institutions, with their sessions. */
import type { AppModule, ModuleContext } from '../index.ts';
import { courseJsonLd } from './program-page.ts';
import { pageProgram } from './programs.service.ts';
import { countPrograms, findClashes, findProgram, lockForEnrolment, sessionIdsOf, setCompletionRate } from './programs.queries.ts';
import { todayInKorea } from './schedule.ts';
import { closeEndedPrograms, ensureSearchIndex, refreshSearchIndex, setSeatsLeft } from './programs.search-index.ts';
import { registerProgramRoutes } from './programs.routes.ts';

export const programsModule = {
  name: 'programs',
  register: registerProgramRoutes,
  async pageHead(path: string, { database, config }: ModuleContext) {
    const id = /^\/programs\/(\d{1,9})$/.exec(path)?.[1];
    if (!id) return null;
    const program = await pageProgram(database.db, Number(id));
    return {
      title: `${program.title} · ${program.institutionName} · 평생학습도시`,
      description: program.description.slice(0, 160),
      jsonLd: courseJsonLd(program, config.publicUrl),
    };
  },
  countPrograms,
  findProgram,
  lockForEnrolment,
  findClashes,
  sessionIdsOf,
  setCompletionRate,
  todayInKorea,
  refreshSearchIndex,
  ensureSearchIndex,
  closeEndedPrograms,
  setSeatsLeft,
} satisfies AppModule & Record<string, unknown>;
