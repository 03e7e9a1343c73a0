/** Every SQL statement of the identity module. */
import { count, desc, eq, lt, sql } from 'drizzle-orm';
import { institutionRoles, type InstitutionRoleCode, type Locale, type RoleCode } from '../../../shared/vocabulary/index.ts';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { isoUtc, offsetOf, pageOf, rows, type Executor } from '../../platform/database/database.ts';
import type { SecurityNotice } from '../../../shared/contracts/identity.ts';
import { authSessions, passwordResets, people, roleGrants } from './identity.schema.ts';

export interface NewPerson {
  email: string;
  passwordHash: string | null;
  displayName: string;
  birthYear?: number | null;
  homeCityCode?: string | null;
  homeDongCode?: string | null;
  locale?: Locale;
  phone?: string | null;
}

export async function insertPerson(db: Executor, person: NewPerson): Promise<number> {
  const [row] = await db.insert(people).values(person).returning({ id: people.id });
  return row!.id;
}

/** One's own mobile number: only its owner's answers (and rosters of courses that text) carry it. */
export async function phoneOf(db: Executor, personId: number): Promise<string | null> {
  const [row] = await db.select({ phone: people.phone }).from(people).where(eq(people.id, personId));
  return row?.phone ?? null;
}

export async function setPhone(db: Executor, personId: number, phone: string | null): Promise<void> {
  await db.update(people).set({ phone }).where(eq(people.id, personId));
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


export interface LoginAttempt {
  /** Wrong passwords since the last lock, this attempt counted as one until it proves right. */
  strikes: number;
  /** Locks earned since the last successful login. */
  locks: number;
  /** Whether the email is locked, by this attempt or an earlier one. */
  locked: boolean;
  /** Whether this attempt earned the lock (it goes ahead: if its password is right, the lock is lifted). */
  lockedNow: boolean;
  lockedUntil: string | null;
  /** Seconds until the lock lapses, by the database's clock. */
  retryAfter: number | null;
}

/**
 * Counts an attempt to log in with this email before its password is checked, in one statement, so that any
 * number of simultaneous attempts, in any number of server processes, each count and each see the lock the
 * ones before them earned. An attempt during a lock is only counted (as a failure); otherwise it is a strike,
 * and the `strikesPerLock`-th strike earns the next lock: `firstLockMinutes`, doubling with each lock, at most
 * `longestLockMinutes`. The database's clock decides, the same for every process.
 */
export async function claimLoginAttempt(
  db: Executor,
  emailKey: string,
  policy: { strikesPerLock: number; firstLockMinutes: number; longestLockMinutes: number },
): Promise<LoginAttempt> {
  const unlocked = sql`(login_throttles.locked_until IS NULL OR login_throttles.locked_until <= now())`;
  const earnsLock = sql`(${unlocked} AND login_throttles.strikes + 1 >= ${policy.strikesPerLock}::int)`;
  const [row] = await rows<{ strikes: number; locks: number; locked: boolean; locked_now: boolean; locked_until: string | null; retry_after: number | null }>(db, sql`
    INSERT INTO login_throttles (email_key, failures, strikes, last_failed_at) VALUES (${emailKey}, 1, 1, now())
    ON CONFLICT (email_key) DO UPDATE SET
      failures = login_throttles.failures + 1,
      last_failed_at = now(),
      strikes = CASE WHEN NOT ${unlocked} THEN login_throttles.strikes WHEN ${earnsLock} THEN 0 ELSE login_throttles.strikes + 1 END,
      locks = login_throttles.locks + CASE WHEN ${earnsLock} THEN 1 ELSE 0 END,
      previous_locked_at = CASE WHEN ${earnsLock} THEN login_throttles.locked_at ELSE login_throttles.previous_locked_at END,
      previous_locked_until = CASE WHEN ${earnsLock} THEN login_throttles.locked_until ELSE login_throttles.previous_locked_until END,
      locked_at = CASE WHEN ${earnsLock} THEN now() ELSE login_throttles.locked_at END,
      locked_until = CASE WHEN ${earnsLock}
        THEN now() + interval '1 minute' * least(${policy.firstLockMinutes}::int * power(2, least(login_throttles.locks, 30)), ${policy.longestLockMinutes}::int)
        ELSE login_throttles.locked_until END
    RETURNING strikes, locks,
      COALESCE(locked_until > now(), false) AS locked,
      COALESCE(locked_at = now(), false) AS locked_now,
      ${isoUtc(sql`locked_until`)} AS locked_until,
      CASE WHEN locked_until > now() THEN ceil(extract(epoch FROM locked_until - now()))::int END AS retry_after`);
  return {
    strikes: row!.strikes, locks: row!.locks, locked: row!.locked, lockedNow: row!.locked_now,
    lockedUntil: row!.locked_until, retryAfter: row!.retry_after,
  };
}

/**
 * A successful login ends the count: the email's row goes, and if attempts had failed since the owner's last
 * login, they are kept as the account's security event and returned to be told. `lockedNow`: this very attempt
 * earned the last lock, so that lock and the attempt itself are not the owner's news.
 */
export async function settleLogin(db: Executor, emailKey: string, personId: number, lockedNow: boolean): Promise<SecurityNotice | null> {
  const [event] = await rows<SecurityNotice>(db, sql`
    WITH settled AS (DELETE FROM login_throttles WHERE email_key = ${emailKey} RETURNING *)
    INSERT INTO account_security_events (person_id, kind, failed_attempts, locks, locked_at, locked_until)
    SELECT ${personId}::int, 'failed_logins', failures - 1, locks - ${lockedNow ? 1 : 0}::int,
           CASE WHEN ${lockedNow}::boolean THEN previous_locked_at ELSE locked_at END,
           CASE WHEN ${lockedNow}::boolean THEN previous_locked_until ELSE locked_until END
    FROM settled WHERE failures > 1
    RETURNING failed_attempts AS "failedAttempts", locks, ${isoUtc(sql`locked_at`)} AS "lockedAt", ${isoUtc(sql`locked_until`)} AS "lockedUntil"`);
  return event ?? null;
}

/** Counts for emails nobody has logged in with for 90 days (and no lock in force) are forgotten. */
export async function deleteIdleLoginThrottles(db: Executor) {
  await db.execute(sql`DELETE FROM login_throttles
    WHERE last_failed_at < now() - interval '90 days' AND (locked_until IS NULL OR locked_until <= now())`);
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
  province_code: string | null;
  scope_name: string | null;
  scope_name_en: string | null;
}

/** The person behind a live session with all their role grants, in one round trip. */
export async function findSessionPerson(db: Executor, tokenHash: string): Promise<Actor | null> {
  const found = await rows<SessionRow>(db, sql`
    SELECT p.id AS person_id, p.display_name, p.email, p.locale, p.home_city_code,
           g.role, g.city_code, g.institution_id, i.city_code AS institution_city_code, g.province_code,
           COALESCE(i.name, pr.short_ko || ' ' || m.name_ko, gp.name_ko) AS scope_name,
           COALESCE(i.name_en, i.name, m.name_en || ', ' || pr.short_en, gp.name_en) AS scope_name_en
    FROM auth_sessions s
    JOIN people p ON p.id = s.person_id
    LEFT JOIN role_grants g ON g.person_id = p.id
    LEFT JOIN institutions i ON i.id = g.institution_id
    LEFT JOIN municipalities m ON m.code = g.city_code
    LEFT JOIN provinces pr ON pr.code = m.province_code
    LEFT JOIN provinces gp ON gp.code = g.province_code
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
        provinceCode: row.province_code,
        scopeName: row.scope_name,
        scopeNameEn: row.scope_name_en,
      })),
  };
}

export async function insertRoleGrant(
  db: Executor,
  grant: { personId: number; role: RoleCode; cityCode?: string | null; institutionId?: number | null; provinceCode?: string | null; grantedBy?: number | null },
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

export interface Recipient {
  personId: number;
  email: string;
  displayName: string;
  locale: Locale;
}

/**
 * Who holds a role, optionally bound to a city, one of several cities, or a province (to tell them what waits
 * for them).
 */
export async function holdersOf(
  db: Executor, role: RoleCode, scope: { cityCode?: string; cityCodes?: readonly string[]; provinceCode?: string } = {},
): Promise<Recipient[]> {
  const cities = scope.cityCodes ?? (scope.cityCode !== undefined ? [scope.cityCode] : null);
  return rows<Recipient>(db, sql`
    SELECT DISTINCT p.id AS "personId", p.email, p.display_name AS "displayName", p.locale
    FROM role_grants g JOIN people p ON p.id = g.person_id
    WHERE g.role = ${role}
      AND (${cities === null} OR g.city_code = ANY(${sql.param(cities ?? [])}::text[]))
      AND (${scope.provinceCode ?? null}::text IS NULL OR g.province_code = ${scope.provinceCode ?? null})
    ORDER BY p.id`);
}

export async function recipientsByIds(db: Executor, personIds: readonly number[]): Promise<Recipient[]> {
  if (personIds.length === 0) return [];
  return rows<Recipient>(db, sql`
    SELECT id AS "personId", email, display_name AS "displayName", locale FROM people
    WHERE id = ANY(${sql.param([...personIds])}::int[]) ORDER BY id`);
}

// ---------------------------------------------------------------------------------------------------
// Roles within an institution (one per person there): written here, decided by the colleagues module.

export interface InstitutionMember {
  personId: number;
  displayName: string;
  email: string;
  role: InstitutionRoleCode;
  /** When they took this role (or joined, if it never changed). */
  since: string;
}

/** The institution's colleagues, managers first, then by name. */
export async function membersOf(db: Executor, institutionId: number, page: PageRequest) {
  const order = sql.param([...institutionRoles.codes]);
  return pageOf(
    page,
    rows<InstitutionMember>(db, sql`
      SELECT p.id AS "personId", p.display_name AS "displayName", p.email, g.role, ${isoUtc(sql`g.granted_at`)} AS since
      FROM role_grants g JOIN people p ON p.id = g.person_id
      WHERE g.institution_id = ${institutionId}
      ORDER BY array_position(${order}::text[], g.role), p.display_name, p.id
      LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM role_grants WHERE institution_id = ${institutionId}`),
  );
}

/** One colleague of the institution, or nothing if the person holds no role there. */
export async function memberOf(db: Executor, institutionId: number, personId: number): Promise<InstitutionMember | undefined> {
  const [row] = await rows<InstitutionMember>(db, sql`
    SELECT p.id AS "personId", p.display_name AS "displayName", p.email, g.role, ${isoUtc(sql`g.granted_at`)} AS since
    FROM role_grants g JOIN people p ON p.id = g.person_id
    WHERE g.institution_id = ${institutionId} AND g.person_id = ${personId}`);
  return row;
}

/** The colleague of the institution who has this email, if any. */
export async function memberByEmail(db: Executor, institutionId: number, email: string): Promise<InstitutionMember | undefined> {
  const [row] = await rows<{ personId: number }>(db, sql`
    SELECT g.person_id AS "personId" FROM role_grants g JOIN people p ON p.id = g.person_id
    WHERE g.institution_id = ${institutionId} AND lower(p.email) = lower(${email})`);
  return row ? memberOf(db, institutionId, row.personId) : undefined;
}

export async function countMembersIn(db: Executor, institutionId: number, role: InstitutionRoleCode): Promise<number> {
  const [row] = await rows<{ n: number }>(db, sql`
    SELECT count(*)::int AS n FROM role_grants WHERE institution_id = ${institutionId} AND role = ${role}`);
  return row!.n;
}

/** Gives the person a role at the institution; false if they hold one there already (it is left as it was). */
export async function addMember(
  tx: Executor, grant: { personId: number; institutionId: number; role: InstitutionRoleCode; grantedBy: number | null },
): Promise<boolean> {
  const inserted = await rows<{ id: number }>(tx, sql`
    INSERT INTO role_grants (person_id, role, institution_id, granted_by)
    VALUES (${grant.personId}, ${grant.role}, ${grant.institutionId}, ${grant.grantedBy})
    ON CONFLICT DO NOTHING RETURNING id`);
  return inserted.length === 1;
}

/** A new role at the institution counts from now (`since`), and is the changer's grant. */
export async function changeMemberRole(tx: Executor, institutionId: number, personId: number, role: InstitutionRoleCode, changedBy: number | null) {
  await tx.execute(sql`
    UPDATE role_grants SET role = ${role}, granted_at = now(), granted_by = ${changedBy}
    WHERE institution_id = ${institutionId} AND person_id = ${personId}`);
}

export async function removeMember(tx: Executor, institutionId: number, personId: number) {
  await tx.execute(sql`DELETE FROM role_grants WHERE institution_id = ${institutionId} AND person_id = ${personId}`);
}

/** The account with this email (as typed, in any case), to write to it in its language. */
export async function recipientByEmail(db: Executor, email: string): Promise<Recipient | undefined> {
  const [row] = await rows<Recipient>(db, sql`
    SELECT id AS "personId", email, display_name AS "displayName", locale FROM people WHERE lower(email) = lower(${email})`);
  return row;
}

/** Reset emails sent to the person in the last hour (the limit on how many one address can be sent). */
export async function recentPasswordResets(db: Executor, personId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(passwordResets)
    .where(sql`${passwordResets.personId} = ${personId} AND ${passwordResets.createdAt} > now() - interval '1 hour'`);
  return row?.n ?? 0;
}

/** A new reset link for the person; their open ones stop working. */
export async function replacePasswordReset(tx: Executor, personId: number, tokenHash: string, lifetimeMinutes: number): Promise<{ expiresAt: string }> {
  await tx.execute(sql`
    UPDATE password_resets SET status = 'superseded', closed_at = now() WHERE person_id = ${personId} AND status = 'open'`);
  const [row] = await rows<{ expiresAt: string }>(tx, sql`
    INSERT INTO password_resets (person_id, token_hash, expires_at)
    VALUES (${personId}, ${tokenHash}, now() + make_interval(mins => ${lifetimeMinutes}))
    RETURNING ${isoUtc(sql`expires_at`)} AS "expiresAt"`);
  return row!;
}

export interface PasswordResetRow {
  id: number;
  personId: number;
  email: string;
  displayName: string;
  status: 'open' | 'used' | 'superseded';
  expiresAt: string;
  expired: boolean;
}

/** The reset a link's hash names, with its account; `lock` holds it for the transaction that uses it. */
export async function passwordResetByTokenHash(db: Executor, tokenHash: string, lock = false): Promise<PasswordResetRow | undefined> {
  const [row] = await rows<PasswordResetRow>(db, sql`
    SELECT r.id, r.person_id AS "personId", p.email, p.display_name AS "displayName", r.status,
           ${isoUtc(sql`r.expires_at`)} AS "expiresAt", r.expires_at <= now() AS expired
    FROM password_resets r JOIN people p ON p.id = r.person_id
    WHERE r.token_hash = ${tokenHash} ${lock ? sql`FOR UPDATE OF r` : sql``}`);
  return row;
}

/** Uses the reset: the new password, the link closed, the email's login lock lifted, and every session of the account ended. */
export async function completePasswordReset(tx: Executor, reset: { id: number; personId: number }, passwordHash: string, emailKey: string): Promise<void> {
  await tx.execute(sql`UPDATE password_resets SET status = 'used', closed_at = now() WHERE id = ${reset.id}`);
  // The link proved the mailbox is theirs: a lock earned by someone guessing at it no longer stands in their way.
  await tx.execute(sql`DELETE FROM login_throttles WHERE email_key = ${emailKey}`);
  await tx.update(people).set({ passwordHash }).where(eq(people.id, reset.personId));
  await tx.delete(authSessions).where(eq(authSessions.personId, reset.personId));
}
