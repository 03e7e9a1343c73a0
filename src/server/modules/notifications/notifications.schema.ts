/**
 * The inbox: what waits for each person (an application to endorse, a review to score, a decision to read).
 * Written in both languages when it happens, so the inbox reads in whichever the person uses later.
 */
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt } from '../../platform/database/columns.ts';
import { people } from '../identity/identity.schema.ts';

export const notifications = pgTable(
  'notifications',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    personId: integer().notNull().references(() => people.id, { onDelete: 'cascade' }),
    /** What it is about, for grouping and icons (e.g. 'designation.application_returned'). */
    kind: text().notNull(),
    titleKo: text().notNull(),
    titleEn: text().notNull(),
    bodyKo: text().notNull().default(''),
    bodyEn: text().notNull().default(''),
    /** Where in the app to act on it. */
    link: text(),
    /** The city it concerns, if any (the distribution key). */
    cityCode: text(),
    createdAt: createdAt(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.personId, t.createdAt), index('notifications_unread_index').on(t.personId).where(sql`${t.readAt} IS NULL`)],
);
