/** Use cases of the identity module: signing up, logging in and out, granting roles. */
import type { GrantRoleBody, SignUpBody } from '../../../shared/contracts/identity.ts';
import type { AppDb } from '../../platform/database/database.ts';
import { decoyPasswordHash, hashPassword, verifyPassword } from '../../platform/auth/password.ts';
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

export async function logIn(db: AppDb, email: string, password: string): Promise<number> {
  const login = await queries.findLoginByEmail(db, email.trim());
  // Hash even when the account does not exist, so response time does not reveal which emails are registered.
  const valid = await verifyPassword(password, login?.passwordHash ?? (await decoyPasswordHash()));
  if (!login || !login.passwordHash || !valid) {
    throw new HttpError(401, 'invalid_credentials', 'The email or password is not correct.');
  }
  return login.id;
}

export async function openSession(db: AppDb, personId: number, ttlHours: number, userAgent: string | null): Promise<string> {
  const { token, tokenHash } = newSessionToken();
  await queries.deleteExpiredSessions(db);
  await queries.insertSession(db, { tokenHash, personId, expiresAt: new Date(Date.now() + ttlHours * 3600_000), userAgent });
  return token;
}

export async function grantRole(db: AppDb, personId: number, body: GrantRoleBody, grantedBy: number): Promise<void> {
  if (!(await queries.personExists(db, personId))) throw notFound('The person', 'id');
  if (body.role === 'city_officer') {
    if (!body.cityCode) throw badRequest('A city officer role needs the city it covers.', 'cityCode');
    if (!(await geography.findMunicipality(db, body.cityCode))) throw badRequest(`There is no city with code ${body.cityCode}.`, 'cityCode');
  } else if (body.cityCode) {
    throw badRequest(`The role ${body.role} is not bound to a city.`, 'cityCode');
  }
  if (body.role === 'institution_staff') {
    if (!body.institutionId) throw badRequest('An institution staff role needs the institution.', 'institutionId');
    if (!(await institutionsModule.findInstitution(db, body.institutionId))) {
      throw badRequest(`There is no institution with id ${body.institutionId}.`, 'institutionId');
    }
  } else if (body.institutionId) {
    throw badRequest(`The role ${body.role} is not bound to an institution.`, 'institutionId');
  }
  await queries.insertRoleGrant(db, {
    personId,
    role: body.role,
    cityCode: body.cityCode ?? null,
    institutionId: body.institutionId ?? null,
    grantedBy,
  });
}
