/**
 * A reset link (/reset-password#secret): which account it is for, then a new password (judged as at sign-up).
 * Setting it ends every other session of the account and logs in here. The secret stays after '#', so it never
 * reaches a server log; it is sent in the body of the requests.
 */
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { PasswordResetPreview } from '../../../shared/contracts/identity.ts';
import { api, ApiError } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { useSession } from '../../shells/session.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { ErrorNotice, Loaded, PageTitle } from '../../ui/Status.tsx';
import { NewPasswordField } from './NewPasswordField.tsx';

export function ResetPasswordPage() {
  const { t, dateTime } = useLocale();
  const field = useFieldLabels('auth/password-reset/confirm');
  const { refresh } = useSession();
  const token = useLocation().hash.slice(1);
  const [preview, setPreview] = useState<{ data?: PasswordResetPreview; error?: ApiError; loading: boolean }>({ loading: true });
  const [password, setPassword] = useState('');
  const [sentPassword, setSentPassword] = useState('');

  useEffect(() => {
    if (!token) return;
    api<PasswordResetPreview>('/auth/password-reset/preview', { method: 'POST', body: { token } })
      .then((data) => setPreview({ data, loading: false }))
      .catch((error: unknown) => setPreview({ loading: false, error: error instanceof ApiError ? error : new ApiError(0, 'network', String(error)) }));
  }, [token]);

  const submission = useSubmission(async () => {
    setSentPassword(password);
    await api('/auth/password-reset/confirm', { method: 'POST', body: { token, password } });
    await refresh();
  });

  const title = <PageTitle title={t('identity.resetTitle')} />;
  if (submission.done) {
    return (
      <>
        {title}
        <p className="lc-notice success" role="status">{t('identity.passwordChanged')}</p>
        <p><Link className="krds-btn primary" to="/me">{t('identity.toMyLearning')}</Link></p>
      </>
    );
  }
  if (!token) return <>{title}<p className="lc-notice error" role="alert">{t('identity.resetNoToken')}</p></>;
  // The server's words for a link that is unknown, used, replaced or expired say what to do next.
  if (preview.error) {
    return (
      <>
        {title}
        {preview.error.status === 404 || preview.error.status === 410
          ? <p className="lc-notice error" role="alert">{preview.error.message}</p>
          : <ErrorNotice error={preview.error} />}
        <p><Link className="krds-btn secondary" to="/forgot-password">{t('identity.forgotAgain')}</Link></p>
      </>
    );
  }
  return (
    <Loaded state={{ data: preview.data, loading: preview.loading }}>
      {(reset) => (
        <>
          <PageTitle title={t('identity.resetTitle')} lead={t('identity.resetLead', { email: reset.email, until: dateTime(reset.expiresAt) })} />
          <form className="lc-form" onSubmit={submission.onSubmit} noValidate>
            {/* For password managers: which account the new password belongs to. */}
            <input type="email" autoComplete="username" value={reset.email} readOnly hidden />
            <NewPasswordField label={field('password')} value={password} person={{ email: reset.email, displayName: '' }}
              error={password === sentPassword ? submission.fieldError('password') : undefined} onChange={(e) => setPassword(e.target.value)} />
            <FormStatus error={submission.formError(['password'])} />
            <div><button type="submit" className="krds-btn primary" disabled={submission.busy}>{t('identity.resetSubmit')}</button></div>
          </form>
        </>
      )}
    </Loaded>
  );
}
