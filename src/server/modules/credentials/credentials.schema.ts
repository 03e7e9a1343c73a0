/**
 * Certificates of completion, issued as Open Badges 3.0 credentials (W3C Verifiable Credentials) signed
 * with the platform's Ed25519 key, and that key.
 */
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from '../../platform/database/columns.ts';
import { enrolments } from '../enrolment/enrolment.schema.ts';
import { municipalities } from '../geography/geography.schema.ts';
import { people } from '../identity/identity.schema.ts';
import { programs } from '../programs/programs.schema.ts';

export const certificates = pgTable(
  'certificates',
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    enrolmentId: integer().notNull().unique().references(() => enrolments.id),
    personId: integer().notNull().references(() => people.id),
    programId: integer().notNull().references(() => programs.id),
    cityCode: text().notNull().references(() => municipalities.code),
    issuedAt: createdAt(),
    /** The signed credential: a compact JWS (VC-JWT, EdDSA). */
    jwt: text().notNull(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.personId)],
);

/**
 * The platform's signing keys. The newest signs; older ones still verify what they signed. Set
 * CREDENTIAL_SIGNING_KEY to keep the private key out of the database.
 */
export const signingKeys = pgTable('signing_keys', {
  kid: text().primaryKey(),
  publicKeyPem: text().notNull(),
  privateKeyPem: text(),
  createdAt: createdAt(),
});
