/**
 * The funder's officers' page for a year's voucher programme: set it up, confirm or reject applications, draw,
 * issue, and statistics per city and group. The same for the national programme (/ministry/vouchers) and a city's
 * own (the city console's tab).
 */
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { VoucherApplication, VoucherDrawSummary, VoucherIssueSummary, VoucherProgramme, VoucherStatsRow } from '../../../shared/contracts/vouchers.ts';
import { addDays } from '../../../shared/lib/schedule.ts';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import { voucherApplicationStatuses, voucherGroupList, voucherGroups, type VoucherGroup } from '../../../shared/vocabulary/index.ts';
import { api, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { useLocale } from '../../i18n/index.ts';
import { useSession } from '../../shells/session.tsx';
import type { ConsolePanelProps } from '../city-console/console-tabs.ts';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { PagedTable } from '../../ui/PagedTable.tsx';
import { ErrorNotice, PageTitle } from '../../ui/Status.tsx';
import { programmePath, useWonText } from './MyVouchersSection.tsx';

type Form = {
  title: string; budget: string; amountPerPerson: string; minAge: string; incomeMedianPercent: string;
  eligibleGroups: VoucherGroup[]; priorityGroups: VoucherGroup[]; applicationsCloseOn: string; expiresOn: string;
};

function formOf(p: VoucherProgramme | undefined, year: number): Form {
  const today = todayInKorea();
  return p ? {
    title: p.title, budget: String(p.budget), amountPerPerson: String(p.amountPerPerson), minAge: String(p.minAge), incomeMedianPercent: String(p.incomeMedianPercent),
    eligibleGroups: p.eligibleGroups, priorityGroups: p.priorityGroups, applicationsCloseOn: p.applicationsCloseOn, expiresOn: p.expiresOn,
  } : {
    title: `${year}년 평생교육이용권`, budget: '', amountPerPerson: '350000', minAge: '19', incomeMedianPercent: '65',
    eligibleGroups: voucherGroupList.map((g) => g.code), priorityGroups: ['basic_livelihood', 'near_poverty'],
    applicationsCloseOn: addDays(today, 30), expiresOn: `${year}-12-31` > addDays(today, 31) ? `${year}-12-31` : addDays(today, 365),
  };
}

function ProgrammeForm({ base, area, programme, year, onSaved }: { base: string; area: string; programme: VoucherProgramme | undefined; year: number; onSaved(): void }) {
  const { t, label } = useLocale();
  const field = useFieldLabels(area);
  const [form, setForm] = useState(() => formOf(programme, year));
  const set = (key: keyof Form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const toggle = (key: 'eligibleGroups' | 'priorityGroups') => (value: string, on: boolean) =>
    setForm({ ...form, [key]: on ? [...form[key], value as VoucherGroup] : form[key].filter((g) => g !== value) });
  const save = useSubmission(() => api(base, {
    method: 'PUT',
    body: {
      ...form, budget: Number(form.budget), amountPerPerson: Number(form.amountPerPerson), minAge: Number(form.minAge), incomeMedianPercent: Number(form.incomeMedianPercent),
    },
  }), onSaved);
  const options = voucherGroupList.map((g) => ({ value: g.code, label: label(g) }));
  return (
    <form className="lc-form" onSubmit={save.onSubmit} noValidate aria-labelledby="voucher-setup">
      <h2 className="lc-section-title" id="voucher-setup">{t('vouchers.office.setUp')}</h2>
      <TextField label={field('title')} value={form.title} error={save.fieldError('title')} onChange={set('title')} />
      <div className="lc-form-row">
        <TextField label={field('budget')} inputMode="numeric" value={form.budget} error={save.fieldError('budget')} onChange={set('budget')} />
        <TextField label={field('amountPerPerson')} inputMode="numeric" value={form.amountPerPerson} error={save.fieldError('amountPerPerson')} onChange={set('amountPerPerson')} />
      </div>
      <div className="lc-form-row">
        <TextField label={field('minAge')} inputMode="numeric" value={form.minAge} error={save.fieldError('minAge')} onChange={set('minAge')} />
        <TextField label={field('incomeMedianPercent')} inputMode="numeric" value={form.incomeMedianPercent} error={save.fieldError('incomeMedianPercent')} onChange={set('incomeMedianPercent')} />
      </div>
      <ChoiceGroup legend={field('eligibleGroups')} type="checkbox" options={options} selected={form.eligibleGroups} error={save.fieldError('eligibleGroups')} onChange={toggle('eligibleGroups')} />
      <ChoiceGroup legend={field('priorityGroups')} type="checkbox" options={options} selected={form.priorityGroups} error={save.fieldError('priorityGroups')} onChange={toggle('priorityGroups')} />
      <div className="lc-form-row">
        <TextField label={field('applicationsCloseOn')} type="date" value={form.applicationsCloseOn} error={save.fieldError('applicationsCloseOn')} onChange={set('applicationsCloseOn')} />
        <TextField label={field('expiresOn')} type="date" value={form.expiresOn} error={save.fieldError('expiresOn')} onChange={set('expiresOn')} />
      </div>
      <FormStatus error={save.formError(['title', 'budget', 'amountPerPerson', 'minAge', 'incomeMedianPercent', 'eligibleGroups', 'priorityGroups', 'applicationsCloseOn', 'expiresOn'])} done={save.done} />
      <button type="submit" className="krds-btn primary" disabled={save.busy}>{t('vouchers.office.save')}</button>
    </form>
  );
}

function Decide({ base, id, name, onDone }: { base: string; id: number; name: string; onDone(): void }) {
  const { t } = useLocale();
  const confirm = useSubmission(() => api(`${base}/applications/${id}/decision`, { method: 'POST', body: { decision: 'confirmed' } }), onDone);
  const reject = useSubmission(() => api(`${base}/applications/${id}/decision`, { method: 'POST', body: { decision: 'rejected' } }), onDone);
  return (
    <span className="lc-actions">
      <button type="button" className="krds-btn secondary small" disabled={confirm.busy} onClick={confirm.onSubmit}>{t('vouchers.office.confirm', { name })}</button>
      <button type="button" className="krds-btn tertiary small" disabled={reject.busy} onClick={reject.onSubmit}>{t('vouchers.office.reject', { name })}</button>
      <FormStatus error={confirm.formError() ?? reject.formError()} />
    </span>
  );
}

function Applications({ base, drawn, onChange }: { base: string; drawn: boolean; onChange(): void }) {
  const { t, label } = useLocale();
  return (
    <PagedTable<VoucherApplication> path={`${base}/applications`} title={t('vouchers.office.applications')} none={t('vouchers.office.noApplications')}
      columns={['#', t('vouchers.office.applicant'), t('vouchers.office.declared'), t('vouchers.office.evidence'), t('vouchers.office.status'), t('vouchers.office.result')]}
      row={(a) => (
        <tr key={a.id}>
          <td>{a.id}</td>
          <td>{a.displayName}{a.birthYear !== null && ` (${a.birthYear})`}</td>
          <td>{a.declaredGroups.map((g) => label(voucherGroups.get(g))).join(', ')}</td>
          <td>{a.evidence}{a.documentName && <> · <a href={`/api${base}/applications/${a.id}/document`} download>{a.documentName}</a></>}</td>
          <td>{label(voucherApplicationStatuses.get(a.status))}{!drawn && <Decide base={base} id={a.id} name={a.displayName} onDone={onChange} />}</td>
          <td>{a.position !== null && `${t('vouchers.office.position', { position: a.position })} · ${a.won ? t('vouchers.outcomeWon') : t('vouchers.outcomeNotDrawn')}`}</td>
        </tr>
      )} />
  );
}

/** Per city and group; a cell of fewer than five applicants says so instead of a figure. */
function Statistics({ base }: { base: string }) {
  const { t, label, number } = useLocale();
  const wonText = useWonText();
  const cell = (n: number | null, money = false) => (n === null ? t('vouchers.office.suppressed') : money ? wonText(n) : number(n));
  return (
    <PagedTable<VoucherStatsRow> path={`${base}/statistics`} title={t('vouchers.office.stats')} lead={t('vouchers.office.statsLead')}
      columns={[t('vouchers.office.city'), t('vouchers.office.group'), t('vouchers.office.applicants'), t('vouchers.office.confirmed'), t('vouchers.office.vouchers'), t('vouchers.spent'), t('vouchers.refunded')]}
      row={(r) => (
        <tr key={`${r.cityCode}-${r.group}`}>
          <td>{r.cityNameKo ?? '—'}</td><td>{label(voucherGroups.get(r.group))}</td>
          <td className="num">{cell(r.applicants)}</td><td className="num">{cell(r.confirmed)}</td><td className="num">{cell(r.issued)}</td>
          <td className="num">{cell(r.spent, true)}</td><td className="num">{cell(r.refunded, true)}</td>
        </tr>
      )} />
  );
}

function Office({ cityCode }: { cityCode: string | null }) {
  const { t, number } = useLocale();
  // The year is in the address: a reload, or a link to a colleague, opens the same year's programme.
  const [search, setSearch] = useSearchParams();
  const year = search.get('year') ?? todayInKorea().slice(0, 4);
  const setYear = (value: string) => setSearch((current) => {
    const next = new URLSearchParams(current);
    next.set('year', value);
    return next;
  }, { replace: true });
  const valid = /^\d{4}$/.test(year) ? Number(year) : null;
  const base = valid === null ? null : programmePath({ cityCode, year: valid });
  const programme = useApi<VoucherProgramme>(base);
  const [version, setVersion] = useState(0);
  const changed = () => { programme.reload(); setVersion((v) => v + 1); };
  const [outcome, setOutcome] = useState<string | null>(null);
  const draw = useSubmission(async () => setOutcome(t('vouchers.office.drawn', await api<VoucherDrawSummary>(`${base}/draw`, { method: 'POST' }))), changed);
  const issue = useSubmission(async () => setOutcome(t('vouchers.office.issued', await api<VoucherIssueSummary>(`${base}/issue`, { method: 'POST' }))), changed);
  const missing = programme.error?.status === 404;
  const p = missing ? undefined : programme.data;
  return (
    <>
      <TextField label={t('vouchers.office.year')} inputMode="numeric" maxLength={4} value={year} onChange={(e) => setYear(e.target.value)} />
      {base && (missing || p) && (
        <>
          {missing && <p className="lc-notice">{t('vouchers.office.noProgramme')}</p>}
          {p && (
            <section aria-labelledby="voucher-summary">
              <h2 className="lc-section-title" id="voucher-summary">{p.title}</h2>
              <p>{t('vouchers.office.summary', { applications: number(p.applications), issued: number(p.issued), places: number(p.places) })}</p>
              <p className="lc-hint lc-break">{p.seed ? t('vouchers.office.seed', { seed: p.seed }) : t('vouchers.office.seedHash', { hash: p.seedSha256 })}</p>
              <p className="lc-actions">
                {!p.drawnAt && <button type="button" className="krds-btn primary" disabled={draw.busy} onClick={draw.onSubmit}>{t('vouchers.office.draw')}</button>}
                {p.drawnAt && <button type="button" className="krds-btn primary" disabled={issue.busy} onClick={issue.onSubmit}>{t('vouchers.office.issue')}</button>}
              </p>
              <FormStatus error={draw.formError() ?? issue.formError()} />
              <p role="status">{outcome}</p>
            </section>
          )}
          {p && <Applications key={`a${version}`} base={base} drawn={p.drawnAt !== null} onChange={changed} />}
          {(!p || !p.drawnAt) && (
            <ProgrammeForm key={`${base}-${p?.id ?? 'new'}`} base={base} area={cityCode === null ? 'vouchers' : 'cities/vouchers'} programme={p} year={valid!} onSaved={changed} />
          )}
          {p && <Statistics key={`s${version}`} base={base} />}
        </>
      )}
      {programme.error && !missing && <ErrorNotice error={programme.error} onRetry={programme.reload} />}
    </>
  );
}

/** The ministry's page: the national programme. */
export function NationalVouchersPage() {
  const { t } = useLocale();
  const session = useSession();
  if (session.ready && !session.can('vouchers.national.manage')) return <ErrorNotice error={{ message: '', status: session.me ? 403 : 401 }} />;
  return (
    <>
      <PageTitle title={t('vouchers.office.nationalTitle')} lead={t('vouchers.office.lead')} />
      <Office cityCode={null} />
    </>
  );
}

/** The city console's tab: the city's own programme. */
export default function VouchersPanel({ cityCode }: ConsolePanelProps) {
  const { t } = useLocale();
  return (
    <section aria-labelledby="vouchers-title">
      <h2 className="lc-section-title" id="vouchers-title">{t('vouchers.office.title')}</h2>
      <p className="lc-lead">{t('vouchers.office.lead')}</p>
      <Office cityCode={cityCode} />
    </section>
  );
}
