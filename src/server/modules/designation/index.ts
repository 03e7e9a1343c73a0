/**
 * Designation: the yearly call, applications, the province's endorsement, review, the decision and the
 * consulting year; every city's designation history and the log of every step.
 */
import type { AppModule, ModuleContext } from '../index.ts';
import { acceptsSubmissions, callPhase, maySeeCall } from './calls.rules.ts';
import { callById, callPageHead, currentCall, isEligible, lockCall, rubricOf } from './calls.service.ts';
import { isValidHistory } from './designation.rules.ts';
import { transitionsOf } from './transitions.queries.ts';
import { recordTransition } from './transitions.service.ts';
import { registerDesignationRoutes } from './designation.routes.ts';

export const designation = {
  name: 'designation',
  register: registerDesignationRoutes,
  pageHead: (path: string, { database }: ModuleContext) => callPageHead(database.db, path),
  transitionsOf,
  recordTransition,
  isValidHistory,
  // The yearly call (calls.*): what the other stages read of it.
  currentCall,
  callById,
  lockCall,
  rubricOf,
  isEligible,
  callPhase,
  acceptsSubmissions,
  maySeeCall,
} satisfies AppModule & Record<string, unknown>;
