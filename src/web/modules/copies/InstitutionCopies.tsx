/** On an institution's page, for its staff and those who oversee it: its programs that nearly repeat other institutions' listings. */
import { useState } from 'react';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { CopyPair } from '../../../shared/contracts/copies.ts';
import type { InstitutionDetail } from '../../../shared/contracts/institutions.ts';
import { query, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded } from '../../ui/Status.tsx';
import { PairItem } from './ListingCard.tsx';

const PAIRS_PER_PAGE = 5;

export function InstitutionCopies({ institution }: { institution: InstitutionDetail }) {
  const { t, number } = useLocale();
  const [page, setPage] = useState(1);
  const pairs = useApi<PageOf<CopyPair>>(`/institutions/${institution.id}/copies${query({ page, pageSize: PAIRS_PER_PAGE })}`);
  return (
    <section aria-labelledby="institution-copies-title">
      <h2 className="lc-section-title" id="institution-copies-title">{t('copies.institutionTitle')}</h2>
      <p className="lc-hint">{t('copies.institutionLead')}</p>
      <Loaded state={pairs}>
        {(result) => (
          <>
            <p role="status"><strong>{t('copies.pairsCount', { total: number(result.total) })}</strong></p>
            {result.items.length === 0 ? <p className="lc-notice">{t('copies.institutionNone')}</p> : (
              <ol className="lc-pairs">
                {result.items.map((pair) => <PairItem key={`${pair.ours.programId}:${pair.theirs.programId}`} pair={pair} owner={institution.name} />)}
              </ol>
            )}
            <Pagination page={result.page} pageSize={result.pageSize} total={result.total} onChange={setPage} />
          </>
        )}
      </Loaded>
    </section>
  );
}
