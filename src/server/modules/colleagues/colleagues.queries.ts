/** Every SQL statement of the colleagues module: invitations and the colleague log. */
import { sql, type SQL } from 'drizzle-orm';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { ColleagueLogEntry, InvitationView } from '../../../shared/contracts/colleagues.ts';
import type { ColleagueChange, InstitutionRoleCode } from '../../../shared/vocabulary/index.ts';
import { isoUtc, offsetOf, pageOf, rows, type Executor } from '../../platform/database/database.ts';
import type { InvitationStatus } from './colleagues.schema.ts';


const invitationColumns = sql`
  id, email, role, invited_by_name AS "invitedByName", ${isoUtc(sql`created_at`)} AS "createdAt", ${isoUtc(sql`expires_at`)} AS "expiresAt",
  expires_at <= now() AS expired`;

export interface NewInvitation {
  institutionId: number;
  cityCode: string;
  email: string;
  role: InstitutionRoleCode;
  tokenHash: string;
  invitedBy: number;
  invitedByName: string;
  lifetimeDays: number;
}

/** The new invitation; it expires `lifetimeDays` after now by the database's clock. */
export async function insertInvitation(tx: Executor, invitation: NewInvitation): Promise<InvitationView> {
  const [row] = await rows<InvitationView>(tx, sql`
    INSERT INTO institution_invitations (institution_id, city_code, email, role, token_hash, invited_by, invited_by_name, expires_at)
    VALUES (${invitation.institutionId}, ${invitation.cityCode}, ${invitation.email}, ${invitation.role}, ${invitation.tokenHash},
            ${invitation.invitedBy}, ${invitation.invitedByName}, now() + make_interval(days => ${invitation.lifetimeDays}::int))
    RETURNING ${invitationColumns}`);
  return row!;
}

/** Closes the open invitation to this address at the institution (a new one replaces it); returns it, if there was one. */
export async function supersedeOpenInvitation(tx: Executor, institutionId: number, email: string) {
  const [row] = await rows<{ id: number; role: InstitutionRoleCode }>(tx, sql`
    UPDATE institution_invitations SET status = 'superseded', closed_at = now()
    WHERE institution_id = ${institutionId} AND lower(email) = lower(${email}) AND status = 'open'
    RETURNING id, role`);
  return row;
}

/** Open invitations (expired ones too, marked so), newest first. */
export async function openInvitations(db: Executor, institutionId: number, page: PageRequest) {
  const where = sql`institution_id = ${institutionId} AND status = 'open'`;
  return pageOf(
    page,
    rows<InvitationView>(db, sql`
      SELECT ${invitationColumns} FROM institution_invitations WHERE ${where}
      ORDER BY created_at DESC, id DESC LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM institution_invitations WHERE ${where}`),
  );
}

export interface InvitationRow {
  id: number;
  institutionId: number;
  institutionName: string;
  cityCode: string;
  email: string;
  role: InstitutionRoleCode;
  invitedBy: number | null;
  invitedByName: string;
  expiresAt: string;
  status: InvitationStatus;
  expired: boolean;
}

const invitationRow = (where: SQL, lock: boolean) => sql`
  SELECT v.id, v.institution_id AS "institutionId", i.name AS "institutionName", v.city_code AS "cityCode", v.email, v.role,
         v.invited_by AS "invitedBy", v.invited_by_name AS "invitedByName", ${isoUtc(sql`v.expires_at`)} AS "expiresAt", v.status,
         v.expires_at <= now() AS expired
  FROM institution_invitations v JOIN institutions i ON i.id = v.institution_id
  WHERE ${where} ${lock ? sql`FOR UPDATE OF v` : sql``}`;

export async function invitationByTokenHash(db: Executor, tokenHash: string): Promise<InvitationRow | undefined> {
  const [row] = await rows<InvitationRow>(db, invitationRow(sql`v.token_hash = ${tokenHash}`, false));
  return row;
}

/** An invitation of the institution, locked for the change about to be made to it. */
export async function lockInvitation(tx: Executor, institutionId: number, id: number): Promise<InvitationRow | undefined> {
  const [row] = await rows<InvitationRow>(tx, invitationRow(sql`v.id = ${id} AND v.institution_id = ${institutionId}`, true));
  return row;
}

export async function closeInvitation(tx: Executor, id: number, status: Exclude<InvitationStatus, 'open'>, acceptedBy: number | null = null) {
  await tx.execute(sql`
    UPDATE institution_invitations SET status = ${status}, closed_at = now(), accepted_by = ${acceptedBy} WHERE id = ${id} AND status = 'open'`);
}

export interface LogLine {
  institutionId: number;
  cityCode: string;
  actorId: number | null;
  actorName: string;
  change: ColleagueChange;
  personId: number | null;
  personName: string | null;
  email: string;
  roleBefore: InstitutionRoleCode | null;
  roleAfter: InstitutionRoleCode | null;
  invitationId?: number;
}

export async function appendLog(tx: Executor, line: LogLine): Promise<void> {
  await tx.execute(sql`
    INSERT INTO colleague_log (institution_id, city_code, actor_id, actor_name, change, person_id, person_name, email, role_before, role_after, invitation_id)
    VALUES (${line.institutionId}, ${line.cityCode}, ${line.actorId}, ${line.actorName}, ${line.change}, ${line.personId}, ${line.personName},
            ${line.email}, ${line.roleBefore}, ${line.roleAfter}, ${line.invitationId ?? null})`);
}

/** The institution's log, newest first. */
export async function logOf(db: Executor, institutionId: number, page: PageRequest) {
  return pageOf(
    page,
    rows<ColleagueLogEntry>(db, sql`
      SELECT id, ${isoUtc(sql`occurred_at`)} AS "occurredAt", actor_name AS "actorName", change, person_name AS "personName", email,
             role_before AS "roleBefore", role_after AS "roleAfter"
      FROM colleague_log WHERE institution_id = ${institutionId}
      ORDER BY occurred_at DESC, id DESC LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM colleague_log WHERE institution_id = ${institutionId}`),
  );
}
