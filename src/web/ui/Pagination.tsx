import { useLocale } from '../i18n/index.ts';

/** KRDS pagination: previous / numbered pages / next, as buttons. */
export function Pagination({ page, pageSize, total, onChange }: { page: number; pageSize: number; total: number; onChange(page: number): void }) {
  const { t } = useLocale();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const first = Math.max(1, Math.min(page - 2, pages - 4));
  const shown = Array.from({ length: Math.min(5, pages) }, (_, i) => first + i);
  return (
    <nav className="krds-pagination" aria-label={t('common.page', { page })}>
      <button type="button" className="page-navi prev" disabled={page <= 1} onClick={() => onChange(page - 1)}>{t('common.previous')}</button>
      <div className="page-links">
        {shown.map((n) => (
          <button key={n} type="button" className={`page-link${n === page ? ' active' : ''}`} aria-current={n === page ? 'page' : undefined} onClick={() => onChange(n)}>
            {n === page && <span className="sr-only">{t('common.currentPage')} </span>}{n}
          </button>
        ))}
      </div>
      <button type="button" className="page-navi next" disabled={page >= pages} onClick={() => onChange(page + 1)}>{t('common.next')}</button>
    </nav>
  );
}
