/** The ministry's grants: award one, find grants (a year, those awaiting a decision), open one to decide or adjust. */
import { useState } from 'react';
import { Link } from 'react-router';
import type { LearningCitySummary } from '../../../shared/contracts/cities.ts';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { GrantList, GrantView } from '../../../shared/contracts/grants.ts';
import { grantKindList, type GrantKind } from '../../../shared/vocabulary/index.ts';
import { api, query, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { useLocale } from '../../i18n/index.ts';
import { useSession } from '../../shells/session.tsx';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { ErrorNotice, Loaded, PageTitle } from '../../ui/Status.tsx';
import { cityName } from '../geography/places.ts';
import { GrantDetail } from './GrantDetail.tsx';
import { GrantsTable } from './GrantsTable.tsx';

export function GrantsPage() {
  const { t } = useLocale();
  const session = useSession();
  const field = useFieldLabels('grants');
  const [page, setPage] = useState(1);
  const [year, setYear] = useState('');
  const [awaiting, setAwaiting] = useState(false);
  const [open, setOpen] = useState<{ cityCode: string; id: number } | null>(null);
  const list = useApi<GrantList>(`/grants${query({ page, pageSize: 20, year: /^\d{4}$/.test(year) ? year : undefined, awaiting: awaiting || undefined })}`);
  if (session.ready && !session.can('grants.manage')) return <ErrorNotice error={{ message: '', status: session.me ? 403 : 401 }} />;
  return (
    <>
      <PageTitle title={t('grants.title')} lead={t('grants.lead')} />
      <p className="lc-actions"><Link to="/ministry/investment">{t('grants.investmentLink')} →</Link></p>
      <AwardForm onAwarded={(grant) => { list.reload(); setOpen({ cityCode: grant.cityCode, id: grant.id }); }} />
      <section aria-labelledby="grants-list">
        <h2 className="lc-section-title" id="grants-list">{t('grants.list')}</h2>
        <div className="lc-controls">
          <TextField label={field('year')} inputMode="numeric" maxLength={4} value={year} onChange={(e) => { setYear(e.target.value); setPage(1); }} />
          <div className="krds-form-check lc-inline-check">
            <input type="checkbox" id="grants-awaiting" checked={awaiting} onChange={(e) => { setAwaiting(e.target.checked); setPage(1); }} />
            <label htmlFor="grants-awaiting">{t('grants.awaitingOnly')}</label>
          </div>
        </div>
        <Loaded state={list}>
          {(data) => data.items.length === 0 ? <p className="lc-notice">{t('grants.noneAwarded')}</p> : (
            <>
              <GrantsTable grants={data.items} onOpen={(id) => setOpen({ cityCode: data.items.find((g) => g.id === id)!.cityCode, id })} />
              <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} />
            </>
          )}
        </Loaded>
      </section>
      {open && <GrantDetail key={open.id} cityCode={open.cityCode} id={open.id} onChanged={list.reload} />}
    </>
  );
}

function AwardForm({ onAwarded }: { onAwarded(grant: GrantView): void }) {
  const { t, label, locale } = useLocale();
  const field = useFieldLabels('grants');
  const cities = useApi<PageOf<LearningCitySummary>>(`/cities${query({ listing: 'learning', pageSize: 250 })}`);
  const blank = { cityCode: '', year: String(new Date().getFullYear()), kind: 'new_designation' as GrantKind, amount: '', conditions: '' };
  const [form, setForm] = useState(blank);
  const [members, setMembers] = useState<string[]>([]);
  const [candidate, setCandidate] = useState('');
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const consortium = form.kind === 'consortium';
  const send = useSubmission(async () => {
    const grant = await api<GrantView>('/grants', {
      method: 'POST',
      body: {
        cityCode: form.cityCode, year: Number(form.year), kind: form.kind, amount: Number(form.amount), conditions: form.conditions,
        ...(consortium ? { memberCityCodes: members } : {}),
      },
    });
    // A new, empty form: pressing 교부 again must not award the same grant twice.
    setForm({ ...blank, year: form.year });
    setMembers([]);
    onAwarded(grant);
  });
  // By name, as a person looks for one (the API lists them by code).
  const cityOptions = (cities.data?.items ?? []).map((c) => ({ value: c.code, label: cityName(c, locale) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  const nameOf = (code: string) => {
    const city = cities.data?.items.find((c) => c.code === code);
    return city ? cityName(city, locale) : code;
  };
  return (
    <form className="lc-form" onSubmit={send.onSubmit} aria-labelledby="award-title">
      <h2 className="lc-section-title" id="award-title">{t('grants.awardTitle')}</h2>
      <SelectField label={field('cityCode')} value={form.cityCode} required error={send.fieldError('cityCode')} onChange={set('cityCode')}
        options={[{ value: '', label: t('grants.chooseCity') }, ...cityOptions]} />
      <div className="lc-form-row">
        <TextField label={field('year')} inputMode="numeric" value={form.year} error={send.fieldError('year')} onChange={set('year')} />
        <SelectField label={field('kind')} value={form.kind} error={send.fieldError('kind')} onChange={set('kind')}
          options={grantKindList.map((k) => ({ value: k.code, label: label(k) }))} />
        <TextField label={field('amount')} inputMode="numeric" value={form.amount} error={send.fieldError('amount')}
          onChange={(e) => setForm({ ...form, amount: e.target.value.replace(/[^0-9]/g, '') })} />
      </div>
      {consortium && (
        <>
          {members.length > 0 && (
            <ul className="lc-plain-list" aria-label={t('grants.chosenMembers')}>
              {members.map((code) => (
                <li key={code}>
                  {nameOf(code)}{' '}
                  <button type="button" className="krds-btn tertiary small" onClick={() => setMembers(members.filter((m) => m !== code))}>
                    {t('grants.removeMember', { city: nameOf(code) })}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {/* Chosen, then added by the button: a drop-down's arrow keys change its value, and must not add each city passed. */}
          <div className="lc-form-row">
            <SelectField label={field('memberCityCodes')} hint={t('grants.membersHint')} value={candidate} error={send.fieldError('memberCityCodes')}
              onChange={(e) => setCandidate(e.target.value)}
              options={[{ value: '', label: t('grants.addMember') },
                ...cityOptions.filter((c) => c.value !== form.cityCode && !members.includes(c.value))]} />
            <div>
              <button type="button" className="krds-btn secondary" disabled={!candidate} onClick={() => { setMembers([...members, candidate]); setCandidate(''); }}>
                {t('grants.addMemberButton')}
              </button>
            </div>
          </div>
        </>
      )}
      <TextArea label={field('conditions')} value={form.conditions} rows={2} maxLength={2000} error={send.fieldError('conditions')} onChange={set('conditions')} />
      <FormStatus error={send.formError(['cityCode', 'year', 'kind', 'amount', 'conditions', 'memberCityCodes'])} />
      {send.done && <p className="lc-notice success" role="status">{t('grants.awardedDone')}</p>}
      <div><button type="submit" className="krds-btn primary" disabled={send.busy || !form.cityCode}>{t('grants.award')}</button></div>
    </form>
  );
}
