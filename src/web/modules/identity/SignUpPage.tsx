import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { Dong } from '../../../shared/contracts/geography.ts';
import { query, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { useSession } from '../../shells/session.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { PageTitle } from '../../ui/Status.tsx';
import { dongLabel, useMunicipalityNames } from '../geography/places.ts';
import { NewPasswordField } from './NewPasswordField.tsx';

export function SignUpPage() {
  const { t, locale } = useLocale();
  const { signUp } = useSession();
  const field = useFieldLabels('auth');
  const navigate = useNavigate();
  // Back to the page that asked for an account (an invitation), with the email it was sent to; else to My learning.
  const asked = (useLocation().state ?? {}) as { from?: unknown; email?: unknown };
  const next = typeof asked.from === 'string' && asked.from.startsWith('/') ? asked.from : '/me';
  const [form, setForm] = useState({
    email: typeof asked.email === 'string' ? asked.email : '', password: '', displayName: '', birthYear: '', dongQuery: '', homeDongCode: '', phone: '',
  });
  const dongs = useApi<PageOf<Dong>>(form.dongQuery.trim().length >= 2 ? `/geography/dongs${query({ q: form.dongQuery.trim(), pageSize: 30 })}` : null);
  const cityOf = useMunicipalityNames((dongs.data?.items.length ?? 0) > 0);

  // The server's refusal of a password stays beside the field only until the password is changed.
  const [sentPassword, setSentPassword] = useState('');
  const submission = useSubmission(() => {
    setSentPassword(form.password);
    return signUp({
      email: form.email, password: form.password, displayName: form.displayName, locale,
      ...(form.birthYear ? { birthYear: Number(form.birthYear) } : {}),
      ...(form.homeDongCode ? { homeDongCode: form.homeDongCode } : {}),
      ...(form.phone.trim() ? { phone: form.phone } : {}),
    });
  }, () => navigate(next));
  const { fieldError } = submission;
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  return (
    <>
      <PageTitle title={t('identity.signupTitle')} />
      <form className="lc-form" onSubmit={submission.onSubmit} noValidate>
        <TextField label={field('displayName')} required autoComplete="name" value={form.displayName} error={fieldError('displayName')} onChange={set('displayName')} />
        <TextField label={field('email')} type="email" required autoComplete="email" value={form.email} error={fieldError('email')} onChange={set('email')} />
        <NewPasswordField label={field('password')} value={form.password} person={form}
          error={form.password === sentPassword ? fieldError('password') : undefined} onChange={set('password')} />
        <TextField label={field('birthYear')} inputMode="numeric" value={form.birthYear} error={fieldError('birthYear')} onChange={set('birthYear')} />
        <TextField label={field('homeDongCode')} hint={t('identity.homeDongHint')} value={form.dongQuery} onChange={set('dongQuery')} />
        {dongs.data && dongs.data.items.length > 0 && (
          <SelectField label={field('homeDongCode')} value={form.homeDongCode} error={fieldError('homeDongCode')} onChange={set('homeDongCode')}
            options={[{ value: '', label: '—' }, ...dongs.data.items.map((d) => ({ value: d.code, label: dongLabel(d, locale, cityOf) }))]} />
        )}
        <TextField label={field('phone')} hint={t('identity.phoneHint')} type="tel" inputMode="tel" autoComplete="tel" value={form.phone}
          error={fieldError('phone')} onChange={set('phone')} />
        <FormStatus error={submission.formError(['displayName', 'email', 'password', 'birthYear', 'homeDongCode', 'phone'])} />
        <div><button type="submit" className="krds-btn primary" disabled={submission.busy}>{t('identity.signup')}</button></div>
        <p>{t('identity.haveAccount')} <Link to="/login" state={{ from: next }}>{t('nav.login')}</Link></p>
      </form>
    </>
  );
}
