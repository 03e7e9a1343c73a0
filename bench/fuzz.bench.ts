/**
 * The fuzz of tests/security/fuzz.db.test.ts, run longer: every operation of the OpenAPI document, its
 * systematic pass and `--runs` random requests, printing each request (status, method, path, who, what
 * was hostile) and then a summary: answers by status and each distinct failure with a curl line.
 *
 *   npm run bench -- fuzz [--runs=200] [--seed=S] [--only=/api/programs] [--quiet: only failures, and a line per operation]
 *   npm run bench -- fuzz --pg=postgres://postgres@127.0.0.1:5432/postgres     on PostgreSQL (a scratch copy of the seeded template)
 *
 * The database is a fresh copy of the tests' seeded template (built on first use). Without --seed a new seed
 * is drawn and printed: pass it back to repeat the run. Reports; asserts nothing.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { openPglite, openPostgres, type Database } from '../src/server/platform/database/database.ts';
import { pgliteTemplate, postgresTemplate, withDatabase } from '../tests/support/templates.ts';
import { describeFailures, fuzzOperation, type Probe } from '../tests/security/fuzz-runner.ts';
import { openWorld } from '../tests/security/security-world.ts';
import { SESSION_HINT } from '../tests/security/openapi-arbitraries.ts';
import { record, timed } from './support.ts';

async function scratchCopy(adminUrl: string): Promise<{ database: Database; drop(): Promise<void> }> {
  const template = await postgresTemplate(adminUrl, 'seeded');
  const name = `lc_bench_fuzz_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`).finally(() => admin.end());
  return {
    database: await openPostgres(withDatabase(adminUrl, name), 10),
    async drop() {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => dropper.end());
    },
  };
}

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { runs: { type: 'string', default: '200' }, seed: { type: 'string' }, only: { type: 'string' }, pg: { type: 'string' }, quiet: { type: 'boolean', default: false } },
  });
  const runs = Number(values.runs);
  const seed = values.seed === undefined ? randomBytes(4).readUInt32BE() : Number(values.seed);
  console.log(`Fuzzing with --runs=${runs} --seed=${seed} on ${values.pg ? 'PostgreSQL' : 'PGlite'}${values.only ? ` (operations containing ${values.only})` : ''}`);

  const scratch = values.pg ? await scratchCopy(values.pg) : null;
  const database = scratch?.database ?? await openPglite({ loadDataDir: new Blob([readFileSync(await pgliteTemplate('seeded'))]) });
  const app = await buildApp({ config: loadConfig({ API_RATE_LIMIT_PER_MINUTE: '1000000' }), database, logger: false });
  await app.ready();
  const probes: Probe[] = [];
  try {
    const world = await openWorld(app, database);
    const operations = world.operations.filter((o) => !values.only || o.key.includes(values.only))
      .sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    const print = (p: Probe) => {
      if (values.quiet && p.problems.length === 0) return;
      const url = p.request.url.length > 110 ? `${p.request.url.slice(0, 110)}…` : p.request.url;
      console.log(`${p.problems.length ? '✗' : ' '} ${p.status} ${p.request.method} ${url} as ${p.request.actor} | ${p.request.summary}${p.problems.length ? ` → ${p.problems.join('; ')}` : ''}`);
    };
    const { seconds } = await timed(async () => {
      for (const operation of operations) {
        const tried = await fuzzOperation(world, operation, { runs, seed, onProbe: print });
        if (values.quiet) console.log(`${operation.key}: ${tried.length} requests, ${tried.filter((p) => p.problems.length).length} failed`);
        probes.push(...tried);
      }
    });

    const byStatus = Object.fromEntries([...probes.reduce((m, p) => m.set(p.status, (m.get(p.status) ?? 0) + 1), new Map<number, number>())].sort(([a], [b]) => a - b));
    const failures = describeFailures(probes);
    console.log(`\n${probes.length} requests to ${operations.length} operations in ${seconds.toFixed(1)} s; by status: ${JSON.stringify(byStatus)}`);
    console.log(failures.length ? `${failures.length} distinct failures:\n${failures.map((f) => `  ${f}`).join('\n')}` : 'No failures.');
    if (failures.length) console.log(`To replay as a demo account, log in first: ${SESSION_HINT}`);
    console.log(`Repeat with: npm run bench -- fuzz --runs=${runs} --seed=${seed}${values.only ? ` --only=${values.only}` : ''}${values.pg ? ` --pg=${values.pg}` : ''}`);
    record('fuzz', {
      engine: database.engine, runs, seed, only: values.only ?? null, operations: operations.length, requests: probes.length,
      seconds: Math.round(seconds * 10) / 10, byStatus, failures: failures.length, failureLines: failures.slice(0, 50),
    });
  } finally {
    await app.close();
    await database.close();
    await scratch?.drop();
  }
}
