import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useSubmission } from '../../api/useSubmission.ts';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useSession } from '../../shells/session.tsx';
import { TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/Status.tsx';

export function LoginPage() {
  const { t } = useLocale();
  const { logIn } = useSession();
  const navigate = useNavigate();
  // Back to the page that asked for a login (e.g. a program's enrol button), else to My learning.
  const from = (useLocation().state as { from?: unknown } | null)?.from;
  const next = typeof from === 'string' && from.startsWith('/') ? from : '/me';
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submission = useSubmission(() => logIn(email, password), () => navigate(next));

  return (
    <>
      <PageTitle title={t('identity.loginTitle')} />
      <form className="lc-form" onSubmit={submission.onSubmit}>
        <TextField label={t('identity.email')} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <TextField label={t('identity.password')} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <FormStatus error={submission.formError()} />
        <div><button type="submit" className="krds-btn primary" disabled={submission.busy}>{t('identity.login')}</button></div>
        <p>{t('identity.noAccount')} <Link to="/signup">{t('nav.signup')}</Link> · {t('identity.demoAccounts')}</p>
      </form>
    </>
  );
}
