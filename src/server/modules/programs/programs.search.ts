/**
 * The catalogue search: one SQL statement over `program_search` (only published, not yet ended programs)
 * returns the total, the page of hits and every facet count.
 *
 * Scope: text, place (near me), city, dong and institution choose the candidate programs. Text: every
 * word must be in the title (Korean or English, partial words; 1–2 character words through the gram
 * index) or begin a word of the description (스마트폰 finds 스마트폰으로); title matches rank above
 * description mentions. A query of initial consonants (ㅅㅁㅌㅍ) matches titles' 초성. When nothing matches
 * exactly, a second pass accepts small typos (trigram word similarity).
 *
 * Facets: area, sub-category, target, mode, fee, weekday, time of day, start and seats are disjunctive —
 * each counted with every other filter applied, never its own — all in one pass over the candidates,
 * on integer codes (vocabulary positions and bit masks). Cities and dongs are counted with all filters.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SearchFacets, SearchQuery, SearchSort, TimeOfDay } from '../../../shared/contracts/programs.ts';
import { startsWithinChoices, timesOfDay } from '../../../shared/contracts/programs.ts';
import { isChosungQuery } from '../../../shared/lib/hangul.ts';
import {
  deliveryModes, programAreas, programSubcategories, targetGroups, weekdays, type Weekday,
} from '../../../shared/vocabulary/index.ts';
import { containing, firstRow, type AppDb, type Executor } from '../../platform/database/database.ts';
import { addDays } from './schedule.ts';

export interface Center {
  lat: number;
  lon: number;
  radiusKm: number;
  label: string | null;
}

export interface SearchInput extends SearchQuery {
  /** Today in Korea: what "starting within N days" counts from. */
  today: string;
  center: Center | null;
}

export interface SearchHitRef {
  programId: number;
  distanceM: number | null;
  score: number;
  seatsLeft: number;
}

export interface SearchOutcome {
  total: number;
  hits: SearchHitRef[];
  facets: SearchFacets;
  fuzzy: boolean;
  sort: SearchSort;
}

const MAX_WORDS = 6;
const TYPO_SIMILARITY = 0.45;
/** Words in more than this share of descriptions are boilerplate there: matched in titles only. */
export const COMMON_TERM_SHARE = 0.05;
const ONLINE = deliveryModes.numberOf('online');

type FacetDimension = 'area' | 'subcategory' | 'target' | 'mode' | 'fee' | 'weekday' | 'timeOfDay' | 'startsWithinDays' | 'seatsLeft';

/** The words of a query, lower-cased; a 초성 query is one word without spaces. */
export function queryWords(q: string | undefined): { words: string[]; chosung: boolean } {
  const text = (q ?? '').trim().toLowerCase();
  if (!text) return { words: [], chosung: false };
  if (isChosungQuery(text)) return { words: [text.replace(/\s+/g, '')], chosung: true };
  return { words: [...new Set(text.split(/\s+/))].slice(0, MAX_WORDS), chosung: false };
}

export function bitsOf<C extends string>(values: readonly C[], numberOf: (code: C) => number): number {
  return values.reduce((mask, value) => mask | (1 << (numberOf(value) - 1)), 0);
}

const weekdayMask = (days: readonly Weekday[]) => bitsOf(days, (d) => weekdays.numberOf(d));

const timeOfDayRange: Record<TimeOfDay, [number, number]> = { morning: [0, 720], afternoon: [720, 1080], evening: [1080, 1440] };
const timeOfDaySql = (t: TimeOfDay) => sql`start_minute >= ${timeOfDayRange[t][0]} AND start_minute < ${timeOfDayRange[t][1]}`;

const intArray = (values: readonly number[]) => sql`${sql.param([...values])}::int[]`;
const textArray = (values: readonly string[]) => sql`${sql.param([...values])}::text[]`;

/** Only letters and digits reach a full-text query (its syntax uses & | ! : ( ) '). */
const termOf = (word: string) => word.replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Rows of (program, word, in title, whole phrase) for every word: the text matches before they are
 * combined. Word −1 marks titles containing the whole multi-word query.
 */
function wordHits(words: string[], chosung: boolean, fuzzy: boolean, phrase: string): SQL {
  const arms = words.map((word, k) => {
    if (fuzzy) {
      return sql`SELECT program_id, 1 AS in_title, ${k}::int AS word, 0 AS phrase, word_similarity(${word}, search_text) AS similarity
        FROM program_search_text WHERE ${word} <% search_text`;
    }
    const column = chosung ? sql`title_chosung` : sql`search_text`;
    const inTitle = [...word].length >= 3
      ? sql`SELECT program_id, 1 AS in_title, ${k}::int AS word, 0 AS phrase FROM program_search_text WHERE ${column} LIKE ${containing(word)}`
      : sql`SELECT program_id, 1 AS in_title, ${k}::int AS word, 0 AS phrase FROM program_search_text WHERE grams @> ${textArray([word])}`;
    const term = termOf(word);
    if (chosung || !term) return inTitle;
    // The document-frequency test is a one-time filter: for a common word the description scan never runs.
    return sql`${inTitle} UNION ALL SELECT program_id, 0, ${k}::int, 0 FROM program_search_text
      WHERE (SELECT coalesce(sum(documents), 0) FROM program_search_terms WHERE term LIKE ${`${term}%`})
            <= coalesce((SELECT documents FROM program_search_terms WHERE term = '') * ${COMMON_TERM_SHARE}::float8, 2147483647)
        AND description_terms @@ to_tsquery('simple', ${`${term}:*`})`;
  });
  if (!fuzzy && words.length > 1) {
    arms.push(sql`SELECT program_id, 0, -1, 1 FROM program_search_text WHERE search_text LIKE ${containing(phrase)}`);
  }
  return sql.join(arms, sql` UNION ALL `);
}

function distanceSql(center: Center): SQL {
  return sql`(2 * 6371000 * asin(sqrt(power(sin(radians(s.lat - ${center.lat}) / 2), 2)
    + cos(radians(${center.lat})) * cos(radians(s.lat)) * power(sin(radians(s.lon - ${center.lon}) / 2), 2))))`;
}

/** Near a place, tested row by row (for text candidates, which are already few). */
function nearCondition(center: Center, includeOnline: boolean): SQL {
  const inReach = sql`${distanceSql(center)} <= ${center.radiusKm * 1000}`;
  return includeOnline ? sql`(s.mode_no = ${ONLINE} OR ${inReach})` : inReach;
}

/**
 * Where the candidates come from without text: the whole index, or near a place — in-person programs within the radius
 * (bounding box first, for the index) and, unless declined, the online ones, each by its own index.
 */
function places(input: SearchInput): SQL {
  const center = input.center;
  if (!center) return sql`program_search s`;
  const dLat = center.radiusKm / 111.32;
  const dLon = center.radiusKm / (111.32 * Math.cos((center.lat * Math.PI) / 180));
  const nearby = sql`SELECT * FROM program_search s WHERE s.lat BETWEEN ${center.lat - dLat} AND ${center.lat + dLat}
    AND s.lon BETWEEN ${center.lon - dLon} AND ${center.lon + dLon} AND ${distanceSql(center)} <= ${center.radiusKm * 1000}`;
  const online = sql`SELECT * FROM program_search s WHERE s.mode_no = ${ONLINE}`;
  return sql`(${input.includeOnline ?? true ? sql`${nearby} UNION ALL ${online}` : nearby}) s`;
}

/** Each facet dimension's filter over the columns of `base`; absent when not filtered. */
function facetFilters(input: SearchInput): Partial<Record<FacetDimension, SQL>> {
  const filters: Partial<Record<FacetDimension, SQL>> = {};
  if (input.area?.length) filters.area = sql`area_no = ANY(${intArray(input.area.map((c) => programAreas.numberOf(c)))})`;
  if (input.subcategory?.length) filters.subcategory = sql`subcategory_no = ANY(${intArray(input.subcategory.map((c) => programSubcategories.numberOf(c)))})`;
  if (input.target?.length) filters.target = sql`(target_bits & ${bitsOf(input.target, (c) => targetGroups.numberOf(c))}) <> 0`;
  if (input.mode?.length) filters.mode = sql`mode_no = ANY(${intArray(input.mode.map((c) => deliveryModes.numberOf(c)))})`;
  if (input.fee) filters.fee = input.fee === 'free' ? sql`fee_krw = 0` : sql`fee_krw > 0`;
  if (input.weekday?.length) filters.weekday = sql`(weekday_bits & ${weekdayMask(input.weekday)}) <> 0`;
  if (input.timeOfDay?.length) filters.timeOfDay = sql`(${sql.join(input.timeOfDay.map(timeOfDaySql), sql` OR `)})`;
  if (input.startsWithinDays) filters.startsWithinDays = startsWithin(input.today, input.startsWithinDays);
  if (input.seatsLeft) filters.seatsLeft = sql`seats_left > 0`;
  return filters;
}

function startsWithin(today: string, days: number): SQL {
  return sql`starts_on BETWEEN ${today}::date AND ${addDays(today, days)}::date`;
}

function whereAll(filters: Partial<Record<FacetDimension, SQL>>, except?: FacetDimension): SQL {
  const parts = Object.entries(filters).filter(([dim]) => dim !== except).map(([, part]) => part!);
  return parts.length ? sql.join(parts, sql` AND `) : sql`TRUE`;
}

interface FacetCell {
  dim: keyof SearchFacets;
  value: string;
  when: SQL;
}

/** Every facet value with its condition; counted in one pass, each with the other dimensions' filters. */
function facetCells(today: string): FacetCell[] {
  const cells: FacetCell[] = [];
  const add = (dim: FacetDimension, value: string, when: SQL) => cells.push({ dim, value, when });
  programAreas.codes.forEach((code) => add('area', code, sql`area_no = ${programAreas.numberOf(code)}`));
  programSubcategories.codes.forEach((code) => add('subcategory', code, sql`subcategory_no = ${programSubcategories.numberOf(code)}`));
  targetGroups.codes.forEach((code) => add('target', code, sql`(target_bits & ${1 << (targetGroups.numberOf(code) - 1)}) <> 0`));
  deliveryModes.codes.forEach((code) => add('mode', code, sql`mode_no = ${deliveryModes.numberOf(code)}`));
  add('fee', 'free', sql`fee_krw = 0`);
  add('fee', 'paid', sql`fee_krw > 0`);
  weekdays.codes.forEach((code) => add('weekday', code, sql`(weekday_bits & ${weekdayMask([code])}) <> 0`));
  timesOfDay.forEach((t) => add('timeOfDay', t, timeOfDaySql(t)));
  startsWithinChoices.forEach((days) => add('startsWithinDays', String(days), startsWithin(today, days)));
  add('seatsLeft', 'true', sql`seats_left > 0`);
  return cells;
}

function orderSql(sort: SearchSort, today: string): SQL {
  switch (sort) {
    case 'relevance':
      return sql`score DESC, starts_on, program_id`;
    case 'distance':
      return sql`distance_m NULLS LAST, starts_on, program_id`;
    case 'start':
      return sql`starts_on < ${today}::date, starts_on, program_id`;
    case 'newest':
      return sql`published_at DESC NULLS LAST, program_id DESC`;
  }
}

export function defaultSort(input: Pick<SearchInput, 'q' | 'center' | 'sort'>): SearchSort {
  if (input.sort) return input.sort;
  if (input.q?.trim()) return 'relevance';
  return input.center ? 'distance' : 'start';
}

/** The whole search as one statement: candidates, base rows, total, page and facets. */
export function searchStatement(input: SearchInput, fuzzy: boolean): { statement: SQL; cells: FacetCell[] } {
  const { words, chosung } = queryWords(input.q);
  const sort = defaultSort(input);
  const filters = facetFilters(input);
  const cells = facetCells(input.today);
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const phrase = (input.q ?? '').trim().toLowerCase();

  // Candidates with their score: 2 per word found in the title (a single word's title match already is
  // the whole query), 3 more when a multi-word query stands whole in the title; typos score by similarity.
  const score = fuzzy
    ? sql`avg(similarity)::float8`
    : sql`(sum(in_title) * 2 + CASE WHEN ${words.length > 1} THEN max(phrase) * 3 ELSE max(in_title) * 3 END)::float8`;
  const candidates = words.length
    ? sql`c AS (SELECT program_id, ${score} AS score FROM (${wordHits(words, chosung, fuzzy, phrase)}) hits
          GROUP BY program_id HAVING count(DISTINCT word) FILTER (WHERE word >= 0) = ${words.length}),`
    : sql``;
  const scope: SQL[] = [];
  if (input.city?.length) scope.push(sql`s.city_code = ANY(${textArray(input.city)})`);
  if (input.dong) scope.push(sql`s.dong_code = ${input.dong}`);
  if (input.institution) scope.push(sql`s.institution_id = ${input.institution}`);
  const counts = sql.join(
    [sql`count(*) FILTER (WHERE ${whereAll(filters)})`, ...cells.map((cell) => sql`count(*) FILTER (WHERE ${cell.when} AND ${whereAll(filters, cell.dim as FacetDimension)})`)],
    sql`, `,
  );
  const dongs = input.city?.length === 1
    ? sql`(SELECT coalesce(json_object_agg(dong_code, n), '{}'::json) FROM (SELECT dong_code, count(*)::int AS n FROM base WHERE dong_code IS NOT NULL AND ${whereAll(filters)} GROUP BY 1) d)`
    : sql`'{}'::json`;

  const statement = sql`
    WITH ${candidates}
    base AS MATERIALIZED (
      SELECT s.program_id, s.city_code, s.dong_code, s.area_no, s.subcategory_no, s.mode_no, s.target_bits, s.weekday_bits,
             s.start_minute, s.fee_krw, s.starts_on, s.seats_left, s.published_at,
             ${input.center ? sql`CASE WHEN s.lat IS NULL THEN NULL ELSE round(${distanceSql(input.center)})::int END` : sql`NULL::int`} AS distance_m,
             ${words.length ? sql`c.score` : sql`0::float8`} AS score
      FROM ${words.length ? sql`c JOIN program_search s ON s.program_id = c.program_id` : places(input)}
      WHERE ${sql.join([...(words.length && input.center ? [nearCondition(input.center, input.includeOnline ?? true)] : []), ...scope, sql`TRUE`], sql` AND `)}
    ),
    hits AS (
      SELECT program_id, distance_m, score, seats_left, starts_on, published_at
      FROM base WHERE ${whereAll(filters)}
      ORDER BY ${orderSql(sort, input.today)} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
    )
    SELECT
      (SELECT ARRAY[${counts}]::int[] FROM base) AS counts,
      (SELECT coalesce(json_agg(json_build_array(program_id, distance_m, score, seats_left) ORDER BY ${orderSql(sort, input.today)}), '[]'::json) FROM hits) AS hits,
      (SELECT coalesce(json_object_agg(city_code, n), '{}'::json) FROM (SELECT city_code, count(*)::int AS n FROM base WHERE ${whereAll(filters)} GROUP BY 1) c) AS cities,
      ${dongs} AS dongs`;
  return { statement, cells };
}

interface StatementRow {
  counts: number[];
  hits: [number, number | null, number, number][];
  cities: Record<string, number>;
  dongs: Record<string, number>;
}

function outcomeOf(row: StatementRow, cells: FacetCell[], fuzzy: boolean, sort: SearchSort): SearchOutcome {
  const facets: SearchFacets = {
    area: {}, subcategory: {}, target: {}, mode: {}, city: row.cities, dong: row.dongs, fee: {}, weekday: {}, timeOfDay: {},
    startsWithinDays: {}, seatsLeft: {},
  };
  cells.forEach((cell, i) => {
    const count = row.counts[i + 1]!;
    if (count > 0) facets[cell.dim][cell.value] = count;
  });
  return {
    total: row.counts[0]!,
    hits: row.hits.map(([programId, distanceM, score, seatsLeft]) => ({ programId, distanceM, score, seatsLeft })),
    facets,
    fuzzy,
    sort,
  };
}

async function runStatement(db: Executor, input: SearchInput, fuzzy: boolean): Promise<SearchOutcome> {
  const { statement, cells } = searchStatement(input, fuzzy);
  const row = await firstRow<StatementRow>(db, statement);
  return outcomeOf(row!, cells, fuzzy, defaultSort(input));
}

/** Exact matches first; when there are none, near matches (small typos) for queries that allow them. */
export async function searchPrograms(db: AppDb, input: SearchInput): Promise<SearchOutcome> {
  const exact = await runStatement(db, input, false);
  const { words, chosung } = queryWords(input.q);
  if (exact.total > 0 || !words.length || chosung || words.some((w) => [...w].length < 3)) return exact;
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(TYPO_SIMILARITY)}, true)`);
    const near = await runStatement(tx, input, true);
    return near.total > 0 ? near : exact;
  });
}

