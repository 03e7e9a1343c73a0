/**
 * HTTP of the review and the decision. A reviewer's assignment is looked up before its request is read: whoever may
 * not score it (another reviewer, anyone but the ministry) gets a 404 as for an id that does not exist; the
 * ministry, which knows it exists, a 403. The ministry's routes are guarded by the matrix before anything is read.
 */
import Type from 'typebox';
import type { FastifyRequest } from 'fastify';
import { IdParams, isId, Page, pageRequest } from '../../../shared/contracts/common.ts';
import { CallYearParams } from '../../../shared/contracts/designation-calls.ts';
import {
  AnnounceResult, ApplicationReviews, AssignBody, Assignment, AssignmentListQuery, AssignmentParams, AssignmentSummary, CandidateQuery, DecisionBody,
  DecisionResult, ReviewDetail, ReviewerCandidate, ReviewerParams, ReviewTable, ReviewTableQuery, ScoresBody,
} from '../../../shared/contracts/designation-review.ts';
import { can } from '../../../shared/permissions.ts';
import { authorize, guard, requireActor } from '../../platform/auth/actor.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { ModuleContext } from '../index.ts';
import * as review from './review.service.ts';

const tags = ['designation: review'];
const withConflict = { ...errorResponses, 409: { $ref: 'ErrorBody#' } } as const;

export function registerReviewRoutes(api: Api, { database }: ModuleContext): void {
  const { db } = database;
  const now = () => new Date();

  /** Runs before the body is read or validated (a malformed id is left to validation). */
  const onAssignment = async (request: FastifyRequest) => {
    const actor = requireActor(request);
    const id = Number((request.params as { assignmentId?: string | number }).assignmentId);
    if (!isId(id)) return;
    const owner = await review.assignmentOwner(db, id);
    const scope = { assigned: owner?.reviewerId === actor.personId };
    if (!owner || (!can(actor.grants, 'designation.review.score', scope) && !can(actor.grants, 'designation.review.view'))) {
      throw notFound('The assignment', 'assignmentId');
    }
    authorize(request, 'designation.review.score', scope);
  };

  // ---- The reviewer ---------------------------------------------------------------------------------------

  api.get('/designation/reviews', {
    // The list holds only the caller's own assignments, each of them assigned to them by construction.
    preValidation: guard('designation.review.score', () => ({ assigned: true })),
    schema: {
      tags, summary: 'My assignments as a reviewer: the newest call first, what is still to do first',
      querystring: AssignmentListQuery, response: { 200: Page(AssignmentSummary), ...errorResponses },
    },
  }, (request) => review.myAssignments(db, requireActor(request), { callId: request.query.callId }, pageRequest(request.query)));

  api.get('/designation/reviews/:assignmentId', {
    preValidation: onAssignment,
    schema: {
      tags, summary: "One assignment: the rubric, my scores, and — once I have submitted all of mine in the call — the others' totals",
      params: AssignmentParams, response: { 200: ReviewDetail, ...errorResponses },
    },
  }, (request) => review.reviewDetail(db, request.params.assignmentId, requireActor(request), now()));

  api.put('/designation/reviews/:assignmentId/scores', {
    preValidation: onAssignment,
    schema: {
      tags, summary: 'Save scores as a draft (0 to the item’s points, in half points, each with a comment), during the review days',
      params: AssignmentParams, body: ScoresBody, response: { 200: ReviewDetail, ...withConflict },
    },
  }, (request) => review.saveScores(db, request.params.assignmentId, request.body, requireActor(request), now()));

  api.post('/designation/reviews/:assignmentId/submit', {
    preValidation: onAssignment,
    schema: {
      tags, summary: 'Submit the review: every item scored; final afterwards', params: AssignmentParams, response: { 200: ReviewDetail, ...withConflict },
    },
  }, (request) => review.submitReview(db, request.params.assignmentId, requireActor(request), now()));

  // ---- The ministry ---------------------------------------------------------------------------------------

  api.get('/designation/calls/:year/review', {
    preValidation: guard('designation.review.view'),
    schema: {
      tags, summary: "The review table: each endorsed application's scores by reviewer and area, spread, aggregate by the call's rule, rank against the quota",
      params: CallYearParams, querystring: ReviewTableQuery, response: { 200: ReviewTable, ...errorResponses },
    },
  }, (request) => review.reviewTable(db, request.params.year, request.query, pageRequest(request.query), now()));

  api.get('/designation/applications/:id/reviews', {
    preValidation: guard('designation.review.view'),
    schema: {
      tags, summary: "Every reviewer's submitted scores of an application, item by item with comments",
      params: IdParams, response: { 200: ApplicationReviews, ...errorResponses },
    },
  }, (request) => review.applicationReviews(db, request.params.id));

  api.get('/designation/applications/:id/reviewer-candidates', {
    preValidation: guard('designation.call.manage'),
    schema: {
      tags, summary: 'Appointed reviewers for an application, the least busy first, each with any conflict of interest',
      params: IdParams, querystring: CandidateQuery, response: { 200: Page(ReviewerCandidate), ...errorResponses },
    },
  }, (request) => review.reviewerCandidates(db, request.params.id, request.query.q, pageRequest(request.query)));

  api.post('/designation/applications/:id/reviewers', {
    preValidation: guard('designation.call.manage'),
    schema: {
      tags, summary: 'Assign a reviewer to an endorsed application (409 where they live or work in its province)',
      params: IdParams, body: AssignBody, response: { 201: Assignment, ...withConflict },
    },
  }, async (request, reply) => reply.status(201).send(await review.assignReviewer(db, request.params.id, request.body.reviewerId, requireActor(request), now())));

  api.delete('/designation/applications/:id/reviewers/:reviewerId', {
    preValidation: guard('designation.call.manage'),
    schema: {
      tags, summary: 'Take a reviewer off an application before they submitted', params: ReviewerParams, response: { 204: Type.Null(), ...withConflict },
    },
  }, async (request, reply) => {
    await review.unassignReviewer(db, request.params.id, request.params.reviewerId, requireActor(request), now());
    return reply.status(204).send(null);
  });

  api.post('/designation/applications/:id/decision', {
    preValidation: guard('designation.decide'),
    schema: {
      tags, summary: 'Decide an endorsed application once all its reviews are in: designated, potential or rejected, with a reason for the city',
      params: IdParams, body: DecisionBody, response: { 200: DecisionResult, ...withConflict },
    },
  }, (request) => review.decide(db, request.params.id, request.body, requireActor(request), now()));

  api.post('/designation/calls/:year/announce', {
    preValidation: guard('designation.decide'),
    schema: {
      tags, summary: 'Announce the results once every endorsed application is decided; every city is told its result and reason',
      params: CallYearParams, response: { 200: AnnounceResult, ...withConflict },
    },
  }, (request) => review.announce(db, request.params.year, requireActor(request), now()));
}
