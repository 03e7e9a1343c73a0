/**
 * What the in-process catalogue (programs.catalogue.ts) reads from PostgreSQL: every searchable program with its
 * card, and which ones changed since a snapshot. A look for changes runs in one REPEATABLE READ transaction, so its
 * rows and its snapshot's xmin agree: a change not in the rows was committed by a transaction whose id is at least
 * xmin. A whole load reads in short pages after a snapshot (so that, on PGlite, other requests are answered between
 * them) and relies on the next look for what changed meanwhile.
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

function catalogueRows(tx: Executor, where: SQL) {
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
  return query.where(where).$dynamic();
}
export type CatalogueRow = Awaited<ReturnType<typeof catalogueRows>>[number];

export interface DongCentre {
  code: string;
  nameKo: string;
  lat: number;
  lon: number;
}

/**
 * Where a load of the whole catalogue starts: the xmin of a snapshot taken now. Rows read after it, page by page
 * (`cataloguePage`), are as of then or later; every change they may miss was committed by a transaction whose id
 * is at least this xmin, so the next look for changes (`catalogueChanges`) brings it in.
 */
export async function catalogueSnapshot(db: Executor): Promise<string> {
  return (await firstRow<{ xmin: string }>(db, sql`SELECT ${snapshotXmin} AS xmin`))!.xmin;
}

/** Searchable programs after `afterId`, by id, at most `limit`: a load reads the catalogue in such pages. */
export async function cataloguePage(db: Executor, afterId: number, limit: number): Promise<CatalogueRow[]> {
  return catalogueRows(db, sql`${programSearch.programId} > ${afterId}`).orderBy(programSearch.programId).limit(limit);
}

/** Every dong's centre ("near me" with no query for its place). */
export function dongCentres(db: Executor): Promise<DongCentre[]> {
  return db.select({ code: dongs.code, nameKo: dongs.nameKo, lat: dongs.lat, lon: dongs.lon }).from(dongs);
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

