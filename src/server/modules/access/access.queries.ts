/**
 * Every SQL statement of the access module. It owns no tables: it reads dongs (demand) and programs
 * (supply), read-only, as analytics may.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AccessPopulation } from '../../../shared/vocabulary/access.ts';
import { firstRow, rows, type Executor } from '../../platform/database/database.ts';

/** A latitude/longitude box; null means the whole country. */
export interface Box {
  south: number;
  north: number;
  west: number;
  east: number;
}

const inBox = (box: Box | null): SQL =>
  box ? sql`lat BETWEEN ${box.south} AND ${box.north} AND lon BETWEEN ${box.west} AND ${box.east}` : sql`TRUE`;

export interface CityExtent extends Box {
  dongs: number;
  maxRadiusKm: number;
}

/** The box around the anchor points of a city's dongs and its widest dong; undefined for an unknown city. */
export async function cityExtent(db: Executor, cityCode: string): Promise<CityExtent | undefined> {
  const extent = await firstRow<CityExtent>(db, sql`
    SELECT count(*)::int AS dongs, min(lat) AS south, max(lat) AS north, min(lon) AS west, max(lon) AS east,
      (max(radius_m) / 1000.0)::float8 AS "maxRadiusKm"
    FROM dongs WHERE municipality_code = ${cityCode}`);
  return extent && extent.dongs > 0 ? extent : undefined;
}

export interface DemandRow {
  code: string;
  municipalityCode: string;
  nameKo: string;
  nameEn: string;
  districtNameKo: string | null;
  districtNameEn: string | null;
  lat: number;
  lon: number;
  radiusKm: number;
  population: number;
}

/** Dongs in the box with the residents who count: everyone, or those aged 65 and over. */
export async function dongsIn(db: Executor, box: Box | null, population: AccessPopulation): Promise<DemandRow[]> {
  const residents = population === 'older' ? sql`population65_plus` : sql`population`;
  return rows<DemandRow>(db, sql`
    SELECT code, municipality_code AS "municipalityCode", name_ko AS "nameKo", name_en AS "nameEn",
      district_name_ko AS "districtNameKo", district_name_en AS "districtNameEn", lat, lon,
      (radius_m / 1000.0)::float8 AS "radiusKm", ${residents} AS population
    FROM dongs WHERE ${inBox(box)}`);
}

export interface SupplyRow {
  lat: number;
  lon: number;
  cityCode: string;
  venues: number;
  /** S_j: places offered in the year. */
  seats: number;
}

/**
 * Places offered in the year per location: the capacity summed over in-person and blended programs
 * that run during the year and were open to residents (published, or closed after running; drafts and
 * cancelled programs offer nothing). Programs carry their venue's coordinates, so this reads one table
 * and its (lat, lon) index; venues of one institution share a location and become one supply point.
 * For older residents, only programs meant for them (target group or a minimum age of 60+) count.
 */
export async function placesIn(db: Executor, box: Box | null, year: number, population: AccessPopulation): Promise<SupplyRow[]> {
  const forOlder = population === 'older' ? sql`AND ('elderly' = ANY(target_groups) OR min_age >= 60)` : sql``;
  return rows<SupplyRow>(db, sql`
    SELECT lat, lon, city_code AS "cityCode", count(DISTINCT venue_id)::int AS venues, sum(capacity)::int AS seats
    FROM programs
    WHERE mode IN ('in_person', 'blended') AND status IN ('published', 'closed')
      AND starts_on <= ${`${year}-12-31`}::date AND ends_on >= ${`${year}-01-01`}::date
      AND ${inBox(box)} ${forOlder}
    GROUP BY lat, lon, city_code`);
}
