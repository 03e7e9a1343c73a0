/** Enrolment: places, the first-come waitlist, attendance and completion. */
import type { AppModule } from '../index.ts';
import { completedEnrolment, peopleInLine, promoteWaitlisted, releaseAll, seatsTaken } from './enrolment.queries.ts';
import { registerEnrolmentRoutes } from './enrolment.routes.ts';

export const enrolmentModule = {
  name: 'enrolment',
  register: registerEnrolmentRoutes,
  completedEnrolment,
  // For the institution's back office: a program's people, its places when it grows, and all of them when it is cancelled.
  seatsTaken,
  peopleInLine,
  promoteWaitlisted,
  releaseAll,
} satisfies AppModule & Record<string, unknown>;
