/**
 * `npm run bench -- <name> [options]`: runs one benchmark and appends its result to bench/results/<name>.jsonl.
 * Benchmarks are never part of `npm test` or CI: they measure, they do not assert.
 */
export {};

const benches: Record<string, () => Promise<{ run(args: string[]): Promise<void> }>> = {
  seed: () => import('./seed.bench.ts'),
  search: () => import('./search.bench.ts'),
  access: () => import('./access.bench.ts'),
  copies: () => import('./copies.bench.ts'),
  indicators: () => import('./indicators.bench.ts'),
  'event-loop': () => import('./event-loop.ts'),
  designation: () => import('./designation.ts'),
  'designation-log': () => import('./designation-log.bench.ts'),
  fuzz: () => import('./fuzz.bench.ts'),
  import: () => import('./import.bench.ts'),
  instructors: () => import('./instructors.bench.ts'),
  start: () => import('./start.bench.ts'),
  web: () => import('./web.bench.ts'),
  'opening-day': () => import('./opening-day.bench.ts'),
  evaluation: () => import('./evaluation.bench.ts'),
  'annual-report': () => import('./annual-report.bench.ts'),
  surveys: () => import('./surveys.bench.ts'),
  survey: () => import('./survey.bench.ts'),
};

const [bench, ...args] = process.argv.slice(2);
if (!bench || !benches[bench]) {
  console.error(`Usage: npm run bench -- <${Object.keys(benches).join('|')}> [options]`);
  process.exit(2);
}
await (await benches[bench]()).run(args);
