/**
 * The volunteers of a city with the hours each served, and recording hours: by the city's officers
 * (/cities/:code/volunteers) or by an institution's staff for their institution (/institutions/:id/volunteers).
 * Entries are never changed: a correction is a new entry replacing one.
 */
import { useState } from 'react';
import { useParams } from 'react-router';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { Volunteer, VolunteerHoursEntry } from '../../../shared/contracts/participation.ts';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import { programAreas, volunteerKinds } from '../../../shared/vocabulary/index.ts';
import { api, query, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { Loaded, PageTitle } from '../../ui/Status.tsx';
import { PagedCards } from './PagedCards.tsx';

export function CityVolunteersPage() {
  const { code = '' } = useParams();
  return <VolunteersPage base={`/cities/${code}/volunteers`} fieldArea="cities/volunteers" />;
}

export function InstitutionVolunteersPage() {
  const { id = '' } = useParams();
  return <VolunteersPage base={`/institutions/${id}/volunteers`} fieldArea="institutions/volunteers" />;
}

function VolunteersPage({ base, fieldArea }: { base: string; fieldArea: string }) {
  const { t, label, number } = useLocale();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const list = useApi<PageOf<Volunteer>>(`${base}${query({ page, pageSize: 20 })}`);
  return (
    <>
      <PageTitle title={t('participation.volunteersTitle')} lead={t('participation.volunteersLead')} />
      <PagedCards state={list} none={t('participation.volunteersNone')} onPage={setPage} card={(v) => (
        <>
          <h2 className="lc-group-title">{v.displayName}</h2>
          <p className="lc-meta">
            {label(volunteerKinds.get(v.kind))}{v.areas.length > 0 && ` · ${v.areas.map((a) => label(programAreas.get(a))).join(', ')}`}
            {' · '}{t('programs.hours', { hours: number(v.hours) })}{!v.active && ` · ${t('resident.ended')}`}
          </p>
          <button type="button" className="krds-btn small secondary" aria-expanded={open === v.id} onClick={() => setOpen(open === v.id ? null : v.id)}>
            {t('participation.recordHours')}
          </button>
          {open === v.id && <HoursOf url={`${base}/${v.id}/hours`} name={v.displayName} fieldArea={fieldArea} onRecorded={list.reload} />}
        </>
      )} />
    </>
  );
}

/** One volunteer's entries (newest first) and the form that adds one, or corrects the entry chosen. */
function HoursOf({ url, name, fieldArea, onRecorded }: { url: string; name: string; fieldArea: string; onRecorded(): void }) {
  const { t, date, number } = useLocale();
  const field = useFieldLabels(fieldArea);
  const entries = useApi<PageOf<VolunteerHoursEntry>>(`${url}${query({ pageSize: 50 })}`);
  const [servedOn, setServedOn] = useState(todayInKorea());
  const [hours, setHours] = useState('');
  const [activity, setActivity] = useState('');
  const [replacesId, setReplacesId] = useState<number | null>(null);
  const send = useSubmission(async () => {
    await api(url, { method: 'POST', body: { servedOn, hours: Number(hours), activity, ...(replacesId ? { replacesId } : {}) } });
    setReplacesId(null);
    setHours('');
    entries.reload();
    onRecorded();
  });
  const correct = (entry: VolunteerHoursEntry) => {
    setReplacesId(entry.id);
    setServedOn(entry.servedOn);
    setHours(String(entry.hours));
    setActivity(entry.activity);
  };
  return (
    <div className="lc-section">
      <form className="lc-form" onSubmit={send.onSubmit} noValidate aria-label={`${t('participation.recordHours')}: ${name}`}>
        {replacesId !== null && <p className="lc-notice" role="status">{t('participation.correcting', { id: replacesId })}</p>}
        <div className="lc-field-grid">
          <TextField label={field('servedOn')} type="date" value={servedOn} max={todayInKorea()} required error={send.fieldError('servedOn')} onChange={(e) => setServedOn(e.target.value)} />
          <TextField label={field('hours')} type="number" inputMode="decimal" min={0} max={24} step={0.5} value={hours} required error={send.fieldError('hours')} onChange={(e) => setHours(e.target.value)} />
        </div>
        <TextField label={field('activity')} value={activity} maxLength={200} required error={send.fieldError('activity')} onChange={(e) => setActivity(e.target.value)} />
        <FormStatus error={send.formError(['servedOn', 'hours', 'activity', 'replacesId', 'institutionId'])} />
        <div><button type="submit" className="krds-btn primary" disabled={send.busy}>{t('participation.recordHours')}</button></div>
      </form>
      <Loaded state={entries}>
        {(data) => data.items.length === 0 ? <p>{t('participation.noHours')}</p> : (
          <ul>
            {data.items.map((entry) => (
              <li key={entry.id}>
                {date(entry.servedOn)} · {t('programs.hours', { hours: number(entry.hours) })} · {entry.activity}{entry.institutionName && ` · ${entry.institutionName}`} · {entry.recordedByName}
                {entry.replacesId !== null && ` · ${t('participation.corrects', { id: entry.replacesId })}`}
                {entry.replacedById !== null ? ` · ${t('participation.replaced')}` : (
                  <> <button type="button" className="krds-btn tertiary small" onClick={() => correct(entry)}>{t('participation.correct')}</button></>
                )}
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </div>
  );
}
