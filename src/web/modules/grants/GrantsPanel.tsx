/** The city console's grants tab: the city's grants with their balances; one opened below with its reports and ledger. */
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { GrantList } from '../../../shared/contracts/grants.ts';
import { query, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded } from '../../ui/Status.tsx';
import type { ConsolePanelProps } from '../city-console/console-tabs.ts';
import { GrantDetail } from './GrantDetail.tsx';
import { GrantsTable } from './GrantsTable.tsx';

export default function GrantsPanel({ cityCode }: ConsolePanelProps) {
  const { t } = useLocale();
  const [page, setPage] = useState(1);
  // A notification links to one grant (?grant=): it opens below the list.
  const [params] = useSearchParams();
  const [open, setOpen] = useState<number | null>(Number(params.get('grant')) || null);
  const list = useApi<GrantList>(`/cities/${cityCode}/grants${query({ page, pageSize: 10 })}`);
  return (
    <section aria-labelledby="grants-title">
      <h2 className="lc-section-title" id="grants-title">{t('grants.panelTitle')}</h2>
      <p className="lc-lead">{t('grants.panelLead')}</p>
      <Loaded state={list}>
        {(data) => data.items.length === 0 ? <p className="lc-notice">{t('grants.none')}</p> : (
          <>
            <GrantsTable grants={data.items} onOpen={setOpen} viewer={cityCode} />
            <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} />
          </>
        )}
      </Loaded>
      {open !== null && <GrantDetail key={open} cityCode={cityCode} id={open} onChanged={list.reload} />}
    </section>
  );
}
