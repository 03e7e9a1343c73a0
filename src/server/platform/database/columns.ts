/** Column helpers shared by module schemas. */
import { sql, type SQL } from 'drizzle-orm';
import { check, customType, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** A CHECK that keeps a text column within a vocabulary's codes (the vocabulary is defined once, in src/shared). */
export function checkIn(name: string, column: AnyPgColumn, codes: readonly string[]) {
  return check(name, sql`${column} IN (${quotedCodes(codes)})`);
}

/** A CHECK that every element of a text[] column is one of the codes. */
export function checkAllIn(name: string, column: AnyPgColumn, codes: readonly string[]) {
  return check(name, sql`${column} <@ ARRAY[${quotedCodes(codes)}]::text[]`);
}

/** A vocabulary's codes as SQL literals, for CHECKs written by hand (`role IN (…)`). */
export function quotedCodes(codes: readonly string[]): SQL {
  for (const code of codes) {
    if (!/^[a-z0-9_-]+$/.test(code)) throw new Error(`vocabulary code not safe for SQL: ${code}`);
  }
  return sql.raw(codes.map((code) => `'${code}'`).join(', '));
}

export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/** PostgreSQL's full-text document type (drizzle has no built-in for it). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
/** A 64-bit transaction id (pg_current_xact_id()), compared with a snapshot's xmin. */
export const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });

/** Binary data (Buffer on both drivers). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
