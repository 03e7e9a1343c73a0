/** Every SQL statement of the occupations module: a program's tags and certificates, the city's tagged courses, completions per group. */
import { sql } from 'drizzle-orm';
import type { Certificate } from '../../../shared/contracts/occupations.ts';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { KscoVersion } from '../../../shared/vocabulary/index.ts';
import { offsetOf, pageOf, rows, type Executor } from '../../platform/database/database.ts';

export interface TagRow { programId: number; version: KscoVersion; code: string }
export interface CertificateRow extends Certificate { programId: number }

export function tagsOf(db: Executor, programIds: number[]) {
  if (programIds.length === 0) return Promise.resolve([]);
  return rows<TagRow>(db, sql`
    SELECT program_id AS "programId", ksco_version AS version, code FROM program_occupations
    WHERE program_id IN (${sql.join(programIds.map((id) => sql`${id}`), sql`, `)})
    ORDER BY program_id, ksco_version, code`);
}

export function certificatesOf(db: Executor, programIds: number[]) {
  if (programIds.length === 0) return Promise.resolve([]);
  return rows<CertificateRow>(db, sql`
    SELECT program_id AS "programId", name, code FROM program_certificates
    WHERE program_id IN (${sql.join(programIds.map((id) => sql`${id}`), sql`, `)})
    ORDER BY program_id, position`);
}

/** Replaces what the program prepares for (the caller holds the program's row lock). */
export async function replaceTags(db: Executor, programId: number, version: KscoVersion, codes: string[], certificates: Certificate[]) {
  await rows(db, sql`DELETE FROM program_occupations WHERE program_id = ${programId}`);
  await rows(db, sql`DELETE FROM program_certificates WHERE program_id = ${programId}`);
  for (const code of codes) {
    await rows(db, sql`INSERT INTO program_occupations (program_id, ksco_version, code) VALUES (${programId}, ${version}, ${code})`);
  }
  for (const [position, certificate] of certificates.entries()) {
    await rows(db, sql`INSERT INTO program_certificates (program_id, position, name, code)
      VALUES (${programId}, ${position}, ${certificate.name}, ${certificate.code})`);
  }
}

/** The city's vocational programs in the catalogue that still take enrolments and are tagged (with the major group, if given). */
function openTaggedWhere(cityCode: string, today: string, major?: string) {
  return sql`s.city_code = ${cityCode} AND p.area = 'vocational' AND (s.enrols_until IS NULL OR s.enrols_until >= ${today}::date)
    AND EXISTS (SELECT 1 FROM program_occupations o WHERE o.program_id = s.program_id
      ${major === undefined ? sql`` : sql`AND left(o.code, 1) = ${major}`})`;
}

export interface JobCourseRow {
  programId: number; title: string; institutionName: string; startsOn: string; endsOn: string; feeKrw: number; seatsLeft: number;
}

export function openTaggedCourses(db: Executor, cityCode: string, today: string, major: string | undefined, page: PageRequest) {
  const where = openTaggedWhere(cityCode, today, major);
  return pageOf(
    page,
    rows<JobCourseRow>(db, sql`
      SELECT s.program_id AS "programId", p.title, i.name AS "institutionName", s.starts_on::text AS "startsOn",
        s.ends_on::text AS "endsOn", s.fee_krw AS "feeKrw", s.seats_left AS "seatsLeft"
      FROM program_search s JOIN programs p ON p.id = s.program_id JOIN institutions i ON i.id = s.institution_id
      WHERE ${where} ORDER BY s.starts_on, s.program_id LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`
      SELECT count(*)::int AS n FROM program_search s JOIN programs p ON p.id = s.program_id WHERE ${where}`),
  );
}

/** Open tagged programs of the city per major group (a program tagged in two groups counts in each). */
export function openTaggedByMajor(db: Executor, cityCode: string, today: string) {
  return rows<{ code: string; n: number }>(db, sql`
    SELECT left(o.code, 1) AS code, count(DISTINCT o.program_id)::int AS n
    FROM program_occupations o JOIN program_search s ON s.program_id = o.program_id JOIN programs p ON p.id = o.program_id
    WHERE ${openTaggedWhere(cityCode, today)} GROUP BY 1`);
}

const completedInYear = (cityCode: string, year: number) => sql`
  SELECT e.id, e.program_id FROM enrolments e JOIN programs p ON p.id = e.program_id
  WHERE p.city_code = ${cityCode} AND p.area = 'vocational' AND e.status = 'completed'
    AND p.ends_on >= make_date(${year}::int, 1, 1) AND p.ends_on < make_date(${year}::int + 1, 1, 1)`;

/** Completions of the city's vocational programs that ended in the year, per major group the program prepares for. */
export function completionsByMajor(db: Executor, cityCode: string, year: number) {
  return rows<{ code: string; n: number }>(db, sql`
    WITH done AS (${completedInYear(cityCode, year)})
    SELECT left(o.code, 1) AS code, count(DISTINCT d.id)::int AS n
    FROM done d JOIN program_occupations o ON o.program_id = d.program_id GROUP BY 1`);
}

export async function completionTotals(db: Executor, cityCode: string, year: number) {
  const [totals] = await rows<{ vocational: number; untagged: number }>(db, sql`
    WITH done AS (${completedInYear(cityCode, year)})
    SELECT count(*)::int AS vocational,
      count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM program_occupations o WHERE o.program_id = d.program_id))::int AS untagged
    FROM done d`);
  return totals ?? { vocational: 0, untagged: 0 };
}
