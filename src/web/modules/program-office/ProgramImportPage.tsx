/**
 * Programs in and out as files (/institutions/:id/office/import): the template to fill in, a file checked first
 * (its job's phase and progress shown), its problems by row and column a page at a time and as a file, then the
 * import itself with what it made and changed; and every program exported. After each step the keyboard is taken
 * to its outcome.
 */
import { useCallback, useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { InstitutionDetail } from '../../../shared/contracts/institutions.ts';
import type { JobView } from '../../../shared/contracts/jobs.ts';
import type { FileFormat, ImportReport, ImportStatus } from '../../../shared/contracts/program-import.ts';
import { programFilePhases } from '../../../shared/vocabulary/index.ts';
import { api } from '../../api/client.ts';
import { useJob } from '../../api/useJob.ts';
import { useLocale } from '../../i18n/index.ts';
import { useSession } from '../../shells/session.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { ProgressBar } from '../../ui/ProgressBar.tsx';
import { PageTitle } from '../../ui/Status.tsx';
import { InstitutionStaffPage } from '../institutions/InstitutionStaffPage.tsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PAGE_SIZE = 20;
/** The file formats, Excel first (what most offices use), with their names as buttons say them. */
const formatName: Record<FileFormat, string> = { xlsx: 'Excel', csv: 'CSV' };
const fileFormats = Object.keys(formatName) as FileFormat[];

export function ProgramImportPage() {
  const { t } = useLocale();
  return <InstitutionStaffPage permission="program.import" notAllowed={t('program-files.notAllowed')}>{(i) => <ProgramFiles institution={i} />}</InstitutionStaffPage>;
}

/** The current page of a list shown a page at a time in the browser (a report's problems and programs are at most 1,000). */
function usePage<T>(items: readonly T[]) {
  const [page, setPage] = useState(1);
  return { page, setPage, shown: items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), total: items.length };
}

function ProgramFiles({ institution }: { institution: InstitutionDetail }) {
  const { t, label } = useLocale();
  const session = useSession();
  const base = `/institutions/${institution.id}/office/programs`;
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [step, setStep] = useState<'check' | 'import'>('check');
  const [outcome, setOutcome] = useState<{ jobId: string; step: 'check' | 'import'; report: ImportReport } | null>(null);
  const result = useRef<HTMLDivElement>(null);

  const finished = useCallback((job: JobView) => {
    if (job.status !== 'done') return;
    void api<ImportStatus>(`${base}/imports/${job.id}`).then((status) => status.report && setOutcome({ jobId: job.id, step, report: status.report }));
  }, [base, step]);
  const job = useJob(finished);
  // Each step ends on its outcome: the report, the counts, or why it failed.
  const failed = job.job?.status === 'failed' || (job.error !== null && job.error.field !== 'file');
  useEffect(() => {
    if (outcome || failed) result.current?.focus();
  }, [outcome, failed]);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    setFile(event.target.files?.[0] ?? null);
    setFileError(undefined);
    setOutcome(null);
  };
  const send = (check: boolean) => {
    if (!file) return setFileError(t('program-files.upload.noFile'));
    setFileError(undefined);
    setOutcome(null);
    setStep(check ? 'check' : 'import');
    void job.start(() => api<{ jobId: string }>(`${base}/import${check ? '?check=true' : ''}`, {
      method: 'POST', body: file, contentType: /\.xlsx$/i.test(file.name) ? XLSX : 'text/csv',
    }));
  };
  const check = (event: FormEvent) => {
    event.preventDefault();
    send(true);
  };
  const phase = job.job?.phase ?? 'starting';
  const serverFileError = job.error?.field === 'file' ? job.error.message : undefined;
  const shownFileError = fileError ?? serverFileError;

  return (
    <>
      <p><Link to={`/institutions/${institution.id}/office`}>{t('program-files.back')}</Link></p>
      <PageTitle title={t('program-files.title')} lead={t('program-files.lead')} />

      <section aria-labelledby="template-title">
        <h2 className="lc-section-title" id="template-title">{t('program-files.template.title')}</h2>
        <p>{t('program-files.template.lead')}</p>
        <p className="lc-form-row">
          {fileFormats.map((format) => (
            <a key={format} className="krds-btn secondary" href={`/api${base}/template?format=${format}`} download>{t(`program-files.template.${format}`)}</a>
          ))}
        </p>
      </section>

      <section aria-labelledby="upload-title">
        <h2 className="lc-section-title" id="upload-title">{t('program-files.upload.title')}</h2>
        <form className="lc-form" onSubmit={check} noValidate>
          <div className="form-group">
            <div className="form-tit"><label htmlFor="program-file">{t('program-files.upload.file')}</label></div>
            <div className={`form-conts${shownFileError ? ' is-error' : ''}`}>
              <input id="program-file" type="file" className="krds-input" accept={`.xlsx,.csv,${XLSX},text/csv`} onChange={choose} disabled={job.running}
                aria-invalid={shownFileError ? true : undefined} aria-describedby="program-file-hint" />
            </div>
            <p className={shownFileError ? 'form-hint-invalid' : 'form-hint'} id="program-file-hint" role={shownFileError ? 'alert' : undefined}>
              {shownFileError ?? t('program-files.upload.hint')}
            </p>
          </div>
          <div><button type="submit" className="krds-btn primary" disabled={job.running}>{t('program-files.upload.check')}</button></div>
        </form>
        {job.running && (
          <ProgressBar label={t('program-files.upload.working', { phase: programFilePhases.has(phase) ? label(programFilePhases.get(phase)) : phase })}
            done={job.job?.done ?? 0} total={job.job?.total ?? 1} />
        )}
        <div ref={result} tabIndex={-1} aria-live="polite">
          {outcome && <Outcome key={outcome.jobId} institutionId={institution.id} base={base} outcome={outcome} onImport={() => send(false)} busy={job.running} />}
          {job.job?.status === 'failed' && <p className="lc-notice error" role="alert">{t('program-files.report.failed', { message: job.job.error })}</p>}
          {job.error && !serverFileError && <p className="lc-notice error" role="alert">{t('program-files.report.failed', { message: job.error.message })}</p>}
        </div>
      </section>

      <section aria-labelledby="export-title">
        <h2 className="lc-section-title" id="export-title">{t('program-files.export.title')}</h2>
        <p>{t('program-files.export.lead')}</p>
        <p className="lc-form-row">
          {fileFormats.map((format) => (
            <a key={format} className="krds-btn secondary" href={`/api${base}/export?format=${format}`} download>{t(`program-files.export.${format}`)}</a>
          ))}
        </p>
      </section>
      {session.can('institution.api_keys.manage', { institutionId: institution.id, cityCode: institution.cityCode }) && (
        <p><Link to={`/institutions/${institution.id}/office/api-keys`}>{t('program-files.keysLink')}</Link></p>
      )}
    </>
  );
}

function Outcome({ institutionId, base, outcome, onImport, busy }: {
  institutionId: number;
  base: string;
  outcome: { jobId: string; step: 'check' | 'import'; report: ImportReport };
  onImport(): void;
  busy: boolean;
}) {
  const { t, locale } = useLocale();
  const { report } = outcome;
  const problems = usePage(report.problems);
  const programs = usePage(report.programs);
  const counts = { rows: report.rows, created: report.created, updated: report.updated, unchanged: report.unchanged, count: report.problemCount };
  if (report.problemCount > 0) {
    return (
      <section aria-labelledby="report-title" className="lc-notice error">
        <h3 id="report-title">{t('program-files.report.title')}</h3>
        <p>{t('program-files.report.problems', counts)}{report.problems.length < report.problemCount && ` ${t('program-files.report.problemsListed', { listed: report.problems.length })}`}</p>
        <div className="lc-table-wrap" tabIndex={0} role="region" aria-label={t('program-files.report.table')}>
          <table className="lc-table">
            <thead><tr>{(['row', 'column', 'message'] as const).map((c) => <th key={c} scope="col">{t(`program-files.report.${c}`)}</th>)}</tr></thead>
            <tbody>
              {problems.shown.map((p, i) => (
                <tr key={`${p.row}-${p.column}-${i}`}><th scope="row">{p.row}</th><td>{p.column}</td><td>{p.message}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pagination page={problems.page} pageSize={PAGE_SIZE} total={problems.total} onChange={problems.setPage} />
        <p className="lc-form-row">
          {fileFormats.map((format) => (
            <a key={format} className="krds-btn small tertiary" download href={`/api${base}/imports/${outcome.jobId}/problems?format=${format}&lang=${locale}`}>
              {t('program-files.report.download')} ({formatName[format]})
            </a>
          ))}
        </p>
      </section>
    );
  }
  if (outcome.step === 'check') {
    return (
      <section aria-labelledby="report-title" className="lc-notice success">
        <h3 id="report-title">{t('program-files.report.title')}</h3>
        <p>{t('program-files.report.clean', counts)}</p>
        <button type="button" className="krds-btn primary" disabled={busy} onClick={onImport}>{t('program-files.upload.import')}</button>
      </section>
    );
  }
  return (
    <section aria-labelledby="report-title" className="lc-notice success">
      <h3 id="report-title">{t('program-files.report.importedTitle')}</h3>
      <p>{t('program-files.report.imported', counts)}</p>
      {report.programs.length > 0 && (
        <>
          <div className="lc-table-wrap" tabIndex={0} role="region" aria-label={t('program-files.report.programs')}>
            <table className="lc-table">
              <thead><tr>{(['program', 'number', 'outcome'] as const).map((c) => <th key={c} scope="col">{t(`program-files.report.${c}`)}</th>)}</tr></thead>
              <tbody>
                {programs.shown.map((p) => (
                  <tr key={p.id}>
                    <th scope="row"><Link to={`/programs/${p.id}/edit`}>{p.title}</Link></th>
                    <td>{p.externalId}</td>
                    <td>{t(`program-files.report.${p.outcome}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={programs.page} pageSize={PAGE_SIZE} total={programs.total} onChange={programs.setPage} />
        </>
      )}
      <p><Link to={`/institutions/${institutionId}/office`}>{t('program-files.report.toOffice')}</Link></p>
    </section>
  );
}
