/** A fresh database for one test file, on the engine this run uses, copied from a template. */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite, openPostgres, type Database } from '../../src/server/platform/database/database.ts';
import { withDatabase, type TemplateKind } from './templates.ts';

export const testEngine = () => inject('testEngine');

export async function freshDatabase(kind: TemplateKind = 'seeded'): Promise<Database> {
  const template = inject('templates')[kind];
  if (!inject('adminUrl')) return openPglite({ loadDataDir: new Blob([readFileSync(template)]) });
  return ownServerDatabase(`TEMPLATE "${template}"`);
}

/** A database with nothing in it, not even migrations (to test a migration against the data before it). */
export async function blankDatabase(): Promise<Database> {
  if (!inject('adminUrl')) return openPglite();
  return ownServerDatabase(`TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
}

/** A database of its own on the PostgreSQL server, created `how`, dropped when closed. */
async function ownServerDatabase(how: string): Promise<Database> {
  const { url, drop } = await createServerDatabase(how);
  const database = await openPostgres(url, 20);
  const close = database.close;
  return {
    ...database,
    async close() {
      await close();
      await drop();
    },
  };
}

/**
 * A copy of the `kind` template on the PostgreSQL server, for a server process of its own (started with
 * DATABASE_URL=url); PostgreSQL runs only.
 */
export function serverDatabaseCopy(kind: TemplateKind = 'seeded'): Promise<{ url: string; drop: () => Promise<void> }> {
  return createServerDatabase(`TEMPLATE "${inject('templates')[kind]}"`);
}

async function createServerDatabase(how: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = inject('adminUrl')!;
  const name = `lc_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" ${how}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(adminUrl, name),
    async drop() {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => dropper.end());
    },
  };
}
