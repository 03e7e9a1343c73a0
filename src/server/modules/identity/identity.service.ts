/** Use cases of the identity module: signing up, logging in and out, granting roles. */
import type { GrantRoleBody, SecurityNotice, SignUpBody } from '../../../shared/contracts/identity.ts';
import { institutionRoles, PASSWORD_MIN_LENGTH, roles } from '../../../shared/vocabulary/index.ts';
import type { AppDb } from '../../platform/database/database.ts';
import { decoyPasswordHash, hashPassword, verifyPassword } from '../../platform/auth/password.ts';
import { estimatePasswordStrength, passwordAdvice, STRONG_ENOUGH } from '../../platform/auth/password-strength.ts';
import { newSessionToken } from '../../platform/auth/session-cookie.ts';
import { HttpError, badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import { geography } from '../geography/index.ts';
import { institutionsModule } from '../institutions/index.ts';
import * as queries from './identity.queries.ts';

export async function signUp(db: AppDb, body: SignUpBody): Promise<number> {
  let homeCityCode: string | null = null;
  if (body.homeDongCode) {
    const dong = await geography.findDong(db, body.homeDongCode);
    if (!dong) throw badRequest(`There is no dong with code ${body.homeDongCode}.`, 'homeDongCode');
    homeCityCode = dong.municipalityCode;
  }
  const judgement = await judgePassword(body.password, body);
  if (!judgement.acceptable) throw new HttpError(400, 'weak_password', judgement.message!, 'password', { reason: judgement.reason });
  const passwordHash = await hashPassword(body.password);
  // Every person is a resident (learner); role grants hold only the roles beyond that.
  if (await queries.emailTaken(db, body.email)) throw conflict('An account with this email already exists.', 'email');
  try {
    return await queries.insertPerson(db, {
      email: body.email.trim(),
      passwordHash,
      displayName: body.displayName.trim(),
      birthYear: body.birthYear ?? null,
      homeCityCode,
      homeDongCode: body.homeDongCode ?? null,
      locale: body.locale ?? 'ko',
    });
  } catch (error) {
    // Two sign-ups with one address at once: the unique index decides, and the loser hears why.
    if ((error as { code?: string }).code === '23505' || (error as { cause?: { code?: string } }).cause?.code === '23505') {
      throw conflict('An account with this email already exists.', 'email');
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
