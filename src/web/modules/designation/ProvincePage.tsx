/**
 * The province officer's desk (시·도 추천): for a call, the municipalities' submitted applications; each can be read,
 * endorsed (with an optional note) or returned with a reason the city acts on; the endorsed ones are put in order
 * with up/down buttons and the order saved. All until the call's endorsement deadline.
 */
import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { ApplicationSummary, ApplicationView, ProvinceCall } from '../../../shared/contracts/designation-applications.ts';
import type { Province } from '../../../shared/contracts/geography.ts';
import { koreanTime } from '../../../shared/messages/designation-application.ts';
import { applicationStatuses, callPhases } from '../../../shared/vocabulary/index.ts';
import { api, ApiError, query, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { ConfirmAction } from '../../ui/ConfirmAction.tsx';
import { SelectField, TextArea } from '../../ui/Field.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded, PageTitle } from '../../ui/Status.tsx';
import { ApplicationDocument } from './ApplicationDocument.tsx';

/** A refusal in the server's words, or what was done (an i18n key, so it follows a change of language). */
type Outcome = { error?: string; done?: 'endorsed' | 'returnedDone' | 'rankingSaved' };
const cityOf = (a: { cityNameKo: string; cityNameEn: string }, locale: 'ko' | 'en') => (locale === 'en' ? a.cityNameEn : a.cityNameKo);

/** One application opened for reading, with the province's two decisions under it. */
function Decision({ id, onDecided, onClose }: { id: number; onDecided(): void; onClose(): void }) {
  const { t, locale } = useLocale();
  const application = useApi<ApplicationView>(`/designation/applications/${id}`);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({});
  const act = async (action: 'endorse' | 'return', body: { reason: string }, done: NonNullable<Outcome['done']>) => {
    setBusy(true);
    setOutcome({});
    try {
      await api(`/designation/applications/${id}/${action}`, { method: 'POST', body });
      setOutcome({ done });
      application.reload();
      onDecided();
    } catch (e) {
      setOutcome({ error: e instanceof ApiError ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Loaded state={application}>
      {(a) => (
        <section className="lc-panel" aria-labelledby="decision-title">
          <h2 className="lc-section-title" id="decision-title">{t('applications.province.detail', { city: cityOf(a, locale) })}</h2>
          <p><button type="button" className="krds-btn small tertiary" onClick={onClose}>{t('applications.province.close')}</button></p>
          <ApplicationDocument application={a} />
          {a.actions.endorse && (
            <>
              <h3 className="lc-group-title">{t('applications.province.endorse')}</h3>
              <TextArea label={t('applications.province.endorseNote')} value={note} maxLength={2000} rows={2} onChange={(e) => setNote(e.target.value)} />
              <ConfirmAction label={t('applications.province.endorse')} question={t('applications.province.endorseQuestion', { city: cityOf(a, locale) })}
                yes={t('applications.yes')} no={t('applications.no')} busy={busy}
                onConfirm={(event) => { event.preventDefault(); void act('endorse', { reason: note }, 'endorsed'); }} />

              <h3 className="lc-group-title">{t('applications.province.returnTitle')}</h3>
              <form className="lc-form" onSubmit={(event) => { event.preventDefault(); void act('return', { reason }, 'returnedDone'); }}>
                <TextArea label={t('applications.province.returnReason')} value={reason} minLength={5} maxLength={2000} required rows={4}
                  onChange={(e) => setReason(e.target.value)} />
                <button type="submit" className="krds-btn secondary" disabled={busy || reason.trim().length < 5}>{t('applications.province.returnSend')}</button>
              </form>
            </>
          )}
          {outcome.error && <p className="lc-notice error" role="alert">{outcome.error}</p>}
          {outcome.done && <p className="lc-notice success" role="status">{t(`applications.province.${outcome.done}`)}</p>}
        </section>
      )}
    </Loaded>
  );
}

/** The endorsed applications in order; moved with buttons (no dragging needed), saved together. */
function Ranking({ provinceCode, call, endorsed, onSaved }: { provinceCode: string; call: ProvinceCall; endorsed: ApplicationSummary[]; onSaved(): void }) {
  const { t, locale } = useLocale();
  const [order, setOrder] = useState(endorsed);
  const [outcome, setOutcome] = useState<Outcome>({});
  useEffect(() => setOrder(endorsed), [endorsed]);
  const move = (from: number, to: number) => setOrder((list) => {
    const next = [...list];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    return next;
  });
  const save = async () => {
    setOutcome({});
    try {
      await api(`/designation/provinces/${provinceCode}/calls/${call.id}/ranking`, { method: 'PUT', body: { applicationIds: order.map((a) => a.id) } });
      setOutcome({ done: 'rankingSaved' });
      onSaved();
    } catch (e) {
      setOutcome({ error: e instanceof ApiError ? e.message : String(e) });
    }
  };
  const open = call.phase === 'open' || call.phase === 'endorsement' || call.phase === 'upcoming';
  return (
    <section aria-labelledby="ranking-title">
      <h2 className="lc-section-title" id="ranking-title">{t('applications.province.ranking')}</h2>
      <p>{t('applications.province.rankingLead')}</p>
      <ol className="lc-history">
        {order.map((a, i) => (
          <li key={a.id}>
            <span className="lc-row-actions">
              <strong>{cityOf(a, locale)}</strong>
              {open && (
                <>
                  <button type="button" className="krds-btn small tertiary" disabled={i === 0} onClick={() => move(i, i - 1)}>
                    ↑<span className="sr-only">{t('applications.province.up', { city: cityOf(a, locale) })}</span>
                  </button>
                  <button type="button" className="krds-btn small tertiary" disabled={i === order.length - 1} onClick={() => move(i, i + 1)}>
                    ↓<span className="sr-only">{t('applications.province.down', { city: cityOf(a, locale) })}</span>
                  </button>
                </>
              )}
            </span>
          </li>
        ))}
      </ol>
      {open && order.length > 1 && <button type="button" className="krds-btn primary" onClick={() => void save()}>{t('applications.province.saveRanking')}</button>}
      {outcome.error && <p className="lc-notice error" role="alert">{outcome.error}</p>}
      {outcome.done && <p className="lc-notice success" role="status">{t(`applications.province.${outcome.done}`)}</p>}
    </section>
  );
}

function CallApplications({ provinceCode, call, onChanged }: { provinceCode: string; call: ProvinceCall; onChanged(): void }) {
  const { t, label, locale, dateTime } = useLocale();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const list = useApi<PageOf<ApplicationSummary>>(`/designation/provinces/${provinceCode}/applications${query({ callId: call.id, page, pageSize: 20 })}`);
  const endorsed = useApi<PageOf<ApplicationSummary>>(`/designation/provinces/${provinceCode}/applications${query({ callId: call.id, status: 'endorsed', pageSize: 100 })}`);
  const opened = Number(params.get('application')) || null;
  const open = (id: number | null) => setParams((p) => {
    if (id) p.set('application', String(id));
    else p.delete('application');
    return p;
  });
  const changed = () => {
    list.reload();
    endorsed.reload();
    onChanged();
  };
  return (
    <>
      <p className="lc-meta">{t('applications.province.counts', call)}</p>
      <p className="lc-meta">{t('applications.province.deadline', { deadline: koreanTime(call.endorsementDeadline)[locale] })}</p>
      <h2 className="lc-section-title">{t('applications.province.applications')}</h2>
      <Loaded state={list}>
        {(result) => result.items.length === 0 ? <p className="lc-notice">{t('applications.province.none')}</p> : (
          <>
            <div className="lc-table-wrap" tabIndex={0} role="region" aria-label={t('applications.province.applications')}>
              <table className="lc-table">
                <thead>
                  <tr>
                    <th scope="col">{t('applications.columns.city')}</th>
                    <th scope="col">{t('applications.columns.status')}</th>
                    <th scope="col">{t('applications.columns.submittedAt')}</th>
                    <th scope="col"><span className="sr-only">{t('applications.open')}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">{cityOf(a, locale)}</th>
                      <td>{label(applicationStatuses.get(a.status))}{a.provinceRank !== null && ` · ${t('applications.rank', { rank: a.provinceRank })}`}</td>
                      <td>{a.submittedAt ? dateTime(a.submittedAt) : '—'}</td>
                      <td>
                        <button type="button" className="krds-btn small secondary" aria-pressed={opened === a.id} onClick={() => open(a.id)}>
                          {t('applications.open')}<span className="sr-only"> ({cityOf(a, locale)})</span>
                        </button>
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
      {opened && <Decision key={opened} id={opened} onDecided={changed} onClose={() => open(null)} />}
      {endorsed.data && endorsed.data.items.length > 0 && (
        <Ranking provinceCode={provinceCode} call={call} endorsed={endorsed.data.items} onSaved={changed} />
      )}
    </>
  );
}

export function ProvincePage() {
  const { provinceCode = '' } = useParams();
  const { t, label, locale } = useLocale();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const allowed = session.can('designation.application.view', { provinceCode });
  const calls = useApi<PageOf<ProvinceCall>>(allowed ? `/designation/provinces/${provinceCode}/calls?pageSize=20` : null);
  const provinces = useApi<PageOf<Province>>('/geography/provinces?pageSize=20');
  const province = provinces.data?.items.find((p) => p.code === provinceCode);
  if (!session.ready) return null;
  if (!session.me) return <LoginPrompt />;
  if (!allowed) return <p className="lc-notice">{t('applications.province.notAllowed')}</p>;
  return (
    <>
      <PageTitle title={t('applications.province.title', { province: province ? (locale === 'en' ? province.nameEn : province.nameKo) : provinceCode })}
        lead={t('applications.province.lead')} />
      <Loaded state={calls}>
        {(result) => {
          if (result.items.length === 0) return <p className="lc-notice">{t('applications.province.noCalls')}</p>;
          const chosen = result.items.find((c) => c.id === Number(params.get('call'))) ?? result.items[0]!;
          return (
            <>
              <div className="lc-controls">
                <SelectField label={t('applications.province.call')} value={String(chosen.id)}
                  onChange={(e) => setParams(() => new URLSearchParams({ call: e.target.value }))}
                  options={result.items.map((c) => ({ value: String(c.id), label: `${t('applications.year', { year: c.year })} · ${label(callPhases.get(c.phase))}` }))} />
              </div>
              <CallApplications key={chosen.id} provinceCode={provinceCode} call={chosen} onChanged={calls.reload} />
            </>
          );
        }}
      </Loaded>
    </>
  );
}
