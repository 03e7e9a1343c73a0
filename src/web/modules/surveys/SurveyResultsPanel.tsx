/**
 * The city console's survey tab: the year's response counts and, from 30 responses, each item's mean with its 95%
 * confidence interval by section, and residents' comments (the city's officers and the ministry only).
 */
import { useState } from 'react';
import type { CitySatisfactionResults, MeanInterval, OpenAnswerPage } from '../../../shared/contracts/surveys.ts';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import { useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { SelectField } from '../../ui/Field.tsx';
import { PagedTable } from '../../ui/PagedTable.tsx';
import { Loaded } from '../../ui/Status.tsx';
import type { ConsolePanelProps } from '../city-console/console-tabs.ts';

/** This year and the four before it. */
export const recentYears = () => {
  const thisYear = Number(todayInKorea().slice(0, 4));
  return Array.from({ length: 5 }, (_, i) => thisYear - i);
};

export const twoDecimals = (value: number | null) => (value === null ? '—' : value.toFixed(2));
export const intervalText = (result: Pick<MeanInterval, 'low' | 'high'>) => (result.low === null || result.high === null ? '—' : `${twoDecimals(result.low)}–${twoDecimals(result.high)}`);

export default function SurveyResultsPanel({ cityCode }: ConsolePanelProps) {
  const { t, locale, number, date } = useLocale();
  const [year, setYear] = useState(recentYears()[0]!);
  const path = `/cities/${cityCode}/surveys/city-satisfaction/${year}`;
  const results = useApi<CitySatisfactionResults>(path);
  const words = (entry: { ko: string; en: string }) => entry[locale];
  return (
    <section aria-labelledby="survey-results-title">
      <h2 id="survey-results-title" className="lc-section-title">{t('surveys.tab')}</h2>
      <p className="lc-meta">{t('surveys.results.lead')}</p>
      <SelectField label={t('surveys.year')} value={String(year)} onChange={(e) => setYear(Number(e.target.value))}
        options={recentYears().map((y) => ({ value: String(y), label: t('surveys.yearOption', { year: y }) }))} />
      <Loaded state={results}>
        {(r) => (
          <>
            <p className="lc-result-count">{t('surveys.results.responses', { count: number(r.responses), paper: number(r.paperResponses) })}</p>
            {!r.shown ? <p className="lc-notice">{t('surveys.results.notEnough', { count: number(r.responses), minimum: r.minimumShown })}</p> : (
              <>
                {r.overall && (
                  <p className="lc-notice"><strong>{t('surveys.results.overall')}</strong>{' '}
                    {t('surveys.results.overallValue', { mean: twoDecimals(r.overall.mean), low: twoDecimals(r.overall.low), high: twoDecimals(r.overall.high) })}</p>
                )}
                {r.sections.map((section) => (
                  <section key={section.code}>
                    <h3 id={`survey-area-${section.code}`}>{words(section)} · {t('surveys.results.sectionMean', { mean: twoDecimals(section.mean) })}</h3>
                    <div className="lc-table-wrap" tabIndex={0} role="region" aria-labelledby={`survey-area-${section.code}`}>
                      <table className="lc-table">
                        <thead><tr>
                          <th scope="col">{t('surveys.results.item')}</th><th scope="col">{t('surveys.results.mean')}</th>
                          <th scope="col">{t('surveys.results.interval')}</th><th scope="col">{t('surveys.results.n')}</th>
                        </tr></thead>
                        <tbody>
                          {section.items.map((item) => (
                            <tr key={item.code}>
                              <th scope="row">{words(item)}</th><td>{twoDecimals(item.result.mean)}</td><td>{intervalText(item.result)}</td><td>{number(item.result.n)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  </section>
                ))}
                <PagedTable<OpenAnswerPage['items'][number]> key={year} path={`${path}/open-answers`} title={t('surveys.results.openTitle')} lead={t('surveys.results.openLead')}
                  none={t('surveys.results.openNone')} count={(n) => t('surveys.results.openCount', { count: n })}
                  columns={[t('surveys.results.question'), t('surveys.results.said'), t('surveys.results.date')]}
                  row={(a) => <tr key={`${a.submittedOn}-${a.question}-${a.text}`}><td>{words(a)}</td><td>{a.text}</td><td>{date(a.submittedOn)}</td></tr>} />
              </>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}
