/** Instructors: the city's pool of instructors and volunteers, matched and assigned to programs; their teaching schedules. */
import type { AppModule } from '../index.ts';
import { registerInstructorRoutes } from './instructors.routes.ts';
import { candidatesForCourse, linkInstructor, profileInPool } from './instructors.service.ts';

export const instructors = {
  name: 'instructors',
  register: registerInstructorRoutes,
  // Delivered courses: the pool ranked for a group's request before its program exists, and the link once it does.
  candidatesForCourse,
  profileInPool,
  linkInstructor,
} satisfies AppModule & Record<string, unknown>;
