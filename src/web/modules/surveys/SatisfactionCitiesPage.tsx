/** The ministry's list of learning cities with their survey counts and overall satisfaction (/ministry/surveys). */
import { useState } from 'react';
import { Link } from 'react-router';
import type { CitySatisfactionPage } from '../../../shared/contracts/surveys.ts';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import { useLocale } from '../../i18n/index.ts';
import { useSession } from '../../shells/session.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { PagedTable } from '../../ui/PagedTable.tsx';
import { ErrorNotice, PageTitle } from '../../ui/Status.tsx';
import { intervalText, twoDecimals } from './SurveyResultsPanel.tsx';

export function SatisfactionCitiesPage() {
  const { t, locale, number } = useLocale();
  const session = useSession();
  const thisYear = Number(todayInKorea().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  if (!session.ready) return <p>{t('common.loading')}</p>;
  if (!session.can('surveys.results.view')) return <ErrorNotice error={{ message: '', status: session.me ? 403 : 401 }} />;
  return (
    <>
      <PageTitle title={t('surveys.national.title')} lead={t('surveys.national.lead')} />
      <SelectField label={t('surveys.year')} value={String(year)} onChange={(e) => setYear(Number(e.target.value))}
        options={Array.from({ length: 5 }, (_, i) => thisYear - i).map((y) => ({ value: String(y), label: t('surveys.yearOption', { year: y }) }))} />
      <PagedTable<CitySatisfactionPage['items'][number]> key={year} path={`/surveys/city-satisfaction/${year}/cities`} title={t('surveys.national.title')}
        count={(n) => t('surveys.national.count', { count: n })}
        columns={[t('surveys.national.city'), t('surveys.national.responses'), t('surveys.national.mean'), t('surveys.results.interval')]}
        row={(c) => (
          <tr key={c.cityCode}>
            <th scope="row"><Link to={`/cities/${c.cityCode}/console/survey`}>{locale === 'en' ? `${c.cityNameEn}, ${c.provinceShortEn}` : `${c.provinceShortKo} ${c.cityNameKo}`}</Link></th>
            <td>{number(c.responses)}</td>
            <td>{c.overall ? twoDecimals(c.overall.mean) : t('surveys.national.notEnough')}</td>
            <td>{c.overall ? intervalText(c.overall) : '—'}</td>
          </tr>
        )} />
    </>
  );
}
