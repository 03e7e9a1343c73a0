/** An institution: what it is, where, its rooms and its programs; its staff and its city's officers edit it, its colleagues reach who works there. */
import { PartnerPrograms } from '../network/PartnerPrograms.tsx';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { InstitutionDetail } from '../../../shared/contracts/institutions.ts';
import type { SearchResult } from '../../../shared/contracts/programs.ts';
import { institutionTypes } from '../../../shared/vocabulary/index.ts';
import { api, query, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { useSession } from '../../shells/session.tsx';
import { TextArea, TextField } from '../../ui/Field.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded } from '../../ui/Status.tsx';
import { InstitutionCopies } from '../copies/InstitutionCopies.tsx';
import { ProgramCard } from '../programs/ProgramCard.tsx';

function InstitutionForm({ institution, onSaved }: { institution: InstitutionDetail; onSaved(): void }) {
  const { t } = useLocale();
  const field = useFieldLabels('institutions');
  const [form, setForm] = useState({ name: institution.name, description: institution.description, phone: institution.phone ?? '', website: institution.website ?? '' });
  const submission = useSubmission(
    () => api(`/institutions/${institution.id}`, { method: 'PATCH', body: { ...form, phone: form.phone || null, website: form.website || null } }),
    onSaved,
  );
  const { fieldError } = submission;
  return (
    <form className="lc-form" onSubmit={submission.onSubmit}>
      <h2 className="lc-section-title">{t('institutions.edit')}</h2>
      <TextField label={field('name')} value={form.name} required error={fieldError('name')} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      <TextArea label={field('description')} value={form.description} error={fieldError('description')} onChange={(e) => setForm({ ...form, description: e.target.value })} />
      <TextField label={field('phone')} value={form.phone} error={fieldError('phone')} onChange={(e) => setForm({ ...form, phone: e.target.value })} />
      <TextField label={field('website')} type="url" value={form.website} error={fieldError('website')} onChange={(e) => setForm({ ...form, website: e.target.value })} />
      <FormStatus error={submission.formError(['name', 'description', 'phone', 'website'])} done={submission.done} />
      <div><button type="submit" className="krds-btn primary" disabled={submission.busy}>{t('common.save')}</button></div>
    </form>
  );
}

/** The institution's programs; its staff get a link to each one's roster. */
function InstitutionPrograms({ institution }: { institution: InstitutionDetail }) {
  const { t } = useLocale();
  const session = useSession();
  const [page, setPage] = useState(1);
  const programs = useApi<SearchResult>(`/programs${query({ institution: institution.id, page, pageSize: 6 })}`);
  const canManage = session.can('program.manage', { institutionId: institution.id, cityCode: institution.cityCode });
  return (
    <>
      <h2 className="lc-section-title">{t('institutions.programs')}</h2>
      {session.can('program.create', { institutionId: institution.id, cityCode: institution.cityCode }) && (
        <p className="lc-actions">
          <Link className="krds-btn primary" to={`/institutions/${institution.id}/programs/new`}>{t('copies.publishLink')}</Link>
          {canManage && <Link className="krds-btn secondary" to={`/institutions/${institution.id}/office`}>{t('nav.programOffice')}</Link>}
        </p>
      )}
      <Loaded state={programs}>
        {(result) => (
          <>
            <div className="lc-grid">
              {result.items.map((p) => (
                <ProgramCard key={p.id} program={p}>
                  {canManage && <p><Link className="krds-btn small secondary" to={`/programs/${p.id}/manage`}>{t('roster.manage')}</Link></p>}
                </ProgramCard>
              ))}
            </div>
            <Pagination page={result.page} pageSize={result.pageSize} total={result.total} onChange={setPage} />
          </>
        )}
      </Loaded>
    </>
  );
}

export function InstitutionPage() {
  const { id } = useParams();
  const { t, locale, label } = useLocale();
  const session = useSession();
  const institution = useApi<InstitutionDetail>(`/institutions/${Number(id)}`);
  return (
    <Loaded state={institution}>
      {(i) => (
        <>
          <span className="krds-badge bg-light-primary">{label(institutionTypes.get(i.type))}</span>
          <h1 className="lc-title">{locale === 'en' && i.nameEn ? i.nameEn : i.name}</h1>
          <p className="lc-lead">{i.description}</p>
          <dl className="lc-facts">
            <dt>{t('institutions.address')}</dt><dd>{i.address}</dd>
            <dt>{t('programs.city')}</dt><dd><Link to={`/cities/${i.cityCode}`}>{locale === 'en' ? i.cityNameEn : i.cityNameKo}</Link> · {locale === 'en' ? i.dongNameEn : i.dongNameKo}</dd>
            <dt>{t('cities.phone')}</dt><dd>{i.phone ?? '—'}</dd>
            <dt>{t('institutions.venues')}</dt>
            <dd>{i.venues.length === 0 ? t('programs.online') : i.venues.map((v) => `${v.name} (${t('institutions.seats', { count: v.seats })})`).join(', ')}</dd>
          </dl>
          {session.can('institution.colleagues.view', { institutionId: i.id, cityCode: i.cityCode }) && (
            <p><Link className="krds-btn secondary" to={`/institutions/${i.id}/colleagues`}>{t('colleagues.link')}</Link></p>
          )}
          {session.can('network.agreements.view', { institutionId: i.id, cityCode: i.cityCode }) && (
            <p><Link className="krds-btn secondary" to={`/institutions/${i.id}/network`}>{t('network.link')}</Link></p>
          )}
          {session.can('volunteers.hours.record', { institutionId: i.id, cityCode: i.cityCode }) && (
            <p><Link className="krds-btn secondary" to={`/institutions/${i.id}/volunteers`}>{t('participation.volunteersTitle')}</Link></p>
          )}
          {session.can('institution.update', { institutionId: i.id, cityCode: i.cityCode }) && <InstitutionForm institution={i} onSaved={institution.reload} />}
          <InstitutionPrograms institution={i} />
          <PartnerPrograms institutionId={i.id} />
          {session.can('program.copies.view', { institutionId: i.id, cityCode: i.cityCode }) && <InstitutionCopies institution={i} />}
        </>
      )}
    </Loaded>
  );
}
