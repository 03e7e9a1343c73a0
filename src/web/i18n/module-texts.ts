/**
 * Every web module's own words (`<name>.i18n.ts` beside its pages, exporting `text = { ko, en }`), served under
 * the file's name (`t('copies.title')`). A chunk of its own, fetched with the first page that is not the home page
 * or the search (`loadModuleTexts`): those two use only the shared words, and a phone's first visit to them does
 * not download the words of every other page (issue 11, finding 12).
 */
import type { Locale } from '../../shared/vocabulary/label.ts';

export interface ModuleText<T extends Record<string, unknown> = Record<string, unknown>> {
  ko: T;
  en: T;
}

const moduleTexts = Object.entries(import.meta.glob<{ text: ModuleText }>('../modules/*/*.i18n.ts', { eager: true }))
  .map(([path, module]) => [path.replace(/^.*\/([a-z-]+)\.i18n\.ts$/, '$1'), module.text] as const);

/** The modules' words in one language, by module name (the file's). */
export const wordsOf = (locale: Locale) => Object.fromEntries(moduleTexts.map(([name, text]) => [name, text[locale]]));
