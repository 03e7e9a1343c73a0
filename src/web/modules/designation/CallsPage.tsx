/** The yearly calls, newest first: public; the ministry also sees calls it is preparing and starts new ones. */
import { useState } from 'react';
import { Link } from 'react-router';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { CallSummary } from '../../../shared/contracts/designation-calls.ts';
import { callPhases, callStatuses } from '../../../shared/vocabulary/index.ts';
import { query, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { useSession } from '../../shells/session.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded, PageTitle } from '../../ui/Status.tsx';

export function CallsPage() {
  const { t, label, locale, number, date } = useLocale();
  const session = useSession();
  const manages = session.can('designation.call.manage');
  const [page, setPage] = useState(1);
  const calls = useApi<PageOf<CallSummary>>(`/designation/calls${query({ page })}`);
  return (
    <>
      <PageTitle title={t('calls.title')} lead={t('calls.lead')} />
      {manages && (
        <p className="lc-actions">
          <Link className="krds-btn primary" to="/designation/calls/new">{t('calls.newCall')}</Link>
          <Link className="krds-btn secondary" to="/designation/experts">{t('calls.experts')}</Link>
          <Link className="krds-btn secondary" to="/designation/consulting">{t('consulting.title')}</Link>
          <Link className="krds-btn secondary" to="/designation/log">{t('designation-log.title')}</Link>
        </p>
      )}
      <Loaded state={calls}>
        {(result) => result.items.length === 0 ? <p className="lc-notice">{t('calls.none')}</p> : (
          <>
            <div className="lc-table-wrap" tabIndex={0} role="region" aria-label={t('calls.title')}>
              <table className="lc-table">
                <caption className="sr-only">{t('calls.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('calls.call')}</th>
                    <th scope="col">{t('calls.phase')}</th>
                    <th scope="col">{t('calls.period')}</th>
                    <th scope="col" className="num">{t('calls.quota')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((call) => (
                    <tr key={call.id}>
                      <th scope="row">
                        <Link to={`/designation/calls/${call.year}`}>{locale === 'en' ? call.titleEn : call.titleKo}</Link>
                        {call.status === 'draft' && <> <span className="krds-badge outline-secondary">{label(callStatuses.get('draft'))}</span></>}
                      </th>
                      <td>{call.status === 'draft' ? '—' : label(callPhases.get(call.phase))}</td>
                      <td><span className="lc-nowrap">{date(call.opensAt)}</span> ~ <span className="lc-nowrap">{date(call.submissionDeadline)}</span></td>
                      <td className="num">{t('calls.quotaValue', { count: number(call.quota) })}</td>
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
