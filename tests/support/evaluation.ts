/**
 * What the evaluation tests share: cities with a designation history of the test's choosing (written through the
 * designation module's state machine), indicator values of a year written straight into the indicators' table (the
 * console computes them from data a test would take long to build), the end of a round's objection days, and finalised
 * rounds with results of the test's choosing.
 */
import { sql } from 'drizzle-orm';
import { indicators, type DesignationState, type EvaluationOutcome, type IndicatorId } from '../../src/shared/vocabulary/index.ts';
import { firstRow, type Executor } from '../../src/server/platform/database/database.ts';
import { designation } from '../../src/server/modules/designation/index.ts';
import { evaluation } from '../../src/server/modules/evaluation/index.ts';

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

export interface RoundCityResult {
  cityCode: string;
  /** Its areas' scores as [Korean title, points, score]; the total is their sum. */
  areas: [string, number, number][];
  outcome: EvaluationOutcome;
}

/**
 * A finalised round of `year` with these cities' results written straight into its tables (the round's own steps are
 * the evaluation tests'), each outcome recorded as the city's transition on 20 November, as finalising does.
 */
export async function finalisedRound(db: Executor, year: number, results: RoundCityResult[]): Promise<void> {
  await db.transaction(async (tx) => {
    await evaluation.seedFrame(tx, year);
    await tx.execute(sql`
      INSERT INTO evaluation_rounds (year, evaluated_year, status, opened_at, preliminary_at, objections_until, finalised_at)
      VALUES (${year}, ${year - 1}, 'finalised', ${`${year}-03-02T09:00:00+09:00`}, ${`${year}-10-01T09:00:00+09:00`},
              ${`${year}-10-15T09:00:00+09:00`}, ${`${year}-11-20T09:00:00+09:00`})`);
    for (const result of results) {
      const areas = result.areas.map(([titleKo, points, score]) => ({ titleKo, titleEn: titleKo, points, score }));
      const total = areas.reduce((sum, area) => sum + area.score, 0);
      const score = { areas, total, complete: true, items: [] };
      const before = await firstRow<{ state: DesignationState }>(tx, sql`
        SELECT state FROM designation_transitions WHERE city_code = ${result.cityCode} ORDER BY occurred_on DESC, id DESC LIMIT 1`);
      await tx.execute(sql`
        INSERT INTO evaluation_round_cities (round_year, city_code, cohort_group, state_before, designated_year, due_year, reason_ko, reason_en,
                                             preliminary, proposed, final, outcome, final_total)
        VALUES (${year}, ${result.cityCode}, 'province_city', ${before!.state}, 2018, ${year}, '지정 후 4년', 'Four years after designation',
                ${JSON.stringify(score)}::jsonb, ${result.outcome}, ${JSON.stringify(score)}::jsonb, ${result.outcome}, ${total})`);
      await designation.recordTransition(tx, result.cityCode, {
        state: result.outcome, year, occurredOn: `${year}-11-20`, reason: `${year}년 재지정평가 ${total}점`,
      }, null);
    }
  });
}
