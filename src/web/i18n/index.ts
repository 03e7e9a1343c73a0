/** i18next with Korean as the default; the choice persists in localStorage and sets <html lang>. */
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { koreanDateTime } from '../../shared/lib/korea-time.ts';
import { fieldLabel, labelOf, type Locale } from '../../shared/vocabulary/index.ts';
import { en } from './en.ts';
import { ko } from './ko.ts';

const STORAGE_KEY = 'learning-city.locale';

function initialLocale(): Locale {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return stored === 'en' ? 'en' : 'ko';
}

/**
 * Each web module may keep its own words beside its pages, in `<name>.i18n.ts` exporting
 * `text = { ko, en }`; they are found here and served under the file's name (`t('copies.title')`).
 */
export interface ModuleText<T extends Record<string, unknown> = Record<string, unknown>> {
  ko: T;
  en: T;
}
const moduleTexts = Object.entries(import.meta.glob<{ text: ModuleText }>('../modules/*/*.i18n.ts', { eager: true }))
  .map(([path, module]) => [path.replace(/^.*\/([a-z-]+)\.i18n\.ts$/, '$1'), module.text] as const);
for (const [name] of moduleTexts) {
  if (name in ko) throw new Error(`The web module text "${name}" would hide the shared messages of the same name.`);
}
const fromModules = (locale: keyof ModuleText) => Object.fromEntries(moduleTexts.map(([name, text]) => [name, text[locale]]));

void i18next.use(initReactI18next).init({
  resources: { ko: { translation: { ...ko, ...fromModules('ko') } }, en: { translation: { ...en, ...fromModules('en') } } },
  lng: initialLocale(),
  fallbackLng: 'ko',
  interpolation: { escapeValue: false },
});
document.documentElement.lang = i18next.language;

export function setLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
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

/**
 * The labels of a form's fields, as the server's messages name them (src/shared/vocabulary/fields.ts), for the
 * forms of an area of the API (`programs` for /api/programs…). A field without one is a mistake in the form.
 */
export function useFieldLabels(area?: string) {
  const { locale } = useLocale();
  return (path: string) => {
    const label = fieldLabel(path, locale, area);
    if (!label) throw new Error(`The field ${path} has no label in src/shared/vocabulary/fields.ts`);
    return label;
  };
}
