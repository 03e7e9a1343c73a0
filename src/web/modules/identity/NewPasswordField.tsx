/** A new password's field (sign-up, reset): the length rule, and its strength as the server judges it, as it is typed. */
import { PASSWORD_MIN_LENGTH } from '../../../shared/vocabulary/index.ts';
import { useLocale } from '../../i18n/index.ts';
import { TextField } from '../../ui/Field.tsx';
import { strengthLevel, usePasswordStrength } from './password-strength.ts';

const danger = 'var(--krds-light-color-element-danger)';
const METER_COLOURS = {
  tooShort: danger, weak: danger, fair: 'var(--krds-light-color-element-warning)',
  strong: 'var(--krds-light-color-element-success)', veryStrong: 'var(--krds-light-color-element-success)',
} as const;

export function NewPasswordField({ label, value, onChange, person, error }: {
  label: string;
  value: string;
  onChange: (e: { target: { value: string } }) => void;
  /** What a guesser would know of the owner, counted against the password. */
  person: { email: string; displayName: string };
  error?: string | undefined;
}) {
  const { t } = useLocale();
  const strength = usePasswordStrength(value, person);
  const level = strength ? strengthLevel(strength) : null;
  const strengthWords = level ? t('identity.strength', { level: t(`identity.strengthLevels.${level}`) }) : null;
  // The field's hint (read with it, through aria-describedby): the length rule, then the strength and what to do.
  const hint = [t('identity.passwordHint', { count: PASSWORD_MIN_LENGTH }), strengthWords, strength?.message].filter(Boolean).join(' · ');
  return (
    <>
      <TextField label={label} type="password" required autoComplete="new-password" hint={hint} value={value} error={error} onChange={onChange} />
      {/* The words are in the field's hint; this announces each new level after a pause in typing. */}
      <p className="sr-only" aria-live="polite">{strengthWords}</p>
      {strength && level && (
        <div className="lc-progress" aria-hidden="true">
          <div className="lc-progress-track">
            <div className="lc-progress-fill" style={{ width: `${((strength.score + 1) / 5) * 100}%`, background: METER_COLOURS[level] }} />
          </div>
        </div>
      )}
    </>
  );
}
