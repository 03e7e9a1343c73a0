/** Notifications: each person's inbox of what waits for them, with email when mail is configured. */
import type { AppModule } from '../index.ts';
import { registerNotificationRoutes } from './notifications.routes.ts';
import { mailTo, notify } from './notifications.service.ts';

export const notifications = {
  name: 'notifications',
  register: registerNotificationRoutes,
  notify,
  mailTo,
} satisfies AppModule & Record<string, unknown>;

export type { Message } from './notifications.service.ts';
