/** My learning's list of the proposals I made or support, each with where it stands, and the way to my city's proposals. */
import { useState } from 'react';
import { Link } from 'react-router';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { MyProposal } from '../../../shared/contracts/proposals.ts';
import { useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { useSession } from '../../shells/session.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded } from '../../ui/Status.tsx';
import { ProposalCard } from './ProposalCard.tsx';

export function MyProposalsSection() {
  const { t } = useLocale();
  const { me } = useSession();
  const [page, setPage] = useState(1);
  const mine = useApi<PageOf<MyProposal>>(`/me/proposals?page=${page}&pageSize=10`);
  return (
    <section aria-labelledby="my-proposals" className="lc-section">
      <h2 id="my-proposals" className="lc-section-title">{t('proposals.mineTitle')}</h2>
      <Loaded state={mine}>
        {(data) => (
          <>
            {data.items.length === 0
              ? <p>{t('proposals.mineNone')}</p>
              : <ul className="lc-cards lc-plain-list">{data.items.map((p) => <ProposalCard key={p.id} proposal={p} threshold={p.threshold} mine={p.mine} />)}</ul>}
            <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} />
          </>
        )}
      </Loaded>
      {me?.homeCityCode && <p><Link to={`/cities/${me.homeCityCode}/proposals`}>{t('proposals.mineToCity')}</Link></p>}
    </section>
  );
}
