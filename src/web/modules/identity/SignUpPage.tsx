import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { Dong } from '../../../shared/contracts/geography.ts';
import { PASSWORD_MIN_LENGTH } from '../../../shared/vocabulary/index.ts';
import { query, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useSession } from '../../shells/session.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/Status.tsx';

export function SignUpPage() {
  const { t, locale } = useLocale();
  const { signUp } = useSession();
  const navigate = useNavigate();
  const [form, setForm] = useState({ email: '', password: '', displayName: '', birthYear: '', dongQuery: '', homeDongCode: '' });
  const dongs = useApi<PageOf<Dong>>(form.dongQuery.trim().length >= 2 ? `/geography/dongs${query({ q: form.dongQuery.trim(), pageSize: 30 })}` : null);

  const submission = useSubmission(() => signUp({
    email: form.email, password: form.password, displayName: form.displayName, locale,
    ...(form.birthYear ? { birthYear: Number(form.birthYear) } : {}),
    ...(form.homeDongCode ? { homeDongCode: form.homeDongCode } : {}),
  }), () => navigate('/me'));
  const { fieldError } = submission;
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  return (
    <>
      <PageTitle title={t('identity.signupTitle')} />
      <form className="lc-form" onSubmit={submission.onSubmit} noValidate>
        <TextField label={t('identity.displayName')} required autoComplete="name" value={form.displayName} error={fieldError('displayName')} onChange={set('displayName')} />
        <TextField label={t('identity.email')} type="email" required autoComplete="email" value={form.email} error={fieldError('email')} onChange={set('email')} />
        <TextField label={t('identity.password')} type="password" required autoComplete="new-password" hint={t('identity.passwordHint', { count: PASSWORD_MIN_LENGTH })}
          value={form.password} error={fieldError('password')} onChange={set('password')} />
        <TextField label={t('identity.birthYear')} inputMode="numeric" value={form.birthYear} error={fieldError('birthYear')} onChange={set('birthYear')} />
        <TextField label={t('identity.homeDong')} hint={t('identity.homeDongHint')} value={form.dongQuery} onChange={set('dongQuery')} />
        {dongs.data && dongs.data.items.length > 0 && (
          <SelectField label={t('identity.homeDong')} value={form.homeDongCode} error={fieldError('homeDongCode')} onChange={set('homeDongCode')}
            options={[{ value: '', label: '—' }, ...dongs.data.items.map((d) => ({ value: d.code, label: locale === 'en' ? `${d.nameEn} (${d.code})` : `${d.nameKo} (${d.code})` }))]} />
        )}
        <FormStatus error={submission.formError(['displayName', 'email', 'password', 'birthYear', 'homeDongCode'])} />
        <div><button type="submit" className="krds-btn primary" disabled={submission.busy}>{t('identity.signup')}</button></div>
        <p>{t('identity.haveAccount')} <Link to="/login">{t('nav.login')}</Link></p>
      </form>
    </>
  );
}
