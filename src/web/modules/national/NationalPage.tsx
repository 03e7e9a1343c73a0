/**
 * The national picture (`/national`): learning cities on the map by year with a slider, their number per year, the
 * cohorts due, the composite index by kind of city; for the ministry also each city's score and the cities at risk.
 */
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { AtRiskCity, AtRiskList, CohortsDue, IndexDistribution, MapCity, NationalMap, NationalTimeline, NationalYear } from '../../../shared/contracts/national.ts';
import { atRiskReasons, cohortGroups, designationStates, FIRST_DESIGNATION_YEAR, roundStatuses, type DesignationState } from '../../../shared/vocabulary/index.ts';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import { query, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { useSession } from '../../shells/session.tsx';
import { KoreaMap } from '../../ui/KoreaMap.tsx';
import { PagedTable } from '../../ui/PagedTable.tsx';
import { Loaded, Loading, PageTitle } from '../../ui/Status.tsx';
import { useBoundaryOutline } from '../geography/outlines.ts';
import { ImprovementBadge } from '../designation/ImprovementBadge.tsx';
import { ReportMaker } from '../annual-report/ReportMaker.tsx';
import { cityName } from '../geography/places.ts';

const BarChart = lazy(() => import('../../ui/BarChart.tsx'));

/** Okabe–Ito colours by state: deferred and revoked stand out from the learning cities' blues and green. */
const stateColours: Record<DesignationState, string> = {
  designated: '#0072b2', redesignated: '#56b4e9', excellent: '#009e73', deferred: '#e69f00', revoked: '#d55e00',
  potential: '#cc79a7', applied: '#b1b8be', rejected: '#6b7280',
};

function YearMap({ years }: { years: NationalYear[] }) {
  const { t, locale, label, number } = useLocale();
  const outline = useBoundaryOutline('provinces');
  const first = years[0]!.year;
  const last = years.at(-1)!.year;
  const [year, setYear] = useState(last);
  const [showTable, setShowTable] = useState(false);
  const map = useApi<NationalMap>(`/national/map${query({ year })}`);
  const entry = years.find((y) => y.year === year)!;
  const yearText = t('national.map.yearText', { year, count: entry.learning });
  const move = (by: number) => setYear((y) => Math.min(last, Math.max(first, y + by)));
  return (
    <section aria-labelledby="national-map-title">
      <h2 className="lc-section-title" id="national-map-title">{t('national.map.title')}</h2>
      <div className="lc-year-slider">
        <label htmlFor="national-year">{t('national.map.year')}</label>
        <button type="button" className="krds-btn small secondary" onClick={() => move(-1)} disabled={year === first}>{t('national.map.earlier')}</button>
        <input id="national-year" type="range" min={first} max={last} step={1} value={year} aria-valuetext={yearText} aria-describedby="national-year-hint"
          onChange={(e) => setYear(Number(e.target.value))} />
        <button type="button" className="krds-btn small secondary" onClick={() => move(1)} disabled={year === last}>{t('national.map.later')}</button>
        <output htmlFor="national-year" className="lc-year-value">{year}</output>
      </div>
      <p id="national-year-hint" className="lc-meta">{t('national.map.hint')}</p>
      <p className="lc-lead" aria-live="polite">
        {t('national.map.summary', { year, learning: number(entry.learning), newly: number(entry.newlyDesignated), deferred: number(entry.states.deferred ?? 0), revoked: number(entry.revoked) })}
      </p>
      <Loaded state={map}>
        {(data) => (
          <div className="lc-map-layout">
            <KoreaMap
              title={yearText} outline={outline ?? null}
              points={data.items.map((city) => ({
                id: city.code, lat: city.lat, lon: city.lon, colour: stateColours[city.state], radius: ['applied', 'rejected'].includes(city.state) ? 4 : 7,
                label: `${cityName(city, locale)}: ${label(designationStates.get(city.state))}`,
              }))}
            />
            <div>
              <h3>{t('national.map.legend', { year: data.year })}</h3>
              <ul className="lc-legend">
                {designationStates.codes.filter((state) => entry.states[state]).map((state) => (
                  <li key={state}><span className="lc-swatch" style={{ background: stateColours[state] }} aria-hidden="true" />{label(designationStates.get(state))} {number(entry.states[state]!)}</li>
                ))}
              </ul>
              <button type="button" className="krds-btn small secondary" aria-expanded={showTable} onClick={() => setShowTable(!showTable)}>
                {showTable ? t('national.map.hideTable') : t('national.map.showTable', { year: data.year })}
              </button>
              {showTable && <CitiesOfYear cities={data.items} />}
            </div>
          </div>
        )}
      </Loaded>
    </section>
  );
}

function CitiesOfYear({ cities }: { cities: MapCity[] }) {
  const { t, locale, label } = useLocale();
  return (
    <div className="lc-table-wrap" tabIndex={0} role="region" aria-label={t('national.map.title')}>
      <table className="lc-table">
        <thead>
          <tr>
            <th scope="col">{t('national.map.city')}</th><th scope="col">{t('national.map.state')}</th><th scope="col">{t('national.map.since')}</th>
            <th scope="col" className="num">{t('national.map.firstDesignated')}</th>
          </tr>
        </thead>
        <tbody>
          {cities.map((city) => (
            <tr key={city.code}>
              <td><Link to={`/cities/${city.code}`}>{cityName(city, locale)}</Link></td>
              <td>{label(designationStates.get(city.state))}</td>
              <td>{city.since}</td>
              <td className="num">{city.firstDesignatedYear ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PerYear({ years }: { years: NationalYear[] }) {
  const { t } = useLocale();
  const categories = useMemo(() => years.map((y) => String(y.year)), [years]);
  const series = useMemo(() => [
    { name: t('national.timeline.learning'), values: years.map((y) => y.learning) },
    { name: t('national.timeline.newly'), values: years.map((y) => y.newlyDesignated), kind: 'line' as const },
  ], [years, t]);
  return (
    <section>
      <h2 className="lc-section-title">{t('national.timeline.title')}</h2>
      <p className="lc-meta">{t('national.timeline.paper')}</p>
      <Suspense fallback={<Loading />}><BarChart title={t('national.timeline.title')} categories={categories} series={series} /></Suspense>
    </section>
  );
}

function Cohorts({ ministry }: { ministry: boolean }) {
  const { t, label, number } = useLocale();
  const due = useApi<CohortsDue>('/national/cohorts');
  return (
    <section>
      <h2 className="lc-section-title">{t('national.cohorts.title')}</h2>
      <p className="lc-meta">{t('national.cohorts.lead')}</p>
      <Loaded state={due}>
        {(data) => (
          <div className="lc-table-wrap" tabIndex={0} role="region" aria-label={t('national.cohorts.title')}>
            <table className="lc-table">
              <thead>
                <tr>
                  <th scope="col">{t('national.cohorts.year')}</th>
                  {cohortGroups.codes.map((g) => <th key={g} scope="col" className="num">{label(cohortGroups.get(g))}</th>)}
                  <th scope="col" className="num">{t('national.cohorts.total')}</th><th scope="col">{t('national.cohorts.round')}</th>
                </tr>
              </thead>
              <tbody>
                {data.years.map((y) => (
                  <tr key={y.year}>
                    <th scope="row">{ministry ? <Link to={`/evaluation/cohorts/${y.year}`}>{y.year}</Link> : y.year}</th>
                    {cohortGroups.codes.map((g) => <td key={g} className="num">{number(y.counts[g])}</td>)}
                    <td className="num">{number(y.counts.total)}</td>
                    <td>{y.roundStatus ? label(roundStatuses.get(y.roundStatus)) : t('national.cohorts.notOpen')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Loaded>
    </section>
  );
}

const oneDecimal = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

function IndexByGroup() {
  const { t, label, locale } = useLocale();
  const distribution = useApi<IndexDistribution>('/national/index-distribution');
  return (
    <Loaded state={distribution}>
      {(data) => (
        <section>
          <h2 className="lc-section-title">{t('national.index.title', { year: data.year ?? '—' })}</h2>
          <p className="lc-meta">{t('national.index.lead')}</p>
          {data.year === null ? <p className="lc-notice">{t('national.index.none')}</p> : (
            <>
              <Suspense fallback={<Loading />}>
                <BarChart
                  title={t('national.index.chart')} axes="one" categories={data.groups.map((g) => label(cohortGroups.get(g.group)))}
                  series={(['min', 'p25', 'median', 'p75', 'max'] as const).map((key) => ({
                    name: t(`national.index.${key}`), values: data.groups.map((g) => oneDecimal(g[key])), kind: key === 'median' ? 'bar' as const : 'line' as const,
                  }))}
                />
              </Suspense>
              {data.groups.map((group) => group.cities && (
                <details key={group.group}>
                  <summary>{t('national.index.cities', { group: label(cohortGroups.get(group.group)), count: group.cities.length })}</summary>
                  <div className="lc-table-wrap">
                    <table className="lc-table">
                      <thead><tr><th scope="col">{t('national.map.city')}</th><th scope="col" className="num">{t('national.index.score')}</th></tr></thead>
                      <tbody>
                        {group.cities.map((city) => (
                          <tr key={city.code}>
                            <td><Link to={`/cities/${city.code}/console`}>{locale === 'en' ? city.nameEn : city.nameKo}</Link></td>
                            <td className="num">{oneDecimal(city.score)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </details>
              ))}
            </>
          )}
        </section>
      )}
    </Loaded>
  );
}

function AtRisk() {
  const { t, locale, label } = useLocale();
  const summary = useApi<AtRiskList>(`/national/at-risk${query({ pageSize: 1 })}`);
  return (
    <Loaded state={summary}>
      {(head) => (
        <PagedTable<AtRiskCity>
          path="/national/at-risk" title={t('national.risk.title')} lead={t('national.risk.lead', { year: head.indexYear ?? '—' })} none={t('national.risk.none')}
          count={() => t('national.risk.count', { count: head.counts.total, deferred: head.counts.deferred, fell: head.counts.score_fell, below: head.counts.below_peers })}
          columns={[t('national.risk.city'), t('national.risk.reasons'), t('national.risk.totals'), t('national.risk.index'), t('national.risk.consulting')]}
          row={(city) => (
            <tr key={city.code}>
              <td><Link to={`/cities/${city.code}`}>{cityName(city, locale)}</Link><br /><span className="lc-meta">{label(designationStates.get(city.state))}</span></td>
              <td><ul className="lc-plain-list">{city.reasons.map((r) => <li key={r}>{label(atRiskReasons.get(r))}</li>)}</ul></td>
              <td>{city.totals.length ? city.totals.map((s) => `${s.year}: ${s.total}`).join(' → ') : '—'}</td>
              <td>{oneDecimal(city.index) ?? '—'} / {oneDecimal(city.groupP25) ?? '—'}</td>
              <td><Consulting city={city} /></td>
            </tr>
          )}
        />
      )}
    </Loaded>
  );
}

/**
 * A city's improvement consulting: its badge (open, or the next round's change) while it has one for the round that
 * deferred it; otherwise, for a city deferred by a round, the way to assign a consultant.
 */
function Consulting({ city }: { city: AtRiskCity }) {
  const { t, locale } = useLocale();
  const session = useSession();
  const current = city.consulting && (city.deferredInRound === null || city.consulting.roundYear === city.deferredInRound) ? city.consulting : null;
  if (current) return <ImprovementBadge consulting={current} link />;
  if (city.deferredInRound === null || !session.can('designation.call.manage')) return <>—</>;
  return (
    <Link to={`/designation/consulting/new${query({ city: city.code, round: city.deferredInRound })}`}>
      {t('national.risk.assign', { city: cityName(city, locale) })}
    </Link>
  );
}

/** The ministry's yearly report: any year back to the first designations, the last finished one unless another is chosen. */
function NationalReport() {
  const { t } = useLocale();
  const thisYear = Number(todayInKorea().slice(0, 4));
  const years = Array.from({ length: thisYear - FIRST_DESIGNATION_YEAR + 1 }, (_, i) => thisYear - i);
  return <ReportMaker path="/national/report" years={years} initialYear={thisYear - 1} title={t('national.report.title')} lead={t('national.report.lead')} headingId="national-report-title" />;
}

export function NationalPage() {
  const { t } = useLocale();
  const session = useSession();
  const timeline = useApi<NationalTimeline>('/national/timeline');
  const ministry = session.can('national.private.view');
  return (
    <>
      <PageTitle title={t('national.title')} lead={t('national.lead')} />
      {ministry && <p className="lc-notice">{t('national.ministryLead')}</p>}
      <Loaded state={timeline}>
        {(data) => (
          <>
            <YearMap years={data.years} />
            <PerYear years={data.years} />
          </>
        )}
      </Loaded>
      <Cohorts ministry={ministry} />
      <IndexByGroup />
      {ministry && <AtRisk />}
      {ministry && <NationalReport />}
    </>
  );
}
