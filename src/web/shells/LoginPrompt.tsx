import { Link, useLocation } from 'react-router';
import { useLocale } from '../i18n/index.ts';

/** Asks to log in, and comes back to this page afterwards. */
export function LoginPrompt({ message }: { message?: string }) {
  const { t } = useLocale();
  const { pathname, search, hash } = useLocation();
  return (
    <div className="lc-notice">
      <p>{message ?? t('common.loginNeeded')}</p>
      <p><Link className="krds-btn primary" to="/login" state={{ from: `${pathname}${search}${hash}` }}>{t('nav.login')}</Link></p>
    </div>
  );
}
