/**
 * An application's attachments: each with its purpose, type and size, downloaded by a plain link; the city adds
 * files (sent as their bytes: the server decides their type by their contents) and removes them while it may edit.
 */
import { useState, type ChangeEvent } from 'react';
import type { ApplicationView, Attachment } from '../../../shared/contracts/designation-applications.ts';
import type { ErrorBody } from '../../../shared/contracts/common.ts';
import { attachmentPurposes, documentTypes, MAX_DOCUMENT_BYTES, type AttachmentPurpose } from '../../../shared/vocabulary/index.ts';
import { api, ApiError } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { SelectField } from '../../ui/Field.tsx';

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export function AttachmentList({ application, onRemoved }: { application: ApplicationView; onRemoved: ((attachment: Attachment) => void) | null }) {
  const { t, label, number } = useLocale();
  const [error, setError] = useState<string | null>(null);
  const remove = async (attachment: Attachment) => {
    setError(null);
    try {
      await api(`/designation/applications/${application.id}/attachments/${attachment.id}`, { method: 'DELETE' });
      onRemoved?.(attachment);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  if (application.attachments.length === 0) return <p className="lc-meta">{t('applications.attachments.none')}</p>;
  return (
    <>
      <ul className="lc-plain-list lc-record-list">
        {application.attachments.map((attachment) => (
          <li key={attachment.id} className="lc-row-actions">
            <span className="krds-badge outline-secondary">{label(attachmentPurposes.get(attachment.purpose))}</span>
            <a href={`/api/designation/applications/${application.id}/attachments/${attachment.id}`} download={attachment.fileName}
              aria-label={t('applications.attachments.download', { name: attachment.fileName })}>
              {attachment.fileName}
            </a>
            <span className="lc-meta">
              {label(documentTypes.get(attachment.documentType))} · {t('applications.attachments.size', { size: number(Math.max(1, Math.round(attachment.byteSize / 1024))) })}
            </span>
            {onRemoved && (
              <button type="button" className="krds-btn small tertiary" onClick={() => void remove(attachment)}>
                {t('applications.remove')}<span className="sr-only"> ({attachment.fileName})</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && <p className="lc-notice error" role="alert">{error}</p>}
    </>
  );
}

/** Choosing a purpose and a file uploads it at once; a file over 20 MB is refused here, before it is sent. */
export function AttachmentUpload({ applicationId, onUploaded }: { applicationId: number; onUploaded(attachment: Attachment): void }) {
  const { t, label, locale } = useLocale();
  const [purpose, setPurpose] = useState<AttachmentPurpose>('program_plan');
  const [state, setState] = useState<{ busy?: string; done?: string; error?: string }>({});

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_DOCUMENT_BYTES) {
      setState({ error: t('applications.attachments.tooLarge', { name: file.name, size: megabytes(file.size) }) });
      return;
    }
    setState({ busy: file.name });
    // The one request that is not JSON: the file's bytes as they are (see city-record's workbook import).
    const response = await fetch(`/api/designation/applications/${applicationId}/attachments?purpose=${purpose}&name=${encodeURIComponent(file.name)}`, {
      method: 'POST', credentials: 'same-origin', body: file,
      headers: { 'content-type': 'application/octet-stream', accept: 'application/json', 'accept-language': locale },
    }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as (Attachment & Partial<ErrorBody>) | null;
    if (!response?.ok || !body) {
      setState({ error: body?.message ?? response?.statusText ?? 'network' });
      return;
    }
    setState({ done: t('applications.attachments.uploaded', { name: body.fileName }) });
    onUploaded(body);
  };

  return (
    <div className="lc-inline-form">
      <p className="lc-hint">{t('applications.attachments.lead')}</p>
      <div className="lc-form-row">
        <SelectField label={t('applications.attachments.purpose')} value={purpose} onChange={(e) => setPurpose(e.target.value as AttachmentPurpose)}
          options={attachmentPurposes.entries.map((p) => ({ value: p.code, label: label(p) }))} />
        <label className="krds-btn secondary lc-file-button">
          {t('applications.attachments.choose')}
          <input type="file" className="sr-only" disabled={state.busy !== undefined} onChange={(e) => void upload(e)}
            accept=".pdf,.hwp,.hwpx,.xlsx,.docx,.png,.jpg,.jpeg" />
        </label>
      </div>
      <div aria-live="polite">
        {state.busy && <p role="status">{t('applications.attachments.uploading', { name: state.busy })}</p>}
        {state.done && <p className="lc-notice success" role="status">{state.done}</p>}
      </div>
      {state.error && <p className="lc-notice error" role="alert">{state.error}</p>}
    </div>
  );
}
