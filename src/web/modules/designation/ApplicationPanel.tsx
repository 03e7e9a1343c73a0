/**
 * The city console's designation tab: this year's call and whether the city may apply, the city's applications,
 * and the open one: the form while the city may still change it (a draft before the submission deadline, or a
 * returned one before the endorsement deadline, with the province's reason on top), else the application as handed in.
 */
import { Link, useSearchParams } from 'react-router';
import { useState } from 'react';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { ApplicationSummary, ApplicationView, OpenCall } from '../../../shared/contracts/designation-applications.ts';
import { koreanTime } from '../../../shared/messages/designation-application.ts';
import { applicationStatuses, callPhases } from '../../../shared/vocabulary/index.ts';
import { api, ApiError, query, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { useSession } from '../../shells/session.tsx';
import { ConfirmAction } from '../../ui/ConfirmAction.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded } from '../../ui/Status.tsx';
import type { ConsolePanelProps } from '../city-console/console-tabs.ts';
import { ApplicationDocument } from './ApplicationDocument.tsx';
import { ApplicationEditor } from './ApplicationEditor.tsx';

function OpenCallCard({ cityCode, open, canEdit, onStarted }: { cityCode: string; open: OpenCall; canEdit: boolean; onStarted(id: number): void }) {
  const { t, locale, label } = useLocale();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const call = open.call;
  if (!call) return <p className="lc-notice">{t('applications.noCall')}</p>;
  const title = locale === 'en' ? call.titleEn : call.titleKo;
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      onStarted((await api<ApplicationView>(`/cities/${cityCode}/designation/applications`, { method: 'POST', body: { callId: call.id } })).id);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="lc-card">
      <h3>{title} <span className="krds-badge bg-light-primary">{label(callPhases.get(call.phase))}</span></h3>
      <p>
        {call.phase === 'upcoming'
          ? t('applications.upcomingCall', { opens: koreanTime(call.opensAt)[locale] })
          : t('applications.openCall', { deadline: koreanTime(call.submissionDeadline)[locale] })}
      </p>
      {open.message && !open.applicationId && <p className={open.eligible ? 'lc-meta' : 'lc-notice'}>{open.message[locale]}</p>}
      <p className="lc-form-row">
        {canEdit && open.eligible && !open.applicationId && (
          <button type="button" className="krds-btn primary" disabled={busy} onClick={() => void start()}>{t('applications.start')}</button>
        )}
        <Link className="krds-btn tertiary" to={`/designation/calls/${call.year}`}>{t('applications.callPage')}</Link>
      </p>
      {canEdit && open.eligible && !open.applicationId && <p className="lc-hint">{t('applications.startHint')}</p>}
      {error && <p className="lc-notice error" role="alert">{error}</p>}
    </div>
  );
}

function OpenApplication({ id, onChanged }: { id: number; onChanged(): void }) {
  const { t, locale, dateTime, label } = useLocale();
  const application = useApi<ApplicationView>(`/designation/applications/${id}`);
  const [outcome, setOutcome] = useState<string | null>(null);
  const changed = () => {
    application.reload();
    onChanged();
  };
  const withdraw = async () => {
    try {
      await api(`/designation/applications/${id}/withdraw`, { method: 'POST', body: { reason: '' } });
      changed();
    } catch (e) {
      setOutcome(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Loaded state={application}>
      {(a) => (
        <section aria-labelledby="application-title">
          <h3 className="lc-group-title" id="application-title">
            {locale === 'en' ? a.call.titleEn : a.call.titleKo}{' '}
            <span className="krds-badge outline-secondary">{label(applicationStatuses.get(a.status))}</span>
            {a.provinceRank !== null && <> <span className="krds-badge bg-light-primary">{t('applications.rank', { rank: a.provinceRank })}</span></>}
          </h3>
          {a.status === 'returned' && a.returnReason && (
            <div className="lc-notice" role="note">
              <p><strong>{t('applications.returned')}</strong> <span className="lc-meta">{a.returnedAt ? t('applications.returnedOn', { when: dateTime(a.returnedAt) }) : ''}</span></p>
              <p style={{ whiteSpace: 'pre-line' }}>{a.returnReason}</p>
            </div>
          )}
          {a.actions.edit
            ? <ApplicationEditor key={`${a.id}:${a.version}:${a.status}`} application={a} onChanged={changed} />
            : (
              <>
                <ApplicationDocument application={a} />
                {a.actions.withdraw && (
                  <div className="lc-form-row">
                    <ConfirmAction label={t('applications.withdraw')} question={t('applications.withdrawQuestion')} yes={t('applications.yes')} no={t('applications.no')}
                      busy={false} onConfirm={(event) => { event.preventDefault(); void withdraw(); }} />
                  </div>
                )}
                {outcome && <p className="lc-notice error" role="alert">{outcome}</p>}
              </>
            )}
        </section>
      )}
    </Loaded>
  );
}

export default function ApplicationPanel({ cityCode }: ConsolePanelProps) {
  const { t, label, dateTime } = useLocale();
  const session = useSession();
  const canEdit = session.can('designation.application.edit', { cityCode });
  const [page, setPage] = useState(1);
  const [params, setParams] = useSearchParams();
  const open = useApi<OpenCall>(`/cities/${cityCode}/designation/open-call`);
  const list = useApi<PageOf<ApplicationSummary>>(`/cities/${cityCode}/designation/applications${query({ page, pageSize: 10 })}`);
  const chosen = Number(params.get('application')) || open.data?.applicationId || list.data?.items[0]?.id || null;
  const refresh = () => {
    open.reload();
    list.reload();
  };
  const choose = (id: number) => setParams((p) => { p.set('application', String(id)); return p; });

  return (
    <>
      <h2 className="lc-section-title">{t('applications.title')}</h2>
      <p>{t('applications.lead')}</p>
      <Loaded state={open}>
        {(o) => <OpenCallCard cityCode={cityCode} open={o} canEdit={canEdit} onStarted={(id) => { choose(id); refresh(); }} />}
      </Loaded>

      <h3 className="lc-group-title">{t('applications.ours')}</h3>
      <Loaded state={list}>
        {(result) => result.items.length === 0 ? <p className="lc-meta">{t('applications.none')}</p> : (
          <>
            <div className="lc-table-wrap" tabIndex={0} role="region" aria-label={t('applications.ours')}>
              <table className="lc-table">
                <thead>
                  <tr>
                    <th scope="col">{t('applications.columns.call')}</th>
                    <th scope="col">{t('applications.columns.status')}</th>
                    <th scope="col">{t('applications.columns.updatedAt')}</th>
                    <th scope="col"><span className="sr-only">{t('applications.open')}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">{t('applications.year', { year: a.callYear })}</th>
                      <td>{label(applicationStatuses.get(a.status))}{a.provinceRank !== null && ` · ${t('applications.rank', { rank: a.provinceRank })}`}</td>
                      <td>{dateTime(a.submittedAt ?? a.updatedAt)}</td>
                      <td>
                        {a.id === chosen ? <span className="lc-meta">{t('applications.opened')}</span> : (
                          <button type="button" className="krds-btn small secondary" onClick={() => choose(a.id)}>
                            {t('applications.open')}<span className="sr-only"> ({t('applications.year', { year: a.callYear })})</span>
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={result.page} pageSize={result.pageSize} total={result.total} onChange={setPage} />
          </>
        )}
      </Loaded>
      {chosen && <OpenApplication key={chosen} id={chosen} onChanged={refresh} />}
    </>
  );
}
