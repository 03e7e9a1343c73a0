/** A job lives while its process says so: one whose process died is failed, one still running is left alone. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../tests/support/database.ts';
import { firstRow, type Database } from '../database/database.ts';
import { failInterruptedJobs, HEARTBEAT_MS, startJob } from './jobs.ts';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase('empty');
});
afterAll(() => database?.close());

const statusOf = async (id: string) =>
  (await firstRow<{ status: string; error: string | null }>(database.db, sql`SELECT status, error FROM jobs WHERE id = ${id}`))!;

describe('jobs across server processes', () => {
  it('fails a running job whose process stopped renewing its heartbeat, and keeps one whose process is alive', async () => {
    // A job whose process died a minute ago (its last heartbeat then).
    await database.db.execute(sql`INSERT INTO jobs (id, kind, owner_id, heartbeat_at) VALUES ('orphan', 'report', 1, now() - interval '1 minute')`);
    // A job running here, kept alive by this process's heartbeat for longer than the sweep's patience.
    let finish!: () => void;
    const running = await startJob(database.db, { kind: 'report', ownerId: 1 }, () => new Promise<void>((resolve) => (finish = resolve)));
    await database.db.execute(sql`UPDATE jobs SET heartbeat_at = now() - interval '1 minute' WHERE id = ${running}`);
    await new Promise((resolve) => setTimeout(resolve, HEARTBEAT_MS + 1000));

    await failInterruptedJobs(database.db);
    expect(await statusOf('orphan')).toEqual({ status: 'failed', error: 'The server restarted before this finished. Please start it again.' });
    expect((await statusOf(running)).status).toBe('running');

    finish();
    await expect.poll(async () => (await statusOf(running)).status).toBe('done');
  });
});
