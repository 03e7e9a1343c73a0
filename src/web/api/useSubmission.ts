/** A form's round trip to the server: busy while sending, the server's error (with its field), or done. */
import { useState, type FormEvent } from 'react';
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
    /** The server's message when it names this field. */
    fieldError: (field: string) => (error?.field === field ? error.message : undefined),
    /** The server's message when it names no field shown in the form. */
    formError: (shownFields: readonly string[] = []) => (error && !shownFields.includes(error.field ?? '') ? error.message : undefined),
  };
}
