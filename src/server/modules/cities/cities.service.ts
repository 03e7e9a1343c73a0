/** Use cases of the cities module. */
import type { CityDetail, RecordDesignationBody, UpdateCityProfileBody } from '../../../shared/contracts/cities.ts';
import type { AppDb } from '../../platform/database/database.ts';
import type { Reader } from '../../platform/database/reads.ts';
import { notFound } from '../../platform/http/errors.ts';
import { designation } from '../designation/index.ts';
import { geography } from '../geography/index.ts';
import { institutionsModule } from '../institutions/index.ts';
import { programsModule } from '../programs/index.ts';
import * as queries from './cities.queries.ts';

const emptyProfile = { department: '', vision: '', homepageUrl: null, phone: null, updatedAt: '' };

/** Routes under /cities/:code speak of a 시·군·구 that exists: any other code is a 404 before any work is done. */
export async function requireKnownCity(db: AppDb, code: string): Promise<void> {
  if (!(await geography.findMunicipality(db, code))) throw notFound('The city', 'code');
}

export async function cityDetail(db: Reader, code: string): Promise<CityDetail> {
  const city = await queries.findCity(db, code);
  if (!city) throw notFound('The city', 'code');
  const [profile, designations, institutionCount, programCount] = await Promise.all([
    queries.profileOf(db, code),
    designation.transitionsOf(db, code),
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

/** Records a designation decision the ministry made outside a call (a revocation, a historical record). */
export async function recordDesignation(db: AppDb, code: string, body: RecordDesignationBody, personId: number) {
  if (!(await queries.findCity(db, code))) throw notFound('The city', 'code');
  await db.transaction((tx) => designation.recordTransition(tx, code, body, personId));
  return cityDetail(db, code);
}
