/**
 * Forms' field labels, apart from index.ts: the vocabulary of every field (fields.ts) goes with the pages that have
 * forms, not into the first chunk of every page.
 */
import { fieldLabel } from '../../shared/vocabulary/fields.ts';
import { useLocale } from './index.ts';

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
