/**
 * Email goes out through the outbox to a real SMTP server the test starts: a notification's email arrives as
 * written; a refusal is tried again later and never loses the mail nor the change that queued it; after eight
 * failures it is given up; two senders at once never send one mail twice.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rows, firstRow } from '../../src/server/platform/database/database.ts';
import { claimDueMail, enqueueMail } from '../../src/server/platform/mail/mail.queries.ts';
import { createMailSender, MAX_MAIL_ATTEMPTS, startMailSender, type MailSender } from '../../src/server/platform/mail/sender.ts';
import { appendLog } from '../../src/server/modules/designation/log.queries.ts';
import { identity } from '../../src/server/modules/identity/index.ts';
import { notifications } from '../../src/server/modules/notifications/index.ts';
import { testEngine } from '../support/database.ts';
import { testApp, type TestApp } from '../support/app.ts';
import { startSmtpServer, type Received, type TestSmtpServer } from '../support/smtp.ts';

describe(`email through the outbox on ${testEngine()}`, () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let url: string;
  let inbox: Received[] = [];
  /** Whether the server refuses every recipient now. */
  let refusing = false;
  // The sender's clock starts an hour after the real time (mail is queued with the database's now(), so it is
  // due), to the second.
  let clock = new Date(Math.floor(Date.now() / 1000) * 1000 + 3600_000);
  let sender: MailSender;

  beforeAll(async () => {
    t = await testApp();
    smtp = await startSmtpServer(() => refusing);
    ({ url, inbox } = smtp);
    sender = await createMailSender(t.database.db, { url, from: '평생학습도시 <no-reply@learning.example.kr>', now: () => clock });
  });
  afterAll(async () => {
    sender?.close();
    await smtp?.close();
    await t?.close();
  });
  beforeEach(async () => {
    inbox.length = 0;
    refusing = false;
    // Mail queued by an earlier test is not this test's business.
    await t.database.db.execute(sql`UPDATE mail_outbox SET status = 'sent' WHERE status = 'pending'`);
  });

  const outboxRow = (to: string) => firstRow<{ status: string; attempts: number; lastError: string | null; nextAttemptAt: string }>(t.database.db, sql`
    SELECT status, attempts, last_error AS "lastError", to_char(next_attempt_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "nextAttemptAt"
    FROM mail_outbox WHERE to_address = ${to} ORDER BY id DESC LIMIT 1`);

  it("delivers a notification's email to its recipient, in their language, with the link to act on", async () => {
    const [officer] = await identity.holdersOf(t.database.db, 'city_officer', { cityCode: '31060' });
    await t.database.db.execute(sql`UPDATE people SET locale = 'en' WHERE email = 'officer.suncheon@example.com'`);
    const [suncheon] = await identity.holdersOf(t.database.db, 'city_officer', { cityCode: '36030' });
    await t.database.db.transaction((tx) => notifications.notify(tx, [officer!, suncheon!], {
      kind: 'designation.milestone_reviewed',
      title: { ko: '학습요구조사에 의견이 도착했습니다', en: 'Feedback on your learning needs survey' },
      body: { ko: '컨설턴트가 보완을 요청했습니다.', en: 'The consultant asks for changes.' },
      link: '/designation/consulting/7',
    }));

    expect(await sender.sendDue()).toEqual({ sent: 2, retrying: 0, failed: 0 });
    const korean = inbox.find((m) => m.to.includes(officer!.email))!;
    expect(korean.to).toEqual([officer!.email]);
    expect(korean.subject).toBe('[평생학습도시] 학습요구조사에 의견이 도착했습니다');
    expect(korean.text).toContain('컨설턴트가 보완을 요청했습니다.');
    expect(korean.text).toContain(`${t.config.publicUrl}/designation/consulting/7`);
    expect(korean.headers.get('from')).toContain('no-reply@learning.example.kr');
    const english = inbox.find((m) => m.to.includes(suncheon!.email))!;
    expect(english.subject).toBe('[평생학습도시] Feedback on your learning needs survey');
    expect(english.text).toContain('The consultant asks for changes.');
    expect(await outboxRow(officer!.email)).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    // Nothing is sent twice.
    expect(await sender.sendDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it('keeps a refused email and tries it again later, and the change that queued it stays made', async () => {
    const [ministry] = await identity.holdersOf(t.database.db, 'ministry_officer');
    refusing = true;
    await t.database.db.transaction(async (tx) => {
      await appendLog(tx, { at: new Date(), actorId: null, actorName: '컨설턴트', step: 'consulting_recommended', cityCode: '31060', after: { recommendation: 'designate' }, reason: 'mail test' });
      await notifications.notify(tx, [ministry!], { kind: 'designation.consulting_recommended', title: { ko: '권고가 도착했습니다', en: 'A recommendation arrived' } });
    });

    expect(await sender.sendDue()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(inbox).toEqual([]);
    const afterRefusal = await outboxRow(ministry!.email);
    expect(afterRefusal).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: new Date(clock.getTime() + 60_000).toISOString().replace('.000', '') });
    expect(afterRefusal!.lastError).toMatch(/550|Mailbox unavailable/);
    // The step and the inbox entry were committed whatever the mail server said.
    expect(await firstRow(t.database.db, sql`SELECT step FROM designation_log WHERE reason = 'mail test'`)).toEqual({ step: 'consulting_recommended' });
    expect(await firstRow(t.database.db, sql`SELECT count(*)::int AS n FROM notifications WHERE person_id = ${ministry!.personId} AND kind = 'designation.consulting_recommended'`)).toEqual({ n: 1 });

    // Not before its time, even when the server would accept it now.
    refusing = false;
    expect(await sender.sendDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    clock = new Date(clock.getTime() + 61_000);
    expect(await sender.sendDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(inbox.map((m) => [m.to, m.subject])).toEqual([[[ministry!.email], '[평생학습도시] 권고가 도착했습니다']]);
    expect(await outboxRow(ministry!.email)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it(`gives up after ${MAX_MAIL_ATTEMPTS} refusals, waiting longer each time`, async () => {
    refusing = true;
    await enqueueMail(t.database.db, [{ to: 'nobody@unreachable.example', subject: '도달하지 않는 메일', text: '본문' }]);
    const pauses: number[] = [];
    for (let attempt = 1; attempt <= MAX_MAIL_ATTEMPTS; attempt++) {
      const report = await sender.sendDue();
      expect(report).toEqual(attempt < MAX_MAIL_ATTEMPTS ? { sent: 0, retrying: 1, failed: 0 } : { sent: 0, retrying: 0, failed: 1 });
      const row = (await outboxRow('nobody@unreachable.example'))!;
      if (attempt < MAX_MAIL_ATTEMPTS) pauses.push((Date.parse(row.nextAttemptAt) - clock.getTime()) / 60_000);
      clock = new Date(Date.parse(row.nextAttemptAt) + 1000);
    }
    expect(pauses).toEqual([1, 2, 4, 8, 16, 32, 60]);
    expect(await outboxRow('nobody@unreachable.example')).toMatchObject({ status: 'failed', attempts: MAX_MAIL_ATTEMPTS });
    refusing = false;
    clock = new Date(clock.getTime() + 24 * 3600_000);
    expect(await sender.sendDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it('gives up mail that waited more than three days instead of sending old news', async () => {
    await enqueueMail(t.database.db, [{ to: 'late.reader@example.com', subject: '지난 알림', text: '오래된 소식' }]);
    const [before, then] = [inbox.length, clock];
    clock = new Date(clock.getTime() + 4 * 24 * 3600_000);
    try {
      expect(await sender.sendDue()).toMatchObject({ sent: 0, failed: 1 });
      expect(await outboxRow('late.reader@example.com')).toMatchObject({ status: 'failed' });
      expect(inbox.length).toBe(before);
    } finally {
      clock = then;
    }
  });

  it('never sends one mail twice when two senders run at once', async () => {
    const mails = Array.from({ length: 45 }, (_, i) => ({ to: `reader.${i}@example.com`, subject: `알림 ${i}`, text: `본문 ${i}` }));
    await enqueueMail(t.database.db, mails);
    const second = await createMailSender(t.database.db, { url, from: 'no-reply@learning.example.kr', now: () => clock });
    try {
      const [a, b] = await Promise.all([sender.sendDue(), second.sendDue()]);
      expect(a.sent + b.sent).toBe(45);
    } finally {
      second.close();
    }
    expect(inbox.map((m) => m.to[0]).sort()).toEqual(mails.map((m) => m.to).sort());
    expect(await rows(t.database.db, sql`SELECT status, count(*)::int AS n FROM mail_outbox WHERE to_address LIKE 'reader.%' GROUP BY status`)).toEqual([{ status: 'sent', n: 45 }]);
  });

  it('sends in the background once started, as the server does, and stops when told', async () => {
    const errors: unknown[] = [];
    const stop = startMailSender(t.database.db, { url, from: 'no-reply@learning.example.kr', now: () => clock }, 50, (error) => errors.push(error));
    try {
      await enqueueMail(t.database.db, [{ to: 'background@example.com', subject: '백그라운드 발송', text: '본문' }]);
      await expect.poll(() => inbox.map((m) => m.to[0]), { timeout: 20_000 }).toEqual(['background@example.com']);
    } finally {
      await stop();
    }
    expect(errors).toEqual([]);
    expect(await outboxRow('background@example.com')).toMatchObject({ status: 'sent' });
  });

  // PGlite has one connection: a claim held open there stops every other query, so only PostgreSQL can show this.
  it.skipIf(testEngine() === 'pglite')('skips mail another sender is claiming instead of waiting for it, and takes it up if that sender dies', async () => {
    await enqueueMail(t.database.db, Array.from({ length: 30 }, (_, i) => ({ to: `claimed.${i}@example.com`, subject: `알림 ${i}`, text: '본문' })));
    const died = new Error('the other sender died before committing its claim');
    await expect(t.database.db.transaction(async (other) => {
      expect(await claimDueMail(other, clock, new Date(clock.getTime() + 600_000), 20)).toHaveLength(20);
      expect(await sender.sendDue()).toEqual({ sent: 10, retrying: 0, failed: 0 });
      throw died;
    })).rejects.toBe(died);
    expect(await sender.sendDue()).toEqual({ sent: 20, retrying: 0, failed: 0 });
    expect(new Set(inbox.map((m) => m.to[0])).size).toBe(30);
    expect(inbox).toHaveLength(30);
  });
});
