/**
 * Designation: the yearly call, applications, the province's endorsement, review, the decision and the
 * consulting year; every city's designation history and the log of every step.
 */
import type { AppModule, ModuleContext } from '../index.ts';
import { acceptsSubmissions, callPhase, maySeeCall } from './calls.rules.ts';
import { callById, callPageHead, currentCall, isEligible, lockCall, rubricOf } from './calls.service.ts';
import { isValidHistory } from './designation.rules.ts';
import { listApplications, lockApplication } from './applications.queries.ts';
import { addAttachment, planYearsOf, saveDraft, startApplication, submit, viewApplication, withdraw } from './applications.service.ts';
import { endorse, rank, returnApplication } from './endorsement.service.ts';
import { transitionsOf } from './transitions.queries.ts';
import { recordTransition } from './transitions.service.ts';
import { appendLog } from './log.queries.ts';
import { findReviewer } from './review.queries.ts';
import { conflictClause, conflictOfInterest } from './review.rules.ts';
import { registerDesignationRoutes } from './designation.routes.ts';
import { improvementsOf } from './consulting.service.ts';

export const designation = {
  name: 'designation',
  register: registerDesignationRoutes,
  pageHead: (path: string, { database }: ModuleContext) => callPageHead(database.db, path),
  transitionsOf,
  recordTransition,
  isValidHistory,
  // What the re-designation evaluation (the evaluation module) shares: the log, appointed reviewers and their conflicts.
  appendLog,
  appointedReviewer: findReviewer,
  conflictOfInterest,
  conflictClause,
  // What the national picture shows beside a city at risk: its latest improvement consulting and the next round's change.
  improvementsOf,
  // The yearly call (calls.*): what the other stages read of it.
  currentCall,
  callById,
  lockCall,
  rubricOf,
  isEligible,
  callPhase,
  acceptsSubmissions,
  maySeeCall,
  // Applications and the province's endorsement (applications.*, endorsement.*): each takes `now`.
  startApplication,
  saveDraft,
  addAttachment,
  submitApplication: submit,
  withdrawApplication: withdraw,
  viewApplication,
  listApplications,
  lockApplication,
  planYearsOf,
  endorse,
  returnApplication,
  rankEndorsed: rank,
} satisfies AppModule & Record<string, unknown>;
