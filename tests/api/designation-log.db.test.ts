/** The designation log keeps every step for good, and the inbox tells each person only their own news. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstRow } from '../../src/server/platform/database/database.ts';
import { appendLog } from '../../src/server/modules/designation/log.queries.ts';
import { identity } from '../../src/server/modules/identity/index.ts';
import { notifications } from '../../src/server/modules/notifications/index.ts';
import { testEngine } from '../support/database.ts';
import { testApp, type TestApp } from '../support/app.ts';

describe(`the designation log and the inbox on ${testEngine()}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(async () => t?.close());

  it('refuses to change or remove a logged step, whoever asks', async () => {
    await appendLog(t.database.db, { actorId: null, actorName: '교육부', step: 'call_created', cityCode: null, after: { year: 2027 } });
    for (const statement of [
      sql`UPDATE designation_log SET reason = 'rewritten'`,
      sql`DELETE FROM designation_log`,
      sql`TRUNCATE designation_log`,
    ]) {
      await expect(t.database.db.execute(statement)).rejects.toThrow();
    }
    const kept = await firstRow<{ n: number; reason: string }>(t.database.db, sql`SELECT count(*)::int AS n, max(reason) AS reason FROM designation_log`);
    expect(kept).toEqual({ n: 1, reason: '' });
  });

  it('puts a notification in the inbox and its email in the outbox in one go, and shows each person only their own', async () => {
    const [officer] = await identity.holdersOf(t.database.db, 'city_officer', { cityCode: '31060' });
    const [ministry] = await identity.holdersOf(t.database.db, 'ministry_officer');
    await t.database.db.transaction((tx) => notifications.notify(tx, [officer!, officer!], {
      kind: 'designation.test', title: { ko: '신청서가 반려되었습니다', en: 'Your application was returned' }, link: '/cities/31060/console/designation', cityCode: '31060',
    }));
    const mail = await firstRow<{ n: number; subject: string }>(t.database.db, sql`
      SELECT count(*)::int AS n, max(subject) AS subject FROM mail_outbox WHERE to_address = ${officer!.email}`);
    expect(mail).toEqual({ n: 1, subject: '[평생학습도시] 신청서가 반려되었습니다' });

    const asOfficer = await t.as(officer!.email);
    const inbox = (await asOfficer.get('/api/me/notifications')).json();
    expect(inbox).toMatchObject({ total: 1, unread: 1, items: [{ titleKo: '신청서가 반려되었습니다', readAt: null }] });
    const asMinistry = await t.as(ministry!.email);
    expect((await asMinistry.get('/api/me/notifications')).json()).toMatchObject({ total: 0, unread: 0 });
    // Someone else's notification cannot be marked read by id.
    expect((await asMinistry.post('/api/me/notifications/read', { ids: [inbox.items[0].id] })).json()).toEqual({ changed: 0, unread: 0 });
    expect((await asOfficer.post('/api/me/notifications/read', { ids: 'all' })).json()).toEqual({ changed: 1, unread: 0 });
    expect((await t.anonymous.get('/api/me/notifications')).statusCode).toBe(401);
  });
});
