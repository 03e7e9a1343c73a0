/** The programs a profile taught, a page at a time, with residents' satisfaction where enough answered. */
import { useState } from 'react';
import { Link } from 'react-router';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { TaughtProgram } from '../../../shared/contracts/instructors.ts';
import { query, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded } from '../../ui/Status.tsx';

export function TaughtPrograms({ path, title }: { path: string; title: string }) {
  const { t, date, locale } = useLocale();
  const [page, setPage] = useState(1);
  const list = useApi<PageOf<TaughtProgram>>(`${path}${query({ page, pageSize: 10 })}`);
  return (
    <section>
      <h2 className="lc-section-title">{title}</h2>
      <Loaded state={list}>
        {(result) => result.items.length === 0 ? <p className="lc-notice">{t('instructors.profile.historyNone')}</p> : (
          <>
            <div className="lc-table-wrap" tabIndex={0} role="region" aria-label={title}>
              <table className="lc-table">
                <thead><tr>{(['program', 'institution', 'period', 'satisfaction'] as const).map((c) => <th key={c} scope="col">{t(`instructors.history.${c}`)}</th>)}</tr></thead>
                <tbody>
                  {result.items.map((p) => (
                    <tr key={p.programId}>
                      <th scope="row"><Link to={`/programs/${p.programId}`}>{p.title}</Link></th>
                      <td>{p.institutionName}<div className="lc-meta">{locale === 'en' ? p.cityNameEn : p.cityNameKo}</div></td>
                      <td className="lc-nowrap">{date(p.startsOn)} – {date(p.endsOn)}</td>
                      <td>{p.satisfaction.averages
                        ? t('instructors.history.overall', { overall: p.satisfaction.averages.overall, instructor: p.satisfaction.averages.instructor, responses: p.satisfaction.responses })
                        : t('instructors.history.notEnough', { responses: p.satisfaction.responses, minimum: p.satisfaction.minimumShown })}</td>
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
