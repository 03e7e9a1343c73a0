/**
 * Check a credential someone shows you: type the number printed on a certificate or paste the credential, and read
 * whether it is genuine and why not. A certificate's QR code opens this page with its number, checked at once.
 */
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Verification } from '../../../shared/contracts/credentials.ts';
import { api } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { TextArea } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { PageTitle } from '../../ui/Status.tsx';
import { VerificationResult } from './VerificationResult.tsx';

const check = (credential: string) => api<Verification>('/certificates/verify', { method: 'POST', body: { credential: credential.trim() } });

export function VerifyPage() {
  const { t } = useLocale();
  const field = useFieldLabels('certificates/verify');
  const [params] = useSearchParams();
  const number = params.get('number') ?? '';
  const [credential, setCredential] = useState(number);
  const [verification, setVerification] = useState<Verification | null>(null);
  const result = useRef<HTMLDivElement>(null);
  const verify = useSubmission(async () => {
    setVerification(null);
    setVerification(await check(credential));
  });
  useEffect(() => {
    if (number) void check(number).then(setVerification, () => setVerification(null));
  }, [number]);
  // The verdict is what the person came for: it takes the focus (and a screen reader's attention) when it arrives.
  useEffect(() => {
    if (verification) result.current?.focus();
  }, [verification]);
  return (
    <>
      <PageTitle title={t('credentials.verifyTitle')} lead={t('credentials.verifyLead')} />
      <form className="lc-form" onSubmit={verify.onSubmit}>
        <TextArea label={field('credential')} hint={t('credentials.credentialHint')} required minLength={10} rows={4} spellCheck={false}
          value={credential} error={verify.fieldError('credential')} onChange={(e) => setCredential(e.target.value)} />
        <FormStatus error={verify.formError(['credential'])} />
        <div><button type="submit" className="krds-btn primary" disabled={verify.busy}>{t('credentials.check')}</button></div>
      </form>
      <div ref={result} tabIndex={-1}>{verification && <VerificationResult verification={verification} />}</div>
    </>
  );
}
