/** Check a credential someone shows you: paste it, read whether it is genuine and why not. */
import { useState } from 'react';
import type { Verification } from '../../../shared/contracts/credentials.ts';
import { api } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { TextArea } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { PageTitle } from '../../ui/Status.tsx';
import { VerificationResult } from './VerificationResult.tsx';

export function VerifyPage() {
  const { t } = useLocale();
  const [credential, setCredential] = useState('');
  const [verification, setVerification] = useState<Verification | null>(null);
  const verify = useSubmission(async () => {
    setVerification(null);
    setVerification(await api<Verification>('/certificates/verify', { method: 'POST', body: { credential: credential.trim() } }));
  });
  return (
    <>
      <PageTitle title={t('credentials.verifyTitle')} lead={t('credentials.verifyLead')} />
      <form className="lc-form" onSubmit={verify.onSubmit}>
        <TextArea label={t('credentials.credential')} hint={t('credentials.credentialHint')} required minLength={10} rows={6} spellCheck={false}
          value={credential} error={verify.fieldError('credential')} onChange={(e) => setCredential(e.target.value)} />
        <FormStatus error={verify.formError(['credential'])} />
        <div><button type="submit" className="krds-btn primary" disabled={verify.busy}>{t('credentials.check')}</button></div>
      </form>
      {verification && <VerificationResult verification={verification} />}
    </>
  );
}
