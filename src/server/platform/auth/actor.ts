/**
 * The person making a request, resolved from their session cookie, and the one place where
 * permissions are enforced (`authorize`). Routes call `authorize`; services receive the actor.
 */
import type { FastifyRequest } from 'fastify';
import { can, residentOf, type Grant, type Permission, type Scope } from '../../../shared/permissions.ts';
import type { Locale, RoleCode } from '../../../shared/vocabulary/index.ts';
import { forbidden, unauthorized, type Words } from '../http/errors.ts';

export interface ActorGrant extends Grant {
  /** Display name of the scope (city or institution), for menus. */
  scopeName: string | null;
  scopeNameEn: string | null;
}

export interface Actor {
  personId: number;
  displayName: string;
  email: string;
  locale: Locale;
  homeCityCode: string | null;
  grants: ActorGrant[];
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}

/** Throws 401 when nobody is logged in, 403 when the actor's roles do not allow this here. */
export function authorize(request: FastifyRequest, permission: Permission, scope: Scope = {}): Actor {
  const actor = requireActor(request);
  if (!can(actor.grants, permission, scope)) throw forbidden();
  return actor;
}

export function hasRole(actor: Actor | null, role: RoleCode): boolean {
  return actor?.grants.some((grant) => grant.role === role) ?? false;
}

/**
 * `authorize` as a hook that runs before the request is validated, so that someone who may not act here
 * gets a 401/403 rather than a description of what a valid request would look like.
 */
export function guard(permission: Permission, scopeOf: (request: FastifyRequest) => Scope = () => ({})) {
  return async (request: FastifyRequest) => {
    authorize(request, permission, scopeOf(request));
  };
}

/** `requireActor` as a hook before validation: whoever is not logged in hears that first (401), not what a valid request is. */
export async function mustLogIn(request: FastifyRequest): Promise<void> {
  requireActor(request);
}

/** The scope of routes under /cities/:code. */
export const cityInPath = (request: FastifyRequest): Scope => ({ cityCode: (request.params as { code?: string }).code ?? '' });

/** The scope of routes under /institutions/:id (read before validation: a malformed id matches nobody's institution). */
export const institutionInPath = (request: FastifyRequest): Scope => ({ institutionId: Number((request.params as { id?: string }).id) });

/** A resident acts in their own city (the home on their account: proposing, joining, volunteering); else 403 in the module's words. */
export function requireResidentOf(actor: Actor, cityCode: string, refusal: Words): void {
  if (!residentOf(actor.homeCityCode, cityCode)) throw forbidden(refusal);
}

/**
 * `requireResidentOf` for the city of the path, before validation, as `guard` is for a permission: someone elsewhere
 * hears 401 or 403 before anything about the request or the city.
 */
export const residentInPath = (refusal: Words) => async (request: FastifyRequest) => {
  requireResidentOf(requireActor(request), cityInPath(request).cityCode ?? '', refusal);
};
