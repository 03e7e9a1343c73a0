/**
 * Who may enrol in a program today: the enrolment window, age rules, and residents-first periods.
 * Pure: the service gathers the facts, this decides, and every refusal says why.
 */
import type { RefusalReason } from '../../../shared/messages/enrolment.ts';
import type { ProgramStatus, RegistrationMode } from '../../../shared/vocabulary/index.ts';

export interface ProgramRules {
  status: ProgramStatus;
  cityCode: string;
  cityName: string;
  startsOn: string;
  enrolmentOpensOn: string | null;
  enrolmentClosesOn: string | null;
  minAge: number | null;
  maxAge: number | null;
  residentsFirst: boolean;
  openToAllOn: string | null;
  registrationMode: RegistrationMode;
  registrationNote: string;
}

export interface Applicant {
  birthYear: number | null;
  homeCityCode: string | null;
}

/** Age in the year the program starts (Korean programs state ages as 만 나이 by year of birth). */
function ageAt(birthYear: number, date: string): number {
  return Number(date.slice(0, 4)) - birthYear;
}

export function refusalsFor(program: ProgramRules, applicant: Applicant, today: string): RefusalReason[] {
  if (program.status !== 'published') return [{ code: 'not_published' }];
  if (program.registrationMode === 'lottery') return [{ code: 'by_lottery' }];
  if (program.registrationMode !== 'online') return [{ code: 'register_at_institution', mode: program.registrationMode, note: program.registrationNote }];
  const reasons: RefusalReason[] = [];
  if (program.enrolmentOpensOn && today < program.enrolmentOpensOn) reasons.push({ code: 'not_open', opensOn: program.enrolmentOpensOn });
  const closesOn = program.enrolmentClosesOn ?? program.startsOn;
  if (today > closesOn) reasons.push({ code: 'closed', closedOn: closesOn });
  if (program.minAge !== null || program.maxAge !== null) {
    if (applicant.birthYear === null) {
      reasons.push({ code: 'age_unknown', minAge: program.minAge, maxAge: program.maxAge });
    } else {
      const age = ageAt(applicant.birthYear, program.startsOn);
      if (program.minAge !== null && age < program.minAge) reasons.push({ code: 'too_young', minAge: program.minAge });
      if (program.maxAge !== null && age > program.maxAge) reasons.push({ code: 'too_old', maxAge: program.maxAge });
    }
  }
  if (program.residentsFirst && program.openToAllOn && today < program.openToAllOn && applicant.homeCityCode !== program.cityCode) {
    reasons.push({ code: 'residents_first', cityName: program.cityName, openToAllOn: program.openToAllOn });
  }
  return reasons;
}
