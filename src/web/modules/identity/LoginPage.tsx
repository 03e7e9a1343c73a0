import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { SecurityNotice } from '../../../shared/contracts/identity.ts';
import { useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { useSession } from '../../shells/session.tsx';
import { TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/Status.tsx';

export function LoginPage() {
  const { t } = useLocale();
  const field = useFieldLabels('auth');
  const { logIn } = useSession();
  const navigate = useNavigate();
  // Back to the page that asked for a login (e.g. a program's enrol button), else to My learning.
  const from = (useLocation().state as { from?: unknown } | null)?.from;
  const next = typeof from === 'string' && from.startsWith('/') ? from : '/me';
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [notice, setNotice] = useState<SecurityNotice | null>(null);
  // The demo's accounts are named only in the demo: residents of a real service are told nothing of them.
  const health = useApi<{ demo: boolean }>('/health');
  const submission = useSubmission(async () => {
    const me = await logIn(email, password);
    // Failed attempts since the last login are told once, here, before going on.
    if (me.securityNotice) setNotice(me.securityNotice);
    else navigate(next);
  });

  if (notice) return <SecurityNoticePage notice={notice} next={next} />;
  return (
    <>
      <PageTitle title={t('identity.loginTitle')} />
      <form className="lc-form" onSubmit={submission.onSubmit}>
        <TextField label={field('email')} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <TextField label={field('password')} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <p><Link to="/forgot-password">{t('identity.forgot')}</Link></p>
        <FormStatus error={submission.formError()} />
        <div><button type="submit" className="krds-btn primary" disabled={submission.busy}>{t('identity.login')}</button></div>
        <p>{t('identity.noAccount')} <Link to="/signup" state={{ from: next }}>{t('nav.signup')}</Link></p>
        {health.data?.demo && <p className="lc-hint">{t('identity.demoAccounts')}</p>}
      </form>
    </>
  );
}

/** What happened to the account since the owner's last login, shown once, right after logging in. */
function SecurityNoticePage({ notice, next }: { notice: SecurityNotice; next: string }) {
  const { t, dateTime } = useLocale();
  return (
    <>
      <PageTitle title={t('identity.noticeTitle')} />
      <div className="lc-notice" role="alert">
        <p>{t('identity.noticeFailed', { count: notice.failedAttempts })}</p>
        {notice.lockedAt && notice.lockedUntil && (
          <p>{t('identity.noticeLocked', { locks: notice.locks, from: dateTime(notice.lockedAt), until: dateTime(notice.lockedUntil) })}</p>
        )}
        <p>{t('identity.noticeAdvice')}</p>
      </div>
      <p><Link className="krds-btn primary" to={next}>{t('identity.continue')}</Link></p>
    </>
  );
}
