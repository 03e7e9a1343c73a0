/**
 * /institutions/:id/instructors: the pool of the institution's city (published profiles that travel there) for its
 * staff, filtered by subject, target group, certificate and a free weekday and time; a profile opens with its history.
 */
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { InstructorProfile, PoolEntry } from '../../../shared/contracts/instructors.ts';
import type { InstitutionDetail } from '../../../shared/contracts/institutions.ts';
import {
  certificateKindList, certificateKinds, instructorKindList, instructorKinds, programSubcategories, programSubcategoryList, targetGroupList, targetGroups,
  weekdayList, weekdays,
} from '../../../shared/vocabulary/index.ts';
import { query, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded, PageTitle } from '../../ui/Status.tsx';
import { TaughtPrograms } from './TaughtPrograms.tsx';

type Filters = Record<'kind' | 'skill' | 'targetGroup' | 'certificate' | 'weekday' | 'from' | 'to', string>;
const noFilters: Filters = { kind: '', skill: '', targetGroup: '', certificate: '', weekday: '', from: '', to: '' };

function ProfileDetail({ institutionId, profileId }: { institutionId: number; profileId: number }) {
  const { t, locale } = useLocale();
  const profile = useApi<InstructorProfile>(`/institutions/${institutionId}/instructor-pool/${profileId}`);
  const name = (p: { nameKo: string; nameEn: string }) => (locale === 'en' ? p.nameEn : p.nameKo);
  return (
    <Loaded state={profile}>
      {(p) => (
        <div>
          <p>{t('instructors.pool.travel')}: {[...p.travelCities.map(name), ...p.travelDongs.map((d) => `${locale === 'en' ? d.cityNameEn : d.cityNameKo} ${name(d)}`)].join(', ')}</p>
          <TaughtPrograms path={`/institutions/${institutionId}/instructor-pool/${profileId}/history`} title={t('instructors.profile.history')} />
        </div>
      )}
    </Loaded>
  );
}

function PoolCard({ entry, institutionId }: { entry: PoolEntry; institutionId: number }) {
  const { t, label } = useLocale();
  const [open, setOpen] = useState(false);
  return (
    <li className="lc-card">
      <h3>{entry.displayName} <span className="krds-badge bg-light-gray">{label(instructorKinds.get(entry.kind))}</span></h3>
      <p className="lc-meta">{t('instructors.pool.taught', { count: entry.programsTaught })}</p>
      {entry.bio && <p>{entry.bio}</p>}
      <dl className="lc-facts">
        <dt>{t('instructors.pool.skills')}</dt><dd>{entry.skills.map((s) => label(programSubcategories.get(s))).join(', ') || '—'}</dd>
        <dt>{t('instructors.pool.targetGroups')}</dt><dd>{entry.targetGroups.map((g) => label(targetGroups.get(g))).join(', ') || '—'}</dd>
        <dt>{t('instructors.pool.certificates')}</dt><dd>{entry.certificates.map((c) => (c.kind === 'other' ? c.name : label(certificateKinds.get(c.kind)))).join(', ') || '—'}</dd>
        <dt>{t('instructors.pool.availability')}</dt><dd>{entry.availability.map((a) => `${label(weekdays.get(a.weekday))} ${a.from}–${a.to}`).join(', ') || '—'}</dd>
      </dl>
      <div>
        <button type="button" className="krds-btn small secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
          {t('instructors.pool.open', { name: entry.displayName })}
        </button>
      </div>
      {open && <ProfileDetail institutionId={institutionId} profileId={entry.id} />}
    </li>
  );
}

export function PoolPage() {
  const { t, label, locale } = useLocale();
  const session = useSession();
  const id = Number(useParams().id);
  const institution = useApi<InstitutionDetail>(`/institutions/${id}`);
  const [draft, setDraft] = useState<Filters>(noFilters);
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [page, setPage] = useState(1);
  const pool = useApi<PageOf<PoolEntry>>(session.me ? `/institutions/${id}/instructor-pool${query({ ...filters, page, pageSize: 10 })}` : null);
  const search = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
    setPage(1);
  };
  const any = { value: '', label: t('instructors.pool.any') };
  const select = (key: keyof Filters, options: readonly { code: string; ko: string; en: string }[]) => (
    <SelectField label={t(`instructors.pool.${key}`)} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      options={[any, ...options.map((o) => ({ value: o.code, label: label(o) }))]} />
  );
  if (!session.ready) return null;
  if (!session.me) return <LoginPrompt />;
  return (
    <Loaded state={institution}>
      {(i) => (
        <>
          <p><Link to={`/institutions/${i.id}/office`}>{t('nav.programOffice')}</Link></p>
          <PageTitle title={`${t('instructors.pool.title')} · ${locale === 'en' && i.nameEn ? i.nameEn : i.name}`} lead={t('instructors.pool.lead')} />
          <form className="lc-form-row" role="search" onSubmit={search} style={{ flexWrap: 'wrap', alignItems: 'flex-end' }}>
            {select('kind', instructorKindList)}
            {select('skill', programSubcategoryList)}
            {select('targetGroup', targetGroupList)}
            {select('certificate', certificateKindList)}
            {select('weekday', weekdayList)}
            <TextField label={t('instructors.pool.from')} type="time" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
            <TextField label={t('instructors.pool.to')} type="time" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
            <button type="submit" className="krds-btn primary">{t('instructors.pool.search')}</button>
          </form>
          <Loaded state={pool}>
            {(result) => result.items.length === 0 ? <p className="lc-notice">{t('instructors.pool.none')}</p> : (
              <>
                <p className="lc-result-count">{t('instructors.pool.count', { total: result.total })}</p>
                <ul className="lc-cards" style={{ listStyle: 'none', padding: 0 }}>
                  {result.items.map((entry) => <PoolCard key={entry.id} entry={entry} institutionId={i.id} />)}
                </ul>
                <Pagination page={result.page} pageSize={result.pageSize} total={result.total} onChange={setPage} />
              </>
            )}
          </Loaded>
        </>
      )}
    </Loaded>
  );
}
