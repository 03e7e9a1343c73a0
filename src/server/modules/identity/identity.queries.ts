/** Every SQL statement of the identity module. */
import { count, desc, eq, lt, sql } from 'drizzle-orm';
import type { Locale, RoleCode } from '../../../shared/vocabulary/index.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { offsetOf, pageOf, rows, type Executor } from '../../platform/database/database.ts';
import { authSessions, people, roleGrants } from './identity.schema.ts';

export interface NewPerson {
  email: string;
  passwordHash: string | null;
  displayName: string;
  birthYear?: number | null;
  homeCityCode?: string | null;
  homeDongCode?: string | null;
  locale?: Locale;
}

export async function insertPerson(db: Executor, person: NewPerson): Promise<number> {
  const [row] = await db.insert(people).values(person).returning({ id: people.id });
  return row!.id;
}

export async function findLoginByEmail(db: Executor, email: string) {
  const [row] = await db
    .select({ id: people.id, passwordHash: people.passwordHash })
    .from(people)
    .where(sql`lower(${people.email}) = lower(${email})`);
  return row;
}

export async function emailTaken(db: Executor, email: string): Promise<boolean> {
  return (await findLoginByEmail(db, email)) !== undefined;
}

export async function insertSession(db: Executor, session: { tokenHash: string; personId: number; expiresAt: Date; userAgent: string | null }) {
  await db.insert(authSessions).values(session);
}

export async function deleteSession(db: Executor, tokenHash: string) {
  await db.delete(authSessions).where(eq(authSessions.tokenHash, tokenHash));
}

export async function deleteExpiredSessions(db: Executor) {
  await db.delete(authSessions).where(lt(authSessions.expiresAt, sql`now()`));
}

interface SessionRow {
  person_id: number;
  display_name: string;
  email: string;
  locale: Locale;
  home_city_code: string | null;
  role: RoleCode | null;
  city_code: string | null;
  institution_id: number | null;
  institution_city_code: string | null;
  scope_name: string | null;
}

/** The person behind a live session with all their role grants, in one round trip. */
export async function findSessionPerson(db: Executor, tokenHash: string): Promise<Actor | null> {
  const found = await rows<SessionRow>(db, sql`
    SELECT p.id AS person_id, p.display_name, p.email, p.locale, p.home_city_code,
           g.role, g.city_code, g.institution_id, i.city_code AS institution_city_code,
           COALESCE(i.name, pr.short_ko || ' ' || m.name_ko) AS scope_name
    FROM auth_sessions s
    JOIN people p ON p.id = s.person_id
    LEFT JOIN role_grants g ON g.person_id = p.id
    LEFT JOIN institutions i ON i.id = g.institution_id
    LEFT JOIN municipalities m ON m.code = g.city_code
    LEFT JOIN provinces pr ON pr.code = m.province_code
    WHERE s.token_hash = ${tokenHash} AND s.expires_at > now()
    ORDER BY g.id`);
  const first = found[0];
  if (!first) return null;
  return {
    personId: first.person_id,
    displayName: first.display_name,
    email: first.email,
    locale: first.locale,
    homeCityCode: first.home_city_code,
    grants: found
      .filter((row) => row.role !== null)
      .map((row) => ({
        role: row.role!,
        cityCode: row.city_code,
        institutionId: row.institution_id,
        institutionCityCode: row.institution_city_code,
        scopeName: row.scope_name,
      })),
  };
}

export async function insertRoleGrant(
  db: Executor,
  grant: { personId: number; role: RoleCode; cityCode?: string | null; institutionId?: number | null; grantedBy?: number | null },
) {
  await db.insert(roleGrants).values(grant).onConflictDoNothing();
}

export async function personExists(db: Executor, personId: number): Promise<boolean> {
  const [row] = await db.select({ id: people.id }).from(people).where(eq(people.id, personId));
  return row !== undefined;
}

export async function listPeople(db: Executor, filter: { role?: RoleCode }, page: { page: number; pageSize: number }) {
  const where = filter.role
    ? sql`EXISTS (SELECT 1 FROM role_grants g WHERE g.person_id = ${people.id} AND g.role = ${filter.role})`
    : undefined;
  return pageOf(
    page,
    db
      .select({
        id: people.id,
        displayName: people.displayName,
        email: people.email,
        homeCityCode: people.homeCityCode,
        roles: sql<string[]>`COALESCE((SELECT array_agg(DISTINCT g.role) FROM role_grants g WHERE g.person_id = ${people.id}), '{}')`,
        createdAt: sql<string>`to_char(${people.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`,
      })
      .from(people)
      .where(where)
      .orderBy(desc(people.id))
      .limit(page.pageSize)
      .offset(offsetOf(page)),
    db.select({ n: count() }).from(people).where(where),
  );
}

/** What eligibility rules need to know about a person. */
export async function findApplicant(db: Executor, personId: number) {
  const [row] = await db.select({ birthYear: people.birthYear, homeCityCode: people.homeCityCode, displayName: people.displayName })
    .from(people).where(eq(people.id, personId));
  return row;
}
