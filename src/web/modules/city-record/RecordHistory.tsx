/** Who changed what in the city's record, and how it was before: the history behind every form. */
import { useState } from 'react';
import type { RecordChange } from '../../../shared/contracts/city-record.ts';
import type { PageOf } from '../../../shared/contracts/common.ts';
import { query, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded } from '../../ui/Status.tsx';

const shown = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : Array.isArray(value) ? value.join(', ') : String(value));

/** Remount it (a new `key`) after a change to show the change. */
export function RecordHistory({ cityCode }: { cityCode: string }) {
  const { t, dateTime } = useLocale();
  const [page, setPage] = useState(1);
  const changes = useApi<PageOf<RecordChange>>(`/cities/${cityCode}/record/changes${query({ page, pageSize: 10 })}`);
  const fieldLabel = (entity: string, field: string) => {
    const key = entity === 'year' ? `city-record.fields.${field}` : `city-record.${entity}Fields.${field}`;
    const text = t(key);
    return text === key ? field : text;
  };
  return (
    <section>
      <h3 className="lc-section-title">{t('city-record.history')}</h3>
      <Loaded state={changes}>
        {(data) => data.items.length === 0 ? <p>{t('city-record.noHistory')}</p> : (
          <>
            <ol className="lc-history">
              {data.items.map((change) => (
                <li key={change.id}>
                  <strong>{dateTime(change.changedAt)}</strong> · {change.changedByName ?? '—'} · {t(`city-record.entities.${change.entity}`)}{' '}
                  {change.entity === 'year' ? change.entityKey : `#${change.entityKey}`} {t(`city-record.actions.${change.action}`)}
                  {change.action !== 'delete' && change.action !== 'create' && change.changes.length > 0 && (
                    <ul>
                      {change.changes.map((c) => (
                        <li key={c.field}>{t('city-record.changedField', { field: fieldLabel(change.entity, c.field), before: shown(c.before), after: shown(c.after) })}</li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
            <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} />
          </>
        )}
      </Loaded>
    </section>
  );
}
