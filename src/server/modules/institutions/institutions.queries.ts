/** Every SQL statement of the institutions module. */
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { UpdateInstitutionBody } from '../../../shared/contracts/institutions.ts';
import type { InstitutionType } from '../../../shared/vocabulary/index.ts';
import { containing, offsetOf, pageOf, rows, type Executor } from '../../platform/database/database.ts';
import type { Reader } from '../../platform/database/reads.ts';
import { dongs, municipalities } from '../geography/geography.schema.ts';
import { institutions, venues } from './institutions.schema.ts';

const summaryColumns = {
  id: institutions.id,
  cityCode: institutions.cityCode,
  cityNameKo: municipalities.nameKo,
  cityNameEn: municipalities.nameEn,
  dongCode: institutions.dongCode,
  dongNameKo: dongs.nameKo,
  dongNameEn: dongs.nameEn,
  type: institutions.type,
  name: institutions.name,
  nameEn: institutions.nameEn,
  lat: institutions.lat,
  lon: institutions.lon,
};

export interface InstitutionFilter {
  cityCode?: string;
  dongCode?: string;
  type?: InstitutionType;
  q?: string;
}

export async function listInstitutions(db: Reader, filter: InstitutionFilter, page: PageRequest) {
  const where = and(
    filter.cityCode ? eq(institutions.cityCode, filter.cityCode) : undefined,
    filter.dongCode ? eq(institutions.dongCode, filter.dongCode) : undefined,
    filter.type ? eq(institutions.type, filter.type) : undefined,
    filter.q ? sql`(${institutions.name} ILIKE ${containing(filter.q)} OR ${institutions.nameEn} ILIKE ${containing(filter.q)})` : undefined,
  );
  return pageOf(
    page,
    db.select(summaryColumns).from(institutions)
      .innerJoin(municipalities, eq(municipalities.code, institutions.cityCode))
      .innerJoin(dongs, eq(dongs.code, institutions.dongCode))
      .where(where).orderBy(asc(institutions.cityCode), asc(institutions.name), asc(institutions.id))
      .limit(page.pageSize).offset(offsetOf(page)),
    db.select({ n: count() }).from(institutions).where(where),
  );
}

export async function findInstitution(db: Reader, id: number) {
  const [row] = await db
    .select({
      ...summaryColumns,
      description: institutions.description, address: institutions.address, phone: institutions.phone, website: institutions.website,
    })
    .from(institutions)
    .innerJoin(municipalities, eq(municipalities.code, institutions.cityCode))
    .innerJoin(dongs, eq(dongs.code, institutions.dongCode))
    .where(eq(institutions.id, id));
  return row;
}

export async function venuesOf(db: Reader, institutionId: number) {
  return db
    .select({ id: venues.id, name: venues.name, seats: venues.seats, stepFree: venues.stepFree, lat: venues.lat, lon: venues.lon })
    .from(venues)
    .where(eq(venues.institutionId, institutionId))
    .orderBy(asc(venues.id));
}

/** Every venue of the institution, whole (an import resolves venue names to them once per file). */
export async function institutionVenues(db: Executor, institutionId: number) {
  return db.select().from(venues).where(eq(venues.institutionId, institutionId)).orderBy(asc(venues.id));
}

/** A place the institution teaches at outside its own buildings (a delivered course's room); its id. */
export async function insertVenue(db: Executor, venue: typeof venues.$inferInsert): Promise<number> {
  const [row] = await db.insert(venues).values(venue).returning({ id: venues.id });
  return row!.id;
}

export async function findVenue(db: Executor, venueId: number) {
  const [row] = await db.select().from(venues).where(eq(venues.id, venueId));
  return row;
}

/**
 * Locks an institution's row for a change to who works there: such changes (invitations, roles, revocations)
 * go one at a time per institution, so its last manager is never removed by two changes that each saw another.
 * NO KEY UPDATE: rows that merely reference the institution (programs, grants) are still written meanwhile.
 */
export async function lockInstitution(tx: Executor, id: number) {
  const [row] = await rows<{ id: number; cityCode: string; name: string }>(tx, sql`
    SELECT id, city_code AS "cityCode", name FROM institutions WHERE id = ${id} FOR NO KEY UPDATE`);
  return row;
}

export async function countInstitutions(db: Reader, cityCode?: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(institutions).where(cityCode ? eq(institutions.cityCode, cityCode) : undefined);
  return row!.n;
}

export async function updateInstitution(db: Executor, id: number, changes: UpdateInstitutionBody) {
  await db.update(institutions).set(changes).where(eq(institutions.id, id));
}
