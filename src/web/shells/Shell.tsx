/**
 * The frame of every page: skip link, header with the navigation each role needs, language and
 * high-contrast switches, and the footer.
 */
import { Suspense, useContext, useEffect, useState } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { roles } from '../../shared/vocabulary/index.ts';
import { setLocale, useLocale } from '../i18n/index.ts';
import { useUnreadCount } from '../modules/notifications/unread.ts';
import { Loading } from '../ui/Status.tsx';
import { CONTRAST_COOKIE } from '../../shared/lib/page-preferences.ts';
import { CONTRAST_KEY, RenderedPreferences, rememberForServer, storedHighContrast } from './preferences.ts';
import { useSession } from './session.tsx';

function RoleLinks() {
  const { t, locale } = useLocale();
  const { me } = useSession();
  const unread = useUnreadCount(me !== null);
  if (!me) return null;
  const scopeOf = (grant: { scopeName: string | null; scopeNameEn: string | null }) => (locale === 'en' ? grant.scopeNameEn : grant.scopeName) ?? '';
  const links: { to: string; label: string }[] = [{ to: '/me', label: t('nav.myLearning') }];
  for (const grant of me.grants) {
    if (roles.get(grant.role).scope === 'institution' && grant.institutionId) {
      links.push({ to: `/institutions/${grant.institutionId}`, label: `${t('nav.institution')} · ${scopeOf(grant)}` });
      // Those who run its programs also reach them directly.
      if (grant.role !== 'institution_instructor') links.push({ to: `/institutions/${grant.institutionId}/office`, label: t('nav.programOffice') });
      // Instructors reach their schedule over all institutions (once, however many institutions they teach at).
      else if (!links.some((link) => link.to === '/me/teaching')) links.push({ to: '/me/teaching', label: t('nav.teaching') });
    }
    if (grant.role === 'city_officer' && grant.cityCode) links.push({ to: `/cities/${grant.cityCode}/console`, label: `${t('nav.city')} · ${scopeOf(grant)}` });
    if (grant.role === 'province_officer' && grant.provinceCode) links.push({ to: `/designation/province/${grant.provinceCode}`, label: `${t('nav.province')} · ${scopeOf(grant)}` });
    if (grant.role === 'reviewer') links.push({ to: '/designation/reviews', label: t('nav.reviews') }, { to: '/evaluation/reviews', label: t('nav.evaluationReviews') });
    if (grant.role === 'consultant') links.push({ to: '/designation/consulting', label: t('nav.consulting') });
    if (grant.role === 'ministry_officer') links.push({ to: '/ministry', label: t('nav.ministry') }, { to: '/designation', label: t('nav.designationCalls') }, { to: '/evaluation', label: t('nav.evaluation') });
    if (grant.role === 'administrator') links.push({ to: '/admin/people', label: t('nav.admin') });
  }
  return (
    <>
      {links.map((link) => <NavLink key={link.to} to={link.to} end={link.to === '/me'}>{link.label}</NavLink>)}
      <NavLink to="/me/inbox">
        {t('nav.inbox')}
        {unread ? <> <span className="krds-badge bg-primary" aria-hidden="true">{unread}</span><span className="sr-only"> ({t('nav.unread', { count: unread })})</span></> : null}
      </NavLink>
    </>
  );
}

export function Shell() {
  const { t, locale } = useLocale();
  const { me, logOut } = useSession();
  const navigate = useNavigate();
  // On the server, the contrast the page is rendered in (from the reader's cookie); in the browser, the reader's choice.
  const rendered = useContext(RenderedPreferences);
  const [highContrast, setHighContrast] = useState(() => rendered?.highContrast ?? storedHighContrast());

  useEffect(() => {
    if (highContrast) document.documentElement.setAttribute('data-krds-mode', 'high-contrast');
    else document.documentElement.removeAttribute('data-krds-mode');
    localStorage.setItem(CONTRAST_KEY, highContrast ? 'on' : 'off');
    rememberForServer(CONTRAST_COOKIE, highContrast ? 'on' : 'off');
  }, [highContrast]);

  return (
    <>
      <a className="lc-skip" href="#main">{t('app.skip')}</a>
      <header className="lc-header">
        <div className="lc-container">
          <div className="lc-header-top">
            <NavLink to="/" className="lc-brand">
              <img src="/favicon.svg" alt="" width={36} height={36} />
              <span>{t('app.name')}<small>{t('app.tagline')}</small></span>
            </NavLink>
            <div className="lc-utility">
              <div className="lc-lang" role="group" aria-label={t('app.language')}>
                <button type="button" lang="ko" aria-pressed={locale === 'ko'} onClick={() => setLocale('ko')}>한국어</button>
                <button type="button" lang="en" aria-pressed={locale === 'en'} onClick={() => setLocale('en')}>English</button>
              </div>
              <button type="button" className="krds-btn small tertiary" aria-pressed={highContrast} onClick={() => setHighContrast(!highContrast)}>
                {t('app.highContrast')}
              </button>
              {me ? (
                <button type="button" className="krds-btn small secondary" onClick={() => void logOut().then(() => navigate('/'))}>
                  {t('nav.logout')} <span className="sr-only">({me.displayName})</span>
                </button>
              ) : (
                <>
                  <NavLink className="krds-btn small secondary" to="/login">{t('nav.login')}</NavLink>
                  <NavLink className="krds-btn small primary" to="/signup">{t('nav.signup')}</NavLink>
                </>
              )}
            </div>
          </div>
          <nav className="lc-nav" aria-label={t('nav.menu')}>
            <NavLink to="/programs">{t('nav.programs')}</NavLink>
            <NavLink to="/cities">{t('nav.cities')}</NavLink>
            <NavLink to="/national">{t('nav.national')}</NavLink>
            <RoleLinks />
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <div className="lc-container">
          {/* Most pages' code arrives when first shown (lazy-page.tsx): until then the page says it is loading. */}
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </div>
      </main>
      <footer className="lc-footer">
        <div className="lc-container">
          <nav aria-label={t('nav.footer')} className="lc-footer-links">
            <NavLink to="/verify">{t('nav.verify')}</NavLink>
            <NavLink to="/designation/calls">{t('nav.designationCalls')}</NavLink>
          </nav>
          <p>{t('app.footer')}</p>
        </div>
      </footer>
    </>
  );
}
