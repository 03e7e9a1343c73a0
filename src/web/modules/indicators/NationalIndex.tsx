/**
 * The ministry's national view: every learning city by its composite index, with the range its rank takes
 * when weights and methods vary (the JRC's uncertainty analysis), the area scores, and a link to its console.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import type { NationalIndex as National } from '../../../shared/contracts/indicators.ts';
import { indicatorGroups, municipalityKinds, performanceAreas, populationBands } from '../../../shared/vocabulary/index.ts';
import { query, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { SelectField } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Status.tsx';
import { TableDownloads } from '../../ui/TableDownloads.tsx';

const score = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value * 10) / 10);

/** A rank's 5–95% range as a bar, the nominal rank as a dot; rank 1 at the left. */
function RankRange({ p5, p95, nominal, of }: { p5: number; p95: number; nominal: number; of: number }) {
  const x = (rank: number) => 4 + (112 * (rank - 1)) / Math.max(1, of - 1);
  return (
    <svg width="120" height="16" viewBox="0 0 120 16" role="img" aria-label={`${p5}–${p95}`}>
      <line x1="4" x2="116" y1="8" y2="8" stroke="#cdd1d5" strokeWidth="1" />
      <line x1={x(p5)} x2={x(p95)} y1="8" y2="8" stroke="#256ef4" strokeWidth="6" strokeLinecap="round" />
      <circle cx={x(nominal)} cy="8" r="4" fill="#08306b" />
    </svg>
  );
}

export function NationalIndex() {
  const { t, label, locale } = useLocale();
  const [year, setYear] = useState<number | undefined>();
  const data = useApi<National>(`/indicators/national${query({ year })}`);
  return (
    <section aria-labelledby="national-title">
      <h2 className="lc-section-title" id="national-title">{t('indicators.national')}</h2>
      <p>{t('indicators.nationalLead')}</p>
      <Loaded state={data}>
        {(national) => {
          const areaLabels = performanceAreas.map((a) => label(indicatorGroups.get(a)));
          const table = {
            title: `${t('indicators.national')} ${national.year}`,
            columns: [t('indicators.rankColumn'), t('indicators.city'), t('indicators.kind'), t('indicators.population'), t('indicators.performanceShort'),
              `${t('indicators.rankRange')} 5%`, `${t('indicators.rankRange')} 95%`, ...areaLabels, t('indicators.infrastructureShort')],
            rows: national.cities.map((c) => [
              c.performance.rank, locale === 'en' ? c.nameEn : c.nameKo, label(municipalityKinds.get(c.kind)), c.population, score(c.performance.score),
              c.performance.rankInterval.p5, c.performance.rankInterval.p95, ...performanceAreas.map((a) => score(c.performance.groups[a])), score(c.infrastructure.score),
            ]),
          };
          return (
            <>
              <div className="lc-controls">
                <SelectField label={t('indicators.year')} value={String(national.year)} onChange={(e) => setYear(Number(e.target.value))}
                  options={[...national.years].reverse().map((y) => ({ value: String(y), label: String(y) }))} />
              </div>
              <TableDownloads table={table} />
              <div className="lc-table-wrap">
                <table className="lc-table">
                  <caption className="sr-only">{table.title}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="num">{t('indicators.rankColumn')}</th><th scope="col">{t('indicators.city')}</th>
                      <th scope="col">{t('indicators.rankRange')}</th><th scope="col" className="num">{t('indicators.performanceShort')}</th>
                      {areaLabels.map((a) => <th key={a} scope="col" className="num">{a}</th>)}
                      <th scope="col" className="num">{t('indicators.infrastructureShort')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {national.cities.map((c) => (
                      <tr key={c.cityCode}>
                        <td className="num">{c.performance.rank}</td>
                        <th scope="row">
                          <Link to={`/cities/${c.cityCode}/console`}>{locale === 'en' ? c.nameEn : c.nameKo}</Link>
                          <div className="lc-meta">{label(municipalityKinds.get(c.kind))} · {label(populationBands.get(c.populationBand))}</div>
                        </th>
                        <td><RankRange p5={c.performance.rankInterval.p5} p95={c.performance.rankInterval.p95} nominal={c.performance.rank} of={national.cities.length} /></td>
                        <td className="num">{score(c.performance.score) ?? '—'}</td>
                        {performanceAreas.map((a) => <td key={a} className="num">{score(c.performance.groups[a]) ?? '—'}</td>)}
                        <td className="num">{score(c.infrastructure.score) ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
