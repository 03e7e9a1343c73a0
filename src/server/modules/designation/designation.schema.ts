/**
 * Designation (domain.md §2): the ministry's yearly call with its rubric, cities' applications and their
 * attachments, the province's endorsement, reviewers' scores, the decision, the consulting year of potential
 * cities, every city's designation history (its transitions), and the append-only log of every step.
 */
import { sql } from 'drizzle-orm';
import {
  bigint, check, date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, timestamp, unique, uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  applicationDecisions, applicationStatuses, attachmentPurposes, callStatuses, consultingPurposes, consultingRecommendations, designationStates,
  designationSteps, expertKinds, milestoneKinds, milestoneStatuses, scoreAggregations,
  type ApplicationDecision, type ApplicationStatus, type AttachmentPurpose, type CallStatus, type ConsultingPurpose, type ConsultingRecommendation,
  type DesignationState, type DesignationStep, type ExpertKind, type MilestoneKind, type MilestoneStatus, type ScoreAggregation,
} from '../../../shared/vocabulary/index.ts';
import { checkIn, createdAt } from '../../platform/database/columns.ts';
import { storedFiles } from '../../platform/files/files.schema.ts';
import { municipalities, provinces } from '../geography/geography.schema.ts';
import { people } from '../identity/identity.schema.ts';
// The deferred city's row of the round that deferred it, which an improvement consulting is tied to.
import { evaluationRoundCities } from '../evaluation/evaluation.schema.ts';

const version = () => integer().notNull().default(1);
const updatedAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/** The current state of a city is its latest transition; each one is the outcome of a step of the process. */
export const designationTransitions = pgTable(
  'designation_transitions',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    cityCode: text().notNull().references(() => municipalities.code),
    state: text().$type<DesignationState>().notNull(),
    /** The designation year the transition belongs to (the ministry's annual call). */
    year: integer().notNull(),
    occurredOn: date({ mode: 'string' }).notNull(),
    reason: text().notNull().default(''),
    evidence: text().notNull().default(''),
    recordedBy: integer().references(() => people.id),
    recordedAt: createdAt(),
  },
  (t) => [
    index().on(t.cityCode, t.occurredOn),
    checkIn('designation_transitions_state_check', t.state, designationStates.codes),
  ],
);

/** The yearly call (공모): one per year. Deadlines are instants (Korean time as entered), review and announcement days. */
export const designationCalls = pgTable(
  'designation_calls',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    year: integer().notNull().unique(),
    status: text().$type<CallStatus>().notNull().default('draft'),
    titleKo: text().notNull(),
    titleEn: text().notNull(),
    noticeKo: text().notNull().default(''),
    noticeEn: text().notNull().default(''),
    opensAt: timestamp({ withTimezone: true }).notNull(),
    submissionDeadline: timestamp({ withTimezone: true }).notNull(),
    endorsementDeadline: timestamp({ withTimezone: true }).notNull(),
    reviewStartsOn: date({ mode: 'string' }).notNull(),
    reviewEndsOn: date({ mode: 'string' }).notNull(),
    announcementOn: date({ mode: 'string' }).notNull(),
    /** A city whose designation was revoked may apply again after this many years. */
    revokedWaitYears: smallint().notNull().default(2),
    /** New designations the ministry intends to make. */
    quota: integer().notNull(),
    /** Grant to each newly designated city, in won. */
    grantKrw: bigint({ mode: 'number' }).notNull(),
    aggregation: text().$type<ScoreAggregation>().notNull().default('mean'),
    createdBy: integer().references(() => people.id),
    createdAt: createdAt(),
    publishedAt: timestamp({ withTimezone: true }),
    announcedAt: timestamp({ withTimezone: true }),
    version: version(),
    updatedAt: updatedAt(),
    updatedBy: integer().references(() => people.id),
  },
  (t) => [
    checkIn('designation_calls_status_check', t.status, callStatuses.codes),
    checkIn('designation_calls_aggregation_check', t.aggregation, scoreAggregations.codes),
    check('designation_calls_timeline_check', sql`${t.opensAt} < ${t.submissionDeadline} AND ${t.submissionDeadline} <= ${t.endorsementDeadline}
      AND (${t.endorsementDeadline} AT TIME ZONE 'Asia/Seoul')::date <= ${t.reviewStartsOn}
      AND ${t.reviewStartsOn} <= ${t.reviewEndsOn} AND ${t.reviewEndsOn} <= ${t.announcementOn}`),
    check('designation_calls_numbers_check', sql`${t.quota} >= 1 AND ${t.grantKrw} >= 0 AND ${t.revokedWaitYears} BETWEEN 0 AND 20
      AND ${t.year} BETWEEN 2001 AND 2100`),
  ],
);

/** The rubric of a call as data: areas → items, each with its points and guidance for reviewers. */
export const callRubricItems = pgTable(
  'call_rubric_items',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    callId: integer().notNull().references(() => designationCalls.id, { onDelete: 'cascade' }),
    areaNo: smallint().notNull(),
    areaKo: text().notNull(),
    areaEn: text().notNull(),
    itemNo: smallint().notNull(),
    titleKo: text().notNull(),
    titleEn: text().notNull(),
    guidanceKo: text().notNull().default(''),
    guidanceEn: text().notNull().default(''),
    points: smallint().notNull(),
  },
  (t) => [
    unique('call_rubric_items_position_unique').on(t.callId, t.areaNo, t.itemNo),
    check('call_rubric_items_points_check', sql`${t.points} BETWEEN 1 AND 100 AND ${t.areaNo} >= 1 AND ${t.itemNo} >= 1`),
  ],
);

/** A city's application to a call. Its sections are a JSON document validated by the shared contract. */
export const designationApplications = pgTable(
  'designation_applications',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    callId: integer().notNull().references(() => designationCalls.id),
    cityCode: text().notNull().references(() => municipalities.code),
    provinceCode: text().notNull().references(() => provinces.code),
    status: text().$type<ApplicationStatus>().notNull().default('draft'),
    content: jsonb().notNull().default(sql`'{}'::jsonb`),
    version: version(),
    createdAt: createdAt(),
    createdBy: integer().references(() => people.id),
    updatedAt: updatedAt(),
    updatedBy: integer().references(() => people.id),
    submittedAt: timestamp({ withTimezone: true }),
    submittedBy: integer().references(() => people.id),
    endorsedAt: timestamp({ withTimezone: true }),
    endorsedBy: integer().references(() => people.id),
    returnedAt: timestamp({ withTimezone: true }),
    returnReason: text(),
    /** The province's order among the applications it endorsed (1 = first). */
    provinceRank: smallint(),
    decision: text().$type<ApplicationDecision>(),
    decisionReason: text(),
    /** The aggregated score when the decision was made (reviewers' scores stay with their assignments). */
    finalScore: numeric({ precision: 6, scale: 2 }),
    decidedAt: timestamp({ withTimezone: true }),
    decidedBy: integer().references(() => people.id),
  },
  (t) => [
    unique('designation_applications_call_city_unique').on(t.callId, t.cityCode),
    unique('designation_applications_rank_unique').on(t.callId, t.provinceCode, t.provinceRank),
    index().on(t.callId, t.provinceCode, t.status),
    index().on(t.cityCode),
    checkIn('designation_applications_status_check', t.status, applicationStatuses.codes),
    check('designation_applications_decision_check', sql`(${t.decision} IS NULL OR ${t.decision} IN (${sql.raw(applicationDecisions.codes.map((c) => `'${c}'`).join(', '))}))
      AND ((${t.status} = 'decided') = (${t.decision} IS NOT NULL))`),
    check('designation_applications_province_check', sql`left(${t.cityCode}, 2) = ${t.provinceCode}`),
    check('designation_applications_rank_check', sql`${t.provinceRank} IS NULL OR (${t.provinceRank} >= 1 AND ${t.status} IN ('endorsed', 'decided'))`),
  ],
);

/** Every saved state of an application's sections (autosaves included), so a city can see what it wrote when. */
export const applicationVersions = pgTable(
  'application_versions',
  {
    applicationId: integer().notNull().references(() => designationApplications.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    cityCode: text().notNull(),
    content: jsonb().notNull(),
    savedBy: integer().references(() => people.id),
    savedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.version] })],
);

export const applicationAttachments = pgTable(
  'application_attachments',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    applicationId: integer().notNull().references(() => designationApplications.id, { onDelete: 'cascade' }),
    cityCode: text().notNull(),
    purpose: text().$type<AttachmentPurpose>().notNull(),
    fileId: integer().notNull().references(() => storedFiles.id),
    addedBy: integer().references(() => people.id),
    addedAt: createdAt(),
  },
  (t) => [index().on(t.applicationId), checkIn('application_attachments_purpose_check', t.purpose, attachmentPurposes.codes)],
);

/** Reviewers and consultants the ministry appointed, with where they work (for conflicts of interest). */
export const designationExperts = pgTable(
  'designation_experts',
  {
    personId: integer().notNull().references(() => people.id),
    kind: text().$type<ExpertKind>().notNull(),
    affiliation: text().notNull().default(''),
    /** The 시·도 they work in, if any: they may not review applications from it. */
    worksInProvinceCode: text().references(() => provinces.code),
    appointedBy: integer().references(() => people.id),
    appointedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.kind] }), checkIn('designation_experts_kind_check', t.kind, expertKinds.codes)],
);

export const reviewerAssignments = pgTable(
  'reviewer_assignments',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    callId: integer().notNull().references(() => designationCalls.id),
    applicationId: integer().notNull().references(() => designationApplications.id),
    cityCode: text().notNull(),
    reviewerId: integer().notNull().references(() => people.id),
    assignedBy: integer().references(() => people.id),
    assignedAt: createdAt(),
    /** Once submitted, the scores are final and the reviewer may see the others'. */
    submittedAt: timestamp({ withTimezone: true }),
  },
  (t) => [unique('reviewer_assignments_unique').on(t.applicationId, t.reviewerId), index().on(t.reviewerId, t.callId)],
);

export const reviewScores = pgTable(
  'review_scores',
  {
    assignmentId: integer().notNull().references(() => reviewerAssignments.id, { onDelete: 'cascade' }),
    rubricItemId: integer().notNull().references(() => callRubricItems.id),
    cityCode: text().notNull(),
    score: numeric({ precision: 5, scale: 1 }).notNull(),
    comment: text().notNull().default(''),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.rubricItemId] }), check('review_scores_score_check', sql`${t.score} >= 0`)],
);

/**
 * A consulting year: of a potential city (one per potential application), or of a city a re-designation round
 * deferred (purpose 'improvement', tied to that round's row of the city; at most one open per city and round).
 */
export const consultings = pgTable(
  'consultings',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    purpose: text().$type<ConsultingPurpose>().notNull().default('potential'),
    applicationId: integer().unique().references(() => designationApplications.id),
    /** The round that deferred the city (improvement consultings). */
    roundYear: integer(),
    cityCode: text().notNull().references(() => municipalities.code),
    consultantId: integer().references(() => people.id),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }).notNull(),
    recommendation: text().$type<ConsultingRecommendation>(),
    recommendationReason: text(),
    recommendedAt: timestamp({ withTimezone: true }),
    /** The ministry's word at the end: designated or rejected (a potential city), closed (an improvement consulting). */
    decision: text().$type<'designated' | 'rejected' | 'closed'>(),
    decisionReason: text(),
    decidedAt: timestamp({ withTimezone: true }),
    decidedBy: integer().references(() => people.id),
  },
  (t) => [
    index().on(t.consultantId),
    index().on(t.cityCode),
    checkIn('consultings_purpose_check', t.purpose, consultingPurposes.codes),
    check('consultings_purpose_ties_check', sql`(${t.purpose} = 'potential' AND ${t.applicationId} IS NOT NULL AND ${t.roundYear} IS NULL)
      OR (${t.purpose} = 'improvement' AND ${t.applicationId} IS NULL AND ${t.roundYear} IS NOT NULL)`),
    foreignKey({ name: 'consultings_round_city_fk', columns: [t.roundYear, t.cityCode], foreignColumns: [evaluationRoundCities.roundYear, evaluationRoundCities.cityCode] }).onDelete('restrict'),
    uniqueIndex('consultings_open_improvement_unique').on(t.cityCode, t.roundYear).where(sql`${t.purpose} = 'improvement' AND ${t.decision} IS NULL`),
    check('consultings_recommendation_check', sql`${t.recommendation} IS NULL OR ${t.recommendation} IN (${sql.raw(consultingRecommendations.codes.map((c) => `'${c}'`).join(', '))})`),
    check('consultings_decision_check', sql`${t.decision} IS NULL OR (${t.purpose} = 'potential' AND ${t.decision} IN ('designated', 'rejected'))
      OR (${t.purpose} = 'improvement' AND ${t.decision} = 'closed')`),
    check('consultings_period_check', sql`${t.startsOn} < ${t.endsOn}`),
  ],
);

export const consultingMilestones = pgTable(
  'consulting_milestones',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    consultingId: integer().notNull().references(() => consultings.id, { onDelete: 'cascade' }),
    cityCode: text().notNull(),
    kind: text().$type<MilestoneKind>().notNull(),
    dueOn: date({ mode: 'string' }).notNull(),
    status: text().$type<MilestoneStatus>().notNull().default('open'),
    cityNote: text().notNull().default(''),
    fileId: integer().references(() => storedFiles.id),
    submittedAt: timestamp({ withTimezone: true }),
    submittedBy: integer().references(() => people.id),
    feedback: text().notNull().default(''),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewedBy: integer().references(() => people.id),
    version: version(),
  },
  (t) => [
    unique('consulting_milestones_kind_unique').on(t.consultingId, t.kind),
    checkIn('consulting_milestones_kind_check', t.kind, milestoneKinds.codes),
    checkIn('consulting_milestones_status_check', t.status, milestoneStatuses.codes),
  ],
);

/**
 * Every step, appended and never changed: triggers refuse UPDATE, DELETE and TRUNCATE (migration 0014).
 * Who is kept by id and by name as it was, so the log reads the same after an account is gone.
 */
export const designationLog = pgTable(
  'designation_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: integer(),
    actorName: text().notNull(),
    step: text().$type<DesignationStep>().notNull(),
    callId: integer(),
    applicationId: integer(),
    cityCode: text(),
    before: jsonb(),
    after: jsonb(),
    reason: text().notNull().default(''),
  },
  (t) => [
    index().on(t.callId, t.occurredAt),
    index().on(t.cityCode, t.occurredAt),
    index().on(t.occurredAt),
    checkIn('designation_log_step_check', t.step, designationSteps.codes),
  ],
);
