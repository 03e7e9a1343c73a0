/**
 * The city console: where a city's officers (and the ministry) keep the city's record, see its indicators
 * against peers, its gaps, access and copied programs, and produce the annual report. One tab per module.
 */
import { Suspense, useEffect, useRef, type ReactNode } from 'react';
import { Link, NavLink, Navigate, useParams } from 'react-router';
import type { CityDetail } from '../../../shared/contracts/cities.ts';
import { useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { Loaded } from '../../ui/Status.tsx';
import { cityName } from '../geography/places.ts';
import { consoleTabs } from './console-tabs.ts';

/** A tab of the strip; the open one is scrolled into the strip's view (on a phone, or opened by a link, it may be far along). */
function TabLink({ to, active, children }: { to: string; active: boolean; children: ReactNode }) {
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (active) link.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [active]);
  return <NavLink ref={link} className="btn-tab" to={to}>{children}</NavLink>;
}

export function CityConsolePage() {
  const { code = '', tab } = useParams();
  const { t, locale } = useLocale();
  const session = useSession();
  const allowed = session.can('city.analysis.view', { cityCode: code });
  const city = useApi<CityDetail>(allowed ? `/cities/${code}` : null);
  if (!session.ready) return <p>{t('console.loading')}</p>;
  if (!session.me) return <LoginPrompt />;
  if (!allowed) return <p className="lc-notice">{t('console.notAllowed')}</p>;
  const current = consoleTabs.find((c) => c.id === tab) ?? consoleTabs[0];
  if (!current) return null;
  if (tab !== current.id) return <Navigate to={`/cities/${code}/console/${current.id}`} replace />;
  const Panel = current.panel;
  return (
    <Loaded state={city}>
      {(c) => (
        <>
          <h1 className="lc-title">{t('console.title', { city: cityName(c, locale) })}</h1>
          <p className="lc-lead">{t('console.lead')} <Link to={`/cities/${code}`}>{t('console.publicPage')}</Link></p>
          <nav className="krds-tab-area lc-console-tabs" aria-label={t('console.tabsLabel')}>
            <div className="tab line">
              <ul>
                {consoleTabs.map((item) => (
                  <li key={item.id} className={item.id === current.id ? 'active' : undefined}>
                    <TabLink to={`/cities/${code}/console/${item.id}`} active={item.id === current.id}>{t(item.labelKey)}</TabLink>
                  </li>
                ))}
              </ul>
            </div>
          </nav>
          <Suspense fallback={<p>{t('console.loading')}</p>}>
            <Panel cityCode={code} />
          </Suspense>
        </>
      )}
    </Loaded>
  );
}
