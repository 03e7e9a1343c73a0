import { Link, useLocation } from 'react-router';
import { useLocale } from '../i18n/index.ts';

/**
 * Asks to log in (or, with `signUp`, to sign up, for what any resident may do), and comes back to this page
 * afterwards either way.
 */
export function LoginPrompt({ message, signUp = false }: { message?: string; signUp?: boolean }) {
  const { t } = useLocale();
  const { pathname, search, hash } = useLocation();
  const back = { from: `${pathname}${search}${hash}` };
  return (
    <div className="lc-notice">
      <p>{message ?? t('common.loginNeeded')}</p>
      <div className="lc-actions">
        <Link className="krds-btn primary" to="/login" state={back}>{t('nav.login')}</Link>
        {signUp && <Link className="krds-btn secondary" to="/signup" state={back}>{t('nav.signup')}</Link>}
      </div>
    </div>
  );
}
