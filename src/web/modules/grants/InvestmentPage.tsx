/** Priority investment (the ministry): the rounds made so far, and a new one — budget, cap, weights, conditions. */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { InvestmentRound } from '../../../shared/contracts/grants.ts';
import { investmentRoundStatuses } from '../../../shared/vocabulary/index.ts';
import { api } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { useLocale } from '../../i18n/index.ts';
import { useSession } from '../../shells/session.tsx';
import { TextArea, TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { PagedTable } from '../../ui/PagedTable.tsx';
import { ErrorNotice, PageTitle } from '../../ui/Status.tsx';
import { useWon } from './won.ts';

export function InvestmentPage() {
  const { t, label } = useLocale();
  const won = useWon();
  const session = useSession();
  if (session.ready && !session.can('grants.manage')) return <ErrorNotice error={{ message: '', status: session.me ? 403 : 401 }} />;
  return (
    <>
      <PageTitle title={t('grants.investment.title')} lead={t('grants.investment.lead')} />
      <p className="lc-actions"><Link to="/ministry/grants">{t('grants.grantsLink')} →</Link></p>
      <RoundForm />
      <PagedTable<InvestmentRound> path="/investment-rounds" title={t('grants.investment.rounds')} none={t('grants.investment.none')}
        columns={[t('grants.year'), t('grants.investment.title'), t('grants.investment.budget'), t('grants.investment.cap'), t('grants.investment.status')]}
        row={(r) => (
          <tr key={r.id}>
            <td>{r.year}</td>
            <td><Link to={`/ministry/investment/${r.id}`}>{r.title}</Link></td>
            <td className="num">{won(r.budget)}</td>
            <td className="num">{won(r.cityCap)}</td>
            <td>{label(investmentRoundStatuses.get(r.status))}</td>
          </tr>
        )} />
    </>
  );
}

function RoundForm() {
  const { t } = useLocale();
  const field = useFieldLabels('investment-rounds');
  const navigate = useNavigate();
  const [form, setForm] = useState({ year: String(new Date().getFullYear() + 1), title: '', budget: '', cityCap: '', weightEvaluation: '40', weightNeed: '60', conditions: '' });
  const set = (key: keyof typeof form, digits = false) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: digits ? e.target.value.replace(/[^0-9]/g, '') : e.target.value });
  const send = useSubmission(async () => {
    const round = await api<InvestmentRound>('/investment-rounds', {
      method: 'POST',
      body: {
        year: Number(form.year), title: form.title, budget: Number(form.budget), cityCap: Number(form.cityCap),
        weightEvaluation: Number(form.weightEvaluation), weightNeed: Number(form.weightNeed), conditions: form.conditions,
      },
    });
    await navigate(`/ministry/investment/${round.id}`);
  });
  return (
    <form className="lc-form" onSubmit={send.onSubmit} aria-labelledby="round-title">
      <h2 className="lc-section-title" id="round-title">{t('grants.investment.create')}</h2>
      <p className="lc-meta">{t('grants.investment.criteria')}</p>
      <div className="lc-form-row">
        <TextField label={field('year')} inputMode="numeric" value={form.year} error={send.fieldError('year')} onChange={set('year', true)} />
        <TextField label={field('title')} value={form.title} maxLength={120} error={send.fieldError('title')} onChange={set('title')} />
      </div>
      <div className="lc-form-row">
        <TextField label={field('budget')} inputMode="numeric" value={form.budget} error={send.fieldError('budget')} onChange={set('budget', true)} />
        <TextField label={field('cityCap')} inputMode="numeric" value={form.cityCap} error={send.fieldError('cityCap')} onChange={set('cityCap', true)} />
      </div>
      <div className="lc-form-row">
        <TextField label={field('weightEvaluation')} inputMode="numeric" value={form.weightEvaluation} error={send.fieldError('weightEvaluation')} onChange={set('weightEvaluation', true)} />
        <TextField label={field('weightNeed')} inputMode="numeric" value={form.weightNeed} error={send.fieldError('weightNeed')} onChange={set('weightNeed', true)} />
      </div>
      <TextArea label={field('conditions')} value={form.conditions} rows={2} maxLength={2000} error={send.fieldError('conditions')} onChange={set('conditions')} />
      <FormStatus error={send.formError(['year', 'title', 'budget', 'cityCap', 'weightEvaluation', 'weightNeed', 'conditions'])} />
      <div><button type="submit" className="krds-btn primary" disabled={send.busy}>{t('grants.investment.create')}</button></div>
    </form>
  );
}
