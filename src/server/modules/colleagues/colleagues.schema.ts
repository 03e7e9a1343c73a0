/**
 * Invitations to join an institution and the log of every change to its colleagues. Who holds which role is
 * the identity module's (role_grants); this module decides the changes and keeps their record.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { colleagueChanges, institutionRoles, type ColleagueChange, type InstitutionRoleCode } from '../../../shared/vocabulary/index.ts';
import { checkIn, createdAt } from '../../platform/database/columns.ts';
import { municipalities } from '../geography/geography.schema.ts';
import { people } from '../identity/identity.schema.ts';
import { institutions } from '../institutions/institutions.schema.ts';

export type InvitationStatus = 'open' | 'accepted' | 'withdrawn' | 'superseded';
const invitationStatuses: readonly InvitationStatus[] = ['open', 'accepted', 'withdrawn', 'superseded'];

/**
 * An invitation by email. Only the SHA-256 of its link's secret is kept; the link works while the invitation
 * is open and not expired, once. Inviting the same address again supersedes the open one (a new link).
 */
export const institutionInvitations = pgTable(
  'institution_invitations',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    institutionId: integer().notNull().references(() => institutions.id),
    cityCode: text().notNull().references(() => municipalities.code),
    email: text().notNull(),
    role: text().$type<InstitutionRoleCode>().notNull(),
    tokenHash: text().notNull(),
    invitedBy: integer().references(() => people.id, { onDelete: 'set null' }),
    invitedByName: text().notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    status: text().$type<InvitationStatus>().notNull().default('open'),
    /** When it stopped being open (accepted, withdrawn or superseded). */
    closedAt: timestamp({ withTimezone: true }),
    acceptedBy: integer().references(() => people.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('institution_invitations_token_unique').on(t.tokenHash),
    // One open invitation per address and institution: a second one replaces the first.
    uniqueIndex('institution_invitations_one_open').on(t.institutionId, sql`lower(${t.email})`).where(sql`${t.status} = 'open'`),
    index().on(t.institutionId, t.createdAt),
    checkIn('institution_invitations_role_check', t.role, institutionRoles.codes),
    checkIn('institution_invitations_status_check', t.status, invitationStatuses),
    check('institution_invitations_closed_check', sql`(${t.status} = 'open') = (${t.closedAt} IS NULL)`),
  ],
);

/**
 * Every change to an institution's colleagues, for good: invited, invitation withdrawn, accepted, role changed,
 * revoked; who did it and when, the role before and after. The database refuses UPDATE, DELETE and TRUNCATE
 * (a trigger, as for the designation log). Names are copied, not referenced, so the record outlives accounts.
 */
export const colleagueLog = pgTable(
  'colleague_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    institutionId: integer().notNull(),
    cityCode: text().notNull(),
    actorId: integer(),
    actorName: text().notNull(),
    change: text().$type<ColleagueChange>().notNull(),
    /** Whom it is about: null for an invitation to an address without an account. */
    personId: integer(),
    personName: text(),
    email: text().notNull(),
    roleBefore: text().$type<InstitutionRoleCode>(),
    roleAfter: text().$type<InstitutionRoleCode>(),
    invitationId: integer(),
  },
  (t) => [
    index().on(t.institutionId, t.occurredAt),
    checkIn('colleague_log_change_check', t.change, colleagueChanges.codes),
    // A missing role (NULL: before an invitation, after a revocation) passes a CHECK.
    checkIn('colleague_log_role_before_check', t.roleBefore, institutionRoles.codes),
    checkIn('colleague_log_role_after_check', t.roleAfter, institutionRoles.codes),
  ],
);
