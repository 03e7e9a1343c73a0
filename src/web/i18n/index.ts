/**
 * i18next with Korean as the default; the choice persists in localStorage (mirrored in a cookie for the server's
 * rendering, decision 028) and sets <html lang>. On the server (ssr.tsx) each page renders with a copy in its language.
 */
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { koreanDateTime } from '../../shared/lib/korea-time.ts';
import { labelOf, type Locale } from '../../shared/vocabulary/label.ts';
import { LOCALE_COOKIE } from '../../shared/lib/page-preferences.ts';
import { rememberForServer } from '../shells/preferences.ts';
import { en } from './en.ts';
import { ko } from './ko.ts';

const STORAGE_KEY = 'learning-city.locale';

function initialLocale(): Locale {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return stored === 'en' ? 'en' : 'ko';
}

export type { ModuleText } from './module-texts.ts';

void i18next.use(initReactI18next).init({
  resources: { ko: { translation: ko }, en: { translation: en } },
  lng: initialLocale(),
  fallbackLng: 'ko',
  interpolation: { escapeValue: false },
});
if (typeof document !== 'undefined') {
  document.documentElement.lang = i18next.language;
  // A choice made before the cookie existed reaches the server from the next page on.
  if (!document.cookie.split('; ').includes(`${LOCALE_COOKIE}=${i18next.language}`)) rememberForServer(LOCALE_COOKIE, i18next.language);
}

let moduleTexts: Promise<void> | undefined;

/**
 * The words of every module but the shared ones (module-texts.ts), fetched once, the first time a page needs them:
 * every page but the home page and the search waits for them beside its own chunk (lazyPage).
 */
export function loadModuleTexts(): Promise<void> {
  moduleTexts ??= import('./module-texts.ts').then(({ wordsOf }) => {
    for (const name of Object.keys(wordsOf('ko'))) {
      if (name in ko) throw new Error(`The web module text "${name}" would hide the shared messages of the same name.`);
    }
    for (const locale of ['ko', 'en'] as const) i18next.addResourceBundle(locale, 'translation', wordsOf(locale), true, false);
  }, (error: unknown) => {
    moduleTexts = undefined; // a failed fetch (a phone losing its signal) is tried again by the next page
    throw error;
  });
  return moduleTexts;
}

export function setLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
  rememberForServer(LOCALE_COOKIE, locale);
  void i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}

/** The translation function plus the current locale and a vocabulary-label helper. */
export function useLocale() {
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'ko';
  const label = (entry: { ko: string; en: string }) => labelOf(entry, locale);
  const number = (value: number) => value.toLocaleString(locale === 'en' ? 'en-GB' : 'ko-KR');
  /** A day as people write it ("2026년 11월 25일", "25 November 2026"), in Korea's time. */
  const date = (iso: string) => new Date(iso).toLocaleDateString(locale === 'en' ? 'en-GB' : 'ko-KR', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Asia/Seoul' });
  /** A moment, to the minute, in Korea's time. */
  const dateTime = (iso: string) => (locale === 'en' ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Seoul' }) : koreanDateTime(iso));
  return { t, locale, label, number, date, dateTime };
}
