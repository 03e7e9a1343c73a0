/** Institutions: lifelong-education institutions and their venues. */
import type { AppModule } from '../index.ts';
import { countInstitutions, findInstitution, findVenue, insertVenue, institutionVenues, lockInstitution } from './institutions.queries.ts';
import { registerInstitutionRoutes } from './institutions.routes.ts';

export const institutionsModule = {
  name: 'institutions',
  register: registerInstitutionRoutes,
  findInstitution,
  findVenue,
  institutionVenues,
  // Delivered courses: the group's own place, where the institution teaches them.
  insertVenue,
  countInstitutions,
  lockInstitution,
} satisfies AppModule & Record<string, unknown>;
