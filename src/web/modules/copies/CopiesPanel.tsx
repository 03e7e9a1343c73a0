/**
 * The copied-programs tab of the city console: how much of the city's offer repeats other institutions'
 * listings (by area, by institution, against the country), and the pairs themselves side by side.
 * Every chart and table can be downloaded.
 */
import { lazy, Suspense, useMemo, useState, type FormEvent } from 'react';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { CityCopySummary, CopyPair, InstitutionDuplication } from '../../../shared/contracts/copies.ts';
import type { InstitutionSummary } from '../../../shared/contracts/institutions.ts';
import type { Municipality } from '../../../shared/contracts/geography.ts';
import { labelOf, programAreas } from '../../../shared/vocabulary/index.ts';
import { query, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { SelectField } from '../../ui/Field.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded, Loading } from '../../ui/Status.tsx';
import { TableDownloads, type DownloadableTable } from '../../ui/TableDownloads.tsx';
import type { ConsolePanelProps } from '../city-console/console-tabs.ts';
import { cityName } from '../geography/places.ts';
import { PairItem, percent, percentValue } from './ListingCard.tsx';

const BarChart = lazy(() => import('../../ui/BarChart.tsx'));
const INSTITUTIONS_PER_PAGE = 15;
const PAIRS_PER_PAGE = 10;

export default function CopiesPanel({ cityCode }: ConsolePanelProps) {
  const { t, locale } = useLocale();
  const summary = useApi<CityCopySummary>(`/cities/${cityCode}/copies/summary`);
  const city = useApi<Municipality>(`/geography/municipalities/${cityCode}`);
  const cityLabel = city.data ? cityName(city.data, locale) : cityCode;
  return (
    <section aria-labelledby="copies-title">
      <h2 className="lc-section-title" id="copies-title">{t('copies.title')}</h2>
      <Loaded state={summary}>
        {(data) => (
          <>
            <p className="lc-lead">{t('copies.lead', { percent: percent(data.threshold) })}</p>
            {data.run ? <Overview summary={data} cityLabel={cityLabel} /> : <p className="lc-notice">{t('copies.noRun')}</p>}
            {data.run && (
              <>
                <AreaChart summary={data} cityLabel={cityLabel} />
                <InstitutionChart cityCode={cityCode} cityLabel={cityLabel} />
                <Pairs cityCode={cityCode} cityLabel={cityLabel} />
              </>
            )}
            <details>
              <summary>{t('copies.method')}</summary>
              <p className="lc-hint">{t('copies.methodText')}</p>
            </details>
          </>
        )}
      </Loaded>
    </section>
  );
}

function Overview({ summary, cityLabel }: { summary: CityCopySummary; cityLabel: string }) {
  const { t, number, date } = useLocale();
  const { run, city, national } = summary;
  return (
    <>
      <p className="lc-hint">{t('copies.lastRun', { date: date(run!.finishedAt), programs: number(run!.programs) })}</p>
      <div className="lc-stats">
        <p className="lc-stat"><strong>{percent(city.ratio)}</strong>{t('copies.statCity', { city: cityLabel })}</p>
        {national && <p className="lc-stat"><strong>{percent(national.ratio)}</strong>{t('copies.statNational')}</p>}
      </div>
      <p>
        {t('copies.summaryLine', {
          city: cityLabel, programs: number(city.programs), withCopies: number(city.withCopies), ratio: percent(city.ratio),
          national: national ? percent(national.ratio) : '—',
        })}
      </p>
    </>
  );
}

function AreaChart({ summary, cityLabel }: { summary: CityCopySummary; cityLabel: string }) {
  const { t, locale } = useLocale();
  // The chart redraws when its inputs change identity: derive them once per answer and language.
  const categories = useMemo(() => summary.byArea.map((a) => labelOf(programAreas.get(a.area), locale)), [summary, locale]);
  const series = useMemo(() => [{ name: t('copies.ratio'), values: summary.byArea.map((a) => percentValue(a.ratio)) }], [summary, t]);
  const table: DownloadableTable = {
    title: t('copies.byAreaFile', { city: cityLabel }),
    columns: [t('copies.area'), t('copies.programs'), t('copies.withCopies'), t('copies.ratio')],
    rows: summary.byArea.map((a, i) => [categories[i]!, a.programs, a.withCopies, percentValue(a.ratio)]),
  };
  return (
    <section aria-labelledby="copies-area-title">
      <h3 className="lc-subtitle" id="copies-area-title">{t('copies.byAreaTitle')}</h3>
      <div className="lc-actions"><TableDownloads table={table} /></div>
      <Suspense fallback={<Loading />}><BarChart title={t('copies.byAreaTitle')} categories={categories} series={series} /></Suspense>
    </section>
  );
}

function InstitutionChart({ cityCode, cityLabel }: { cityCode: string; cityLabel: string }) {
  const { t } = useLocale();
  const [page, setPage] = useState(1);
  const institutions = useApi<PageOf<InstitutionDuplication>>(`/cities/${cityCode}/copies/institutions${query({ page, pageSize: INSTITUTIONS_PER_PAGE })}`);
  const items = institutions.data?.items;
  const categories = useMemo(() => (items ?? []).map((i) => i.institutionName), [items]);
  const series = useMemo(() => [{ name: t('copies.ratio'), values: (items ?? []).map((i) => percentValue(i.ratio)) }], [items, t]);
  return (
    <section aria-labelledby="copies-institution-title">
      <h3 className="lc-subtitle" id="copies-institution-title">{t('copies.byInstitutionTitle')}</h3>
      <Loaded state={institutions}>
        {(result) => (
          <>
            <p className="lc-hint">
              {t('copies.institutionsShown', { from: (result.page - 1) * result.pageSize + 1, to: (result.page - 1) * result.pageSize + result.items.length, total: result.total })}
            </p>
            <div className="lc-actions">
              <TableDownloads table={{
                title: t('copies.byInstitutionFile', { city: cityLabel, page: result.page }),
                columns: [t('copies.institution'), t('copies.programs'), t('copies.withCopies'), t('copies.ratio')],
                rows: result.items.map((i) => [i.institutionName, i.programs, i.withCopies, percentValue(i.ratio)]),
              }} />
            </div>
            <Suspense fallback={<Loading />}><BarChart title={t('copies.byInstitutionTitle')} categories={categories} series={series} /></Suspense>
            <Pagination page={result.page} pageSize={result.pageSize} total={result.total} onChange={setPage} />
          </>
        )}
      </Loaded>
    </section>
  );
}

interface PairFilter {
  area: string;
  institution: string;
}

function Pairs({ cityCode, cityLabel }: { cityCode: string; cityLabel: string }) {
  const { t, label, number, locale } = useLocale();
  const [filter, setFilter] = useState<PairFilter>({ area: '', institution: '' });
  const [draft, setDraft] = useState<PairFilter>(filter);
  const [page, setPage] = useState(1);
  const pairs = useApi<PageOf<CopyPair>>(`/cities/${cityCode}/copies/pairs${query({ ...filter, page, pageSize: PAIRS_PER_PAGE })}`);
  const institutions = useApi<PageOf<InstitutionSummary>>(`/institutions${query({ city: cityCode, pageSize: 100 })}`);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter(draft);
    setPage(1);
  };
  const download = (result: PageOf<CopyPair>): DownloadableTable => ({
    title: t('copies.pairsFile', { city: cityLabel, page: result.page }),
    columns: [
      `${t('copies.similarity')} (%)`, t('copies.ourProgram'), t('copies.ourInstitution'), t('copies.theirProgram'), t('copies.theirInstitution'), t('copies.theirCity'),
    ],
    rows: result.items.map((p) => [
      percentValue(p.similarity), p.ours.title, p.ours.institutionName, p.theirs.title, p.theirs.institutionName, locale === 'en' ? p.theirs.cityNameEn : p.theirs.cityNameKo,
    ]),
  });
  return (
    <section aria-labelledby="copies-pairs-title">
      <h3 className="lc-subtitle" id="copies-pairs-title">{t('copies.pairsTitle')}</h3>
      <p className="lc-hint">{t('copies.pairsLead', { city: cityLabel })}</p>
      <form className="lc-filters" onSubmit={apply} aria-label={t('copies.pairsFilters')}>
        <SelectField label={t('copies.area')} value={draft.area} onChange={(e) => setDraft({ ...draft, area: e.target.value })}
          options={[{ value: '', label: t('copies.anyArea') }, ...programAreas.entries.map((a) => ({ value: a.code, label: label(a) }))]} />
        <SelectField label={t('copies.institution')} value={draft.institution} onChange={(e) => setDraft({ ...draft, institution: e.target.value })}
          options={[{ value: '', label: t('copies.anyInstitution') }, ...(institutions.data?.items ?? []).map((i) => ({ value: String(i.id), label: i.name }))]} />
        <button type="submit" className="krds-btn primary">{t('copies.show')}</button>
      </form>
      <Loaded state={pairs}>
        {(result) => (
          <>
            <div className="lc-actions">
              <strong role="status">{t('copies.pairsCount', { total: number(result.total) })}</strong>
              <TableDownloads table={download(result)} />
            </div>
            {result.items.length === 0 ? <p className="lc-notice">{t('copies.noPairs')}</p> : (
              <ol className="lc-pairs">
                {result.items.map((pair) => <PairItem key={`${pair.ours.programId}:${pair.theirs.programId}`} pair={pair} owner={cityLabel} />)}
              </ol>
            )}
            <Pagination page={result.page} pageSize={result.pageSize} total={result.total} onChange={setPage} />
          </>
        )}
      </Loaded>
    </section>
  );
}
