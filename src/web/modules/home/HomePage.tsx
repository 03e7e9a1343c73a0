/** The public front page: search, the learning cities on a map, and the newest programs. */
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { LearningCitySummary } from '../../../shared/contracts/cities.ts';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { SearchResult } from '../../../shared/contracts/programs.ts';
import { NEWEST_PROGRAMS_REQUEST } from '../../../shared/lib/program-search.ts';
import { query, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { Loaded, Loading } from '../../ui/Status.tsx';
import { useNearView } from '../../ui/useNearView.ts';
import { ProgramCard } from '../programs/ProgramCard.tsx';

// The map is below the fold: its code, its boundaries and the cities come when the reader nears it.
const LearningCitiesMap = lazy(async () => ({ default: (await import('../cities/LearningCitiesMap.tsx')).LearningCitiesMap }));

export function HomePage() {
  const { t } = useLocale();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [mapSlot, mapNear] = useNearView<HTMLDivElement>();
  const cities = useApi<PageOf<LearningCitySummary>>(mapNear ? '/cities' : null);
  const newest = useApi<SearchResult>(NEWEST_PROGRAMS_REQUEST);

  const search = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/programs${query({ q: text.trim() })}`);
  };

  return (
    <>
      <section className="lc-hero">
        <h1 className="lc-title">{t('home.title')}</h1>
        <p className="lc-lead">{t('home.lead')}</p>
        {/* A plain form to the search as well: the page arrives rendered (decision 028) and can search before its scripts run. */}
        <form className="lc-search" role="search" action="/programs" onSubmit={search}>
          <label htmlFor="home-search" className="sr-only">{t('home.searchLabel')}</label>
          <input id="home-search" name="q" className="krds-input" type="search" value={text} placeholder={t('home.searchPlaceholder')} onChange={(e) => setText(e.target.value)} />
          <button type="submit" className="krds-btn primary">{t('home.search')}</button>
        </form>
      </section>

      <section aria-labelledby="newest-title">
        <h2 className="lc-section-title" id="newest-title">{t('home.newest')}</h2>
        <Loaded state={newest}>
          {(page) => (
            <>
              <div className="lc-grid">{page.items.map((program) => <ProgramCard key={program.id} program={program} />)}</div>
              <p><Link to="/programs">{t('home.allPrograms')} →</Link></p>
            </>
          )}
        </Loaded>
      </section>

      <div ref={mapSlot} className="lc-map-slot">
        {mapNear && <Loaded state={cities}>{(page) => <Suspense fallback={<Loading />}><LearningCitiesMap cities={page.items} /></Suspense>}</Loaded>}
      </div>
    </>
  );
}
