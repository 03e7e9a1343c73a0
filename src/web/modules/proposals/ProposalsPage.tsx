/** A city's residents' proposals: the list (newest or most supported, by where they stand) and, for its residents, the form. */
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { Dong } from '../../../shared/contracts/geography.ts';
import type { ProposalList, ProposalView } from '../../../shared/contracts/proposals.ts';
import {
  dayParts, programAreas, proposalKinds, proposalPhases, targetGroups, weekdays,
  type DayPart, type ProgramAreaCode, type ProposalKind, type ProposalPhase, type TargetGroupCode, type Weekday,
} from '../../../shared/vocabulary/index.ts';
import { api, query, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded, PageTitle } from '../../ui/Status.tsx';
import { ProposalCard } from './ProposalCard.tsx';

const toggle = <T extends string>(list: T[], value: T, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));

export function ProposalsPage() {
  const { code = '' } = useParams();
  const { t, label } = useLocale();
  const session = useSession();
  const [sort, setSort] = useState<'newest' | 'support'>('newest');
  const [phase, setPhase] = useState<ProposalPhase | ''>('');
  const [page, setPage] = useState(1);
  const list = useApi<ProposalList>(`/cities/${code}/proposals${query({ sort, phase, page, pageSize: 10 })}`);
  return (
    <>
      <PageTitle title={t('proposals.title')} lead={t('proposals.lead', { threshold: list.data?.threshold ?? 30 })} />
      {!session.me ? <LoginPrompt message={t('proposals.loginToPropose')} />
        : session.me.homeCityCode === code ? <ProposeForm cityCode={code} />
        : <p className="lc-notice">{t('proposals.notResident')}</p>}
      <h2 className="lc-section-title">{t('proposals.title')}</h2>
      <div className="lc-controls">
        <SelectField label={t('proposals.sort')} value={sort} onChange={(e) => { setSort(e.target.value as 'newest' | 'support'); setPage(1); }}
          options={[{ value: 'newest', label: t('proposals.newest') }, { value: 'support', label: t('proposals.mostSupported') }]} />
        <SelectField label={t('proposals.phase')} value={phase} onChange={(e) => { setPhase(e.target.value as ProposalPhase | ''); setPage(1); }}
          options={[{ value: '', label: t('proposals.allPhases') }, ...proposalPhases.entries.map((p) => ({ value: p.code, label: label(p) }))]} />
      </div>
      <Loaded state={list}>
        {(data) => data.items.length === 0 ? <p>{t('proposals.none')}</p> : (
          <>
            <ul className="lc-cards lc-plain-list">{data.items.map((p) => <ProposalCard key={p.id} proposal={p} threshold={data.threshold} />)}</ul>
            <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} />
          </>
        )}
      </Loaded>
    </>
  );
}

function ProposeForm({ cityCode }: { cityCode: string }) {
  const { t, label, locale } = useLocale();
  const field = useFieldLabels('cities');
  const navigate = useNavigate();
  const dongs = useApi<PageOf<Dong>>(`/geography/dongs${query({ city: cityCode, pageSize: 500 })}`);
  const [kind, setKind] = useState<ProposalKind>('program');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [area, setArea] = useState<ProgramAreaCode>('liberal_arts');
  const [groups, setGroups] = useState<TargetGroupCode[]>(['all']);
  const [dongCode, setDongCode] = useState('');
  const [days, setDays] = useState<Weekday[]>([]);
  const [times, setTimes] = useState<DayPart[]>([]);
  const send = useSubmission(async () => {
    const made = await api<ProposalView>(`/cities/${cityCode}/proposals`, {
      method: 'POST', body: { kind, title, description, area, targetGroups: groups, dongCode: dongCode || null, preferredDays: days, preferredTimes: times },
    });
    void navigate(`/cities/${cityCode}/proposals/${made.id}`);
  });
  const fields = ['kind', 'title', 'description', 'area', 'targetGroups', 'dongCode', 'preferredDays', 'preferredTimes'];
  return (
    <section aria-labelledby="propose" className="lc-section">
      <h2 id="propose" className="lc-section-title">{t('proposals.proposeTitle')}</h2>
      <p>{t('proposals.proposeLead')}</p>
      <form className="lc-form" onSubmit={send.onSubmit} noValidate>
        <ChoiceGroup legend={field('kind')} type="radio" inline selected={[kind]} error={send.fieldError('kind')}
          options={proposalKinds.entries.map((k) => ({ value: k.code, label: label(k) }))} onChange={(value) => setKind(value as ProposalKind)} />
        <TextField label={field('title')} value={title} maxLength={80} required error={send.fieldError('title')} onChange={(e) => setTitle(e.target.value)} />
        <TextArea label={field('description')} value={description} maxLength={2000} rows={4} required error={send.fieldError('description')} onChange={(e) => setDescription(e.target.value)} />
        <div className="lc-field-grid">
          <SelectField label={field('area')} value={area} error={send.fieldError('area')} onChange={(e) => setArea(e.target.value as ProgramAreaCode)}
            options={programAreas.entries.map((a) => ({ value: a.code, label: label(a) }))} />
          <SelectField label={field('dongCode')} hint={t('proposals.whereHint')} value={dongCode} error={send.fieldError('dongCode')} onChange={(e) => setDongCode(e.target.value)}
            options={[{ value: '', label: t('proposals.whereOnline') }, ...(dongs.data?.items ?? []).map((d) => ({ value: d.code, label: locale === 'en' ? d.nameEn : d.nameKo }))]} />
        </div>
        <ChoiceGroup legend={field('targetGroups')} type="checkbox" inline selected={groups} error={send.fieldError('targetGroups')}
          options={targetGroups.entries.map((g) => ({ value: g.code, label: label(g) }))} onChange={(value, on) => setGroups(toggle(groups, value as TargetGroupCode, on))} />
        <ChoiceGroup legend={field('preferredDays')} type="checkbox" inline selected={days} error={send.fieldError('preferredDays')}
          options={weekdays.entries.map((d) => ({ value: d.code, label: label(d) }))} onChange={(value, on) => setDays(toggle(days, value as Weekday, on))} />
        <ChoiceGroup legend={field('preferredTimes')} type="checkbox" inline selected={times} error={send.fieldError('preferredTimes')}
          options={dayParts.entries.map((d) => ({ value: d.code, label: label(d) }))} onChange={(value, on) => setTimes(toggle(times, value as DayPart, on))} />
        <FormStatus error={send.formError(fields)} />
        <div><button type="submit" className="krds-btn primary" disabled={send.busy}>{t('proposals.send')}</button></div>
      </form>
    </section>
  );
}
