/** Identity: people, their roles, and login sessions. */
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/database/database.ts';
import type { AppModule } from '../index.ts';
import {
  addMember, changeMemberRole, countMembersIn, findSessionPerson, holdersOf, insertRoleGrant, memberByEmail, memberOf, membersOf,
  recipientByEmail, recipientsByIds, removeMember,
} from './identity.queries.ts';
import { registerIdentityRoutes } from './identity.routes.ts';
import { residentAtDesk } from './identity.service.ts';

export const identity = {
  name: 'identity',
  register: registerIdentityRoutes,
  resolveSession: (db: Executor, tokenHash: string): Promise<Actor | null> => findSessionPerson(db, tokenHash),
  holdersOf,
  recipientsByIds,
  recipientByEmail,
  insertRoleGrant,
  /** The resident a centre's staff act for: found by email, or a new record from name and year of birth. */
  residentAtDesk,
  /** Roles within an institution, one per person: the colleagues module decides, these write. */
  members: { list: membersOf, find: memberOf, findByEmail: memberByEmail, count: countMembersIn, add: addMember, changeRole: changeMemberRole, remove: removeMember },
} satisfies AppModule & Record<string, unknown>;

export { hashPassword } from '../../platform/auth/password.ts';
export { findApplicant, insertPerson, insertRoleGrant, type InstitutionMember, type Recipient } from './identity.queries.ts';
