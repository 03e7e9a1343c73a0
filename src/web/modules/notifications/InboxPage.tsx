/**
 * The inbox: what waits for the person and news of decisions, newest first, in the language they read now
 * (each notification was written in both). Opening one marks it read; the header's count follows.
 */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Inbox, NotificationView } from '../../../shared/contracts/notifications.ts';
import { api, query, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded, PageTitle } from '../../ui/Status.tsx';
import { announceInboxChanged } from './unread.ts';

const PAGE_SIZE = 20;

export function InboxPage() {
  const { t, locale, dateTime } = useLocale();
  const session = useSession();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const inbox = useApi<Inbox>(session.me ? `/me/notifications${query({ page, pageSize: PAGE_SIZE, unread: unreadOnly || undefined })}` : null);
  const [error, setError] = useState<string | null>(null);

  if (session.ready && !session.me) return <LoginPrompt />;

  const markRead = async (ids: number[] | 'all') => {
    setError(null);
    try {
      await api('/me/notifications/read', { method: 'POST', body: { ids } });
      announceInboxChanged();
      inbox.reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const open = async (item: NotificationView) => {
    if (!item.readAt) await markRead([item.id]);
    if (item.link) void navigate(item.link);
  };

  return (
    <>
      <PageTitle title={t('inbox.title')} lead={t('inbox.lead')} />
      <div className="lc-controls">
        <ChoiceGroup legend={t('inbox.show')} type="radio" inline options={[{ value: 'all', label: t('inbox.all') }, { value: 'unread', label: t('inbox.unreadOnly') }]}
          selected={[unreadOnly ? 'unread' : 'all']} onChange={(value) => { setUnreadOnly(value === 'unread'); setPage(1); }} />
      </div>
      <Loaded state={inbox}>
        {(box) => (
          <>
            <div className="lc-results-head">
              <p className="lc-result-count" role="status">{t('inbox.summary', { unread: box.unread, total: box.total })}</p>
              <button type="button" className="krds-btn small secondary" disabled={box.unread === 0} onClick={() => void markRead('all')}>{t('inbox.markAll')}</button>
            </div>
            {error && <p className="lc-notice error" role="alert">{error}</p>}
            {box.items.length === 0 ? <p>{unreadOnly ? t('inbox.noneUnread') : t('inbox.none')}</p> : (
              <ul className="lc-plain-list lc-record-list">
                {box.items.map((item) => {
                  const title = locale === 'en' ? item.titleEn : item.titleKo;
                  const body = locale === 'en' ? item.bodyEn : item.bodyKo;
                  return (
                    <li key={item.id} className="lc-card">
                      <h2 className="lc-subtitle">
                        {!item.readAt && <span className="krds-badge bg-primary">{t('inbox.new')}</span>}{' '}
                        {item.link ? <a href={item.link} onClick={(e) => { e.preventDefault(); void open(item); }}>{title}</a> : title}
                      </h2>
                      {body && <p style={{ whiteSpace: 'pre-line' }}>{body}</p>}
                      <p className="lc-meta">
                        <time dateTime={item.createdAt}>{dateTime(item.createdAt)}</time>
                        {!item.readAt && (
                          <>
                            {' · '}
                            <button type="button" className="krds-btn small tertiary" onClick={() => void markRead([item.id])}>
                              {t('inbox.markRead')}<span className="sr-only"> ({title})</span>
                            </button>
                          </>
                        )}
                      </p>
                    </li>
                  );
                })}
              </ul>
            )}
            <Pagination page={box.page} pageSize={box.pageSize} total={box.total} onChange={setPage} />
          </>
        )}
      </Loaded>
    </>
  );
}
