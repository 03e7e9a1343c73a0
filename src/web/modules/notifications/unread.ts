/**
 * How many notifications wait unread, for the header: asked again on every page change, every minute while the
 * page is visible (and at once when it becomes visible again), and whenever the inbox marks some read.
 */
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import type { UnreadCount } from '../../../shared/contracts/notifications.ts';
import { api } from '../../api/client.ts';

const CHANGED = 'learning-city:inbox-changed';
const POLL_MS = 60_000;

/** Tells the header that the unread count changed (the inbox marked something read). */
export function announceInboxChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

/** The unread count of the person logged in (`active`), or null while unknown or logged out. */
export function useUnreadCount(active: boolean): number | null {
  const { pathname } = useLocation();
  const [count, setCount] = useState<number | null>(null);
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    if (!active) return;
    const askAgain = () => setAsked((n) => n + 1);
    const whenVisible = () => {
      if (document.visibilityState === 'visible') askAgain();
    };
    const timer = setInterval(whenVisible, POLL_MS);
    document.addEventListener('visibilitychange', whenVisible);
    window.addEventListener(CHANGED, askAgain);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', whenVisible);
      window.removeEventListener(CHANGED, askAgain);
    };
  }, [active]);

  useEffect(() => {
    if (!active) {
      setCount(null);
      return;
    }
    const controller = new AbortController();
    api<UnreadCount>('/me/notifications/unread', { signal: controller.signal })
      .then((answer) => setCount(answer.unread))
      // The count is a courtesy: a failed poll leaves the last one shown.
      .catch(() => undefined);
    return () => controller.abort();
  }, [active, pathname, asked]);

  return count;
}
