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
  const adminUrl = inject('adminUrl');
  if (!adminUrl) {
    return openPglite({ loadDataDir: new Blob([readFileSync(template)]) });
  }
  const name = `lc_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  const database = await openPostgres(withDatabase(adminUrl, name), 20);
  const close = database.close;
  return {
    ...database,
    async close() {
      await close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => dropper.end());
    },
  };
}
