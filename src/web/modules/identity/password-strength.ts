/**
 * The strength of the password being typed on the sign-up form, as the server judges it (the server is the
 * judge at sign-up too, so the form never disagrees with it): asked after a pause in typing, earlier answers
 * dropped.
 */
import { useEffect, useState } from 'react';
import type { PasswordStrength } from '../../../shared/contracts/identity.ts';
import { api } from '../../api/client.ts';

const PAUSE_MS = 350;

export function usePasswordStrength(password: string, person: { email: string; displayName: string }): PasswordStrength | null {
  const [strength, setStrength] = useState<PasswordStrength | null>(null);
  const { email, displayName } = person;
  useEffect(() => {
    if (password === '') {
      setStrength(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api<PasswordStrength>('/auth/password-strength', { method: 'POST', body: { password, email, displayName }, signal: controller.signal })
        .then(setStrength)
        // A missed estimate (offline, too many at once) only leaves the meter as it was: sign-up still judges.
        .catch(() => undefined);
    }, PAUSE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [password, email, displayName]);
  return strength;
}

export type StrengthLevel = 'tooShort' | 'weak' | 'fair' | 'strong' | 'veryStrong';

export function strengthLevel(strength: PasswordStrength): StrengthLevel {
  if (strength.reason === 'too_short') return 'tooShort';
  if (strength.acceptable) return strength.score >= 4 ? 'veryStrong' : 'strong';
  return strength.score >= 2 ? 'fair' : 'weak';
}
