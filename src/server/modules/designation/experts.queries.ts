/** SQL of the reviewers and consultants the ministry appoints. */
import { sql } from 'drizzle-orm';
import type { ExpertView } from '../../../shared/contracts/designation-calls.ts';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { ExpertKind } from '../../../shared/vocabulary/index.ts';
import { containing, firstRow, offsetOf, pageOf, rows, type Executor } from '../../platform/database/database.ts';

const expertColumns = sql`e.person_id AS "personId", e.kind, p.display_name AS "displayName", p.email, e.affiliation,
  e.works_in_province_code AS "worksInProvinceCode", p.home_city_code AS "homeCityCode",
  to_char(e.appointed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "appointedAt"`;

export function findExpert(db: Executor, personId: number, kind: ExpertKind): Promise<ExpertView | undefined> {
  return firstRow<ExpertView>(db, sql`SELECT ${expertColumns} FROM designation_experts e JOIN people p ON p.id = e.person_id
    WHERE e.person_id = ${personId} AND e.kind = ${kind}`);
}

export async function listExperts(db: Executor, filter: { kind?: ExpertKind; q?: string }, page: PageRequest) {
  const conditions = [sql`TRUE`];
  if (filter.kind) conditions.push(sql`e.kind = ${filter.kind}`);
  if (filter.q) {
    const pattern = containing(filter.q);
    conditions.push(sql`(p.display_name ILIKE ${pattern} OR p.email ILIKE ${pattern} OR e.affiliation ILIKE ${pattern})`);
  }
  const where = sql.join(conditions, sql` AND `);
  return pageOf(
    page,
    rows<ExpertView>(db, sql`SELECT ${expertColumns} FROM designation_experts e JOIN people p ON p.id = e.person_id WHERE ${where}
      ORDER BY e.appointed_at DESC, e.person_id LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM designation_experts e JOIN people p ON p.id = e.person_id WHERE ${where}`),
  );
}

/** Appoints, or re-appoints with new details (affiliation and province of work change when people change jobs). */
export async function saveExpert(
  tx: Executor,
  expert: { personId: number; kind: ExpertKind; affiliation: string; worksInProvinceCode: string | null; appointedBy: number },
): Promise<void> {
  await tx.execute(sql`
    INSERT INTO designation_experts (person_id, kind, affiliation, works_in_province_code, appointed_by)
    VALUES (${expert.personId}, ${expert.kind}, ${expert.affiliation}, ${expert.worksInProvinceCode}, ${expert.appointedBy})
    ON CONFLICT (person_id, kind) DO UPDATE SET affiliation = EXCLUDED.affiliation, works_in_province_code = EXCLUDED.works_in_province_code`);
}

/** A registered person, by the email they signed up with (the ministry appoints people it knows, not from a directory). */
export function personByEmail(db: Executor, email: string): Promise<{ id: number; displayName: string } | undefined> {
  return firstRow(db, sql`SELECT id, display_name AS "displayName" FROM people WHERE lower(email) = lower(${email})`);
}
