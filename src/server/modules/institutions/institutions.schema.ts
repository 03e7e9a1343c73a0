/** Lifelong-education institutions and the venues where they teach. Owned by a city (city_code). */
import { boolean, doublePrecision, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { institutionTypes, type InstitutionType } from '../../../shared/vocabulary/index.ts';
import { checkIn, createdAt } from '../../platform/database/columns.ts';
import { dongs, municipalities } from '../geography/geography.schema.ts';

export const institutions = pgTable(
  'institutions',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    cityCode: text().notNull().references(() => municipalities.code),
    dongCode: text().notNull().references(() => dongs.code),
    type: text().$type<InstitutionType>().notNull(),
    name: text().notNull(),
    nameEn: text(),
    description: text().notNull().default(''),
    address: text().notNull().default(''),
    phone: text(),
    website: text(),
    lat: doublePrecision().notNull(),
    lon: doublePrecision().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.cityCode, t.type),
    index().on(t.dongCode),
    checkIn('institutions_type_check', t.type, institutionTypes.codes),
  ],
);

export const venues = pgTable(
  'venues',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    institutionId: integer().notNull().references(() => institutions.id),
    cityCode: text().notNull().references(() => municipalities.code),
    dongCode: text().notNull().references(() => dongs.code),
    name: text().notNull(),
    seats: integer().notNull(),
    stepFree: boolean().notNull().default(true),
    lat: doublePrecision().notNull(),
    lon: doublePrecision().notNull(),
  },
  (t) => [index().on(t.institutionId), index().on(t.cityCode), index().on(t.lat, t.lon)],
);
