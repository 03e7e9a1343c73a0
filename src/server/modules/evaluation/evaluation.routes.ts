/**
 * HTTP of the re-designation evaluation. The ministry's routes are guarded by the matrix before anything is read. A
 * city's evaluation is looked up with who asks: its own officers, the ministry and the reviewers assigned to it
 * see it; a reviewer's assignment is found before its request is read, and whoever it is not theirs gets a 404.
 */
import Type, { type TSchema } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { CityParams } from '../../../shared/contracts/cities.ts';
import { isId, Page, PageQuery, pageRequest } from '../../../shared/contracts/common.ts';
import {
  AssignEvaluationReviewerBody, CityRoundSummary, CityRoundView, Cohort, CohortQuery, EvaluationAssignment, EvaluationAssignmentListQuery,
  EvaluationAssignmentParams, EvaluationReviewView, EvaluationScoresBody, EvidenceParams, EvidenceUploadQuery, FinaliseResult, FrameBody, FrameListQuery,
  FrameSummary, FrameView, ObjectionAnswerBody, ObjectionBody, OpenRoundBody, RoundQuery, RoundSummary, RoundView, SelfAssessmentBody, YearCityParams, YearParams,
} from '../../../shared/contracts/evaluation.ts';
import { can, type Permission } from '../../../shared/permissions.ts';
import { authorize, cityInPath, guard, requireActor } from '../../platform/auth/actor.ts';
import { documentUploads, uploadBy } from '../../platform/files/uploads.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { ModuleContext } from '../index.ts';
import { cohortOf } from './cohort.service.ts';
import * as frames from './frames.service.ts';
import * as round from './round.service.ts';

const tags = ['evaluation'];
const withConflict = { ...errorResponses, 409: { $ref: 'ErrorBody#' } } as const;
const manageFrames = guard('evaluation.frame.manage');
const manageRounds = guard('evaluation.round.manage');
/** Where survey items get their means (round.service.ts, SurveyMeans). */
const survey = round.residentsSurvey;

export function registerEvaluationRoutes(api: Api, { database }: ModuleContext): void {
  const { db } = database;
  const now = () => new Date();

  // ---- The frame ----------------------------------------------------------------------------------------

  api.get('/evaluation/frames', {
    preValidation: manageFrames,
    schema: { tags, summary: 'The evaluation frames by year, newest first', querystring: FrameListQuery, response: { 200: Page(FrameSummary), ...errorResponses } },
  }, (request) => frames.listFrames(db, pageRequest(request.query)));

  api.post('/evaluation/frames/:year', {
    preValidation: manageFrames,
    schema: {
      tags, summary: "Make a year's frame as a copy of the latest year before (or the default frame)",
      params: YearParams, response: { 201: FrameView, ...withConflict },
    },
  }, async (request, reply) => reply.status(201).send(await frames.createFrame(db, requireActor(request), request.params.year, now())));

  api.get('/evaluation/frames/:year', {
    preValidation: manageFrames,
    schema: { tags, summary: 'A frame: areas → fields → items with points, sources and rules; the deferred and excellent thresholds', params: YearParams, response: { 200: FrameView, ...errorResponses } },
  }, (request) => frames.frameView(db, request.params.year));

  api.put('/evaluation/frames/:year', {
    preValidation: manageFrames,
    schema: {
      tags, summary: "Replace a frame (points add up to 100; send the version you edited); fixed once the year's round opens",
      params: YearParams, body: FrameBody, response: { 200: FrameView, ...withConflict },
    },
  }, (request) => frames.saveFrame(db, requireActor(request), request.params.year, request.body, now()));

  // ---- Cohorts and rounds (the ministry) ------------------------------------------------------------------

  api.get('/evaluation/cohorts/:year', {
    preValidation: manageRounds,
    schema: {
      tags, summary: "The cities due in a year by their designation history, by the ministry's groups (once the round opened: its cities)",
      params: YearParams, querystring: CohortQuery, response: { 200: Cohort, ...errorResponses },
    },
  }, (request) => cohortOf(db, request.params.year, request.query));

  api.get('/evaluation/rounds', {
    preValidation: manageRounds,
    schema: { tags, summary: 'The rounds, newest first', querystring: Type.Object(PageQuery, { additionalProperties: false }), response: { 200: Page(RoundSummary), ...errorResponses } },
  }, (request) => round.listRounds(db, pageRequest(request.query)));

  api.post('/evaluation/rounds/:year', {
    preValidation: manageRounds,
    schema: {
      tags, summary: "Open a year's round over the cohort due (the year's frame must exist)",
      params: YearParams, body: OpenRoundBody, response: { 201: RoundSummary, ...withConflict },
    },
  }, async (request, reply) => reply.status(201).send(await round.openRound(db, requireActor(request), request.params.year, request.body, now())));

  api.get('/evaluation/rounds/:year', {
    preValidation: manageRounds,
    schema: {
      tags, summary: "A round's progress: every city's score now (or as finalised), the outcome it points to, the work done",
      params: YearParams, querystring: RoundQuery, response: { 200: RoundView, ...errorResponses },
    },
  }, (request) => round.roundView(db, request.params.year, request.query, pageRequest(request.query), survey));

  api.post('/evaluation/rounds/:year/preliminary', {
    preValidation: manageRounds,
    schema: { tags, summary: "Publish the preliminary results with each item's reasons (every city's reviews in); objections open", params: YearParams, response: { 200: RoundSummary, ...withConflict } },
  }, (request) => round.publishPreliminary(db, requireActor(request), request.params.year, now(), survey));

  api.post('/evaluation/rounds/:year/finalise', {
    preValidation: manageRounds,
    schema: {
      tags, summary: 'Finalise after the objection days, every objection answered: each outcome through the designation state machine',
      params: YearParams, response: { 200: FinaliseResult, ...withConflict },
    },
  }, (request) => round.finalise(db, requireActor(request), request.params.year, now(), survey));

  api.get('/evaluation/rounds/:year/cities/:code/reviewers', {
    preValidation: manageRounds,
    schema: {
      tags, summary: "The reviewers assigned to a city's evaluation", params: YearCityParams, querystring: Type.Object(PageQuery, { additionalProperties: false }),
      response: { 200: Page(EvaluationAssignment), ...errorResponses },
    },
  }, (request) => round.assignmentsOfCity(db, request.params.year, request.params.code, pageRequest(request.query)));

  api.post('/evaluation/rounds/:year/cities/:code/reviewers', {
    preValidation: manageRounds,
    schema: {
      tags, summary: "Assign an appointed reviewer to a city of the open round (409 where they live or work in its province)",
      params: YearCityParams, body: AssignEvaluationReviewerBody, response: { 201: EvaluationAssignment, ...withConflict },
    },
  }, async (request, reply) =>
    reply.status(201).send(await round.assignReviewer(db, requireActor(request), request.params.year, request.params.code, request.body.reviewerId, now())));

  // ---- A city's evaluation ----------------------------------------------------------------------------------

  /** The city's scope, with whether the asking reviewer is assigned to it (looked up only for reviewers). */
  const onCity = (permission: Permission) => async (request: FastifyRequest) => {
    const actor = requireActor(request);
    const { year, code } = request.params as { year?: string | number; code?: string };
    const assigned = actor.grants.some((g) => g.role === 'reviewer') && typeof code === 'string' && isId(Number(year))
      ? await round.isAssigned(db, Number(year), code, actor.personId)
      : false;
    authorize(request, permission, { cityCode: code ?? '', assigned });
  };

  api.get('/evaluation/cities/:code/rounds', {
    preValidation: guard('evaluation.city.view', cityInPath),
    schema: { tags, summary: 'The rounds a city was in, newest first', params: CityParams, querystring: Type.Object(PageQuery, { additionalProperties: false }), response: { 200: Page(CityRoundSummary), ...errorResponses } },
  }, (request) => round.roundsOfCity(db, request.params.code, pageRequest(request.query)));

  api.get('/evaluation/rounds/:year/cities/:code', {
    preValidation: onCity('evaluation.city.view'),
    schema: {
      tags, summary: "A city's evaluation: the frame, indicator items as scored now, its self-assessments and evidence; from the preliminary result on, every item's score and reason; its objection",
      params: YearCityParams, response: { 200: CityRoundView, ...errorResponses },
    },
  }, (request) => round.cityRoundView(db, request.params.year, request.params.code,
    can(requireActor(request).grants, 'evaluation.city.submit', { cityCode: request.params.code }), now(), survey));

  const cityViewAfter = async (request: FastifyRequest & { params: { year: number; code: string } }, work: Promise<void>) => {
    await work;
    return round.cityRoundView(db, request.params.year, request.params.code, true, now(), survey);
  };

  api.put('/evaluation/rounds/:year/cities/:code/self-assessments', {
    preValidation: onCity('evaluation.city.submit'),
    schema: { tags, summary: "Save the city's self-assessment of an item (while the round is open)", params: YearCityParams, body: SelfAssessmentBody, response: { 200: CityRoundView, ...withConflict } },
  }, (request) => cityViewAfter(request, round.saveSelfAssessment(db, requireActor(request), request.params.year, request.params.code, request.body, now())));

  // Evidence is bytes, not JSON: any body up to 20 MB, in its own scope; who may upload is known before it is read.
  documentUploads(api, (upload) => {
    upload.post('/evaluation/rounds/:year/cities/:code/evidence', {
      ...uploadBy(onCity('evaluation.city.submit')),
      schema: {
        tags, summary: "Upload a document as evidence of an item: its bytes as the body, the item and its name in the query (PDF, HWP, HWPX, XLSX, DOCX, PNG, JPEG; at most 20 MB)",
        params: YearCityParams, querystring: EvidenceUploadQuery, consumes: ['application/octet-stream'],
        response: { 200: CityRoundView, ...withConflict, 413: { $ref: 'ErrorBody#' }, 415: { $ref: 'ErrorBody#' } },
      },
    }, async (request) => {
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      return cityViewAfter(request, round.uploadEvidence(db, requireActor(request), request.params.year, request.params.code, { itemCode: request.query.itemCode, fileName: request.query.name, bytes }));
    });
  });

  api.get('/evaluation/rounds/:year/cities/:code/evidence/:fileId', {
    preValidation: onCity('evaluation.city.view'),
    schema: { tags, summary: 'A document of evidence, as uploaded', params: EvidenceParams, response: { 200: Type.Unsafe<TSchema>({ type: 'string', format: 'binary' }), ...errorResponses } },
  }, (request, reply) => round.downloadEvidence(db, request.params.year, request.params.code, request.params.fileId, reply));

  api.post('/evaluation/rounds/:year/cities/:code/objection', {
    preValidation: onCity('evaluation.city.submit'),
    schema: { tags, summary: 'Object to the preliminary result (once, within the frame’s days), to one item or the whole', params: YearCityParams, body: ObjectionBody, response: { 200: CityRoundView, ...withConflict } },
  }, (request) => cityViewAfter(request, round.fileObjection(db, requireActor(request), request.params.year, request.params.code, request.body, now())));

  // ---- The reviewer -----------------------------------------------------------------------------------------

  /** Runs before the body is read: an assignment that is not the asker's is a 404 (a malformed id is left to validation). */
  const onAssignment = async (request: FastifyRequest) => {
    const actor = requireActor(request);
    const id = Number((request.params as { assignmentId?: string | number }).assignmentId);
    if (!isId(id)) return;
    const owner = await round.assignmentOwner(db, id);
    if (!owner || owner.reviewerId !== actor.personId) throw notFound('The assignment', 'assignmentId');
    authorize(request, 'evaluation.review.score', { assigned: true });
  };

  api.get('/evaluation/reviews', {
    // Only the caller's own assignments, each assigned to them by construction.
    preValidation: guard('evaluation.review.score', () => ({ assigned: true })),
    schema: { tags, summary: 'My evaluation assignments, newest round first', querystring: EvaluationAssignmentListQuery, response: { 200: Page(EvaluationAssignment), ...errorResponses } },
  }, (request) => round.myAssignments(db, requireActor(request), pageRequest(request.query)));

  api.get('/evaluation/reviews/:assignmentId', {
    preValidation: onAssignment,
    schema: { tags, summary: "One assignment: the items reviewers score with the city's self-assessment and evidence, my scores, the objection", params: EvaluationAssignmentParams, response: { 200: EvaluationReviewView, ...errorResponses } },
  }, (request) => round.reviewView(db, request.params.assignmentId));

  api.put('/evaluation/reviews/:assignmentId/scores', {
    preValidation: onAssignment,
    schema: { tags, summary: 'Save scores as a draft (0 to the item’s points, in half points) while the round is open', params: EvaluationAssignmentParams, body: EvaluationScoresBody, response: { 200: EvaluationReviewView, ...withConflict } },
  }, (request) => round.saveReviewScores(db, request.params.assignmentId, request.body, requireActor(request), now()));

  api.post('/evaluation/reviews/:assignmentId/submit', {
    preValidation: onAssignment,
    schema: { tags, summary: 'Submit the review: every item scored; final afterwards', params: EvaluationAssignmentParams, response: { 200: EvaluationReviewView, ...withConflict } },
  }, (request) => round.submitReview(db, request.params.assignmentId, requireActor(request), now()));

  api.post('/evaluation/reviews/:assignmentId/objection-answer', {
    preValidation: onAssignment,
    schema: { tags, summary: "Answer the city's objection (once), revising my score of the item it names if it changes", params: EvaluationAssignmentParams, body: ObjectionAnswerBody, response: { 200: EvaluationReviewView, ...withConflict } },
  }, (request) => round.answerObjection(db, request.params.assignmentId, request.body, requireActor(request), now()));
}
