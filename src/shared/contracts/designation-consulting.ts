/**
 * The consulting year of a potential city (예비 평생학습도시): its consultant, three milestones with due dates,
 * the city's documents and the consultant's feedback, the consultant's recommendation and the ministry's decision.
 */
import Type, { type Static } from 'typebox';
import { consultingRecommendations, documentTypes, milestoneKinds, milestoneStatuses } from '../vocabulary/index.ts';
import { CityCode, Code, Id, Nullable, PageQuery } from './common.ts';

/** What the ministry may decide at the end of the consulting year. */
export const consultingDecisions = ['designated', 'rejected'] as const;
export type ConsultingDecision = (typeof consultingDecisions)[number];

/** How the consultant answers a submitted milestone. */
export const milestoneOutcomes = ['accepted', 'revise'] as const;
export type MilestoneOutcome = (typeof milestoneOutcomes)[number];

const Day = Type.String({ format: 'date' });
const Moment = Type.String({ format: 'date-time' });
/** A reason, a note or feedback, as people write them. */
const Prose = (minLength: number) => Type.String({ minLength, maxLength: 4000 });

export const MilestoneFile = Type.Object({
  id: Type.Integer(),
  fileName: Type.String(),
  documentType: Code(documentTypes.codes),
  byteSize: Type.Integer(),
  sha256: Type.String(),
});
export type MilestoneFile = Static<typeof MilestoneFile>;

export const MilestoneView = Type.Object({
  id: Type.Integer(),
  kind: Code(milestoneKinds.codes),
  dueOn: Day,
  status: Code(milestoneStatuses.codes),
  /** Still waiting for the city (open or to revise) after its due date, in Korea's calendar. */
  overdue: Type.Boolean(),
  cityNote: Type.String(),
  file: Nullable(MilestoneFile),
  submittedAt: Nullable(Moment),
  submittedByName: Nullable(Type.String()),
  feedback: Type.String(),
  reviewedAt: Nullable(Moment),
  reviewedByName: Nullable(Type.String()),
  /** Send it back with a submission or a review: a change made meanwhile by someone else is a 409. */
  version: Type.Integer(),
});
export type MilestoneView = Static<typeof MilestoneView>;

export const ConsultingSummary = Type.Object({
  id: Type.Integer(),
  applicationId: Type.Integer(),
  callId: Type.Integer(),
  /** The year of the call in which the city was named potential. */
  callYear: Type.Integer(),
  cityCode: Type.String(),
  cityNameKo: Type.String(),
  cityNameEn: Type.String(),
  provinceShortKo: Type.String(),
  provinceShortEn: Type.String(),
  consultant: Nullable(Type.Object({ personId: Type.Integer(), displayName: Type.String() })),
  startsOn: Day,
  endsOn: Day,
  milestonesAccepted: Type.Integer(),
  /** The earliest due date of a milestone not yet accepted. */
  nextDueOn: Nullable(Day),
  recommendation: Nullable(Code(consultingRecommendations.codes)),
  decision: Nullable(Code(consultingDecisions)),
});
export type ConsultingSummary = Static<typeof ConsultingSummary>;

export const ConsultingDetail = Type.Object({
  ...ConsultingSummary.properties,
  recommendationReason: Nullable(Type.String()),
  recommendedAt: Nullable(Moment),
  decisionReason: Nullable(Type.String()),
  decidedAt: Nullable(Moment),
  milestones: Type.Array(MilestoneView),
});
export type ConsultingDetail = Static<typeof ConsultingDetail>;

export const ConsultingListQuery = Type.Object(
  {
    ...PageQuery,
    city: Type.Optional(CityCode),
    province: Type.Optional(Type.String({ pattern: '^[0-9]{2}$', description: 'A 시·도 code (2 digits)' })),
    year: Type.Optional(Type.Integer({ minimum: 2001, maximum: 2100, description: 'The year of the call that named the cities potential' })),
    mine: Type.Optional(Type.Boolean({ description: 'Only the consultings assigned to me (consultants)' })),
    undecided: Type.Optional(Type.Boolean({ description: 'Only those the ministry has not decided yet' })),
  },
  { additionalProperties: false },
);
export type ConsultingListQuery = Static<typeof ConsultingListQuery>;

export const ConsultingParams = Type.Object({ id: Id });
export const MilestoneParams = Type.Object({ id: Id, kind: Code(milestoneKinds.codes) });

export const AssignConsultantBody = Type.Object({ consultantId: Id }, { additionalProperties: false });
export type AssignConsultantBody = Static<typeof AssignConsultantBody>;

/** A consultant the ministry appointed, with how many undecided consultings they already carry. */
export const ConsultantCandidate = Type.Object({
  personId: Type.Integer(),
  displayName: Type.String(),
  affiliation: Type.String(),
  worksInProvinceCode: Nullable(Type.String()),
  openConsultings: Type.Integer(),
});
export type ConsultantCandidate = Static<typeof ConsultantCandidate>;

export const MilestoneUploadQuery = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 255, description: 'The file name as on the uploader’s computer (UTF-8, URL-encoded)' }) },
  { additionalProperties: false },
);

export const SubmitMilestoneBody = Type.Object({ note: Type.String({ maxLength: 4000 }), version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export type SubmitMilestoneBody = Static<typeof SubmitMilestoneBody>;

export const ReviewMilestoneBody = Type.Object(
  { outcome: Code(milestoneOutcomes), feedback: Prose(1), version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export type ReviewMilestoneBody = Static<typeof ReviewMilestoneBody>;

export const RecommendBody = Type.Object({ recommendation: Code(consultingRecommendations.codes), reason: Prose(1) }, { additionalProperties: false });
export type RecommendBody = Static<typeof RecommendBody>;

export const ConsultingDecisionBody = Type.Object({ decision: Code(consultingDecisions), reason: Prose(1) }, { additionalProperties: false });
export type ConsultingDecisionBody = Static<typeof ConsultingDecisionBody>;
