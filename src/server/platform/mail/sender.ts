/**
 * Delivers the mail outbox over SMTP (nodemailer): claims due mails in small batches, sends each, marks it
 * sent; a refused or failed send is tried again after a pause that doubles (1, 2, 4 … 60 minutes) and is given
 * up after MAX_MAIL_ATTEMPTS. Sending happens outside any transaction: the change that queued the mail is
 * already committed, and a slow mail server never holds a lock (nor, on PGlite, the whole database).
 */
import type { Executor } from '../database/database.ts';
import { claimDueMail, expireStaleMail, markMailAttemptFailed, markMailSent } from './mail.queries.ts';

export const MAX_MAIL_ATTEMPTS = 8;
/** Mail not sent within this long is given up (the inbox keeps the news). */
export const MAIL_EXPIRES_MS = 3 * 24 * 3600_000;
const BATCH_SIZE = 20;
/** How long a claimed mail is left to its sender before another may try it (a sender that died mid-send). */
const LEASE_MS = 10 * 60_000;
const MINUTE_MS = 60_000;

/** The pause after the `attempt`-th failure: 1 minute, doubling, at most an hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(60, 2 ** (attempt - 1)) * MINUTE_MS;
}

export interface MailSenderOptions {
  /** SMTP_URL: smtp:// or smtps://, with credentials if the server wants them. */
  url?: string;
  /**
   * Instead of an SMTP server, the console outbox (the demo, with no SMTP_URL): each mail is written whole to
   * this log, so a person trying the demo can open the links it carries (a password reset's).
   */
  console?: (text: string) => void;
  from: string;
  /** The clock (tests move it instead of waiting). */
  now?: () => Date;
}

export interface SendReport {
  sent: number;
  /** Failed this time, to be tried again. */
  retrying: number;
  /** Failed for the last time. */
  failed: number;
}

export interface MailSender {
  /** Sends every mail due now, batch after batch. */
  sendDue(): Promise<SendReport>;
  close(): void;
}

export async function createMailSender(db: Executor, options: MailSenderOptions): Promise<MailSender> {
  const transport = options.console ? consoleTransport(options.console, options.from) : await smtpTransport(options.url!, options.from);
  const now = options.now ?? (() => new Date());

  return {
    async sendDue() {
      const report: SendReport = { sent: 0, retrying: 0, failed: await expireStaleMail(db, new Date(now().getTime() - MAIL_EXPIRES_MS)) };
      for (;;) {
        const claimedAt = now();
        const batch = await claimDueMail(db, claimedAt, new Date(claimedAt.getTime() + LEASE_MS), BATCH_SIZE);
        for (const mail of batch) {
          try {
            await transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text });
            await markMailSent(db, mail.id, now());
            report.sent++;
          } catch (error) {
            const lastAttempt = mail.attempt >= MAX_MAIL_ATTEMPTS;
            await markMailAttemptFailed(db, mail.id, String(error instanceof Error ? error.message : error),
              lastAttempt ? null : new Date(now().getTime() + retryDelayMs(mail.attempt)));
            report[lastAttempt ? 'failed' : 'retrying']++;
          }
        }
        // A failed mail is put off into the future, so this ends even when every send fails.
        if (batch.length < BATCH_SIZE) return report;
      }
    },
    close: () => transport.close(),
  };
}

/** What the sender needs of a way to deliver: nodemailer's SMTP transport, or the console. */
interface Transport {
  sendMail(mail: { to: string; subject: string; text: string }): Promise<unknown>;
  close(): void;
}

async function smtpTransport(url: string, from: string): Promise<Transport> {
  // Loaded only when mail is configured.
  const { createTransport } = await import('nodemailer');
  return createTransport({ url, pool: true, maxConnections: 2, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 }, { from });
}

function consoleTransport(print: (text: string) => void, from: string): Transport {
  return {
    sendMail: async (mail: { to: string; subject: string; text: string }) => {
      print([`── Mail (console outbox; set SMTP_URL to send it) ──`, `From: ${from}`, `To: ${mail.to}`, `Subject: ${mail.subject}`, '', mail.text, '──'].join('\n'));
    },
    close: () => undefined,
  };
}

/**
 * Sends due mail every `intervalMs` in the background (one round at a time). Returns the stop: it waits for
 * the round in flight, then closes the connections.
 */
export function startMailSender(db: Executor, options: MailSenderOptions, intervalMs: number, onError: (error: unknown) => void): () => Promise<void> {
  const sender = createMailSender(db, options);
  sender.catch(onError);
  let round: Promise<unknown> = Promise.resolve();
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    round = sender.then((s) => s.sendDue()).catch(onError).finally(() => {
      running = false;
    });
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await round;
    (await sender.catch(() => null))?.close();
  };
}
