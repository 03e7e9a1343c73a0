/** The city console's report tab: one click makes the year's report (PDF or Excel), showing progress meanwhile. */
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useJob } from '../../api/useJob.ts';
import { useLocale } from '../../i18n/index.ts';
import { SelectField } from '../../ui/Field.tsx';
import { ProgressBar } from '../../ui/ProgressBar.tsx';
import type { ConsolePanelProps } from '../city-console/console-tabs.ts';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';

/** Years the platform keeps indicators for (the current one and four before it). */
const YEARS = 5;

export default function ReportPanel({ cityCode }: ConsolePanelProps) {
  const { t } = useLocale();
  const thisYear = Number(todayInKorea().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const job = useJob();
  const make = (format: 'pdf' | 'xlsx') => void job.start(() => api<{ jobId: string }>(`/cities/${cityCode}/annual-report`, { method: 'POST', body: { year, format } }));
  const result = job.job?.status === 'done' ? job.job : null;
  return (
    <section aria-labelledby="report-title">
      <h2 className="lc-section-title" id="report-title">{t('annual-report.title')}</h2>
      <p className="lc-lead">{t('annual-report.lead')}</p>
      <div className="lc-controls">
        <SelectField label={t('annual-report.year')} value={String(year)} onChange={(e) => setYear(Number(e.target.value))}
          options={Array.from({ length: YEARS }, (_, i) => thisYear - i).map((y) => ({ value: String(y), label: String(y) }))} />
      </div>
      <div className="lc-form-row">
        <button type="button" className="krds-btn primary" disabled={job.running} onClick={() => make('pdf')}>{t('annual-report.pdf')}</button>
        <button type="button" className="krds-btn secondary" disabled={job.running} onClick={() => make('xlsx')}>{t('annual-report.xlsx')}</button>
      </div>
      {job.running && <ProgressBar label={`${t('annual-report.making')}: ${job.job?.phase ?? ''}`} done={job.job?.done ?? 0} total={job.job?.total ?? 1} />}
      {result?.resultUrl && (
        <p className="lc-notice success" role="status">
          {t('annual-report.ready')} <a className="krds-btn small primary" href={result.resultUrl} download>{t('annual-report.download', { name: result.resultName })}</a>
        </p>
      )}
      {job.job?.status === 'failed' && <p className="lc-notice error" role="alert">{t('annual-report.failed', { message: job.job.error })}</p>}
      {job.error && <p className="lc-notice error" role="alert">{t('annual-report.failed', { message: job.error.message })}</p>}
    </section>
  );
}
