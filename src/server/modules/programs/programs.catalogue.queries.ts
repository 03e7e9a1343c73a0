/**
 * What the in-process catalogue (programs.catalogue.ts) reads from PostgreSQL: every searchable program with its
 * card, and which ones changed since a snapshot. Each read runs in one REPEATABLE READ transaction, so the rows and
 * the snapshot's xmin agree: a change not in the rows was committed by a transaction whose id is at least xmin.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import { firstRow, type Executor } from '../../platform/database/database.ts';
import { dongs, municipalities } from '../geography/geography.schema.ts';
import { institutions } from '../institutions/institutions.schema.ts';
import { summaryColumns } from './programs.queries.ts';
import { programSearch, programSearchText, programs } from './programs.schema.ts';

/** How long changes are kept: a process that has not looked for longer reloads everything. */
export const CHANGES_KEPT_MINUTES = 10;

const snapshotXmin = sql`pg_snapshot_xmin(pg_current_snapshot())::text`;

async function catalogueRows(tx: Executor, where?: SQL) {
  const query = tx.select({
    ...summaryColumns,
    institutionNo: programSearch.institutionId,
    areaNo: programSearch.areaNo,
    subcategoryNo: programSearch.subcategoryNo,
    modeNo: programSearch.modeNo,
    targetBits: programSearch.targetBits,
    weekdayBits: programSearch.weekdayBits,
    startMinute: programSearch.startMinute,
    searchStartsOn: programSearch.startsOn,
    seatsLeft: programSearch.seatsLeft,
    enrolsUntil: programSearch.enrolsUntil,
    // Microseconds, as PostgreSQL orders them ("newest" ties are broken by id, not by a rounded time).
    publishedMicros: sql<number | null>`(extract(epoch FROM ${programSearch.publishedAt}) * 1000000)::float8`,
    searchLat: programSearch.lat,
    searchLon: programSearch.lon,
    searchCity: programSearch.cityCode,
    searchDong: programSearch.dongCode,
    searchFee: programSearch.feeKrw,
    searchText: programSearchText.searchText,
    titleChosung: programSearchText.titleChosung,
    descriptionTerms: sql<string>`${programSearchText.descriptionTerms}::text`,
  }).from(programSearch)
    .innerJoin(programSearchText, eq(programSearchText.programId, programSearch.programId))
    .innerJoin(programs, eq(programs.id, programSearch.programId))
    .innerJoin(institutions, eq(institutions.id, programs.institutionId))
    .innerJoin(municipalities, eq(municipalities.code, programs.cityCode))
    .leftJoin(dongs, eq(dongs.code, programs.dongCode));
  return where ? query.where(where) : query;
}
export type CatalogueRow = Awaited<ReturnType<typeof catalogueRows>>[number];

export interface DongCentre {
  code: string;
  nameKo: string;
  lat: number;
  lon: number;
}

/** Every searchable program, the dongs' centres ("near me"), and the xmin of the snapshot they were read in. */
export function wholeCatalogue(db: Executor): Promise<{ xmin: string; rows: CatalogueRow[]; dongs: DongCentre[] }> {
  return db.transaction(async (tx) => {
    const { xmin } = (await firstRow<{ xmin: string }>(tx, sql`SELECT ${snapshotXmin} AS xmin`))!;
    const centres = await tx.select({ code: dongs.code, nameKo: dongs.nameKo, lat: dongs.lat, lon: dongs.lon }).from(dongs);
    return { xmin, rows: await catalogueRows(tx), dongs: centres };
  }, { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

/**
 * Programs changed by transactions from `since` on (some already seen: applying them again is harmless), their rows
 * now (a program without one has left the catalogue), and the xmin to ask from next time. `everything`: the
 * catalogue was emptied at once (program 0).
 */
export function catalogueChanges(db: Executor, since: string): Promise<{ xmin: string; everything: boolean; changed: number[]; rows: CatalogueRow[] }> {
  return db.transaction(async (tx) => {
    const head = (await firstRow<{ xmin: string; changed: number[] | null }>(tx, sql`
      SELECT ${snapshotXmin} AS xmin,
             (SELECT array_agg(DISTINCT program_id) FROM program_search_changes WHERE transaction_id >= ${since}::xid8) AS changed`))!;
    const changed = head.changed ?? [];
    const everything = changed.includes(0);
    const found = changed.length && !everything
      ? await catalogueRows(tx, sql`${programSearch.programId} = ANY(${sql.param(changed)}::int[])`)
      : [];
    return { xmin: head.xmin, everything, changed, rows: found };
  }, { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

/** Forgets changes every process has had time to read (run with the hourly upkeep). */
export async function pruneCatalogueChanges(db: Executor): Promise<void> {
  await db.execute(sql`DELETE FROM program_search_changes WHERE changed_at < now() - make_interval(mins => ${CHANGES_KEPT_MINUTES})`);
}

