/**
 * Courses that lead to jobs here (/cities/:code/jobs): the city's vocational programs still taking enrolments that
 * their institutions tagged with occupations, filtered by major occupation group, with the certificates they lead to.
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { JobCourses } from '../../../shared/contracts/occupations.ts';
import { query, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { SelectField } from '../../ui/Field.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded, PageTitle } from '../../ui/Status.tsx';
import { OccupationBadges } from './ProgramOccupations.tsx';

export function JobCoursesPage() {
  const { code = '' } = useParams();
  const { t, label, date, number } = useLocale();
  const [major, setMajor] = useState('');
  const [page, setPage] = useState(1);
  const courses = useApi<JobCourses>(`/cities/${code}/job-courses${query({ major: major || undefined, page, pageSize: 10 })}`);
  // The choices come from the first answer of each filter: counts are of all groups, whatever is chosen.
  return (
    <>
      <PageTitle title={t('occupations.title')} lead={t('occupations.lead')} />
      <p><Link to={`/cities/${code}`}>{t('occupations.backToCity')}</Link></p>
      <Loaded state={courses}>
        {(data) => (
          <>
            <SelectField
              label={t('occupations.group')} value={major} onChange={(e) => { setMajor(e.target.value); setPage(1); }}
              options={[{ value: '', label: t('occupations.allGroups') },
                ...data.groups.map((g) => ({ value: g.code, label: t('occupations.groupCount', { name: label(g), count: g.count }) }))]}
            />
            {data.items.length === 0 ? <p>{t('occupations.none')}</p> : (
              <ul className="lc-plain-list lc-cards">
                {data.items.map((c) => (
                  <li key={c.programId} className="lc-card">
                    <h2 className="lc-card-title"><Link to={`/programs/${c.programId}`}>{c.title}</Link></h2>
                    <ul className="lc-meta">
                      <li>{c.institutionName}</li>
                      <li>{t('occupations.dates', { from: date(c.startsOn), to: date(c.endsOn) })}</li>
                      <li>{c.feeKrw === 0 ? t('occupations.free') : t('occupations.fee', { fee: number(c.feeKrw) })} · {t('occupations.seatsLeft', { count: c.seatsLeft })}</li>
                    </ul>
                    <OccupationBadges occupations={c.occupations} />
                    {c.certificates.length > 0 && <p className="lc-meta">{t('occupations.certificates')}: {c.certificates.join(', ')}</p>}
                  </li>
                ))}
              </ul>
            )}
            <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} />
          </>
        )}
      </Loaded>
    </>
  );
}
