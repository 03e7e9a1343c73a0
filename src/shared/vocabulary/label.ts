/** A code with its Korean and English labels: the shape every vocabulary entry shares. */
export interface Labelled<C extends string = string> {
  readonly code: C;
  readonly ko: string;
  readonly en: string;
}

export type Locale = 'ko' | 'en';
export const locales: readonly Locale[] = ['ko', 'en'];

/** Picks Korean unless the caller prefers English (an Accept-Language header, a stored choice). */
export function preferredLocale(acceptLanguage: string | undefined): Locale {
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'ko';
}

export function labelOf(entry: { ko: string; en: string }, locale: Locale): string {
  return locale === 'en' ? entry.en : entry.ko;
}

/** Builds a lookup by code and a typed list of codes from a vocabulary list. */
export function indexVocabulary<C extends string, T extends Labelled<C>>(entries: readonly T[]) {
  const byCode = new Map<C, T>(entries.map((e) => [e.code, e]));
  return {
    entries,
    codes: entries.map((e) => e.code) as readonly C[],
    get(code: C): T {
      const entry = byCode.get(code);
      if (!entry) throw new Error(`unknown vocabulary code: ${code}`);
      return entry;
    },
    has(code: string): code is C {
      return byCode.has(code as C);
    },
    /**
     * A code's position (1-based), stored where compact integers beat text (the search index).
     * So lists only ever grow at the end.
     */
    numberOf(code: C): number {
      const index = entries.findIndex((e) => e.code === code);
      if (index < 0) throw new Error(`unknown vocabulary code: ${code}`);
      return index + 1;
    },
  };
}
