/**
 * Volunteers (자원봉사자): a resident registers with their city (what kind, in which areas); the city's officer, or the
 * staff of one of its institutions, record the hours they served. Entries are never changed: a correction is a new
 * entry replacing one, and the hours that count are those nothing replaced. They show in the volunteer's learning
 * record next to their course hours. (Matching people to programs is the instructors module's pool; this is the city's
 * register of who volunteers and how much.)
 */
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { VolunteerBody, VolunteerHoursBody } from '../../../shared/contracts/participation.ts';
import { requireResidentOf, type Actor } from '../../platform/auth/actor.ts';
import { todayInKorea } from '../../platform/clock.ts';
import type { AppDb, Executor } from '../../platform/database/database.ts';
import { badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import { institutionsModule } from '../institutions/index.ts';
import { notResident } from './study-groups.service.ts';
import * as queries from './volunteers.queries.ts';

export async function register(db: AppDb, actor: Actor, cityCode: string, body: VolunteerBody) {
  requireResidentOf(actor, cityCode, notResident);
  const id = await queries.insertVolunteer(db, actor.personId, cityCode, body, todayInKorea());
  if (id === null) throw conflict({ ko: '이미 이 시·군·구에 같은 활동으로 등록했습니다.', en: 'You are already registered with this city for this kind of volunteering.' }, 'kind');
  return (await queries.findVolunteer(db, cityCode, id))!;
}

export const cityVolunteers = queries.listVolunteers;

/** The institution's city, whose volunteers its staff record hours for. */
async function cityOfInstitution(db: Executor, institutionId: number) {
  const institution = await institutionsModule.findInstitution(db, institutionId);
  if (!institution) throw notFound('The institution', 'id');
  return institution.cityCode;
}

export async function institutionVolunteers(db: Executor, institutionId: number, page: PageRequest) {
  return queries.listVolunteers(db, await cityOfInstitution(db, institutionId), page);
}

async function requireVolunteer(db: Executor, cityCode: string, volunteerId: number) {
  const volunteer = await queries.findVolunteer(db, cityCode, volunteerId);
  if (!volunteer) throw notFound('The volunteer', 'volunteerId');
  return volunteer;
}

/** Where the hours are recorded from: the city's officer (any institution of the city, or none) or one institution's staff. */
export type Recorder = { cityCode: string } | { institutionId: number };

export async function hoursLog(db: Executor, by: Recorder, volunteerId: number, page: PageRequest) {
  const cityCode = 'cityCode' in by ? by.cityCode : await cityOfInstitution(db, by.institutionId);
  await requireVolunteer(db, cityCode, volunteerId);
  return queries.hoursOf(db, volunteerId, 'institutionId' in by ? by.institutionId : null, page);
}

export async function recordHours(db: AppDb, actor: Actor, by: Recorder, volunteerId: number, body: VolunteerHoursBody) {
  const cityCode = 'cityCode' in by ? by.cityCode : await cityOfInstitution(db, by.institutionId);
  if (body.servedOn > todayInKorea()) throw badRequest({ ko: '아직 오지 않은 날의 봉사 시간은 기록할 수 없습니다.', en: 'Hours can be recorded once served.' }, 'servedOn');
  const institutionId = 'institutionId' in by ? by.institutionId : body.institutionId ?? null;
  if ('institutionId' in by && body.institutionId !== undefined && body.institutionId !== by.institutionId) {
    throw badRequest({ ko: '우리 기관에서 한 봉사만 기록할 수 있습니다.', en: 'Staff record hours served at their own institution.' }, 'institutionId');
  }
  if ('cityCode' in by && institutionId !== null) {
    const institution = await institutionsModule.findInstitution(db, institutionId);
    if (!institution || institution.cityCode !== cityCode) throw badRequest({ ko: '이 시·군·구의 기관이 아닙니다.', en: 'That institution is not in this city.' }, 'institutionId');
  }
  if (body.hours === 0 && body.replacesId === undefined) throw badRequest({ ko: '봉사 시간을 적어 주세요.', en: 'Give the hours served.' }, 'hours');
  await requireVolunteer(db, cityCode, volunteerId);
  const id = await db.transaction(async (tx) => {
    await queries.lockVolunteer(tx, cityCode, volunteerId);
    if (body.replacesId !== undefined) {
      const earlier = await queries.findEntry(tx, volunteerId, body.replacesId);
      if (!earlier || ('institutionId' in by && earlier.institutionId !== by.institutionId)) throw notFound('The entry', 'replacesId');
      if (earlier.replaced) throw conflict({ ko: '이미 고친 기록입니다. 가장 최근 기록을 고쳐 주세요.', en: 'That entry was corrected already; correct the latest one.' }, 'replacesId');
    }
    return queries.insertHours(tx, {
      volunteerId, cityCode, servedOn: body.servedOn, hours: body.hours, activity: body.activity.trim(), institutionId,
      replacesId: body.replacesId ?? null, recordedBy: actor.personId,
    });
  });
  return { id, volunteer: await requireVolunteer(db, cityCode, volunteerId) };
}
