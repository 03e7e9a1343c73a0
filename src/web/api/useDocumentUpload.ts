/**
 * Sends a chosen file as its bytes (the server tells its type by its contents, and names the problem when it is not
 * a document it takes); a file over 20 MB is refused here, before it is sent.
 */
import { useState, type ChangeEvent } from 'react';
import { MAX_DOCUMENT_BYTES } from '../../shared/vocabulary/index.ts';
import { useLocale } from '../i18n/index.ts';

export interface UploadState { busy?: string; done?: boolean; error?: string }

/** `urlOf` gives the API address for a file (its name in the query); `onUploaded` gets the server's answer. */
export function useDocumentUpload(urlOf: (file: File) => string, onUploaded: (answer: unknown) => void) {
  const { locale } = useLocale();
  const [state, setState] = useState<UploadState>({});
  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_DOCUMENT_BYTES) {
      setState({ error: `${file.name}: ${(file.size / 1024 / 1024).toFixed(1)} MB > 20 MB` });
      return;
    }
    setState({ busy: file.name });
    const response = await fetch(`/api${urlOf(file)}`, {
      method: 'POST', credentials: 'same-origin', body: file,
      headers: { 'content-type': 'application/octet-stream', accept: 'application/json', 'accept-language': locale },
    }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as { message?: string } | null;
    if (!response?.ok) {
      setState({ error: body?.message ?? response?.statusText ?? 'network' });
      return;
    }
    setState({ done: true });
    onUploaded(body);
  };
  return { state, upload };
}

/** What the document types accepted are, for a file input's `accept`. */
export const DOCUMENT_ACCEPT = '.pdf,.hwp,.hwpx,.xlsx,.docx,.png,.jpg,.jpeg';
