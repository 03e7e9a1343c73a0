/** A yearly report made in the background (PDF or Excel) with its progress shown: a city's, or the ministry's national one. */
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useJob } from '../../api/useJob.ts';
import { useLocale } from '../../i18n/index.ts';
import { SelectField } from '../../ui/Field.tsx';
import { ProgressBar } from '../../ui/ProgressBar.tsx';

export interface ReportMakerProps {
  /** The API path that starts the report (POST { year, format }). */
  path: string;
  /** The years to choose from (the first chosen unless `initialYear` is given). */
  years: number[];
  initialYear?: number;
  title: string;
  lead: string;
  headingId: string;
}

export function ReportMaker({ path, years, initialYear, title, lead, headingId }: ReportMakerProps) {
  const { t } = useLocale();
  const [year, setYear] = useState(initialYear ?? years[0]!);
  const job = useJob();
  const make = (format: 'pdf' | 'xlsx') => void job.start(() => api<{ jobId: string }>(path, { method: 'POST', body: { year, format } }));
  const result = job.job?.status === 'done' ? job.job : null;
  return (
    <section aria-labelledby={headingId}>
      <h2 className="lc-section-title" id={headingId}>{title}</h2>
      <p className="lc-lead">{lead}</p>
      <div className="lc-controls">
        <SelectField label={t('annual-report.year')} value={String(year)} onChange={(e) => setYear(Number(e.target.value))}
          options={years.map((y) => ({ value: String(y), label: String(y) }))} />
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
