import { useLocale } from '../i18n/index.ts';

/** The outcome line under a form: an error the fields do not show, or "saved". */
export function FormStatus({ error, done }: { error?: string; done?: boolean }) {
  const { t } = useLocale();
  if (error) return <p className="lc-notice error" role="alert">{error}</p>;
  if (done) return <p className="lc-notice success" role="status">{t('common.saved')}</p>;
  return null;
}
