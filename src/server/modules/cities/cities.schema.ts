/**
 * Learning cities: each city's public profile. (Its designation history belongs to modules/designation, its
 * learning events to modules/city-record.)
 */
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { municipalities } from '../geography/geography.schema.ts';
import { people } from '../identity/identity.schema.ts';

/** What the city says about its own lifelong learning system; edited by its officers. */
export const cityProfiles = pgTable('city_profiles', {
  cityCode: text().primaryKey().references(() => municipalities.code),
  department: text().notNull().default(''),
  vision: text().notNull().default(''),
  homepageUrl: text(),
  phone: text(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedBy: integer().references(() => people.id),
});
