/** Use cases of the cities module. */
import type { CityDetail, RecordDesignationBody, UpdateCityProfileBody } from '../../../shared/contracts/cities.ts';
import { designationStates } from '../../../shared/vocabulary/index.ts';
import type { AppDb } from '../../platform/database/database.ts';
import { badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import { geography } from '../geography/index.ts';
import { institutionsModule } from '../institutions/index.ts';
import { programsModule } from '../programs/index.ts';
import { allowedNextStates, canMoveTo } from './designation.rules.ts';
import * as queries from './cities.queries.ts';

const emptyProfile = { department: '', vision: '', homepageUrl: null, phone: null, updatedAt: '' };

/** Routes under /cities/:code speak of a 시·군·구 that exists: any other code is a 404 before any work is done. */
export async function requireKnownCity(db: AppDb, code: string): Promise<void> {
  if (!(await geography.findMunicipality(db, code))) throw notFound('The city', 'code');
}

export async function cityDetail(db: AppDb, code: string): Promise<CityDetail> {
  const city = await queries.findCity(db, code);
  if (!city) throw notFound('The city', 'code');
  const [profile, designations, institutionCount, programCount] = await Promise.all([
    queries.profileOf(db, code),
    queries.transitionsOf(db, code),
    institutionsModule.countInstitutions(db, code),
    programsModule.countPrograms(db, code),
  ]);
  return { ...city, profile: profile ?? emptyProfile, designations, institutionCount, programCount } as CityDetail;
}

export async function updateProfile(db: AppDb, code: string, changes: UpdateCityProfileBody, personId: number) {
  if (!(await queries.findCity(db, code))) throw notFound('The city', 'code');
  await queries.upsertProfile(db, code, changes, personId);
  return cityDetail(db, code);
}

/** Records a designation decision, if the life cycle allows it from the city's current state. */
export async function recordDesignation(db: AppDb, code: string, body: RecordDesignationBody, personId: number) {
  if (!(await queries.findCity(db, code))) throw notFound('The city', 'code');
  await db.transaction(async (tx) => {
    const latest = await queries.latestTransitionForUpdate(tx, code);
    const current = latest?.state ?? null;
    if (!canMoveTo(current, body.state)) {
      const allowed = allowedNextStates(current).map((s) => designationStates.get(s).en).join(', ');
      throw conflict(
        `A city that is ${current ? designationStates.get(current).en.toLowerCase() : 'not yet in the programme'} cannot become ${designationStates.get(body.state).en.toLowerCase()}; next may be: ${allowed}.`,
        'state',
      );
    }
    if (latest && body.occurredOn < latest.occurredOn) {
      throw badRequest(`The decision date must not be before the previous one (${latest.occurredOn}).`, 'occurredOn');
    }
    await queries.insertTransition(tx, { cityCode: code, ...body, evidence: body.evidence ?? '', recordedBy: personId });
  });
  return cityDetail(db, code);
}
