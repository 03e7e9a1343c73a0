/**
 * The review and the decision. The ministry assigns appointed reviewers to the applications the provinces endorsed
 * (never a reviewer who lives or works in the applying city's province); each reviewer scores their assignments
 * item by item, saves drafts and submits once, and sees the other reviewers' scores only after submitting all of
 * theirs in the call. The ministry reads the review table — scores side by side, the spread, the aggregate by the
 * call's rule, the ranking against the quota — and decides each application with a reason for the city; the
 * decision records the city's designation transition (and opens a potential city's consulting year). Announcing
 * closes the call and tells every city its result. Every change locks its row, checks state and timeline there,
 * writes, appends the log and tells whoever it concerns, in one transaction; `now` is a parameter.
 */
import type { PageOf, PageRequest } from '../../../shared/contracts/common.ts';
import type {
  AnnounceResult, ApplicationReviews, Assignment, AssignmentSummary, DecisionBody, DecisionResult, ReviewDetail, ReviewerCandidate,
  ReviewerColumn, ReviewRow, ReviewSort, ReviewState, ReviewTable, ReviewTableQuery, ScoresBody,
} from '../../../shared/contracts/designation-review.ts';
import type { RubricAreaView } from '../../../shared/contracts/designation-calls.ts';
import { withTopicParticle } from '../../../shared/lib/hangul.ts';
import { applicationDecisions, applicationDecisionList, type ApplicationDecision } from '../../../shared/vocabulary/index.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { todayInKorea } from '../../platform/clock.ts';
import type { AppDb, Executor } from '../../platform/database/database.ts';
import { badRequest, conflict, HttpError, notFound } from '../../platform/http/errors.ts';
import { identity, type Recipient } from '../identity/index.ts';
import { notifications, type Message } from '../notifications/index.ts';
import { lockApplication } from './applications.queries.ts';
import type { CallRow } from './calls.queries.ts';
import { callPhase, type Problem } from './calls.rules.ts';
import { callById, currentCall, rubricOf } from './calls.service.ts';
import { openConsulting } from './consulting.service.ts';
import { appendLog } from './log.queries.ts';
import * as queries from './review.queries.ts';
import type { AreaSubtotal, ReviewedApplication } from './review.queries.ts';
import {
  aggregateScores, assigningProblem, conflictClause, conflictOfInterest, cutLine, decidingProblem, rankByScore, scoreAllowed, scoringProblem, spreadOf,
  WIDE_SPREAD_POINTS, type Conflict,
} from './review.rules.ts';
import { recordTransition } from './transitions.service.ts';

const refuse = (problem: Problem) => new HttpError(problem.status, problem.status === 409 ? 'conflict' : 'bad_request', problem.words, problem.field);
const decisionName = (decision: ApplicationDecision) => applicationDecisions.get(decision);
const cityOf = (a: { cityNameKo: string; cityNameEn: string }) => ({ ko: a.cityNameKo, en: a.cityNameEn });

// ---- Reviews in figures ---------------------------------------------------------------------------------

/** One assignment's work: its scores by area (in the rubric's order) and their total; submitted or not. */
interface Review {
  assignmentId: number;
  applicationId: number;
  reviewerId: number;
  displayName: string;
  submitted: boolean;
  scored: number;
  areas: number[];
  total: number;
}

/** The rows of `areaSubtotals` as one review per assignment (in the order assigned). */
function reviewsFrom(subtotals: readonly AreaSubtotal[], rubric: readonly RubricAreaView[]): Review[] {
  const areaIndex = new Map(rubric.map((area, i) => [area.areaNo, i]));
  const reviews = new Map<number, Review>();
  for (const row of subtotals) {
    let review = reviews.get(row.assignmentId);
    if (!review) {
      review = {
        assignmentId: row.assignmentId, applicationId: row.applicationId, reviewerId: row.reviewerId, displayName: row.displayName,
        submitted: row.submitted, scored: 0, areas: rubric.map(() => 0), total: 0,
      };
      reviews.set(row.assignmentId, review);
    }
    if (row.areaNo === null) continue;
    review.scored += row.scored;
    review.areas[areaIndex.get(row.areaNo)!] = row.subtotal ?? 0;
    review.total += row.subtotal ?? 0;
  }
  return [...reviews.values()];
}

/** Items grouped by a key, in their order (Map.groupBy arrives after Node 20). */
function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

const reviewState = (submitted: boolean, scored: number): ReviewState => (submitted ? 'submitted' : scored > 0 ? 'draft' : 'not_started');
const stateOf = (review: Review) => reviewState(review.submitted, review.scored);

/** An application's row of the review table, before it is ranked among the others. */
function rowOf(application: ReviewedApplication, reviews: readonly Review[], call: CallRow): Omit<ReviewRow, 'rank' | 'withinQuota'> {
  const submitted = reviews.filter((r) => r.submitted);
  const aggregate = aggregateScores(submitted.map((r) => ({ key: r.assignmentId, total: r.total, areas: r.areas })), call.aggregation);
  const spread = spreadOf(submitted.map((r) => r.total));
  const reviewers: ReviewerColumn[] = reviews.map((r) => ({
    assignmentId: r.assignmentId, reviewerId: r.reviewerId, displayName: r.displayName, state: stateOf(r), scoredItems: r.scored,
    total: r.submitted ? r.total : null, areas: r.submitted ? r.areas : null,
    counted: r.submitted && !(aggregate?.dropped.includes(r.assignmentId) ?? false),
  }));
  return {
    applicationId: application.applicationId, cityCode: application.cityCode, cityNameKo: application.cityNameKo, cityNameEn: application.cityNameEn,
    provinceCode: application.provinceCode, provinceShortKo: application.provinceShortKo, provinceShortEn: application.provinceShortEn,
    provinceRank: application.provinceRank, status: application.status, reviewers,
    aggregate: aggregate?.score ?? null, areaAggregates: aggregate?.areas ?? null, trimmed: (aggregate?.dropped.length ?? 0) > 0,
    spread, wideSpread: spread !== null && spread.range >= WIDE_SPREAD_POINTS,
    decision: application.decision, decisionReason: application.decisionReason, finalScore: application.finalScore, decidedAt: application.decidedAt,
  };
}

const decisionOrder = (decision: ApplicationDecision | null) => (decision === null ? applicationDecisionList.length : applicationDecisions.codes.indexOf(decision));
/** Unknown values last whichever the order. */
const nullsLast = (a: number | null, b: number | null, direction: number) =>
  a === null ? (b === null ? 0 : 1) : b === null ? -1 : (a - b) * direction;

function sortRows(rows: ReviewRow[], sort: ReviewSort, order: 'asc' | 'desc' | undefined): ReviewRow[] {
  const descendingFirst = sort === 'aggregate' || sort === 'spread';
  const direction = (order ?? (descendingFirst ? 'desc' : 'asc')) === 'asc' ? 1 : -1;
  const byRank = (a: ReviewRow, b: ReviewRow) => nullsLast(a.rank, b.rank, 1) || a.applicationId - b.applicationId;
  const compare: Record<ReviewSort, (a: ReviewRow, b: ReviewRow) => number> = {
    rank: (a, b) => nullsLast(a.rank, b.rank, direction),
    aggregate: (a, b) => nullsLast(a.aggregate, b.aggregate, direction),
    spread: (a, b) => nullsLast(a.spread?.range ?? null, b.spread?.range ?? null, direction),
    city: (a, b) => a.cityNameKo.localeCompare(b.cityNameKo, 'ko') * direction,
    province: (a, b) => (a.provinceCode.localeCompare(b.provinceCode) || nullsLast(a.provinceRank, b.provinceRank, 1)) * direction,
    provinceRank: (a, b) => nullsLast(a.provinceRank, b.provinceRank, direction),
    decision: (a, b) => (decisionOrder(a.decision) - decisionOrder(b.decision)) * direction,
  };
  return [...rows].sort((a, b) => compare[sort](a, b) || byRank(a, b));
}

/** The ministry's table of a call's endorsed applications, ranked; a page of it in the order asked. */
export async function reviewTable(db: Executor, year: number, query: ReviewTableQuery, page: PageRequest, now: Date): Promise<ReviewTable> {
  const call = await currentCall(db, year);
  if (!call) throw notFound('The call', 'year');
  const [rubric, applications, subtotals] = await Promise.all([
    rubricOf(db, call.id), queries.reviewedApplications(db, call.id), queries.areaSubtotals(db, { callId: call.id }),
  ]);
  const reviews = groupBy(reviewsFrom(subtotals, rubric), (r) => r.applicationId);
  const unranked = applications.map((a) => rowOf(a, reviews.get(a.applicationId) ?? [], call));
  const ranks = rankByScore(unranked.map((r) => ({ key: r.applicationId, score: r.aggregate })));
  const rows: ReviewRow[] = unranked.map((r) => {
    const rank = ranks.get(r.applicationId) ?? null;
    return { ...r, rank, withinQuota: rank !== null && rank <= call.quota };
  });
  const decided = rows.filter((r) => r.decision !== null);
  const count = (decision: ApplicationDecision) => decided.filter((r) => r.decision === decision).length;
  const sorted = sortRows(rows, query.sort ?? 'rank', query.order);
  const start = (page.page - 1) * page.pageSize;
  return {
    call: {
      id: call.id, year: call.year, titleKo: call.titleKo, titleEn: call.titleEn, status: call.status, phase: callPhase(call, now),
      quota: call.quota, aggregation: call.aggregation, reviewStartsOn: call.reviewStartsOn, reviewEndsOn: call.reviewEndsOn,
      announcementOn: call.announcementOn, announcedAt: call.announcedAt,
    },
    areas: rubric.map(({ areaNo, titleKo, titleEn, points, items }) => ({ areaNo, titleKo, titleEn, points, items: items.length })),
    counts: {
      applications: rows.length,
      fullyReviewed: rows.filter((r) => r.reviewers.length > 0 && r.reviewers.every((c) => c.state === 'submitted')).length,
      decided: decided.length, designated: count('designated'), potential: count('potential'), rejected: count('rejected'),
    },
    cut: cutLine(rows.map((r) => ({ rank: r.rank, score: r.aggregate })), call.quota),
    mayAnnounce: decidingProblem(call, now) === null && decided.length === rows.length,
    items: sorted.slice(start, start + page.pageSize),
    total: rows.length,
    ...page,
  };
}

/** An application that reached the ministry (endorsed, or decided), or 404. */
async function reviewed(db: Executor, id: number) {
  const application = await queries.reviewedApplication(db, id);
  if (!application || (application.status !== 'endorsed' && application.status !== 'decided')) throw notFound('The application', 'id');
  return application;
}

/** Every reviewer of an application with their submitted scores item by item and their comments (the ministry). */
export async function applicationReviews(db: Executor, id: number): Promise<ApplicationReviews> {
  const application = await reviewed(db, id);
  const [rubric, reviewers, scores] = await Promise.all([rubricOf(db, application.callId), queries.reviewersOf(db, id), queries.submittedScores(db, id)]);
  const byAssignment = groupBy(scores, (s) => s.assignmentId);
  return {
    applicationId: id, cityNameKo: application.cityNameKo, cityNameEn: application.cityNameEn, rubric,
    reviewers: reviewers.map((r) => ({
      assignmentId: r.assignmentId, reviewerId: r.reviewerId, displayName: r.displayName, affiliation: r.affiliation, submittedAt: r.submittedAt,
      state: reviewState(r.submittedAt !== null, r.scored),
      scores: (byAssignment.get(r.assignmentId) ?? []).map(({ rubricItemId, score, comment }) => ({ rubricItemId, score, comment })),
    })),
  };
}

// ---- The reviewer -----------------------------------------------------------------------------------------

/** Whose assignment it is, for the route to decide who may see it; undefined when there is none. */
export const assignmentOwner = (db: Executor, id: number) => queries.assignmentOwner(db, id);

export function myAssignments(db: Executor, actor: Actor, filter: { callId?: number }, page: PageRequest): Promise<PageOf<AssignmentSummary>> {
  return queries.listAssignments(db, actor.personId, filter, page);
}

const submittedAlready = { ko: '제출한 심사는 바꿀 수 없습니다.', en: 'This review has been submitted; it can no longer change.' };

export async function reviewDetail(db: Executor, id: number, actor: Actor, now: Date): Promise<ReviewDetail> {
  const assignment = await queries.findAssignment(db, id);
  if (!assignment) throw notFound('The assignment', 'assignmentId');
  const call = (await callById(db, assignment.callId))!;
  const [rubric, scores, left] = await Promise.all([
    rubricOf(db, call.id), queries.scoresOf(db, id), queries.assignmentsLeft(db, actor.personId, call.id),
  ]);
  const closed = assignment.submittedAt ? submittedAlready : scoringProblem(call, now)?.words ?? null;
  const peersHiddenBecause = !assignment.submittedAt ? 'not_submitted' : left > 0 ? 'assignments_left' : null;
  let peers: ReviewDetail['peers'] = null;
  if (peersHiddenBecause === null) {
    // Other reviewers' submitted totals without names or comments, highest first: nothing that says who gave which.
    const others = reviewsFrom(await queries.areaSubtotals(db, { applicationId: assignment.applicationId }), rubric).filter((r) => r.assignmentId !== id);
    peers = {
      assigned: others.length,
      reviewers: others.filter((r) => r.submitted).map(({ total, areas }) => ({ total, areas })).sort((a, b) => b.total - a.total),
    };
  }
  return {
    assignment,
    call: { year: call.year, titleKo: call.titleKo, titleEn: call.titleEn, phase: callPhase(call, now), reviewStartsOn: call.reviewStartsOn, reviewEndsOn: call.reviewEndsOn },
    rubric, scores, mayScore: closed === null, closedBecause: closed, peers, peersHiddenBecause, assignmentsLeft: left,
  };
}

/** The reviewer's own assignment, locked, while it may still change: not submitted, within the review days. */
async function lockOpenAssignment(tx: Executor, id: number, actor: Actor, now: Date) {
  const assignment = await queries.lockAssignment(tx, id);
  if (!assignment || assignment.reviewerId !== actor.personId) throw notFound('The assignment', 'assignmentId');
  if (assignment.submittedAt) throw conflict(submittedAlready, 'submittedAt');
  const call = (await callById(tx, assignment.callId))!;
  const problem = scoringProblem(call, now);
  if (problem) throw refuse(problem);
  return { assignment, call, rubric: await rubricOf(tx, call.id) };
}

const itemsOf = (rubric: readonly RubricAreaView[]) => rubric.flatMap((area) => area.items);

export async function saveScores(db: AppDb, id: number, body: ScoresBody, actor: Actor, now: Date): Promise<ReviewDetail> {
  await db.transaction(async (tx) => {
    const { assignment, rubric } = await lockOpenAssignment(tx, id, actor, now);
    const items = new Map(itemsOf(rubric).map((item) => [item.id, item]));
    const seen = new Set<number>();
    for (const entry of body.scores) {
      const field = `score.${entry.rubricItemId}`;
      const item = items.get(entry.rubricItemId);
      if (!item) throw badRequest({ ko: '이 공모의 심사 항목이 아닙니다.', en: 'This is not an item of the call’s rubric.' }, field);
      if (seen.has(item.id)) throw badRequest({ ko: `‘${item.titleKo}’ 점수를 두 번 보냈습니다.`, en: `‘${item.titleEn}’ was scored twice.` }, field);
      seen.add(item.id);
      if (!scoreAllowed(entry.score, item.points)) {
        throw badRequest({
          ko: `‘${item.titleKo}’에는 0점부터 ${item.points}점까지 0.5점 단위로 줄 수 있습니다 (보낸 점수: ${entry.score}).`,
          en: `‘${item.titleEn}’ takes 0 to ${item.points} points in half points (sent: ${entry.score}).`,
        }, field);
      }
    }
    await queries.saveScores(tx, assignment, body.scores, now);
  });
  return reviewDetail(db, id, actor, now);
}

export async function submitReview(db: AppDb, id: number, actor: Actor, now: Date): Promise<ReviewDetail> {
  await db.transaction(async (tx) => {
    const { assignment, call, rubric } = await lockOpenAssignment(tx, id, actor, now);
    const scores = await queries.scoresOf(tx, id);
    const scored = new Set(scores.map((s) => s.rubricItemId));
    const missing = itemsOf(rubric).filter((item) => !scored.has(item.id));
    if (missing.length > 0) {
      throw new HttpError(400, 'incomplete', {
        ko: `제출하기 전에 점수를 매길 항목이 ${missing.length}개 있습니다: ${missing.map((m) => m.titleKo).join(', ')}.`,
        en: `${missing.length} ${missing.length === 1 ? 'item needs' : 'items need'} a score before submitting: ${missing.map((m) => m.titleEn).join(', ')}.`,
      }, `score.${missing[0]!.id}`, { missing: missing.map((m) => m.id) });
    }
    await queries.markSubmitted(tx, id, now);
    const total = scores.reduce((sum, s) => sum + s.score, 0);
    await appendLog(tx, {
      at: now,
      actorId: actor.personId, actorName: actor.displayName, step: 'review_submitted', callId: call.id, applicationId: assignment.applicationId,
      cityCode: assignment.cityCode, before: { assignmentId: id, submitted: false }, after: { assignmentId: id, submitted: true, total },
    });
    const reviewers = await queries.reviewersOf(tx, assignment.applicationId);
    if (reviewers.every((r) => r.submittedAt !== null)) {
      const application = (await queries.reviewedApplication(tx, assignment.applicationId))!;
      await notifications.notify(tx, await identity.holdersOf(tx, 'ministry_officer'), {
        kind: 'designation.reviews_complete', cityCode: assignment.cityCode,
        title: {
          ko: `${application.cityNameKo} 심사 완료 (심사위원 ${reviewers.length}명)`,
          en: `All ${reviewers.length} reviews of ${application.cityNameEn} are in`,
        },
        body: { ko: '심사표에서 점수를 보고 결정해 주세요.', en: 'See the scores in the review table and decide.' },
        link: `/designation/calls/${call.year}/review?application=${assignment.applicationId}`,
      });
    }
  });
  return reviewDetail(db, id, actor, now);
}

// ---- Assigning reviewers ----------------------------------------------------------------------------------

/** Appointed reviewers for an application, each with whether a conflict of interest bars them. */
export async function reviewerCandidates(db: Executor, id: number, q: string | undefined, page: PageRequest): Promise<PageOf<ReviewerCandidate>> {
  const application = await reviewed(db, id);
  const found = await queries.reviewerCandidates(db, { id, callId: application.callId }, q, page);
  return {
    ...found,
    items: found.items.map(({ homeCityCode, consultedCityCodes, ...c }) => ({
      ...c, homeProvinceCode: homeCityCode?.slice(0, 2) ?? null,
      conflict: conflictOfInterest({ homeCityCode, worksInProvinceCode: c.worksInProvinceCode, consultedCityCodes }, application),
    })),
  };
}

function conflictOfInterestError(reviewer: { displayName: string }, conflicting: Conflict, application: ReviewedApplication): HttpError {
  const why = conflictClause(conflicting, { provinceKo: application.provinceNameKo, provinceEn: application.provinceNameEn, cityEn: application.cityNameEn });
  return new HttpError(409, 'conflict_of_interest', {
    ko: `${reviewer.displayName} 심사위원은 ${why.ko} ${application.cityNameKo} 신청서를 심사할 수 없습니다 (이해충돌).`,
    en: `${reviewer.displayName} ${why.en} and cannot review its application (conflict of interest).`,
  }, 'reviewerId', { conflict: conflicting, provinceCode: application.provinceCode });
}

/** The application locked for a change of its reviewers: endorsed, undecided, with the review not over. */
async function lockForAssigning(tx: Executor, id: number, now: Date) {
  const locked = await lockApplication(tx, id);
  if (!locked || (locked.status !== 'endorsed' && locked.status !== 'decided')) throw notFound('The application', 'id');
  if (locked.status === 'decided') {
    throw conflict({ ko: '결정을 내린 신청서의 심사위원은 바꿀 수 없습니다.', en: 'The reviewers of a decided application can no longer change.' }, 'status');
  }
  const call = (await callById(tx, locked.callId))!;
  const problem = assigningProblem(call, now);
  if (problem) throw refuse(problem);
  return { call, application: (await queries.reviewedApplication(tx, id))! };
}

export async function assignReviewer(db: AppDb, id: number, reviewerId: number, actor: Actor, now: Date): Promise<Assignment> {
  return db.transaction(async (tx) => {
    const { call, application } = await lockForAssigning(tx, id, now);
    const reviewer = await queries.findReviewer(tx, reviewerId);
    if (!reviewer) {
      throw badRequest({ ko: '교육부가 위촉한 심사위원만 배정할 수 있습니다.', en: 'Only a reviewer the ministry appointed can be assigned.' }, 'reviewerId');
    }
    const conflicting = conflictOfInterest(reviewer, application);
    if (conflicting) throw conflictOfInterestError(reviewer, conflicting, application);
    const assigned = await queries.insertAssignment(tx, { callId: call.id, applicationId: id, cityCode: application.cityCode, reviewerId, assignedBy: actor.personId, now });
    if (!assigned) {
      throw conflict({
        ko: `${reviewer.displayName} 심사위원은 이미 이 신청서에 배정되어 있습니다.`, en: `${reviewer.displayName} is already assigned to this application.`,
      }, 'reviewerId');
    }
    await appendLog(tx, {
      at: now,
      actorId: actor.personId, actorName: actor.displayName, step: 'reviewer_assigned', callId: call.id, applicationId: id, cityCode: application.cityCode,
      after: { assignmentId: assigned.id, reviewerId, reviewerName: reviewer.displayName },
    });
    await notifications.notify(tx, await identity.recipientsByIds(tx, [reviewerId]), {
      kind: 'designation.reviewer_assigned', link: `/designation/reviews/${assigned.id}`,
      title: { ko: `심사 배정: ${application.cityNameKo} (${call.year}년 공모)`, en: `To review: ${application.cityNameEn} (the ${call.year} call)` },
      body: {
        ko: `심사 기간(${call.reviewStartsOn} ~ ${call.reviewEndsOn})에 항목마다 점수를 매기고 제출해 주세요.`,
        en: `Score each item and submit during the review (${call.reviewStartsOn} to ${call.reviewEndsOn}).`,
      },
    });
    return { id: assigned.id, applicationId: id, reviewerId, displayName: reviewer.displayName, assignedAt: assigned.assignedAt };
  });
}

/** Takes a reviewer off an application before they submitted (their draft scores go with the assignment). */
export async function unassignReviewer(db: AppDb, id: number, reviewerId: number, actor: Actor, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const { call, application } = await lockForAssigning(tx, id, now);
    const assignment = await queries.lockAssignmentOf(tx, id, reviewerId);
    if (!assignment) throw notFound('The assignment', 'reviewerId');
    if (assignment.submittedAt) {
      throw conflict({
        ko: `${assignment.displayName} 심사위원은 이미 심사를 제출했습니다. 제출한 심사는 배정을 취소할 수 없습니다.`,
        en: `${assignment.displayName} has submitted their review; a submitted review cannot be unassigned.`,
      }, 'reviewerId');
    }
    await queries.deleteAssignment(tx, assignment.id);
    await appendLog(tx, {
      at: now,
      actorId: actor.personId, actorName: actor.displayName, step: 'reviewer_unassigned', callId: call.id, applicationId: id, cityCode: application.cityCode,
      before: { assignmentId: assignment.id, reviewerId, reviewerName: assignment.displayName, scoredItems: assignment.scored },
    });
    await notifications.notify(tx, await identity.recipientsByIds(tx, [reviewerId]), {
      kind: 'designation.reviewer_unassigned', link: '/designation/reviews',
      title: { ko: `심사 배정 취소: ${application.cityNameKo} (${call.year}년 공모)`, en: `No longer to review: ${application.cityNameEn} (the ${call.year} call)` },
    });
  });
}

// ---- Deciding -------------------------------------------------------------------------------------------

/** Tells each group of people its own message (one after the other: a transaction runs one query at a time). */
async function tell(tx: Executor, messages: readonly { to: () => Promise<Recipient[]>; message: Message }[]): Promise<void> {
  for (const { to, message } of messages) await notifications.notify(tx, await to(), message);
}
const cityOfficers = (tx: Executor, cityCode: string) => () => identity.holdersOf(tx, 'city_officer', { cityCode });
const provinceOfficers = (tx: Executor, provinceCode: string) => () => identity.holdersOf(tx, 'province_officer', { provinceCode });
const cityLink = (cityCode: string) => `/cities/${cityCode}/console/designation`;
const provinceLink = (provinceCode: string, callId: number) => `/designation/province/${provinceCode}?call=${callId}`;

const potentialNote = {
  ko: '예비 평생학습도시로 1년 동안 컨설팅을 받습니다. 컨설턴트가 배정되면 알려 드립니다.',
  en: 'As a potential learning city it has a consulting year; you will be told when its consultant is assigned.',
};

/**
 * The ministry's decision on an endorsed application, once every reviewer assigned to it has submitted: the score
 * by the call's rule becomes its final score, the city's designation state follows (a potential city's consulting
 * year opens), and the city and its province are told, with the reason. The application and then the call are
 * locked, so that of simultaneous decisions one is made and the others find it decided, and designations never
 * pass the quota.
 */
export async function decide(db: AppDb, id: number, body: DecisionBody, actor: Actor, now: Date): Promise<DecisionResult> {
  return db.transaction(async (tx) => {
    const locked = await lockApplication(tx, id);
    if (!locked || (locked.status !== 'endorsed' && locked.status !== 'decided')) throw notFound('The application', 'id');
    const application = (await queries.reviewedApplication(tx, id))!;
    if (application.decision) {
      const made = decisionName(application.decision);
      throw conflict({
        ko: `${application.cityNameKo} 신청서는 이미 ‘${made.ko}’(으)로 결정했습니다. 결정은 한 번만 내립니다.`,
        en: `${application.cityNameEn}'s application has already been decided: ${made.en.toLowerCase()}. A decision is made once.`,
      }, 'decision');
    }
    await queries.lockCall(tx, { id: locked.callId });
    const call = (await callById(tx, locked.callId))!;
    const problem = decidingProblem(call, now);
    if (problem) throw refuse(problem);
    const rubric = await rubricOf(tx, call.id);
    const reviews = reviewsFrom(await queries.areaSubtotals(tx, { applicationId: id }), rubric);
    if (reviews.length === 0) {
      throw conflict({ ko: '배정된 심사위원이 없습니다. 심사위원을 배정하고 심사를 받은 뒤 결정해 주세요.', en: 'No reviewer is assigned; assign reviewers and let them submit first.' }, 'reviewers');
    }
    const waiting = reviews.filter((r) => !r.submitted).map((r) => r.displayName);
    if (waiting.length > 0) {
      throw conflict({
        ko: `아직 심사를 제출하지 않은 심사위원이 있습니다: ${waiting.join(', ')}. 모두 제출하거나 배정을 취소한 뒤 결정해 주세요.`,
        en: `Not every reviewer has submitted: ${waiting.join(', ')}. Decide once they have, or unassign them.`,
      }, 'reviewers');
    }
    if (body.decision === 'designated') {
      const { designated } = await queries.countDecisions(tx, call.id);
      if (designated >= call.quota) {
        throw conflict({
          ko: `${call.year}년 공모의 신규 지정 정원 ${call.quota}곳이 모두 찼습니다. 다른 결정을 내리거나 정원을 확인해 주세요.`,
          en: `The ${call.year} call's quota of ${call.quota} new designations is filled.`,
        }, 'decision');
      }
    }
    const aggregate = aggregateScores(reviews.map((r) => ({ key: r.assignmentId, total: r.total, areas: r.areas })), call.aggregation)!;
    const decidedOn = todayInKorea(now);
    await queries.markDecided(tx, id, { decision: body.decision, reason: body.reason, finalScore: aggregate.score, personId: actor.personId, now });
    await recordTransition(tx, application.cityCode, {
      state: body.decision, year: call.year, occurredOn: decidedOn, reason: body.reason,
      evidence: `${call.year}년 평생학습도시 지정 공모 심사 (종합 ${aggregate.score}점, 심사위원 ${reviews.length}명) · the ${call.year} call's review (score ${aggregate.score}, ${reviews.length} reviewers)`,
    }, actor.personId);
    const consultingId = body.decision === 'potential' ? await openConsulting(tx, { applicationId: id, cityCode: application.cityCode, decidedOn }) : null;
    await appendLog(tx, {
      at: now,
      actorId: actor.personId, actorName: actor.displayName, step: 'application_decided', callId: call.id, applicationId: id, cityCode: application.cityCode,
      before: { status: 'endorsed' }, after: { status: 'decided', decision: body.decision, finalScore: aggregate.score, consultingId }, reason: body.reason,
    });
    const made = decisionName(body.decision);
    const city = cityOf(application);
    const reason = {
      ko: `결정 사유: ${body.reason}${body.decision === 'potential' ? `\n${potentialNote.ko}` : ''}`,
      en: `The ministry's reason: ${body.reason}${body.decision === 'potential' ? `\n${potentialNote.en}` : ''}`,
    };
    const title = { ko: `${call.year}년 평생학습도시 지정 공모: ${withTopicParticle(city.ko)} ‘${made.ko}’`, en: `The ${call.year} learning city call: ${city.en} — ${made.en.toLowerCase()}` };
    await tell(tx, [
      { to: cityOfficers(tx, application.cityCode), message: { kind: 'designation.application_decided', title, body: reason, link: cityLink(application.cityCode), cityCode: application.cityCode } },
      {
        to: provinceOfficers(tx, application.provinceCode),
        message: { kind: 'designation.application_decided', title, body: reason, link: provinceLink(application.provinceCode, call.id), cityCode: application.cityCode },
      },
    ]);
    return { applicationId: id, decision: body.decision, decisionReason: body.reason, finalScore: aggregate.score, decidedAt: now.toISOString(), consultingId };
  });
}

/**
 * Announces a call's results once every endorsed application is decided: the call is closed (no decision changes
 * after), and every city that applied is told its result and reason, and every province its cities' results.
 */
export async function announce(db: AppDb, year: number, actor: Actor, now: Date): Promise<AnnounceResult> {
  return db.transaction(async (tx) => {
    const callId = await queries.lockCall(tx, { year });
    const call = callId === undefined ? undefined : await callById(tx, callId);
    if (!call || call.status === 'draft') throw notFound('The call', 'year');
    const problem = decidingProblem(call, now);
    if (problem) throw refuse(problem);
    const counts = await queries.countDecisions(tx, call.id);
    if (counts.endorsed > 0) {
      const waiting = await queries.undecidedCities(tx, call.id);
      throw conflict({
        ko: `아직 결정하지 않은 신청서가 ${waiting.length}건 있습니다: ${waiting.map((w) => w.cityNameKo).join(', ')}.`,
        en: `${waiting.length} ${waiting.length === 1 ? 'application is' : 'applications are'} still undecided: ${waiting.map((w) => w.cityNameEn).join('; ')}.`,
      }, 'decision');
    }
    await queries.markAnnounced(tx, call.id, actor.personId, now);
    const { endorsed: _none, ...results } = counts;
    await appendLog(tx, {
      at: now,
      actorId: actor.personId, actorName: actor.displayName, step: 'call_announced', callId: call.id,
      before: { status: call.status }, after: { status: 'announced', announcedAt: now.toISOString(), ...results },
    });
    const decided = await queries.decidedApplications(tx, call.id);
    const title = { ko: `${call.year}년 평생학습도시 지정 공모 결과 발표`, en: `The results of the ${call.year} learning city call are out` };
    const line = (a: (typeof decided)[number]) => ({
      ko: `${a.cityNameKo}: ${decisionName(a.decision).ko} — ${a.decisionReason ?? ''}`,
      en: `${a.cityNameEn}: ${decisionName(a.decision).en.toLowerCase()} — ${a.decisionReason ?? ''}`,
    });
    const messages: { to: () => Promise<Recipient[]>; message: Message }[] = decided.map((a) => ({
      to: cityOfficers(tx, a.cityCode),
      message: { kind: 'designation.call_announced', title, body: line(a), link: cityLink(a.cityCode), cityCode: a.cityCode },
    }));
    for (const [provinceCode, ofProvince] of groupBy(decided, (a) => a.provinceCode)) {
      const lines = ofProvince.map(line);
      messages.push({
        to: provinceOfficers(tx, provinceCode),
        message: { kind: 'designation.call_announced', title, body: { ko: lines.map((l) => l.ko).join('\n'), en: lines.map((l) => l.en).join('\n') }, link: provinceLink(provinceCode, call.id) },
      });
    }
    await tell(tx, messages);
    return { year: call.year, announcedAt: now.toISOString(), ...results };
  });
}
