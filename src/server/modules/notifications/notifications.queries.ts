/** Every SQL statement of the inbox. */
import { sql } from 'drizzle-orm';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { NotificationView } from '../../../shared/contracts/notifications.ts';
import { firstRow, offsetOf, pageOf, rows, type Executor } from '../../platform/database/database.ts';

export interface NewNotification {
  personId: number;
  kind: string;
  titleKo: string;
  titleEn: string;
  bodyKo: string;
  bodyEn: string;
  link: string | null;
  cityCode: string | null;
}

export async function insertNotifications(tx: Executor, items: readonly NewNotification[]): Promise<void> {
  if (items.length === 0) return;
  const column = <K extends keyof NewNotification>(key: K) => sql.param(items.map((item) => item[key]));
  await tx.execute(sql`
    INSERT INTO notifications (person_id, kind, title_ko, title_en, body_ko, body_en, link, city_code)
    SELECT * FROM unnest(${column('personId')}::int[], ${column('kind')}::text[], ${column('titleKo')}::text[], ${column('titleEn')}::text[],
                         ${column('bodyKo')}::text[], ${column('bodyEn')}::text[], ${column('link')}::text[], ${column('cityCode')}::text[])`);
}

export async function inboxOf(db: Executor, personId: number, filter: { unreadOnly: boolean }, page: PageRequest) {
  const where = sql`person_id = ${personId} ${filter.unreadOnly ? sql`AND read_at IS NULL` : sql``}`;
  return pageOf(
    page,
    rows<NotificationView>(db, sql`
      SELECT id, kind, title_ko AS "titleKo", title_en AS "titleEn", body_ko AS "bodyKo", body_en AS "bodyEn", link,
             to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt",
             to_char(read_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "readAt"
      FROM notifications WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM notifications WHERE ${where}`),
  );
}

export async function unreadCount(db: Executor, personId: number): Promise<number> {
  return (await firstRow<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM notifications WHERE person_id = ${personId} AND read_at IS NULL`))!.n;
}

/** Marks the person's own notifications read (others' ids are ignored); returns how many changed. */
export async function markRead(db: Executor, personId: number, ids: readonly number[] | 'all'): Promise<number> {
  const which = ids === 'all' ? sql`TRUE` : sql`id = ANY(${sql.param([...ids])}::int[])`;
  const changed = await rows<{ id: number }>(db, sql`
    UPDATE notifications SET read_at = now() WHERE person_id = ${personId} AND read_at IS NULL AND ${which} RETURNING id`);
  return changed.length;
}
