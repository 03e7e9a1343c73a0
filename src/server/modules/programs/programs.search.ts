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
 * each counted with every other filter applied, never its own. Each candidate carries a mask of the filters
 * it fails; only rows failing at most one filter can count anywhere, and one GROUPING SETS pass over them
 * tallies every dimension (on integer codes: vocabulary positions and bit masks). Cities, dongs and the
 * total come from the same pass, from the rows that pass every filter.
 */
import { sql, type SQL, type SQLChunk } from 'drizzle-orm';
import type { SearchFacets, SearchQuery, SearchSort, TimeOfDay } from '../../../shared/contracts/programs.ts';
import { startsWithinChoices, timesOfDay } from '../../../shared/contracts/programs.ts';
import { isChosungQuery } from '../../../shared/lib/hangul.ts';
import {
  deliveryModes, programAreas, programSubcategories, targetGroups, weekdays, type Weekday,
} from '../../../shared/vocabulary/index.ts';
import { containing, firstRow } from '../../platform/database/database.ts';
import type { Reader } from '../../platform/database/reads.ts';
import { addDays } from '../../../shared/lib/schedule.ts';

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

/**
 * How the words were matched: in titles; anywhere (descriptions too), only when no title has them — a passing
 * mention in a description never pads or outranks title matches; or as small typos, when nothing matched exactly.
 */
export type WordMatch = 'title' | 'anywhere' | 'typo';

export interface SearchOutcome {
  total: number;
  hits: SearchHitRef[];
  facets: SearchFacets;
  fuzzy: boolean;
  /** The programs found have the words in their descriptions, not (all) in their titles. */
  descriptionOnly: boolean;
  /** Searched near a place and no class held in person there matched: what there is farther away, or online. */
  elsewhere: { nearestKm: number | null; online: number } | null;
  sort: SearchSort;
}

/** How far "farther away" looks for a class held in person (the widest radius a search accepts). */
const FARTHEST_KM = 50;

/** The widest circle "near me" reads, as the SQL's bounding box has it (degrees of latitude and longitude). */
export function boundingBox(center: Center): { dLat: number; dLon: number } {
  return { dLat: center.radiusKm / 111.32, dLon: center.radiusKm / (111.32 * Math.cos((center.lat * Math.PI) / 180)) };
}

const MAX_WORDS = 6;
const TYPO_SIMILARITY = 0.45;
/** Words in more than this share of descriptions are boilerplate there: matched in titles only. */
export const COMMON_TERM_SHARE = 0.05;
export const ONLINE = deliveryModes.numberOf('online');

export const facetDimensions = ['area', 'subcategory', 'target', 'mode', 'fee', 'weekday', 'timeOfDay', 'startsWithinDays', 'seatsLeft'] as const;
export type FacetDimension = (typeof facetDimensions)[number];

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

export const weekdayMask = (days: readonly Weekday[]) => bitsOf(days, (d) => weekdays.numberOf(d));

export const timeOfDayRange: Record<TimeOfDay, [number, number]> = { morning: [0, 720], afternoon: [720, 1080], evening: [1080, 1440] };
const timeOfDaySql = (t: TimeOfDay) => sql`start_minute >= ${timeOfDayRange[t][0]} AND start_minute < ${timeOfDayRange[t][1]}`;

const intArray = (values: readonly number[]) => sql`${sql.param([...values])}::int[]`;
const textArray = (values: readonly string[]) => sql`${sql.param([...values])}::text[]`;

/** Only letters and digits reach a full-text query (its syntax uses & | ! : ( ) '). */
export const termOf = (word: string) => word.replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Rows of (program, word, in title, whole phrase) for every word: the text matches before they are
 * combined. Word −1 marks titles containing the whole multi-word query.
 */
function wordHits(words: string[], chosung: boolean, match: WordMatch, phrase: string): SQL {
  const fuzzy = match === 'typo';
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
    if (chosung || !term || match === 'title') return inTitle;
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
  const { dLat, dLon } = boundingBox(center);
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
  if (input.seatsLeft) filters.seatsLeft = canStillEnrol(input.today);
  return filters;
}

/**
 * "Only programs I can still sign up for" — one rule for the filter, its count and the card's badge (the web's
 * enrolmentWindow): a place is free and enrolment has not closed. A course under way with places left is not one.
 */
function canStillEnrol(today: string): SQL {
  return sql`(seats_left > 0 AND enrols_until >= ${today}::date)`;
}

function startsWithin(today: string, days: number): SQL {
  return sql`starts_on BETWEEN ${today}::date AND ${addDays(today, days)}::date`;
}

/** A row's `fails` mask: one bit (its place in facetDimensions) for each filter the row does not pass. */
function failuresMask(filters: Partial<Record<FacetDimension, SQL>>): SQL {
  const parts = facetDimensions.flatMap((dimension, i) => {
    const filter = filters[dimension];
    // A filter that is NULL for a row (no start time, say) fails it, as it would in WHERE.
    return filter ? [sql`CASE WHEN ${filter} THEN 0 ELSE ${1 << i} END`] : [];
  });
  return parts.length ? sql.join(parts, sql` | `) : sql`0`;
}

/** The start-date bucket a row counts in: the smallest "starting within N days" choice that holds it. */
function startBucket(today: string): SQL {
  const arms = startsWithinChoices.map((days) => sql`WHEN starts_on <= ${addDays(today, days)}::date THEN ${days}`);
  return sql`CASE WHEN starts_on < ${today}::date THEN NULL ${sql.join(arms, sql` `)} END`;
}

function timeOfDayBucket(): SQL {
  const arms = timesOfDay.map((t, i) => sql`WHEN start_minute >= ${timeOfDayRange[t][0]} AND start_minute < ${timeOfDayRange[t][1]} THEN ${i}`);
  return sql`CASE ${sql.join(arms, sql` `)} END`;
}

/**
 * One row of the facet tally: how many candidates with this `fails` mask have this value in one grouping set.
 * A row counts for dimension d's facet when it passes every other filter: `fails` is 0 or only d's bit, so rows
 * failing two filters are left out before grouping.
 */
export type TallyRow = [fails: number, set: number, value: number | string | boolean | null, count: number];
export const tallyColumns = [
  'subcategory_no', 'mode_no', 'target_bits', 'weekday_bits', 'time_bucket', 'fee_paid', 'start_bucket', 'has_seats', 'city_code', 'dong_code',
] as const;

/** GROUPING() of the set where only tallyColumns[i] (besides `fails`) is grouped: its bit is the one left 0. */
const groupingOfSet = (i: number) => (1 << tallyColumns.length) - 1 - (1 << (tallyColumns.length - 1 - i));

/** Dongs are counted only when one city is chosen (elsewhere the column is NULL, one group). */
function facetTally(today: string, countDongs: boolean): SQL {
  const columns = tallyColumns.map((column) => sql.identifier(column));
  const grouping = sql`GROUPING(${sql.join(columns, sql`, `)})`;
  const bySet = (then: (column: SQLChunk, i: number) => SQL) =>
    sql`CASE ${grouping} ${sql.join(columns.map((column, i) => sql`WHEN ${sql.raw(String(groupingOfSet(i)))} THEN ${then(column, i)}`), sql` `)} END`;
  return sql`(SELECT coalesce(json_agg(json_build_array(fails, set, value, n)), '[]'::json) FROM (
      SELECT fails, ${bySet((_, i) => sql.raw(String(i)))} AS set, ${bySet((column) => sql`to_jsonb(${column})`)} AS value, count(*)::int AS n
      FROM (SELECT fails, subcategory_no, mode_no, target_bits, weekday_bits, ${timeOfDayBucket()} AS time_bucket,
                   fee_krw > 0 AS fee_paid, ${startBucket(today)} AS start_bucket, ${canStillEnrol(today)} AS has_seats,
                   city_code, ${countDongs ? sql`dong_code` : sql`NULL::text`} AS dong_code
            FROM base WHERE fails & (fails - 1) = 0) f
      GROUP BY GROUPING SETS (${sql.join(columns.map((column) => sql`(fails, ${column})`), sql`, `)})) t)`;
}

/**
 * Turns the tally into the total and the facet counts: each dimension from the rows that pass all of its
 * other filters; cities and dongs (and so the total) from the rows that pass every filter.
 */
export function countsOf(tally: TallyRow[]): { total: number; facets: SearchFacets } {
  const facets: SearchFacets = {
    area: {}, subcategory: {}, target: {}, mode: {}, city: {}, dong: {}, fee: {}, weekday: {}, timeOfDay: {},
    startsWithinDays: {}, seatsLeft: {},
  };
  let total = 0;
  const counts = (dimension: FacetDimension, fails: number) => fails === 0 || fails === 1 << facetDimensions.indexOf(dimension);
  const add = (dimension: keyof SearchFacets, value: string, n: number) => {
    facets[dimension][value] = (facets[dimension][value] ?? 0) + n;
  };
  const eachBit = (bits: number, each: (position: number) => void) => {
    for (let position = 1; bits >> (position - 1); position++) if (bits & (1 << (position - 1))) each(position);
  };
  for (const [fails, set, value, n] of tally) {
    if (value === null) continue;
    switch (tallyColumns[set]) {
      case 'subcategory_no': {
        const subcategory = programSubcategories.codes[(value as number) - 1]!;
        if (counts('subcategory', fails)) add('subcategory', subcategory, n);
        if (counts('area', fails)) add('area', programSubcategories.get(subcategory).area, n);
        break;
      }
      case 'mode_no': if (counts('mode', fails)) add('mode', deliveryModes.codes[(value as number) - 1]!, n); break;
      case 'target_bits': if (counts('target', fails)) eachBit(value as number, (p) => add('target', targetGroups.codes[p - 1]!, n)); break;
      case 'weekday_bits': if (counts('weekday', fails)) eachBit(value as number, (p) => add('weekday', weekdays.codes[p - 1]!, n)); break;
      case 'time_bucket': if (counts('timeOfDay', fails)) add('timeOfDay', timesOfDay[value as number]!, n); break;
      case 'fee_paid': if (counts('fee', fails)) add('fee', value ? 'paid' : 'free', n); break;
      case 'start_bucket':
        if (counts('startsWithinDays', fails)) for (const days of startsWithinChoices) if ((value as number) <= days) add('startsWithinDays', String(days), n);
        break;
      case 'has_seats': if (value && counts('seatsLeft', fails)) add('seatsLeft', 'true', n); break;
      case 'city_code':
        if (fails === 0) {
          add('city', value as string, n);
          total += n;
        }
        break;
      case 'dong_code': if (fails === 0) add('dong', value as string, n); break;
    }
  }
  return { total, facets };
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

/** The whole search as one statement: candidates, base rows with the filters each fails, total, page and facets. */
export function searchStatement(input: SearchInput, match: WordMatch): SQL {
  const fuzzy = match === 'typo';
  const { words, chosung } = queryWords(input.q);
  const sort = defaultSort(input);
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const phrase = (input.q ?? '').trim().toLowerCase();

  // Candidates with their score: 2 per word found in the title (a single word's title match already is
  // the whole query), 3 more when a multi-word query stands whole in the title; typos score by similarity.
  const score = fuzzy
    ? sql`avg(similarity)::float8`
    : sql`(sum(in_title) * 2 + CASE WHEN ${words.length > 1} THEN max(phrase) * 3 ELSE max(in_title) * 3 END)::float8`;
  const candidates = words.length
    ? sql`c AS (SELECT program_id, ${score} AS score FROM (${wordHits(words, chosung, match, phrase)}) hits
          GROUP BY program_id HAVING count(DISTINCT word) FILTER (WHERE word >= 0) = ${words.length}),`
    : sql``;
  const scope: SQL[] = [];
  if (input.city?.length) scope.push(sql`s.city_code = ANY(${textArray(input.city)})`);
  if (input.dong) scope.push(sql`s.dong_code = ${input.dong}`);
  if (input.institution) scope.push(sql`s.institution_id = ${input.institution}`);

  return sql`
    WITH ${candidates}
    base AS MATERIALIZED (
      SELECT s.program_id, s.city_code, s.dong_code, s.subcategory_no, s.mode_no, s.target_bits, s.weekday_bits,
             s.start_minute, s.fee_krw, s.starts_on, s.seats_left, s.enrols_until, s.published_at,
             ${input.center ? sql`CASE WHEN s.lat IS NULL THEN NULL ELSE round(${distanceSql(input.center)})::int END` : sql`NULL::int`} AS distance_m,
             ${words.length ? sql`c.score` : sql`0::float8`} AS score,
             ${failuresMask(facetFilters(input))} AS fails
      FROM ${words.length ? sql`c JOIN program_search s ON s.program_id = c.program_id` : places(input)}
      WHERE ${sql.join([...(words.length && input.center ? [nearCondition(input.center, input.includeOnline ?? true)] : []), ...scope, sql`TRUE`], sql` AND `)}
    ),
    hits AS (
      SELECT program_id, distance_m, score, seats_left, starts_on, published_at
      FROM base WHERE fails = 0
      ORDER BY ${orderSql(sort, input.today)} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
    )
    SELECT
      (SELECT coalesce(json_agg(json_build_array(program_id, distance_m, score, seats_left) ORDER BY ${orderSql(sort, input.today)}), '[]'::json) FROM hits) AS hits,
      ${facetTally(input.today, input.city?.length === 1)} AS tally`;
}

interface StatementRow {
  hits: [number, number | null, number, number][];
  tally: TallyRow[];
}

async function runStatement(db: Reader, input: SearchInput, match: WordMatch): Promise<SearchOutcome> {
  const row = (await firstRow<StatementRow>(db, searchStatement(input, match)))!;
  const { total, facets } = countsOf(row.tally);
  return {
    total,
    hits: row.hits.map(([programId, distanceM, score, seatsLeft]) => ({ programId, distanceM, score, seatsLeft })),
    facets,
    fuzzy: match === 'typo',
    descriptionOnly: match === 'anywhere',
    elsewhere: null,
    sort: defaultSort(input),
  };
}

/**
 * One pass of a search, matching words as `match` says: the SQL statement here, or the in-process catalogue
 * (programs.catalogue.ts), which hands the passes it does not do (typos) back to SQL.
 */
export type SearchPass = (input: SearchInput, match: WordMatch) => Promise<SearchOutcome>;

/** Runs the statement matching as `match` asks (typos need their similarity threshold set for the transaction). */
export const sqlPass = (db: Reader): SearchPass => (input, match) => {
  if (match !== 'typo') return runStatement(db, input, match);
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(TYPO_SIMILARITY)}, true)`);
    return runStatement(tx, input, 'typo');
  });
};

/**
 * Words searched near a place that no class held in person there has: the nearest one that has them (within
 * FARTHEST_KM, whatever the mode filter), and how many online ones do — for a resident to choose, labelled.
 */
async function elsewhereFor(pass: SearchPass, input: SearchInput, found: SearchOutcome): Promise<SearchOutcome['elsewhere']> {
  if (!input.center || !queryWords(input.q).words.length) return null;
  if ((found.facets.mode.in_person ?? 0) + (found.facets.mode.blended ?? 0) > 0) return null;
  const match: WordMatch = found.fuzzy ? 'typo' : found.descriptionOnly ? 'anywhere' : 'title';
  const farther = await pass({
    ...input, center: { ...input.center, radiusKm: FARTHEST_KM }, includeOnline: false, mode: undefined, sort: 'distance', page: 1, pageSize: 1,
  }, match);
  const nearestM = farther.hits[0]?.distanceM ?? null;
  return { nearestKm: nearestM === null ? null : Math.ceil(nearestM / 1000), online: found.facets.mode.online ?? 0 };
}

/**
 * Title matches first; when no title has the words, descriptions too; when nothing matched exactly, near matches
 * (small typos) for queries that allow them. Near a place with no class held in person matching, what is farther.
 */
export async function searchPrograms(db: Reader, input: SearchInput, pass: SearchPass = sqlPass(db)): Promise<SearchOutcome> {
  const found = await bestMatch(pass, input);
  return { ...found, elsewhere: await elsewhereFor(pass, input, found) };
}

async function bestMatch(pass: SearchPass, input: SearchInput): Promise<SearchOutcome> {
  const { words, chosung } = queryWords(input.q);
  const inTitles = await pass(input, 'title');
  if (inTitles.total > 0 || !words.length || chosung) return inTitles;
  const anywhere = await pass(input, 'anywhere');
  if (anywhere.total > 0) return anywhere;
  if (words.some((w) => [...w].length < 3)) return inTitles;
  const typos = await pass(input, 'typo');
  return typos.total > 0 ? typos : inTitles;
}
