/** The institution's back office over its programs: the list, the editor, cancelling and copying into a new term. */
import type { AppModule } from '../index.ts';
import { registerProgramOfficeRoutes } from './program-office.routes.ts';

export const programOffice = {
  name: 'program-office',
  register: registerProgramOfficeRoutes,
} satisfies AppModule;
