/**
 * The yearly designation call (공모): its timeline, eligibility rule, quota, grant, aggregation rule and rubric;
 * a city's eligibility; the reviewers and consultants the ministry appoints.
 */
import Type, { type Static } from 'typebox';
import { callPhases, callStatuses, expertKinds, scoreAggregations } from '../vocabulary/index.ts';
import { CityCode, Code, Localised, Nullable, PageQuery, MAX_INT } from './common.ts';

const Text = (maxLength: number, minLength = 0) => Type.String({ minLength, maxLength });
const Day = Type.String({ format: 'date', description: 'A day in Korea, YYYY-MM-DD' });
const Instant = Type.String({ format: 'date-time', description: 'A moment with its offset, e.g. 2027-04-30T18:00:00+09:00' });
/** The version the form was loaded with: a save over someone else's newer one is refused (409). */
const Version = Type.Integer({ minimum: 1, maximum: MAX_INT, description: 'The version you edited' });
export const CallYear = Type.Integer({ minimum: 2001, maximum: 2100 });
export const CallYearParams = Type.Object({ year: CallYear });
export const CallCityParams = Type.Object({ year: CallYear, code: CityCode });

/** When each stage ends: deadlines are moments (Korean time as entered), the review and the announcement days. */
export const CallTimeline = Type.Object({
  opensAt: Instant,
  submissionDeadline: Instant,
  endorsementDeadline: Instant,
  reviewStartsOn: Day,
  reviewEndsOn: Day,
  announcementOn: Day,
});
export type CallTimeline = Static<typeof CallTimeline>;
export const timelineFields = ['opensAt', 'submissionDeadline', 'endorsementDeadline', 'reviewStartsOn', 'reviewEndsOn', 'announcementOn'] as const;

const callTerms = {
  titleKo: Text(200, 1),
  titleEn: Text(200, 1),
  noticeKo: Text(20_000),
  noticeEn: Text(20_000),
  ...CallTimeline.properties,
  revokedWaitYears: Type.Integer({ minimum: 0, maximum: 20, description: 'Years a city whose designation was revoked waits before it may apply again' }),
  quota: Type.Integer({ minimum: 1, maximum: 300, description: 'New designations the ministry intends to make' }),
  grantKrw: Type.Integer({ minimum: 0, maximum: 100_000_000_000, description: 'Grant to each newly designated city, in won' }),
  aggregation: Code(scoreAggregations.codes, "How reviewers' totals become the application's score"),
};

export const CallCreateBody = Type.Object({ year: CallYear, ...callTerms }, { additionalProperties: false });
export type CallCreateBody = Static<typeof CallCreateBody>;

/** Any terms, with the version edited. Once published, only the timeline may change (and only stages still ahead). */
export const CallPatchBody = Type.Object(
  { ...Type.Partial(Type.Object({ year: CallYear, ...callTerms })).properties, version: Version },
  { additionalProperties: false },
);
export type CallPatchBody = Static<typeof CallPatchBody>;

export const VersionBody = Type.Object({ version: Version }, { additionalProperties: false });
export type VersionBody = Static<typeof VersionBody>;

// ---- Rubric -------------------------------------------------------------------------------------------

export const RubricItem = Type.Object({
  titleKo: Text(300, 1),
  titleEn: Text(300, 1),
  guidanceKo: Text(4000),
  guidanceEn: Text(4000),
  points: Type.Integer({ minimum: 1, maximum: 100 }),
}, { additionalProperties: false });
export type RubricItem = Static<typeof RubricItem>;

export const RubricArea = Type.Object({
  titleKo: Text(200, 1),
  titleEn: Text(200, 1),
  items: Type.Array(RubricItem, { minItems: 1, maxItems: 20 }),
}, { additionalProperties: false });
export type RubricArea = Static<typeof RubricArea>;

/** Areas → items, each with its points (all points together make 100) and guidance for reviewers. */
export const Rubric = Type.Array(RubricArea, { minItems: 1, maxItems: 10 });
export type Rubric = Static<typeof Rubric>;

export const RubricBody = Type.Object({ version: Version, areas: Rubric }, { additionalProperties: false });
export type RubricBody = Static<typeof RubricBody>;

/** A rubric item as stored, with the id reviewers' scores refer to. */
export const RubricItemView = Type.Object({ id: Type.Integer(), ...RubricItem.properties });
export const RubricAreaView = Type.Object({ areaNo: Type.Integer(), titleKo: Type.String(), titleEn: Type.String(), points: Type.Integer(), items: Type.Array(RubricItemView) });
export type RubricAreaView = Static<typeof RubricAreaView>;

// ---- Views --------------------------------------------------------------------------------------------

export const CallSummary = Type.Object({
  id: Type.Integer(),
  year: Type.Integer(),
  status: Code(callStatuses.codes),
  phase: Code(callPhases.codes, 'Where the call stands today, from its timeline'),
  titleKo: Type.String(),
  titleEn: Type.String(),
  ...CallTimeline.properties,
  quota: Type.Integer(),
  grantKrw: Type.Integer(),
  publishedAt: Nullable(Type.String()),
});
export type CallSummary = Static<typeof CallSummary>;

export const CallDetail = Type.Object({
  ...CallSummary.properties,
  noticeKo: Type.String(),
  noticeEn: Type.String(),
  revokedWaitYears: Type.Integer(),
  aggregation: Code(scoreAggregations.codes),
  rubric: Type.Array(RubricAreaView),
  /** Where the rubric came from when the call was created: last call's year, or null for the default rubric. */
  rubricCopiedFrom: Nullable(Type.Integer()),
  announcedAt: Nullable(Type.String()),
  version: Type.Integer(),
  updatedAt: Type.String(),
  updatedByName: Nullable(Type.String()),
});
export type CallDetail = Static<typeof CallDetail>;

export const CallListQuery = Type.Object(PageQuery, { additionalProperties: false });

/** Why a city may or may not apply to a call. */
export const eligibilityReasons = [
  'never_applied', 'rejected_before', 'revoked_waited', 'applied_this_call',
  'designated', 'potential', 'pending_elsewhere', 'revoked_waiting',
] as const;
export type EligibilityReason = (typeof eligibilityReasons)[number];

export const Eligibility = Type.Object({
  cityCode: Type.String(),
  eligible: Type.Boolean(),
  reason: Code(eligibilityReasons),
  /** For a revoked city still waiting: the first day it may apply. */
  eligibleFrom: Nullable(Type.String()),
  message: Localised,
});
export type Eligibility = Static<typeof Eligibility>;

/** This year's call as a city sees it: the call (if one is published) and whether the city may apply. */
export const CityCall = Type.Object({ call: Nullable(CallSummary), eligibility: Nullable(Eligibility) });
export type CityCall = Static<typeof CityCall>;

// ---- Experts ------------------------------------------------------------------------------------------

export const AppointBody = Type.Object({
  email: Type.String({ format: 'email', maxLength: 254, description: 'The email the person registered with' }),
  kind: Code(expertKinds.codes),
  affiliation: Text(200),
  worksInProvinceCode: Nullable(Type.String({ pattern: '^[0-9]{2}$', description: 'The 시·도 they work in (they may not review its applications)' })),
}, { additionalProperties: false });
export type AppointBody = Static<typeof AppointBody>;

export const ExpertView = Type.Object({
  personId: Type.Integer(),
  kind: Code(expertKinds.codes),
  displayName: Type.String(),
  email: Type.String(),
  affiliation: Type.String(),
  worksInProvinceCode: Nullable(Type.String()),
  homeCityCode: Nullable(Type.String()),
  appointedAt: Type.String(),
});
export type ExpertView = Static<typeof ExpertView>;

/** 201 when the person is newly appointed, 200 when an appointment's details were updated. */
export const Appointment = Type.Object({ created: Type.Boolean(), expert: ExpertView });
export type Appointment = Static<typeof Appointment>;

export const ExpertListQuery = Type.Object({
  ...PageQuery,
  kind: Type.Optional(Code(expertKinds.codes)),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Part of a name, email or affiliation' })),
}, { additionalProperties: false });
