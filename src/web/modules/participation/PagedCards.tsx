/** A page of cards with its pager, or a line saying there are none: the lists of study groups and of volunteers. */
import type { ReactNode } from 'react';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { Loaded as LoadedState } from '../../api/client.ts';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded } from '../../ui/Status.tsx';

export function PagedCards<T extends { id: number }>({ state, none, onPage, card }: {
  state: LoadedState<PageOf<T>>;
  none: string;
  onPage(page: number): void;
  card(item: T): ReactNode;
}) {
  return (
    <Loaded state={state}>
      {(data) => data.items.length === 0 ? <p>{none}</p> : (
        <>
          <ul className="lc-cards lc-plain-list">{data.items.map((item) => <li key={item.id} className="lc-card">{card(item)}</li>)}</ul>
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={onPage} />
        </>
      )}
    </Loaded>
  );
}
