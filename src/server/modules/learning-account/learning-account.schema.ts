/**
 * A resident's private calendar feed: the secret address a phone calendar subscribes to without logging in. One per
 * person; a new address replaces the old, and revoking deletes it, so the old address stops working at once.
 */
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt } from '../../platform/database/columns.ts';
import { people } from '../identity/identity.schema.ts';

export const calendarFeeds = pgTable('calendar_feeds', {
  personId: integer().primaryKey().references(() => people.id, { onDelete: 'cascade' }),
  /**
   * The secret in the address (256 random bits). Kept as it is, not hashed, so My learning can show the same address
   * again; it reveals only its owner's timetable, and revoking it is one click.
   */
  token: text().notNull().unique(),
  createdAt: createdAt(),
  /** When a calendar last fetched it: tells the owner whether a subscription is in use. */
  lastFetchedAt: timestamp({ withTimezone: true }),
});
