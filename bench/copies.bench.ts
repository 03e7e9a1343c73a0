/**
 * Copied-program detection: how long the national run takes (fingerprints included with --refingerprint),
 * how much memory it needs, and its precision and recall against the copies the generator planted
 * (demo_copy_plants); then the choice of the score's weights and threshold on the tuning splits
 * (bench/copies-tuning*.ts, each its own seed and edits) with the planted copies; then, held out from that
 * choice, against copies edited in several ways at once and hard negatives (bench/copies-heldout.ts, held-out
 * edition 4), with a threshold sweep and the candidate stage's recall measured apart from scoring; then, on a sample, the same
 * MinHash/LSH pipeline against PostgreSQL trigram similarity (pg_trgm `%` self-join), so the choice is measured;
 * and how long the check before publishing takes (GIN index on the LSH bands, then exact similarity).
 *
 *   npm run bench -- copies                                   PGlite, bench/.data/pglite-demo (seeds `demo` if empty)
 *   npm run bench -- copies --pg=postgres://…/lc_bench_seed_national     PostgreSQL (seeds `national` into it if empty;
 *                                                                        --size=large with …/lc_bench_seed_large: 100,000 programs)
 *   options: --sample=3000 (programs in the comparison; 0 skips it; pg_trgm's time grows with its square), --trgm-timeout=900 (seconds, PostgreSQL only),
 *            --refingerprint (drop stored fingerprints first, to time computing them all: `seconds` then includes them),
 *            --heldout=1000 (held-out copies, and as many hard negatives; 0 skips the held-out check, whose module is then
 *            never loaded, and reports the tuning's choice alone), --tuning=1000 (copies, and as many negatives, over the tuning
 *            splits), --heldout-population=100000 (listings, by id, they join)
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { SeedSize } from '../src/server/config.ts';
import { rows, type Database } from '../src/server/platform/database/database.ts';
import { consoleProgress } from '../src/server/platform/jobs/progress.ts';
import { copiesModule } from '../src/server/modules/copies/index.ts';
import { COPY_THRESHOLD, COPY_WEIGHTS } from '../src/server/modules/copies/copies.rules.ts';
import { checkDraft } from '../src/server/modules/copies/copies.service.ts';
import { combine, nearCopies, scoredCandidates, type ListingStructure, type ListingText, type ScoreWeights } from '../src/server/modules/copies/scoring.ts';
import { thirdSet, THIRD_SEED } from './copies-tuning-third.ts';
import { secondSet, SECOND_SEED } from './copies-tuning-second.ts';
import { descriptionBody, setQuality, type SetListing, type SourceListing } from './copies-sets.ts';
import { compoundSet, COMPOUND_SEED } from './copies-tuning-compound.ts';
import { tuningSet, TUNING_SEED } from './copies-tuning.ts';
import { openBenchData, percentile, record, timed } from './support.ts';

export interface Plant { copy: number; source: number; kind: string; compared: boolean }
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
export async function plantsOf(database: Database, maxId = 2_147_483_647): Promise<Plant[]> {
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
function minhashOnSample(sample: readonly (ListingText & { id: number; institutionId: number })[]): Pair[] {
  return nearCopies(sample, sample.map((s) => s.institutionId)).map(({ i, j }) => [sample[i]!.id, sample[j]!.id] as const);
}

/** The lowest threshold the sweeps try. */
const SWEEP_FROM = 0.3;
const thresholds = Array.from({ length: Math.round((0.9 - SWEEP_FROM) / 0.01) + 1 }, (_, k) => Math.round((SWEEP_FROM + k * 0.01) * 100) / 100);
const quarters = [0, 0.25, 0.5, 0.75, 1];
const halves = [0, 0.5, 1];
/**
 * The weightings the tuning grid tries: body, content, sentence alignment and the content when the
 * instructor is the same 0–1 in halves, the others 0–1 in quarters; never without text.
 */
const grid: ScoreWeights[] = halves.flatMap((body) => halves.flatMap((content) => halves.flatMap((sentences) => halves.flatMap((sameInstructorContent) =>
  quarters.flatMap((title) => quarters.flatMap((sameInstructor) => quarters.flatMap((otherInstructor) => quarters.map((structure) => ({
    body, content, title, sameInstructor, otherInstructor, structure, sentences, sameInstructorContent,
  })))))))))
  .filter((w) => w.body + w.content + w.sentences > 0);

type Listing = SourceListing;

/** Every detectable listing up to `population`, by id, with its structure and the names its text may carry. */
export async function listingsOf(database: Database, population: number): Promise<Listing[]> {
  const found = await rows<Omit<Listing, 'structure' | 'ownNames'> & ListingStructure & { institutionName: string; dongName: string | null }>(database.db, sql`
    SELECT p.id, p.institution_id AS "institutionId", p.title, p.description, p.area, p.subcategory, p.target_groups AS "targetGroups",
      p.session_count AS "sessionCount", p.total_hours AS "totalHours", i.name AS "institutionName", coalesce(pd.name_ko, d.name_ko) AS "dongName"
    FROM programs p JOIN institutions i ON i.id = p.institution_id JOIN dongs d ON d.code = i.dong_code LEFT JOIN dongs pd ON pd.code = p.dong_code
    WHERE p.status IN ('published', 'closed') ORDER BY p.id LIMIT ${population}`);
  return found.map(({ area, subcategory, targetGroups, sessionCount, totalHours, institutionName, dongName, ...l }) => ({
    ...l, subcategory, structure: { area, subcategory, targetGroups, sessionCount, totalHours: Number(totalHours) },
    ownNames: [institutionName, ...(dongName ? [dongName] : [])],
  }));
}

/**
 * Candidates of a split's listings joined with the population, scored in parts once, so that any weighting
 * and threshold is a filter; each pair labelled once (joins a copy and its source, is right, involves the
 * split, is a pair of planted copies), so trying a weighting costs one pass; and whether each copy met its
 * source as a candidate at all.
 */
export function scoredSplit(population: readonly Listing[], split: readonly SetListing[], plants: readonly Plant[], sourceOf: ReadonlyMap<number, number>) {
  const everyone = [...population, ...split];
  const { pairs, stats } = scoredCandidates(everyone, everyone.map((l) => l.institutionId));
  const byId = new Map(split.map((l) => [l.id, l]));
  const root = (id: number): number => {
    const made = byId.get(id);
    if (made) return made.kind === 'copy' ? root(made.of) : id;
    return sourceOf.get(id) ?? id;
  };
  const key = (a: number, b: number) => `${Math.min(a, b)}:${Math.max(a, b)}`;
  const copyKeys = new Set(split.filter((l) => l.kind === 'copy').map((l) => key(l.id, l.of)));
  const plantKeys = new Set(plants.filter((p) => p.compared).map((p) => key(p.copy, p.source)));
  const scored = pairs.map(({ i, j, parts }) => {
    const a = everyone[i]!.id;
    const b = everyone[j]!.id;
    return { a, b, parts, inSplit: a < 0 || b < 0, right: root(a) === root(b), copyHit: copyKeys.has(key(a, b)), plantHit: plantKeys.has(key(a, b)) };
  });
  const candidates = new Set(scored.map((p) => key(p.a, p.b)));
  const copies = split.filter((l) => l.kind === 'copy');
  return {
    scored, stats, copies: copies.length, plants: plantKeys.size,
    candidateRecall: round4(copies.filter((c) => candidates.has(key(c.id, c.of))).length / copies.length),
  };
}
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** Precision and recall on a split and on the planted copies for every threshold at once, under `weights`. */
export function qualityByThreshold(split: ReturnType<typeof scoredSplit>, weights: ScoreWeights) {
  // Each pair counts at the highest threshold it reaches; sums from the top down give every threshold's counts.
  const tally = thresholds.map(() => ({ found: 0, right: 0, copies: 0, plantedFound: 0, plantedRight: 0, plants: 0 }));
  for (const p of split.scored) {
    const t = Math.min(thresholds.length - 1, Math.floor((combine(p.parts, weights) - SWEEP_FROM) * 100 + 1e-9));
    if (t < 0) continue;
    const c = tally[t]!;
    if (p.inSplit) { c.found++; c.right += +p.right; c.copies += +p.copyHit; } else { c.plantedFound++; c.plantedRight += +p.right; c.plants += +p.plantHit; }
  }
  for (let t = thresholds.length - 2; t >= 0; t--) {
    const c = tally[t]!;
    const above = tally[t + 1]!;
    for (const k of Object.keys(c) as (keyof typeof c)[]) c[k] += above[k];
  }
  return tally.map((c, t) => ({
    t: thresholds[t]!,
    plantedP: c.plantedFound === 0 ? null : round4(c.plantedRight / c.plantedFound), plantedR: round4(c.plants / split.plants),
    P: c.found === 0 ? null : round4(c.right / c.found), R: round4(c.copies / split.copies),
  }));
}
type Quality = ReturnType<typeof qualityByThreshold>[number];
const worst = (q: Quality) => Math.min(q.plantedP ?? 0, q.plantedR, q.P ?? 0, q.R);

/** The choice alone: the tuning splits joined with the listings, and the grid's best weighting and threshold on them. */
export async function tune(database: Database, copies: number, population: number) {
  const listings = await listingsOf(database, population);
  return tuneOn(listings, await plantsOf(database, listings[listings.length - 1]?.id ?? 0), copies);
}

/** The same on listings and planted copies already read (an exploration can keep them in a file). */
export function tuneOn(listings: readonly Listing[], plants: readonly Plant[], copies: number) {
  const sourceOf = new Map(plants.map((p) => [p.copy, p.source]));
  const third = { copies: Math.round(copies / 3), negatives: Math.round(copies / 3) };
  const tuning = [...tuningSet(listings, third), ...compoundSet(listings, third), ...secondSet(listings, third), ...thirdSet(listings, third)];
  const tuned = scoredSplit(listings, tuning, plants, sourceOf);
  let best = { weights: grid[0]!, ...qualityByThreshold(tuned, grid[0]!)[0]! };
  for (const weights of grid) {
    for (const q of qualityByThreshold(tuned, weights)) if (worst(q) > worst(best)) best = { weights, ...q };
  }
  return { listings, plants, sourceOf, tuning, tuned, best, qualityByThreshold: (w: ScoreWeights) => qualityByThreshold(tuned, w) };
}

/**
 * The choice and its check. The tuning splits (copies-tuning*.ts: the first split and held-out editions 1–3, together)
 * join the first `population` detectable listings; every weighting of the grid and every threshold is
 * tried, and the one whose worst figure (tuning precision and recall, planted precision and recall) is best
 * is what the tuning chooses: the rules (copies.rules.ts) must be that choice. Then the held-out set
 * (copies-heldout.ts, edition 4: its own seed and code) joins the same listings and the production pipeline
 * (`nearCopies`) runs over them at the rules; a sweep over thresholds shows what another choice would give.
 * Candidate recall (a copy met its source as a candidate at all) is measured apart from scoring.
 */
/** The held-out set's module (bench/copies-heldout.ts), written apart from the tuning and read only by its check. */
const HELD_OUT_MODULE: string = './copies-heldout.ts';
interface HeldOutModule {
  HELD_OUT_SEED: number;
  heldOutSet(listings: readonly Listing[], size: { copies: number; negatives: number }): SetListing[];
}

async function tuneAndCheck(database: Database, tuningCopies: number, copies: number, population: number) {
  const { listings, plants, sourceOf, tuning, tuned, best } = await tune(database, tuningCopies, population);
  const atRules = (split: ReturnType<typeof scoredSplit>) => qualityByThreshold(split, COPY_WEIGHTS).find((q) => q.t === COPY_THRESHOLD)!;
  const tuningReport = {
    seeds: [TUNING_SEED, COMPOUND_SEED, SECOND_SEED, THIRD_SEED],
    copies: tuned.copies,
    candidateRecall: tuned.candidateRecall,
    chooses: best,
    rulesAreTheChoice: JSON.stringify(best.weights) === JSON.stringify(COPY_WEIGHTS) && best.t === COPY_THRESHOLD,
    atRules: atRules(tuned),
    quality: setQuality(tuning, tuned.scored.filter((p) => combine(p.parts, COPY_WEIGHTS) >= COPY_THRESHOLD).map((p) => [p.a, p.b] as const), sourceOf),
  };
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
  // The held-out set is loaded only when asked for: whoever tunes runs with --heldout=0 and never reads it
  // (nor needs it to exist; its path is a value so that type-checking does not read it either).
  if (copies <= 0) return { population: listings.length, tuning: tuningReport, heldOut: null, composedAlikePairs: composedAlike };
  const { heldOutSet, HELD_OUT_SEED } = await import(HELD_OUT_MODULE) as HeldOutModule;
  const set = heldOutSet(listings, { copies, negatives: copies });
  const everyone = [...listings, ...set];
  const { result: found, seconds } = await timed(async () => minhashOnSample(everyone));
  const held = scoredSplit(listings, set, plants, sourceOf);
  const sweep = qualityByThreshold(held, COPY_WEIGHTS).filter((q) => Math.round(q.t * 100) % 4 === 0 || q.t === COPY_THRESHOLD);
  return {
    population: listings.length,
    tuning: tuningReport,
    heldOut: {
      seed: HELD_OUT_SEED,
      seconds: round(seconds),
      threshold: COPY_THRESHOLD,
      weights: COPY_WEIGHTS,
      planted: measure(found.filter(([a, b]) => a > 0 && b > 0), plants),
      ...setQuality(set, found, sourceOf),
      candidateRecall: held.candidateRecall,
      candidates: held.stats,
      sweep,
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
      tuning: { type: 'string', default: '1000' },
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

    const tuningCopies = Number(values.tuning);
    const heldOut = tuningCopies > 0 ? await tuneAndCheck(database, tuningCopies, Number(values.heldout), Number(values['heldout-population'])) : null;

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
