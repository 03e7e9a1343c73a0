/**
 * How long does scoring a cohort take? Makes a fresh embedded database with `--cities` municipalities (outside
 * Seoul) designated in 2018 and so due in 2022, every one of the 33 indicators of 2022 for each (generated), the
 * default frame, the round opened, one reviewer per city with its five items scored and submitted; then times
 * scoring every city of the round (indicators by thresholds and rank within the cohort, reviewers' means,
 * outcomes; the survey is not connected, so its item is not scored), `--runs` times, and publishing the
 * preliminary results and finalising once each (they score again, write every city's result, transition, log
 * row and notifications).
 *   npm run bench -- evaluation [--cities=70] [--runs=7]
 * Measures only; asserts nothing.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { indicators } from '../src/shared/vocabulary/index.ts';
import { Random } from '../src/shared/lib/random.ts';
import { openPglite } from '../src/server/platform/database/database.ts';
import { migrate } from '../src/server/platform/database/migrate.ts';
import { geography } from '../src/server/modules/geography/index.ts';
import * as frames from '../src/server/modules/evaluation/frames.service.ts';
import * as round from '../src/server/modules/evaluation/round.service.ts';
import * as queries from '../src/server/modules/evaluation/evaluation.queries.ts';
import { percentile, record, timed } from './support.ts';

const YEAR = 2022;

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { cities: { type: 'string', default: '70' }, runs: { type: 'string', default: '7' } } });
  const count = Number(values.cities);
  const runs = Number(values.runs);
  const database = await openPglite();
  const { db } = database;
  const random = new Random(2001);
  try {
    await migrate(database);
    await geography.ensureGeography(db);
    const cities = (await db.execute(sql`SELECT code FROM municipalities WHERE province_code <> '11' ORDER BY code LIMIT ${count}`) as unknown as { rows: { code: string }[] }).rows.map((r) => r.code);
    const [ministry] = (await db.execute(sql`
      INSERT INTO people (email, display_name, home_city_code) VALUES ('ministry.bench@example.com', '교육부', '11010'), ('reviewer.bench@example.com', '심사위원', '11010')
      RETURNING id`) as unknown as { rows: { id: number }[] }).rows;
    const reviewerId = ministry!.id + 1;
    await db.execute(sql`INSERT INTO designation_experts (person_id, kind, works_in_province_code) VALUES (${reviewerId}, 'reviewer', '11')`);
    for (const code of cities) {
      await db.execute(sql`
        INSERT INTO designation_transitions (city_code, state, year, occurred_on) VALUES (${code}, 'applied', 2018, '2018-03-01'), (${code}, 'designated', 2018, '2018-07-01')`);
      await db.execute(sql`
        INSERT INTO indicator_values (city_code, year, indicator_id, value, computed_at)
        VALUES ${sql.join(indicators.codes.map((id) => sql`(${code}, ${YEAR}, ${id}, ${random.int(0, 1000) / 10}, now())`), sql`, `)}`);
    }
    const actor = { personId: ministry!.id, displayName: '교육부' };
    await frames.seedFrame(db, YEAR);
    await round.openRound(db, actor, YEAR, { evaluatedYear: YEAR }, new Date());
    for (const code of cities) {
      const assignment = await round.assignReviewer(db, actor, YEAR, code, reviewerId, new Date());
      await queries.saveScores(db, assignment.id, code, ['g6', 'o6', 'o7', 'o8', 'r6'].map((itemCode) => ({ itemCode, score: random.int(0, 10) / 2, comment: '' })), new Date());
      await queries.markSubmitted(db, assignment.id, new Date());
    }
    const roundRow = (await queries.roundOf(db, YEAR))!;
    const seconds: number[] = [];
    for (let i = 0; i < runs; i++) seconds.push((await timed(() => round.scoreRound(db, roundRow, round.residentsSurvey))).seconds);
    const publish = await timed(() => round.publishPreliminary(db, actor, YEAR, new Date(), round.residentsSurvey));
    await db.execute(sql`UPDATE evaluation_rounds SET objections_until = now() - interval '1 minute' WHERE year = ${YEAR}`);
    const finalise = await timed(() => round.finalise(db, actor, YEAR, new Date(), round.residentsSurvey));
    record('evaluation', {
      engine: 'pglite', cities: cities.length, runs,
      scoreMedianS: Number(percentile(seconds, 50).toFixed(3)), scoreMaxS: Number(Math.max(...seconds).toFixed(3)),
      publishS: Number(publish.seconds.toFixed(3)), finaliseS: Number(finalise.seconds.toFixed(3)), outcomes: finalise.result.counts,
      survey: 'not connected (its item not scored)',
    });
  } finally {
    await database.close();
  }
}
