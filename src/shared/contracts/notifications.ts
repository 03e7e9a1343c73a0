import Type, { type Static } from 'typebox';
import { Id, Nullable, Page, PageQuery } from './common.ts';

export const NotificationView = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  titleKo: Type.String(),
  titleEn: Type.String(),
  bodyKo: Type.String(),
  bodyEn: Type.String(),
  link: Nullable(Type.String()),
  createdAt: Type.String(),
  readAt: Nullable(Type.String()),
});
export type NotificationView = Static<typeof NotificationView>;

export const InboxQuery = Type.Object({ ...PageQuery, unread: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
export const Inbox = Type.Object({ ...Page(NotificationView).properties, unread: Type.Integer({ description: 'Unread notifications, over all pages' }) });
export type Inbox = Static<typeof Inbox>;

export const MarkReadBody = Type.Object(
  { ids: Type.Union([Type.Array(Id, { minItems: 1, maxItems: 100 }), Type.Literal('all')]) },
  { additionalProperties: false },
);
export type MarkReadBody = Static<typeof MarkReadBody>;

/** For the header: how many notifications wait unread (cheap enough to ask on every page change). */
export const UnreadCount = Type.Object({ unread: Type.Integer() });
export type UnreadCount = Static<typeof UnreadCount>;
