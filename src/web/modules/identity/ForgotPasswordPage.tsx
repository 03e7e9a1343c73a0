/** "Forgot your password?": asks for a reset link by email; the answer is the same whether or not the email has an account. */
import { useState } from 'react';
import { Link } from 'react-router';
import type { PasswordResetRequested } from '../../../shared/contracts/identity.ts';
import { api } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { PageTitle } from '../../ui/Status.tsx';

export function ForgotPasswordPage() {
  const { t } = useLocale();
  const field = useFieldLabels('auth');
  const [email, setEmail] = useState('');
  const [answer, setAnswer] = useState<string | null>(null);
  const submission = useSubmission(async () => {
    setAnswer((await api<PasswordResetRequested>('/auth/password-reset', { method: 'POST', body: { email } })).message);
  });
  return (
    <>
      <PageTitle title={t('identity.forgotTitle')} lead={t('identity.forgotLead')} />
      <form className="lc-form" onSubmit={submission.onSubmit} noValidate>
        <TextField label={field('email')} type="email" autoComplete="username" required value={email} error={submission.fieldError('email')}
          onChange={(e) => setEmail(e.target.value)} />
        <FormStatus error={submission.formError(['email'])} />
        {answer && <p className="lc-notice success" role="status">{answer}</p>}
        <div><button type="submit" className="krds-btn primary" disabled={submission.busy}>{t('identity.forgotSend')}</button></div>
        <p><Link to="/login">{t('identity.backToLogin')}</Link></p>
      </form>
    </>
  );
}
