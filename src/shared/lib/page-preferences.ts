/**
 * The reader's two choices a page's look depends on, language and high contrast: kept in the browser
 * (localStorage, as before) and mirrored in cookies, so that the server renders the home page and the search
 * (decision 028) as the browser will show them. Neither says who the reader is.
 */
export const LOCALE_COOKIE = 'lc_locale';
export const CONTRAST_COOKIE = 'lc_contrast';
/** A year: a choice lasts until changed. */
export const PREFERENCE_COOKIE_SECONDS = 365 * 24 * 60 * 60;

export interface PagePreferences {
  locale: 'ko' | 'en';
  highContrast: boolean;
}

/** Korean unless English was chosen; the normal contrast unless high contrast was (the web app's own defaults). */
export function preferencesFrom(cookies: Record<string, string | undefined>): PagePreferences {
  return { locale: cookies[LOCALE_COOKIE] === 'en' ? 'en' : 'ko', highContrast: cookies[CONTRAST_COOKIE] === 'on' };
}
