/**
 * The city console's demand tab: where residents' demand (wishes, waitlists, fruitless searches) meets too
 * few places, by area × group × dong, largest gaps first, each with the institutions nearby that could run
 * a class and the programs residents could be sent to now. Every figure downloadable.
 */
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { DemandGap, DemandReport } from '../../../shared/contracts/demand.ts';
import { programAreas, targetGroups, type ProgramAreaCode } from '../../../shared/vocabulary/index.ts';
import { query, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { SelectField } from '../../ui/Field.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded, Loading } from '../../ui/Status.tsx';
import { TableDownloads } from '../../ui/TableDownloads.tsx';
import type { ConsolePanelProps } from '../city-console/console-tabs.ts';

const BarChart = lazy(() => import('../../ui/BarChart.tsx'));

export default function GapsPanel({ cityCode }: ConsolePanelProps) {
  const { t, label, locale } = useLocale();
  const words = (entry: { ko: string; en: string }) => entry[locale];
  const [months, setMonths] = useState(12);
  const [reachKm, setReachKm] = useState(2);
  const [area, setArea] = useState<ProgramAreaCode | ''>('');
  const [page, setPage] = useState(1);
  const report = useApi<DemandReport>(`/cities/${cityCode}/demand${query({ months, reachKm, area, page, pageSize: 10 })}`);
  return (
    <section aria-labelledby="demand-title">
      <h2 className="lc-section-title" id="demand-title">{t('demand.title')}</h2>
      <p className="lc-lead">{t('demand.lead')}</p>
      <div className="lc-controls">
        <SelectField label={t('demand.months')} value={String(months)} onChange={(e) => { setMonths(Number(e.target.value)); setPage(1); }}
          options={[6, 12, 24].map((m) => ({ value: String(m), label: t('demand.monthsOption', { months: m }) }))} />
        <SelectField label={t('demand.reach')} value={String(reachKm)} onChange={(e) => { setReachKm(Number(e.target.value)); setPage(1); }}
          options={[1, 2, 3, 5].map((km) => ({ value: String(km), label: t('demand.reachOption', { km }) }))} />
        <SelectField label={t('demand.area')} value={area} onChange={(e) => { setArea(e.target.value as ProgramAreaCode | ''); setPage(1); }}
          options={[{ value: '', label: t('demand.allAreas') }, ...programAreas.entries.map((a) => ({ value: a.code, label: label(a) }))]} />
      </div>
      <Loaded state={report}>
        {(data) => (
          <>
            <div className="lc-cards">
              <div className="lc-card-figure"><h3>{t('demand.demand')}</h3><div className="lc-big">{data.totals.demand}</div><p>{t('demand.demandBreakdown', data.totals)}</p></div>
              <div className="lc-card-figure"><h3>{t('demand.seatsOffered')}</h3><div className="lc-big">{data.totals.seatsOffered}</div></div>
              <div className="lc-card-figure"><h3>{t('demand.seatsOpen')}</h3><div className="lc-big">{data.totals.seatsOpen}</div></div>
              <div className="lc-card-figure">
                <h3>{t('proposals.proposals')}</h3><div className="lc-big">{data.totals.proposals}</div>
                <p>{t('proposals.proposalsBreakdown', { supporters: data.totals.supporters, ...data.proposalsByPhase })}</p>
                <p><Link to={`/cities/${cityCode}/console/proposals`}>{t('proposals.consoleTitle')} →</Link></p>
              </div>
              <div className="lc-card-figure">
                <h3>{t('surveys.needs.demandTitle')}</h3>
                {data.needs ? (
                  <>
                    <p>{t('surveys.needs.demandLead', { year: data.needs.year, count: data.needs.respondents })}</p>
                    <ol>{data.needs.items.map((item) => <li key={item.code}>{words(item)} · {item.borich.toFixed(2)}</li>)}</ol>
                  </>
                ) : <p>{t('surveys.needs.demandNone')}</p>}
                <p><Link to={`/cities/${cityCode}/console/needs`}>{t('surveys.needs.analysis')} →</Link></p>
              </div>
            </div>
            <Suspense fallback={<Loading />}><ByArea data={data} /></Suspense>
            <ByAreaAndTarget data={data} />
            <h3 className="lc-section-title">{t('demand.gaps')}</h3>
            {data.gaps.items.length === 0 ? <p>{t('demand.noGaps')}</p> : (
              <>
                <ol className="lc-gaps">{data.gaps.items.map((gap) => <Gap key={`${gap.area}:${gap.targetGroup}:${gap.dongCode}`} gap={gap} />)}</ol>
                <Pagination page={data.gaps.page} pageSize={data.gaps.pageSize} total={data.gaps.total} onChange={setPage} />
              </>
            )}
            <Unmatched data={data} />
          </>
        )}
      </Loaded>
    </section>
  );
}

function ByArea({ data }: { data: DemandReport }) {
  const { t, label } = useLocale();
  const categories = useMemo(() => data.byArea.map((a) => label(programAreas.get(a.area))), [data.byArea, label]);
  const series = useMemo(() => [
    { name: t('demand.demand'), values: data.byArea.map((a) => a.demand) },
    { name: t('demand.seatsOpen'), values: data.byArea.map((a) => a.seatsOpen) },
  ], [data.byArea, t]);
  return <BarChart title={t('demand.byArea')} categories={categories} series={series} axes="one" />;
}

function ByAreaAndTarget({ data }: { data: DemandReport }) {
  const { t, label } = useLocale();
  const table = {
    title: t('demand.byAreaAndTarget'),
    columns: [t('demand.area'), t('demand.target'), t('demand.demand'), t('demand.seatsOffered')],
    rows: data.byAreaAndTarget.map((r) => [label(programAreas.get(r.area)), label(targetGroups.get(r.targetGroup)), r.demand, r.seatsOffered]),
  };
  return (
    <details className="lc-chart">
      <summary>{table.title}</summary>
      <div className="lc-table-wrap">
        <table className="lc-table">
          <thead><tr>{table.columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr></thead>
          <tbody>{table.rows.map((row) => <tr key={`${row[0]}:${row[1]}`}>{row.map((cell, i) => (i === 0 ? <th key={i} scope="row">{cell}</th> : <td key={i} className={i > 1 ? 'num' : undefined}>{cell}</td>))}</tr>)}</tbody>
        </table>
      </div>
      <TableDownloads table={table} />
    </details>
  );
}

function Gap({ gap }: { gap: DemandGap }) {
  const { t, label, locale } = useLocale();
  const place = gap.dongCode ? (locale === 'en' ? gap.dongNameEn : gap.dongNameKo) ?? gap.dongCode : t('demand.citywide');
  return (
    <li className="lc-gap">
      <h4>{place} · {label(programAreas.get(gap.area))} · {label(targetGroups.get(gap.targetGroup))}</h4>
      <p>
        {t('demand.gapLine', { demand: gap.demand, open: gap.seatsOpen })} —{' '}
        <strong className={gap.gap > 0 ? 'lc-worse' : 'lc-better'}>{gap.gap > 0 ? t('demand.shortfall', { gap: gap.gap }) : t('demand.enough')}</strong>
        <span className="lc-meta"> ({t('demand.demandBreakdown', gap)})</span>
      </p>
      {gap.suggestions.institutions.length > 0 && (
        <p className="lc-meta">{t('demand.couldRun')}: {gap.suggestions.institutions.map((i) => `${i.name} (${t('demand.km', { km: i.km })}, ${t('demand.programsInArea', { count: i.programsInArea })})`).join(' · ')}</p>
      )}
      {gap.suggestions.programs.length > 0 && (
        <p className="lc-meta">
          {t('demand.couldRefer')}:{' '}
          {gap.suggestions.programs.map((p, i) => (
            <span key={p.id}>{i > 0 && ' · '}<Link to={`/programs/${p.id}`}>{p.title}</Link> ({p.km === null ? t('demand.online') : t('demand.km', { km: p.km })}, {t('demand.seatsLeft', { seats: p.seatsLeft })})</span>
          ))}
        </p>
      )}
    </li>
  );
}

function Unmatched({ data }: { data: DemandReport }) {
  const { t } = useLocale();
  if (data.unmatchedSearches.length === 0) return null;
  const table = { title: t('demand.unmatched'), columns: [t('demand.query'), t('demand.times')], rows: data.unmatchedSearches.map((s) => [s.query, s.searches]) };
  return (
    <section>
      <h3 className="lc-section-title">{table.title}</h3>
      <ul className="lc-chips">{data.unmatchedSearches.map((s) => <li key={s.query}>{s.query} <span className="lc-meta">{t('demand.searches', { count: s.searches })}</span></li>)}</ul>
      <TableDownloads table={table} />
    </section>
  );
}
