/**
 * Migration 0018 (colleagues) on data from before it: institutions had staff only, so each one with staff gets its
 * longest-serving staff member as its manager (someone must be able to invite), logged as the system's change.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migrateWithPg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migrateWithPglite } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankDatabase, testEngine } from '../../../../tests/support/database.ts';
import { rows, type Database } from '../../platform/database/database.ts';
import { migrate, migrationsFolder } from '../../platform/database/migrate.ts';

const MIGRATION = '0018_colleagues';

/** The migrations before this one, as their own folder. */
function migrationsBefore(tag: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'lc-migrations-'));
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((e) => e.tag === tag);
  expect(cut).toBeGreaterThan(0);
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
  return folder;
}

describe(`migration ${MIGRATION} on ${testEngine()}`, () => {
  let database: Database;
  let before: string;
  beforeAll(async () => {
    database = await blankDatabase();
    before = migrationsBefore(MIGRATION);
    if (database.engine === 'pglite') await migrateWithPglite(database.db as unknown as PgliteDatabase, { migrationsFolder: before });
    else await migrateWithPg(database.db as unknown as NodePgDatabase, { migrationsFolder: before });
  });
  afterAll(async () => {
    rmSync(before, { recursive: true, force: true });
    await database?.close();
  });

  it("makes each institution's longest-serving staff member its manager, and logs it", async () => {
    const db = database.db;
    await db.execute(sql`INSERT INTO provinces VALUES ('99', 'x', 'x', 'x', 'x')`);
    await db.execute(sql`INSERT INTO municipalities (code, province_code, kind, name_ko, name_en, lat, lon) VALUES ('99010', '99', 'si', '시험시', 'Test', 0, 0)`);
    await db.execute(sql`INSERT INTO dongs (code, municipality_code, kind, name_ko, name_en, lat, lon, radius_m, population, population65_plus) VALUES ('9901011', '99010', 'dong', '시험동', 'Test', 0, 0, 500, 1000, 100)`);
    const [a, b] = await rows<{ id: number }>(db, sql`
      INSERT INTO institutions (city_code, dong_code, type, name, lat, lon)
      VALUES ('99010', '9901011', 'lifelong_learning_centre', '가 센터', 0, 0), ('99010', '9901011', 'library', '나 도서관', 0, 0),
             ('99010', '9901011', 'library', '다 도서관', 0, 0)
      RETURNING id`);
    const people = await rows<{ id: number }>(db, sql`
      INSERT INTO people (email, display_name) VALUES ('first@example.com', '먼저'), ('later@example.com', '나중'), ('only@example.com', '혼자')
      RETURNING id`);
    const [first, later, only] = people.map((p) => p.id);
    await db.execute(sql`
      INSERT INTO role_grants (person_id, role, institution_id, granted_at) VALUES
        (${later}, 'institution_staff', ${a!.id}, '2025-03-01'), (${first}, 'institution_staff', ${a!.id}, '2024-01-01'),
        (${only}, 'institution_staff', ${b!.id}, '2025-01-01')`);

    await migrate(database);

    const grants = await rows<{ person: string; institution: string; role: string }>(db, sql`
      SELECT p.display_name AS person, i.name AS institution, g.role FROM role_grants g
      JOIN people p ON p.id = g.person_id JOIN institutions i ON i.id = g.institution_id ORDER BY i.name, p.display_name`);
    expect(grants).toEqual([
      { person: '나중', institution: '가 센터', role: 'institution_staff' },
      { person: '먼저', institution: '가 센터', role: 'institution_manager' },
      { person: '혼자', institution: '나 도서관', role: 'institution_manager' },
    ]);
    const log = await rows<{ institutionId: number; personName: string; actorName: string; change: string; roleBefore: string; roleAfter: string }>(db, sql`
      SELECT institution_id AS "institutionId", person_name AS "personName", actor_name AS "actorName", change, role_before AS "roleBefore", role_after AS "roleAfter"
      FROM colleague_log ORDER BY institution_id`);
    expect(log).toEqual([a, b].map((institution, i) => ({
      institutionId: institution!.id, personName: ['먼저', '혼자'][i], actorName: '시스템 (System)', change: 'role_changed',
      roleBefore: 'institution_staff', roleAfter: 'institution_manager',
    })));
    // An institution without staff gets nobody.
    expect(grants.some((g) => g.institution === '다 도서관')).toBe(false);
  });
});
