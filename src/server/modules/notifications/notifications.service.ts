/**
 * Telling people what waits for them: a notification in their inbox and, when mail is configured, an email
 * queued in the same transaction as the change (platform/mail), in the person's language.
 */
import type { Locale } from '../../../shared/vocabulary/index.ts';
import type { Executor } from '../../platform/database/database.ts';
import { enqueueMail } from '../../platform/mail/mail.queries.ts';
import type { Recipient } from '../identity/index.ts';
import * as queries from './notifications.queries.ts';

export interface Message {
  /** What it is about, e.g. 'designation.application_returned'. */
  kind: string;
  title: { ko: string; en: string };
  body?: { ko: string; en: string };
  /** Where in the app to act on it (a path). */
  link?: string;
  cityCode?: string;
}

let linkBase = 'http://localhost:3000';
/** The address links in emails start with (the app's PUBLIC_URL), set when the module is registered. */
export function setLinkBase(publicUrl: string): void {
  linkBase = publicUrl;
}

export async function notify(tx: Executor, recipients: readonly Recipient[], message: Message): Promise<void> {
  const unique = [...new Map(recipients.map((r) => [r.personId, r])).values()];
  await queries.insertNotifications(tx, unique.map((r) => ({
    personId: r.personId,
    kind: message.kind,
    titleKo: message.title.ko,
    titleEn: message.title.en,
    bodyKo: message.body?.ko ?? '',
    bodyEn: message.body?.en ?? '',
    link: message.link ?? null,
    cityCode: message.cityCode ?? null,
  })));
  await mailTo(tx, unique, message);
}

/**
 * Email only, in each addressee's language, queued in the same transaction: for news that must not wait in an
 * inbox, such as an invitation to an address that may have no account yet (its link is a secret no inbox keeps).
 */
export async function mailTo(tx: Executor, addressees: readonly { email: string; locale: Locale }[], message: Message): Promise<void> {
  await enqueueMail(tx, addressees.filter((r) => r.email.includes('@')).map((r) => {
    const locale = r.locale === 'en' ? 'en' : 'ko';
    const lines = [message.body?.[locale] ?? '', message.link ? `${linkBase}${message.link}` : ''].filter(Boolean);
    const footer = locale === 'ko' ? '평생학습도시 플랫폼에서 보낸 알림입니다.' : 'A notification from the Learning City platform.';
    return { to: r.email, subject: `[평생학습도시] ${message.title[locale]}`, text: [...lines, '', footer].join('\n') };
  }));
}
