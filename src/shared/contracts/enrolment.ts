import Type, { type Static } from 'typebox';
import { enrolmentStatuses } from '../vocabulary/index.ts';
import { Code, Id, Nullable } from './common.ts';

export const EnrolBody = Type.Object(
  { allowClash: Type.Optional(Type.Boolean({ description: 'Enrol even though sessions clash with another enrolment' })) },
  { additionalProperties: false },
);
export type EnrolBody = Static<typeof EnrolBody>;

export const EnrolmentView = Type.Object({
  id: Type.Integer(),
  programId: Type.Integer(),
  status: Code(enrolmentStatuses.codes),
  enrolledAt: Type.String(),
  statusChangedAt: Type.String(),
  /** 1 for the first in line; null unless waitlisted. */
  waitlistPosition: Nullable(Type.Integer()),
  seatsLeft: Type.Integer(),
});
export type EnrolmentView = Static<typeof EnrolmentView>;

export const RosterEntry = Type.Object({
  enrolmentId: Type.Integer(),
  personId: Type.Integer(),
  displayName: Type.String(),
  birthYear: Nullable(Type.Integer()),
  /** The learner's mobile number, only when the program promises text messages (and the learner left one). */
  phone: Nullable(Type.String()),
  status: Code(enrolmentStatuses.codes),
  enrolledAt: Type.String(),
  waitlistPosition: Nullable(Type.Integer()),
  /** Session numbers this learner attended. */
  attended: Type.Array(Type.Integer()),
  /** Session numbers marked absent. */
  absent: Type.Array(Type.Integer()),
  /** The latest completion decided for this learner alone, with why; null when none was. */
  lastDecision: Nullable(Type.Object({
    status: Code(enrolmentStatuses.codes),
    reason: Type.String(),
    decidedBy: Type.String(),
    decidedAt: Type.String(),
  })),
});
export type RosterEntry = Static<typeof RosterEntry>;

export const Roster = Type.Object({
  programId: Type.Integer(),
  capacity: Type.Integer(),
  completionRate: Type.Number(),
  sessions: Type.Array(Type.Object({ sessionNo: Type.Integer(), startsAt: Type.String() })),
  enrolled: Type.Array(RosterEntry),
  waitlist: Type.Array(RosterEntry),
});
export type Roster = Static<typeof Roster>;

export const AttendanceBody = Type.Object(
  {
    present: Type.Array(Id, { maxItems: 1000, uniqueItems: true, description: 'Enrolment ids present at the session' }),
    absent: Type.Array(Id, { maxItems: 1000, uniqueItems: true, description: 'Enrolment ids absent from the session' }),
  },
  { additionalProperties: false },
);
export type AttendanceBody = Static<typeof AttendanceBody>;

export const CompletionRuleBody = Type.Object(
  { completionRate: Type.Number({ minimum: 0.05, maximum: 1, description: 'Share of sessions to attend (0.8 = 80%)' }) },
  { additionalProperties: false },
);
export type CompletionRuleBody = Static<typeof CompletionRuleBody>;

export const CompletionResult = Type.Object({
  completed: Type.Integer(),
  notCompleted: Type.Integer(),
  certificatesIssued: Type.Integer(),
});
export type CompletionResult = Static<typeof CompletionResult>;

/** One learner's completion decided by hand: completed (a certificate), not completed (a completion withdrawn). */
export const LearnerCompletionBody = Type.Object(
  {
    completed: Type.Boolean({ description: 'true: completed, with a certificate; false: not completed (withdraws a completion and revokes its certificate)' }),
    reason: Type.String({ maxLength: 500, description: 'Why: kept for good in the completion record and told to the learner' }),
  },
  { additionalProperties: false },
);
export type LearnerCompletionBody = Static<typeof LearnerCompletionBody>;
