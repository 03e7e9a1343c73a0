/**
 * Copied-program detection: how long the national run takes (fingerprints included with --refingerprint),
 * how much memory it needs, and its precision and recall against the copies the generator planted
 * (demo_copy_plants); then the choice of the score's weights and threshold on a tuning split
 * (bench/copies-tuning.ts, its own seed and edits) with the planted copies; then, held out from that
 * choice, against copies edited in several ways at once and hard negatives (bench/copies-heldout.ts), with a
 * threshold sweep and the candidate stage's recall measured apart from scoring; then, on a sample, the same
 * MinHash/LSH pipeline against PostgreSQL trigram similarity (pg_trgm `%` self-join), so the choice is measured;
 * and how long the check before publishing takes (GIN index on the LSH bands, then exact similarity).
 *
 *   npm run bench -- copies                                   PGlite, bench/.data/pglite-demo (seeds `demo` if empty)
 *   npm run bench -- copies --pg=postgres://…/lc_bench_seed_national     PostgreSQL (seeds `national` into it if empty)
 *   options: --sample=3000 (programs in the comparison; 0 skips it; pg_trgm's time grows with its square), --trgm-timeout=900 (seconds, PostgreSQL only),
 *            --refingerprint (drop stored fingerprints first, to time computing them all: `seconds` then includes them),
 *            --heldout=1000 (held-out copies, and as many hard negatives; 0 skips), --heldout-population=100000 (listings, by id, they join)
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { SeedSize } from '../src/server/config.ts';
import { rows, type Database } from '../src/server/platform/database/database.ts';
import { consoleProgress } from '../src/server/platform/jobs/progress.ts';
import { copiesModule } from '../src/server/modules/copies/index.ts';
import { COPY_THRESHOLD, COPY_WEIGHTS, SAME_INSTRUCTOR_FLOOR } from '../src/server/modules/copies/copies.rules.ts';
import { checkDraft } from '../src/server/modules/copies/copies.service.ts';
import { combine, nearCopies, scoredCandidates, type ScoreWeights } from '../src/server/modules/copies/scoring.ts';
import { descriptionBody, heldOutQuality, heldOutSet, HELD_OUT_SEED, type HeldOutListing } from './copies-heldout.ts';
import { tuningSet, TUNING_SEED } from './copies-tuning.ts';
import { openBenchData, percentile, record, timed } from './support.ts';

interface Plant { copy: number; source: number; kind: string; compared: boolean }
type Pair = readonly [number, number];

/**
 * Precision (found pairs that are a copy and its source, or two copies of one source) and recall (the
 * planted copies found whose copy and source both take part in detection), overall and by kind.
 */
function measure(found: readonly Pair[], plants: readonly Plant[]) {
  const sourceOf = new Map(plants.map((p) => [p.copy, p.source]));
  const root = (id: number) => sourceOf.get(id) ?? id;
  const key = (a: number, b: number) => `${Math.min(a, b)}:${Math.max(a, b)}`;
  const foundKeys = new Set(found.map(([a, b]) => key(a, b)));
  const hit = (p: Plant) => foundKeys.has(key(p.copy, p.source));
  const round = (x: number) => Math.round(x * 10_000) / 10_000;
  const compared = plants.filter((p) => p.compared);
  const kinds = [...new Set(compared.map((p) => p.kind))].sort();
  return {
    precision: found.length === 0 ? null : round(found.filter(([a, b]) => root(a) === root(b)).length / found.length),
    recall: compared.length === 0 ? null : round(compared.filter(hit).length / compared.length),
    recallByKind: Object.fromEntries(kinds.map((k) => {
      const ofKind = compared.filter((p) => p.kind === k);
      return [k, round(ofKind.filter(hit).length / ofKind.length)];
    })),
    plants: compared.length,
    found: found.length,
  };
}

/** Every planted copy (up to an id), and whether both it and its source take part in detection (published or closed). */
async function plantsOf(database: Database, maxId = 2_147_483_647): Promise<Plant[]> {
  return rows<Plant>(database.db, sql`
    SELECT c.program_id AS copy, c.source_program_id AS source, c.kind,
      p.status IN ('published', 'closed') AND s.status IN ('published', 'closed') AS compared
    FROM demo_copy_plants c JOIN programs p ON p.id = c.program_id JOIN programs s ON s.id = c.source_program_id
    WHERE p.id <= ${maxId} AND s.id <= ${maxId}`);
}

/** Peak resident memory while `work` runs (sampled every 50 ms). */
async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
  try {
    const result = await work();
    return { result, peakMb: Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20) };
  } finally {
    clearInterval(sampler);
  }
}

/** The first `size` detectable programs by id (planted copies sit near their sources in id order, so most pairs stay whole). */
async function sampleOf(database: Database, size: number) {
  return rows<{ id: number; institutionId: number; title: string; description: string }>(database.db, sql`
    SELECT id, institution_id AS "institutionId", title, description FROM programs
    WHERE status IN ('published', 'closed') ORDER BY id LIMIT ${size}`);
}

/** The detection pipeline on listings held in memory, as the national run does it: signatures, candidates, the copy score. */
function minhashOnSample(sample: readonly { id: number; institutionId: number; title: string; description: string }[]): Pair[] {
  return nearCopies(sample, sample.map((s) => s.institutionId)).map(({ i, j }) => [sample[i]!.id, sample[j]!.id] as const);
}

/** The lowest threshold the sweeps try, and the candidate floors wide enough for it and every weighting of the grid. */
const SWEEP_FROM = 0.4;
const WIDE_FLOORS = { lsh: 0.3, keyed: SAME_INSTRUCTOR_FLOOR };
const thresholds = Array.from({ length: Math.round((0.9 - SWEEP_FROM) / 0.01) + 1 }, (_, k) => Math.round((SWEEP_FROM + k * 0.01) * 100) / 100);
/** The weightings the tuning grid tries (the body weighs 1). */
const grid: ScoreWeights[] = [0, 0.25, 0.5, 0.75, 1].flatMap((title) => [0, 0.25, 0.5, 0.75, 1].map((instructor) => ({ body: 1, title, instructor })));

type Listing = { id: number; institutionId: number; title: string; description: string; subcategory: string };

/**
 * Candidates of a split's listings joined with the population, scored in parts once (wide floors), so that
 * any weighting and threshold is a filter; and whether each copy met its source as a candidate at all.
 */
function scoredSplit(population: readonly Listing[], split: readonly HeldOutListing[]) {
  const everyone = [...population, ...split];
  const { pairs, stats } = scoredCandidates(everyone, everyone.map((l) => l.institutionId), WIDE_FLOORS);
  const scored = pairs.map(({ i, j, parts }) => ({ a: everyone[i]!.id, b: everyone[j]!.id, parts }));
  const key = (a: number, b: number) => `${Math.min(a, b)}:${Math.max(a, b)}`;
  const candidates = new Set(scored.map((p) => key(p.a, p.b)));
  const copies = split.filter((l) => l.kind === 'copy');
  return { scored, stats, candidateRecall: Math.round((copies.filter((c) => candidates.has(key(c.id, c.of))).length / copies.length) * 10_000) / 10_000 };
}

/** Precision and recall of one split (and of the planted copies among the population) when pairs scoring `threshold` under `weights` are kept. */
function qualityAt(split: ReturnType<typeof scoredSplit>, set: readonly HeldOutListing[], plants: readonly Plant[], sourceOf: ReadonlyMap<number, number>, weights: ScoreWeights, threshold: number) {
  const pairs = split.scored.filter((p) => combine(p.parts, weights) >= threshold).map((p) => [p.a, p.b] as const);
  return { threshold, planted: measure(pairs.filter(([a, b]) => a > 0 && b > 0), plants), split: heldOutQuality(set, pairs, sourceOf) };
}
const worst = (q: ReturnType<typeof qualityAt>) => Math.min(q.planted.precision ?? 0, q.planted.recall ?? 0, q.split.precision ?? 0, q.split.recall ?? 0);

/**
 * The choice and its check. The tuning split (copies-tuning.ts) joins the first `population` detectable
 * listings; every weighting of the grid and every threshold is tried, and the one whose worst figure
 * (tuning precision and recall, planted precision and recall) is best is what the tuning chooses: the rules
 * (copies.rules.ts) must be that choice. Then the held-out set (copies-heldout.ts, its own seed) joins the
 * same listings and the production pipeline (`nearCopies`, the run's candidate floors) runs over them at
 * the rules' threshold; a sweep over thresholds shows what another choice would give. Candidate recall (a
 * copy met its source as a candidate at all) is measured apart from scoring.
 */
async function tuneAndCheck(database: Database, copies: number, population: number) {
  const listings = await rows<Listing>(database.db, sql`
    SELECT id, institution_id AS "institutionId", title, description, subcategory FROM programs
    WHERE status IN ('published', 'closed') ORDER BY id LIMIT ${population}`);
  const plants = await plantsOf(database, listings[listings.length - 1]?.id ?? 0);
  const sourceOf = new Map(plants.map((p) => [p.copy, p.source]));

  const tuning = tuningSet(listings, { copies, negatives: copies }).map((l) => ({ ...l, edits: [] }));
  const tuned = scoredSplit(listings, tuning);
  let best = { weights: grid[0]!, ...qualityAt(tuned, tuning, plants, sourceOf, grid[0]!, thresholds[0]!) };
  for (const weights of grid) {
    for (const threshold of thresholds) {
      const q = qualityAt(tuned, tuning, plants, sourceOf, weights, threshold);
      if (worst(q) > worst(best)) best = { weights, ...q };
    }
  }
  const rulesOnTuning = qualityAt(tuned, tuning, plants, sourceOf, COPY_WEIGHTS, COPY_THRESHOLD);

  const set = heldOutSet(listings, { copies, negatives: copies });
  const everyone = [...listings, ...set];
  const { result: found, seconds } = await timed(async () => minhashOnSample(everyone));
  const held = scoredSplit(listings, set);
  const sweep = thresholds.filter((t) => Math.round(t * 100) % 2 === 0).map((t) => qualityAt(held, set, plants, sourceOf, COPY_WEIGHTS, t));
  // What the generator's catalogue composes twice: independent listings (no plant between them, other
  // institutions) whose descriptions are the same sentences apart from their own details and instructor.
  const byBody = new Map<string, { institutionId: number; root: number }[]>();
  for (const l of listings) {
    const body = descriptionBody(l.description);
    byBody.set(body, [...(byBody.get(body) ?? []), { institutionId: l.institutionId, root: sourceOf.get(l.id) ?? l.id }]);
  }
  let composedAlike = 0;
  for (const group of byBody.values()) {
    group.forEach((a, k) => { composedAlike += group.slice(k + 1).filter((b) => b.institutionId !== a.institutionId && b.root !== a.root).length; });
  }
  const brief = (q: ReturnType<typeof qualityAt>) => ({ t: q.threshold, plantedP: q.planted.precision, plantedR: q.planted.recall, P: q.split.precision, R: q.split.recall });
  return {
    population: listings.length,
    tuning: {
      seed: TUNING_SEED,
      candidateRecall: tuned.candidateRecall,
      chooses: { weights: best.weights, ...brief(best) },
      rulesAreTheChoice: JSON.stringify(best.weights) === JSON.stringify(COPY_WEIGHTS) && best.threshold === COPY_THRESHOLD,
      atRules: brief(rulesOnTuning),
    },
    heldOut: {
      seed: HELD_OUT_SEED,
      seconds: round(seconds),
      threshold: COPY_THRESHOLD,
      weights: COPY_WEIGHTS,
      planted: measure(found.filter(([a, b]) => a > 0 && b > 0), plants),
      ...heldOutQuality(set, found, sourceOf),
      candidateRecall: held.candidateRecall,
      candidates: held.stats,
      sweep: sweep.map(brief),
    },
    composedAlikePairs: composedAlike,
  };
}

/** pg_trgm on the same listings: a GIN trigram index and a `%` self-join at the same threshold. */
async function trigramsOnSample(database: Database, maxId: number, timeoutSeconds: number) {
  const { db } = database;
  await db.execute(sql`DROP TABLE IF EXISTS bench_copy_sample`);
  await db.execute(sql`CREATE TEMP TABLE bench_copy_sample AS
    SELECT id, institution_id, title || ' ' || description AS listing FROM programs
    WHERE status IN ('published', 'closed') AND id <= ${maxId}`);
  const index = await timed(async () => {
    await db.execute(sql`CREATE INDEX ON bench_copy_sample USING gin (listing gin_trgm_ops)`);
    await db.execute(sql`ANALYZE bench_copy_sample`);
  });
  try {
    const join = await timed(() => db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('pg_trgm.similarity_threshold', ${String(COPY_THRESHOLD)}, true),
        set_config('statement_timeout', ${String(Math.round(timeoutSeconds * 1000))}, true)`);
      return rows<{ a: number; b: number }>(tx, sql`
        SELECT a.id AS a, b.id AS b FROM bench_copy_sample a JOIN bench_copy_sample b
          ON a.listing % b.listing AND a.id < b.id AND a.institution_id <> b.institution_id`);
    }));
    return { indexSeconds: round(index.seconds), joinSeconds: round(join.seconds), found: join.result.map((r) => [r.a, r.b] as const) };
  } catch (error) {
    return { indexSeconds: round(index.seconds), joinSeconds: null, timedOutAfterSeconds: timeoutSeconds, error: (error as Error).message, found: null };
  } finally {
    await db.execute(sql`DROP TABLE IF EXISTS bench_copy_sample`);
  }
}

const round = (x: number) => Math.round(x * 100) / 100;

/** The check before publishing, as staff meet it: existing listings offered again as drafts (each must find itself). */
async function timePrepublishChecks(database: Database, count: number) {
  const drafts = await rows<{ id: number; title: string; description: string }>(database.db, sql`
    SELECT id, title, description FROM programs WHERE status = 'published' ORDER BY md5(id::text) LIMIT ${count}`);
  const times: number[] = [];
  let foundItself = 0;
  for (const draft of drafts) {
    // No institution has id 0: every published listing is a candidate, the draft's original included.
    const { result, seconds } = await timed(() => checkDraft(database.db, 0, draft));
    times.push(seconds * 1000);
    if (result.matches.some((m) => m.programId === draft.id && m.similarity === 1)) foundItself++;
  }
  return { checks: drafts.length, foundItself, p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)) };
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      pg: { type: 'string' },
      'data-dir': { type: 'string', default: 'bench/.data/pglite-demo' },
      size: { type: 'string' },
      sample: { type: 'string', default: '3000' },
      heldout: { type: 'string', default: '1000' },
      'heldout-population': { type: 'string', default: '100000' },
      'trgm-timeout': { type: 'string', default: '900' },
      refingerprint: { type: 'boolean', default: false },
    },
  });
  // A new data set runs one detection at the end of its generation too.
  const size = (values.size ?? (values.pg ? 'national' : 'demo')) as SeedSize;
  const database = await openBenchData(values.pg ? { postgres: values.pg } : { dataDir: values['data-dir'] }, size, '2026-11-25');
  try {
    if (values.refingerprint) await database.db.execute(sql`DELETE FROM program_fingerprints`);
    const loadBefore = loadavg().map((x) => round(x));

    const progress = consoleProgress();
    const { result, peakMb } = await withPeakMemory(() => copiesModule.detectCopies(database.db, (phase, done, total) => progress({ phase, done, total })));
    const found = await rows<{ a: number; b: number }>(database.db, sql`SELECT program_id AS a, other_program_id AS b FROM copy_pairs`);
    const quality = measure(found.map((p) => [p.a, p.b] as const), await plantsOf(database));
    const { fingerprints, ...detection } = result.stages;

    const prepublish = await timePrepublishChecks(database, 50);

    let comparison: Record<string, unknown> | null = null;
    const sampleSize = Number(values.sample);
    if (sampleSize > 0) {
      const sample = await sampleOf(database, sampleSize);
      const maxId = sample[sample.length - 1]?.id ?? 0;
      const plants = await plantsOf(database, maxId);
      const minhash = await timed(async () => minhashOnSample(sample));
      const { found: trigramPairs, ...trigramTimes } = await trigramsOnSample(database, maxId, Number(values['trgm-timeout']));
      comparison = {
        programs: sample.length,
        minhashLsh: { seconds: round(minhash.seconds), ...measure(minhash.result, plants) },
        pgTrgm: { ...trigramTimes, ...(trigramPairs ? measure(trigramPairs, plants) : {}) },
      };
    }

    const heldOutCopies = Number(values.heldout);
    const heldOut = heldOutCopies > 0 ? await tuneAndCheck(database, heldOutCopies, Number(values['heldout-population'])) : null;

    record('copies', {
      engine: database.engine,
      loadAverage: { before: loadBefore, after: loadavg().map((x) => round(x)) },
      programs: result.run.programs,
      pairs: result.run.pairs,
      threshold: COPY_THRESHOLD,
      weights: COPY_WEIGHTS,
      seconds: round(result.run.seconds),
      detectionSeconds: round(Object.values(detection).reduce((a, b) => a + b, 0)),
      fingerprinted: result.fingerprinted,
      fingerprintSeconds: round(fingerprints),
      stages: Object.fromEntries(Object.entries(detection).map(([k, v]) => [k, round(v)])),
      peakRssMb: peakMb,
      lsh: result.lsh,
      ...quality,
      prepublish,
      heldOut,
      comparison,
    });
  } finally {
    await database.close();
  }
}
