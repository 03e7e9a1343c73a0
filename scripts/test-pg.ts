/**
 * `npm run test:pg`: runs the database and API tests against a PostgreSQL server (default: the local one
 * at 127.0.0.1:5432, user postgres, database test). Skips, saying so, when no server answers; pass
 * --require to fail instead.
 */
import { spawnSync } from 'node:child_process';
import pg from 'pg';

const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const required = process.argv.includes('--require');

const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
try {
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
  console.log(`PostgreSQL ${rows[0]!.server_version} answers at ${url.replace(/:[^:@/]+@/, ':***@')}: running the database tests on it.`);
} catch (error) {
  console.log(`No PostgreSQL server answered at ${url} (${(error as Error).message}): database tests on PostgreSQL ${required ? 'FAILED' : 'SKIPPED'}.`);
  process.exit(required ? 1 : 0);
} finally {
  await client.end().catch(() => {});
}

const result = spawnSync('npx', ['vitest', 'run', '--project', 'db'], { stdio: 'inherit', env: { ...process.env, TEST_DATABASE_URL: url } });
process.exit(result.status ?? 1);
