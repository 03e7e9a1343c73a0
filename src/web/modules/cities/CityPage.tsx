/** A learning city: its profile, designation history, institutions and events; its officers edit the profile. */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CityDetail } from '../../../shared/contracts/cities.ts';
import type { LearningEvent } from '../../../shared/contracts/city-record.ts';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { InstitutionSummary } from '../../../shared/contracts/institutions.ts';
import { designationStates, eventKinds, institutionTypes } from '../../../shared/vocabulary/index.ts';
import { api, query, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { useSession } from '../../shells/session.tsx';
import { TextArea, TextField } from '../../ui/Field.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded } from '../../ui/Status.tsx';
import { cityName } from '../geography/places.ts';
import { DesignationTimeline } from './DesignationTimeline.tsx';

function ProfileForm({ city, onSaved }: { city: CityDetail; onSaved(): void }) {
  const { t } = useLocale();
  const field = useFieldLabels('cities/profile');
  const [form, setForm] = useState({ department: city.profile.department, vision: city.profile.vision, homepageUrl: city.profile.homepageUrl ?? '', phone: city.profile.phone ?? '' });
  const submission = useSubmission(
    () => api(`/cities/${city.code}/profile`, { method: 'PATCH', body: { ...form, homepageUrl: form.homepageUrl || null, phone: form.phone || null } }),
    onSaved,
  );
  const { fieldError } = submission;
  return (
    <form className="lc-form" onSubmit={submission.onSubmit}>
      <h2 className="lc-section-title">{t('cities.edit')}</h2>
      <TextField label={field('department')} value={form.department} error={fieldError('department')} onChange={(e) => setForm({ ...form, department: e.target.value })} />
      <TextArea label={field('vision')} value={form.vision} error={fieldError('vision')} onChange={(e) => setForm({ ...form, vision: e.target.value })} />
      <TextField label={field('homepageUrl')} type="url" value={form.homepageUrl} error={fieldError('homepageUrl')} onChange={(e) => setForm({ ...form, homepageUrl: e.target.value })} />
      <TextField label={field('phone')} value={form.phone} error={fieldError('phone')} onChange={(e) => setForm({ ...form, phone: e.target.value })} />
      <FormStatus error={submission.formError(['department', 'vision', 'homepageUrl', 'phone'])} done={submission.done} />
      <div><button type="submit" className="krds-btn primary" disabled={submission.busy}>{t('common.save')}</button></div>
    </form>
  );
}

export function CityPage() {
  const { code = '' } = useParams();
  const { t, locale, label, number } = useLocale();
  const session = useSession();
  const city = useApi<CityDetail>(`/cities/${code}`);
  const [eventsPage, setEventsPage] = useState(1);
  const events = useApi<PageOf<LearningEvent>>(`/cities/${code}/events${query({ page: eventsPage, pageSize: 5 })}`);
  const institutions = useApi<PageOf<InstitutionSummary>>(`/institutions${query({ city: code, pageSize: 100 })}`);
  const [editing, setEditing] = useState(false);

  return (
    <Loaded state={city}>
      {(c) => (
        <>
          <h1 className="lc-title">{cityName(c, locale)}</h1>
          <p className="lc-lead">{c.state ? label(designationStates.get(c.state)) : '—'}{c.designatedYear && ` · ${t('cities.designatedYear')} ${c.designatedYear}`}</p>
          <div className="lc-stats">
            <div className="lc-stat"><strong>{number(c.population)}</strong>{t('cities.population')}</div>
            <div className="lc-stat"><strong>{number(c.institutionCount)}</strong>{t('cities.institutions')}</div>
            <div className="lc-stat"><strong>{number(c.programCount)}</strong>{t('cities.programs')}</div>
          </div>
          <p><Link to={`/programs${query({ city: c.code })}`}>{t('home.allPrograms')} →</Link></p>
          <p><Link to={`/cities/${c.code}/proposals`}>{t('proposals.title')} →</Link></p>
          <p><Link to={`/cities/${c.code}/study-groups`}>{t('participation.groupsLink')} →</Link></p>
          {session.can('volunteers.manage', { cityCode: c.code }) && <p><Link to={`/cities/${c.code}/volunteers`}>{t('participation.volunteersTitle')} →</Link></p>}
          <p><Link to={`/cities/${c.code}/council`}>{t('council.link')} →</Link></p>
          <p><Link to={`/cities/${c.code}/jobs`}>{t('occupations.link')} →</Link></p>

          <h2 className="lc-section-title">{t('cities.profile')}</h2>
          <dl className="lc-facts">
            <dt>{t('cities.department')}</dt><dd>{c.profile.department || '—'}</dd>
            <dt>{t('cities.vision')}</dt><dd>{c.profile.vision || '—'}</dd>
            <dt>{t('cities.homepage')}</dt><dd>{c.profile.homepageUrl ? <a href={c.profile.homepageUrl}>{c.profile.homepageUrl}</a> : '—'}</dd>
            <dt>{t('cities.phone')}</dt><dd>{c.profile.phone ?? '—'}</dd>
          </dl>
          {session.can('city.profile.update', { cityCode: c.code }) && !editing && (
            <p><button type="button" className="krds-btn secondary" onClick={() => setEditing(true)}>{t('cities.edit')}</button></p>
          )}
          {editing && <ProfileForm city={c} onSaved={city.reload} />}

          <h2 className="lc-section-title">{t('cities.history')}</h2>
          <DesignationTimeline cityCode={c.code} designations={c.designations} />

          <h2 className="lc-section-title">{t('cities.events')}</h2>
          <Loaded state={events}>
            {(page) => page.items.length === 0 ? <p>{t('cities.noEvents')}</p> : (
              <>
                <ul>
                  {page.items.map((e) => (
                    <li key={e.id}>{e.startsOn} · {label(eventKinds.get(e.kind))} · <strong>{e.title}</strong> · {e.venueName}{e.attendance !== null && ` · ${t('cities.attendance', { people: number(e.attendance) })}`}</li>
                  ))}
                </ul>
                <Pagination page={page.page} pageSize={page.pageSize} total={page.total} onChange={setEventsPage} />
              </>
            )}
          </Loaded>

          <h2 className="lc-section-title">{t('cities.institutions')}</h2>
          <Loaded state={institutions}>
            {(page) => (
              <div className="lc-table-wrap">
                <table className="lc-table">
                  <thead><tr><th scope="col">{t('cities.name')}</th><th scope="col">{t('institutions.type')}</th><th scope="col">{t('institutions.address')}</th></tr></thead>
                  <tbody>
                    {page.items.map((i) => (
                      <tr key={i.id}><td><Link to={`/institutions/${i.id}`}>{i.name}</Link></td><td>{label(institutionTypes.get(i.type))}</td><td>{locale === 'en' ? i.dongNameEn : i.dongNameKo}</td></tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Loaded>
        </>
      )}
    </Loaded>
  );
}
