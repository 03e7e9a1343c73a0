/** Use cases of the identity module: signing up, logging in and out, granting roles. */
import { randomBytes } from 'node:crypto';
import type { GrantRoleBody, PasswordResetPreview, SecurityNotice, SignUpBody } from '../../../shared/contracts/identity.ts';
import { institutionRoles, PASSWORD_MIN_LENGTH, PASSWORD_RESET_LIFETIME_MINUTES, PASSWORD_RESETS_PER_HOUR, roles } from '../../../shared/vocabulary/index.ts';
import type { AppDb, Executor } from '../../platform/database/database.ts';
import { decoyPasswordHash, hashPassword, verifyPassword } from '../../platform/auth/password.ts';
import { estimatePasswordStrength, passwordAdvice, STRONG_ENOUGH } from '../../platform/auth/password-strength.ts';
import { hashSecretToken, newSecretToken } from '../../platform/auth/secret-token.ts';
import { newSessionToken } from '../../platform/auth/session-cookie.ts';
import { HttpError, badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import { geography } from '../geography/index.ts';
import { institutionsModule } from '../institutions/index.ts';
import { notifications } from '../notifications/index.ts';
import { normalisedMobilePhone } from '../../../shared/lib/phone.ts';
import * as queries from './identity.queries.ts';

const emailTaken = {
  ko: '이 이메일로 가입한 계정이 이미 있습니다. 로그인하거나, 비밀번호가 생각나지 않으면 비밀번호 찾기를 이용해 주세요.',
  en: 'An account with this email already exists. Log in, or use "Forgot your password?" if you do not remember it.',
};
const notMobile = {
  ko: '휴대전화 번호는 010으로 시작하는 번호(010-1234-5678)로 입력해 주세요.',
  en: 'Mobile phone number must be a mobile number starting with 010, like 010-1234-5678.',
};

/** A typed mobile number as it is kept (010-1234-5678); the contract has already checked its shape. */
function keptPhone(typed: string): string {
  const phone = normalisedMobilePhone(typed);
  if (!phone) throw badRequest(notMobile, 'phone');
  return phone;
}

/** Sets or removes one's own mobile number (null removes it). */
export async function setOwnPhone(db: AppDb, personId: number, typed: string | null): Promise<string | null> {
  const phone = typed === null || typed.trim() === '' ? null : keptPhone(typed);
  await queries.setPhone(db, personId, phone);
  return phone;
}

const unknownDong = { ko: '그런 동네(읍·면·동)가 없습니다. 목록에서 골라 주세요.', en: 'There is no such neighbourhood (dong). Choose one from the list.' };

export async function signUp(db: AppDb, body: SignUpBody): Promise<number> {
  let homeCityCode: string | null = null;
  if (body.homeDongCode) {
    const dong = await geography.findDong(db, body.homeDongCode);
    if (!dong) throw badRequest(unknownDong, 'homeDongCode');
    homeCityCode = dong.municipalityCode;
  }
  const phone = body.phone ? keptPhone(body.phone) : null;
  const judgement = await judgePassword(body.password, body);
  if (!judgement.acceptable) throw new HttpError(400, 'weak_password', judgement.message!, 'password', { reason: judgement.reason });
  const passwordHash = await hashPassword(body.password);
  // Every person is a resident (learner); role grants hold only the roles beyond that.
  if (await queries.emailTaken(db, body.email)) throw conflict(emailTaken, 'email');
  try {
    return await queries.insertPerson(db, {
      email: body.email.trim(),
      passwordHash,
      displayName: body.displayName.trim(),
      birthYear: body.birthYear ?? null,
      homeCityCode,
      homeDongCode: body.homeDongCode ?? null,
      locale: body.locale ?? 'ko',
      phone,
    });
  } catch (error) {
    // Two sign-ups with one address at once: the unique index decides, and the loser hears why.
    if ((error as { code?: string }).code === '23505' || (error as { cause?: { code?: string } }).cause?.code === '23505') {
      throw conflict(emailTaken, 'email');
    }
    throw error;
  }
}

/** Words anyone guessing a password for this site tries first. */
const SITE_WORDS = ['learning city', 'learningcity', 'learning-city', '평생학습도시', '평생학습', '학습도시'];

export interface PasswordJudgement {
  score: number;
  acceptable: boolean;
  reason: string | null;
  /** What is wrong and what to do instead; null when acceptable. */
  message: { ko: string; en: string } | null;
}

/**
 * Whether a new password is good enough: the length rule, then zxcvbn's score of at least STRONG_ENOUGH, with
 * the person's email, its local part and pieces, and their name (also as typed in Hangul) counted as known to
 * a guesser. Applies to new passwords only: existing ones (the demo's) still log in.
 */
export async function judgePassword(password: string, person: { email?: string; displayName?: string }): Promise<PasswordJudgement> {
  const email = person.email?.trim() ?? '';
  const local = email.split('@')[0] ?? '';
  const name = person.displayName?.trim() ?? '';
  const strength = await estimatePasswordStrength(password, {
    personal: [email, local, ...local.split(/[._+-]+/), name, ...name.split(/\s+/)],
    site: SITE_WORDS,
  });
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    return {
      score: strength.score, acceptable: false, reason: 'too_short',
      message: { ko: `비밀번호는 ${PASSWORD_MIN_LENGTH}자 이상이어야 합니다.`, en: `A password needs at least ${PASSWORD_MIN_LENGTH} characters.` },
    };
  }
  if (strength.score >= STRONG_ENOUGH) return { score: strength.score, acceptable: true, reason: null, message: null };
  return { score: strength.score, acceptable: false, reason: strength.weakness, message: passwordAdvice(strength) };
}

/**
 * Five wrong passwords in a row lock the email for 15 minutes; each further lock (five more wrong after it
 * lapses) lasts twice as long, at most a day. Per email, not per address, so guessing from many addresses
 * gains nothing; counted for emails without an account too, so a lock says nothing about who is registered.
 */
export const LOGIN_LOCKS = { strikesPerLock: 5, firstLockMinutes: 15, longestLockMinutes: 24 * 60 };

const lockMinutes = (locks: number) => Math.min(LOGIN_LOCKS.firstLockMinutes * 2 ** locks, LOGIN_LOCKS.longestLockMinutes);

/** The key an email's failed logins are counted under: what the person typed, as the login lookup reads it. */
const loginKey = (email: string) => email.normalize('NFC').trim().toLowerCase();

/** A time in Korea as people read it, to the minute (rounded up, so "until 14:35" is never early). */
function koreanTime(iso: string, locale: 'ko' | 'en'): string {
  const rounded = new Date(Math.ceil(Date.parse(iso) / 60_000) * 60_000);
  return rounded.toLocaleString(locale === 'en' ? 'en-GB' : 'ko-KR', {
    month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Seoul',
  });
}

function accountLocked(lockedUntil: string, retryAfter: number): HttpError {
  return new HttpError(429, 'account_locked', {
    ko: `로그인에 여러 번 실패해서 이 이메일로는 ${koreanTime(lockedUntil, 'ko')}까지 로그인할 수 없습니다. 그 뒤에 다시 해 보세요.`,
    en: `Too many failed attempts: logging in with this email is paused until ${koreanTime(lockedUntil, 'en')} (Korean time). Try again after that.`,
  }, undefined, { lockedUntil, retryAfter });
}

function wrongPassword(attempt: queries.LoginAttempt): HttpError {
  const left = LOGIN_LOCKS.strikesPerLock - attempt.strikes;
  const minutes = lockMinutes(attempt.locks);
  const warning = left > 2 ? { ko: '', en: '' } : {
    ko: ` ${left}번 더 틀리면 이 이메일로는 ${minutes}분 동안 로그인할 수 없습니다.`,
    en: ` ${left} more wrong ${left === 1 ? 'try' : 'tries'} and logging in with this email pauses for ${minutes} minutes.`,
  };
  return new HttpError(401, 'invalid_credentials', {
    ko: `이메일이나 비밀번호가 맞지 않습니다.${warning.ko}`,
    en: `The email or password is not correct.${warning.en}`,
  }, undefined, { attemptsLeft: left });
}

/**
 * Logs in, or refuses with the same answers and the same work whether or not the email has an account: the
 * attempt is counted first (so simultaneous guesses cannot slip past the lock), the password is always hashed
 * (against a decoy when there is no account), and only a right password of a real account ends the count.
 */
export async function logIn(db: AppDb, email: string, password: string): Promise<{ personId: number; notice: SecurityNotice | null }> {
  const emailKey = loginKey(email);
  const attempt = await queries.claimLoginAttempt(db, emailKey, LOGIN_LOCKS);
  if (attempt.locked && !attempt.lockedNow) throw accountLocked(attempt.lockedUntil!, attempt.retryAfter!);
  const login = await queries.findLoginByEmail(db, email.trim());
  const valid = await verifyPassword(password, login?.passwordHash ?? (await decoyPasswordHash()));
  if (!login || !login.passwordHash || !valid) {
    throw attempt.lockedNow ? accountLocked(attempt.lockedUntil!, attempt.retryAfter!) : wrongPassword(attempt);
  }
  return { personId: login.id, notice: await queries.settleLogin(db, emailKey, login.id, attempt.lockedNow) };
}

export async function openSession(db: AppDb, personId: number, ttlHours: number, userAgent: string | null): Promise<string> {
  const { token, tokenHash } = newSessionToken();
  await queries.deleteExpiredSessions(db);
  await queries.deleteIdleLoginThrottles(db);
  await queries.insertSession(db, { tokenHash, personId, expiresAt: new Date(Date.now() + ttlHours * 3600_000), userAgent });
  return token;
}

export async function grantRole(db: AppDb, personId: number, body: GrantRoleBody, grantedBy: number): Promise<void> {
  if (!(await queries.personExists(db, personId))) throw notFound('The person', 'id');
  const scope = roles.get(body.role).scope;
  const unbound = (field: string, what: { ko: string; en: string }) =>
    badRequest({ ko: `${roles.get(body.role).ko} 역할은 ${what.ko}에 묶이지 않습니다.`, en: `The role ${body.role} is not bound to ${what.en}.` }, field);
  if (scope === 'city') {
    if (!body.cityCode) throw badRequest({ ko: '담당할 시·군·구를 골라 주세요.', en: 'A city officer role needs the city it covers.' }, 'cityCode');
    if (!(await geography.findMunicipality(db, body.cityCode))) {
      throw badRequest({ ko: `${body.cityCode}: 그런 시·군·구가 없습니다.`, en: `There is no city with code ${body.cityCode}.` }, 'cityCode');
    }
  } else if (body.cityCode) {
    throw unbound('cityCode', { ko: '시·군·구', en: 'a city' });
  }
  if (scope === 'institution') {
    if (!body.institutionId) throw badRequest({ ko: '담당할 기관을 골라 주세요.', en: 'An institution staff role needs the institution.' }, 'institutionId');
    if (!(await institutionsModule.findInstitution(db, body.institutionId))) {
      throw badRequest({ ko: `${body.institutionId}번 기관이 없습니다.`, en: `There is no institution with id ${body.institutionId}.` }, 'institutionId');
    }
    // One role per person within an institution; changing it is the institution's own business (its colleagues, logged).
    const member = await queries.memberOf(db, body.institutionId, personId);
    if (member) {
      const held = institutionRoles.get(member.role);
      throw conflict({
        ko: `이미 이 기관의 ${held.ko}입니다. 기관 안의 역할은 기관의 동료 화면에서 바꿉니다.`,
        en: `This person is already ${held.en.toLowerCase()} at this institution. Roles within an institution are changed on its Colleagues page.`,
      }, 'role');
    }
  } else if (body.institutionId) {
    throw unbound('institutionId', { ko: '기관', en: 'an institution' });
  }
  if (scope === 'province') {
    if (!body.provinceCode) throw badRequest({ ko: '담당할 시·도를 골라 주세요.', en: 'A province officer role needs the province it covers.' }, 'provinceCode');
    if (!(await geography.findProvince(db, body.provinceCode))) {
      throw badRequest({ ko: `${body.provinceCode}: 그런 시·도가 없습니다.`, en: `There is no province with code ${body.provinceCode}.` }, 'provinceCode');
    }
  } else if (body.provinceCode) {
    throw unbound('provinceCode', { ko: '시·도', en: 'a province' });
  }
  await queries.insertRoleGrant(db, {
    personId,
    role: body.role,
    cityCode: body.cityCode ?? null,
    institutionId: body.institutionId ?? null,
    provinceCode: body.provinceCode ?? null,
    grantedBy,
  });
}

/** The path a reset link opens; its secret goes after '#', which browsers never send to a server. */
export const passwordResetPath = (token: string) => `/reset-password#${token}`;

/** The one answer to every reset request, so it never tells whether an email has an account. */
export const RESET_REQUESTED = {
  ko: `이 이메일로 가입한 계정이 있으면 비밀번호를 새로 정하는 링크를 보냈습니다. 링크는 ${PASSWORD_RESET_LIFETIME_MINUTES}분 동안 한 번만 쓸 수 있습니다. 몇 분 안에 오지 않으면 스팸함을 확인하거나 다시 요청해 주세요.`,
  en: `If an account uses this email, we have sent it a link to choose a new password. The link works once, for ${PASSWORD_RESET_LIFETIME_MINUTES} minutes. If it does not arrive within a few minutes, check your spam folder or ask again.`,
};

/**
 * Sends a reset link to the account with this email, if there is one and it has not been sent
 * PASSWORD_RESETS_PER_HOUR already in the last hour; its older links stop working. The caller answers
 * RESET_REQUESTED in every case.
 */
export async function requestPasswordReset(db: AppDb, email: string): Promise<void> {
  const person = await queries.recipientByEmail(db, email.trim());
  if (!person || (await queries.recentPasswordResets(db, person.personId)) >= PASSWORD_RESETS_PER_HOUR) return;
  const { token, tokenHash } = newSecretToken();
  await db.transaction(async (tx) => {
    await queries.replacePasswordReset(tx, person.personId, tokenHash, PASSWORD_RESET_LIFETIME_MINUTES);
    await notifications.mailTo(tx, [{ email: person.email, locale: person.locale }], {
      kind: 'identity.password_reset',
      title: { ko: '비밀번호를 새로 정하는 링크', en: 'A link to choose a new password' },
      body: {
        ko: `${person.displayName}님, 비밀번호를 잊으셨다는 요청을 받았습니다. 아래 링크를 열어 새 비밀번호를 정해 주세요. `
          + `링크는 ${PASSWORD_RESET_LIFETIME_MINUTES}분 동안 한 번만 쓸 수 있습니다. 직접 요청하지 않으셨다면 이 메일은 무시하셔도 됩니다: 비밀번호는 그대로입니다.`,
        en: `${person.displayName}, we were asked to reset the password of your account. Open the link below to choose a new one. `
          + `The link works once, for ${PASSWORD_RESET_LIFETIME_MINUTES} minutes. If you did not ask, ignore this email: your password stays as it is.`,
      },
      link: passwordResetPath(token),
    });
  });
}

const unknownResetLink = () => new HttpError(404, 'reset_link_not_found', {
  ko: '이 비밀번호 재설정 링크를 찾을 수 없습니다. 이메일의 링크 전체를 열었는지 확인하거나, 로그인 화면의 "비밀번호를 잊으셨나요?"에서 다시 요청해 주세요.',
  en: 'This password reset link was not found. Check that you opened the whole link from the email, or ask again from "Forgot your password?" on the login page.',
}, 'token');

/** Why a link no longer works (410: it existed, and is gone for good), and what to do. */
function closedResetLink(reset: queries.PasswordResetRow): HttpError {
  const again = { ko: '로그인 화면의 "비밀번호를 잊으셨나요?"에서 새 링크를 요청해 주세요.', en: 'Ask for a new link from "Forgot your password?" on the login page.' };
  const why = reset.status === 'used'
    ? { code: 'reset_link_used', ko: '이미 사용한 링크입니다. 비밀번호 재설정 링크는 한 번만 쓸 수 있습니다.', en: 'This link has already been used: a password reset link works once.' }
    : reset.status === 'superseded'
      ? { code: 'reset_link_superseded', ko: '더 최근에 요청한 링크가 있어서 이 링크는 쓸 수 없습니다. 가장 최근 이메일의 링크를 열어 주세요.', en: 'A newer link was asked for, so this one no longer works: open the link in the latest email.' }
      : { code: 'reset_link_expired', ko: `링크의 유효 시간(${PASSWORD_RESET_LIFETIME_MINUTES}분)이 지났습니다.`, en: `This link has expired (links work for ${PASSWORD_RESET_LIFETIME_MINUTES} minutes).` };
  return new HttpError(410, why.code, { ko: `${why.ko} ${again.ko}`, en: `${why.en} ${again.en}` }, 'token');
}

async function openReset(db: Executor, token: string, lock = false): Promise<queries.PasswordResetRow> {
  const reset = await queries.passwordResetByTokenHash(db, hashSecretToken(token), lock);
  if (!reset) throw unknownResetLink();
  if (reset.status !== 'open' || reset.expired) throw closedResetLink(reset);
  return reset;
}

/** Which account a link is for, while it works. */
export async function previewPasswordReset(db: AppDb, token: string): Promise<PasswordResetPreview> {
  const reset = await openReset(db, token);
  return { email: reset.email, expiresAt: reset.expiresAt };
}

/**
 * Sets the new password a reset link allows (judged as at sign-up), closes the link and ends every session of
 * the account, in one transaction; returns the person, whom the caller logs in. Two uses of one link at once
 * queue on its row: one wins, the other finds it used.
 */
export async function resetPassword(db: AppDb, token: string, password: string): Promise<number> {
  const found = await openReset(db, token);
  const judgement = await judgePassword(password, found);
  if (!judgement.acceptable) throw new HttpError(400, 'weak_password', judgement.message!, 'password', { reason: judgement.reason });
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const reset = await openReset(tx, token, true);
    await queries.completePasswordReset(tx, reset, passwordHash, loginKey(reset.email));
    return reset.personId;
  });
}

/** Who a centre's staff serve at the desk: an account's email, or a name and year of birth for a new record. */
export interface DeskResident {
  email?: string | undefined;
  displayName?: string | undefined;
  birthYear?: number | undefined;
}

/**
 * The resident a centre's staff act for (a desk application, a paper survey): found by their account's email, or a
 * record made from their name and year of birth, living in `homeCityCode` when staff saw that they do.
 */
export async function residentAtDesk(tx: Executor, desk: DeskResident, homeCityCode: string | null) {
  const email = desk.email?.trim() ?? '';
  if (email !== '') {
    const found = await queries.recipientByEmail(tx, email);
    if (found) return { personId: found.personId, displayName: found.displayName, newRecord: false };
  }
  const displayName = desk.displayName?.trim() ?? '';
  if (displayName === '') {
    throw badRequest(email === ''
      ? { ko: '이메일로 찾거나, 이름과 태어난 해를 적어 주세요.', en: 'Find the resident by email, or give their name and year of birth.' }
      : { ko: '이 이메일로 가입한 사람이 없습니다. 이름과 태어난 해를 적으면 새로 등록합니다.', en: 'No account has this email. Give the name and year of birth to make a record.' }, 'displayName');
  }
  if (desk.birthYear === undefined) throw badRequest({ ko: '태어난 해를 적어 주세요.', en: 'Year of birth is required.' }, 'birthYear');
  if (email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw badRequest({ ko: '이메일 형식이 맞지 않습니다.', en: 'Email: not a valid address.' }, 'email');
  // Without an email the record gets an address no mail goes to (no '@'): the resident hears at the centre.
  const personId = await queries.insertPerson(tx, {
    email: email || `walk-in.${randomBytes(10).toString('hex')}`, passwordHash: null, displayName, birthYear: desk.birthYear, homeCityCode,
  });
  return { personId, displayName, newRecord: true };
}
