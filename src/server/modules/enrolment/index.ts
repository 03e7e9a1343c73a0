/** Enrolment: places, the first-come waitlist, attendance and completion. */
import type { AppModule } from '../index.ts';
import { completedEnrolment } from './enrolment.queries.ts';
import { registerEnrolmentRoutes } from './enrolment.routes.ts';

export const enrolmentModule = {
  name: 'enrolment',
  register: registerEnrolmentRoutes,
  completedEnrolment,
} satisfies AppModule & Record<string, unknown>;
