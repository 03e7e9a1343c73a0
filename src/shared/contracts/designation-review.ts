/**
 * The review of a call's endorsed applications and the ministry's decision: reviewers' assignments and scores, the
 * ministry's review table (scores side by side, spread, aggregate, ranking against the quota), assigning reviewers
 * (never where there is a conflict of interest), the decision on each application and the announcement of results.
 */
import Type, { type Static } from 'typebox';
import { applicationDecisions, applicationStatuses, callPhases, callStatuses, scoreAggregations } from '../vocabulary/index.ts';
import { Code, Id, Localised, Nullable, pageQuery, PageQuery } from './common.ts';
import { RubricAreaView } from './designation-calls.ts';

const Moment = Type.String({ format: 'date-time' });
const Day = Type.String({ format: 'date' });
const Points = Type.Number({ description: 'Points of 100' });

export const AssignmentParams = Type.Object({ assignmentId: Id });
export const ReviewerParams = Type.Object({ id: Id, reviewerId: Id });

/** Where a reviewer's work on one application stands. */
export const reviewStates = ['not_started', 'draft', 'submitted'] as const;
export type ReviewState = (typeof reviewStates)[number];

// ---- The reviewer ------------------------------------------------------------------------------------

export const AssignmentListQuery = Type.Object({
  ...PageQuery,
  callId: Type.Optional(Id),
}, { additionalProperties: false });

export const AssignmentSummary = Type.Object({
  id: Type.Integer({ description: 'The assignment' }),
  callId: Type.Integer(),
  callYear: Type.Integer(),
  applicationId: Type.Integer(),
  cityCode: Type.String(),
  cityNameKo: Type.String(),
  cityNameEn: Type.String(),
  provinceCode: Type.String(),
  state: Code(reviewStates),
  scoredItems: Type.Integer(),
  totalItems: Type.Integer(),
  /** The sum of the scores given so far. */
  total: Nullable(Points),
  submittedAt: Nullable(Moment),
  reviewStartsOn: Day,
  reviewEndsOn: Day,
});
export type AssignmentSummary = Static<typeof AssignmentSummary>;

export const ScoreView = Type.Object({
  rubricItemId: Type.Integer(),
  score: Points,
  comment: Type.String(),
});
export type ScoreView = Static<typeof ScoreView>;

/** Another reviewer's submitted scores as a reviewer sees them once all theirs are in: no name, no comments. */
export const PeerReview = Type.Object({
  total: Points,
  areas: Type.Array(Points, { description: 'By rubric area, in order' }),
});

/** Why a reviewer does not see the others' scores yet. */
export const peersHiddenReasons = ['not_submitted', 'assignments_left'] as const;

export const ReviewDetail = Type.Object({
  assignment: AssignmentSummary,
  call: Type.Object({
    year: Type.Integer(), titleKo: Type.String(), titleEn: Type.String(), phase: Code(callPhases.codes), reviewStartsOn: Day, reviewEndsOn: Day,
  }),
  rubric: Type.Array(RubricAreaView),
  scores: Type.Array(ScoreView),
  /** Whether scores may be saved and submitted now (not submitted, within the review days). */
  mayScore: Type.Boolean(),
  /** When they may not: why. */
  closedBecause: Nullable(Localised),
  /** The other reviewers' submitted scores of this application, once this reviewer submitted every review of the call. */
  peers: Nullable(Type.Object({ reviewers: Type.Array(PeerReview), assigned: Type.Integer() })),
  peersHiddenBecause: Nullable(Code(peersHiddenReasons)),
  /** This reviewer's reviews in the call still to submit. */
  assignmentsLeft: Type.Integer(),
});
export type ReviewDetail = Static<typeof ReviewDetail>;

export const ScoreEntry = Type.Object({
  rubricItemId: Id,
  score: Type.Number({ minimum: 0, maximum: 100, multipleOf: 0.5, description: "From 0 to the item's points, in half points" }),
  comment: Type.String({ maxLength: 4000 }),
}, { additionalProperties: false });

/** Scores to save as a draft (any of the rubric's items; the others stay as they were). */
export const ScoresBody = Type.Object({
  scores: Type.Array(ScoreEntry, { minItems: 1, maxItems: 200 }),
}, { additionalProperties: false });
export type ScoresBody = Static<typeof ScoresBody>;

// ---- The ministry's review table --------------------------------------------------------------------

export const reviewSorts = ['rank', 'city', 'province', 'provinceRank', 'aggregate', 'spread', 'decision'] as const;
export type ReviewSort = (typeof reviewSorts)[number];

export const ReviewTableQuery = Type.Object({
  ...pageQuery(100, 100),
  sort: Type.Optional(Code(reviewSorts, 'rank (default), or a column')),
  order: Type.Optional(Code(['asc', 'desc'] as const)),
}, { additionalProperties: false });
export type ReviewTableQuery = Static<typeof ReviewTableQuery>;

export const ReviewerColumn = Type.Object({
  assignmentId: Type.Integer(),
  reviewerId: Type.Integer(),
  displayName: Type.String(),
  state: Code(reviewStates),
  scoredItems: Type.Integer(),
  /** Submitted reviews only: a draft is the reviewer's until they submit it. */
  total: Nullable(Points),
  areas: Nullable(Type.Array(Points)),
  /** False when the trimmed mean leaves this total out. */
  counted: Type.Boolean(),
});
export type ReviewerColumn = Static<typeof ReviewerColumn>;

export const ReviewRow = Type.Object({
  applicationId: Type.Integer(),
  cityCode: Type.String(),
  cityNameKo: Type.String(),
  cityNameEn: Type.String(),
  provinceCode: Type.String(),
  provinceShortKo: Type.String(),
  provinceShortEn: Type.String(),
  /** The province's own order among the applications it endorsed. */
  provinceRank: Nullable(Type.Integer()),
  status: Code(applicationStatuses.codes),
  reviewers: Type.Array(ReviewerColumn),
  /** The score by the call's rule, from submitted reviews. */
  aggregate: Nullable(Points),
  areaAggregates: Nullable(Type.Array(Points)),
  trimmed: Type.Boolean({ description: 'The highest and lowest totals were left out' }),
  spread: Nullable(Type.Object({ range: Points, sd: Points })),
  /** Reviewers disagree by 20 points or more. */
  wideSpread: Type.Boolean(),
  rank: Nullable(Type.Integer({ description: 'Among the call’s applications by aggregate; equal scores share a rank' })),
  withinQuota: Type.Boolean(),
  decision: Nullable(Code(applicationDecisions.codes)),
  decisionReason: Nullable(Type.String()),
  finalScore: Nullable(Points),
  decidedAt: Nullable(Moment),
});
export type ReviewRow = Static<typeof ReviewRow>;

export const ReviewTable = Type.Object({
  call: Type.Object({
    id: Type.Integer(), year: Type.Integer(), titleKo: Type.String(), titleEn: Type.String(), status: Code(callStatuses.codes),
    phase: Code(callPhases.codes), quota: Type.Integer(), aggregation: Code(scoreAggregations.codes),
    reviewStartsOn: Day, reviewEndsOn: Day, announcementOn: Day, announcedAt: Nullable(Type.String()),
  }),
  areas: Type.Array(Type.Object({ areaNo: Type.Integer(), titleKo: Type.String(), titleEn: Type.String(), points: Type.Integer(), items: Type.Integer() })),
  counts: Type.Object({
    applications: Type.Integer(), fullyReviewed: Type.Integer(), decided: Type.Integer(),
    designated: Type.Integer(), potential: Type.Integer(), rejected: Type.Integer(),
  }),
  /** Where the quota cuts the ranking: the suggestion, not the decision. */
  cut: Type.Object({ quota: Type.Integer(), within: Type.Integer(), score: Nullable(Points), tie: Type.Boolean() }),
  mayAnnounce: Type.Boolean(),
  items: Type.Array(ReviewRow),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type ReviewTable = Static<typeof ReviewTable>;

/** Every reviewer's scores of one application, item by item with their comments (the ministry). */
export const ApplicationReviews = Type.Object({
  applicationId: Type.Integer(),
  cityNameKo: Type.String(),
  cityNameEn: Type.String(),
  rubric: Type.Array(RubricAreaView),
  reviewers: Type.Array(Type.Object({
    assignmentId: Type.Integer(),
    reviewerId: Type.Integer(),
    displayName: Type.String(),
    affiliation: Type.String(),
    state: Code(reviewStates),
    submittedAt: Nullable(Moment),
    /** Submitted reviews only. */
    scores: Type.Array(ScoreView),
  })),
});
export type ApplicationReviews = Static<typeof ApplicationReviews>;

// ---- Assigning reviewers ----------------------------------------------------------------------------

export const CandidateQuery = Type.Object({
  ...PageQuery,
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Part of a name or affiliation' })),
}, { additionalProperties: false });

export const ReviewerCandidate = Type.Object({
  personId: Type.Integer(),
  displayName: Type.String(),
  affiliation: Type.String(),
  homeProvinceCode: Nullable(Type.String()),
  worksInProvinceCode: Nullable(Type.String()),
  /** Lives or works in the applying city's province, or has been the city's consultant: cannot be assigned. */
  conflict: Nullable(Type.Object({ lives: Type.Boolean(), works: Type.Boolean(), consulted: Type.Boolean() })),
  assigned: Type.Boolean(),
  /** Applications of the same call already assigned to them. */
  assignmentsInCall: Type.Integer(),
});
export type ReviewerCandidate = Static<typeof ReviewerCandidate>;

export const AssignBody = Type.Object({ reviewerId: Id }, { additionalProperties: false });
export type AssignBody = Static<typeof AssignBody>;

export const Assignment = Type.Object({
  id: Type.Integer(), applicationId: Type.Integer(), reviewerId: Type.Integer(), displayName: Type.String(), assignedAt: Moment,
});
export type Assignment = Static<typeof Assignment>;

// ---- Deciding and announcing -----------------------------------------------------------------------

export const DecisionBody = Type.Object({
  decision: Code(applicationDecisions.codes),
  reason: Type.String({ minLength: 5, maxLength: 4000, description: 'Published to the city with the decision' }),
}, { additionalProperties: false });
export type DecisionBody = Static<typeof DecisionBody>;

export const DecisionResult = Type.Object({
  applicationId: Type.Integer(),
  decision: Code(applicationDecisions.codes),
  decisionReason: Type.String(),
  finalScore: Points,
  decidedAt: Moment,
  /** The consulting year opened for a potential city. */
  consultingId: Nullable(Type.Integer()),
});
export type DecisionResult = Static<typeof DecisionResult>;

export const AnnounceResult = Type.Object({
  year: Type.Integer(),
  announcedAt: Moment,
  designated: Type.Integer(),
  potential: Type.Integer(),
  rejected: Type.Integer(),
});
export type AnnounceResult = Static<typeof AnnounceResult>;
