/**
 * An application's attachments: each with its purpose, type and size, downloaded by a plain link; the city adds
 * files (sent as their bytes: the server decides their type by their contents) and removes them while it may edit.
 */
import { useState } from 'react';
import type { ApplicationView, Attachment } from '../../../shared/contracts/designation-applications.ts';
import { attachmentPurposes, documentTypes, type AttachmentPurpose } from '../../../shared/vocabulary/index.ts';
import { api, ApiError } from '../../api/client.ts';
import { DOCUMENT_ACCEPT, useDocumentUpload } from '../../api/useDocumentUpload.ts';
import { useLocale } from '../../i18n/index.ts';
import { SelectField } from '../../ui/Field.tsx';
import { UploadStatus } from '../../ui/UploadStatus.tsx';

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
  const { t, label } = useLocale();
  const [purpose, setPurpose] = useState<AttachmentPurpose>('program_plan');
  const { state, upload } = useDocumentUpload<Attachment>(
    (file) => `/designation/applications/${applicationId}/attachments?purpose=${purpose}&name=${encodeURIComponent(file.name)}`, onUploaded,
  );
  return (
    <div className="lc-inline-form">
      <p className="lc-hint">{t('applications.attachments.lead')}</p>
      <div className="lc-form-row">
        <SelectField label={t('applications.attachments.purpose')} value={purpose} onChange={(e) => setPurpose(e.target.value as AttachmentPurpose)}
          options={attachmentPurposes.entries.map((p) => ({ value: p.code, label: label(p) }))} />
        <label className="krds-btn secondary lc-file-button">
          {t('applications.attachments.choose')}
          <input type="file" className="sr-only" disabled={state.busy !== undefined} onChange={(e) => void upload(e)} accept={DOCUMENT_ACCEPT} />
        </label>
      </div>
      <UploadStatus state={state} busy={(name) => t('applications.attachments.uploading', { name })}
        done={(name) => t('applications.attachments.uploaded', { name })} />
    </div>
  );
}
