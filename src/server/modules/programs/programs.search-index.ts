/**
 * Keeps `program_search` in step with `programs`: a row for every published program that has not ended,
 * with its seats left. Rebuilt whole after a bulk load; refreshed per program on every change.
 */
import { sql } from 'drizzle-orm';
import {
  deliveryModes, programAreas, programSubcategories, seatHoldingStatuses, targetGroups, weekdays,
} from '../../../shared/vocabulary/index.ts';
import { firstRow, type Executor } from '../../platform/database/database.ts';

/** A vocabulary's codes as a SQL array: array_position() gives the same 1-based numbers as numberOf(). */
const codes = (list: readonly string[]) => sql`${sql.param([...list])}::text[]`;

/** The bit mask of an array column's codes: code number n is bit n − 1. */
const bits = (column: ReturnType<typeof sql>, list: readonly string[]) =>
  sql`(SELECT coalesce(sum(1 << (array_position(${codes(list)}, v) - 1)), 0)::int FROM unnest(${column}) v)`;

// Read-only, from the enrolment module's table.
const seatsTaken = sql`(SELECT count(*) FROM enrolments e WHERE e.program_id = p.id AND e.status = ANY(${sql.param([...seatHoldingStatuses])}::text[]))`;

/** Inserts or updates the search rows of the given programs (all when omitted) and drops those no longer searchable. */
export async function refreshSearchIndex(db: Executor, today: string, programIds?: readonly number[]): Promise<void> {
  await refreshRows(db, today, programIds);
  // Per-program changes leave the word statistics nearly right; a full refresh recounts them.
  if (!programIds) await refreshTermFrequencies(db);
}

async function refreshRows(db: Executor, today: string, programIds?: readonly number[]): Promise<void> {
  const only = programIds ? sql`AND p.id = ANY(${sql.param([...programIds])}::int[])` : sql``;
  await db.execute(sql`
    DELETE FROM program_search s WHERE ${programIds ? sql`s.program_id = ANY(${sql.param([...programIds])}::int[]) AND` : sql``}
      NOT EXISTS (SELECT 1 FROM programs p WHERE p.id = s.program_id AND p.status = 'published' AND p.ends_on >= ${today}::date)`);
  await db.execute(sql`
    INSERT INTO program_search (program_id, city_code, dong_code, institution_id, lat, lon, area_no, subcategory_no, mode_no,
      target_bits, weekday_bits, start_minute, fee_krw, starts_on, ends_on, seats_left, enrols_until, published_at)
    SELECT p.id, p.city_code, p.dong_code, p.institution_id, p.lat, p.lon,
           array_position(${codes(programAreas.codes)}, p.area), array_position(${codes(programSubcategories.codes)}, p.subcategory),
           array_position(${codes(deliveryModes.codes)}, p.mode), ${bits(sql`p.target_groups`, targetGroups.codes)},
           ${bits(sql`p.weekdays`, weekdays.codes)},
           (extract(hour FROM p.start_time) * 60 + extract(minute FROM p.start_time))::int, p.fee_krw,
           p.starts_on, p.ends_on, p.capacity - ${seatsTaken}, coalesce(p.enrolment_closes_on, p.starts_on), p.published_at
    FROM programs p
    WHERE p.status = 'published' AND p.ends_on >= ${today}::date ${only}
    ON CONFLICT (program_id) DO UPDATE SET
      city_code = EXCLUDED.city_code, dong_code = EXCLUDED.dong_code, institution_id = EXCLUDED.institution_id,
      lat = EXCLUDED.lat, lon = EXCLUDED.lon, area_no = EXCLUDED.area_no, subcategory_no = EXCLUDED.subcategory_no,
      mode_no = EXCLUDED.mode_no, target_bits = EXCLUDED.target_bits, weekday_bits = EXCLUDED.weekday_bits,
      start_minute = EXCLUDED.start_minute, fee_krw = EXCLUDED.fee_krw, starts_on = EXCLUDED.starts_on,
      ends_on = EXCLUDED.ends_on, seats_left = EXCLUDED.seats_left, enrols_until = EXCLUDED.enrols_until,
      published_at = EXCLUDED.published_at`);
  await db.execute(sql`
    INSERT INTO program_search_text (program_id, search_text, title_chosung, description_terms)
    SELECT p.id, lower(p.title || ' ' || coalesce(p.title_en, '')), chosung(replace(p.title, ' ', '')),
           strip(to_tsvector('simple', lower(p.description)))
    FROM programs p
    WHERE p.status = 'published' AND p.ends_on >= ${today}::date ${only}
    ON CONFLICT (program_id) DO UPDATE SET
      search_text = EXCLUDED.search_text, title_chosung = EXCLUDED.title_chosung, description_terms = EXCLUDED.description_terms`);
}

/** How many descriptions each word occurs in, for telling topic words from boilerplate (see the schema). */
export async function refreshTermFrequencies(db: Executor): Promise<void> {
  await db.execute(sql`DELETE FROM program_search_terms`);
  await db.execute(sql`
    INSERT INTO program_search_terms (term, documents)
    SELECT word, ndoc FROM ts_stat('SELECT description_terms FROM program_search_text')
    UNION ALL SELECT '', count(*)::int FROM program_search_text`);
}

/** Rebuilds what is missing: the index after a migration reshaped it, or its word statistics. */
export async function ensureSearchIndex(db: Executor, today: string): Promise<boolean> {
  const row = await firstRow<{ missing: boolean; noTerms: boolean }>(db, sql`
    SELECT NOT EXISTS (SELECT 1 FROM program_search) AND EXISTS (SELECT 1 FROM programs WHERE status = 'published' AND ends_on >= ${today}::date) AS missing,
           NOT EXISTS (SELECT 1 FROM program_search_terms) AS "noTerms"`);
  if (row?.missing) {
    await refreshSearchIndex(db, today);
    return true;
  }
  if (row?.noTerms) await refreshTermFrequencies(db);
  return false;
}

/** Programs whose last session is past are closed: they leave the catalogue (their learners' records stay). */
export async function closeEndedPrograms(db: Executor, today: string): Promise<number> {
  const closed = (await db.execute(sql`
    UPDATE programs SET status = 'closed', updated_at = now() WHERE status = 'published' AND ends_on < ${today}::date RETURNING id`)) as unknown as { rows: unknown[] };
  await db.execute(sql`
    DELETE FROM program_search s WHERE NOT EXISTS (SELECT 1 FROM programs p WHERE p.id = s.program_id AND p.status = 'published')`);
  return closed.rows.length;
}

/** Called by the enrolment module, inside its transaction, whenever seats change. */
export async function setSeatsLeft(db: Executor, programId: number, seatsLeft: number): Promise<void> {
  await db.execute(sql`UPDATE program_search SET seats_left = ${seatsLeft} WHERE program_id = ${programId}`);
}
