/**
 * Every SQL statement of the demand module: analytics over other modules' tables, read-only. Demand is
 * counted where residents live (their home dong); supply where the teaching happens (the venue's dong).
 */
import { sql } from 'drizzle-orm';
import type { ProgramAreaCode, ProposalPhase, TargetGroupCode } from '../../../shared/vocabulary/index.ts';
import { rows, type Executor } from '../../platform/database/database.ts';

export interface DemandCell {
  area: ProgramAreaCode;
  targetGroup: TargetGroupCode;
  dongCode: string | null;
  wishes: number;
  waitlisted: number;
  searches: number;
}

/** One in-person program as supply: where, for whom, how many places. */
export interface SupplyProgram {
  area: ProgramAreaCode;
  targetGroups: TargetGroupCode[];
  dongCode: string;
  seatsOffered: number;
  seatsOpen: number;
}

/** What residents of the city asked for in the period: wishes, waitlists (now), searches naming an area. */
export async function demandCells(db: Executor, cityCode: string, since: string): Promise<DemandCell[]> {
  return rows<DemandCell>(db, sql`
    WITH asked AS (
      SELECT area, target_group, dong_code, 1 AS wish, 0 AS wait, 0 AS search
      FROM learning_wishes WHERE city_code = ${cityCode} AND created_at >= ${since}::date
      UNION ALL
      SELECT p.area, COALESCE(p.target_groups[1], 'all'),
        CASE WHEN pe.home_city_code = ${cityCode} THEN pe.home_dong_code ELSE p.dong_code END, 0, 1, 0
      FROM enrolments e JOIN programs p ON p.id = e.program_id JOIN people pe ON pe.id = e.person_id
      WHERE e.city_code = ${cityCode} AND e.status = 'waitlisted'
      UNION ALL
      SELECT m.filters -> 'area' ->> 0, COALESCE(m.filters -> 'target' ->> 0, 'all'), d.code, 0, 0, 1
      FROM search_misses m LEFT JOIN dongs d ON d.code = m.dong_code AND d.municipality_code = ${cityCode}
      WHERE m.city_code = ${cityCode} AND m.searched_at >= ${since}::date AND jsonb_typeof(m.filters -> 'area') = 'array'
    )
    SELECT area, target_group AS "targetGroup", dong_code AS "dongCode",
      sum(wish)::int AS wishes, sum(wait)::int AS waitlisted, sum(search)::int AS searches
    FROM asked GROUP BY 1, 2, 3`);
}

/** The city's in-person programs with places offered in the period or open now (upcoming, with seats left). */
export async function supplyPrograms(db: Executor, cityCode: string, since: string): Promise<SupplyProgram[]> {
  return rows<SupplyProgram>(db, sql`
    SELECT p.area, p.target_groups AS "targetGroups", p.dong_code AS "dongCode",
      CASE WHEN p.starts_on >= ${since}::date AND p.status IN ('published', 'closed') THEN p.capacity ELSE 0 END AS "seatsOffered",
      COALESCE(s.seats_left, 0) AS "seatsOpen"
    FROM programs p LEFT JOIN program_search s ON s.program_id = p.id AND s.seats_left > 0
    WHERE p.city_code = ${cityCode} AND p.mode <> 'online' AND p.dong_code IS NOT NULL
      AND (p.starts_on >= ${since}::date OR s.program_id IS NOT NULL)`);
}

export async function dongsOf(db: Executor, cityCode: string) {
  return rows<{ code: string; nameKo: string; nameEn: string; lat: number; lon: number }>(db, sql`
    SELECT code, name_ko AS "nameKo", name_en AS "nameEn", lat, lon FROM dongs WHERE municipality_code = ${cityCode}`);
}

/** Institutions of the city that taught in each area in the two years before `today`: who could run a class again. */
export async function experiencedInstitutions(db: Executor, cityCode: string, today: string) {
  return rows<{ id: number; name: string; lat: number; lon: number; area: ProgramAreaCode; programs: number }>(db, sql`
    SELECT i.id, i.name, i.lat, i.lon, p.area, count(*)::int AS programs
    FROM programs p JOIN institutions i ON i.id = p.institution_id
    WHERE p.city_code = ${cityCode} AND p.status IN ('published', 'closed') AND p.starts_on >= (${today}::date - 730)
    GROUP BY i.id, p.area`);
}

/** Programs of the city with a place free now, for referring residents to them. */
export async function openPrograms(db: Executor, cityCode: string) {
  return rows<{ id: number; title: string; institutionName: string; area: ProgramAreaCode; targetGroups: TargetGroupCode[]; lat: number | null; lon: number | null; seatsLeft: number }>(db, sql`
    SELECT p.id, p.title, i.name AS "institutionName", p.area, p.target_groups AS "targetGroups", p.lat, p.lon, s.seats_left AS "seatsLeft"
    FROM program_search s JOIN programs p ON p.id = s.program_id JOIN institutions i ON i.id = p.institution_id
    WHERE s.city_code = ${cityCode} AND s.seats_left > 0`);
}

/** Searches that found nothing and named no area: what people typed, most frequent first. */
export async function unmatchedSearches(db: Executor, cityCode: string, since: string) {
  return rows<{ query: string; searches: number }>(db, sql`
    SELECT min(query) AS query, count(*)::int AS searches FROM search_misses
    WHERE city_code = ${cityCode} AND searched_at >= ${since}::date AND jsonb_typeof(filters -> 'area') IS DISTINCT FROM 'array'
    GROUP BY lower(btrim(query)) ORDER BY searches DESC, 1 LIMIT 20`);
}

/** Residents' proposals of the city made in the period, by area and where they stand (the proposals module's table, read-only). */
export async function proposalCounts(db: Executor, cityCode: string, since: string) {
  return rows<{ area: ProgramAreaCode; phase: ProposalPhase; proposals: number; supporters: number }>(db, sql`
    SELECT area, CASE WHEN status <> 'open' THEN status WHEN awaiting_since IS NOT NULL THEN 'awaiting' ELSE 'open' END AS phase,
      count(*)::int AS proposals, sum(supporters)::int AS supporters
    FROM proposals WHERE city_code = ${cityCode} AND created_at >= ${since}::date GROUP BY 1, 2`);
}
