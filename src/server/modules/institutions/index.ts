/** Institutions: lifelong-education institutions and their venues. */
import type { AppModule } from '../index.ts';
import { countInstitutions, findInstitution, findVenue, institutionVenues, lockInstitution } from './institutions.queries.ts';
import { registerInstitutionRoutes } from './institutions.routes.ts';

export const institutionsModule = {
  name: 'institutions',
  register: registerInstitutionRoutes,
  findInstitution,
  findVenue,
  institutionVenues,
  countInstitutions,
  lockInstitution,
} satisfies AppModule & Record<string, unknown>;
