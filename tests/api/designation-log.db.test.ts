/**
 * The designation log keeps every step for good, the ministry reads it filtered and a page at a time and exports
 * it whole (nobody else reads it), and the inbox tells each person only their own news.
 */
import ExcelJS from 'exceljs';
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
    await appendLog(t.database.db, { at: new Date(), actorId: null, actorName: '교육부', step: 'call_created', cityCode: null, after: { year: 2027 } });
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

  it('counts what is unread for the header, for the person asking only', async () => {
    const [officer] = await identity.holdersOf(t.database.db, 'city_officer', { cityCode: '31060' });
    await t.database.db.transaction((tx) => notifications.notify(tx, [officer!], { kind: 'designation.test', title: { ko: '둘째 알림', en: 'Second' } }));
    await t.database.db.transaction((tx) => notifications.notify(tx, [officer!], { kind: 'designation.test', title: { ko: '셋째 알림', en: 'Third' } }));
    const asOfficer = await t.as(officer!.email);
    expect((await asOfficer.get('/api/me/notifications/unread')).json()).toEqual({ unread: 2 });
    expect((await (await t.as('ministry@example.com')).get('/api/me/notifications/unread')).json()).toEqual({ unread: 0 });
    expect((await t.anonymous.get('/api/me/notifications/unread')).statusCode).toBe(401);
  });

  describe('read and exported by the ministry', () => {
    /** Steps at chosen moments (UTC): the log's own clock cannot be moved, so they are written as they would have been. */
    const steps = [
      { at: '2027-03-01T14:30:00Z', step: 'application_submitted', call: 11, city: '31060', reason: '' }, // 23:30 on 1 March in Korea
      { at: '2027-03-01T15:30:00Z', step: 'application_submitted', call: 11, city: '36030', reason: '' }, // 00:30 on 2 March in Korea
      { at: '2027-03-05T01:00:00Z', step: 'application_returned', call: 11, city: '36030', reason: '=HYPERLINK("http://evil.example","예산 계획 보완")' },
      { at: '2027-03-20T01:00:00Z', step: 'application_endorsed', call: 11, city: '31060', reason: '추천합니다, "우수"' },
      ...Array.from({ length: 21 }, (_, i) => ({ at: `2027-04-${String(i + 1).padStart(2, '0')}T01:00:00Z`, step: 'review_submitted', call: 11, city: '31060', reason: '' })),
      { at: '2026-12-18T01:00:00Z', step: 'application_decided', call: 10, city: '31060', reason: '지정' },
    ];
    let ministry: Awaited<ReturnType<TestApp['as']>>;

    beforeAll(async () => {
      for (const s of steps) {
        await t.database.db.execute(sql`
          INSERT INTO designation_log (occurred_at, actor_name, step, call_id, city_code, before, after, reason)
          VALUES (${s.at}::timestamptz, '교육부 담당자', ${s.step}, ${s.call}, ${s.city}, ${JSON.stringify({ status: 'before' })}::jsonb, ${JSON.stringify({ status: 'after' })}::jsonb, ${s.reason})`);
      }
      ministry = await t.as('ministry@example.com');
    });

    const ids = async (query: string) => {
      const response = await ministry.get(`/api/designation/log${query}`);
      expect(response.statusCode).toBe(200);
      return response.json() as { items: { step: string; cityCode: string; occurredAt: string; reason: string }[]; total: number; page: number; pageSize: number };
    };

    it('filters by call, city, steps and Korean days, newest first, a page at a time', async () => {
      expect((await ids('?call=10')).items.map((e) => e.step)).toEqual(['application_decided']);
      expect((await ids('?call=11&city=36030')).items.map((e) => e.step)).toEqual(['application_returned', 'application_submitted']);
      expect((await ids('?call=11&step=application_returned&step=application_endorsed')).items.map((e) => e.step)).toEqual(['application_endorsed', 'application_returned']);
      // 2 March in Korea begins at 15:00 UTC on 1 March.
      expect((await ids('?call=11&from=2027-03-02&to=2027-03-02')).items.map((e) => e.cityCode)).toEqual(['36030']);
      expect((await ids('?call=11&to=2027-03-01')).items.map((e) => e.cityCode)).toEqual(['31060']);

      const first = await ids('?call=11&step=review_submitted&pageSize=10');
      const third = await ids('?call=11&step=review_submitted&pageSize=10&page=3');
      expect([first.total, first.items.length, third.items.length]).toEqual([21, 10, 1]);
      expect(first.items[0]!.occurredAt).toBe('2027-04-21T01:00:00.000Z');
      expect(third.items[0]!.occurredAt).toBe('2027-04-01T01:00:00.000Z');
      expect((await ministry.get('/api/designation/log?step=no_such_step')).statusCode).toBe(400);
    });

    it('exports the filtered log whole, oldest first, as CSV and as an Excel workbook', async () => {
      const csv = await ministry.get('/api/designation/log.csv?call=11&city=36030&lang=ko');
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('평생학습도시 지정 기록')}`);
      const lines = csv.body.split('\r\n').filter(Boolean);
      expect(lines[0]).toBe('\ufeff일시 (한국 시간),단계,단계 코드,처리자,공모 번호,신청서 번호,도시 코드,도시,사유,이전,이후');
      expect(lines.slice(1).map((line) => line.split(',').slice(0, 3))).toEqual([
        ['2027-03-02 00:30:00', '신청서 제출', 'application_submitted'], ['2027-03-05 10:00:00', '시·도 보완 요청', 'application_returned'],
      ]);
      expect(lines[1]).toContain(',36030,전남 순천시,,"{""status"":""before""}","{""status"":""after""}"');
      // A reason that looks like a formula stays text in a spreadsheet.
      expect(lines[2]).toContain(',"\'=HYPERLINK(""http://evil.example"",""예산 계획 보완"")",');
      expect((await ministry.get('/api/designation/log.csv?call=11&step=review_submitted&lang=en')).body.split('\r\n').filter(Boolean)).toHaveLength(22);
      expect((await ministry.get('/api/designation/log.csv?call=10&lang=en')).body).toContain('Application decided');

      const xlsx = await ministry.get('/api/designation/log.xlsx?call=11&lang=en');
      expect(xlsx.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.name).toBe('Designation log');
      expect(sheet.rowCount).toBe(1 + 25);
      expect(sheet.getRow(1).values).toEqual([undefined, 'When (Korean time)', 'Step', 'Step code', 'By', 'Call', 'Application', 'City code', 'City', 'Reason', 'Before', 'After']);
      expect((sheet.getRow(2).values as unknown[]).slice(1, 9)).toEqual(['2027-03-01 23:30:00', 'Application submitted', 'application_submitted', '교육부 담당자', 11, undefined, '31060', 'Gwangmyeong-si, Gyeonggi']);
    });

    it('is read and exported by the ministry and administrators only', async () => {
      const admin = await t.as('admin@example.com');
      expect((await admin.get('/api/designation/log?call=11')).json().total).toBe(25);
      for (const email of ['officer@example.com', 'resident@example.com', 'staff@example.com']) {
        const refused = await t.as(email);
        for (const path of ['/api/designation/log', '/api/designation/log.csv', '/api/designation/log.xlsx']) expect((await refused.get(path)).statusCode).toBe(403);
      }
      for (const path of ['/api/designation/log', '/api/designation/log.csv', '/api/designation/log.xlsx']) expect((await t.anonymous.get(path)).statusCode).toBe(401);
    });
  });
});
