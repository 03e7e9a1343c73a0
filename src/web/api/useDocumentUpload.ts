/**
 * Sends a chosen file as its bytes (the server tells its type by its contents, and names the problem when it is not
 * a document it takes); a file over 20 MB is refused here, before it is sent.
 */
import { useState, type ChangeEvent } from 'react';
import { MAX_DOCUMENT_BYTES } from '../../shared/vocabulary/index.ts';
import { useLocale } from '../i18n/index.ts';
import { api, ApiError } from './client.ts';

/** `busy` and `done` name the file being sent and the one sent. */
export interface UploadState { busy?: string; done?: string; error?: string }

/**
 * `urlOf` gives the API address for a file (its name in the query); `onUploaded` gets the server's answer. A document
 * that replaces the one kept (a milestone's file, an agreement's signed copy) is `PUT`.
 */
export function useDocumentUpload<T = unknown>(urlOf: (file: File) => string, onUploaded: (answer: T) => void, method: 'POST' | 'PUT' = 'POST') {
  const { t } = useLocale();
  const [state, setState] = useState<UploadState>({});
  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_DOCUMENT_BYTES) {
      setState({ error: t('common.fileTooLarge', { name: file.name, size: (file.size / 1024 / 1024).toFixed(1) }) });
      return;
    }
    setState({ busy: file.name });
    try {
      const answer = await api<T>(urlOf(file), { method, body: file });
      setState({ done: file.name });
      onUploaded(answer);
    } catch (error) {
      setState({ error: error instanceof ApiError ? error.message : t('common.error', { message: String(error) }) });
    }
  };
  return { state, upload };
}

/** What the document types accepted are, for a file input's `accept`. */
export const DOCUMENT_ACCEPT = '.pdf,.hwp,.hwpx,.xlsx,.docx,.png,.jpg,.jpeg';
