import type { ReactNode } from 'react';
import { useLocale } from '../i18n/index.ts';

export function Loading() {
  const { t } = useLocale();
  return <p role="status" aria-live="polite">{t('common.loading')}</p>;
}

export function ErrorNotice({ error, onRetry }: { error: { message: string; status?: number }; onRetry?: () => void }) {
  const { t } = useLocale();
  const message = error.status === 401 ? t('common.loginNeeded') : error.status === 403 ? t('common.forbidden') : error.status === 404 ? t('common.notFound') : t('common.error', { message: error.message });
  return (
    <div className="lc-notice error" role="alert">
      {message}{' '}
      {onRetry && <button type="button" className="krds-btn small tertiary" onClick={onRetry}>{t('common.retry')}</button>}
    </div>
  );
}

/** Shows loading and error states of a request, then its content. */
export function Loaded<T>({ state, children }: { state: { data: T | undefined; error?: { message: string; status?: number }; loading: boolean; reload?: () => void }; children: (data: T) => ReactNode }) {
  if (state.error) return <ErrorNotice error={state.error} onRetry={state.reload} />;
  if (state.data === undefined) return <Loading />;
  return <>{children(state.data)}</>;
}

export function PageTitle({ title, lead }: { title: string; lead?: string }) {
  return (
    <>
      <h1 className="lc-title">{title}</h1>
      {lead && <p className="lc-lead">{lead}</p>}
    </>
  );
}
