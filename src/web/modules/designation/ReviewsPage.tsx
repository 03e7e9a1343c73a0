/**
 * Reviews: a reviewer's assignments (what is still to do first), and for the ministry the calls whose review
 * tables it works in. Whoever is neither is told so.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { CallSummary } from '../../../shared/contracts/designation-calls.ts';
import type { AssignmentSummary } from '../../../shared/contracts/designation-review.ts';
import { callPhases } from '../../../shared/vocabulary/index.ts';
import { query, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded, PageTitle } from '../../ui/Status.tsx';

export const cityNameOf = (a: { cityNameKo: string; cityNameEn: string }, locale: 'ko' | 'en') => (locale === 'en' ? a.cityNameEn : a.cityNameKo);
/** A score as reviewers write it: one decimal at most. */
export const scoreText = (value: number | null) => (value === null ? '—' : String(Math.round(value * 100) / 100));

function MyAssignments() {
  const { t, locale, date } = useLocale();
  const [page, setPage] = useState(1);
  const list = useApi<PageOf<AssignmentSummary>>(`/designation/reviews${query({ page })}`);
  return (
    <section aria-labelledby="mine-title">
      <h2 className="lc-section-title" id="mine-title">{t('review.mine.title')}</h2>
      <p>{t('review.mine.lead')}</p>
      <Loaded state={list}>
        {(result) => result.items.length === 0 ? <p className="lc-notice">{t('review.mine.none')}</p> : (
          <>
            <div className="lc-table-wrap" tabIndex={0} role="region" aria-label={t('review.mine.title')}>
              <table className="lc-table">
                <thead>
                  <tr>
                    {(['city', 'call', 'state', 'progress', 'total', 'period'] as const).map((c) => (
                      <th key={c} scope="col" className={c === 'progress' || c === 'total' ? 'num' : undefined}>{t(`review.mine.columns.${c}`)}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((a) => (
                    <tr key={a.id}>
                      <th scope="row"><Link to={`/designation/reviews/${a.id}`}>{cityNameOf(a, locale)}</Link></th>
                      <td>{t('review.mine.callYear', { year: a.callYear })}</td>
                      <td>{t(`review.states.${a.state}`)}</td>
                      <td className="num">{t('review.mine.progress', { scored: a.scoredItems, total: a.totalItems })}</td>
                      <td className="num">{scoreText(a.total)}</td>
                      <td><span className="lc-nowrap">{date(a.reviewStartsOn)}</span> ~ <span className="lc-nowrap">{date(a.reviewEndsOn)}</span></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={result.page} pageSize={result.pageSize} total={result.total} onChange={setPage} />
          </>
        )}
      </Loaded>
    </section>
  );
}

function CallsUnderReview() {
  const { t, label } = useLocale();
  const [page, setPage] = useState(1);
  const calls = useApi<PageOf<CallSummary>>(`/designation/calls${query({ page })}`);
  return (
    <section aria-labelledby="desk-title">
      <h2 className="lc-section-title" id="desk-title">{t('review.desk.title')}</h2>
      <p>{t('review.desk.lead')}</p>
      <Loaded state={calls}>
        {(result) => {
          const published = result.items.filter((c) => c.status !== 'draft');
          return published.length === 0 ? <p className="lc-notice">{t('review.desk.none')}</p> : (
            <>
              <ul className="lc-plain-list">
                {published.map((c) => (
                  <li key={c.id}>
                    <Link to={`/designation/calls/${c.year}/review`}>{t('review.desk.open', { year: c.year })}</Link>
                    <span className="lc-meta"> · {label(callPhases.get(c.phase))}</span>
                  </li>
                ))}
              </ul>
              <Pagination page={result.page} pageSize={result.pageSize} total={result.total} onChange={setPage} />
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

export function ReviewsPage() {
  const { t } = useLocale();
  const session = useSession();
  if (!session.ready) return null;
  if (!session.me) return <LoginPrompt />;
  const reviews = session.can('designation.review.score', { assigned: true });
  const desk = session.can('designation.review.view');
  if (!reviews && !desk) return <p className="lc-notice">{t('review.notAllowed')}</p>;
  return (
    <>
      <PageTitle title={t('nav.reviews')} />
      {reviews && <MyAssignments />}
      {desk && <CallsUnderReview />}
    </>
  );
}
