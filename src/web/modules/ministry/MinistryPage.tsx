/** The ministry records designation decisions; the server enforces the life cycle and keeps the history. */
import { useState } from 'react';
import { Link } from 'react-router';
import type { LearningCitySummary } from '../../../shared/contracts/cities.ts';
import type { PageOf } from '../../../shared/contracts/common.ts';
import { designationStateList, designationStates, type DesignationState } from '../../../shared/vocabulary/index.ts';
import { api, query, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { useSession } from '../../shells/session.tsx';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { ErrorNotice, Loaded, PageTitle } from '../../ui/Status.tsx';
import { cityName } from '../geography/places.ts';
import { NationalIndex } from '../indicators/NationalIndex.tsx';
import { WeightsEditor } from '../indicators/WeightsEditor.tsx';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';

export function MinistryPage() {
  const { t, locale, label } = useLocale();
  const field = useFieldLabels('cities/designations');
  const session = useSession();
  const cities = useApi<PageOf<LearningCitySummary>>(`/cities${query({ listing: 'all' })}`);
  const today = todayInKorea();
  const [form, setForm] = useState({ city: '', state: 'applied' as DesignationState, year: today.slice(0, 4), occurredOn: today, reason: '', evidence: '' });
  const [saved, setSaved] = useState<string | null>(null);
  // New weights change every rank: the national table is drawn again.
  const [weightsVersion, setWeightsVersion] = useState(0);
  const submission = useSubmission(async () => {
    await api(`/cities/${form.city}/designations`, {
      method: 'POST',
      body: { state: form.state, year: Number(form.year), occurredOn: form.occurredOn, reason: form.reason, ...(form.evidence ? { evidence: form.evidence } : {}) },
    });
    setSaved(form.city);
  }, cities.reload);
  const { fieldError } = submission;

  if (session.ready && !session.can('designation.record')) return <ErrorNotice error={{ message: '', status: session.me ? 403 : 401 }} />;
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  return (
    <>
      <PageTitle title={t('ministry.title')} lead={t('ministry.lead')} />
      <p className="lc-actions"><Link to="/ministry/surveys">{t('surveys.national.title')}</Link> <Link to="/national">{t('national.title')}</Link> <Link to="/ministry/grants">{t('grants.title')}</Link> <Link to="/ministry/investment">{t('grants.investment.title')}</Link> <Link to="/ministry/vouchers">{t('vouchers.office.nationalTitle')}</Link></p>
      <Loaded state={cities}>
        {(page) => (
          <form className="lc-form" onSubmit={submission.onSubmit}>
            <h2 className="lc-section-title">{t('ministry.record')}</h2>
            <SelectField label={field('code')} value={form.city} required error={fieldError('code')} onChange={set('city')}
              options={[{ value: '', label: '—' }, ...page.items.map((c) => ({ value: c.code, label: `${cityName(c, locale)} · ${c.state ? label(designationStates.get(c.state)) : '—'}` }))]} />
            <SelectField label={field('state')} value={form.state} error={fieldError('state')} onChange={set('state')}
              options={designationStateList.map((s) => ({ value: s.code, label: label(s) }))} />
            <div className="lc-form-row">
              <TextField label={field('year')} inputMode="numeric" value={form.year} error={fieldError('year')} onChange={set('year')} />
              <TextField label={field('occurredOn')} type="date" value={form.occurredOn} error={fieldError('occurredOn')} onChange={set('occurredOn')} />
            </div>
            <TextArea label={field('reason')} required value={form.reason} error={fieldError('reason')} onChange={set('reason')} />
            <TextArea label={field('evidence')} value={form.evidence} error={fieldError('evidence')} onChange={set('evidence')} />
            <FormStatus error={submission.formError(['state', 'year', 'occurredOn', 'reason', 'evidence'])} />
            {submission.done && saved && <p className="lc-notice success" role="status">{t('common.saved')} <Link to={`/cities/${saved}`}>{t('cities.history')} →</Link></p>}
            <div><button type="submit" className="krds-btn primary" disabled={!form.city || submission.busy}>{t('ministry.save')}</button></div>
          </form>
        )}
      </Loaded>
      {session.can('indicators.national.view') && <NationalIndex key={weightsVersion} />}
      {session.can('index.weights.update') && <WeightsEditor onSaved={() => setWeightsVersion((v) => v + 1)} />}
    </>
  );
}
