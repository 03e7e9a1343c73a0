/**
 * Designation: the yearly call, applications, the province's endorsement, review, the decision and the
 * consulting year; every city's designation history and the log of every step.
 */
import type { AppModule } from '../index.ts';
import { isValidHistory } from './designation.rules.ts';
import { transitionsOf } from './transitions.queries.ts';
import { recordTransition } from './transitions.service.ts';
import { registerDesignationRoutes } from './designation.routes.ts';

export const designation = {
  name: 'designation',
  register: registerDesignationRoutes,
  transitionsOf,
  recordTransition,
  isValidHistory,
} satisfies AppModule & Record<string, unknown>;
