/**
 * The API keys of an institution's own systems (/institutions/:id/office/api-keys), for its managers: what a key
 * lets a system do, a key made and shown once (with a copy button), the keys a page at a time, and revoking one.
 */
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { InstitutionDetail } from '../../../shared/contracts/institutions.ts';
import type { ApiKey, CreatedApiKey } from '../../../shared/contracts/program-import.ts';
import { api, ApiError } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { ConfirmAction } from '../../ui/ConfirmAction.tsx';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { PagedTable } from '../../ui/PagedTable.tsx';
import { PageTitle } from '../../ui/Status.tsx';
import { InstitutionStaffPage } from '../institutions/InstitutionStaffPage.tsx';

export function ApiKeysPage() {
  const { t } = useLocale();
  return <InstitutionStaffPage permission="institution.api_keys.manage" notAllowed={t('program-files.keys.notAllowed')}>{(i) => <ApiKeys institution={i} />}</InstitutionStaffPage>;
}

function ApiKeys({ institution }: { institution: InstitutionDetail }) {
  const { t, dateTime } = useLocale();
  const fieldInApiKeys = useFieldLabels('institutions/api-keys');
  const path = `/institutions/${institution.id}/api-keys`;
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  // A change reloads the list from its first page and is said at the top of it, where the keyboard goes.
  const [change, setChange] = useState({ version: 0, message: '' });
  const status = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (change.message) status.current?.focus();
  }, [change]);
  const create = useSubmission(async () => {
    setCreated(null);
    // Said here, in the form's words: the server would name the field by its code.
    if (!name.trim()) throw new ApiError(400, 'validation', t('program-files.keys.nameNeeded'), 'name');
    const made = await api<CreatedApiKey>(path, { method: 'POST', body: { name: name.trim() } });
    setCreated(made);
    setName('');
    setChange((c) => ({ version: c.version + 1, message: t('program-files.keys.created', { name: made.key.name }) }));
  });
  const revoked = (key: ApiKey) => {
    setCreated(null);
    setChange((c) => ({ version: c.version + 1, message: t('program-files.keys.revoked', { name: key.name }) }));
  };

  return (
    <>
      <p><Link to={`/institutions/${institution.id}/office/import`}>{t('program-files.title')}</Link></p>
      <PageTitle title={`${t('program-files.keys.title')} · ${institution.name}`} lead={t('program-files.keys.lead')} />
      <p>{t('program-files.keys.how')} <a href="/api/docs">{t('program-files.keys.docs')}</a></p>

      {/* A missing name is said beside the field, in the reader's language (not the browser's bubble). */}
      <form className="lc-form" onSubmit={create.onSubmit} noValidate>
        <TextField label={fieldInApiKeys('name')} required maxLength={80} value={name} error={create.fieldError('name')}
          onChange={(e) => setName(e.target.value)} />
        <FormStatus error={create.formError(['name'])} />
        <div><button type="submit" className="krds-btn primary" disabled={create.busy}>{t('program-files.keys.create')}</button></div>
      </form>

      <div ref={status} tabIndex={-1} role="status" className={change.message ? 'lc-notice success' : 'sr-only'}>
        <p>{change.message}</p>
        {created && (
          <>
            <TextField label={t('program-files.keys.token')} readOnly value={created.token} onFocus={(e) => e.target.select()} />
            <CopyButton text={created.token} label={t('program-files.keys.copy')} copied={t('program-files.keys.copied')} failed={t('program-files.keys.copyFailed')} />
          </>
        )}
      </div>

      <PagedTable<ApiKey> key={change.version} path={path} title={t('program-files.keys.list')} none={t('program-files.keys.none')}
        columns={(['name', 'prefix', 'madeBy', 'madeAt', 'lastUsed', 'state'] as const).map((c) => t(`program-files.keys.${c}`))}
        row={(key) => (
          <tr key={key.id}>
            <th scope="row" style={{ overflowWrap: 'anywhere' }}>{key.name}</th>
            <td><code>{key.prefix}…</code></td>
            <td>{key.createdBy}</td>
            <td>{dateTime(key.createdAt)}</td>
            <td>{key.lastUsedAt ? dateTime(key.lastUsedAt) : t('program-files.keys.never')}</td>
            <td>{key.revokedAt ? t('program-files.keys.revokedAt', { when: dateTime(key.revokedAt) }) : <Revoke institutionId={institution.id} apiKey={key} onRevoked={revoked} />}</td>
          </tr>
        )} />
    </>
  );
}

function Revoke({ institutionId, apiKey, onRevoked }: { institutionId: number; apiKey: ApiKey; onRevoked(key: ApiKey): void }) {
  const { t } = useLocale();
  const revoke = useSubmission(async () => {
    onRevoked(await api<ApiKey>(`/institutions/${institutionId}/api-keys/${apiKey.id}`, { method: 'DELETE' }));
  });
  return (
    <>
      <span>{t('program-files.keys.active')}</span>
      <ConfirmAction label={t('program-files.keys.revoke')} name={t('program-files.keys.revokeLabel', { name: apiKey.name })} question={t('program-files.keys.revokeQuestion', { name: apiKey.name })}
        yes={t('program-files.keys.revokeYes')} no={t('program-files.keys.keep')} busy={revoke.busy} onConfirm={revoke.onSubmit}>
        <FormStatus error={revoke.formError()} />
      </ConfirmAction>
    </>
  );
}
