/**
 * The catalogue's upkeep (run at start and hourly): programs whose last session has passed are closed and leave
 * the catalogue; those ending today stay; anything in the catalogue that is not published any more leaves it.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/server/platform/database/database.ts';
import { addDays } from '../../src/shared/lib/schedule.ts';
import { todayInKorea } from '../../src/server/platform/clock.ts';
import { programsModule } from '../../src/server/modules/programs/index.ts';
import { testEngine } from '../support/database.ts';
import { testApp, type TestApp } from '../support/app.ts';

describe(`the catalogue's upkeep on ${testEngine()}`, () => {
  let t: TestApp;
  beforeAll(async () => { t = await testApp(); });
  afterAll(async () => t.close());

  it('closes what ended yesterday, keeps what ends today, and takes out of the catalogue what is not published', async () => {
    const today = todayInKorea();
    const db = t.database.db;
    const [ended, endsToday, cancelled] = (await rows<{ id: number }>(db, sql`
      SELECT program_id AS id FROM program_search ORDER BY program_id LIMIT 3`)).map((r) => r.id) as [number, number, number];
    await db.execute(sql`UPDATE programs SET ends_on = ${addDays(today, -1)}::date, starts_on = LEAST(starts_on, ${addDays(today, -1)}::date) WHERE id = ${ended}`);
    await db.execute(sql`UPDATE programs SET ends_on = ${today}::date, starts_on = LEAST(starts_on, ${today}::date) WHERE id = ${endsToday}`);
    // Cancelled behind the catalogue's back (no refresh of its row): the upkeep is the net.
    await db.execute(sql`UPDATE programs SET status = 'cancelled' WHERE id = ${cancelled}`);

    expect(await programsModule.closeEndedPrograms(db, today)).toBe(1);
    const status = new Map((await rows<{ id: number; status: string }>(db, sql`
      SELECT id, status FROM programs WHERE id IN (${ended}, ${endsToday}, ${cancelled})`)).map((r) => [r.id, r.status]));
    expect(Object.fromEntries(status)).toEqual({ [ended]: 'closed', [endsToday]: 'published', [cancelled]: 'cancelled' });
    const listed = (await rows<{ id: number }>(db, sql`
      SELECT program_id AS id FROM program_search WHERE program_id IN (${ended}, ${endsToday}, ${cancelled})`)).map((r) => r.id);
    expect(listed).toEqual([endsToday]);
    expect(await programsModule.closeEndedPrograms(db, today)).toBe(0);
  });
});
