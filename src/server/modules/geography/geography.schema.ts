/**
 * Korea's administrative tree (KOSTAT census units, 2018): reference data, the same for every city.
 * Under Citus these would be reference tables (replicated to every node).
 */
import { doublePrecision, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { dongKinds, municipalityKinds, type DongKind, type MunicipalityKind } from '../../../shared/vocabulary/index.ts';
import { checkIn } from '../../platform/database/columns.ts';

export const provinces = pgTable('provinces', {
  code: text().primaryKey(),
  nameKo: text().notNull(),
  nameEn: text().notNull(),
  shortKo: text().notNull(),
  shortEn: text().notNull(),
});

/** Autonomous 시·군·구 — the unit the ministry designates as a learning city. Its code is the "city code". */
export const municipalities = pgTable(
  'municipalities',
  {
    code: text().primaryKey(),
    provinceCode: text().notNull().references(() => provinces.code),
    kind: text().$type<MunicipalityKind>().notNull(),
    nameKo: text().notNull(),
    nameEn: text().notNull(),
    lat: doublePrecision().notNull(),
    lon: doublePrecision().notNull(),
  },
  (t) => [
    index().on(t.provinceCode),
    checkIn('municipalities_kind_check', t.kind, municipalityKinds.codes),
  ],
);

/** 읍·면·동, with the non-autonomous district (일반구) they belong to where there is one. */
export const dongs = pgTable(
  'dongs',
  {
    code: text().primaryKey(),
    municipalityCode: text().notNull().references(() => municipalities.code),
    districtCode: text(),
    districtNameKo: text(),
    districtNameEn: text(),
    kind: text().$type<DongKind>().notNull(),
    nameKo: text().notNull(),
    nameEn: text().notNull(),
    lat: doublePrecision().notNull(),
    lon: doublePrecision().notNull(),
    /** Radius of a circle with the dong's area: how far from its anchor point the dong extends. */
    radiusM: integer().notNull(),
    /** Synthetic (see README): the boundary files carry no population. */
    population: integer().notNull(),
    population65Plus: integer().notNull(),
  },
  (t) => [
    index().on(t.municipalityCode),
    checkIn('dongs_kind_check', t.kind, dongKinds.codes),
  ],
);
