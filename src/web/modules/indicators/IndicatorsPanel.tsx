/**
 * The city console's first tab: the city's results in the paper's four areas and its five foundations,
 * against cities like it (a composite index with a rank interval) and over the years; every indicator
 * with its formula, its value, the peers' median and the city's rank. Every figure downloadable.
 */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { CityIndicators, IndexStanding, IndicatorDefinitionView } from '../../../shared/contracts/indicators.ts';
import {
  indicatorGroups, infrastructureDimensions, peerGroups, performanceAreas, type IndicatorGroup, type PeerGroup,
} from '../../../shared/vocabulary/index.ts';
import { api, query, useApi } from '../../api/client.ts';
import { useJob } from '../../api/useJob.ts';
import { useLocale } from '../../i18n/index.ts';
import { SelectField } from '../../ui/Field.tsx';
import { ProgressBar } from '../../ui/ProgressBar.tsx';
import { Loaded, Loading } from '../../ui/Status.tsx';
import { TableDownloads } from '../../ui/TableDownloads.tsx';
import type { ConsolePanelProps } from '../city-console/console-tabs.ts';

const RadarChart = lazy(() => import('../../ui/RadarChart.tsx'));
const BarChart = lazy(() => import('../../ui/BarChart.tsx'));

/** While values are being recomputed after a change, look again shortly. */
const STALE_RECHECK_MS = 3000;

export default function IndicatorsPanel({ cityCode }: ConsolePanelProps) {
  const { t, dateTime } = useLocale();
  const [year, setYear] = useState<number | undefined>();
  const [peers, setPeers] = useState<PeerGroup>('kind');
  const data = useApi<CityIndicators>(`/cities/${cityCode}/indicators${query({ year, peers })}`);
  const definitions = useApi<IndicatorDefinitionView[]>('/indicators/definitions');
  const job = useJob(data.reload);
  const { reload } = data;
  const stale = data.data?.stale ?? false;
  useEffect(() => {
    if (!stale) return;
    const timer = setTimeout(reload, STALE_RECHECK_MS);
    return () => clearTimeout(timer);
  }, [stale, reload]);

  return (
    <Loaded state={data}>
      {(body) => (
        <Loaded state={definitions}>
          {(registry) => (
            <section aria-labelledby="indicators-title">
              <h2 className="lc-section-title" id="indicators-title">{t('indicators.title', { year: body.year })}</h2>
              <Controls body={body} peers={peers} onYear={setYear} onPeers={setPeers} />
              <p className="lc-status-line">
                <span>{body.stale ? t('indicators.stale') : body.computedAt ? t('indicators.computedAt', { time: dateTime(body.computedAt) }) : ''}</span>
                <span>{body.weightsId ? t('indicators.weights', { version: body.weightsId }) : t('indicators.weightsDefault')}</span>
                <button type="button" className="krds-btn small secondary" disabled={job.running}
                  onClick={() => void job.start(() => api<{ jobId: string }>(`/cities/${cityCode}/indicators/recompute`, { method: 'POST' }))}>
                  {t('indicators.recompute')}
                </button>
              </p>
              {job.running && job.job && <ProgressBar label={`${t('indicators.recomputing')}: ${job.job.phase}`} done={job.job.done} total={job.job.total} />}
              {job.job?.status === 'done' && <p role="status">{t('indicators.recomputed')}</p>}
              {job.error && <p role="alert" className="lc-notice error">{job.error.message}</p>}
              <StrengthsAndWeaknesses body={body} registry={registry} />
              <div className="lc-cards">
                <IndexCard title={t('indicators.performance')} standing={body.performanceIndex} />
                <IndexCard title={t('indicators.infrastructure')} standing={body.infrastructureIndex} />
              </div>
              <Suspense fallback={<Loading />}>
                <div className="lc-charts">
                  <GroupRadar title={t('indicators.radarPerformance')} groups={performanceAreas} standing={body.performanceIndex} />
                  <GroupRadar title={t('indicators.radarInfrastructure')} groups={infrastructureDimensions} standing={body.infrastructureIndex} />
                </div>
                <History body={body} />
              </Suspense>
              <IndicatorTable body={body} registry={registry} />
            </section>
          )}
        </Loaded>
      )}
    </Loaded>
  );
}

function Controls({ body, peers, onYear, onPeers }: { body: CityIndicators; peers: PeerGroup; onYear(year: number): void; onPeers(peers: PeerGroup): void }) {
  const { t, label } = useLocale();
  return (
    <div className="lc-controls">
      <SelectField label={t('indicators.year')} value={String(body.year)} onChange={(e) => onYear(Number(e.target.value))}
        options={[...body.years].reverse().map((y) => ({ value: String(y), label: String(y) }))} />
      <SelectField label={t('indicators.peers')} value={peers} onChange={(e) => onPeers(e.target.value as PeerGroup)}
        options={peerGroups.entries.map((p) => ({ value: p.code, label: label(p) }))} />
    </div>
  );
}

function IndexCard({ title, standing }: { title: string; standing: IndexStanding }) {
  const { t } = useLocale();
  const largest = (Object.entries(standing.sensitivity) as [keyof IndexStanding['sensitivity'], number][]).sort((a, b) => b[1] - a[1])[0]![0];
  return (
    <div className="lc-card-figure">
      <h3>{title}</h3>
      {standing.score === null ? <p>{t('indicators.noScore')}</p> : (
        <>
          <div className="lc-big">{t('indicators.score', { score: standing.score.toFixed(1) })}</div>
          <p>{t('indicators.rank', { rank: standing.rank, peers: standing.peers })}</p>
          <p>{t('indicators.interval', { low: standing.rankInterval.p5, high: standing.rankInterval.p95 })}</p>
          <p>{t('indicators.sensitivity', { factor: t(`indicators.factors.${largest}`) })}</p>
        </>
      )}
    </div>
  );
}

function GroupRadar({ title, groups, standing }: { title: string; groups: readonly IndicatorGroup[]; standing: IndexStanding }) {
  const { t, label } = useLocale();
  const axes = useMemo(() => groups.map((g) => label(indicatorGroups.get(g))), [groups, label]);
  const series = useMemo(() => [
    { name: t('indicators.us'), values: groups.map((g) => standing.groups[g] ?? null) },
    { name: t('indicators.peerMedian'), values: groups.map((g) => standing.groupMedians[g] ?? null) },
  ], [groups, standing, t]);
  return <RadarChart title={title} axes={axes} series={series} />;
}

function History({ body }: { body: CityIndicators }) {
  const { t, label } = useLocale();
  const categories = useMemo(() => body.history.map((h) => String(h.year)), [body.history]);
  const series = useMemo(() => performanceAreas.map((area) => ({
    name: label(indicatorGroups.get(area)), kind: 'line' as const,
    values: body.history.map((h) => (h.performance.groups[area] === null || h.performance.groups[area] === undefined ? null : Math.round(h.performance.groups[area]! * 10) / 10)),
  })), [body.history, label]);
  return <BarChart title={t('indicators.overYears')} categories={categories} series={series} axes="one" />;
}

function formatValue(value: number | null, decimals: number, locale: string) {
  return value === null ? '—' : value.toLocaleString(locale === 'en' ? 'en-GB' : 'ko-KR', { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
}

/** Plain words for the mayor's office: where the city is among the best or the worst fifth of its peers. */
function StrengthsAndWeaknesses({ body, registry }: { body: CityIndicators; registry: IndicatorDefinitionView[] }) {
  const { t, label } = useLocale();
  const ranked = body.indicators.filter((i) => i.rank !== null && i.peers.n >= 5);
  const name = (id: string) => label(registry.find((d) => d.id === id)!);
  const strong = ranked.filter((i) => i.rank! <= Math.ceil(i.peers.n * 0.2)).map((i) => name(i.indicatorId));
  const weak = ranked.filter((i) => i.rank! > Math.floor(i.peers.n * 0.8)).map((i) => name(i.indicatorId));
  return (
    <div className="lc-notice">
      <p className="lc-better">{t('indicators.strengths', { names: strong.join(', ') || t('indicators.none') })}</p>
      <p className="lc-worse">{t('indicators.weaknesses', { names: weak.join(', ') || t('indicators.none') })}</p>
    </div>
  );
}

function IndicatorTable({ body, registry }: { body: CityIndicators; registry: IndicatorDefinitionView[] }) {
  const { t, label, locale } = useLocale();
  const rows = body.indicators.map((indicator) => ({ indicator, definition: registry.find((d) => d.id === indicator.indicatorId)! }));
  const download = {
    title: `${t('indicators.table')} ${body.cityCode} ${body.year}`,
    columns: [t('indicators.indicator'), t('indicators.unit'), ...body.years.map(String), t('indicators.median'), t('indicators.rankColumn')],
    rows: rows.map(({ indicator, definition }) => [
      label(definition), label(definition.unit), ...indicator.series.map((s) => s.value), indicator.peers.median,
      indicator.rank === null ? null : `${indicator.rank}/${indicator.peers.n}`,
    ]),
  };
  return (
    <>
      <h3 className="lc-section-title">{t('indicators.table')}</h3>
      <TableDownloads table={download} />
      {indicatorGroups.entries.map((group) => (
        <div key={group.code} className="lc-table-wrap">
          <h4 className="lc-group-title" aria-hidden="true">{label(group)}</h4>
          <table className="lc-table">
            <caption>{label(group)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('indicators.indicator')}</th>
                {body.years.map((y) => <th key={y} scope="col" className="num">{y}</th>)}
                <th scope="col" className="num">{t('indicators.median')}</th>
                <th scope="col" className="num">{t('indicators.rankColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.filter((r) => r.definition.group === group.code).map(({ indicator, definition }) => (
                <tr key={indicator.indicatorId}>
                  <th scope="row">
                    <details>
                      <summary>{label(definition)}{definition.paper ? ' *' : ''} <span className="lc-meta">({label(definition.unit)})</span></summary>
                      <p className="lc-meta">{t('indicators.formula')}: {label(definition.formula)}</p>
                      {definition.paper && <p className="lc-meta">* {t('indicators.paperMeasure')}</p>}
                    </details>
                  </th>
                  {indicator.series.map((s) => <td key={s.year} className="num">{formatValue(s.value, definition.decimals, locale)}</td>)}
                  <td className="num">{formatValue(indicator.peers.median, definition.decimals, locale)}</td>
                  <td className="num">{indicator.rank === null ? '—' : t('indicators.rankOf', { rank: indicator.rank, n: indicator.peers.n })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
}
