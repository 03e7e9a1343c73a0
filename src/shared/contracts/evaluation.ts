/**
 * The re-designation evaluation (재지정평가): the frame of a year (areas → fields → items, each with its points and
 * source, and the thresholds of the outcomes), the cohort of cities due, and the round that scores them.
 */
import Type, { type Static } from 'typebox';
import {
  cohortGroups, designationStates, evaluationOutcomes, evaluationSources, indicators, itemStates, roundStatuses,
} from '../vocabulary/index.ts';
import { CityCode, Code, Id, MAX_INT, Nullable, PageQuery } from './common.ts';

const Text = (maxLength: number, minLength = 0) => Type.String({ minLength, maxLength });
const Version = Type.Integer({ minimum: 1, maximum: MAX_INT, description: 'The version you edited' });
export const EvaluationYear = Type.Integer({ minimum: 2020, maximum: 2100 });
export const YearParams = Type.Object({ year: EvaluationYear });
export const YearCityParams = Type.Object({ year: EvaluationYear, code: CityCode });
const Share = Type.Number({ minimum: 0, maximum: 1, description: 'A share of the item’s points, 0 to 1' });

// ---- The frame ------------------------------------------------------------------------------------------

/** Steps of an indicator's value: the highest step the value reaches gives its share (below every step: none). */
export const ThresholdsRule = Type.Object({
  kind: Type.Literal('thresholds'),
  steps: Type.Array(Type.Object({ from: Type.Number({ minimum: -1e12, maximum: 1e12 }), share: Share }, { additionalProperties: false }), { minItems: 1, maxItems: 10 }),
}, { additionalProperties: false });
/** Bands of rank within the cohort: a city in the best `top` share of the cohort gets the band's share (beyond every band: none). */
export const RankRule = Type.Object({
  kind: Type.Literal('rank'),
  bands: Type.Array(Type.Object({ top: Type.Number({ exclusiveMinimum: 0, maximum: 1 }), share: Share }, { additionalProperties: false }), { minItems: 1, maxItems: 10 }),
}, { additionalProperties: false });
export const ScoringRule = Type.Union([ThresholdsRule, RankRule]);
export type ScoringRule = Static<typeof ScoringRule>;

export const FrameItem = Type.Object({
  /** Stable within the frame: scores, evidence and objections refer to it. */
  code: Type.String({ pattern: '^[a-z0-9][a-z0-9_.-]{0,39}$', description: 'A short code, e.g. g1 or outcomes.3' }),
  titleKo: Text(300, 1),
  titleEn: Text(300, 1),
  guidanceKo: Text(4000),
  guidanceEn: Text(4000),
  points: Type.Number({ minimum: 0.5, maximum: 100, multipleOf: 0.5 }),
  source: Code(evaluationSources.codes),
  /** For an indicator item: which of the city console's indicators. */
  indicatorId: Type.Optional(Code(indicators.codes)),
  /** For an indicator item (its value) and a survey item (the mean answer, 1 to 5). */
  rule: Type.Optional(ScoringRule),
}, { additionalProperties: false });
export type FrameItem = Static<typeof FrameItem>;

export const FrameField = Type.Object({
  titleKo: Text(200, 1),
  titleEn: Text(200, 1),
  items: Type.Array(FrameItem, { minItems: 1, maxItems: 20 }),
}, { additionalProperties: false });
export type FrameField = Static<typeof FrameField>;

export const FrameArea = Type.Object({
  titleKo: Text(200, 1),
  titleEn: Text(200, 1),
  fields: Type.Array(FrameField, { minItems: 1, maxItems: 10 }),
}, { additionalProperties: false });
export type FrameArea = Static<typeof FrameArea>;

export const frameTerms = {
  titleKo: Text(200, 1),
  titleEn: Text(200, 1),
  /** A total below this many points (of 100) is deferred (유예). */
  deferredBelow: Type.Number({ minimum: 0, maximum: 100 }),
  /** The best this share of the cohort (that passed) is excellent (우수). */
  excellentShare: Type.Number({ minimum: 0, maximum: 0.5 }),
  /** Days from the preliminary result in which a city may object (이의신청). */
  objectionDays: Type.Integer({ minimum: 1, maximum: 60 }),
  areas: Type.Array(FrameArea, { minItems: 1, maxItems: 10 }),
};
/** A frame as the ministry writes it: every item's points together make 100. */
export const FrameContent = Type.Object(frameTerms, { additionalProperties: false });
export type FrameContent = Static<typeof FrameContent>;

export const FrameBody = Type.Object({ ...frameTerms, version: Version }, { additionalProperties: false });
export type FrameBody = Static<typeof FrameBody>;

export const FrameView = Type.Object({
  year: Type.Integer(),
  ...frameTerms,
  version: Type.Integer(),
  /** A round of this year has opened with it: it can no longer change. */
  locked: Type.Boolean(),
  /** Where the frame came from: the year copied, or null for the default. */
  copiedFrom: Nullable(Type.Integer()),
  updatedAt: Type.String(),
  updatedByName: Nullable(Type.String()),
});
export type FrameView = Static<typeof FrameView>;

export const FrameSummary = Type.Object({
  year: Type.Integer(),
  titleKo: Type.String(),
  titleEn: Type.String(),
  items: Type.Integer(),
  locked: Type.Boolean(),
  updatedAt: Type.String(),
});
export type FrameSummary = Static<typeof FrameSummary>;

export const FrameListQuery = Type.Object(PageQuery, { additionalProperties: false });

// ---- The cohort -----------------------------------------------------------------------------------------

/** A city as lists name it: a municipality's name alone is not unique (중구, 동구…). */
const cityNames = {
  cityCode: Type.String(),
  cityNameKo: Type.String(),
  cityNameEn: Type.String(),
  provinceShortKo: Type.String(),
  provinceShortEn: Type.String(),
};

export const CohortCity = Type.Object({
  ...cityNames,
  group: Code(cohortGroups.codes),
  state: Code(designationStates.codes),
  designatedYear: Type.Integer(),
  /** The round year it fell due; earlier than the cohort's year when a round was missed. */
  dueYear: Type.Integer(),
  /** Why it is due: designated 4 years ago, 3 years after its last round, deferred last year… */
  reasonKo: Type.String(),
  reasonEn: Type.String(),
});
export type CohortCity = Static<typeof CohortCity>;

export const CohortQuery = Type.Object({
  group: Type.Optional(Code(cohortGroups.codes)),
  ...PageQuery,
}, { additionalProperties: false });
export type CohortQuery = Static<typeof CohortQuery>;

export const Cohort = Type.Object({
  year: Type.Integer(),
  counts: Type.Object({ total: Type.Integer(), metropolitan: Type.Integer(), province_city: Type.Integer(), province_county: Type.Integer() }),
  /** The round of this year, if it has opened (its cities are those it opened with). */
  roundStatus: Nullable(Code(roundStatuses.codes)),
  items: Type.Array(CohortCity),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type Cohort = Static<typeof Cohort>;

// ---- The round ------------------------------------------------------------------------------------------

export const OpenRoundBody = Type.Object({
  /** The year whose indicators are scored (by default the year before the round's). */
  evaluatedYear: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
}, { additionalProperties: false });
export type OpenRoundBody = Static<typeof OpenRoundBody>;

export const RoundSummary = Type.Object({
  year: Type.Integer(),
  evaluatedYear: Type.Integer(),
  status: Code(roundStatuses.codes),
  cities: Type.Integer(),
  openedAt: Type.String(),
  preliminaryAt: Nullable(Type.String()),
  objectionsUntil: Nullable(Type.String()),
  finalisedAt: Nullable(Type.String()),
});
export type RoundSummary = Static<typeof RoundSummary>;

/** An item's score for a city, with where it came from and why. */
export const ItemResult = Type.Object({
  code: Type.String(),
  source: Code(evaluationSources.codes),
  points: Type.Number(),
  state: Code(itemStates.codes),
  score: Nullable(Type.Number()),
  /** The indicator's value (or the survey's mean) it was scored from, and when that was computed. */
  value: Nullable(Type.Number()),
  valueAt: Nullable(Type.String()),
  /** For a rank rule: the city's rank and the cohort's size. */
  rank: Nullable(Type.Integer()),
  of: Nullable(Type.Integer()),
  reasonKo: Type.String(),
  reasonEn: Type.String(),
});
export type ItemResult = Static<typeof ItemResult>;

export const CityScore = Type.Object({
  areas: Type.Array(Type.Object({ titleKo: Type.String(), titleEn: Type.String(), points: Type.Number(), score: Type.Number() })),
  total: Type.Number(),
  /** Every item scored (none waits for reviewers or a survey). */
  complete: Type.Boolean(),
  items: Type.Array(ItemResult),
});
export type CityScore = Static<typeof CityScore>;

export const RoundCityRow = Type.Object({
  ...cityNames,
  group: Code(cohortGroups.codes),
  stateBefore: Code(designationStates.codes),
  total: Type.Number(),
  complete: Type.Boolean(),
  rank: Type.Integer(),
  /** What the scores say now (or said at the preliminary result / at the end). */
  proposed: Code(evaluationOutcomes.codes),
  outcome: Nullable(Code(evaluationOutcomes.codes)),
  reviewers: Type.Integer(),
  reviewsSubmitted: Type.Integer(),
  selfAssessed: Type.Integer(),
  evidenceFiles: Type.Integer(),
  objection: Nullable(Type.Object({ filedAt: Type.String(), answered: Type.Boolean() })),
  /** The consulting this round's deferral opened for the city, if any (the latest, open or closed). */
  consultingId: Nullable(Type.Integer()),
});
export type RoundCityRow = Static<typeof RoundCityRow>;

export const RoundView = Type.Object({
  ...RoundSummary.properties,
  frame: Type.Object({ titleKo: Type.String(), titleEn: Type.String(), deferredBelow: Type.Number(), excellentShare: Type.Number(), objectionDays: Type.Integer() }),
  items: Type.Array(RoundCityRow),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type RoundView = Static<typeof RoundView>;

export const RoundQuery = Type.Object({ group: Type.Optional(Code(cohortGroups.codes)), ...PageQuery }, { additionalProperties: false });

export const EvidenceFile = Type.Object({
  id: Type.Integer(),
  itemCode: Type.String(),
  fileName: Type.String(),
  byteSize: Type.Integer(),
  addedAt: Type.String(),
});
export type EvidenceFile = Static<typeof EvidenceFile>;

export const CityRoundView = Type.Object({
  year: Type.Integer(),
  evaluatedYear: Type.Integer(),
  status: Code(roundStatuses.codes),
  cityCode: Type.String(),
  cityNameKo: Type.String(),
  cityNameEn: Type.String(),
  stateBefore: Code(designationStates.codes),
  frame: FrameContent,
  selfAssessments: Type.Array(Type.Object({ itemCode: Type.String(), text: Type.String(), updatedAt: Type.String() })),
  evidence: Type.Array(EvidenceFile),
  /** The scores with reasons: shown to the city from the preliminary result on (null before). */
  result: Nullable(CityScore),
  proposed: Nullable(Code(evaluationOutcomes.codes)),
  outcome: Nullable(Code(evaluationOutcomes.codes)),
  objectionsUntil: Nullable(Type.String()),
  mayObject: Type.Boolean(),
  objection: Nullable(Type.Object({
    itemCode: Nullable(Type.String()),
    text: Type.String(),
    filedAt: Type.String(),
    answer: Nullable(Type.String()),
    revisedScore: Nullable(Type.Number()),
    answeredAt: Nullable(Type.String()),
    answeredByName: Nullable(Type.String()),
  })),
  /** The city may still submit evidence and self-assessments (the round is open). */
  mayEdit: Type.Boolean(),
});
export type CityRoundView = Static<typeof CityRoundView>;

export const SelfAssessmentBody = Type.Object({
  itemCode: Type.String({ minLength: 1, maxLength: 40 }),
  text: Text(4000, 1),
}, { additionalProperties: false });
export type SelfAssessmentBody = Static<typeof SelfAssessmentBody>;

export const EvidenceUploadQuery = Type.Object({
  itemCode: Type.String({ minLength: 1, maxLength: 40 }),
  name: Text(255, 1),
}, { additionalProperties: false });

export const EvidenceParams = Type.Object({ year: EvaluationYear, code: CityCode, fileId: Id });

export const ObjectionBody = Type.Object({
  itemCode: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 40 }))),
  text: Text(4000, 10),
}, { additionalProperties: false });
export type ObjectionBody = Static<typeof ObjectionBody>;

export const ObjectionAnswerBody = Type.Object({
  answer: Text(4000, 5),
  /** For an objection to an item reviewers score: the answering reviewer's new score for it, if it changes. */
  revisedScore: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 100, multipleOf: 0.5 }))),
}, { additionalProperties: false });
export type ObjectionAnswerBody = Static<typeof ObjectionAnswerBody>;

export const AssignEvaluationReviewerBody = Type.Object({ reviewerId: Id }, { additionalProperties: false });

export const EvaluationAssignment = Type.Object({
  id: Type.Integer(),
  year: Type.Integer(),
  cityCode: Type.String(),
  cityNameKo: Type.String(),
  cityNameEn: Type.String(),
  reviewerId: Type.Integer(),
  displayName: Type.String(),
  submittedAt: Nullable(Type.String()),
  roundStatus: Code(roundStatuses.codes),
  /** The city objected and no reviewer has answered yet. */
  objectionWaiting: Type.Boolean(),
});
export type EvaluationAssignment = Static<typeof EvaluationAssignment>;

export const EvaluationAssignmentListQuery = Type.Object(PageQuery, { additionalProperties: false });
export const EvaluationAssignmentParams = Type.Object({ assignmentId: Id });

export const EvaluationReviewView = Type.Object({
  assignment: EvaluationAssignment,
  evaluatedYear: Type.Integer(),
  /** The items reviewers score, with the city's self-assessment and evidence beside each. */
  items: Type.Array(Type.Object({
    code: Type.String(),
    areaKo: Type.String(),
    areaEn: Type.String(),
    titleKo: Type.String(),
    titleEn: Type.String(),
    guidanceKo: Type.String(),
    guidanceEn: Type.String(),
    source: Code(evaluationSources.codes),
    points: Type.Number(),
    selfAssessment: Nullable(Type.String()),
    evidence: Type.Array(EvidenceFile),
    score: Nullable(Type.Number()),
    comment: Type.String(),
  })),
  mayScore: Type.Boolean(),
  objection: CityRoundView.properties.objection,
});
export type EvaluationReviewView = Static<typeof EvaluationReviewView>;

export const EvaluationScoresBody = Type.Object({
  scores: Type.Array(Type.Object({
    itemCode: Type.String({ minLength: 1, maxLength: 40 }),
    score: Type.Number({ minimum: 0, maximum: 100, multipleOf: 0.5 }),
    comment: Text(4000),
  }, { additionalProperties: false }), { maxItems: 100 }),
}, { additionalProperties: false });
export type EvaluationScoresBody = Static<typeof EvaluationScoresBody>;

export const CityRoundSummary = Type.Object({
  year: Type.Integer(),
  status: Code(roundStatuses.codes),
  proposed: Nullable(Code(evaluationOutcomes.codes)),
  outcome: Nullable(Code(evaluationOutcomes.codes)),
});
export type CityRoundSummary = Static<typeof CityRoundSummary>;

export const FinaliseResult = Type.Object({
  year: Type.Integer(),
  finalisedAt: Type.String(),
  counts: Type.Object({ redesignated: Type.Integer(), excellent: Type.Integer(), deferred: Type.Integer(), revoked: Type.Integer() }),
});
export type FinaliseResult = Static<typeof FinaliseResult>;
