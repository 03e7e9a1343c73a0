/**
 * The mail outbox: an email is queued in the same transaction as the change it tells of; the sender
 * (sender.ts) delivers it when SMTP_URL is configured, retrying with back-off, so a failed send never loses
 * the change and the change never goes untold.
 */
import { sql } from 'drizzle-orm';
import { rows, type Executor } from '../database/database.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export async function enqueueMail(tx: Executor, mails: readonly Mail[]): Promise<void> {
  if (mails.length === 0) return;
  await tx.execute(sql`
    INSERT INTO mail_outbox (to_address, subject, text_body)
    SELECT * FROM unnest(${sql.param(mails.map((m) => m.to))}::text[], ${sql.param(mails.map((m) => m.subject))}::text[], ${sql.param(mails.map((m) => m.text))}::text[])`);
}

export interface ClaimedMail extends Mail {
  id: number;
  /** This attempt's number, from 1. */
  attempt: number;
}

/**
 * Claims up to `limit` pending mails that are due at `now`, for one sender: each is leased until `leaseUntil`
 * (a sender that dies mid-send leaves it to be tried again then) and its attempt counted. Rows another sender
 * is claiming at the same moment are skipped, not waited for, so two senders never take the same mail.
 */
export async function claimDueMail(db: Executor, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedMail[]> {
  return rows<ClaimedMail>(db, sql`
    UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ${leaseUntil.toISOString()}::timestamptz
    WHERE id IN (SELECT id FROM mail_outbox WHERE status = 'pending' AND next_attempt_at <= ${now.toISOString()}::timestamptz
                 ORDER BY next_attempt_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id, to_address AS "to", subject, text_body AS "text", attempts AS "attempt"`);
}

/**
 * News that waited too long is not sent (mail queued while no SMTP_URL was set would otherwise all go out the
 * day it is set): pending mail older than `before` is given up. The inbox still has it.
 */
export async function expireStaleMail(db: Executor, before: Date): Promise<number> {
  return (await rows<{ id: number }>(db, sql`
    UPDATE mail_outbox SET status = 'failed', last_error = 'expired: not sent within its time'
    WHERE status = 'pending' AND created_at < ${before.toISOString()}::timestamptz RETURNING id`)).length;
}

export async function markMailSent(db: Executor, id: number, now: Date): Promise<void> {
  await db.execute(sql`UPDATE mail_outbox SET status = 'sent', sent_at = ${now.toISOString()}::timestamptz, last_error = NULL WHERE id = ${id}`);
}

/** A failed attempt: tried again at `retryAt`, or given up ('failed') when there is none. */
export async function markMailAttemptFailed(db: Executor, id: number, error: string, retryAt: Date | null): Promise<void> {
  await db.execute(sql`
    UPDATE mail_outbox SET last_error = ${error.slice(0, 1000)},
      status = ${retryAt ? 'pending' : 'failed'}, next_attempt_at = COALESCE(${retryAt?.toISOString() ?? null}::timestamptz, next_attempt_at)
    WHERE id = ${id}`);
}
