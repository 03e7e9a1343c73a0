/** /me/teaching: the instructor's sessions across institutions, in time order, a page at a time, and as a calendar file. */
import { useState } from 'react';
import { Link } from 'react-router';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { TeachingSession } from '../../../shared/contracts/instructors.ts';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import { query, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded, PageTitle } from '../../ui/Status.tsx';

export function TeachingPage() {
  const { t, dateTime } = useLocale();
  const session = useSession();
  const [from, setFrom] = useState(todayInKorea());
  const [page, setPage] = useState(1);
  const list = useApi<PageOf<TeachingSession>>(session.me ? `/me/teaching${query({ from, page, pageSize: 20 })}` : null);
  if (!session.ready) return null;
  if (!session.me) return <LoginPrompt />;
  return (
    <>
      <PageTitle title={t('instructors.teaching.title')} lead={t('instructors.teaching.lead')} />
      <p className="lc-actions">
        <a href="/api/me/teaching/calendar.ics" download>{t('instructors.teaching.calendar')}</a>
        <Link to="/me/instructor-profile">{t('instructors.teaching.toProfile')}</Link>
      </p>
      <div className="lc-form-row">
        <TextField label={t('instructors.teaching.from')} type="date" value={from} onChange={(e) => { if (e.target.value) { setFrom(e.target.value); setPage(1); } }} />
      </div>
      <Loaded state={list}>
        {(result) => result.items.length === 0 ? <p className="lc-notice">{t('instructors.teaching.none')}</p> : (
          <>
            <p className="lc-result-count">{t('instructors.teaching.count', { total: result.total })}</p>
            <div className="lc-table-wrap" tabIndex={0} role="region" aria-label={t('instructors.teaching.title')}>
              <table className="lc-table">
                <thead><tr>{(['when', 'program', 'place'] as const).map((c) => <th key={c} scope="col">{t(`instructors.teaching.${c}`)}</th>)}</tr></thead>
                <tbody>
                  {result.items.map((s) => (
                    <tr key={`${s.programId}-${s.sessionNo}`}>
                      <td className="lc-nowrap"><time dateTime={s.startsAt}>{dateTime(s.startsAt)}</time>–{s.endsAt.slice(11, 16)}</td>
                      <th scope="row">
                        <Link to={`/programs/${s.programId}`}>{s.title}</Link>
                        <div className="lc-meta">{t('instructors.teaching.session', { no: s.sessionNo, count: s.sessionCount })}</div>
                      </th>
                      <td>{s.place ?? t('instructors.teaching.online')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={result.page} pageSize={result.pageSize} total={result.total} onChange={setPage} />
          </>
        )}
      </Loaded>
    </>
  );
}
