/** Every SQL statement of the geography module. */
import { and, asc, count, eq, or, sql, type SQL } from 'drizzle-orm';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import { containing, offsetOf, pageOf, type Executor } from '../../platform/database/database.ts';
import type { Reader } from '../../platform/database/reads.ts';
import { dongs, municipalities, provinces } from './geography.schema.ts';

export async function countDongs(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(dongs);
  return row!.n;
}

export async function insertInBatches<T extends Record<string, unknown>>(
  db: Executor, table: typeof provinces | typeof municipalities | typeof dongs, values: T[],
) {
  for (let i = 0; i < values.length; i += 500) await db.insert(table).values(values.slice(i, i + 500) as never);
}

export async function listProvinces(db: Executor) {
  return db.select().from(provinces).orderBy(asc(provinces.code));
}

const municipalityColumns = {
  code: municipalities.code,
  provinceCode: municipalities.provinceCode,
  provinceShortKo: provinces.shortKo,
  provinceShortEn: provinces.shortEn,
  kind: municipalities.kind,
  nameKo: municipalities.nameKo,
  nameEn: municipalities.nameEn,
  lat: municipalities.lat,
  lon: municipalities.lon,
  population: sql<number>`(SELECT COALESCE(sum(d.population), 0)::int FROM dongs d WHERE d.municipality_code = ${municipalities.code})`,
  dongCount: sql<number>`(SELECT count(*)::int FROM dongs d WHERE d.municipality_code = ${municipalities.code})`,
};

const nameMatches = (ko: typeof municipalities.nameKo | typeof dongs.nameKo, en: typeof municipalities.nameEn | typeof dongs.nameEn, q: string): SQL =>
  or(sql`${ko} ILIKE ${containing(q)}`, sql`${en} ILIKE ${containing(q)}`)!;

export async function findProvince(db: Executor, code: string) {
  const [row] = await db.select().from(provinces).where(eq(provinces.code, code));
  return row;
}

export async function listMunicipalities(db: Executor, filter: { provinceCode?: string; q?: string }, page: PageRequest) {
  const where = and(
    filter.provinceCode ? eq(municipalities.provinceCode, filter.provinceCode) : undefined,
    filter.q ? nameMatches(municipalities.nameKo, municipalities.nameEn, filter.q) : undefined,
  );
  return pageOf(
    page,
    db.select(municipalityColumns).from(municipalities).innerJoin(provinces, eq(provinces.code, municipalities.provinceCode))
      .where(where).orderBy(asc(municipalities.code)).limit(page.pageSize).offset(offsetOf(page)),
    db.select({ n: count() }).from(municipalities).where(where),
  );
}

export async function findMunicipality(db: Executor, code: string) {
  const [row] = await db.select(municipalityColumns).from(municipalities)
    .innerJoin(provinces, eq(provinces.code, municipalities.provinceCode)).where(eq(municipalities.code, code));
  return row;
}

const dongColumns = {
  code: dongs.code,
  municipalityCode: dongs.municipalityCode,
  districtNameKo: dongs.districtNameKo,
  districtNameEn: dongs.districtNameEn,
  kind: dongs.kind,
  nameKo: dongs.nameKo,
  nameEn: dongs.nameEn,
  lat: dongs.lat,
  lon: dongs.lon,
  radiusM: dongs.radiusM,
  population: dongs.population,
  population65Plus: dongs.population65Plus,
};

export async function listDongs(db: Executor, filter: { cityCode?: string; q?: string }, page: PageRequest) {
  const where = and(
    filter.cityCode ? eq(dongs.municipalityCode, filter.cityCode) : undefined,
    filter.q ? nameMatches(dongs.nameKo, dongs.nameEn, filter.q) : undefined,
  );
  return pageOf(
    page,
    db.select(dongColumns).from(dongs).where(where).orderBy(asc(dongs.code)).limit(page.pageSize).offset(offsetOf(page)),
    db.select({ n: count() }).from(dongs).where(where),
  );
}

export async function findDong(db: Reader, code: string) {
  const [row] = await db.select(dongColumns).from(dongs).where(eq(dongs.code, code));
  return row;
}

/** All dongs of the given cities, for the demo generator (placing institutions and residents). */
export async function dongsOfCities(db: Executor, cityCodes: readonly string[]) {
  return db.select(dongColumns).from(dongs)
    .where(sql`${dongs.municipalityCode} = ANY(${sql.param([...cityCodes])}::text[])`).orderBy(asc(dongs.code));
}

export async function allMunicipalities(db: Executor) {
  return db.select(municipalityColumns).from(municipalities)
    .innerJoin(provinces, eq(provinces.code, municipalities.provinceCode)).orderBy(asc(municipalities.code));
}
