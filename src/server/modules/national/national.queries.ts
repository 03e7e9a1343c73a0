/**
 * Every SQL statement of the national picture. It reads the designation module's histories (public: every city's
 * page shows its own) and the municipalities' places, as the cities module does for its lists.
 */
import { sql } from 'drizzle-orm';
import type { DesignationState, MunicipalityKind } from '../../../shared/vocabulary/index.ts';
import { rows } from '../../platform/database/database.ts';
import type { Reader } from '../../platform/database/reads.ts';

/** Every transition of every city, in the order they happened within each city. */
export function allTransitions(db: Reader) {
  return rows<{ cityCode: string; state: DesignationState; occurredOn: string }>(db, sql`
    SELECT city_code AS "cityCode", state, occurred_on::text AS "occurredOn"
    FROM designation_transitions ORDER BY city_code, occurred_on, id`);
}

export interface CityPlace {
  code: string;
  nameKo: string;
  nameEn: string;
  provinceShortKo: string;
  provinceShortEn: string;
  kind: MunicipalityKind;
  lat: number;
  lon: number;
  firstDesignatedYear: number | null;
  /** Its state now: its latest transition. */
  state: DesignationState;
}

/** Names, kind and place of every city with a designation history, with the year it was first designated and its state now. */
export function citiesWithHistory(db: Reader) {
  return rows<CityPlace>(db, sql`
    SELECT m.code, m.name_ko AS "nameKo", m.name_en AS "nameEn", p.short_ko AS "provinceShortKo", p.short_en AS "provinceShortEn",
           m.kind, m.lat, m.lon, fd.year AS "firstDesignatedYear", cs.state
    FROM municipalities m JOIN provinces p ON p.code = m.province_code
    JOIN (SELECT DISTINCT ON (city_code) city_code, state FROM designation_transitions ORDER BY city_code, occurred_on DESC, id DESC) cs ON cs.city_code = m.code
    LEFT JOIN (SELECT city_code, min(year) AS year FROM designation_transitions WHERE state = 'designated' GROUP BY city_code) fd ON fd.city_code = m.code
    ORDER BY m.code`);
}
