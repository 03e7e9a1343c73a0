/** Instructors: the city's pool of instructors and volunteers, matched and assigned to programs; their teaching schedules. */
import type { AppModule } from '../index.ts';
import { registerInstructorRoutes } from './instructors.routes.ts';

export const instructors = {
  name: 'instructors',
  register: registerInstructorRoutes,
} satisfies AppModule;
