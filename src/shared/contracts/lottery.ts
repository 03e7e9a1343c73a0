/** The lottery (추첨) and offline applications: settings, applications, the draw and its published result. */
import Type, { type Static } from 'typebox';
import { declaredGroupCodes, drawOutcomes, lotteryPhases, priorityGroups } from '../vocabulary/index.ts';
import { Code, Nullable, Page } from './common.ts';
import { DateString } from './programs.ts';
import { EnrolmentView } from './enrolment.ts';

const Groups = Type.Array(Code(priorityGroups.codes), { maxItems: priorityGroups.codes.length, uniqueItems: true });
const DeclaredGroups = Type.Array(Code(declaredGroupCodes), { maxItems: declaredGroupCodes.length, uniqueItems: true });

export const LotterySettingsBody = Type.Object(
  {
    applicationsCloseAt: Type.String({ format: 'date-time', description: 'When applications close (신청 마감); the draw is after it' }),
    drawOn: DateString,
    priorityGroups: Groups,
  },
  { additionalProperties: false },
);
export type LotterySettingsBody = Static<typeof LotterySettingsBody>;

/** What anyone who may see the program sees: the rules, the commitment, and once drawn the seed. */
export const LotteryView = Type.Object({
  programId: Type.Integer(),
  phase: Code(lotteryPhases.codes),
  priorityGroups: Groups,
  applicationsOpenOn: Nullable(DateString),
  applicationsCloseAt: Type.String(),
  drawOn: DateString,
  /** SHA-256 of the seed's text, published when the lottery was set up. */
  seedSha256: Type.String(),
  /** Revealed at the draw; null before. */
  seed: Nullable(Type.String()),
  drawnAt: Nullable(Type.String()),
  /** Places that were free at the draw. */
  seatsDrawn: Nullable(Type.Integer()),
  applications: Type.Integer(),
});
export type LotteryView = Static<typeof LotteryView>;

/** One line of the published result: no names, only the application number. */
export const DrawnEntry = Type.Object({
  position: Type.Integer(),
  applicationNo: Type.Integer(),
  tier: Type.Integer(),
  /** HMAC-SHA-256(seed, application number), the value sorted within a tier. */
  ticket: Type.String(),
  outcome: Code(drawOutcomes.codes),
});
export type DrawnEntry = Static<typeof DrawnEntry>;
export const DrawResult = Page(DrawnEntry);
export type DrawResult = Static<typeof DrawResult>;

export const ApplyBody = Type.Object(
  {
    /** Groups the resident declares (a disability); the others come from their account or are marked by staff. */
    declaredGroups: Type.Optional(Type.Array(Code(['disability'] as const), { maxItems: 1, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type ApplyBody = Static<typeof ApplyBody>;

export const LotteryApplication = Type.Object({
  applicationNo: Type.Integer(),
  programId: Type.Integer(),
  groups: Groups,
  enteredByStaff: Type.Boolean(),
  appliedAt: Type.String(),
  drawOn: DateString,
  phase: Code(lotteryPhases.codes),
  tier: Nullable(Type.Integer()),
  position: Nullable(Type.Integer()),
  outcome: Nullable(Code(drawOutcomes.codes)),
});
export type LotteryApplication = Static<typeof LotteryApplication>;

/** An applicant as the institution's staff see them. */
export const Applicant = Type.Object({
  applicationNo: Type.Integer(),
  personId: Type.Integer(),
  displayName: Type.String(),
  birthYear: Nullable(Type.Integer()),
  groups: Groups,
  /** Who entered it at the centre, or null when the resident applied online. */
  enteredByName: Nullable(Type.String()),
  appliedAt: Type.String(),
  tier: Nullable(Type.Integer()),
  position: Nullable(Type.Integer()),
  outcome: Nullable(Code(drawOutcomes.codes)),
});
export type Applicant = Static<typeof Applicant>;
export const ApplicantPage = Page(Applicant);
export type ApplicantPage = Static<typeof ApplicantPage>;

/**
 * An application staff enter at a centre for a resident who cannot apply online: the resident found by the email of
 * their account, or a record made from their name and year of birth (and an email if they have one).
 */
export const OfflineApplicationBody = Type.Object(
  {
    email: Type.Optional(Type.String({ maxLength: 254, description: 'The email of the resident’s account, if they have one' })),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    birthYear: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
    /** For a new record: staff saw that the resident lives in the program's city (their home city then; otherwise none is recorded). */
    livesInCity: Type.Optional(Type.Boolean()),
    /** Groups staff mark after seeing proof (a voucher card) or on the resident's word (a disability). */
    groups: Type.Optional(DeclaredGroups),
  },
  { additionalProperties: false },
);
export type OfflineApplicationBody = Static<typeof OfflineApplicationBody>;

export const OfflineApplicationResult = Type.Object({
  personId: Type.Integer(),
  displayName: Type.String(),
  /** Whether a record was made for the resident now. */
  newRecord: Type.Boolean(),
  /** Whether this request made the application (false: the resident had already applied). */
  created: Type.Boolean(),
  /** For a lottery program. */
  application: Nullable(LotteryApplication),
  /** For a first-come program: the place or waitlist entry taken now, in arrival order with online enrolments. */
  enrolment: Nullable(EnrolmentView),
});
export type OfflineApplicationResult = Static<typeof OfflineApplicationResult>;

export const DrawSummary = Type.Object({
  lottery: LotteryView,
  won: Type.Integer(),
  waitlisted: Type.Integer(),
});
export type DrawSummary = Static<typeof DrawSummary>;
