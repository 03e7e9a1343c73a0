/** Every SQL statement of the credentials module. */
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { rows, type Executor } from '../../platform/database/database.ts';
import type { ProgramAreaCode } from '../../../shared/vocabulary/index.ts';
import { certificates, signingKeys } from './credentials.schema.ts';

/** What a certificate states, for completed enrolments without one yet (read-only across modules). */
export async function completionFacts(db: Executor, enrolmentIds: readonly number[]) {
  return rows<{
    enrolmentId: number; personId: number; programId: number; cityCode: string; displayName: string; email: string;
    title: string; description: string; area: ProgramAreaCode; totalHours: number; credits: number; startsOn: string; endsOn: string;
    completionRate: number; sessionCount: number; institutionId: number; institutionName: string; cityName: string; attended: number;
  }>(db, sql`
    SELECT e.id AS "enrolmentId", e.person_id AS "personId", p.id AS "programId", p.city_code AS "cityCode",
           pe.display_name AS "displayName", pe.email, p.title, p.description, p.area, p.total_hours::float8 AS "totalHours",
           p.credits::float8 AS credits, p.starts_on::text AS "startsOn", p.ends_on::text AS "endsOn",
           p.completion_rate::float8 AS "completionRate", p.session_count AS "sessionCount", i.id AS "institutionId",
           i.name AS "institutionName", m.name_ko AS "cityName",
           (SELECT count(*)::int FROM attendance a WHERE a.enrolment_id = e.id AND a.present) AS attended
    FROM enrolments e
    JOIN people pe ON pe.id = e.person_id
    JOIN programs p ON p.id = e.program_id
    JOIN institutions i ON i.id = p.institution_id
    JOIN municipalities m ON m.code = p.city_code
    WHERE e.id = ANY(${sql.param([...enrolmentIds])}::int[]) AND e.status = 'completed'
      AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.enrolment_id = e.id)`);
}

export async function insertCertificate(db: Executor, certificate: typeof certificates.$inferInsert) {
  await db.insert(certificates).values(certificate).onConflictDoNothing();
}

export async function findCertificate(db: Executor, id: string) {
  const [row] = await db.select().from(certificates).where(eq(certificates.id, id));
  return row;
}

export async function certificatesOf(db: Executor, personId: number) {
  return db.select({ id: certificates.id, enrolmentId: certificates.enrolmentId, programId: certificates.programId, issuedAt: certificates.issuedAt })
    .from(certificates).where(eq(certificates.personId, personId)).orderBy(desc(certificates.issuedAt));
}

export async function allSigningKeys(db: Executor) {
  return db.select().from(signingKeys).orderBy(desc(signingKeys.createdAt));
}

export async function insertSigningKey(db: Executor, key: typeof signingKeys.$inferInsert) {
  await db.insert(signingKeys).values(key).onConflictDoNothing();
}

/** Revokes the enrolment's certificate if it stands; returns its id, or null when there was none to revoke. */
export async function revokeCertificateOf(db: Executor, enrolmentId: number): Promise<string | null> {
  const [row] = await db.update(certificates).set({ revokedAt: sql`now()` })
    .where(and(eq(certificates.enrolmentId, enrolmentId), isNull(certificates.revokedAt))).returning({ id: certificates.id });
  return row?.id ?? null;
}

/** Lifts the revocation of the enrolment's certificate (a withdrawn completion granted again); returns its id, or null. */
export async function reinstateCertificateOf(db: Executor, enrolmentId: number): Promise<string | null> {
  const [row] = await db.update(certificates).set({ revokedAt: null })
    .where(and(eq(certificates.enrolmentId, enrolmentId), isNotNull(certificates.revokedAt))).returning({ id: certificates.id });
  return row?.id ?? null;
}

export async function certificateIdOf(db: Executor, enrolmentId: number): Promise<string | null> {
  const [row] = await db.select({ id: certificates.id }).from(certificates).where(eq(certificates.enrolmentId, enrolmentId));
  return row?.id ?? null;
}
