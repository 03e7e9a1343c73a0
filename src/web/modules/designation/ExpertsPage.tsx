/**
 * The ministry appoints reviewers and consultants from registered people, found by the email they signed up
 * with (there is no directory of people to browse), and records where they work: nobody reviews applications
 * from the province they work or live in.
 */
import { useState } from 'react';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { Appointment, AppointBody, ExpertView } from '../../../shared/contracts/designation-calls.ts';
import type { Province } from '../../../shared/contracts/geography.ts';
import { expertKindList, expertKinds, type ExpertKind } from '../../../shared/vocabulary/index.ts';
import { api, query, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded, PageTitle } from '../../ui/Status.tsx';

function AppointForm({ provinces, onDone }: { provinces: Province[]; onDone(): void }) {
  const { t, label, locale } = useLocale();
  const field = useFieldLabels('designation/experts');
  const [form, setForm] = useState<AppointBody>({ email: '', kind: 'reviewer', affiliation: '', worksInProvinceCode: null });
  const [outcome, setOutcome] = useState<string | null>(null);
  const submission = useSubmission(async () => {
    setOutcome(null);
    const response = await api<Appointment>('/designation/experts', { method: 'POST', body: form });
    const kind = label(expertKinds.get(response.expert.kind));
    setOutcome(response.created ? t('calls.appointed', { name: response.expert.displayName, kind }) : t('calls.reappointed', { name: response.expert.displayName }));
  }, onDone);
  const { fieldError } = submission;
  return (
    <form className="lc-form" onSubmit={submission.onSubmit}>
      <h2 className="lc-section-title">{t('calls.appointTitle')}</h2>
      <TextField label={field('email')} type="email" autoComplete="off" required value={form.email} error={fieldError('email')}
        onChange={(e) => setForm({ ...form, email: e.target.value })} />
      <ChoiceGroup legend={t('calls.kind')} type="radio" inline selected={[form.kind]} options={expertKindList.map((k) => ({ value: k.code, label: label(k) }))}
        onChange={(value) => setForm({ ...form, kind: value as ExpertKind })} />
      <TextField label={field('affiliation')} maxLength={200} value={form.affiliation} error={fieldError('affiliation')}
        onChange={(e) => setForm({ ...form, affiliation: e.target.value })} />
      <SelectField label={field('worksInProvinceCode')} value={form.worksInProvinceCode ?? ''} error={fieldError('worksInProvinceCode')}
        onChange={(e) => setForm({ ...form, worksInProvinceCode: e.target.value || null })}
        options={[{ value: '', label: t('calls.noProvince') }, ...provinces.map((p) => ({ value: p.code, label: locale === 'en' ? p.nameEn : p.nameKo }))]} />
      <FormStatus error={submission.formError(['email', 'affiliation', 'worksInProvinceCode'])} />
      {submission.done && outcome && <p className="lc-notice success" role="status">{outcome}</p>}
      <div><button type="submit" className="krds-btn primary" disabled={submission.busy}>{t('calls.appoint')}</button></div>
    </form>
  );
}

export function ExpertsPage() {
  const { t, label, locale, date } = useLocale();
  const session = useSession();
  const allowed = session.can('designation.call.manage');
  const [filter, setFilter] = useState({ kind: '', q: '', page: 1 });
  const experts = useApi<PageOf<ExpertView>>(allowed ? `/designation/experts${query(filter)}` : null);
  const provinces = useApi<PageOf<Province>>(allowed ? '/geography/provinces?pageSize=100' : null);
  if (!session.ready) return null;
  if (!session.me) return <LoginPrompt />;
  if (!allowed) return <p className="lc-notice">{t('calls.notAllowed')}</p>;
  const provinceName = (code: string | null) => {
    const province = provinces.data?.items.find((p) => p.code === code);
    return province ? (locale === 'en' ? province.nameEn : province.nameKo) : '—';
  };
  return (
    <>
      <PageTitle title={t('calls.expertsTitle')} lead={t('calls.expertsLead')} />
      <Loaded state={provinces}>{(page) => <AppointForm provinces={page.items} onDone={experts.reload} />}</Loaded>

      <h2 className="lc-section-title">{t('calls.expertsTitle')}</h2>
      <div className="lc-filters">
        <SelectField label={t('calls.kind')} value={filter.kind} onChange={(e) => setFilter({ ...filter, kind: e.target.value, page: 1 })}
          options={[{ value: '', label: t('calls.anyKind') }, ...expertKindList.map((k) => ({ value: k.code, label: label(k) }))]} />
        <TextField label={t('calls.search')} type="search" value={filter.q} onChange={(e) => setFilter({ ...filter, q: e.target.value, page: 1 })} />
      </div>
      <Loaded state={experts}>
        {(result) => result.items.length === 0 ? <p className="lc-notice">{t('calls.noExperts')}</p> : (
          <>
            <div className="lc-table-wrap" tabIndex={0} role="region" aria-label={t('calls.expertsTitle')}>
              <table className="lc-table">
                <caption className="sr-only">{t('calls.expertsTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('calls.name')}</th><th scope="col">{t('calls.kind')}</th><th scope="col">{t('calls.affiliation')}</th>
                    <th scope="col">{t('calls.worksIn')}</th><th scope="col">{t('calls.appointedAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((expert) => (
                    <tr key={`${expert.personId}-${expert.kind}`}>
                      <th scope="row">{expert.displayName}<div className="lc-meta" style={{ overflowWrap: 'anywhere' }}>{expert.email}</div></th>
                      <td>{label(expertKinds.get(expert.kind))}</td>
                      <td>{expert.affiliation || '—'}</td>
                      <td>{provinceName(expert.worksInProvinceCode)}</td>
                      <td className="lc-nowrap">{date(expert.appointedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={result.page} pageSize={result.pageSize} total={result.total} onChange={(page) => setFilter({ ...filter, page })} />
          </>
        )}
      </Loaded>
    </>
  );
}
