/**
 * A consulting year: of a potential city (예비 평생학습도시) or of a city the re-designation evaluation deferred
 * (재지정 유예 도시 컨설팅): its consultant, three milestones with due dates, the city's documents and the consultant's
 * feedback, the consultant's recommendation and the ministry's decision (designate or reject; close).
 */
import Type, { type Static } from 'typebox';
import { consultingPurposes, consultingRecommendations, documentTypes, evaluationOutcomes, milestoneKinds, milestoneStatuses } from '../vocabulary/index.ts';
import { CityCode, Code, Id, Nullable, PageQuery } from './common.ts';

/** What the ministry may decide at the end of the consulting year: designate or reject a potential city; close an improvement consulting. */
export const consultingDecisions = ['designated', 'rejected', 'closed'] as const;
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

const AreaScores = Type.Object({ titleKo: Type.String(), titleEn: Type.String(), points: Type.Number() });

/**
 * Whether the next round improved on the one that deferred the city: both finalised rounds' totals and areas (the
 * next one null while it is not evaluated yet); `change` is the next total minus the deferring one.
 */
export const Improvement = Type.Object({
  deferredRound: Type.Object({ year: Type.Integer(), total: Type.Number() }),
  nextRound: Nullable(Type.Object({ year: Type.Integer(), total: Type.Number(), outcome: Code(evaluationOutcomes.codes) })),
  change: Nullable(Type.Number()),
  /** The deferring round's areas, each with its score then and in the next round (null: not evaluated, or no such area). */
  areas: Type.Array(Type.Object({ ...AreaScores.properties, before: Type.Number(), after: Nullable(Type.Number()), change: Nullable(Type.Number()) })),
});
export type Improvement = Static<typeof Improvement>;

export const ConsultingSummary = Type.Object({
  id: Type.Integer(),
  purpose: Code(consultingPurposes.codes),
  /** A potential city's application and its call (null for an improvement consulting). */
  applicationId: Nullable(Type.Integer()),
  callId: Nullable(Type.Integer()),
  /** The year of the call in which the city was named potential. */
  callYear: Nullable(Type.Integer()),
  /** The re-designation round that deferred the city (improvement consultings). */
  roundYear: Nullable(Type.Integer()),
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
  /** Improvement consultings: the deferring round beside the next finalised one. */
  improvement: Nullable(Improvement),
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
    purpose: Type.Optional(Code(consultingPurposes.codes)),
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

/** The ministry opens a deferred city's improvement consulting with its consultant. */
export const OpenImprovementBody = Type.Object(
  {
    cityCode: CityCode,
    roundYear: Type.Integer({ minimum: 2020, maximum: 2100, description: 'The re-designation round that deferred the city' }),
    consultantId: Id,
  },
  { additionalProperties: false },
);
export type OpenImprovementBody = Static<typeof OpenImprovementBody>;

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
