/**
 * The record as an Excel workbook: download it, edit it, upload it. Every problem in the file is listed by
 * sheet, row and column before anything is written; writing shows its progress.
 */
import { useState, type ChangeEvent } from 'react';
import type { ImportProblem } from '../../../shared/contracts/city-record.ts';
import type { JobView } from '../../../shared/contracts/jobs.ts';
import { api, ApiError } from '../../api/client.ts';
import { useJob } from '../../api/useJob.ts';
import { useLocale } from '../../i18n/index.ts';
import { ProgressBar } from '../../ui/ProgressBar.tsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function RecordWorkbook({ cityCode, canEdit, onImported }: { cityCode: string; canEdit: boolean; onImported(job: JobView): void }) {
  const { t } = useLocale();
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [rows, setRows] = useState(0);
  const job = useJob(onImported);
  const upload = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setProblems([]);
    void job.start(async () => {
      try {
        const answer = await api<{ jobId: string; rows: number }>(`/cities/${cityCode}/record/import`, { method: 'POST', body: file, contentType: XLSX });
        setRows(answer.rows);
        return answer;
      } catch (error) {
        // A workbook's problems come row by row, with the sheet and cell, beside the message.
        if (error instanceof ApiError) setProblems((error.body?.problems as ImportProblem[] | undefined) ?? []);
        throw error;
      }
    });
  };
  return (
    <section>
      <h3 className="lc-section-title">{t('city-record.workbook')}</h3>
      <p>{t('city-record.workbookLead')}</p>
      <div className="lc-form-row">
        <a className="krds-btn secondary" href={`/api/cities/${cityCode}/record/export.xlsx`} download>{t('city-record.export')}</a>
        {canEdit && (
          <label className="krds-btn primary lc-file-button">
            {t('city-record.import')}
            <input type="file" accept={`.xlsx,${XLSX}`} className="sr-only" onChange={upload} disabled={job.running} />
          </label>
        )}
      </div>
      {job.running && job.job && <ProgressBar label={`${t('city-record.importing')}: ${job.job.phase}`} done={job.job.done} total={job.job.total} />}
      {job.job?.status === 'done' && <p className="lc-notice success" role="status">{t('city-record.imported', { rows })}</p>}
      {job.job?.status === 'failed' && <p className="lc-notice error" role="alert">{job.job.error}</p>}
      {job.error && (
        <div className="lc-notice error" role="alert">
          <p>{job.error.message}</p>
          {problems.length > 1 && (
            <details open>
              <summary>{t('city-record.problems')}</summary>
              <ul>{problems.map((p) => <li key={`${p.sheet}:${p.row}:${p.column}`}>{t('city-record.problemAt', p)}</li>)}</ul>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
