/**
 * An invitation link (/invitation#secret): what it offers, then log in or sign up (coming back here) and accept.
 * The secret stays after '#', so it never reaches a server log; it is sent in the body of the requests.
 */
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { InvitationAccepted, InvitationPreview } from '../../../shared/contracts/colleagues.ts';
import { institutionRoles } from '../../../shared/vocabulary/index.ts';
import { api, ApiError } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useSession } from '../../shells/session.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { ErrorNotice, Loaded, PageTitle } from '../../ui/Status.tsx';

export function InvitationPage() {
  const { t, label, locale, dateTime } = useLocale();
  const { me, ready, refresh } = useSession();
  const { pathname, hash } = useLocation();
  const token = hash.slice(1);
  const [preview, setPreview] = useState<{ data?: InvitationPreview; error?: ApiError; loading: boolean }>({ loading: true });
  const [accepted, setAccepted] = useState<InvitationAccepted | null>(null);

  useEffect(() => {
    if (!token) return;
    api<InvitationPreview>('/invitations/preview', { method: 'POST', body: { token } })
      .then((data) => setPreview({ data, loading: false }))
      .catch((error: unknown) => setPreview({ loading: false, error: error instanceof ApiError ? error : new ApiError(0, 'network', String(error)) }));
  }, [token]);

  const accept = useSubmission(async () => {
    setAccepted(await api<InvitationAccepted>('/invitations/accept', { method: 'POST', body: { token } }));
    await refresh();
  });

  const roleName = (code: InvitationPreview['role']) => {
    const name = label(institutionRoles.get(code));
    return locale === 'en' ? name.toLowerCase() : name;
  };

  if (!token) {
    return (
      <>
        <PageTitle title={t('colleagues.accept.title')} />
        <p className="lc-notice error" role="alert">{t('colleagues.accept.noToken')}</p>
      </>
    );
  }
  if (accepted) {
    return (
      <>
        <PageTitle title={t('colleagues.accept.title')} />
        <p className="lc-notice success" role="status">{t('colleagues.accept.accepted', { institution: accepted.institutionName, role: roleName(accepted.role) })}</p>
        <p><Link className="krds-btn primary" to={`/institutions/${accepted.institutionId}`}>{t('colleagues.accept.toInstitution')}</Link></p>
      </>
    );
  }
  // The server's words for a link that is unknown, used, withdrawn or expired say what to do next.
  if (preview.error) {
    return (
      <>
        <PageTitle title={t('colleagues.accept.title')} />
        {preview.error.status === 404 || preview.error.status === 410
          ? <p className="lc-notice error" role="alert">{preview.error.message}</p>
          : <ErrorNotice error={preview.error} />}
      </>
    );
  }
  const back = { from: `${pathname}${hash}` };
  return (
    <Loaded state={{ data: preview.data, loading: preview.loading }}>
      {(invitation) => (
        <>
          <PageTitle title={t('colleagues.accept.title')}
            lead={t('colleagues.accept.offer', { inviter: invitation.invitedByName, institution: invitation.institutionName, role: roleName(invitation.role) })} />
          <dl className="lc-facts">
            <dt>{t('colleagues.accept.institution')}</dt><dd><Link to={`/institutions/${invitation.institutionId}`}>{invitation.institutionName}</Link></dd>
            <dt>{t('colleagues.accept.role')}</dt><dd>{label(institutionRoles.get(invitation.role))}</dd>
            <dt>{t('colleagues.accept.email')}</dt><dd style={{ overflowWrap: 'anywhere' }}>{invitation.email}</dd>
            <dt>{t('colleagues.accept.until')}</dt><dd>{dateTime(invitation.expiresAt)}</dd>
          </dl>
          {!ready ? null : !me ? (
            <div className="lc-notice">
              <p>{t('colleagues.accept.needAccount')}</p>
              <div className="lc-actions">
                <Link className="krds-btn primary" to="/login" state={back}>{t('nav.login')}</Link>
                <Link className="krds-btn secondary" to="/signup" state={{ ...back, email: invitation.email }}>{t('colleagues.accept.signup')}</Link>
              </div>
            </div>
          ) : (
            <form className="lc-form" onSubmit={accept.onSubmit}>
              <p>{t('colleagues.accept.as', { name: me.displayName, email: me.email })}</p>
              {me.email.toLowerCase() !== invitation.email.toLowerCase() && <p className="lc-notice">{t('colleagues.accept.otherEmail')}</p>}
              <FormStatus error={accept.formError()} />
              <div><button type="submit" className="krds-btn primary" disabled={accept.busy}>{t('colleagues.accept.accept')}</button></div>
            </form>
          )}
        </>
      )}
    </Loaded>
  );
}
