/**
 * Who may do what: the one permission matrix. The server enforces it (platform/auth/authorize.ts);
 * the web reads it only to hide controls a person cannot use.
 *
 * Scope rules: `any` — everywhere; `own_city` — the city the officer is bound to; `own_institution` —
 * the institution the staff member is bound to.
 */
import type { RoleCode } from './vocabulary/index.ts';

export type ScopeRule = 'any' | 'own_city' | 'own_institution';

export const permissions = {
  'city.profile.update': { city_officer: 'own_city', ministry_officer: 'any', administrator: 'any' },
  'institution.update': { institution_staff: 'own_institution', city_officer: 'own_city', administrator: 'any' },
  'program.create': { institution_staff: 'own_institution', administrator: 'any' },
  /** Roster, waitlist, attendance, completion: the institution that runs the program. */
  'program.manage': { institution_staff: 'own_institution', administrator: 'any' },
  'designation.record': { ministry_officer: 'any', administrator: 'any' },
  /** The city's own record (budget, staff, committees, ordinances…) and what is computed from it: private to the city. */
  'city.record.view': { city_officer: 'own_city', ministry_officer: 'any', administrator: 'any' },
  'city.record.update': { city_officer: 'own_city', administrator: 'any' },
  /** The city console's analyses: indicators, gaps, access, copies, the annual report. */
  'city.analysis.view': { city_officer: 'own_city', ministry_officer: 'any', administrator: 'any' },
  /** Every city's indicators side by side, named (officers of one city see peers only as a distribution). */
  'indicators.national.view': { ministry_officer: 'any', administrator: 'any' },
  'index.weights.update': { ministry_officer: 'any', administrator: 'any' },
  /** Near-copies of an institution's own programs: its staff see them before and after publishing. */
  'program.copies.view': { institution_staff: 'own_institution', city_officer: 'own_city', ministry_officer: 'any', administrator: 'any' },
  'people.list': { administrator: 'any' },
  'role.grant': { administrator: 'any' },
} as const satisfies Record<string, Partial<Record<RoleCode, ScopeRule>>>;

export type Permission = keyof typeof permissions;

export interface Grant {
  role: RoleCode;
  cityCode: string | null;
  institutionId: number | null;
  /** For institution staff: the city of their institution. */
  institutionCityCode: string | null;
}

/** What a permission is checked against: the city and/or institution that owns the thing. */
export interface Scope {
  cityCode?: string;
  institutionId?: number;
}

export function grantAllows(grant: Grant, permission: Permission, scope: Scope): boolean {
  const rule = (permissions[permission] as Partial<Record<RoleCode, ScopeRule>>)[grant.role];
  switch (rule) {
    case 'any':
      return true;
    case 'own_city':
      return grant.cityCode !== null && scope.cityCode === grant.cityCode;
    case 'own_institution':
      return grant.institutionId !== null && scope.institutionId === grant.institutionId;
    default:
      return false;
  }
}

export function can(grants: readonly Grant[], permission: Permission, scope: Scope = {}): boolean {
  return grants.some((grant) => grantAllows(grant, permission, scope));
}

/** Whether any grant could allow the permission somewhere (to decide whether to show a menu at all). */
export function mayEver(grants: readonly Grant[], permission: Permission): boolean {
  const rules = permissions[permission] as Partial<Record<RoleCode, ScopeRule>>;
  return grants.some((grant) => rules[grant.role] !== undefined);
}
