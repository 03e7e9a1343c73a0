/** Enrolment: places, the first-come waitlist, attendance and completion. */
import type { AppModule } from '../index.ts';
import { completedEnrolment, lockForPayment, peopleInLine, placeInDrawnOrder, promoteWaitlisted, releaseAll, seatsTaken } from './enrolment.queries.ts';
import { registerEnrolmentRoutes } from './enrolment.routes.ts';
import { enrol, refusal } from './enrolment.service.ts';
import { refusalsFor } from './eligibility.ts';

export const enrolmentModule = {
  name: 'enrolment',
  register: registerEnrolmentRoutes,
  completedEnrolment,
  // For the institution's back office: a program's people, its places when it grows, and all of them when it is cancelled.
  seatsTaken,
  peopleInLine,
  promoteWaitlisted,
  releaseAll,
  // For the lottery and offline applications: staff enrol a resident who applied at a centre; a draw places its applicants.
  enrol,
  placeInDrawnOrder,
  // Who may not enrol, and the refusal that says why (applying for a draw refuses the same people).
  refusalsFor,
  refusal,
  // For vouchers: the enrolment whose fee is paid, locked, with the fee.
  lockForPayment,
} satisfies AppModule & Record<string, unknown>;
