/**
 * The city console's learning-to-jobs tab: completions of the year's vocational courses per major occupation group
 * they prepare for, beside the paper's economy-area indicators of the same year.
 */
import { useState } from 'react';
import type { CityIndicators } from '../../../shared/contracts/indicators.ts';
import type { OccupationCompletions } from '../../../shared/contracts/occupations.ts';
import { indicators } from '../../../shared/vocabulary/index.ts';
import { query, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { SelectField } from '../../ui/Field.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded } from '../../ui/Status.tsx';
import { TableDownloads } from '../../ui/TableDownloads.tsx';
import type { ConsolePanelProps } from '../city-console/console-tabs.ts';

export default function CompletionsPanel({ cityCode }: ConsolePanelProps) {
  const { t } = useLocale();
  const [year, setYear] = useState<number | undefined>(undefined);
  const city = useApi<CityIndicators>(`/cities/${cityCode}/indicators${query({ year })}`);
  return (
    <section aria-labelledby="jobs-title">
      <h2 className="lc-section-title" id="jobs-title">{t('occupations.tab')}</h2>
      <p className="lc-lead">{t('occupations.consoleLead')}</p>
      <Loaded state={city}>
        {(data) => (
          <>
            <div className="lc-controls">
              <SelectField label={t('occupations.year')} value={String(data.year)} onChange={(e) => setYear(Number(e.target.value))}
                options={[...data.years].reverse().map((y) => ({ value: String(y), label: String(y) }))} />
            </div>
            <div className="lc-grid">
              <Completions cityCode={cityCode} year={data.year} />
              <EconomyIndicators city={data} />
            </div>
          </>
        )}
      </Loaded>
    </section>
  );
}

function Completions({ cityCode, year }: { cityCode: string; year: number }) {
  const { t, label, number } = useLocale();
  const [page, setPage] = useState(1);
  const counts = useApi<OccupationCompletions>(`/cities/${cityCode}/occupation-completions${query({ year, page, pageSize: 10 })}`);
  return (
    <Loaded state={counts}>
      {(data) => (
        <div>
          <div className="lc-table-wrap">
            <table className="lc-table">
              <caption>{t('occupations.completionsCaption', { year: data.year })}</caption>
              <thead><tr><th scope="col">{t('occupations.group')}</th><th scope="col" className="num">{t('occupations.completions')}</th></tr></thead>
              <tbody>
                {data.items.map((g) => (
                  <tr key={g.code}><th scope="row">{g.code} {label(g)}</th><td className="num">{number(g.count)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} />
          <p>{t('occupations.vocationalTotal', { count: data.vocationalCompletions })}, {t('occupations.untagged', { count: data.untaggedCompletions })}</p>
          {/* All ten major groups fit one page: the download is the whole table. */}
          <TableDownloads table={{
            title: t('occupations.completionsCaption', { year: data.year }),
            columns: [t('occupations.group'), t('occupations.completions')],
            rows: data.items.map((g) => [`${g.code} ${label(g)}`, g.count]),
          }} />
        </div>
      )}
    </Loaded>
  );
}

function EconomyIndicators({ city }: { city: CityIndicators }) {
  const { t, label, number } = useLocale();
  const economy = city.indicators.filter((i) => indicators.get(i.indicatorId).group === 'economy');
  return (
    <div className="lc-table-wrap">
      <table className="lc-table">
        <caption>{t('occupations.economy')} ({city.year})</caption>
        <thead><tr><th scope="col">{t('occupations.indicator')}</th><th scope="col" className="num">{t('occupations.value')}</th></tr></thead>
        <tbody>
          {economy.map((i) => {
            const definition = indicators.get(i.indicatorId);
            return (
              <tr key={i.indicatorId}>
                <th scope="row">{label(definition)}</th>
                <td className="num">{i.value === null ? '—' : `${number(Number(i.value.toFixed(definition.decimals)))} ${label(definition.unit)}`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
