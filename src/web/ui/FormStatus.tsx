import { useEffect, useRef, useState } from 'react';
import { useLocale } from '../i18n/index.ts';

/**
 * A refusal of a form's fields: the problems no field shows (in words), and how many fields show theirs beside
 * them. `refusal` is the answer it came from: each new one is announced and moves the keyboard once.
 */
export interface FormProblems {
  readonly refusal: object;
  readonly elsewhere: readonly string[];
  readonly besideFields: number;
}

/** A field marked invalid in the form, as the summary links to it. */
interface InvalidField {
  element: HTMLElement;
  label: string;
}

/**
 * The outcome line under a form: an error the fields do not show, or "saved". After a refusal of its fields it
 * sums up every problem for screen readers (role alert): how many fields to fix, each a link to its field, and
 * the problems no field shows; the keyboard goes to the first field to fix.
 */
export function FormStatus({ error, done }: { error?: string | FormProblems; done?: boolean }) {
  const { t } = useLocale();
  const summary = useRef<HTMLDivElement>(null);
  const [invalid, setInvalid] = useState<InvalidField[]>([]);
  const refusal = typeof error === 'object' ? error.refusal : undefined;

  useEffect(() => {
    if (!refusal) return;
    // The fields that show a problem are marked by their Field (aria-invalid) in the same render as this summary.
    const form = summary.current?.closest('form') ?? summary.current?.parentElement;
    const fields = [...(form?.querySelectorAll<HTMLElement>('[aria-invalid="true"]') ?? [])];
    setInvalid(fields.map((element) => ({ element, label: labelOf(element) })));
    fields[0]?.focus();
  }, [refusal]);

  if (typeof error === 'string') return <p className="lc-notice error" role="alert">{error}</p>;
  if (error && (error.besideFields > 0 || error.elsewhere.length > 0)) {
    // A field may show its problem without marking itself invalid (a note under a custom control): counted, not linked.
    const linked = error.besideFields > 0 ? invalid : [];
    return (
      <div className="lc-notice error" role="alert" ref={summary}>
        {error.besideFields > 0 && <p>{t('common.fieldsToFix', { count: Math.max(linked.length, error.besideFields) })}</p>}
        {linked.length > 0 && (
          <ul className="lc-problem-links">
            {linked.map(({ element, label }, i) => (
              <li key={i}><a href={`#${element.id}`} onClick={(e) => { e.preventDefault(); element.focus(); }}>{label}</a></li>
            ))}
          </ul>
        )}
        {error.elsewhere.map((message, i) => <p key={i}>{message}</p>)}
      </div>
    );
  }
  if (done) return <p className="lc-notice success" role="status">{t('common.saved')}</p>;
  return null;
}

/** The words a field is known by: a choice's group by its legend, any other field by its label or accessible name. */
function labelOf(element: HTMLElement): string {
  const choice = element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio');
  const legend = choice ? element.closest('fieldset')?.querySelector('legend')?.textContent : undefined;
  return (legend ?? (element as HTMLInputElement).labels?.[0]?.textContent ?? element.getAttribute('aria-label') ?? '').trim();
}
