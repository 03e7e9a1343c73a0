/**
 * Keeps `program_search` in step with `programs`: a row for every published program that has not ended,
 * with its seats left. Rebuilt whole after a bulk load; refreshed per program on every change.
 */
import { sql } from 'drizzle-orm';
import { seatHoldingStatuses } from '../../../shared/vocabulary/index.ts';
import type { Executor } from '../../platform/database/database.ts';

// Read-only, from the enrolment module's table.
const seatsTaken = sql`(SELECT count(*) FROM enrolments e WHERE e.program_id = p.id AND e.status = ANY(${sql.param([...seatHoldingStatuses])}::text[]))`;

/** Inserts or updates the search rows of the given programs (all when omitted) and drops those no longer searchable. */
export async function refreshSearchIndex(db: Executor, today: string, programIds?: readonly number[]): Promise<void> {
  const only = programIds ? sql`AND p.id = ANY(${sql.param([...programIds])}::int[])` : sql``;
  await db.execute(sql`
    DELETE FROM program_search s WHERE ${programIds ? sql`s.program_id = ANY(${sql.param([...programIds])}::int[]) AND` : sql``}
      NOT EXISTS (SELECT 1 FROM programs p WHERE p.id = s.program_id AND p.status = 'published' AND p.ends_on >= ${today}::date)`);
  await db.execute(sql`
    INSERT INTO program_search (program_id, city_code, dong_code, institution_id, lat, lon, title, search_text, area, subcategory,
      target_groups, mode, fee_krw, weekday_bits, start_minute, starts_on, ends_on, seats_left, published_at)
    SELECT p.id, p.city_code, p.dong_code, p.institution_id, p.lat, p.lon, p.title,
           lower(p.title || ' ' || coalesce(p.title_en, '')), p.area, p.subcategory, p.target_groups, p.mode, p.fee_krw,
           (SELECT coalesce(sum(1 << (array_position(ARRAY['mon','tue','wed','thu','fri','sat','sun'], d) - 1)), 0)::int FROM unnest(p.weekdays) d),
           (extract(hour FROM p.start_time) * 60 + extract(minute FROM p.start_time))::int,
           p.starts_on, p.ends_on, p.capacity - ${seatsTaken}, p.published_at
    FROM programs p
    WHERE p.status = 'published' AND p.ends_on >= ${today}::date ${only}
    ON CONFLICT (program_id) DO UPDATE SET
      city_code = EXCLUDED.city_code, dong_code = EXCLUDED.dong_code, institution_id = EXCLUDED.institution_id,
      lat = EXCLUDED.lat, lon = EXCLUDED.lon, title = EXCLUDED.title, search_text = EXCLUDED.search_text,
      area = EXCLUDED.area, subcategory = EXCLUDED.subcategory, target_groups = EXCLUDED.target_groups, mode = EXCLUDED.mode,
      fee_krw = EXCLUDED.fee_krw, weekday_bits = EXCLUDED.weekday_bits, start_minute = EXCLUDED.start_minute,
      starts_on = EXCLUDED.starts_on, ends_on = EXCLUDED.ends_on, seats_left = EXCLUDED.seats_left, published_at = EXCLUDED.published_at`);
}

/** Programs whose last session is past are closed: they leave the catalogue (their learners' records stay). */
export async function closeEndedPrograms(db: Executor, today: string): Promise<number> {
  const closed = (await db.execute(sql`
    UPDATE programs SET status = 'closed', updated_at = now() WHERE status = 'published' AND ends_on < ${today}::date RETURNING id`)) as unknown as { rows: unknown[] };
  await db.execute(sql`DELETE FROM program_search s USING programs p WHERE p.id = s.program_id AND p.status <> 'published'`);
  return closed.rows.length;
}

/** Called by the enrolment module, inside its transaction, whenever seats change. */
export async function setSeatsLeft(db: Executor, programId: number, seatsLeft: number): Promise<void> {
  await db.execute(sql`UPDATE program_search SET seats_left = ${seatsLeft} WHERE program_id = ${programId}`);
}
