import { lazy, Suspense, useMemo } from 'react';
import type { DesignationYear, LearningCitySummary } from '../../../shared/contracts/cities.ts';
import type { PageOf } from '../../../shared/contracts/common.ts';
import { useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { Loaded, Loading, PageTitle } from '../../ui/Status.tsx';
import { LearningCitiesMap } from './LearningCitiesMap.tsx';

const BarChart = lazy(() => import('../../ui/BarChart.tsx'));

function DesignationsPerYear({ years }: { years: DesignationYear[] }) {
  const { t } = useLocale();
  const categories = useMemo(() => years.map((y) => String(y.year)), [years]);
  const series = useMemo(() => [
    { name: t('cities.newly'), values: years.map((y) => y.newlyDesignated) },
    { name: t('cities.total'), values: years.map((y) => y.cumulative), kind: 'line' as const },
  ], [years, t]);
  return (
    <section>
      <h2 className="lc-section-title">{t('cities.perYear')}</h2>
      <Suspense fallback={<Loading />}><BarChart title={t('cities.perYear')} categories={categories} series={series} /></Suspense>
    </section>
  );
}

export function CitiesPage() {
  const { t } = useLocale();
  const cities = useApi<PageOf<LearningCitySummary>>('/cities');
  const years = useApi<DesignationYear[]>('/cities/designations-by-year');
  return (
    <>
      <PageTitle title={t('cities.title')} lead={t('cities.lead')} />
      <Loaded state={cities}>{(page) => <LearningCitiesMap cities={page.items} />}</Loaded>
      <Loaded state={years}>{(data) => <DesignationsPerYear years={data} />}</Loaded>
    </>
  );
}
