/**
 * The mail outbox: an email is queued in the same transaction as the change it tells of; the sender
 * (sender.ts) delivers it when SMTP_URL is configured, retrying with back-off, so a failed send never loses
 * the change and the change never goes untold.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../database/database.ts';

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
