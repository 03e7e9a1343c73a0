/**
 * People, the roles they hold, and their login sessions. A person is national (they learn in any city);
 * staff roles are bound to one institution or one city.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { institutionRoles, locales, roles, type Locale, type RoleCode } from '../../../shared/vocabulary/index.ts';
import { checkIn, createdAt, quotedCodes } from '../../platform/database/columns.ts';
import { dongs, municipalities, provinces } from '../geography/geography.schema.ts';
import { institutions } from '../institutions/institutions.schema.ts';

export const people = pgTable(
  'people',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    email: text().notNull(),
    /** Null for people who have never set a password (generated residents): they cannot log in. */
    passwordHash: text(),
    displayName: text().notNull(),
    birthYear: integer(),
    homeCityCode: text().references(() => municipalities.code),
    homeDongCode: text().references(() => dongs.code),
    locale: text().$type<Locale>().notNull().default('ko'),
    /** Optional Korean mobile number, kept as 010-1234-5678 (src/shared/lib/phone.ts), for courses that send texts. */
    phone: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('people_email_unique').on(sql`lower(${t.email})`),
    check('people_phone_check', sql`${t.phone} ~ '^010-[0-9]{4}-[0-9]{4}$'`),
    index().on(t.homeCityCode),
    checkIn('people_locale_check', t.locale, locales),
  ],
);

export const roleGrants = pgTable(
  'role_grants',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer().notNull().references(() => people.id, { onDelete: 'cascade' }),
    role: text().$type<RoleCode>().notNull(),
    cityCode: text().references(() => municipalities.code),
    institutionId: integer().references(() => institutions.id),
    provinceCode: text().references(() => provinces.code),
    grantedAt: createdAt(),
    grantedBy: integer().references(() => people.id),
  },
  (t) => [
    index().on(t.personId),
    unique('role_grants_unique').on(t.personId, t.role, t.cityCode, t.institutionId, t.provinceCode).nullsNotDistinct(),
    // One role per person within an institution: changing it changes the row, so a colleague is never two things at once.
    uniqueIndex('role_grants_one_role_per_institution').on(t.personId, t.institutionId).where(sql`${t.institutionId} IS NOT NULL`),
    checkIn('role_grants_role_check', t.role, roles.codes),
    // A staff role names its one scope; other roles have none (reviewers and consultants act on assignments).
    check(
      'role_grants_scope_check',
      sql`CASE
        WHEN ${t.role} IN (${quotedCodes(institutionRoles.codes)}) THEN ${t.institutionId} IS NOT NULL AND ${t.cityCode} IS NULL AND ${t.provinceCode} IS NULL
        WHEN ${t.role} = 'city_officer' THEN ${t.cityCode} IS NOT NULL AND ${t.institutionId} IS NULL AND ${t.provinceCode} IS NULL
        WHEN ${t.role} = 'province_officer' THEN ${t.provinceCode} IS NOT NULL AND ${t.cityCode} IS NULL AND ${t.institutionId} IS NULL
        ELSE ${t.cityCode} IS NULL AND ${t.institutionId} IS NULL AND ${t.provinceCode} IS NULL END`,
    ),
  ],
);

/** Server-side sessions: the cookie carries a random token; only its SHA-256 is stored. */
export const authSessions = pgTable(
  'auth_sessions',
  {
    tokenHash: text().primaryKey(),
    personId: integer().notNull().references(() => people.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    userAgent: text(),
  },
  (t) => [index().on(t.personId), index().on(t.expiresAt)],
);

/**
 * Failed logins per email, whether or not an account has it (so a lock says nothing about which emails are
 * registered), and the lock they earn. One row per normalised email, changed by single atomic statements so
 * that simultaneous attempts from any number of server processes all count. Deleted on a successful login.
 */
export const loginThrottles = pgTable(
  'login_throttles',
  {
    /** The email as typed, trimmed and lower-cased. */
    emailKey: text().primaryKey(),
    /** Attempts that did not log in since the last one that did, those refused during a lock included. */
    failures: integer().notNull().default(0),
    /** Wrong passwords since the last lock (or since the start): the fifth earns the next lock. */
    strikes: integer().notNull().default(0),
    /** Locks earned since the last successful login; each lasts twice as long as the one before. */
    locks: integer().notNull().default(0),
    lastFailedAt: timestamp({ withTimezone: true }).notNull(),
    lockedAt: timestamp({ withTimezone: true }),
    lockedUntil: timestamp({ withTimezone: true }),
    /** The lock before the current one: what the owner is told if the attempt that earned the current one was theirs. */
    previousLockedAt: timestamp({ withTimezone: true }),
    previousLockedUntil: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.lastFailedAt)],
);

/**
 * What happened to an account that its owner should know: for now, the failed logins (and locks) found when
 * they logged in again. Kept as the account's history; the login that records one also shows it, once.
 */
export const accountSecurityEvents = pgTable(
  'account_security_events',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer().notNull().references(() => people.id, { onDelete: 'cascade' }),
    kind: text().$type<'failed_logins'>().notNull(),
    failedAttempts: integer().notNull(),
    locks: integer().notNull(),
    /** The last lock (when there was one). */
    lockedAt: timestamp({ withTimezone: true }),
    lockedUntil: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.personId), checkIn('account_security_events_kind_check', t.kind, ['failed_logins'])],
);

/**
 * Password resets asked for by email: each a link that works once, until it expires; only its SHA-256 is kept.
 * A newer request voids the person's older open links (the latest email is the one that works).
 */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer().notNull().references(() => people.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    status: text().$type<'open' | 'used' | 'superseded'>().notNull().default('open'),
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('password_resets_token_hash_unique').on(t.tokenHash),
    index().on(t.personId, t.createdAt),
    checkIn('password_resets_status_check', t.status, ['open', 'used', 'superseded']),
  ],
);
