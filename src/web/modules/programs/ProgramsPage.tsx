/** The program catalogue with filters by city, area and format. (Full-text search comes with its own issue.) */
import { useSearchParams } from 'react-router';
import type { LearningCitySummary } from '../../../shared/contracts/cities.ts';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { ProgramSummary } from '../../../shared/contracts/programs.ts';
import { areasOf, currentTaxonomyVersion, deliveryModeList } from '../../../shared/vocabulary/index.ts';
import { query, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded, PageTitle } from '../../ui/Status.tsx';
import { cityName } from '../cities/LearningCitiesMap.tsx';
import { ProgramCard } from './ProgramCard.tsx';

export function ProgramsPage() {
  const { t, locale, label, number } = useLocale();
  const [params, setParams] = useSearchParams();
  const filters = { q: params.get('q') ?? '', city: params.get('city') ?? '', area: params.get('area') ?? '', mode: params.get('mode') ?? '' };
  const page = Number(params.get('page') ?? 1) || 1;
  const cities = useApi<PageOf<LearningCitySummary>>('/cities');
  const programs = useApi<PageOf<ProgramSummary>>(`/programs${query({ ...filters, page, pageSize: 12 })}`);

  const change = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };
  const any = { value: '', label: t('programs.any') };

  return (
    <>
      <PageTitle title={t('programs.title')} />
      <form className="lc-filters" aria-label={t('programs.filters')} onSubmit={(e) => e.preventDefault()}>
        <TextField label={t('home.searchLabel')} type="search" defaultValue={filters.q} placeholder={t('home.searchPlaceholder')}
          onKeyDown={(e) => { if (e.key === 'Enter') change('q', e.currentTarget.value.trim()); }} onBlur={(e) => change('q', e.currentTarget.value.trim())} />
        <SelectField label={t('programs.city')} value={filters.city} onChange={(e) => change('city', e.target.value)}
          options={[any, ...(cities.data?.items ?? []).map((c) => ({ value: c.code, label: cityName(c, locale) }))]} />
        <SelectField label={t('programs.area')} value={filters.area} onChange={(e) => change('area', e.target.value)}
          options={[any, ...areasOf(currentTaxonomyVersion).map((a) => ({ value: a.code, label: label(a) }))]} />
        <SelectField label={t('programs.mode')} value={filters.mode} onChange={(e) => change('mode', e.target.value)}
          options={[any, ...deliveryModeList.map((m) => ({ value: m.code, label: label(m) }))]} />
      </form>
      <Loaded state={programs}>
        {(result) => (
          <>
            <p role="status">{t('programs.results', { total: number(result.total) })}</p>
            {result.items.length === 0 ? <p>{t('programs.none')}</p> : (
              <div className="lc-grid">{result.items.map((program) => <ProgramCard key={program.id} program={program} />)}</div>
            )}
            <Pagination page={result.page} pageSize={result.pageSize} total={result.total} onChange={(n) => change('page', String(n))} />
          </>
        )}
      </Loaded>
    </>
  );
}
