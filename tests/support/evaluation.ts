/**
 * What the evaluation tests share: cities with a designation history of the test's choosing (written through the
 * designation module's state machine), indicator values of a year written straight into the indicators' table (the
 * console computes them from data a test would take long to build), and the end of a round's objection days.
 */
import { sql } from 'drizzle-orm';
import { indicators, type IndicatorId } from '../../src/shared/vocabulary/index.ts';
import type { Executor } from '../../src/server/platform/database/database.ts';
import { designation } from '../../src/server/modules/designation/index.ts';

/** A city applied and designated in `year` (on 1 March and 1 July). */
export async function designatedIn(db: Executor, cityCode: string, year: number): Promise<void> {
  await db.transaction(async (tx) => {
    await designation.recordTransition(tx, cityCode, { state: 'applied', year, occurredOn: `${year}-03-01`, reason: '평생학습도시 지정 신청' }, null);
    await designation.recordTransition(tx, cityCode, { state: 'designated', year, occurredOn: `${year}-07-01`, reason: '평생학습도시 지정' }, null);
  });
}

/** Every indicator of the city for `year` set to `valueOf(indicator)` (or removed, for null), computed now. */
export async function indicatorValues(db: Executor, cityCode: string, year: number, valueOf: (id: IndicatorId) => number | null): Promise<void> {
  await db.execute(sql`DELETE FROM indicator_values WHERE city_code = ${cityCode} AND year = ${year}`);
  for (const id of indicators.codes) {
    const value = valueOf(id);
    if (value === null) continue;
    await db.execute(sql`
      INSERT INTO indicator_values (city_code, year, indicator_id, value, computed_at) VALUES (${cityCode}, ${year}, ${id}, ${value}, now())`);
  }
}

/** A city strong on every indicator the default frame scores (thresholds reached, ranked first), or weak (zero). */
export const strong = () => 1000;
export const weak = () => 0;
/** Between: the middle step of each of the default frame's thresholds, and second of three by rank. */
export const middling = (id: IndicatorId): number =>
  ({
    ordinances_in_force: 2, budget_share: 0.6, committee_meetings: 2, dong_centre_coverage: 50, learning_events: 3,
    participation_rate: 10, completion_rate: 70, satisfaction: 3.5,
  } as Partial<Record<IndicatorId, number>>)[id] ?? 500;

/** The objection days of a round are over (a test cannot wait 14 days). */
export async function objectionsClosed(db: Executor, year: number): Promise<void> {
  await db.execute(sql`UPDATE evaluation_rounds SET objections_until = now() - interval '1 minute' WHERE year = ${year}`);
}
