/**
 * The national 2SFCA: every dong (3,504) against every location with places in the year, as the access
 * module computes it. Medians over repeated runs of
 *  - the SQL read (dongs, and places per location aggregated from the year's programs),
 *  - the computation (2SFCA, nearest venue, residents beyond walking distance; 2SFCA alone too, and at
 *    wider catchments, where each venue reaches more dongs),
 *  - both end to end, and one city's report as the console asks for it (service, without HTTP).
 *
 *   npm run bench -- access --engine=postgresql [--database=postgres://…/lc_bench_seed_national] [--runs=7]
 *   npm run bench -- access --engine=pglite [--data-dir=bench/.data/pglite-demo]   (seeds `demo` if empty)
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { firstRow } from '../src/server/platform/database/database.ts';
import {
  cityAccess, computeAccess, nationalInputs, parametersOf, type AccessInputs, type AccessParameters,
} from '../src/server/modules/access/access.service.ts';
import { twoStepFca } from '../src/server/modules/access/two-step-fca.ts';
import { todayInKorea } from '../src/shared/lib/korea-time.ts';
import { NATIONAL_DATABASE_URL, openBenchData, percentile, record } from './support.ts';

/** Gwangmyeong (the demo's city officer), Suncheon (rural 면 around a town), Seoul Gangnam-gu (dense). */
const CITIES = ['31060', '36030', '11230'];

async function medianMs<T>(runs: number, work: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  let result = await work(); // warm-up: caches, JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = await work();
    times.push(performance.now() - started);
  }
  return { ms: Math.round(percentile(times, 50) * 10) / 10, result };
}

function twoStepOnly(inputs: AccessInputs, catchmentKm: number) {
  const demand = inputs.demand.map((d) => ({ id: d.code, lat: d.lat, lon: d.lon, population: d.population }));
  return twoStepFca(demand, inputs.supply, catchmentKm);
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      engine: { type: 'string', default: 'postgresql' },
      database: { type: 'string', default: NATIONAL_DATABASE_URL },
      'data-dir': { type: 'string', default: 'bench/.data/pglite-demo' },
      runs: { type: 'string', default: '7' },
      year: { type: 'string' },
    },
  });
  const runs = Number(values.runs);
  const engine = values.engine === 'pglite' ? 'pglite' : 'postgresql';
  const database = engine === 'pglite'
    ? await openBenchData({ dataDir: values['data-dir'] }, 'demo', todayInKorea())
    : await openBenchData({ postgres: values.database }, 'national');
  try {
    const { db } = database;
    const parameters: AccessParameters = parametersOf({ year: values.year ? Number(values.year) : undefined });
    const data = await firstRow<{ institutions: number; venues: number; programs: number; locations: number }>(db, sql`
      SELECT (SELECT count(*)::int FROM institutions) AS institutions, (SELECT count(*)::int FROM venues) AS venues,
        (SELECT count(*)::int FROM programs) AS programs, (SELECT count(DISTINCT (lat, lon))::int FROM venues) AS locations`);

    // Other work on the machine stretches every figure: the load average goes on record with them.
    const loadBefore = loadavg()[0]!;
    const read = await medianMs(runs, () => nationalInputs(db, parameters));
    const inputs = read.result;
    const compute = await medianMs(runs, () => computeAccess(inputs, parameters));
    const endToEnd = await medianMs(runs, async () => computeAccess(await nationalInputs(db, parameters), parameters));
    const twoStep: Record<string, number> = {};
    for (const km of [1.5, 5, 20]) twoStep[`${km}km`] = (await medianMs(runs, () => twoStepOnly(inputs, km))).ms;
    const cities: Record<string, number> = {};
    for (const code of CITIES) {
      cities[code] = (await medianMs(runs, () => cityAccess(db, code, parameters, { page: 1, pageSize: 100 }))).ms;
    }

    record('access', {
      engine, ...parameters, runs,
      machine: { cpus: cpus().length, loadAverage: [Math.round(loadBefore * 100) / 100, Math.round(loadavg()[0]! * 100) / 100] },
      data: {
        ...data,
        dongs: inputs.demand.length,
        supplyLocations: inputs.supply.length,
        venuesWithPlaces: inputs.supply.reduce((sum, s) => sum + s.venues, 0),
        places: inputs.supply.reduce((sum, s) => sum + s.seats, 0),
      },
      medianMs: { sqlRead: read.ms, compute: compute.ms, endToEnd: endToEnd.ms, twoStepOnly: twoStep, cityReport: cities },
    });
  } finally {
    await database.close();
  }
}
