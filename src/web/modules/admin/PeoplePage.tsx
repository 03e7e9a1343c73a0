/** Administrators see who has which role and grant staff roles. */
import { useState } from 'react';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { PersonSummary } from '../../../shared/contracts/identity.ts';
import { grantableRoles, roles, type RoleCode } from '../../../shared/vocabulary/index.ts';
import { api, query, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { useSession } from '../../shells/session.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { ErrorNotice, Loaded, PageTitle } from '../../ui/Status.tsx';

export function PeoplePage() {
  const { t, label } = useLocale();
  const fieldInRoles = useFieldLabels('people/roles');
  const field = useFieldLabels('people');
  const session = useSession();
  const [page, setPage] = useState(1);
  const [roleFilter, setRoleFilter] = useState('');
  const people = useApi<PageOf<PersonSummary>>(session.can('people.list') ? `/people${query({ page, role: roleFilter })}` : null);
  const [form, setForm] = useState({ personId: '', role: 'city_officer' as RoleCode, cityCode: '', institutionId: '' });
  const submission = useSubmission(() => api(`/people/${Number(form.personId)}/roles`, {
    method: 'POST',
    body: { role: form.role, ...(form.cityCode ? { cityCode: form.cityCode } : {}), ...(form.institutionId ? { institutionId: Number(form.institutionId) } : {}) },
  }), people.reload);
  const { fieldError } = submission;

  if (session.ready && !session.can('people.list')) return <ErrorNotice error={{ message: '', status: session.me ? 403 : 401 }} />;
  const roleOptions = grantableRoles.map((code) => ({ value: code, label: label(roles.get(code)) }));

  return (
    <>
      <PageTitle title={t('admin.title')} />
      <SelectField label={t('admin.role')} value={roleFilter} onChange={(e) => { setRoleFilter(e.target.value); setPage(1); }}
        options={[{ value: '', label: t('programs.any') }, ...roleOptions]} />
      <Loaded state={people}>
        {(result) => (
          <>
            <div className="lc-table-wrap">
              <table className="lc-table">
                <thead><tr><th scope="col" className="num">#</th><th scope="col">{field('displayName')}</th><th scope="col">{field('email')}</th><th scope="col">{t('identity.roles')}</th></tr></thead>
                <tbody>
                  {result.items.map((p) => (
                    <tr key={p.id}><td className="num">{p.id}</td><td>{p.displayName}</td><td>{p.email}</td><td>{p.roles.map((r) => label(roles.get(r as RoleCode))).join(', ')}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={result.page} pageSize={result.pageSize} total={result.total} onChange={setPage} />
          </>
        )}
      </Loaded>
      <form className="lc-form" onSubmit={submission.onSubmit}>
        <h2 className="lc-section-title">{t('admin.grant')}</h2>
        <TextField label={fieldInRoles('id')} inputMode="numeric" required value={form.personId} error={fieldError('id')} onChange={(e) => setForm({ ...form, personId: e.target.value })} />
        <SelectField label={fieldInRoles('role')} value={form.role} error={fieldError('role')} onChange={(e) => setForm({ ...form, role: e.target.value as RoleCode })} options={roleOptions} />
        {form.role === 'city_officer' && <TextField label={fieldInRoles('cityCode')} value={form.cityCode} error={fieldError('cityCode')} onChange={(e) => setForm({ ...form, cityCode: e.target.value })} />}
        {roles.get(form.role).scope === 'institution' && <TextField label={fieldInRoles('institutionId')} inputMode="numeric" value={form.institutionId} error={fieldError('institutionId')} onChange={(e) => setForm({ ...form, institutionId: e.target.value })} />}
        <FormStatus error={submission.formError(['id', 'role', 'cityCode', 'institutionId'])} done={submission.done} />
        <div><button type="submit" className="krds-btn primary" disabled={submission.busy}>{t('admin.save')}</button></div>
      </form>
    </>
  );
}
