/**
 * Every SQL statement of the copies module. It writes only its own tables (fingerprints, pairs, runs) and
 * reads the programs, institutions and municipalities it compares and names, read-only, as analytics may.
 * Whole-country reads go in batches by program id (keyset), so memory stays flat however many programs.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { CopyDetectionRun, CopyPair, CopySide, InstitutionDuplication, AreaDuplication } from '../../../shared/contracts/copies.ts';
import type { ProgramAreaCode } from '../../../shared/vocabulary/index.ts';
import { firstRow, offsetOf, pageOf, rows, type Executor } from '../../platform/database/database.ts';
import { programsModule } from '../programs/index.ts';

/** Listings that are or were open to the public; drafts and cancelled programs are not compared. */
const detectable = (status: SQL) => sql`${status} IN ('published', 'closed')`;
const EXCERPT_CHARS = 240;
const iso = (column: SQL) => sql`to_json(${column}) #>> '{}'`;
/** The start of a description, with an ellipsis when there is more. */
const excerpt = (description: SQL) => sql`CASE WHEN length(${description}) > ${EXCERPT_CHARS} THEN left(${description}, ${EXCERPT_CHARS}) || '…' ELSE ${description} END`;

// ---- Fingerprints -----------------------------------------------------------------------------------

/** Programs after `afterId` whose fingerprint is missing or older than their last change. */
export async function staleFingerprintIds(db: Executor, afterId: number): Promise<number[]> {
  const found = await rows<{ id: number }>(db, sql`
    SELECT p.id FROM programs p LEFT JOIN program_fingerprints f ON f.program_id = p.id
    WHERE p.id > ${afterId} AND (f.program_id IS NULL OR f.computed_at < p.updated_at)
    ORDER BY p.id`);
  return found.map((r) => r.id);
}

/**
 * What a national run must know before reading signatures, in one pass over the programs: those whose
 * fingerprint is missing or stale, and those not to compare (drafts, cancelled), each in id order.
 */
export async function programsToPrepare(db: Executor): Promise<{ stale: number[]; skipped: number[] }> {
  const found = await rows<{ id: number; stale: boolean; skipped: boolean }>(db, sql`
    SELECT id, stale, skipped FROM (
      SELECT p.id, f.program_id IS NULL OR f.computed_at < p.updated_at AS stale, NOT ${detectable(sql`p.status`)} AS skipped
      FROM programs p LEFT JOIN program_fingerprints f ON f.program_id = p.id
    ) states WHERE stale OR skipped ORDER BY id`);
  return { stale: found.filter((r) => r.stale).map((r) => r.id), skipped: found.filter((r) => r.skipped).map((r) => r.id) };
}

/** The highest program id: the most signatures a run can read (ids are dense). */
export async function lastProgramId(db: Executor): Promise<number> {
  return (await firstRow<{ id: number }>(db, sql`SELECT COALESCE(max(id), 0)::int AS id FROM programs`))!.id;
}

export async function lastFingerprintedId(db: Executor): Promise<number> {
  return (await firstRow<{ id: number }>(db, sql`SELECT COALESCE(max(program_id), 0)::int AS id FROM program_fingerprints`))!.id;
}

export interface Listing {
  id: number;
  cityCode: string;
  institutionId: number;
  title: string;
  description: string;
  structure: { area: string; subcategory: string; targetGroups: string[]; sessionCount: number; totalHours: number };
  /** The institution's name and its dong's (the program's, else the institution's). */
  ownNames: string[];
}

const listingColumns = sql`p.id, p.city_code AS "cityCode", p.institution_id AS "institutionId", p.title, p.description,
  json_build_object('area', p.area, 'subcategory', p.subcategory, 'targetGroups', p.target_groups, 'sessionCount', p.session_count,
    'totalHours', p.total_hours::float8) AS structure,
  array_remove(ARRAY[i.name, coalesce(pd.name_ko, d.name_ko)], NULL) AS "ownNames"`;
const listingSources = sql`programs p JOIN institutions i ON i.id = p.institution_id JOIN dongs d ON d.code = i.dong_code
  LEFT JOIN dongs pd ON pd.code = p.dong_code`;

export async function listings(db: Executor, ids: readonly number[]): Promise<Listing[]> {
  return rows<Listing>(db, sql`
    SELECT ${listingColumns} FROM ${listingSources} WHERE p.id = ANY(${sql.param([...ids])}::int[]) ORDER BY p.id`);
}

/** About `count` detectable listings spread evenly over the ids: what the boilerplate is learned from. */
export async function listingSample(db: Executor, count: number): Promise<Listing[]> {
  const step = Math.max(1, Math.ceil((await lastProgramId(db)) / count));
  return rows<Listing>(db, sql`
    SELECT ${listingColumns} FROM ${listingSources} WHERE p.id % ${step} = 0 AND ${detectable(sql`p.status`)} ORDER BY p.id`);
}

export interface Fingerprint {
  programId: number;
  cityCode: string;
  institutionId: number;
  signature: Buffer;
  bands: number[];
  instructorKey: number;
}

export async function saveFingerprints(db: Executor, fingerprints: readonly Fingerprint[]): Promise<void> {
  if (fingerprints.length === 0) return;
  // Signatures travel as hex and bands as array literals: the one encoding both drivers pass through unchanged.
  await db.execute(sql`
    INSERT INTO program_fingerprints (program_id, city_code, institution_id, signature, bands, instructor_key, computed_at)
    SELECT id, city, institution, decode(signature, 'hex'), bands::int[], instructor, now()
    FROM unnest(${sql.param(fingerprints.map((f) => f.programId))}::int[], ${sql.param(fingerprints.map((f) => f.cityCode))}::text[],
      ${sql.param(fingerprints.map((f) => f.institutionId))}::int[], ${sql.param(fingerprints.map((f) => f.signature.toString('hex')))}::text[],
      ${sql.param(fingerprints.map((f) => `{${f.bands.join(',')}}`))}::text[], ${sql.param(fingerprints.map((f) => f.instructorKey))}::int[])
      AS f(id, city, institution, signature, bands, instructor)
    ON CONFLICT (program_id) DO UPDATE SET city_code = EXCLUDED.city_code, institution_id = EXCLUDED.institution_id,
      signature = EXCLUDED.signature, bands = EXCLUDED.bands, instructor_key = EXCLUDED.instructor_key, computed_at = EXCLUDED.computed_at`);
}

export interface StoredSignature {
  programId: number;
  institutionId: number;
  cityCode: string;
  instructorKey: number;
  /** 64 little-endian uint32 values, in base64 (a third of the bytes hex would take on the wire). */
  signature: string;
}

/** The next batch of stored signatures after `afterId`, in id order (the primary key's order: no sort, no join). */
export async function signaturesAfter(db: Executor, afterId: number, limit: number): Promise<StoredSignature[]> {
  return rows<StoredSignature>(db, sql`
    SELECT program_id AS "programId", institution_id AS "institutionId", city_code AS "cityCode", instructor_key AS "instructorKey",
      encode(signature, 'base64') AS signature
    FROM program_fingerprints WHERE program_id > ${afterId} ORDER BY program_id LIMIT ${limit}`);
}

/**
 * Programs of other institutions sharing at least one LSH band with `bands` (the GIN index finds them) or
 * naming the same instructor. Their status is checked later, for the few that come close: a boilerplate
 * band can bring thousands.
 */
export async function sharingABandOrInstructor(
  db: Executor, bands: readonly number[], instructorKey: number, exceptInstitutionId: number,
): Promise<{ programId: number; signature: string; instructorKey: number }[]> {
  return rows(db, sql`
    SELECT program_id AS "programId", encode(signature, 'base64') AS signature, instructor_key AS "instructorKey" FROM program_fingerprints
    WHERE (bands && ${sql.param([...bands])}::int[] OR (instructor_key = ${instructorKey} AND instructor_key <> 0))
      AND institution_id <> ${exceptInstitutionId}`);
}

// ---- Pairs and runs ---------------------------------------------------------------------------------

export interface FoundPair {
  programId: number;
  otherProgramId: number;
  similarity: number;
  cityCode: string;
  otherCityCode: string;
  institutionId: number;
  otherInstitutionId: number;
}

const PAIR_BATCH = 5_000;

/** Replaces every stored pair with the run's (inside the caller's transaction: readers see old or new, never half). */
export async function replacePairs(tx: Executor, pairs: readonly FoundPair[], detectedAt: Date): Promise<void> {
  // Two runs finishing together take turns: the second deletes what the first stored instead of colliding with it.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('copy_pairs'))`);
  await tx.execute(sql`DELETE FROM copy_pairs`);
  for (let start = 0; start < pairs.length; start += PAIR_BATCH) {
    const batch = pairs.slice(start, start + PAIR_BATCH);
    const column = <K extends keyof FoundPair>(key: K) => sql.param(batch.map((p) => p[key]));
    await tx.execute(sql`
      INSERT INTO copy_pairs (program_id, other_program_id, similarity, city_code, other_city_code, institution_id, other_institution_id, detected_at)
      SELECT *, ${detectedAt.toISOString()}::timestamptz FROM unnest(${column('programId')}::int[], ${column('otherProgramId')}::int[],
        ${column('similarity')}::real[], ${column('cityCode')}::text[], ${column('otherCityCode')}::text[], ${column('institutionId')}::int[],
        ${column('otherInstitutionId')}::int[])`);
  }
}

const runColumns = sql`id, ${iso(sql`started_at`)} AS "startedAt", ${iso(sql`finished_at`)} AS "finishedAt", programs, pairs, threshold, seconds`;

export async function insertRun(tx: Executor, run: Omit<CopyDetectionRun, 'id'>): Promise<CopyDetectionRun> {
  return (await firstRow<CopyDetectionRun>(tx, sql`
    INSERT INTO copy_detection_runs (started_at, finished_at, programs, pairs, threshold, seconds)
    VALUES (${run.startedAt}, ${run.finishedAt}, ${run.programs}, ${run.pairs}, ${run.threshold}, ${run.seconds})
    RETURNING ${runColumns}`))!;
}

export async function lastRun(db: Executor): Promise<CopyDetectionRun | undefined> {
  return firstRow<CopyDetectionRun>(db, sql`SELECT ${runColumns} FROM copy_detection_runs ORDER BY id DESC LIMIT 1`);
}

export async function listRuns(db: Executor, page: PageRequest) {
  return pageOf(
    page,
    rows<CopyDetectionRun>(db, sql`SELECT ${runColumns} FROM copy_detection_runs ORDER BY id DESC LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM copy_detection_runs`),
  );
}

/**
 * Within the caller's transaction, lets the bands' GIN index collect new entries in its pending list
 * instead of merging them every 4 MB: saving 20,000 fingerprints took 9.6 s with merges, 0.75 s without.
 */
export async function deferBandIndexMerge(tx: Executor): Promise<void> {
  await tx.execute(sql`SET LOCAL gin_pending_list_limit = '256MB'`);
}

/** Merges the pending entries into the index in one sorted pass (searches read the pending list linearly). */
export async function mergeBandIndex(db: Executor): Promise<void> {
  await db.execute(sql`SELECT gin_clean_pending_list('program_fingerprints_bands'::regclass)`);
}

/** After a bulk write the planner needs the table's new size and values (PGlite runs no autovacuum). */
export async function analyze(db: Executor, table: 'program_fingerprints' | 'copy_pairs'): Promise<void> {
  await db.execute(sql`ANALYZE ${sql.identifier(table)}`);
}

/** Programs in any stored pair. */
export async function programsWithCopies(db: Executor): Promise<number> {
  return (await firstRow<{ n: number }>(db, sql`
    SELECT count(*)::int AS n FROM (SELECT program_id FROM copy_pairs UNION SELECT other_program_id FROM copy_pairs) copied`))!.n;
}

// ---- What people see --------------------------------------------------------------------------------

/** The columns of one side of a pair (program p, its institution i and city m), named with a prefix. */
function side(p: string, i: string, m: string, prefix: 'a' | 'b'): SQL {
  const [program, institution, city] = [p, i, m].map((alias) => sql.identifier(alias));
  const as = (name: string) => sql.identifier(`${prefix}${name}`);
  return sql`${program}.id AS ${as('ProgramId')}, ${program}.title AS ${as('Title')}, ${program}.area AS ${as('Area')},
    ${program}.status AS ${as('Status')}, ${institution}.id AS ${as('InstitutionId')}, ${institution}.name AS ${as('InstitutionName')},
    ${city}.code AS ${as('CityCode')}, ${city}.name_ko AS ${as('CityNameKo')}, ${city}.name_en AS ${as('CityNameEn')},
    ${excerpt(sql`${program}.description`)} AS ${as('Excerpt')}`;
}

type Prefixed<P extends string> = { [K in keyof CopySide as `${P}${Capitalize<K & string>}`]: CopySide[K] };
type PairRow = Prefixed<'a'> & Prefixed<'b'> & { similarity: number; detectedAt: string; aIsOurs: boolean };

const sideOf = <P extends 'a' | 'b'>(row: PairRow, p: P): CopySide => ({
  programId: row[`${p}ProgramId`], title: row[`${p}Title`], area: row[`${p}Area`], status: row[`${p}Status`],
  institutionId: row[`${p}InstitutionId`], institutionName: row[`${p}InstitutionName`], cityCode: row[`${p}CityCode`],
  cityNameKo: row[`${p}CityNameKo`], cityNameEn: row[`${p}CityNameEn`], excerpt: row[`${p}Excerpt`],
});

/**
 * One page of pairs matching `where` (over c: the pair, a/b: its two programs), most similar first, each
 * turned so that `ours` is the side `aIsOurs` picks. Only pairs of two public listings: those who read
 * pairs (other institutions, city officers, the ministry) may not see an unpublished one.
 */
async function pairsPage(db: Executor, matching: SQL, aIsOurs: SQL, page: PageRequest) {
  const from = sql`FROM copy_pairs c JOIN programs a ON a.id = c.program_id JOIN programs b ON b.id = c.other_program_id`;
  const where = sql`${matching} AND ${programsModule.publicProgram(sql`a.status`)} AND ${programsModule.publicProgram(sql`b.status`)}`;
  const list = rows<PairRow>(db, sql`
    SELECT c.similarity, ${iso(sql`c.detected_at`)} AS "detectedAt", ${aIsOurs} AS "aIsOurs", ${side('a', 'ia', 'ma', 'a')}, ${side('b', 'ib', 'mb', 'b')}
    ${from}
    JOIN institutions ia ON ia.id = a.institution_id JOIN municipalities ma ON ma.code = a.city_code
    JOIN institutions ib ON ib.id = b.institution_id JOIN municipalities mb ON mb.code = b.city_code
    WHERE ${where}
    ORDER BY c.similarity DESC, c.program_id, c.other_program_id
    LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`);
  const result = await pageOf(page, list, rows<{ n: number }>(db, sql`SELECT count(*)::int AS n ${from} WHERE ${where}`));
  return {
    ...result,
    items: result.items.map((row): CopyPair => {
      const [ours, theirs] = row.aIsOurs ? [sideOf(row, 'a'), sideOf(row, 'b')] : [sideOf(row, 'b'), sideOf(row, 'a')];
      return { similarity: row.similarity, detectedAt: row.detectedAt, ours, theirs };
    }),
  };
}

export interface CityPairFilter {
  area?: ProgramAreaCode;
  institutionId?: number;
}

/** Pairs with at least one of the city's programs (matching the filter); that program is `ours`. */
export async function cityPairs(db: Executor, cityCode: string, filter: CityPairFilter, page: PageRequest) {
  const matches = (c: 'city_code' | 'other_city_code', i: 'institution_id' | 'other_institution_id', program: 'a' | 'b') => sql.join([
    sql`c.${sql.identifier(c)} = ${cityCode}`,
    ...(filter.institutionId !== undefined ? [sql`c.${sql.identifier(i)} = ${filter.institutionId}`] : []),
    ...(filter.area !== undefined ? [sql`${sql.identifier(program)}.area = ${filter.area}`] : []),
  ], sql` AND `);
  const aMatches = matches('city_code', 'institution_id', 'a');
  return pairsPage(db, sql`((${aMatches}) OR (${matches('other_city_code', 'other_institution_id', 'b')}))`, sql`(${aMatches})`, page);
}

export async function institutionPairs(db: Executor, institutionId: number, page: PageRequest) {
  return pairsPage(db, sql`(c.institution_id = ${institutionId} OR c.other_institution_id = ${institutionId})`, sql`c.institution_id = ${institutionId}`, page);
}

/** The city's programs that existed at the run (published or closed), and how many of them have a near-copy. */
const cityPrograms = (cityCode: string, runStartedAt: string | null) => sql`
  FROM programs p WHERE p.city_code = ${cityCode} AND ${detectable(sql`p.status`)}
    AND ${runStartedAt === null ? sql`TRUE` : sql`p.created_at <= ${runStartedAt}::timestamptz`}`;
const withCopies = sql`count(*) FILTER (WHERE EXISTS (SELECT 1 FROM copy_pairs c WHERE c.program_id = p.id)
  OR EXISTS (SELECT 1 FROM copy_pairs c WHERE c.other_program_id = p.id))::int`;

export async function areaDuplication(db: Executor, cityCode: string, runStartedAt: string | null): Promise<Omit<AreaDuplication, 'ratio'>[]> {
  return rows(db, sql`
    SELECT p.area, count(*)::int AS programs, ${withCopies} AS "withCopies" ${cityPrograms(cityCode, runStartedAt)}
    GROUP BY p.area ORDER BY p.area`);
}

export async function institutionDuplication(db: Executor, cityCode: string, runStartedAt: string | null, page: PageRequest) {
  const grouped = sql`
    SELECT p.institution_id, count(*)::int AS programs, ${withCopies} AS "withCopies" ${cityPrograms(cityCode, runStartedAt)}
    GROUP BY p.institution_id`;
  return pageOf(
    page,
    rows<Omit<InstitutionDuplication, 'ratio'>>(db, sql`
      SELECT g.institution_id AS "institutionId", i.name AS "institutionName", g.programs, g."withCopies"
      FROM (${grouped}) g JOIN institutions i ON i.id = g.institution_id
      ORDER BY g."withCopies"::float8 / g.programs DESC, g.programs DESC, i.name, i.id
      LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM (${grouped}) g`),
  );
}

/** The published or closed programs among `ids`, as a comparison shows them, with their whole description. */
export async function detectableListings(db: Executor, ids: readonly number[]): Promise<(CopySide & { description: string; ownNames: string[] })[]> {
  return rows(db, sql`
    SELECT p.id AS "programId", p.title, p.area, p.status, i.id AS "institutionId", i.name AS "institutionName",
      m.code AS "cityCode", m.name_ko AS "cityNameKo", m.name_en AS "cityNameEn", ${excerpt(sql`p.description`)} AS excerpt, p.description,
      array_remove(ARRAY[i.name, coalesce(pd.name_ko, d.name_ko)], NULL) AS "ownNames"
    FROM programs p JOIN institutions i ON i.id = p.institution_id JOIN municipalities m ON m.code = p.city_code
      JOIN dongs d ON d.code = i.dong_code LEFT JOIN dongs pd ON pd.code = p.dong_code
    WHERE p.id = ANY(${sql.param([...ids])}::int[]) AND ${detectable(sql`p.status`)}`);
}
