/**
 * API keys with which an institution's own systems import and export its programs. Only the SHA-256 of the key is
 * kept (the key is shown once, when it is made); its first characters stay readable so staff can tell keys apart.
 */
import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from '../../platform/database/columns.ts';
import { people } from '../identity/identity.schema.ts';
import { institutions } from '../institutions/institutions.schema.ts';

export const institutionApiKeys = pgTable(
  'institution_api_keys',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    institutionId: integer().notNull().references(() => institutions.id),
    /** What the staff called it (e.g. 학사 관리 시스템). */
    name: text().notNull(),
    /** The key's first characters, shown in the list. */
    prefix: text().notNull(),
    tokenHash: text().notNull(),
    createdBy: integer().notNull().references(() => people.id),
    createdAt: createdAt(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    revokedBy: integer().references(() => people.id),
  },
  (t) => [uniqueIndex('institution_api_keys_token_hash').on(t.tokenHash), index().on(t.institutionId, t.createdAt)],
);
