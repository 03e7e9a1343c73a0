/** A city's study groups (학습동아리): the list (by area and support; counts, never names) and, for its residents, the form to register one. */
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { Dong } from '../../../shared/contracts/geography.ts';
import type { StudyGroupSummary, StudyGroupView } from '../../../shared/contracts/participation.ts';
import { programAreas, studyGroupSupports, type ProgramAreaCode, type StudyGroupSupport } from '../../../shared/vocabulary/index.ts';
import { api, query, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { PageTitle } from '../../ui/Status.tsx';
import { PagedCards } from './PagedCards.tsx';

/** The line under a group's name: its area, where, how many, and the city's support when there is some. */
export function GroupFacts({ group }: { group: StudyGroupSummary }) {
  const { t, label, locale, number } = useLocale();
  const where = group.dongCode ? (locale === 'en' ? group.dongNameEn : group.dongNameKo) ?? group.dongCode : t('participation.whereCity');
  return (
    <>
      <div className="lc-badges">
        <span className="krds-badge bg-light-primary">{label(programAreas.get(group.area))}</span>
        {group.support !== 'registered' && <span className="krds-badge outline-gray">{label(studyGroupSupports.get(group.support))}</span>}
      </div>
      <p className="lc-meta">
        {where} · {t('participation.membersCount', { count: group.members })} · {t('participation.meetingsCount', { count: group.meetings, hours: number(group.hours) })}
        {group.support === 'funded' && group.supportAmountWon !== null && ` · ${t('participation.funded', { year: group.supportYear, amount: number(group.supportAmountWon) })}`}
        {group.support === 'supported' && ` · ${t('participation.supported', { year: group.supportYear })}`}
      </p>
    </>
  );
}

export function StudyGroupsPage() {
  const { code = '' } = useParams();
  const { t, label } = useLocale();
  const session = useSession();
  const field = useFieldLabels('cities/study-groups');
  const [area, setArea] = useState<ProgramAreaCode | ''>('');
  const [support, setSupport] = useState<StudyGroupSupport | ''>('');
  const [page, setPage] = useState(1);
  const list = useApi<PageOf<StudyGroupSummary>>(`/cities/${code}/study-groups${query({ area, support, page, pageSize: 10 })}`);
  return (
    <>
      <PageTitle title={t('participation.groupsTitle')} lead={t('participation.groupsLead')} />
      {!session.me ? <LoginPrompt message={t('participation.loginToJoin')} />
        : session.me.homeCityCode === code ? <RegisterForm cityCode={code} />
        : <p className="lc-notice">{t('participation.notResident')}</p>}
      <h2 className="lc-section-title">{t('participation.groupsTitle')}</h2>
      <div className="lc-controls">
        <SelectField label={field('area')} value={area} onChange={(e) => { setArea(e.target.value as ProgramAreaCode | ''); setPage(1); }}
          options={[{ value: '', label: t('participation.allAreas') }, ...programAreas.entries.map((a) => ({ value: a.code, label: label(a) }))]} />
        <SelectField label={field('support')} value={support} onChange={(e) => { setSupport(e.target.value as StudyGroupSupport | ''); setPage(1); }}
          options={[{ value: '', label: t('participation.allSupport') }, ...studyGroupSupports.entries.map((s) => ({ value: s.code, label: label(s) }))]} />
      </div>
      <PagedCards state={list} none={t('participation.groupsNone')} onPage={setPage} card={(g) => (
        <>
          <h3><Link to={`/cities/${code}/study-groups/${g.id}`}>{g.name}</Link></h3>
          <GroupFacts group={g} />
        </>
      )} />
    </>
  );
}

function RegisterForm({ cityCode }: { cityCode: string }) {
  const { t, label, locale } = useLocale();
  const field = useFieldLabels('cities/study-groups');
  const navigate = useNavigate();
  const dongs = useApi<PageOf<Dong>>(`/geography/dongs${query({ city: cityCode, pageSize: 500 })}`);
  const [name, setName] = useState('');
  const [area, setArea] = useState<ProgramAreaCode>('liberal_arts');
  const [dongCode, setDongCode] = useState('');
  const [description, setDescription] = useState('');
  const [meetingPlace, setMeetingPlace] = useState('');
  const [meetingPattern, setMeetingPattern] = useState('');
  const send = useSubmission(async () => {
    const made = await api<StudyGroupView>(`/cities/${cityCode}/study-groups`, {
      method: 'POST', body: { name, area, dongCode: dongCode || null, description, meetingPlace, meetingPattern },
    });
    void navigate(`/cities/${cityCode}/study-groups/${made.id}`);
  });
  return (
    <section aria-labelledby="register-group" className="lc-section">
      <h2 id="register-group" className="lc-section-title">{t('participation.registerTitle')}</h2>
      <p>{t('participation.registerLead')}</p>
      <form className="lc-form" onSubmit={send.onSubmit} noValidate>
        <TextField label={field('name')} value={name} maxLength={80} required error={send.fieldError('name')} onChange={(e) => setName(e.target.value)} />
        <TextArea label={field('description')} value={description} maxLength={2000} rows={3} required error={send.fieldError('description')} onChange={(e) => setDescription(e.target.value)} />
        <div className="lc-field-grid">
          <SelectField label={field('area')} value={area} error={send.fieldError('area')} onChange={(e) => setArea(e.target.value as ProgramAreaCode)}
            options={programAreas.entries.map((a) => ({ value: a.code, label: label(a) }))} />
          <SelectField label={field('dongCode')} value={dongCode} error={send.fieldError('dongCode')} onChange={(e) => setDongCode(e.target.value)}
            options={[{ value: '', label: t('participation.whereCity') }, ...(dongs.data?.items ?? []).map((d) => ({ value: d.code, label: locale === 'en' ? d.nameEn : d.nameKo }))]} />
          <TextField label={field('meetingPlace')} value={meetingPlace} maxLength={200} error={send.fieldError('meetingPlace')} onChange={(e) => setMeetingPlace(e.target.value)} />
          <TextField label={field('meetingPattern')} value={meetingPattern} maxLength={200} error={send.fieldError('meetingPattern')} onChange={(e) => setMeetingPattern(e.target.value)} />
        </div>
        <FormStatus error={send.formError(['name', 'description', 'area', 'dongCode', 'meetingPlace', 'meetingPattern'])} />
        <div><button type="submit" className="krds-btn primary" disabled={send.busy}>{t('participation.registerSend')}</button></div>
      </form>
    </section>
  );
}
