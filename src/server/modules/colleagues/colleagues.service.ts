/**
 * An institution's colleagues: its managers invite people by email (a link that works once, for
 * INVITATION_LIFETIME_DAYS), change their roles and revoke them; the institution always keeps a manager. Every
 * change runs in one transaction with the institution's row locked (changes to one institution's colleagues go
 * one at a time), and writes its line in the colleague log there too.
 */
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { InvitationAccepted, InvitationPreview, InvitationSent, InviteBody } from '../../../shared/contracts/colleagues.ts';
import { institutionRoles, INVITATION_LIFETIME_DAYS, type InstitutionRoleCode } from '../../../shared/vocabulary/index.ts';
import { hashSecretToken, newSecretToken } from '../../platform/auth/secret-token.ts';
import type { AppDb, Executor } from '../../platform/database/database.ts';
import { conflict, HttpError, notFound } from '../../platform/http/errors.ts';
import { identity, type InstitutionMember } from '../identity/index.ts';
import { institutionsModule } from '../institutions/index.ts';
import { notifications } from '../notifications/index.ts';
import * as queries from './colleagues.queries.ts';

/** Who acts: the logged-in person (a manager of the institution, or an administrator). */
export interface Acting {
  personId: number;
  displayName: string;
}

/** The path an invitation's link opens; its secret goes after '#', which browsers never send to a server. */
export const invitationPath = (token: string) => `/invitation#${token}`;

const MANAGER: InstitutionRoleCode = 'institution_manager';
const roleWords = (role: InstitutionRoleCode) => institutionRoles.get(role);

/** A moment in Korea as people read it, to the minute. */
function koreanTime(iso: string, locale: 'ko' | 'en'): string {
  return new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'ko-KR', {
    year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Seoul',
  });
}

async function lockedInstitution(tx: Executor, institutionId: number) {
  const institution = await institutionsModule.lockInstitution(tx, institutionId);
  if (!institution) throw notFound('The institution', 'id');
  return institution;
}

async function existingInstitution(db: Executor, institutionId: number) {
  const institution = await institutionsModule.findInstitution(db, institutionId);
  if (!institution) throw notFound('The institution', 'id');
  return institution;
}

const notColleague = () => new HttpError(404, 'not_found', {
  ko: '이 기관의 동료가 아닙니다.', en: 'This person is not a colleague at this institution.',
}, 'personId');

export async function listColleagues(db: AppDb, institutionId: number, page: PageRequest) {
  await existingInstitution(db, institutionId);
  return identity.members.list(db, institutionId, page);
}

export async function listInvitations(db: AppDb, institutionId: number, page: PageRequest) {
  await existingInstitution(db, institutionId);
  return queries.openInvitations(db, institutionId, page);
}

export async function listLog(db: AppDb, institutionId: number, page: PageRequest) {
  await existingInstitution(db, institutionId);
  return queries.logOf(db, institutionId, page);
}

/**
 * Invites an address to a role: a new invitation (the address's open one, if any, is superseded: its link stops
 * working) and its email, queued with it. Someone who already works here is not invited: their role is changed.
 */
export async function invite(db: AppDb, actor: Acting, institutionId: number, body: InviteBody): Promise<InvitationSent> {
  const email = body.email.trim();
  const { token, tokenHash } = newSecretToken();
  return db.transaction(async (tx) => {
    const institution = await lockedInstitution(tx, institutionId);
    const member = await identity.members.findByEmail(tx, institution.id, email);
    if (member) {
      throw conflict({
        ko: `${member.displayName}님(${email})은 이미 이 기관의 ${roleWords(member.role).ko}입니다. 역할을 바꾸려면 동료 목록에서 바꿔 주세요.`,
        en: `${member.displayName} (${email}) already works here as ${roleWords(member.role).en.toLowerCase()}. To change their role, change it in the list of colleagues.`,
      }, 'email');
    }
    const superseded = await queries.supersedeOpenInvitation(tx, institution.id, email);
    const invitation = await queries.insertInvitation(tx, {
      institutionId: institution.id, cityCode: institution.cityCode, email, role: body.role, tokenHash,
      invitedBy: actor.personId, invitedByName: actor.displayName, lifetimeDays: INVITATION_LIFETIME_DAYS,
    });
    const account = await identity.recipientByEmail(tx, email);
    await queries.appendLog(tx, {
      institutionId: institution.id, cityCode: institution.cityCode, actorId: actor.personId, actorName: actor.displayName, change: 'invited',
      personId: account?.personId ?? null, personName: account?.displayName ?? null, email,
      roleBefore: superseded?.role ?? null, roleAfter: body.role, invitationId: invitation.id,
    });
    const role = roleWords(body.role);
    const until = { ko: koreanTime(invitation.expiresAt, 'ko'), en: koreanTime(invitation.expiresAt, 'en') };
    await notifications.mailTo(tx, [{ email, locale: account?.locale ?? 'ko' }], {
      kind: 'colleagues.invited',
      title: { ko: `${institution.name}에서 함께 일하자고 초대했습니다`, en: `You are invited to work with ${institution.name}` },
      body: {
        ko: `${actor.displayName}님이 평생학습도시 플랫폼의 ${institution.name} ${role.ko}(으)로 초대했습니다. `
          + `아래 링크를 열어 가입하거나 로그인한 뒤 초대를 수락해 주세요. 링크는 한 번만 쓸 수 있고 ${until.ko}까지 유효합니다.`,
        en: `${actor.displayName} invites you to join ${institution.name} as ${role.en.toLowerCase()} on the Learning City platform. `
          + `Open the link below, sign up or log in, and accept. The link works once, until ${until.en} (Korean time).`,
      },
      link: invitationPath(token),
      cityCode: institution.cityCode,
    });
    return { ...invitation, link: invitationPath(token) };
  });
}

/** Withdraws an open invitation: its link stops working. */
export async function withdrawInvitation(db: AppDb, actor: Acting, institutionId: number, invitationId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const institution = await lockedInstitution(tx, institutionId);
    const invitation = await queries.lockInvitation(tx, institution.id, invitationId);
    if (!invitation) throw notFound('The invitation', 'invitationId');
    if (invitation.status !== 'open') {
      throw conflict({ ko: '이미 수락되었거나 취소된 초대입니다.', en: 'This invitation has already been accepted, withdrawn or replaced.' }, 'invitationId');
    }
    await queries.closeInvitation(tx, invitation.id, 'withdrawn');
    const account = await identity.recipientByEmail(tx, invitation.email);
    await queries.appendLog(tx, {
      institutionId: institution.id, cityCode: institution.cityCode, actorId: actor.personId, actorName: actor.displayName, change: 'invitation_withdrawn',
      personId: account?.personId ?? null, personName: account?.displayName ?? null, email: invitation.email,
      roleBefore: invitation.role, roleAfter: null, invitationId: invitation.id,
    });
  });
}

/** Why a link no longer works, in words its holder can act on (410: it existed, and is gone for good). */
function closedInvitation(status: queries.InvitationRow['status'] | 'expired'): HttpError {
  const ask = { ko: '초대한 기관의 관리자에게 새 초대를 요청해 주세요.', en: 'Ask a manager of the institution for a new invitation.' };
  const why = {
    accepted: { ko: '이미 수락된 초대입니다. 초대 링크는 한 번만 쓸 수 있습니다.', en: 'This invitation has already been accepted: an invitation link works once.' },
    withdrawn: { ko: '관리자가 취소한 초대입니다.', en: 'A manager withdrew this invitation.' },
    superseded: { ko: '같은 주소로 새 초대를 보내서 이 링크는 더 이상 쓸 수 없습니다. 가장 최근 이메일의 링크를 열어 주세요.', en: 'A newer invitation was sent to the same address; open the link in the latest email.' },
    expired: { ko: `초대 링크의 유효 기간(${INVITATION_LIFETIME_DAYS}일)이 지났습니다.`, en: `This invitation link has expired (links work for ${INVITATION_LIFETIME_DAYS} days).` },
  }[status === 'open' ? 'expired' : status];
  return new HttpError(410, `invitation_${status === 'open' ? 'expired' : status}`, { ko: `${why.ko} ${ask.ko}`, en: `${why.en} ${ask.en}` });
}

const unknownLink = () => new HttpError(404, 'invitation_not_found', {
  ko: '이 초대 링크를 찾을 수 없습니다. 이메일의 링크 전체를 열었는지 확인하거나, 관리자에게 새 초대를 요청해 주세요.',
  en: 'This invitation link was not found. Check that you opened the whole link from the email, or ask a manager for a new invitation.',
}, 'token');

/** What the link offers (anyone holding it may look before deciding to sign up or log in). */
export async function previewInvitation(db: AppDb, token: string): Promise<InvitationPreview> {
  const invitation = await queries.invitationByTokenHash(db, hashSecretToken(token));
  if (!invitation) throw unknownLink();
  if (invitation.status !== 'open' || invitation.expired) throw closedInvitation(invitation.status);
  return {
    institutionId: invitation.institutionId, institutionName: invitation.institutionName, role: invitation.role,
    email: invitation.email, invitedByName: invitation.invitedByName, expiresAt: invitation.expiresAt,
  };
}

/**
 * The logged-in person accepts: they get the role and the link stops working, in one transaction. Whoever holds
 * the link may accept with their own account (the email proved the link reached the invitee; their account may
 * use another address). Simultaneous acceptances of one link queue on the institution's row: one wins, the
 * others find it accepted.
 */
export async function acceptInvitation(db: AppDb, actor: Acting & { email: string }, token: string): Promise<InvitationAccepted> {
  const found = await queries.invitationByTokenHash(db, hashSecretToken(token));
  if (!found) throw unknownLink();
  return db.transaction(async (tx) => {
    const institution = await lockedInstitution(tx, found.institutionId);
    const invitation = (await queries.lockInvitation(tx, institution.id, found.id))!;
    if (invitation.status !== 'open' || invitation.expired) throw closedInvitation(invitation.status);
    const current = await identity.members.find(tx, institution.id, actor.personId);
    if (current) {
      throw conflict({
        ko: `이미 ${institution.name}의 ${roleWords(current.role).ko}입니다. 역할을 바꾸려면 기관의 관리자에게 요청해 주세요.`,
        en: `You already work at ${institution.name} as ${roleWords(current.role).en.toLowerCase()}. Ask a manager there to change your role.`,
      });
    }
    await identity.members.add(tx, { personId: actor.personId, institutionId: institution.id, role: invitation.role, grantedBy: invitation.invitedBy });
    await queries.closeInvitation(tx, invitation.id, 'accepted', actor.personId);
    await queries.appendLog(tx, {
      institutionId: institution.id, cityCode: institution.cityCode, actorId: actor.personId, actorName: actor.displayName, change: 'accepted',
      personId: actor.personId, personName: actor.displayName, email: invitation.email, roleBefore: null, roleAfter: invitation.role, invitationId: invitation.id,
    });
    if (invitation.invitedBy !== null && invitation.invitedBy !== actor.personId) {
      const role = roleWords(invitation.role);
      await notifications.notify(tx, await identity.recipientsByIds(tx, [invitation.invitedBy]), {
        kind: 'colleagues.accepted',
        title: { ko: `${actor.displayName}님이 초대를 수락했습니다`, en: `${actor.displayName} accepted your invitation` },
        body: {
          ko: `${actor.displayName}님(${actor.email})이 ${institution.name}의 ${role.ko}(으)로 함께합니다.`,
          en: `${actor.displayName} (${actor.email}) joins ${institution.name} as ${role.en.toLowerCase()}.`,
        },
        link: `/institutions/${institution.id}/colleagues`,
        cityCode: institution.cityCode,
      });
    }
    return { institutionId: institution.id, institutionName: institution.name, role: invitation.role };
  });
}

/** Refuses to leave the institution without a manager (the caller holds the institution's lock). */
async function keepAManager(tx: Executor, institution: { id: number; name: string }, member: InstitutionMember, actor: Acting): Promise<void> {
  if (member.role !== MANAGER || (await identity.members.count(tx, institution.id, MANAGER)) > 1) return;
  const self = member.personId === actor.personId;
  throw new HttpError(409, 'last_manager', self
    ? {
      ko: `${institution.name}의 관리자는 본인 한 사람뿐입니다. 다른 동료를 먼저 관리자로 지정한 뒤에 바꿔 주세요.`,
      en: `You are the only manager of ${institution.name}. Make another colleague a manager first.`,
    }
    : {
      ko: `${member.displayName}님은 ${institution.name}의 하나뿐인 관리자입니다. 다른 동료를 먼저 관리자로 지정해 주세요.`,
      en: `${member.displayName} is the only manager of ${institution.name}. Make another colleague a manager first.`,
    });
}

/** Tells a colleague what a manager changed about them (not when they did it themselves). */
async function tellColleague(tx: Executor, actor: Acting, personId: number, institution: { id: number; name: string; cityCode: string }, words: {
  kind: string; title: { ko: string; en: string }; link?: string;
}): Promise<void> {
  if (personId === actor.personId) return;
  await notifications.notify(tx, await identity.recipientsByIds(tx, [personId]), {
    kind: words.kind, title: words.title, cityCode: institution.cityCode,
    body: { ko: `${actor.displayName}님이 바꾸었습니다.`, en: `Changed by ${actor.displayName}.` },
    ...(words.link ? { link: words.link } : {}),
  });
}

export async function changeRole(db: AppDb, actor: Acting, institutionId: number, personId: number, role: InstitutionRoleCode): Promise<InstitutionMember> {
  return db.transaction(async (tx) => {
    const institution = await lockedInstitution(tx, institutionId);
    const member = await identity.members.find(tx, institution.id, personId);
    if (!member) throw notColleague();
    if (member.role === role) return member;
    if (role !== MANAGER) await keepAManager(tx, institution, member, actor);
    await identity.members.changeRole(tx, institution.id, personId, role, actor.personId);
    await queries.appendLog(tx, {
      institutionId: institution.id, cityCode: institution.cityCode, actorId: actor.personId, actorName: actor.displayName, change: 'role_changed',
      personId, personName: member.displayName, email: member.email, roleBefore: member.role, roleAfter: role,
    });
    const [before, after] = [roleWords(member.role), roleWords(role)];
    await tellColleague(tx, actor, personId, institution, {
      kind: 'colleagues.role_changed',
      title: { ko: `${institution.name}에서 내 역할이 ${before.ko}에서 ${after.ko}(으)로 바뀌었습니다`, en: `Your role at ${institution.name} is now ${after.en.toLowerCase()} (was ${before.en.toLowerCase()})` },
      link: `/institutions/${institution.id}`,
    });
    return (await identity.members.find(tx, institution.id, personId))!;
  });
}

/** Takes the person's role at the institution away (themselves too, unless the institution would have no manager). */
export async function revoke(db: AppDb, actor: Acting, institutionId: number, personId: number): Promise<void> {
  await db.transaction(async (tx) => {
    const institution = await lockedInstitution(tx, institutionId);
    const member = await identity.members.find(tx, institution.id, personId);
    if (!member) throw notColleague();
    await keepAManager(tx, institution, member, actor);
    await identity.members.remove(tx, institution.id, personId);
    await queries.appendLog(tx, {
      institutionId: institution.id, cityCode: institution.cityCode, actorId: actor.personId, actorName: actor.displayName, change: 'revoked',
      personId, personName: member.displayName, email: member.email, roleBefore: member.role, roleAfter: null,
    });
    await tellColleague(tx, actor, personId, institution, {
      kind: 'colleagues.revoked',
      title: { ko: `${institution.name}의 ${roleWords(member.role).ko} 권한이 회수되었습니다`, en: `Your role as ${roleWords(member.role).en.toLowerCase()} at ${institution.name} was revoked` },
    });
  });
}
