/**
 * Reads from a streaming replica (DATABASE_READ_URL), against a real PostgreSQL 15 primary and hot standby: public
 * pages read from the standby, the writer reads their own write from the primary (read-your-writes), and a standby
 * that falls behind more than the staleness bound is left for the primary. Replay is paused on the standby to make
 * the two servers disagree, so which one answered shows in what the page says.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstRow, openPostgres } from '../../src/server/platform/database/database.ts';
import { replicaReads } from '../../src/server/platform/database/reads.ts';
import { WRITTEN_COOKIE } from '../../src/server/platform/http/read-routing.ts';
import { addDays } from '../../src/shared/lib/schedule.ts';
import { residents, testApp, type Client, type TestApp } from '../support/app.ts';
import { todayInKorea } from '../support/clock.ts';
import { testEngine } from '../support/database.ts';
import { startPrimaryAndStandby, standbyUnavailable, type PrimaryAndStandby } from '../support/standby.ts';
import { prepare } from '../support/templates.ts';

const unavailable = standbyUnavailable();
if (testEngine() === 'postgresql' && unavailable) {
  console.warn(`\n!!! SKIPPED the streaming-replica tests: ${unavailable}. Install postgresql-15 to run them.\n`);
}
/** The bound the test app runs with: long enough to look at a paused standby, short enough to wait out. */
const MAX_LAG_MS = 3000;

describe.skipIf(testEngine() !== 'postgresql' || unavailable !== null)('reads from a streaming replica (PostgreSQL 15 primary and hot standby)', () => {
  let pair: PrimaryAndStandby;
  let t: TestApp;
  let staff: Client;
  let programId: number;
  const capacity = 12;

  const health = async () => (await t.anonymous.get('/api/health')).json().replica as { fresh: boolean; lagMs: number | null };
  const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const seatsLeft = async (client: Client, cookie?: string) => {
    const response = await client.request({ method: 'GET', url: `/api/programs/${programId}`, ...(cookie ? { headers: { cookie } } : {}) });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().seatsLeft as number;
  };

  beforeAll(async () => {
    pair = await startPrimaryAndStandby();
    const admin = new pg.Client({ connectionString: pair.primaryUrl('postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE learning_city TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
    await admin.end();
    const database = await openPostgres(pair.primaryUrl('learning_city'));
    await prepare(database, 'seeded'); // migrations and the demo, on the primary only: the standby gets them by replay
    t = await testApp({
      database,
      env: {
        DATABASE_URL: pair.primaryUrl('learning_city'), DATABASE_READ_URL: pair.standbyUrl('learning_city'),
        DATABASE_READ_MAX_LAG_MS: String(MAX_LAG_MS),
      },
    });
    staff = await t.as('staff@example.com');
    const institutionId = (await staff.get('/api/auth/me')).json().grants[0].institutionId as number;
    const venue = (await t.anonymous.get(`/api/institutions/${institutionId}`)).json().venues
      .find((v: { seats: number }) => v.seats >= capacity) as { id: number };
    const created = await staff.post('/api/programs', {
      institutionId, venueId: venue.id, title: '복제 서버 확인 강좌', description: '읽기 전용 복제 서버를 확인하는 강좌입니다. 누구나 들을 수 있습니다.',
      area: 'liberal_arts', subcategory: 'humanities', targetGroups: ['all'], mode: 'in_person', startsOn: addDays(todayInKorea(), 14),
      weekdays: ['tue'], startTime: '10:00', endTime: '12:00', sessionCount: 5, capacity, feeKrw: 0,
    });
    expect(created.statusCode, created.body).toBe(201);
    programId = created.json().id;
  }, 300_000);

  afterAll(async () => {
    await pair?.onStandby('SELECT pg_wal_replay_resume()').catch(() => {});
    await t?.close();
    await pair?.stop();
  });

  it('the standby is a hot standby that has replayed the migrated, seeded primary', async () => {
    const state = await pair.onStandby('SELECT pg_is_in_recovery() AS recovering');
    expect(state.rows[0].recovering).toBe(true);
    await until('the replica is fresh', async () => (await health()).fresh);
    const standby = new pg.Client({ connectionString: pair.standbyUrl('learning_city') });
    await standby.connect();
    try {
      const { rows } = await standby.query('SELECT title FROM programs WHERE id = $1', [programId]);
      expect(rows[0]?.title).toBe('복제 서버 확인 강좌');
      // It refuses writes itself, whatever reaches it.
      await expect(standby.query(`UPDATE programs SET title = 'x' WHERE id = $1`, [programId])).rejects.toMatchObject({ code: '25006' });
    } finally {
      await standby.end();
    }
  });

  let learner: Client & { personId: number };
  let learnerAfterWrite: string;
  /** With replay paused on the standby, a learner takes a seat: who sees it taken, and when. */
  const takeASeatWhileTheStandbyIsPaused = async () => {
    [learner] = await residents(t, 1) as [Client & { personId: number }];
    const enrolled = await learner!.post(`/api/programs/${programId}/enrolment`);
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    const written = enrolled.cookies.find((c) => c.name === WRITTEN_COOKIE);
    expect(written?.value).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    learnerAfterWrite = `${learner!.cookie}; ${WRITTEN_COOKIE}=${written!.value}`;

    // Within the bound: anonymous visitors (the standby) still see the seat; the learner, carrying the position of
    // their write, sees it taken (the primary). The same session without that cookie is routed like anyone else.
    expect(await seatsLeft(t.anonymous)).toBe(capacity);
    expect(await seatsLeft(learner!, learnerAfterWrite)).toBe(capacity - 1);
    expect(await seatsLeft(learner!)).toBe(capacity);
    // Catalogue search is answered from the process's own copy of the catalogue, fed from the primary's changes
    // (decision 017), not from the standby: the seat is already shown taken there, whatever the replica's lag.
    const search = (await t.anonymous.get(`/api/programs?q=${encodeURIComponent('복제 서버 확인')}`)).json();
    expect(search.items.find((p: { id: number }) => p.id === programId)?.seatsLeft).toBe(capacity - 1);
    // Their own enrolments (not a public page) always come from the primary.
    const mine = await learner!.get(`/api/programs/${programId}/enrolment`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ status: 'enrolled' });

    // Past the bound, the paused standby is too stale for anyone: everyone reads the primary.
    await until('the replica counts as stale', async () => !(await health()).fresh, MAX_LAG_MS * 3);
    expect(await seatsLeft(t.anonymous)).toBe(capacity - 1);
  };

  it('public pages read from the standby; the person who wrote reads their write from the primary; past the bound everyone does', async () => {
    await until('the replica is fresh', async () => (await health()).fresh);
    await until('the standby shows the new program', async () => (await t.anonymous.get(`/api/programs/${programId}`)).statusCode === 200);
    expect(await seatsLeft(t.anonymous)).toBe(capacity);

    // The process reads its catalogue at its first search: search, and wait until it has.
    await until('the catalogue is read', async () => {
      await t.anonymous.get(`/api/programs?q=${encodeURIComponent('복제 서버 확인')}`);
      return (await t.anonymous.get('/api/health')).json().catalogue?.loaded === true;
    });
    await pair.onStandby('SELECT pg_wal_replay_pause()');
    try {
      await takeASeatWhileTheStandbyIsPaused();
    } finally {
      await pair.onStandby('SELECT pg_wal_replay_resume()');
    }
  });

  it('once replay resumes, the standby catches up and serves public pages again, agreeing with the primary', async () => {
    await until('the replica is fresh again', async () => (await health()).fresh);
    expect(await seatsLeft(t.anonymous)).toBe(capacity - 1);
    expect(await seatsLeft(learner!, learnerAfterWrite)).toBe(capacity - 1);
  });

  it('a reader on the replica refuses writes at run time too, and falls back to the primary when the replica is gone', async () => {
    const database = t.database;
    if (database.engine !== 'postgresql') throw new Error('expected PostgreSQL');
    const warnings: string[] = [];
    const reads = await replicaReads(database, pair.standbyUrl('learning_city'), { maxLagMs: MAX_LAG_MS, poolSize: 2, warn: (m) => warnings.push(m) });
    try {
      await until('this router finds the replica fresh', async () => reads.replica()!.fresh);
      const reader = reads.readerFor(undefined);
      // @ts-expect-error a reader has no insert (nor update, delete): writing through one does not compile
      expect(reader.insert).toBeUndefined();
      await expect(reader.execute(sql`UPDATE programs SET title = 'x' WHERE id = ${programId}`)).rejects.toMatchObject({ cause: { code: '25006' } });
      expect(await firstRow(reader, sql`SELECT pg_is_in_recovery() AS recovering`)).toEqual({ recovering: true });
    } finally {
      await reads.close();
    }
    const unreachable = await replicaReads(database, 'postgres://postgres@127.0.0.1:1/nowhere', { maxLagMs: MAX_LAG_MS, poolSize: 1, warn: (m) => warnings.push(m) });
    try {
      expect(unreachable.replica()!.fresh).toBe(false);
      expect(await firstRow(unreachable.readerFor(undefined), sql`SELECT pg_is_in_recovery() AS recovering`)).toEqual({ recovering: false });
      expect(warnings.join('\n')).toContain('Reading from the primary only');
    } finally {
      await unreachable.close();
    }
  });
});
