import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
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
import { strengthLevel, usePasswordStrength } from './password-strength.ts';

const danger = 'var(--krds-light-color-element-danger)';
const METER_COLOURS = {
  tooShort: danger, weak: danger, fair: 'var(--krds-light-color-element-warning)',
  strong: 'var(--krds-light-color-element-success)', veryStrong: 'var(--krds-light-color-element-success)',
} as const;

export function SignUpPage() {
  const { t, locale } = useLocale();
  const { signUp } = useSession();
  const navigate = useNavigate();
  // Back to the page that asked for an account (an invitation), with the email it was sent to; else to My learning.
  const asked = (useLocation().state ?? {}) as { from?: unknown; email?: unknown };
  const next = typeof asked.from === 'string' && asked.from.startsWith('/') ? asked.from : '/me';
  const [form, setForm] = useState({
    email: typeof asked.email === 'string' ? asked.email : '', password: '', displayName: '', birthYear: '', dongQuery: '', homeDongCode: '',
  });
  const dongs = useApi<PageOf<Dong>>(form.dongQuery.trim().length >= 2 ? `/geography/dongs${query({ q: form.dongQuery.trim(), pageSize: 30 })}` : null);

  // The server's refusal of a password stays beside the field only until the password is changed.
  const [sentPassword, setSentPassword] = useState('');
  const submission = useSubmission(() => {
    setSentPassword(form.password);
    return signUp({
      email: form.email, password: form.password, displayName: form.displayName, locale,
      ...(form.birthYear ? { birthYear: Number(form.birthYear) } : {}),
      ...(form.homeDongCode ? { homeDongCode: form.homeDongCode } : {}),
    });
  }, () => navigate(next));
  const { fieldError } = submission;
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const strength = usePasswordStrength(form.password, form);
  const level = strength ? strengthLevel(strength) : null;
  const strengthWords = level ? t('identity.strength', { level: t(`identity.strengthLevels.${level}`) }) : null;
  // The field's hint (read with it, through aria-describedby): the length rule, then the strength and what to do.
  const passwordHint = [t('identity.passwordHint', { count: PASSWORD_MIN_LENGTH }), strengthWords, strength?.message].filter(Boolean).join(' · ');

  return (
    <>
      <PageTitle title={t('identity.signupTitle')} />
      <form className="lc-form" onSubmit={submission.onSubmit} noValidate>
        <TextField label={t('identity.displayName')} required autoComplete="name" value={form.displayName} error={fieldError('displayName')} onChange={set('displayName')} />
        <TextField label={t('identity.email')} type="email" required autoComplete="email" value={form.email} error={fieldError('email')} onChange={set('email')} />
        <TextField label={t('identity.password')} type="password" required autoComplete="new-password" hint={passwordHint}
          value={form.password} error={form.password === sentPassword ? fieldError('password') : undefined} onChange={set('password')} />
        {/* The words are in the field's hint; this announces each new level after a pause in typing. */}
        <p className="sr-only" aria-live="polite">{strengthWords}</p>
        {strength && level && (
          <div className="lc-progress" aria-hidden="true">
            <div className="lc-progress-track">
              <div className="lc-progress-fill" style={{ width: `${((strength.score + 1) / 5) * 100}%`, background: METER_COLOURS[level] }} />
            </div>
          </div>
        )}
        <TextField label={t('identity.birthYear')} inputMode="numeric" value={form.birthYear} error={fieldError('birthYear')} onChange={set('birthYear')} />
        <TextField label={t('identity.homeDong')} hint={t('identity.homeDongHint')} value={form.dongQuery} onChange={set('dongQuery')} />
        {dongs.data && dongs.data.items.length > 0 && (
          <SelectField label={t('identity.homeDong')} value={form.homeDongCode} error={fieldError('homeDongCode')} onChange={set('homeDongCode')}
            options={[{ value: '', label: '—' }, ...dongs.data.items.map((d) => ({ value: d.code, label: locale === 'en' ? `${d.nameEn} (${d.code})` : `${d.nameKo} (${d.code})` }))]} />
        )}
        <FormStatus error={submission.formError(['displayName', 'email', 'password', 'birthYear', 'homeDongCode'])} />
        <div><button type="submit" className="krds-btn primary" disabled={submission.busy}>{t('identity.signup')}</button></div>
        <p>{t('identity.haveAccount')} <Link to="/login" state={{ from: next }}>{t('nav.login')}</Link></p>
      </form>
    </>
  );
}
