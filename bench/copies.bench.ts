/**
 * Copied-program detection: how long the national run takes, how much memory it needs, and its precision
 * and recall against the copies the generator planted (demo_copy_plants); then, held out from tuning,
 * against copies edited in several ways at once and hard negatives (bench/copies-heldout.ts), with the
 * thresholds the planted copies alone would choose; then, on a sample, the same
 * MinHash/LSH pipeline against PostgreSQL trigram similarity (pg_trgm `%` self-join), so the choice is measured;
 * and how long the check before publishing takes (GIN index on the LSH bands, then exact similarity).
 *
 *   npm run bench -- copies                                   PGlite, bench/.data/pglite-demo (seeds `demo` if empty)
 *   npm run bench -- copies --pg=postgres://…/lc_bench_seed_national     PostgreSQL (seeds `national` into it if empty)
 *   options: --sample=3000 (programs in the comparison; 0 skips it; pg_trgm's time grows with its square), --trgm-timeout=900 (seconds, PostgreSQL only),
 *            --refingerprint (drop stored fingerprints first, to time computing them all: `seconds` then includes them),
 *            --heldout=1000 (held-out copies, and as many hard negatives; 0 skips), --heldout-population=100000 (listings, by id, they join)
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { SeedSize } from '../src/server/config.ts';
import { rows, type Database } from '../src/server/platform/database/database.ts';
import { consoleProgress } from '../src/server/platform/jobs/progress.ts';
import { copiesModule } from '../src/server/modules/copies/index.ts';
import { COPY_THRESHOLD } from '../src/server/modules/copies/copies.rules.ts';
import { checkDraft, listingText } from '../src/server/modules/copies/copies.service.ts';
import { nearCopies } from '../src/server/modules/copies/minhash.ts';
import { descriptionBody, heldOutQuality, heldOutSet, HELD_OUT_SEED } from './copies-heldout.ts';
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

/** The detection pipeline on listings held in memory: signatures, LSH, exact verification. */
function minhashOnSample(sample: Awaited<ReturnType<typeof sampleOf>>, threshold = COPY_THRESHOLD): (Pair & { similarity: number })[] {
  return nearCopies(sample.map(listingText), sample.map((s) => s.institutionId), threshold)
    .map(({ i, j, similarity }) => Object.assign([sample[i]!.id, sample[j]!.id] as const, { similarity }));
}

/** The lowest threshold the held-out sweep tries: one run there, every higher threshold filters its pairs. */
const SWEEP_FROM = 0.4;
const f1 = (q: { precision: number | null; recall: number | null }) =>
  q.precision === null || q.recall === null || q.precision + q.recall === 0 ? 0 : (2 * q.precision * q.recall) / (q.precision + q.recall);

/**
 * The held-out check. Copies edited in several ways at once and hard negatives (bench/copies-heldout.ts,
 * its own seed) join the first `population` detectable listings; the in-memory pipeline runs over all of
 * them. Reported at the detector's threshold, at the thresholds the planted copies alone would choose (the
 * best F1 on them), and at the threshold that would suit the held-out set best, with the planted figures
 * there: the held-out set never chooses anything, it shows what a choice costs.
 */
async function heldOutCheck(database: Database, copies: number, population: number) {
  const listings = await rows<{ id: number; institutionId: number; title: string; description: string; subcategory: string }>(database.db, sql`
    SELECT id, institution_id AS "institutionId", title, description, subcategory FROM programs
    WHERE status IN ('published', 'closed') ORDER BY id LIMIT ${population}`);
  const plants = await plantsOf(database, listings[listings.length - 1]?.id ?? 0);
  const sourceOf = new Map(plants.map((p) => [p.copy, p.source]));
  const set = heldOutSet(listings, { copies, negatives: copies });
  const everyone = [...listings, ...set];
  const { result: found, seconds } = await timed(async () => minhashOnSample(everyone, SWEEP_FROM));
  const isBase = (id: number) => id > 0;
  const at = (threshold: number) => {
    const pairs = found.filter((p) => p.similarity >= threshold);
    return { threshold, planted: measure(pairs.filter(([a, b]) => isBase(a) && isBase(b)), plants), heldOut: heldOutQuality(set, pairs, sourceOf) };
  };
  const sweep = Array.from({ length: Math.round((0.9 - SWEEP_FROM) / 0.02) + 1 }, (_, k) => at(Math.round((SWEEP_FROM + k * 0.02) * 100) / 100));
  const bestPlanted = Math.max(...sweep.map((s) => f1(s.planted)));
  const chosen = sweep.filter((s) => f1(s.planted) === bestPlanted).map((s) => s.threshold);
  const suitsHeldOut = sweep.reduce((best, s) => (f1(s.heldOut) > f1(best.heldOut) ? s : best));
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
  return {
    seed: HELD_OUT_SEED, population: listings.length, seconds: round(seconds),
    ...at(COPY_THRESHOLD),
    plantedChooses: { thresholds: [Math.min(...chosen), Math.max(...chosen)], f1: Math.round(bestPlanted * 10_000) / 10_000, ...at(Math.min(...chosen)) },
    suitsHeldOutBest: suitsHeldOut,
    composedAlikePairs: composedAlike,
    sweep: sweep.map((s) => ({ t: s.threshold, plantedP: s.planted.precision, plantedR: s.planted.recall, heldOutP: s.heldOut.precision, heldOutR: s.heldOut.recall })),
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
    const heldOut = heldOutCopies > 0 ? await heldOutCheck(database, heldOutCopies, Number(values['heldout-population'])) : null;

    record('copies', {
      engine: database.engine,
      programs: result.run.programs,
      pairs: result.run.pairs,
      threshold: COPY_THRESHOLD,
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
