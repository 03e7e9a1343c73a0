/**
 * Whether a program takes enrolments today, by its dates alone. The server decides every enrolment (and
 * checks much more: age, residents first, clashes); this only keeps the page from inviting a click that
 * the server is sure to refuse, and from calling a course "모집 중" after its enrolment has closed.
 */
import type { ProgramSummary } from '../../../shared/contracts/programs.ts';

export type EnrolmentWindow = { state: 'open' } | { state: 'not_open'; opensOn: string } | { state: 'closed'; closedOn: string };

export function enrolmentWindow(program: Pick<ProgramSummary, 'startsOn' | 'enrolmentOpensOn' | 'enrolmentClosesOn'>, today: string): EnrolmentWindow {
  if (program.enrolmentOpensOn && today < program.enrolmentOpensOn) return { state: 'not_open', opensOn: program.enrolmentOpensOn };
  // Without a closing day of its own, enrolment closes on the first day (as the server has it).
  const closesOn = program.enrolmentClosesOn ?? program.startsOn;
  if (today > closesOn) return { state: 'closed', closedOn: closesOn };
  return { state: 'open' };
}
