/**
 * An institution's colleagues: who works there in which role, invitations by email (a link that works once,
 * for a limited time), and the append-only log of every change.
 */
import Type, { type Static } from 'typebox';
import { colleagueChanges, institutionRoles, INVITATION_LIFETIME_DAYS } from '../vocabulary/index.ts';
import { Code, Id, Nullable } from './common.ts';

const InstitutionRole = Code(institutionRoles.codes);

export const Colleague = Type.Object({
  personId: Type.Integer(),
  displayName: Type.String(),
  email: Type.String(),
  role: InstitutionRole,
  /** When they took this role. */
  since: Type.String({ format: 'date-time' }),
});
export type Colleague = Static<typeof Colleague>;

export const ColleagueParams = Type.Object({ id: Id, personId: Id });
export const InvitationParams = Type.Object({ id: Id, invitationId: Id });

export const ChangeRoleBody = Type.Object({ role: InstitutionRole }, { additionalProperties: false });
export type ChangeRoleBody = Static<typeof ChangeRoleBody>;

export const InviteBody = Type.Object(
  { email: Type.String({ format: 'email', maxLength: 254 }), role: InstitutionRole },
  { additionalProperties: false },
);
export type InviteBody = Static<typeof InviteBody>;

/** An invitation as its institution's managers see it (never its link, which only the invitee's email carries). */
export const InvitationView = Type.Object({
  id: Type.Integer(),
  email: Type.String(),
  role: InstitutionRole,
  invitedByName: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  /** Past its time without being accepted: invite again to send a new link. */
  expired: Type.Boolean(),
});
export type InvitationView = Static<typeof InvitationView>;

/** The answer to an invitation just sent: the link too, once, for a manager who hands it over another way. */
export const InvitationSent = Type.Object({
  ...InvitationView.properties,
  link: Type.String({ description: `The invitation link (works once, for ${INVITATION_LIFETIME_DAYS} days); it is not kept and not shown again` }),
});
export type InvitationSent = Static<typeof InvitationSent>;

/** The secret of an invitation link, sent in a body (not in an address, which logs and histories keep). */
export const InvitationTokenBody = Type.Object(
  { token: Type.String({ minLength: 43, maxLength: 43, pattern: '^[A-Za-z0-9_-]+$', description: 'The part of the invitation link after #' }) },
  { additionalProperties: false },
);
export type InvitationTokenBody = Static<typeof InvitationTokenBody>;

/** What an invitation offers, shown to whoever holds its link before they accept. */
export const InvitationPreview = Type.Object({
  institutionId: Type.Integer(),
  institutionName: Type.String(),
  role: InstitutionRole,
  email: Type.String(),
  invitedByName: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
});
export type InvitationPreview = Static<typeof InvitationPreview>;

export const InvitationAccepted = Type.Object({ institutionId: Type.Integer(), institutionName: Type.String(), role: InstitutionRole });
export type InvitationAccepted = Static<typeof InvitationAccepted>;

export const ColleagueLogEntry = Type.Object({
  id: Type.Integer(),
  occurredAt: Type.String({ format: 'date-time' }),
  /** Who made the change, as they were named at the time. */
  actorName: Type.String(),
  change: Code(colleagueChanges.codes),
  /** Whom it was about: their name (null for an invitation to someone without an account) and the email. */
  personName: Nullable(Type.String()),
  email: Type.String(),
  roleBefore: Nullable(InstitutionRole),
  roleAfter: Nullable(InstitutionRole),
});
export type ColleagueLogEntry = Static<typeof ColleagueLogEntry>;
