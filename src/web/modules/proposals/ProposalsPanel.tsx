/**
 * The city console's proposals tab: the threshold of supporters the city sets, and the proposals awaiting its
 * public answer (or any phase), each answered here — accepted into a draft program of an institution of the city, or
 * declined with reasons.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { InstitutionSummary } from '../../../shared/contracts/institutions.ts';
import type { ProposalList, ProposalSummary } from '../../../shared/contracts/proposals.ts';
import { proposalPhases, type ProposalPhase } from '../../../shared/vocabulary/index.ts';
import { api, query, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { useSession } from '../../shells/session.tsx';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded } from '../../ui/Status.tsx';
import type { ConsolePanelProps } from '../city-console/console-tabs.ts';
import { ProposalCard } from './ProposalCard.tsx';

export default function ProposalsPanel({ cityCode }: ConsolePanelProps) {
  const { t, label } = useLocale();
  const session = useSession();
  const [phase, setPhase] = useState<ProposalPhase>('awaiting');
  const [page, setPage] = useState(1);
  const list = useApi<ProposalList>(`/cities/${cityCode}/proposals${query({ phase, sort: 'support', page, pageSize: 10 })}`);
  const mayAnswer = session.can('proposals.answer', { cityCode });
  return (
    <section aria-labelledby="proposals-title">
      <h2 className="lc-section-title" id="proposals-title">{t('proposals.consoleTitle')}</h2>
      <p className="lc-lead">{t('proposals.consoleLead')}</p>
      {mayAnswer && list.data && <ThresholdForm cityCode={cityCode} threshold={list.data.threshold} onSaved={list.reload} />}
      <div className="lc-controls">
        <SelectField label={t('proposals.phase')} value={phase} onChange={(e) => { setPhase(e.target.value as ProposalPhase); setPage(1); }}
          options={proposalPhases.entries.map((p) => ({ value: p.code, label: label(p) }))} />
      </div>
      <Loaded state={list}>
        {(data) => data.items.length === 0 ? <p>{phase === 'awaiting' ? t('proposals.awaitingNone') : t('proposals.none')}</p> : (
          <>
            <ul className="lc-plain-list">
              {data.items.map((p) => (
                <li key={p.id} className="lc-section">
                  <ul className="lc-plain-list"><ProposalCard proposal={p} threshold={data.threshold} /></ul>
                  {mayAnswer && (p.phase === 'open' || p.phase === 'awaiting') && <AnswerForm proposal={p} onAnswered={list.reload} />}
                </li>
              ))}
            </ul>
            <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} />
          </>
        )}
      </Loaded>
      <p><Link to={`/cities/${cityCode}/proposals`}>{t('proposals.title')} →</Link></p>
    </section>
  );
}

function ThresholdForm({ cityCode, threshold, onSaved }: { cityCode: string; threshold: number; onSaved(): void }) {
  const { t } = useLocale();
  const field = useFieldLabels('cities');
  const [value, setValue] = useState(String(threshold));
  const save = useSubmission(() => api(`/cities/${cityCode}/proposals/threshold`, { method: 'PUT', body: { threshold: Number(value) } }), onSaved);
  return (
    <form className="lc-form lc-controls" onSubmit={save.onSubmit}>
      <TextField label={field('threshold')} type="number" inputMode="numeric" min={1} max={10000} value={value} error={save.fieldError('threshold')}
        onChange={(e) => setValue(e.target.value)} />
      <div><button type="submit" className="krds-btn secondary" disabled={save.busy}>{t('proposals.saveThreshold')}</button></div>
      <FormStatus error={save.formError(['threshold'])} />
      {save.done && <p className="lc-notice success" role="status">{t('proposals.thresholdSaved')}</p>}
    </form>
  );
}

function AnswerForm({ proposal, onAnswered }: { proposal: ProposalSummary; onAnswered(): void }) {
  const { t } = useLocale();
  const field = useFieldLabels('cities');
  const [answer, setAnswer] = useState<'accepted' | 'declined'>('accepted');
  const [institutionId, setInstitutionId] = useState('');
  const [reason, setReason] = useState('');
  const institutions = useApi<PageOf<InstitutionSummary>>(`/institutions${query({ city: proposal.cityCode, pageSize: 100 })}`);
  const send = useSubmission(() => api(`/cities/${proposal.cityCode}/proposals/${proposal.id}/answer`, {
    method: 'POST', body: answer === 'accepted' ? { answer, ...(institutionId ? { institutionId: Number(institutionId) } : {}) } : { answer, reason },
  }), onAnswered);
  return (
    <form className="lc-form" onSubmit={send.onSubmit} aria-label={`${t('proposals.answer')}: ${proposal.title}`}>
      <ChoiceGroup legend={field('answer')} type="radio" inline selected={[answer]} error={send.fieldError('answer')}
        options={[{ value: 'accepted', label: t('proposals.accept') }, { value: 'declined', label: t('proposals.decline') }]}
        onChange={(value) => setAnswer(value as 'accepted' | 'declined')} />
      {answer === 'accepted'
        ? <SelectField label={field('institutionId')} value={institutionId} error={send.fieldError('institutionId')} onChange={(e) => setInstitutionId(e.target.value)}
            options={[{ value: '', label: t('proposals.chooseInstitution') }, ...(institutions.data?.items ?? []).map((i) => ({ value: String(i.id), label: i.name }))]} />
        : <TextArea label={field('reason')} value={reason} rows={3} maxLength={2000} error={send.fieldError('reason')} onChange={(e) => setReason(e.target.value)} />}
      <FormStatus error={send.formError(['answer', 'institutionId', 'reason'])} />
      {send.done && <p className="lc-notice success" role="status">{t('proposals.answerSent')}</p>}
      <div><button type="submit" className="krds-btn primary" disabled={send.busy}>{t('proposals.publishAnswer')}</button></div>
    </form>
  );
}
