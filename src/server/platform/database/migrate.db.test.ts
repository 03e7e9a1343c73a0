import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { municipalityKinds } from '../../../shared/vocabulary/index.ts';
import { blankDatabase, freshDatabase, testEngine } from '../../../../tests/support/database.ts';
import { firstRow, openPostgres, rows, type Database } from './database.ts';
import { migrate, migrationStatus, migrationsFolder } from './migrate.ts';
import { readMigrationFiles } from 'drizzle-orm/migrator';

describe(`migrations on ${testEngine()}`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase('empty');
  });
  afterAll(() => database.close());

  it('are all applied, and applying them again changes nothing', async () => {
    const before = await migrationStatus(database);
    expect(before.pending).toBe(0);
    expect(before.applied).toBeGreaterThanOrEqual(2);
    await migrate(database);
    expect(await migrationStatus(database)).toEqual(before);
  });

  it('create the domain tables, each city-owned one carrying the city code', async () => {
    const tables = await rows<{ table_name: string }>(database.db, sql`
      SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'city_code'`);
    expect(tables.map((t) => t.table_name).sort()).toEqual(expect.arrayContaining([
      'designation_transitions', 'enrolments', 'institutions', 'learning_events', 'program_sessions', 'programs',
      'study_group_members', 'study_groups', 'venues', 'volunteers',
    ]));
  });

  it('keep Korean trigrams (a UTF-8 character type)', async () => {
    const row = await firstRow<{ similarity: number; matches: boolean }>(database.db, sql`
      SELECT similarity('스마트폰 활용 교실', '스마트폰')::float8 AS similarity, '스마트폰 활용 교실' % '스마트폰 교실' AS matches`);
    expect(row!.similarity).toBeGreaterThan(0.4);
    expect(row!.matches).toBe(true);
  });

  it('enforce the vocabularies in the database itself: every code of one is accepted, anything else refused by its check', async () => {
    const municipality = (code: string, kind: string) => database.db.execute(sql`
      INSERT INTO municipalities (code, province_code, kind, name_ko, name_en, lat, lon) VALUES (${code}, '99', ${kind}, 'x', 'x', 0, 0)`);
    await database.db.execute(sql`INSERT INTO provinces VALUES ('99', 'x', 'x', 'x', 'x')`);
    try {
      for (const [i, kind] of municipalityKinds.codes.entries()) await municipality(`9901${i}`, kind);
      const refused = await municipality('99090', 'village').then(() => null, (error: { cause?: unknown }) => error.cause ?? error);
      // The refusal must be the vocabulary's own check, not some other error (a missing column, a foreign key…).
      expect(refused).toMatchObject({ code: '23514', constraint: 'municipalities_kind_check' });
    } finally {
      await database.db.execute(sql`DELETE FROM municipalities WHERE province_code = '99'`);
      await database.db.execute(sql`DELETE FROM provinces WHERE code = '99'`);
    }
  });
});

describe.skipIf(testEngine() !== 'postgresql')('migrations started by several processes at once, on PostgreSQL', () => {
  it('are applied exactly once: the others wait on the lock, then find nothing pending', async () => {
    const blank = await blankDatabase();
    if (blank.engine !== 'postgresql') throw new Error('expected PostgreSQL');
    // Five app instances: each its own pool (its own connections), as separate processes would have.
    const instances = await Promise.all(Array.from({ length: 5 }, () => openPostgres(blank.pool.options.connectionString!, 2)));
    try {
      await Promise.all(instances.map((instance) => migrate(instance)));
      const applied = await rows<{ hash: string }>(blank.db, sql`SELECT hash FROM drizzle.__drizzle_migrations`);
      const expected = readMigrationFiles({ migrationsFolder }).map((m) => m.hash);
      expect(applied.map((m) => m.hash)).toEqual(expected);
      expect((await migrationStatus(blank)).pending).toBe(0);
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
      await blank.close();
    }
  });
});
