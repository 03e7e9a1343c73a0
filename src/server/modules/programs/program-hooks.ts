/** Hooks other modules put before validation on their routes under /programs/:id. */
import type { FastifyRequest } from 'fastify';
import { isId } from '../../../shared/contracts/common.ts';
import { requireActor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/database/database.ts';
import { managedProgram } from './programs.service.ts';

/** Before the body is validated: only whoever manages the program of the path learns anything about a request about it. */
export const managingProgramInPath = (db: Executor) => async (request: FastifyRequest) => {
  const id = Number((request.params as { id?: string }).id);
  if (isId(id)) await managedProgram(db, requireActor(request), id);
};
