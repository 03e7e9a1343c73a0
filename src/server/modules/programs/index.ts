/** Programs: courses offered by institutions, with their sessions. */
import { NEWEST_PROGRAMS_REQUEST, searchRequest } from '../../../shared/lib/program-search.ts';
import type { AppModule, ModuleContext } from '../index.ts';
import { courseJsonLd, sessionsCalendar } from './program-page.ts';
import { managingProgramInPath } from './program-hooks.ts';
import { maySeeProgram } from './program-visibility.ts';
import { checkTerms, managedProgram, pageProgram, placeOf, visibleProgram } from './programs.service.ts';
import * as office from './programs.office.queries.ts';
import * as files from './programs.import.queries.ts';
import { insertProgram, insertSessions, sessionsOf, setInstructorName } from './programs.queries.ts';
import { countPrograms, findClashes, lockForEnrolment, publicProgram, sessionIdsOf, setCompletionRate, termProgramIds } from './programs.queries.ts';
import { closeEndedPrograms, ensureSearchIndex, refreshSearchIndex, setSeatsLeft } from './programs.search-index.ts';
import { registerProgramRoutes } from './programs.routes.ts';
import { pruneCatalogueChanges } from './programs.catalogue.queries.ts';

export const programsModule = {
  name: 'programs',
  register: registerProgramRoutes,
  async pageHead(path: string, { reads, config }: ModuleContext) {
    const id = /^\/programs\/(\d{1,9})$/.exec(path)?.[1];
    if (!id) return null;
    // Built without the session (it is for search engines and link previews), so as nobody sees it: an
    // unpublished program is not found, like an unknown id, and the page keeps the web app's own head.
    const program = await pageProgram(reads.readerFor(undefined), null, Number(id));
    return {
      title: `${program.title} · ${program.institutionName} · 평생학습도시`,
      description: program.description.slice(0, 160),
      jsonLd: courseJsonLd(program, config.publicUrl),
    };
  },
  // The home page's newest programs and the search's first answer, built as the web builds them.
  firstRequest(path: string, search: URLSearchParams) {
    if (path === '/') return NEWEST_PROGRAMS_REQUEST;
    return path === '/programs' ? searchRequest(search) : null;
  },
  countPrograms,
  visibleProgram,
  maySeeProgram,
  publicProgram,
  lockForEnrolment,
  findClashes,
  sessionIdsOf,
  setCompletionRate,
  refreshSearchIndex,
  ensureSearchIndex,
  closeEndedPrograms,
  pruneCatalogueChanges,
  setSeatsLeft,
  // A registration opening's programs (opening-day).
  termProgramIds,
  // The institution's back office (program-office): who may manage a program, its terms and place, and its rows.
  managedProgram,
  managingProgramInPath,
  checkTerms,
  placeOf,
  office,
  // Programs in and out as files (program-office's import and export).
  files,
  insertProgram,
  insertSessions,
  sessionsOf,
  // Calendar files of sessions (the instructors' teaching schedule).
  sessionsCalendar,
  setInstructorName,
} satisfies AppModule & Record<string, unknown>;
