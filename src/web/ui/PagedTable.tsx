import { useState, type ReactNode } from 'react';
import type { PageOf } from '../../shared/contracts/common.ts';
import { query, useApi } from '../api/client.ts';
import { Pagination } from './Pagination.tsx';
import { Loaded } from './Status.tsx';

const PAGE_SIZE = 20;

/** A section that lists one page at a time in a table: heading, the table (scrollable, named by the heading), pages. */
export function PagedTable<T>({ path, title, lead, none, count, columns, row }: {
  path: string;
  title: string;
  lead?: string;
  /** What to say when there is nothing (else an empty table). */
  none?: string;
  count?(total: number): string;
  columns: ReactNode[];
  row(item: T): ReactNode;
}) {
  const [page, setPage] = useState(1);
  const list = useApi<PageOf<T>>(`${path}${query({ page, pageSize: PAGE_SIZE })}`);
  return (
    <section>
      <h2 className="lc-section-title">{title}</h2>
      {lead && <p className="lc-meta">{lead}</p>}
      <Loaded state={list}>
        {(result) => result.items.length === 0 && none ? <p className="lc-notice">{none}</p> : (
          <>
            {count && <p className="lc-result-count">{count(result.total)}</p>}
            <div className="lc-table-wrap" tabIndex={0} role="region" aria-label={title}>
              <table className="lc-table">
                <thead><tr>{columns.map((column, i) => <th key={i} scope="col">{column}</th>)}</tr></thead>
                <tbody>{result.items.map(row)}</tbody>
              </table>
            </div>
            <Pagination page={result.page} pageSize={result.pageSize} total={result.total} onChange={setPage} />
          </>
        )}
      </Loaded>
    </section>
  );
}

