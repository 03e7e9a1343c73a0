/**
 * The page's language and contrast as the server rendered it (ssr.tsx provides them; in the browser there is no
 * provider and the browser's own choice, in localStorage, rules), and the cookies that tell the server that choice.
 */
import { createContext } from 'react';
import { PREFERENCE_COOKIE_SECONDS, type PagePreferences } from '../../shared/lib/page-preferences.ts';

export const RenderedPreferences = createContext<PagePreferences | null>(null);

/** Tells the server, with each later page, what the reader chose here. */
export function rememberForServer(cookie: string, value: string): void {
  document.cookie = `${cookie}=${value}; path=/; max-age=${PREFERENCE_COOKIE_SECONDS}; samesite=lax`;
}

export const CONTRAST_KEY = 'learning-city.contrast';

/** Whether the reader chose high contrast in this browser. */
export const storedHighContrast = () => localStorage.getItem(CONTRAST_KEY) === 'on';
