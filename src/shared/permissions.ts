/**
 * Who may do what: the one permission matrix. The server enforces it (platform/auth/authorize.ts);
 * the web reads it only to hide controls a person cannot use.
 *
 * Scope rules: `any` — everywhere; `own_city` — the city the officer is bound to; `own_institution` —
 * the institution the staff member is bound to; `own_province` — the 시·도 the province officer is bound to
 * (and every city in it); `assigned` — what the ministry assigned to this reviewer or consultant (the service
 * looks the assignment up and says so in the scope).
 */
import type { RoleCode } from './vocabulary/index.ts';

export type ScopeRule = 'any' | 'own_city' | 'own_institution' | 'own_province' | 'assigned';

export const permissions = {
  'city.profile.update': { city_officer: 'own_city', ministry_officer: 'any', administrator: 'any' },
  'institution.update': { institution_manager: 'own_institution', institution_staff: 'own_institution', city_officer: 'own_city', administrator: 'any' },
  'program.create': { institution_manager: 'own_institution', institution_staff: 'own_institution', administrator: 'any' },
  /** Roster, waitlist, attendance, completion, the lottery's settings, applicants and draw: the institution that runs the program. */
  'program.manage': { institution_manager: 'own_institution', institution_staff: 'own_institution', administrator: 'any' },
  /** Applications entered at a centre for residents who cannot apply online (find or make their record, apply or enrol them). */
  'program.applications.enter': { institution_manager: 'own_institution', institution_staff: 'own_institution', administrator: 'any' },
  /** Programs in and out as files (CSV, Excel): the institution's staff, or its own system with one of its API keys. */
  'program.import': { institution_manager: 'own_institution', institution_staff: 'own_institution', institution_system: 'own_institution', administrator: 'any' },
  /** The API keys an institution's own systems call with (each acts for the whole institution): made, listed and revoked by its managers, never by a key. */
  'institution.api_keys.manage': { institution_manager: 'own_institution', administrator: 'any' },
  /** Who works at the institution and in which role: every colleague sees it (instructors only this, for now). */
  'institution.colleagues.view': {
    institution_manager: 'own_institution', institution_staff: 'own_institution', institution_instructor: 'own_institution', administrator: 'any',
  },
  /** Inviting colleagues, changing their roles, revoking them, and the log of it: the institution's managers. */
  'institution.colleagues.manage': { institution_manager: 'own_institution', administrator: 'any' },
  /** The instructor and volunteer pool of the institution's city (published profiles that travel there), and their history. */
  'instructors.pool.view': { institution_manager: 'own_institution', institution_staff: 'own_institution', administrator: 'any' },
  /** Matching the pool to one of the institution's programs and assigning (or unassigning) its instructor. */
  'instructors.assign': { institution_manager: 'own_institution', institution_staff: 'own_institution', administrator: 'any' },
  /** Partnership agreements: every party's managers and staff see them (and the city's officers, the ministry). */
  'network.agreements.view': {
    institution_manager: 'own_institution', institution_staff: 'own_institution', city_officer: 'own_city', ministry_officer: 'any', administrator: 'any',
  },
  /** Proposing, accepting (signing), withdrawing and ending agreements, their document, joint programs: the parties' managers. */
  'network.agreements.manage': { institution_manager: 'own_institution', administrator: 'any' },
  /** The rooms and equipment an institution offers its partners, and the bookings of them. */
  'network.resources.manage': { institution_manager: 'own_institution', institution_staff: 'own_institution', administrator: 'any' },
  /** Booking what partners offer (under a signed, current agreement): the booking institution's managers and staff. */
  'network.resources.book': { institution_manager: 'own_institution', institution_staff: 'own_institution', administrator: 'any' },
  /** The city's network of institutions as a graph, with its measures: the city's officers and the ministry. */
  'network.city.view': { city_officer: 'own_city', ministry_officer: 'any', administrator: 'any' },
  'designation.record': { ministry_officer: 'any', administrator: 'any' },
  /** The city's own record (budget, staff, committees, ordinances…) and what is computed from it: private to the city. */
  'city.record.view': { city_officer: 'own_city', ministry_officer: 'any', administrator: 'any' },
  'city.record.update': { city_officer: 'own_city', administrator: 'any' },
  /** Registration openings (opening day) of the city's programs, with their waiting room's rate and counts: the city's officers. */
  'city.openings.manage': { city_officer: 'own_city', administrator: 'any' },
  /** The city console's analyses: indicators, gaps, access, copies, the annual report. */
  'city.analysis.view': { city_officer: 'own_city', ministry_officer: 'any', administrator: 'any' },
  /** Every city's indicators side by side, named (officers of one city see peers only as a distribution). */
  'indicators.national.view': { ministry_officer: 'any', administrator: 'any' },
  'index.weights.update': { ministry_officer: 'any', administrator: 'any' },
  /** Near-copies of an institution's own programs: its staff see them before and after publishing. */
  'program.copies.view': { institution_manager: 'own_institution', institution_staff: 'own_institution', city_officer: 'own_city', ministry_officer: 'any', administrator: 'any' },
  /** The yearly designation call: its timeline, quota, grant and rubric; appointing reviewers and consultants. */
  'designation.call.manage': { ministry_officer: 'any', administrator: 'any' },
  /** A city's application to the call: written and submitted by the city. */
  'designation.application.edit': { city_officer: 'own_city' },
  'designation.application.view': {
    city_officer: 'own_city', province_officer: 'own_province', ministry_officer: 'any', administrator: 'any', reviewer: 'assigned', consultant: 'assigned',
  },
  /** The province endorses or returns its municipalities' applications and ranks the endorsed ones. */
  'designation.application.endorse': { province_officer: 'own_province' },
  /** A reviewer scores the applications assigned to them. */
  'designation.review.score': { reviewer: 'assigned' },
  /** Every reviewer's scores side by side, the spread and the ranking; the decision on each application. */
  'designation.review.view': { ministry_officer: 'any', administrator: 'any' },
  'designation.decide': { ministry_officer: 'any', administrator: 'any' },
  /** The consulting year of a potential city: milestones, uploads and feedback. */
  'designation.consulting.view': {
    city_officer: 'own_city', province_officer: 'own_province', ministry_officer: 'any', administrator: 'any', consultant: 'assigned',
  },
  'designation.consulting.submit': { city_officer: 'own_city' },
  'designation.consulting.advise': { consultant: 'assigned' },
  /** The append-only log of every step, filtered and exported. */
  'designation.log.view': { ministry_officer: 'any', administrator: 'any' },
  /** The re-designation evaluation's frame of each year (areas, fields, items, points, rules, thresholds). */
  'evaluation.frame.manage': { ministry_officer: 'any', administrator: 'any' },
  /** The cohorts due, opening a round, assigning its reviewers, publishing preliminary results and finalising. */
  'evaluation.round.manage': { ministry_officer: 'any', administrator: 'any' },
  /** A city's evaluation in a round: its items, evidence, self-assessment, result and objection. */
  'evaluation.city.view': { city_officer: 'own_city', ministry_officer: 'any', administrator: 'any', reviewer: 'assigned' },
  /** The city's evidence, self-assessment and objection. */
  'evaluation.city.submit': { city_officer: 'own_city' },
  /** A reviewer scores the cities assigned to them and answers their objections. */
  'evaluation.review.score': { reviewer: 'assigned' },
  /** The questionnaire of the residents' satisfaction survey, per year and in versions: the ministry's. */
  'surveys.instrument.manage': { ministry_officer: 'any', administrator: 'any' },
  /** Paper answers typed in at a centre for residents of the institution's city, recorded as theirs. */
  'surveys.paper.enter': { institution_manager: 'own_institution', institution_staff: 'own_institution', administrator: 'any' },
  /** A city's survey results and its residents' open answers: the city's officers and the ministry (never other cities). */
  'surveys.results.view': { city_officer: 'own_city', ministry_officer: 'any', administrator: 'any' },
  /** A city's own needs survey (학습요구조사): building its questionnaire from the program taxonomy and reading its Borich analysis. */
  'surveys.needs.manage': { city_officer: 'own_city', administrator: 'any' },
  /** Residents' proposals of the city: answering them (accepted into a draft program, or declined with reasons) and setting the threshold of supporters. */
  'proposals.answer': { city_officer: 'own_city', administrator: 'any' },
  /** The city's study groups (학습동아리) with their members and meetings, and deciding their support (supported, funded with an amount, declined), logged. */
  'study_groups.support': { city_officer: 'own_city', administrator: 'any' },
  /** The city's register of volunteers, and recording (and correcting) the hours they served. */
  'volunteers.manage': { city_officer: 'own_city', administrator: 'any' },
  /** The volunteers of the institution's city, and recording (and correcting) the hours they served at the institution. */
  'volunteers.hours.record': { institution_manager: 'own_institution', institution_staff: 'own_institution', administrator: 'any' },
  /** Who did what in a proposal's log (the public sees what and when). */
  'proposals.log.view': { city_officer: 'own_city', ministry_officer: 'any', administrator: 'any' },
  /** A city's delivered-course requests (배달강좌) that reached the group size: matching an instructor, approving into a program or declining, and the minimum group size. */
  'delivered_courses.decide': { city_officer: 'own_city', administrator: 'any' },
  /** The national picture's private side: every learning city's index score named, and the cities at risk (the public sees distributions). */
  'national.private.view': { ministry_officer: 'any', administrator: 'any' },
  /** Grants: awarding, adjusting, deciding the cities' spending reports, and priority investment rounds. */
  'grants.manage': { ministry_officer: 'any', administrator: 'any' },
  /** A city's grants, their ledger and spending reports: the city's officers and the ministry (never other cities). */
  'grants.city.view': { city_officer: 'own_city', ministry_officer: 'any', administrator: 'any' },
  /** Filing what the city spent of its grants. */
  'grants.report.file': { city_officer: 'own_city' },
  'people.list': { administrator: 'any' },
  /** LearnFare vouchers: the national programme is the ministry's (set up, confirm eligibility, draw, issue, statistics). */
  'vouchers.national.manage': { ministry_officer: 'any', administrator: 'any' },
  /** A city's own voucher programme: its officers (the funder's), never another city's. */
  'vouchers.city.manage': { city_officer: 'own_city', administrator: 'any' },
  'role.grant': { administrator: 'any' },
} as const satisfies Record<string, Partial<Record<RoleCode, ScopeRule>>>;

export type Permission = keyof typeof permissions;

export interface Grant {
  role: RoleCode;
  cityCode: string | null;
  institutionId: number | null;
  /** For province officers: their 시·도 (2 digits). */
  provinceCode: string | null;
  /** For institution staff: the city of their institution. */
  institutionCityCode: string | null;
}

/** What a permission is checked against: the city and/or institution that owns the thing. */
export interface Scope {
  cityCode?: string;
  institutionId?: number;
  /** The 시·도 of the city (its code's first two digits), for province officers. */
  provinceCode?: string;
  /** Whether the acting reviewer or consultant is assigned to this thing (looked up by the service). */
  assigned?: boolean;
}

/** A city's province: KOSTAT codes nest, so a 시·군·구 code starts with its 시·도's two digits. */
export const provinceOfCity = (cityCode: string) => cityCode.slice(0, 2);

export function grantAllows(grant: Grant, permission: Permission, scope: Scope): boolean {
  const rule = (permissions[permission] as Partial<Record<RoleCode, ScopeRule>>)[grant.role];
  switch (rule) {
    case 'any':
      return true;
    case 'own_city':
      return grant.cityCode !== null && scope.cityCode === grant.cityCode;
    case 'own_institution':
      return grant.institutionId !== null && scope.institutionId === grant.institutionId;
    case 'own_province': {
      const province = scope.provinceCode ?? (scope.cityCode ? provinceOfCity(scope.cityCode) : undefined);
      return grant.provinceCode !== null && province === grant.provinceCode;
    }
    case 'assigned':
      return scope.assigned === true;
    default:
      return false;
  }
}

export function can(grants: readonly Grant[], permission: Permission, scope: Scope = {}): boolean {
  return grants.some((grant) => grantAllows(grant, permission, scope));
}

/**
 * Residents' acts in their own city: proposing, and supporting (or withdrawing support for) a proposal. Everyone is a
 * resident and holds no grant for it, so the rule is the city on their account rather than a row of the matrix.
 */
export const residentOf = (homeCityCode: string | null, cityCode: string) => homeCityCode !== null && homeCityCode === cityCode;

/** Whether any grant could allow the permission somewhere (to decide whether to show a menu at all). */
export function mayEver(grants: readonly Grant[], permission: Permission): boolean {
  const rules = permissions[permission] as Partial<Record<RoleCode, ScopeRule>>;
  return grants.some((grant) => rules[grant.role] !== undefined);
}
