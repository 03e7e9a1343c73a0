/**
 * The city console's registration openings: set one (when, which term's programs, how many are let in from the
 * waiting room per minute) and see each with how many took a ticket and were let in.
 */
import { useState } from 'react';
import type { OpeningBody, OpeningView } from '../../../shared/contracts/opening-day.ts';
import { DEFAULT_ADMIT_PER_MINUTE } from '../../../shared/lib/opening-day.ts';
import { fromKoreaLocal } from '../../../shared/lib/korea-time.ts';
import { api } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { PagedTable } from '../../ui/PagedTable.tsx';
import type { ConsolePanelProps } from '../city-console/console-tabs.ts';

const FIELDS = ['title', 'opensAt', 'waitingRoomMinutes', 'programsStartingFrom', 'programsStartingUntil', 'admitPerMinute'] as const;

export default function OpeningsPanel({ cityCode }: ConsolePanelProps) {
  const { t, number, dateTime } = useLocale();
  const label = useFieldLabels('cities');
  const [form, setForm] = useState({ title: '', opensAt: '', waitingRoomMinutes: '120', programsStartingFrom: '', programsStartingUntil: '', admitPerMinute: '' });
  const [saved, setSaved] = useState<OpeningView | null>(null);
  const [version, setVersion] = useState(0);
  const save = useSubmission(async () => {
    const body: OpeningBody = {
      title: form.title, opensAt: fromKoreaLocal(form.opensAt), waitingRoomMinutes: Number(form.waitingRoomMinutes),
      programsStartingFrom: form.programsStartingFrom, programsStartingUntil: form.programsStartingUntil,
      ...(form.admitPerMinute ? { admitPerMinute: Number(form.admitPerMinute) } : {}),
    };
    setSaved(await api<OpeningView>(`/cities/${cityCode}/registration-openings`, { method: 'POST', body }));
    setVersion((v) => v + 1);
  });
  const field = (name: (typeof FIELDS)[number], type: string, extra: Record<string, unknown> = {}) => (
    <TextField label={label(name)} type={type} value={form[name]} error={save.fieldError(name)} onChange={(e) => setForm({ ...form, [name]: e.target.value })} {...extra} />
  );
  return (
    <section aria-labelledby="openings-title">
      <h2 className="lc-section-title" id="openings-title">{t('opening-day.office.title')}</h2>
      <p className="lc-lead">{t('opening-day.office.lead')}</p>
      <form onSubmit={save.onSubmit} className="lc-form">
        {field('title', 'text', { required: true, maxLength: 200, placeholder: t('opening-day.office.namePlaceholder') })}
        {field('opensAt', 'datetime-local', { required: true })}
        {field('waitingRoomMinutes', 'number', { required: true, min: 10, max: 1440 })}
        {field('programsStartingFrom', 'date', { required: true })}
        {field('programsStartingUntil', 'date', { required: true })}
        {field('admitPerMinute', 'number', { min: 1, hint: t('opening-day.office.rateHint', { rate: number(DEFAULT_ADMIT_PER_MINUTE) }) })}
        <button type="submit" className="krds-btn primary" disabled={save.busy}>{t('opening-day.office.submit')}</button>
        <FormStatus error={save.formError(FIELDS)} />
        {save.done && saved && <p className="lc-notice success" role="status">{t('opening-day.office.saved', { count: number(saved.programs), at: dateTime(saved.opensAt) })}</p>}
      </form>
      <PagedTable<OpeningView> key={version} path={`/cities/${cityCode}/registration-openings`} title={t('opening-day.office.list')} none={t('opening-day.office.none')}
        columns={[t('opening-day.office.columns.title'), t('opening-day.office.columns.opensAt'), t('opening-day.office.columns.programs'),
          t('opening-day.office.columns.tickets'), t('opening-day.office.columns.admitted'), t('opening-day.office.columns.rate')]}
        row={(o) => (
          <tr key={o.id}>
            <td>{o.title}</td><td>{dateTime(o.opensAt)}</td><td>{number(o.programs)}</td>
            <td>{number(o.tickets)}</td><td>{number(o.admitted)}</td><td>{number(o.admitPerMinute)}</td>
          </tr>
        )} />
    </section>
  );
}
