/** Every SQL statement of the city-record module. */
import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { CityYearFigures, CityYearRecord } from '../../../shared/contracts/city-record.ts';
import { firstRow, offsetOf, pageOf, rows, type Executor } from '../../platform/database/database.ts';
import { people } from '../identity/identity.schema.ts';
import { cityRecordChanges, cityYears } from './city-record.schema.ts';
import type { ListFilter, RecordList } from './city-record.lists.ts';

type Row = Record<string, unknown> & { id: number; version: number };

function listWhere(list: RecordList, cityCode: string, filter: ListFilter): SQL {
  const conditions = [eq(list.columns.cityCode, cityCode)];
  if (filter.year !== undefined && list.dated) conditions.push(sql`extract(year FROM ${list.dated}) = ${filter.year}`);
  if (filter.committeeId !== undefined && list.inCommittee) conditions.push(eq(list.inCommittee, filter.committeeId));
  return and(...conditions)!;
}

export async function listItems(db: Executor, list: RecordList, cityCode: string, filter: ListFilter, page: PageRequest) {
  const where = listWhere(list, cityCode, filter);
  return pageOf(
    page,
    db.select().from(list.table).where(where).orderBy(...list.order).limit(page.pageSize).offset(offsetOf(page)) as unknown as Promise<Row[]>,
    db.select({ n: count() }).from(list.table).where(where),
  );
}

/** Every item of the city (for the workbook). */
export async function allItems(db: Executor, list: RecordList, cityCode: string): Promise<Row[]> {
  return (await db.select().from(list.table).where(eq(list.columns.cityCode, cityCode)).orderBy(...list.order)) as Row[];
}

export async function findItem(db: Executor, list: RecordList, cityCode: string, id: number): Promise<Row | undefined> {
  const [row] = await db.select().from(list.table).where(and(eq(list.columns.id, id), eq(list.columns.cityCode, cityCode)));
  return row as Row | undefined;
}

export async function insertItem(db: Executor, list: RecordList, values: Record<string, unknown>): Promise<Row> {
  const [row] = await db.insert(list.table as PgTable).values(values as never).returning();
  return row as Row;
}

/** Changes the item only if nobody saved it since `version`; undefined when they did (or it is gone). */
export async function updateItem(db: Executor, list: RecordList, cityCode: string, id: number, version: number, changes: Record<string, unknown>) {
  const [row] = await db.update(list.table as PgTable)
    .set({ ...changes, version: sql`${list.columns.version} + 1`, updatedAt: sql`now()` } as never)
    .where(and(eq(list.columns.id, id), eq(list.columns.cityCode, cityCode), eq(list.columns.version, version)))
    .returning();
  return row as Row | undefined;
}

export async function deleteItem(db: Executor, list: RecordList, cityCode: string, id: number): Promise<Row | undefined> {
  const [row] = await db.delete(list.table as PgTable).where(and(eq(list.columns.id, id), eq(list.columns.cityCode, cityCode))).returning();
  return row as Row | undefined;
}

const yearColumns = {
  cityCode: cityYears.cityCode, year: cityYears.year, budgetNationalKrw: cityYears.budgetNationalKrw, budgetProvincialKrw: cityYears.budgetProvincialKrw,
  budgetOwnKrw: cityYears.budgetOwnKrw, cityTotalBudgetKrw: cityYears.cityTotalBudgetKrw, dedicatedStaff: cityYears.dedicatedStaff,
  certifiedEducators: cityYears.certifiedEducators, hasDepartment: cityYears.hasDepartment, departmentName: cityYears.departmentName,
  learningCentres: cityYears.learningCentres, dongLearningCentres: cityYears.dongLearningCentres, informationSystems: cityYears.informationSystems,
  portalUrl: cityYears.portalUrl, commercialisedPrograms: cityYears.commercialisedPrograms, notes: cityYears.notes, version: cityYears.version,
  updatedAt: sql<string>`${cityYears.updatedAt}::text`, updatedByName: people.displayName,
};

export async function listYears(db: Executor, cityCode: string, page: PageRequest) {
  const where = eq(cityYears.cityCode, cityCode);
  return pageOf(
    page,
    db.select(yearColumns).from(cityYears).leftJoin(people, eq(people.id, cityYears.updatedBy)).where(where)
      .orderBy(desc(cityYears.year)).limit(page.pageSize).offset(offsetOf(page)) as unknown as Promise<CityYearRecord[]>,
    db.select({ n: count() }).from(cityYears).where(where),
  );
}

export async function findYear(db: Executor, cityCode: string, year: number): Promise<CityYearRecord | undefined> {
  const [row] = await db.select(yearColumns).from(cityYears).leftJoin(people, eq(people.id, cityYears.updatedBy))
    .where(and(eq(cityYears.cityCode, cityCode), eq(cityYears.year, year)));
  return row as CityYearRecord | undefined;
}

/** A year's first record; false when someone else created it first. */
export async function insertYear(db: Executor, cityCode: string, year: number, figures: CityYearFigures, personId: number | null): Promise<boolean> {
  const inserted = await db.insert(cityYears).values({ cityCode, year, ...figures, updatedBy: personId }).onConflictDoNothing().returning({ year: cityYears.year });
  return inserted.length > 0;
}

/** Saves a year over `version`; false when someone saved it since. */
export async function updateYear(db: Executor, cityCode: string, year: number, version: number, figures: CityYearFigures, personId: number | null): Promise<boolean> {
  const updated = await db.update(cityYears)
    .set({ ...figures, version: sql`${cityYears.version} + 1`, updatedAt: sql`now()`, updatedBy: personId })
    .where(and(eq(cityYears.cityCode, cityCode), eq(cityYears.year, year), eq(cityYears.version, version)))
    .returning({ year: cityYears.year });
  return updated.length > 0;
}

export async function logChange(db: Executor, change: {
  cityCode: string; entity: string; entityKey: string; action: 'create' | 'update' | 'delete' | 'import';
  changedBy: number | null; before: unknown; after: unknown;
}) {
  await db.insert(cityRecordChanges).values({ ...change, before: change.before ?? null, after: change.after ?? null });
}

export async function listChanges(db: Executor, cityCode: string, filter: { entity?: string }, page: PageRequest) {
  const where = filter.entity
    ? and(eq(cityRecordChanges.cityCode, cityCode), eq(cityRecordChanges.entity, filter.entity))!
    : eq(cityRecordChanges.cityCode, cityCode);
  return pageOf(
    page,
    rows<{ id: number; entity: string; entityKey: string; action: string; changedAt: string; changedByName: string | null; before: unknown; after: unknown }>(db, sql`
      SELECT city_record_changes.id, entity, entity_key AS "entityKey", action, changed_at::text AS "changedAt",
        people.display_name AS "changedByName", before, after
      FROM city_record_changes LEFT JOIN people ON people.id = city_record_changes.changed_by
      WHERE ${where} ORDER BY changed_at DESC, city_record_changes.id DESC LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    db.select({ n: count() }).from(cityRecordChanges).where(where),
  );
}

export async function cityExists(db: Executor, cityCode: string): Promise<boolean> {
  return (await firstRow<{ found: boolean }>(db, sql`SELECT EXISTS (SELECT 1 FROM municipalities WHERE code = ${cityCode}) AS found`))?.found ?? false;
}

export async function dongBelongsTo(db: Executor, dongCode: string, cityCode: string): Promise<boolean> {
  return (await firstRow<{ found: boolean }>(db, sql`SELECT EXISTS (SELECT 1 FROM dongs WHERE code = ${dongCode} AND municipality_code = ${cityCode}) AS found`))?.found ?? false;
}

/** How many of `ids` are proposals of the city (a meeting may only link its own city's). */
export async function countCityProposals(db: Executor, ids: readonly number[], cityCode: string): Promise<number> {
  return (await firstRow<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM proposals WHERE city_code = ${cityCode} AND id = ANY(${sql.param([...ids])}::int[])`))?.n ?? 0;
}

/** How many of `years` the city ran a needs survey in. */
export async function countCityNeedsSurveys(db: Executor, years: readonly number[], cityCode: string): Promise<number> {
  return (await firstRow<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM surveys WHERE purpose = 'needs' AND city_code = ${cityCode} AND year = ANY(${sql.param([...years])}::int[])`))?.n ?? 0;
}
