/**
 * The role map's SQL: programs by area × target group (a program for several groups counts in each), near-copy
 * pairs within the city whose two programs share the cell, and residents' wishes, over the programs of the
 * last twelve months and ahead. Read-only, over the programs, copies and participation modules' tables.
 */
import { sql } from 'drizzle-orm';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { ProgramAreaCode, TargetGroupCode } from '../../../shared/vocabulary/index.ts';
import { firstRow, rows, type Executor } from '../../platform/database/database.ts';

/** The programs the map counts, each once per target group. */
const counted = (cityCode: string, since: string) => sql`
  SELECT p.id, p.institution_id, p.area, t.target, p.dong_code, p.mode
  FROM programs p CROSS JOIN LATERAL unnest(p.target_groups) AS t(target)
  WHERE p.city_code = ${cityCode} AND p.status IN ('published', 'closed') AND p.ends_on >= ${since}::date`;

/** Near-copy pairs of two institutions of the city, both counted, in the same cell. */
const pairsInCells = (cityCode: string, since: string) => sql`
  SELECT a.area, a.target, c.program_id, c.other_program_id, c.institution_id, c.other_institution_id
  FROM copy_pairs c
  JOIN (${counted(cityCode, since)}) a ON a.id = c.program_id
  JOIN (${counted(cityCode, since)}) b ON b.id = c.other_program_id AND b.area = a.area AND b.target = a.target
  WHERE c.city_code = ${cityCode} AND c.other_city_code = ${cityCode}`;

export interface CellCount {
  area: ProgramAreaCode;
  target: TargetGroupCode;
  institutions: number;
  programs: number;
  dongs: number;
  nearCopyPairs: number;
  wishes: number;
}

export async function cells(db: Executor, cityCode: string, since: string): Promise<CellCount[]> {
  return rows<CellCount>(db, sql`
    WITH supply AS (
      SELECT area, target, count(DISTINCT institution_id)::int AS institutions, count(DISTINCT id)::int AS programs,
        count(DISTINCT dong_code) FILTER (WHERE mode <> 'online')::int AS dongs
      FROM (${counted(cityCode, since)}) x GROUP BY area, target
    ), overlap AS (
      SELECT area, target, count(*)::int AS pairs FROM (${pairsInCells(cityCode, since)}) y GROUP BY area, target
    ), wish AS (
      SELECT area, target_group AS target, count(*)::int AS wishes FROM learning_wishes
      WHERE city_code = ${cityCode} AND created_at >= ${since}::date GROUP BY area, target_group
    )
    SELECT coalesce(s.area, w.area) AS area, coalesce(s.target, w.target) AS target,
      coalesce(s.institutions, 0) AS institutions, coalesce(s.programs, 0) AS programs, coalesce(s.dongs, 0) AS dongs,
      coalesce(o.pairs, 0) AS "nearCopyPairs", coalesce(w.wishes, 0) AS wishes
    FROM supply s FULL JOIN wish w ON w.area = s.area AND w.target = s.target
    LEFT JOIN overlap o ON o.area = s.area AND o.target = s.target
    ORDER BY 1, 2`);
}

export async function totals(db: Executor, cityCode: string) {
  return (await firstRow<{ dongs: number; institutions: number }>(db, sql`
    SELECT (SELECT count(*)::int FROM dongs WHERE municipality_code = ${cityCode}) AS dongs,
      (SELECT count(*)::int FROM institutions WHERE city_code = ${cityCode}) AS institutions`))!;
}

export interface Cell {
  cityCode: string;
  since: string;
  area: ProgramAreaCode;
  target: TargetGroupCode;
}

/** The institutions serving a cell, those running most programs there first. */
export async function cellInstitutions(db: Executor, cell: Cell, page: PageRequest) {
  const { cityCode, since, area, target } = cell;
  const found = await rows<{ id: number; name: string; programs: number; nearCopies: number; total: number }>(db, sql`
    WITH mine AS (SELECT * FROM (${counted(cityCode, since)}) x WHERE area = ${area} AND target = ${target}),
    copied AS (
      SELECT program_id AS id FROM (${pairsInCells(cityCode, since)}) p WHERE area = ${area} AND target = ${target}
      UNION SELECT other_program_id FROM (${pairsInCells(cityCode, since)}) p WHERE area = ${area} AND target = ${target}
    )
    SELECT i.id, i.name, count(DISTINCT m.id)::int AS programs,
      count(DISTINCT m.id) FILTER (WHERE m.id IN (SELECT id FROM copied))::int AS "nearCopies", count(*) OVER ()::int AS total
    FROM mine m JOIN institutions i ON i.id = m.institution_id
    GROUP BY i.id, i.name ORDER BY programs DESC, i.name, i.id
    LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`);
  return { items: found.map(({ total: _total, ...row }) => row), total: found[0]?.total ?? 0 };
}

/** Every dong of the city with the cell's in-person programs meeting there and the wishes of its residents. */
export async function cellDongs(db: Executor, cell: Cell) {
  const { cityCode, since, area, target } = cell;
  return rows<{ code: string; nameKo: string; nameEn: string; programs: number; wishes: number }>(db, sql`
    SELECT d.code, d.name_ko AS "nameKo", d.name_en AS "nameEn", coalesce(x.programs, 0) AS programs, coalesce(w.wishes, 0) AS wishes
    FROM dongs d
    LEFT JOIN (
      SELECT dong_code, count(DISTINCT id)::int AS programs FROM (${counted(cityCode, since)}) c WHERE area = ${area} AND target = ${target} GROUP BY dong_code
    ) x ON x.dong_code = d.code
    LEFT JOIN (
      SELECT dong_code, count(*)::int AS wishes FROM learning_wishes
      WHERE city_code = ${cityCode} AND area = ${area} AND target_group = ${target} AND created_at >= ${since}::date GROUP BY dong_code
    ) w ON w.dong_code = d.code
    WHERE d.municipality_code = ${cityCode}
    ORDER BY programs, wishes DESC, d.name_ko`);
}
