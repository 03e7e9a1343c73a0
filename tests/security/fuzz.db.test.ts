/**
 * Every operation of /api/openapi.json, fuzzed: a valid request with each hostile value in each place
 * (zero bytes, lone surrogates, 1e400, -0, 2**53+1, "NaN", deep JSON, wrong content types…), then random
 * requests from the schema's arbitraries as anonymous and as each role, about their own and others' ids.
 * No answer is ≥ 500; every 4xx has the error shape; a refused request writes nothing (a trigger on every
 * table logs each row written in the writer's own transaction: a rolled-back write leaves no trace).
 *
 * FUZZ_RUNS (random requests per operation, default 20) and FUZZ_SEED (default 2001) change the run;
 * `npm run bench -- fuzz --runs=N --seed=S` runs longer and prints every request.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { testEngine } from '../support/database.ts';
import { testApp } from '../support/app.ts';
import { describeFailures, fuzzOperation } from './fuzz-runner.ts';
import { openWorld } from './security-world.ts';
import { SESSION_HINT, type FuzzRequest } from './openapi-arbitraries.ts';

const runs = Number(process.env.FUZZ_RUNS ?? 20);
const seed = Number(process.env.FUZZ_SEED ?? 2001);

const t = await testApp();
const world = await openWorld(t.app, t.database);
afterAll(() => t.close());

// Deletions last: removing the records the other operations name would send them to 404 before their queries run.
const operations = [...world.operations].sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));

describe(`fuzz of every operation (${runs} random requests each, seed ${seed}) on ${testEngine()}`, () => {
  for (const operation of operations) {
    it(operation.key, async () => {
      const probes = await fuzzOperation(world, operation, { runs, seed });
      expect(describeFailures(probes), `${probes.length} requests to ${operation.key}; to replay as a demo account: ${SESSION_HINT}`).toEqual([]);
    }, 300_000);
  }
});

describe(`requests from another site on ${testEngine()}`, () => {
  const { gwangmyeong } = world;
  const changes: FuzzRequest[] = [
    { actor: 'officer', method: 'POST', url: `/api/cities/${gwangmyeong.city}/indicators/recompute`, headers: {}, body: { contentType: 'text/plain', payload: '', label: 'no body' }, summary: 'body-less POST' },
    { actor: 'officer', method: 'PATCH', url: `/api/cities/${gwangmyeong.city}/profile`, headers: {}, body: { contentType: 'application/json', payload: '{"vision":"다른 사이트가 바꾼 비전"}', label: 'JSON' }, summary: 'profile' },
    { actor: 'resident', method: 'POST', url: '/api/me/wishes', headers: {}, body: { contentType: 'application/json', payload: '{"area":"vocational","cityCode":"31060"}', label: 'JSON' }, summary: 'wish' },
    // The ministry's account: the fuzz above tries wrong passwords on the resident's, which may have locked it.
    { actor: 'anonymous', method: 'POST', url: '/api/auth/login', headers: {}, body: { contentType: 'application/json', payload: '{"email":"ministry@example.com","password":"learning-city-2001"}', label: 'JSON' }, summary: 'login' },
  ];

  for (const [name, headers] of [['Origin: https://evil.example', { origin: 'https://evil.example' }], ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }]] as const) {
    it(`refuses a state-changing request with ${name} (403) and writes nothing`, async () => {
      for (const change of changes) {
        const response = await world.send({ ...change, headers });
        await world.settle();
        expect({ request: `${change.method} ${change.url}`, status: response.statusCode, writes: await world.takeWrites() })
          .toEqual({ request: `${change.method} ${change.url}`, status: 403, writes: [] });
        expect(response.json()).toMatchObject({ error: expect.any(String), message: expect.any(String) });
      }
    });
  }

  it('accepts the same requests from clients that say no site (no Origin, no Sec-Fetch-Site) and from the site itself', async () => {
    for (const headers of [{}, { 'sec-fetch-site': 'same-origin' }] as Record<string, string>[]) {
      for (const change of changes) {
        const response = await world.send({ ...change, headers });
        await world.settle();
        await world.takeWrites();
        expect({ request: `${change.method} ${change.url}`, headers, status: response.statusCode < 300 }).toEqual({ request: `${change.method} ${change.url}`, headers, status: true });
      }
    }
  });
});
