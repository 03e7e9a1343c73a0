/** A resident's request for a delivered course (/me/delivered-courses/new): what, where in their city, when, how many classes. */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { DeliveredCourseView } from '../../../shared/contracts/delivered-courses.ts';
import type { Dong } from '../../../shared/contracts/geography.ts';
import { programAreas, programSubcategories, weekdays, type ProgramAreaCode, type ProgramSubcategoryCode, type Weekday } from '../../../shared/vocabulary/index.ts';
import { api, query, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { PageTitle } from '../../ui/Status.tsx';

const FIELDS = ['title', 'description', 'area', 'subcategory', 'dongCode', 'place', 'weekdays', 'startTime', 'endTime', 'sessionCount'];
const firstOf = (area: ProgramAreaCode) => programSubcategories.entries.find((s) => s.area === area)!.code;

export function NewDeliveredCoursePage() {
  const { t } = useLocale();
  const { me } = useSession();
  return (
    <>
      <PageTitle title={t('delivered-courses.newTitle')} lead={t('delivered-courses.newLead')} />
      {!me ? <LoginPrompt /> : me.homeCityCode ? <RequestForm cityCode={me.homeCityCode} /> : <p className="lc-notice">{t('delivered-courses.notResident')}</p>}
    </>
  );
}

function RequestForm({ cityCode }: { cityCode: string }) {
  const { t, label, locale } = useLocale();
  const field = useFieldLabels('cities/delivered-courses');
  const navigate = useNavigate();
  const dongs = useApi<PageOf<Dong>>(`/geography/dongs${query({ city: cityCode, pageSize: 500 })}`);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [area, setArea] = useState<ProgramAreaCode>('culture_arts');
  const [subcategory, setSubcategory] = useState<ProgramSubcategoryCode>(firstOf('culture_arts'));
  const [dongCode, setDongCode] = useState('');
  const [place, setPlace] = useState('');
  const [days, setDays] = useState<Weekday[]>([]);
  const [startTime, setStartTime] = useState('19:00');
  const [endTime, setEndTime] = useState('21:00');
  const [sessionCount, setSessionCount] = useState('8');
  const send = useSubmission(async () => {
    const made = await api<DeliveredCourseView>(`/cities/${cityCode}/delivered-courses`, {
      method: 'POST', body: { title, description, area, subcategory, dongCode: dongCode || undefined, place, weekdays: days, startTime, endTime, sessionCount: Number(sessionCount) },
    });
    void navigate(`/me/delivered-courses/${made.id}`);
  });
  return (
    <form className="lc-form" onSubmit={send.onSubmit} noValidate>
      <TextField label={field('title')} value={title} maxLength={80} required error={send.fieldError('title')} onChange={(e) => setTitle(e.target.value)} />
      <TextArea label={field('description')} value={description} maxLength={1000} rows={4} required error={send.fieldError('description')} onChange={(e) => setDescription(e.target.value)} />
      <div className="lc-field-grid">
        <SelectField label={field('area')} value={area} error={send.fieldError('area')}
          onChange={(e) => { const next = e.target.value as ProgramAreaCode; setArea(next); setSubcategory(firstOf(next)); }}
          options={programAreas.entries.map((a) => ({ value: a.code, label: label(a) }))} />
        <SelectField label={field('subcategory')} value={subcategory} error={send.fieldError('subcategory')} onChange={(e) => setSubcategory(e.target.value as ProgramSubcategoryCode)}
          options={programSubcategories.entries.filter((s) => s.area === area).map((s) => ({ value: s.code, label: label(s) }))} />
        <SelectField label={field('dongCode')} value={dongCode} required error={send.fieldError('dongCode')} onChange={(e) => setDongCode(e.target.value)}
          options={[{ value: '', label: '—' }, ...(dongs.data?.items ?? []).map((d) => ({ value: d.code, label: locale === 'en' ? d.nameEn : d.nameKo }))]} />
        <TextField label={field('place')} value={place} maxLength={100} required error={send.fieldError('place')} onChange={(e) => setPlace(e.target.value)} />
      </div>
      <ChoiceGroup legend={field('weekdays')} type="checkbox" inline selected={days} error={send.fieldError('weekdays')}
        options={weekdays.entries.map((d) => ({ value: d.code, label: label(d) }))}
        onChange={(value, on) => setDays(on ? [...days, value as Weekday] : days.filter((d) => d !== value))} />
      <div className="lc-field-grid">
        <TextField label={field('startTime')} type="time" value={startTime} required error={send.fieldError('startTime')} onChange={(e) => setStartTime(e.target.value)} />
        <TextField label={field('endTime')} type="time" value={endTime} required error={send.fieldError('endTime')} onChange={(e) => setEndTime(e.target.value)} />
        <TextField label={field('sessionCount')} type="number" inputMode="numeric" min={1} max={24} value={sessionCount} required error={send.fieldError('sessionCount')}
          onChange={(e) => setSessionCount(e.target.value)} />
      </div>
      <FormStatus error={send.formError(FIELDS)} />
      <div><button type="submit" className="krds-btn primary" disabled={send.busy}>{t('delivered-courses.send')}</button></div>
    </form>
  );
}
