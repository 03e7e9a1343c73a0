/**
 * The access tab of the city console: for the year, distance and residents the officer chooses, how
 * well each dong reaches places to learn in person, in plain words, on a map and in a downloadable table
 * (the least served dongs first). The choices live in the address, so a view can be shared.
 */
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { AccessReport } from '../../../shared/contracts/access.ts';
import type { Municipality } from '../../../shared/contracts/geography.ts';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import { accessLimits, accessPopulations, type AccessPopulation } from '../../../shared/vocabulary/access.ts';
import { query, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Status.tsx';
import { TableDownloads, type DownloadableTable } from '../../ui/TableDownloads.tsx';
import { cityName } from '../geography/places.ts';
import { AccessMap, dongName, percent, walkMinutes } from './AccessMap.tsx';

/** Walks of 5, 10, 15 and 20 minutes. */
const WALKS_KM = [0.4, 0.8, 1.2, 1.6];
/** The demo's programs go back four years; older years stay reachable through the address. */
const YEARS_OFFERED = 5;

interface Chosen {
  year: string;
  catchmentKm: string;
  walkKm: string;
  population: AccessPopulation;
}

function chosenFrom(search: URLSearchParams, thisYear: number): Chosen {
  const population = search.get('population');
  return {
    year: search.get('year') ?? String(thisYear),
    catchmentKm: search.get('catchmentKm') ?? String(accessLimits.catchmentKm.default),
    walkKm: search.get('walkKm') ?? String(accessLimits.walkKm.default),
    population: population && accessPopulations.has(population) ? population : 'all',
  };
}

/** The console's panel for access: default-exported, taking the city's code, as console-tabs.ts expects. */
export default function AccessPanel({ cityCode }: { cityCode: string }) {
  const { t, locale } = useLocale();
  const [search, setSearch] = useSearchParams();
  const thisYear = Number(todayInKorea().slice(0, 4));
  const chosen = chosenFrom(search, thisYear);
  const report = useApi<AccessReport>(`/cities/${cityCode}/access${query({ ...chosen, pageSize: 100 })}`);
  const city = useApi<Municipality>(`/geography/municipalities/${cityCode}`);
  const cityLabel = city.data ? cityName(city.data, locale) : cityCode;
  return (
    <section aria-labelledby="access-title">
      <h2 className="lc-section-title" id="access-title">{t('access.title')}</h2>
      <p className="lc-lead">{t('access.lead')}</p>
      {/* Remounted when the address changes, so the form shows what is shown. */}
      <Controls key={search.toString()} chosen={chosen} thisYear={thisYear} onApply={(next) => setSearch({ ...next })} />
      {report.loading && report.data && <p role="status">{t('access.computing')}</p>}
      <Loaded state={report}>
        {(data) => (
          <>
            <Summary report={data} />
            <section aria-labelledby="access-map-title">
              <h3 className="lc-group-title" id="access-map-title">{t('access.mapTitle', { year: data.year, km: data.catchmentKm })}</h3>
              <AccessMap report={data} dongs={data.items} />
            </section>
            <DongTable report={data} cityLabel={cityLabel} />
            <details>
              <summary>{t('access.method')}</summary>
              <p className="lc-hint">{t('access.methodText')}</p>
            </details>
          </>
        )}
      </Loaded>
    </section>
  );
}

function Controls({ chosen, thisYear, onApply }: { chosen: Chosen; thisYear: number; onApply(next: Chosen): void }) {
  const { t, label, number } = useLocale();
  const [draft, setDraft] = useState(chosen);
  const set = (change: Partial<Chosen>) => setDraft((current) => ({ ...current, ...change }));
  const years = [...new Set([...Array.from({ length: YEARS_OFFERED }, (_, i) => String(thisYear - i)), chosen.year])];
  const walks = [...new Set([...WALKS_KM.map(String), chosen.walkKm])];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const { min, max } = accessLimits.catchmentKm;
  return (
    <form className="lc-form lc-panel" onSubmit={submit} aria-label={t('access.controls')}>
      <SelectField label={t('access.year')} value={draft.year} onChange={(e) => set({ year: e.target.value })}
        options={years.map((year) => ({ value: year, label: year }))} />
      <TextField label={t('access.catchment')} hint={t('access.catchmentHint', { min, max })} type="number" inputMode="decimal"
        min={min} max={max} step={0.1} required value={draft.catchmentKm} onChange={(e) => set({ catchmentKm: e.target.value })} />
      <SelectField label={t('access.walk')} value={draft.walkKm} onChange={(e) => set({ walkKm: e.target.value })}
        options={walks.map((km) => ({ value: km, label: t('access.walkOption', { minutes: walkMinutes(Number(km)), metres: number(Number(km) * 1000) }) }))} />
      <ChoiceGroup legend={t('access.population')} type="radio" inline selected={[draft.population]}
        options={accessPopulations.entries.map((entry) => ({ value: entry.code, label: label(entry) }))}
        onChange={(value) => set({ population: value as AccessPopulation })} />
      <div className="lc-actions"><button type="submit" className="krds-btn primary">{t('access.apply')}</button></div>
    </form>
  );
}

/** Reading aid for the Gini coefficient, on the bands commonly used for income (below 0.3, 0.3–0.4, above). */
const giniLevel = (gini: number) => (gini < 0.3 ? 'giniLow' : gini < 0.4 ? 'giniMiddle' : 'giniHigh');

function Summary({ report }: { report: AccessReport }) {
  const { t, number } = useLocale();
  const { summary } = report;
  const minutes = walkMinutes(report.walkKm);
  const km = number(report.catchmentKm);
  const older = report.population === 'older';
  const who = t(older ? 'access.whoOlder' : 'access.whoAll');
  return (
    <section aria-labelledby="access-summary-title">
      <h3 className="lc-group-title" id="access-summary-title">{t('access.summaryTitle')}</h3>
      <div className="lc-stats">
        <p className="lc-stat"><strong>{percent(summary.shareBeyondWalk)}</strong>{t('access.statBeyondWalk', { minutes, who })}</p>
        <p className="lc-stat"><strong>{number(Math.round(summary.meanAccess * 10) / 10)}</strong>{t('access.statMean')}</p>
        <p className="lc-stat"><strong>{summary.gini.toFixed(2)}</strong>{t('access.statGini')}</p>
        <p className="lc-stat"><strong>{summary.theil.toFixed(2)}</strong>{t('access.statTheil')}</p>
        <p className="lc-stat"><strong>{number(summary.venuesInReach)}</strong>{t('access.statVenues')}</p>
      </div>
      <ul>
        <li>{t(older ? 'access.beyondWalkOlder' : 'access.beyondWalk', { share: percent(summary.shareBeyondWalk), people: number(summary.residentsBeyondWalk), minutes })}</li>
        <li>{t('access.mean', { km, who, places: number(Math.round(summary.meanAccess * 10) / 10) })}</li>
        <li>{summary.shareWithoutAccess > 0 ? t('access.without', { share: percent(summary.shareWithoutAccess), km, who }) : t('access.everyone', { km })}</li>
        <li>{t('access.gini', { gini: summary.gini.toFixed(2), level: t(`access.${giniLevel(summary.gini)}`) })}</li>
        <li>
          {t('access.reach', { km, venues: number(summary.venuesInReach), places: number(summary.placesInReach) })}
          {summary.venuesInReachElsewhere > 0 && ` ${t('access.reachElsewhere', { venues: number(summary.venuesInReachElsewhere), places: number(summary.placesInReachElsewhere) })}`}
        </li>
      </ul>
    </section>
  );
}

function DongTable({ report, cityLabel }: { report: AccessReport; cityLabel: string }) {
  const { t, locale, number } = useLocale();
  const minutes = walkMinutes(report.walkKm);
  const residents = t(report.population === 'older' ? 'access.residentsOlder' : 'access.residents');
  const nearest = (km: number | null) => (km === null ? t('access.farther', { km: report.searchLimitKm }) : t('access.nearestKm', { km: number(Math.round(km * 10) / 10) }));
  // What an officer looks for first comes first: on a phone the rest scrolls in from the side.
  const columns = [t('access.rank'), t('access.dong'), t('access.access'), t('access.beyondShare', { minutes }), t('access.nearest'), residents];
  const download: DownloadableTable = {
    title: t('access.tableFile', { city: cityLabel, year: report.year, km: report.catchmentKm }),
    columns: [columns[0]!, t('access.code'), columns[1]!, columns[2]!, `${columns[3]!} (%)`, `${columns[4]!} (km)`, residents],
    rows: report.items.map((d) => [d.rank, d.code, dongName(d, locale), d.access, Math.round(d.beyondWalkShare * 1000) / 10, d.nearestKm, d.population]),
  };
  return (
    <section aria-labelledby="access-table-title">
      <h3 className="lc-group-title" id="access-table-title">{t('access.tableTitle')}</h3>
      <div className="lc-actions"><TableDownloads table={download} /></div>
      {/* Scrolls sideways on a phone: focusable, so keyboards can scroll it too. */}
      <div className="lc-table-wrap" tabIndex={0} role="region" aria-labelledby="access-table-title">
        <table className="lc-table">
          <caption className="sr-only">{t('access.tableTitle')}</caption>
          <thead>
            <tr>
              {columns.map((column, i) => <th key={column} scope="col" className={i === 1 ? undefined : 'num'}>{column}</th>)}
            </tr>
          </thead>
          <tbody>
            {report.items.map((d) => (
              <tr key={d.code}>
                <td className="num">{d.rank}</td>
                <th scope="row">{dongName(d, locale)}</th>
                <td className="num">{number(Math.round(d.access * 10) / 10)}</td>
                <td className="num">{percent(d.beyondWalkShare)}</td>
                <td className="num">{nearest(d.nearestKm)}</td>
                <td className="num">{number(d.population)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
