/** Identity: people, their roles, and login sessions. */
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/database/database.ts';
import type { AppModule } from '../index.ts';
import { findSessionPerson, holdersOf, insertRoleGrant, recipientsByIds } from './identity.queries.ts';
import { registerIdentityRoutes } from './identity.routes.ts';

export const identity = {
  name: 'identity',
  register: registerIdentityRoutes,
  resolveSession: (db: Executor, tokenHash: string): Promise<Actor | null> => findSessionPerson(db, tokenHash),
  holdersOf,
  recipientsByIds,
  insertRoleGrant,
} satisfies AppModule & Record<string, unknown>;

export { hashPassword } from '../../platform/auth/password.ts';
export { findApplicant, insertPerson, insertRoleGrant, type Recipient } from './identity.queries.ts';
