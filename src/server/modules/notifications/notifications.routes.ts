import Type from 'typebox';
import { pageRequest } from '../../../shared/contracts/common.ts';
import { Inbox, InboxQuery, MarkReadBody, UnreadCount } from '../../../shared/contracts/notifications.ts';
import { requireActor } from '../../platform/auth/actor.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import type { ModuleContext } from '../index.ts';
import * as queries from './notifications.queries.ts';
import { setLinkBase } from './notifications.service.ts';

const tags = ['notifications'];

export function registerNotificationRoutes(api: Api, { database, config }: ModuleContext): void {
  const { db } = database;
  setLinkBase(config.publicUrl);

  api.get('/me/notifications', {
    schema: { tags, summary: 'My inbox: what waits for me, newest first, with the unread count', querystring: InboxQuery, response: { 200: Inbox, ...errorResponses } },
  }, async (request) => {
    const { personId } = requireActor(request);
    const page = await queries.inboxOf(db, personId, { unreadOnly: request.query.unread ?? false }, pageRequest(request.query));
    return { ...page, unread: await queries.unreadCount(db, personId) };
  });

  api.get('/me/notifications/unread', {
    schema: { tags, summary: 'How many of my notifications are unread (for the header)', response: { 200: UnreadCount, ...errorResponses } },
  }, async (request) => ({ unread: await queries.unreadCount(db, requireActor(request).personId) }));

  api.post('/me/notifications/read', {
    schema: {
      tags, summary: 'Mark some (or all) of my notifications read', body: MarkReadBody,
      response: { 200: Type.Object({ changed: Type.Integer(), unread: Type.Integer() }), ...errorResponses },
    },
  }, async (request) => {
    const { personId } = requireActor(request);
    const changed = await queries.markRead(db, personId, request.body.ids);
    return { changed, unread: await queries.unreadCount(db, personId) };
  });
}
