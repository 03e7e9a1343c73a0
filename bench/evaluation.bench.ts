/**
 * How long does scoring a cohort take? Makes a fresh embedded database with `--cities` municipalities (outside
 * Seoul) designated in 2018 and so due in 2022, every one of the 33 indicators of 2022 for each (generated), the
 * default frame, the round opened, one reviewer per city with its five items scored and submitted; then times
 * scoring every city of the round (indicators by thresholds and rank within the cohort, reviewers' means,
 * outcomes; the survey is not connected, so its item is not scored), `--runs` times, and publishing the
 * preliminary results and finalising once each (they score again, write every city's result, transition, log
 * row and notifications).
 * Then the national picture (issue 12, item 6): every other municipality gets a designation history as the national
 * seed writes them (db/seed/designations.ts) and 33 indicator values of 2022, and the picture's data — the timeline,
 * this year's map, the cohorts due, the index by group (named) and the cities at risk, as the ministry's page asks for
 * them at once — is timed `--picture-runs` times (the first, with cold caches, reported apart).
 *   npm run bench -- evaluation [--cities=70] [--runs=7] [--picture-runs=40]
 * Measures only; asserts nothing.
 */
import { loadavg } from 'node:os';
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
import { readOnly } from '../src/server/platform/database/reads.ts';
import * as national from '../src/server/modules/national/national.service.ts';
import { historyOf, nationalDemoCities, undesignatedHistory } from '../db/seed/designations.ts';
import { percentile, record, timed } from './support.ts';

const YEAR = 2022;

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { cities: { type: 'string', default: '70' }, runs: { type: 'string', default: '7' }, 'picture-runs': { type: 'string', default: '40' } } });
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
    await timeNationalPicture(database.db, new Set(cities), random, Number(values['picture-runs']));
  } finally {
    await database.close();
  }
}

/** The national picture's data over every municipality's history (the bench's cohort keeps its own). */
async function timeNationalPicture(db: Awaited<ReturnType<typeof openPglite>>['db'], cohort: ReadonlySet<string>, random: Random, runs: number): Promise<void> {
  const thisYear = new Date().getUTCFullYear();
  const all = (await db.execute(sql`SELECT code FROM municipalities ORDER BY code`) as unknown as { rows: { code: string }[] }).rows.map((r) => r.code);
  const others = nationalDemoCities(all.filter((code) => !cohort.has(code)), [], thisYear - 1, random.fork('national'));
  for (const city of others) {
    const r = random.fork(city.code);
    const history = Number.isFinite(city.designatedYear) ? historyOf(city, thisYear - 1, r) : undesignatedHistory(thisYear, r);
    if (history.length === 0) continue;
    await db.execute(sql`
      INSERT INTO designation_transitions (city_code, state, year, occurred_on, reason, evidence)
      VALUES ${sql.join(history.map((t) => sql`(${city.code}, ${t.state}, ${t.year}, ${t.occurredOn}, ${t.reason}, ${t.evidence})`), sql`, `)}`);
    if (!Number.isFinite(city.designatedYear)) continue;
    await db.execute(sql`
      INSERT INTO indicator_values (city_code, year, indicator_id, value, computed_at)
      VALUES ${sql.join(indicators.codes.map((id) => sql`(${city.code}, ${YEAR}, ${id}, ${r.int(0, 1000) / 10}, now())`), sql`, `)}`);
  }
  const reader = readOnly(db);
  const picture = () => Promise.all([
    national.nationalTimeline(reader, thisYear),
    national.nationalMap(reader, thisYear, { page: 1, pageSize: 300 }),
    national.cohortsDue(db, thisYear),
    national.indexDistribution(db, undefined, true, thisYear),
    national.atRisk(db, {}, { page: 1, pageSize: 20 }, thisYear),
  ]);
  const first = await timed(picture);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) ms.push((await timed(picture)).seconds * 1000);
  // Each part alone, one after the other: where the time goes.
  const parts: Record<string, () => Promise<unknown>> = {
    timeline: () => national.nationalTimeline(reader, thisYear),
    map: () => national.nationalMap(reader, thisYear, { page: 1, pageSize: 300 }),
    cohorts: () => national.cohortsDue(db, thisYear),
    distribution: () => national.indexDistribution(db, undefined, true, thisYear),
    atRisk: () => national.atRisk(db, {}, { page: 1, pageSize: 20 }, thisYear),
  };
  const partP95Ms: Record<string, number> = {};
  for (const [name, part] of Object.entries(parts)) {
    const times: number[] = [];
    for (let i = 0; i < Math.min(runs, 20); i++) times.push((await timed(part)).seconds * 1000);
    partP95Ms[name] = Math.round(percentile(times, 95));
  }
  const [timeline, map, cohorts, distribution, atRisk] = first.result;
  const size = (await db.execute(sql`SELECT count(*)::int AS transitions, count(DISTINCT city_code)::int AS cities FROM designation_transitions`) as unknown as { rows: { transitions: number; cities: number }[] }).rows[0]!;
  record('evaluation-national-picture', {
    engine: 'pglite', runs, transitions: size.transitions, citiesWithHistory: size.cities,
    learningCitiesNow: timeline.years.at(-1)!.learning, mapCities: map.total, dueThisYear: cohorts.years[0]!.counts.total,
    scoredCities: distribution.groups.reduce((n, g) => n + g.n, 0), atRisk: atRisk.counts.total,
    responseBytes: JSON.stringify(first.result).length,
    firstMs: Math.round(first.seconds * 1000), p50Ms: Math.round(percentile(ms, 50)), p95Ms: Math.round(percentile(ms, 95)), maxMs: Math.round(Math.max(...ms)), partP95Ms,
    load: loadavg().map((l) => Number(l.toFixed(1))),
  });
}
