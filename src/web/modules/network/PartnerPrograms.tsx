/** On an institution's public page: the open programs it runs with partners or co-runs for one (nothing when there are none). */
import { useState } from 'react';
import { Link } from 'react-router';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { JointProgram } from '../../../shared/contracts/network.ts';
import { query, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { Pagination } from '../../ui/Pagination.tsx';

export function PartnerPrograms({ institutionId }: { institutionId: number }) {
  const { t } = useLocale();
  const [page, setPage] = useState(1);
  const list = useApi<PageOf<JointProgram>>(`/institutions/${institutionId}/partner-programs${query({ page, pageSize: 10 })}`);
  if (!list.data || list.data.total === 0) return null;
  return (
    <section aria-labelledby="partner-programs-title">
      <h2 className="lc-section-title" id="partner-programs-title">{t('network.joint.public')}</h2>
      <ul>
        {list.data.items.map((p) => (
          <li key={p.programId}>
            <Link to={`/programs/${p.programId}`}>{p.title}</Link> — {p.institutionName}, {t('network.joint.with', { partners: p.partners.map((x) => x.name).join(', ') })}
          </li>
        ))}
      </ul>
      <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onChange={setPage} />
    </section>
  );
}
