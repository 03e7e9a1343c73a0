/** Amounts in won as people read them: 1,500,000원 / ₩1,500,000. */
import { useLocale } from '../../i18n/index.ts';

export function useWon() {
  const { t, locale } = useLocale();
  const number = (amount: number) => amount.toLocaleString(locale === 'en' ? 'en-GB' : 'ko-KR');
  return Object.assign((amount: number) => t('grants.won', { amount: number(amount) }), { number });
}
