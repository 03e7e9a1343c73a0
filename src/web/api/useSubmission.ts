/**
 * A form's round trip to the server: busy while sending, the server's refusal with every problem it found (each
 * shown beside its field by `fieldError`, the rest and a summary by `formError` through FormStatus), or done.
 */
import { useState, type FormEvent } from 'react';
import type { FormProblems } from '../ui/FormStatus.tsx';
import { ApiError } from './client.ts';

export function useSubmission(send: () => Promise<unknown>, onDone?: () => void) {
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setDone(false);
    setBusy(true);
    try {
      await send();
      setDone(true);
      onDone?.();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'network', String(e)));
    } finally {
      setBusy(false);
    }
  };

  return {
    onSubmit: (event: FormEvent) => void submit(event),
    error,
    done,
    busy,
    /** The server's message about this field, when it found a problem there. */
    fieldError: (field: string) => error?.problems.find((p) => p.field === field)?.message,
    /**
     * For FormStatus: the problems no field of `shownFields` shows, and how many others are shown beside their
     * fields (the summary links to them and the first gets the keyboard).
     */
    formError: (shownFields: readonly string[] = []): FormProblems | undefined => {
      if (!error) return undefined;
      // A list's field shows its entries' problems too ('sessions' shows 'sessions.2.date').
      const shown = (field: string) => shownFields.some((f) => field === f || field.startsWith(`${f}.`));
      const beside = error.problems.filter((p) => p.field !== undefined && shown(p.field));
      return { refusal: error, elsewhere: error.problems.filter((p) => !beside.includes(p)).map((p) => p.message), besideFields: beside.length };
    },
  };
}
