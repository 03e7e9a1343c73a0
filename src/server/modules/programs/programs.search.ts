/**
 * The catalogue search: one SQL statement over `program_search` (only published, not yet ended programs)
 * returns the total, the page of hits and every facet count.
 *
 * Text: each word must match the title (Korean or English, partial words) or, for words of 3+ characters,
 * the description; title matches rank above description mentions. Words of 1–2 characters use the gram
 * index (a trigram index cannot serve them). A query of initial consonants (ㅅㅁㅌㅍ) matches the titles'
 * 초성. When nothing matches exactly, a second pass accepts small typos (trigram word similarity).
 * Facets are disjunctive: each dimension is counted with every filter applied except its own.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SearchFacets, SearchQuery, SearchSort, TimeOfDay } from '../../../shared/contracts/programs.ts';
import { startsWithinChoices } from '../../../shared/contracts/programs.ts';
import { isChosungQuery } from '../../../shared/lib/hangul.ts';
import { weekdayList, type Weekday } from '../../../shared/vocabulary/index.ts';
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

type Dimension = keyof SearchFacets;

/** The words of a query, lower-cased; a 초성 query is one word without spaces. */
export function queryWords(q: string | undefined): { words: string[]; chosung: boolean } {
  const text = (q ?? '').trim().toLowerCase();
  if (!text) return { words: [], chosung: false };
  if (isChosungQuery(text)) return { words: [text.replace(/\s+/g, '')], chosung: true };
  return { words: [...new Set(text.split(/\s+/))].slice(0, MAX_WORDS), chosung: false };
}

export function weekdayMask(days: readonly Weekday[]): number {
  return days.reduce((mask, day) => mask | (1 << weekdayList.findIndex((w) => w.code === day)), 0);
}

const timeOfDayRange: Record<TimeOfDay, [number, number]> = { morning: [0, 720], afternoon: [720, 1080], evening: [1080, 1440] };

function textArray(values: readonly string[]): SQL {
  return sql`${sql.param([...values])}::text[]`;
}

/** Rows of (program, word, in title) for every word: the text matches before they are combined. */
function wordHits(words: string[], chosung: boolean, fuzzy: boolean, today: string): SQL {
  const arms = words.map((word, k) => {
    if (fuzzy) return sql`SELECT program_id, 1 AS in_title, ${k}::int AS word FROM program_search WHERE ${word} <% search_text`;
    const column = chosung ? sql`title_chosung` : sql`search_text`;
    const inTitle = [...word].length >= 3
      ? sql`SELECT program_id, 1 AS in_title, ${k}::int AS word FROM program_search WHERE ${column} LIKE ${containing(word)}`
      : sql`SELECT program_id, 1 AS in_title, ${k}::int AS word FROM program_search WHERE grams @> ${textArray([word])}`;
    if (chosung || [...word].length < 3) return inTitle;
    return sql`${inTitle} UNION ALL SELECT id, 0, ${k}::int FROM programs
      WHERE status = 'published' AND ends_on >= ${today} AND lower(description) LIKE ${containing(word)}`;
  });
  return sql.join(arms, sql` UNION ALL `);
}

function distanceSql(center: Center): SQL {
  return sql`(2 * 6371000 * asin(sqrt(power(sin(radians(s.lat - ${center.lat}) / 2), 2)
    + cos(radians(${center.lat})) * cos(radians(s.lat)) * power(sin(radians(s.lon - ${center.lon}) / 2), 2))))`;
}

/** In-person programs within the radius (bounding box first, for the index), and online ones if wanted. */
function nearSql(center: Center, includeOnline: boolean): SQL {
  const dLat = center.radiusKm / 111.32;
  const dLon = center.radiusKm / (111.32 * Math.cos((center.lat * Math.PI) / 180));
  const inReach = sql`(s.lat BETWEEN ${center.lat - dLat} AND ${center.lat + dLat}
    AND s.lon BETWEEN ${center.lon - dLon} AND ${center.lon + dLon}
    AND ${distanceSql(center)} <= ${center.radiusKm * 1000})`;
  return includeOnline ? sql`(${inReach} OR s.mode = 'online')` : inReach;
}

/** Each facet dimension's filter, over the columns of `base`; absent when not filtered. */
function facetFilters(input: SearchInput): Partial<Record<Dimension, SQL>> {
  const filters: Partial<Record<Dimension, SQL>> = {};
  if (input.area?.length) filters.area = sql`area = ANY(${textArray(input.area)})`;
  if (input.subcategory?.length) filters.subcategory = sql`subcategory = ANY(${textArray(input.subcategory)})`;
  if (input.target?.length) filters.target = sql`target_groups && ${textArray(input.target)}`;
  if (input.mode?.length) filters.mode = sql`mode = ANY(${textArray(input.mode)})`;
  if (input.city?.length) filters.city = sql`city_code = ANY(${textArray(input.city)})`;
  if (input.dong) filters.dong = sql`dong_code = ${input.dong}`;
  if (input.fee) filters.fee = input.fee === 'free' ? sql`fee_krw = 0` : sql`fee_krw > 0`;
  if (input.weekday?.length) filters.weekday = sql`(weekday_bits & ${weekdayMask(input.weekday)}) <> 0`;
  if (input.timeOfDay?.length) {
    filters.timeOfDay = sql`(${sql.join(input.timeOfDay.map((t) => sql`start_minute >= ${timeOfDayRange[t][0]} AND start_minute < ${timeOfDayRange[t][1]}`), sql` OR `)})`;
  }
  if (input.startsWithinDays) filters.startsWithinDays = sql`starts_on BETWEEN ${input.today}::date AND ${addDays(input.today, input.startsWithinDays)}::date`;
  if (input.seatsLeft) filters.seatsLeft = sql`seats_left > 0`;
  return filters;
}

function whereAll(filters: Partial<Record<Dimension, SQL>>, except?: Dimension): SQL {
  const parts = Object.entries(filters).filter(([dim]) => dim !== except).map(([, part]) => part!);
  return parts.length ? sql.join(parts, sql` AND `) : sql`TRUE`;
}

function facetArms(input: SearchInput, filters: Partial<Record<Dimension, SQL>>): SQL {
  const by = (dim: Dimension, value: SQL, from: SQL = sql`base`) =>
    sql`SELECT ${dim}::text AS dim, (${value})::text AS val, count(*)::int AS n FROM ${from} WHERE ${whereAll(filters, dim)} GROUP BY 2`;
  const arms = [
    by('area', sql`area`),
    by('subcategory', sql`subcategory`),
    by('target', sql`t`, sql`base, unnest(target_groups) t`),
    by('mode', sql`mode`),
    by('city', sql`city_code`),
    by('fee', sql`CASE WHEN fee_krw = 0 THEN 'free' ELSE 'paid' END`),
    sql`SELECT 'weekday', d::text, count(*)::int FROM base, generate_series(0, 6) d
      WHERE (weekday_bits >> d) & 1 = 1 AND ${whereAll(filters, 'weekday')} GROUP BY d`,
    by('timeOfDay', sql`CASE WHEN start_minute < 720 THEN 'morning' WHEN start_minute < 1080 THEN 'afternoon' ELSE 'evening' END`),
    sql`SELECT 'startsWithinDays', w::text, count(*)::int FROM base, unnest(${sql.param([...startsWithinChoices])}::int[]) w
      WHERE starts_on BETWEEN ${input.today}::date AND ${input.today}::date + w AND ${whereAll(filters, 'startsWithinDays')} GROUP BY w`,
    sql`SELECT 'seatsLeft', 'true', count(*)::int FROM base WHERE seats_left > 0 AND ${whereAll(filters, 'seatsLeft')}`,
  ];
  // Dongs only within one city: nationwide that would be thousands of values.
  if (input.city?.length === 1) arms.push(by('dong', sql`dong_code`));
  return sql.join(arms, sql` UNION ALL `);
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
export function searchStatement(input: SearchInput, fuzzy: boolean): SQL {
  const { words, chosung } = queryWords(input.q);
  const sort = defaultSort(input);
  const filters = facetFilters(input);
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const phrase = (input.q ?? '').trim().toLowerCase();

  const candidates = words.length
    ? sql`c AS (SELECT program_id, sum(in_title)::int AS title_hits FROM (${wordHits(words, chosung, fuzzy, input.today)}) hits
          GROUP BY program_id HAVING count(DISTINCT word) = ${words.length}),`
    : sql``;
  const score = !words.length
    ? sql`0::float8`
    : fuzzy
      ? sql`word_similarity(${phrase}, s.search_text)::float8`
      : sql`(c.title_hits * 2 + CASE WHEN ${chosung ? sql`s.title_chosung` : sql`s.search_text`} LIKE ${containing(chosung ? words[0]! : phrase)} THEN 3 ELSE 0 END)::float8`;
  const conditions: SQL[] = [];
  if (input.center) conditions.push(nearSql(input.center, input.includeOnline ?? true));
  if (input.institution) conditions.push(sql`s.institution_id = ${input.institution}`);

  return sql`
    WITH ${candidates}
    base AS MATERIALIZED (
      SELECT s.program_id, s.area, s.subcategory, s.target_groups, s.mode, s.city_code, s.dong_code, s.fee_krw,
             s.weekday_bits, s.start_minute, s.starts_on, s.seats_left, s.published_at,
             ${input.center ? sql`CASE WHEN s.lat IS NULL THEN NULL ELSE round(${distanceSql(input.center)})::int END` : sql`NULL::int`} AS distance_m,
             ${score} AS score
      FROM program_search s ${words.length ? sql`JOIN c ON c.program_id = s.program_id` : sql``}
      WHERE ${conditions.length ? sql.join(conditions, sql` AND `) : sql`TRUE`}
    ),
    hits AS (
      SELECT program_id, distance_m, score, seats_left, row_number() OVER (ORDER BY ${orderSql(sort, input.today)}) AS ord
      FROM base WHERE ${whereAll(filters)}
      ORDER BY ${orderSql(sort, input.today)} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
    )
    SELECT
      (SELECT count(*)::int FROM base WHERE ${whereAll(filters)}) AS total,
      (SELECT coalesce(json_agg(json_build_array(program_id, distance_m, score, seats_left) ORDER BY ord), '[]'::json) FROM hits) AS hits,
      (SELECT coalesce(json_agg(json_build_array(dim, val, n)), '[]'::json) FROM (${facetArms(input, filters)}) f) AS facets`;
}

const emptyFacets = (): SearchFacets => ({
  area: {}, subcategory: {}, target: {}, mode: {}, city: {}, dong: {}, fee: {}, weekday: {}, timeOfDay: {}, startsWithinDays: {}, seatsLeft: {},
});

interface StatementRow {
  total: number;
  hits: [number, number | null, number, number][];
  facets: [Dimension, string, number][];
}

function outcomeOf(row: StatementRow, fuzzy: boolean, sort: SearchSort): SearchOutcome {
  const facets = emptyFacets();
  for (const [dim, value, count] of row.facets) {
    const key = dim === 'weekday' ? weekdayList[Number(value)]!.code : value;
    facets[dim][key] = count;
  }
  return {
    total: row.total,
    hits: row.hits.map(([programId, distanceM, score, seatsLeft]) => ({ programId, distanceM, score, seatsLeft })),
    facets,
    fuzzy,
    sort,
  };
}

async function runStatement(db: Executor, input: SearchInput, fuzzy: boolean): Promise<SearchOutcome> {
  const row = await firstRow<StatementRow>(db, searchStatement(input, fuzzy));
  return outcomeOf(row!, fuzzy, defaultSort(input));
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
