/**
 * The catalogue search: words, near a place, filters with counts, sorting and pages. Its state is the
 * address's query string, so results can be shared and the back button works.
 */
import { useEffect, useId, useRef } from 'react';
import { Link } from 'react-router';
import type { SearchResult, SearchSort } from '../../../shared/contracts/programs.ts';
import { useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { SelectField } from '../../ui/Field.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { ErrorNotice, Loading, PageTitle } from '../../ui/Status.tsx';
import { NearMe } from './NearMe.tsx';
import { ProgramCard } from './ProgramCard.tsx';
import { SearchFilters } from './SearchFilters.tsx';
import { useSearchState, type SearchKey, type SearchState } from './search-state.ts';

function SearchBox({ state }: { state: SearchState }) {
  const { t } = useLocale();
  const q = state.one('q');
  return (
    // A new query from the address (back button, a link) resets what is typed.
    <form key={q} className="lc-search" role="search" onSubmit={(e) => {
      e.preventDefault();
      state.update({ q: String(new FormData(e.currentTarget).get('q') ?? '').trim() || null });
    }}>
      <label htmlFor="programs-q" className="sr-only">{t('home.searchLabel')}</label>
      <input id="programs-q" name="q" className="krds-input" type="search" defaultValue={q} placeholder={t('home.searchPlaceholder')} />
      <button type="submit" className="krds-btn primary">{t('home.search')}</button>
    </form>
  );
}

function SortSelect({ state, applied }: { state: SearchState; applied: SearchSort }) {
  const { t } = useLocale();
  const sorts: SearchSort[] = [...(state.one('q') ? ['relevance' as const] : []), ...(state.hasPlace ? ['distance' as const] : []), 'start', 'newest'];
  return (
    <div className="lc-sort">
      <SelectField label={t('search.sort')} value={applied} onChange={(e) => state.update({ sort: e.target.value })}
        options={sorts.map((sort) => ({ value: sort, label: t(`search.sorts.${sort}`) }))} />
    </div>
  );
}

/** Words searched near a place that no class held there in person has: said plainly, with the choices left. */
function Elsewhere({ state, result }: { state: SearchState; result: SearchResult }) {
  const { t, number } = useLocale();
  const { elsewhere, near } = result;
  if (!elsewhere || !near) return null;
  const showOnline = elsewhere.online > 0 && !(state.all('mode').length === 1 && state.all('mode')[0] === 'online');
  return (
    <div className="lc-notice" role="note">
      <p>
        {t('search.noneNearby', { place: near.label ?? t('search.here'), radius: number(near.radiusKm), q: state.one('q') })}
        {elsewhere.nearestKm === null && ` ${t('search.noneWithin50')}`}
      </p>
      <p className="lc-actions">
        {elsewhere.nearestKm !== null && (
          <button type="button" className="krds-btn secondary small" onClick={() => state.update({ radiusKm: String(elsewhere.nearestKm), includeOnline: null, mode: null })}>
            {t('search.widen', { km: number(elsewhere.nearestKm) })}
          </button>
        )}
        {showOnline && (
          <button type="button" className="krds-btn secondary small" onClick={() => state.update({ mode: ['online'] })}>
            {t('search.onlineOnly', { count: number(elsewhere.online) })}
          </button>
        )}
      </p>
    </div>
  );
}

/** What a search asks for (words and place): when it changes and its answer arrives, the keyboard goes to the answer. */
const ASKED: readonly SearchKey[] = ['q', 'near', 'lat', 'lon', 'radiusKm'];
const askedFor = (state: SearchState) => ASKED.map((key) => state.one(key)).join('|');

function Results({ state, result, loading }: { state: SearchState; result: SearchResult; loading: boolean }) {
  const { t, number } = useLocale();
  const titleId = useId();
  const top = useRef<HTMLElement>(null);
  const count = useRef<HTMLParagraphElement>(null);
  const answered = useRef(askedFor(state));
  useEffect(() => {
    if (loading || answered.current === askedFor(state)) return;
    answered.current = askedFor(state);
    count.current?.focus();
  });
  const turnPage = (page: number) => {
    state.update({ page: String(page) });
    top.current?.scrollIntoView({ block: 'start' });
  };
  return (
    <section ref={top} id="results" className="lc-results" aria-labelledby={titleId} aria-busy={loading}>
      <h2 id={titleId} className="sr-only">{t('search.results')}</h2>
      <div className="lc-results-head">
        <p role="status" className="lc-result-count" ref={count} tabIndex={-1}>{t('programs.results', { total: number(result.total) })}</p>
        <SortSelect state={state} applied={result.sort} />
      </div>
      {result.fuzzy && <p className="lc-notice">{t('search.fuzzy')}</p>}
      {result.descriptionOnly && <p className="lc-notice">{t('search.descriptionOnly', { q: state.one('q') })}</p>}
      <Elsewhere state={state} result={result} />
      {result.items.length === 0 ? <p className="lc-notice">{t('programs.none')}</p> : (
        <div className="lc-grid">{result.items.map((program) => <ProgramCard key={program.id} program={program} />)}</div>
      )}
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} onChange={turnPage} />
    </section>
  );
}

export function ProgramsPage() {
  const { t } = useLocale();
  const state = useSearchState();
  const search = useApi<SearchResult>(state.apiPath);
  return (
    <>
      <PageTitle title={t('programs.title')} lead={t('search.lead')} />
      {/* Past the search box, the place and a long list of filters, straight to what was found. */}
      <a className="lc-skip-inline" href="#results">{t('search.skipToResults')}</a>
      <SearchBox state={state} />
      <NearMe state={state} />
      {search.error ? (
        <>
          <ErrorNotice error={search.error} onRetry={search.reload} />
          <p><Link to="/programs">{t('search.startOver')}</Link></p>
        </>
      ) : !search.data ? <Loading /> : (
        <div className="lc-search-layout">
          <SearchFilters state={state} facets={search.data.facets} />
          <Results state={state} result={search.data} loading={search.loading} />
        </div>
      )}
    </>
  );
}
