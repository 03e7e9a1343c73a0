/**
 * One grant: its money as the ledger sums it, every ledger row, the spending reports, and what the viewer may do —
 * the city's officers file a report (by line, never above what is left), the ministry decides reports and adjusts.
 */
import { useState } from 'react';
import type { GrantView, SpendingReport } from '../../../shared/contracts/grants.ts';
import { grantKinds, grantLedgerEntries, spendingLines, spendingReportStatuses, type SpendingLine } from '../../../shared/vocabulary/index.ts';
import { api, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { DOCUMENT_ACCEPT, useDocumentUpload } from '../../api/useDocumentUpload.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { useLocale } from '../../i18n/index.ts';
import { useSession } from '../../shells/session.tsx';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { Loaded } from '../../ui/Status.tsx';
import { UploadStatus } from '../../ui/UploadStatus.tsx';
import { useWon } from './won.ts';

export function GrantDetail({ cityCode, id, onChanged }: { cityCode: string; id: number; onChanged(): void }) {
  const { t, label, locale, date } = useLocale();
  const won = useWon();
  const session = useSession();
  const grant = useApi<GrantView>(`/cities/${cityCode}/grants/${id}`);
  // A decided report's form goes away with its decision: the outcome is told here instead.
  const [decided, setDecided] = useState(false);
  const changed = () => { grant.reload(); onChanged(); };
  return (
    <Loaded state={grant}>
      {(g) => (
        <section className="lc-section" aria-labelledby={`grant-${g.id}`}>
          <h3 className="lc-section-title" id={`grant-${g.id}`}>
            {locale === 'en' ? g.cityNameEn : g.cityNameKo} · {g.year} · {label(grantKinds.get(g.kind))}
          </h3>
          <dl className="lc-facts">
            <div><dt>{t('grants.awarded')}</dt><dd>{won(g.awarded)}</dd></div>
            <div><dt>{t('grants.adjusted')}</dt><dd>{won(g.adjusted)}</dd></div>
            <div><dt>{t('grants.spent')}</dt><dd>{won(g.spent)}</dd></div>
            <div><dt>{t('grants.balance')}</dt><dd><strong>{won(g.balance)}</strong></dd></div>
            <div><dt>{t('grants.pending')}</dt><dd>{won(g.pending)}</dd></div>
          </dl>
          <p><strong>{t('grants.conditions')}</strong>: {g.conditions}</p>
          {g.members.length > 0 && (
            <p>
              <strong>{t('grants.leadCity')}</strong>: {locale === 'en' ? g.cityNameEn : g.cityNameKo} · <strong>{t('grants.members')}</strong>:{' '}
              {g.members.map((m) => (locale === 'en' ? m.cityNameEn : m.cityNameKo)).join(', ')}
            </p>
          )}

          <h4>{t('grants.reports')}</h4>
          {g.reports.length === 0 ? <p>{t('grants.noReports')}</p> : (
            <ul className="lc-plain-list">
              {g.reports.map((r) => (
                <li key={r.id} className="lc-section">
                  <ReportLines report={r} />
                  <ReportDocuments cityCode={cityCode} grantId={g.id} report={r} canAttach={r.status === 'submitted' && g.cityCode === cityCode && session.can('grants.report.file', { cityCode })} onAttached={changed} />
                  {r.status === 'submitted' && session.can('grants.manage', { cityCode }) && <DecisionForm cityCode={cityCode} grantId={g.id} report={r} onDone={() => { setDecided(true); changed(); }} />}
                </li>
              ))}
            </ul>
          )}
          {decided && <p className="lc-notice success" role="status">{t('grants.decided')}</p>}
          {g.cityCode === cityCode && session.can('grants.report.file', { cityCode }) && <SpendingForm grant={g} onDone={changed} />}
          {session.can('grants.manage', { cityCode }) && <AdjustmentForm grant={g} onDone={changed} />}

          <h4>{t('grants.ledger')}</h4>
          <p className="lc-meta">{t('grants.ledgerLead')}</p>
          <div className="lc-table-wrap" tabIndex={0} role="region" aria-label={t('grants.ledger')}>
            <table className="lc-table">
              <thead><tr><th scope="col">{t('grants.when')}</th><th scope="col">{t('grants.entry')}</th><th scope="col">{t('grants.line')}</th><th scope="col">{t('grants.amount')}</th><th scope="col">{t('grants.note')}</th></tr></thead>
              <tbody>
                {g.ledger.map((e) => (
                  <tr key={e.id}>
                    <td>{date(e.recordedAt)}</td>
                    <td>{label(grantLedgerEntries.get(e.kind))}</td>
                    <td>{e.line ? label(spendingLines.get(e.line)) : '—'}</td>
                    <td className="num">{won(e.amount)}</td>
                    <td>{e.note || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </Loaded>
  );
}

function ReportLines({ report }: { report: SpendingReport }) {
  const { t, label, date } = useLocale();
  const won = useWon();
  return (
    <>
      <p>
        <strong>{date(report.submittedAt)} · {label(spendingReportStatuses.get(report.status))}</strong> · {t('grants.total')} {won(report.total)}
      </p>
      <ul>
        {report.lines.map((l) => <li key={l.line}>{label(spendingLines.get(l.line))}: {won(l.amount)}</li>)}
      </ul>
      {report.note && <p>{report.note}</p>}
      {report.returnReason && <p className="lc-notice">{t('grants.returnReason', { reason: report.returnReason })}</p>}
    </>
  );
}

/** The report's documents as links; while it awaits the decision, the city's officers attach more (receipts, the report). */
function ReportDocuments({ cityCode, grantId, report, canAttach, onAttached }: {
  cityCode: string; grantId: number; report: SpendingReport; canAttach: boolean; onAttached(): void;
}) {
  const { t, number } = useLocale();
  const base = `/cities/${cityCode}/grants/${grantId}/spending-reports/${report.id}/documents`;
  const { state, upload } = useDocumentUpload((file) => `${base}?name=${encodeURIComponent(file.name)}`, onAttached);
  return (
    <div>
      {report.documents.length > 0 && (
        <ul className="lc-plain-list" aria-label={t('grants.documents')}>
          {report.documents.map((d) => (
            <li key={d.id}>
              <a href={`/api${base}/${d.id}`} download={d.fileName}>{d.fileName}</a>
              <span className="lc-meta"> · {t('grants.documentSize', { size: number(Math.max(1, Math.round(d.byteSize / 1024))) })}</span>
            </li>
          ))}
        </ul>
      )}
      {canAttach && (
        <>
          <label className="krds-btn secondary small lc-file-button">
            {t('grants.attach')}
            <span className="sr-only"> — {t('grants.attachHint')}</span>
            <input type="file" className="sr-only" disabled={state.busy !== undefined} onChange={(e) => void upload(e)} accept={DOCUMENT_ACCEPT} />
          </label>
          <p className="lc-hint">{t('grants.attachHint')}</p>
          <UploadStatus state={state} busy={(name) => `${name}…`} done={() => t('grants.attached')} />
        </>
      )}
    </div>
  );
}

function SpendingForm({ grant, onDone }: { grant: GrantView; onDone(): void }) {
  const { t, label } = useLocale();
  const { number } = useWon();
  const field = useFieldLabels('cities/grants/spending-reports');
  const [lines, setLines] = useState<{ line: SpendingLine; amount: string }[]>([{ line: 'programs', amount: '' }]);
  const [note, setNote] = useState('');
  const send = useSubmission(async () => {
    await api(`/cities/${grant.cityCode}/grants/${grant.id}/spending-reports`, {
      method: 'POST', body: { lines: lines.map((l) => ({ line: l.line, amount: Number(l.amount) })), note },
    });
    setLines([{ line: 'programs', amount: '' }]);
    setNote('');
  }, onDone);
  const unused = spendingLines.codes.filter((code) => !lines.some((l) => l.line === code));
  const update = (i: number, change: Partial<{ line: SpendingLine; amount: string }>) => setLines(lines.map((l, j) => (j === i ? { ...l, ...change } : l)));
  return (
    <form className="lc-form" onSubmit={send.onSubmit} aria-labelledby={`file-${grant.id}`}>
      <h4 id={`file-${grant.id}`}>{t('grants.fileTitle')}</h4>
      <p className="lc-meta">{t('grants.fileLead', { amount: number(grant.balance - grant.pending) })}</p>
      {lines.map((l, i) => (
        <div className="lc-form-row" key={i}>
          <SelectField label={`${field('lines.line')} ${i + 1}`} value={l.line} error={send.fieldError(`lines.${i}.line`)}
            onChange={(e) => update(i, { line: e.target.value as SpendingLine })}
            options={spendingLines.entries.filter((s) => s.code === l.line || unused.includes(s.code)).map((s) => ({ value: s.code, label: label(s) }))} />
          <TextField label={`${field('lines.amount')} ${i + 1}`} inputMode="numeric" value={l.amount} error={send.fieldError(`lines.${i}.amount`)}
            onChange={(e) => update(i, { amount: e.target.value.replace(/[^0-9]/g, '') })} />
          {lines.length > 1 && (
            <div><button type="button" className="krds-btn tertiary" onClick={() => setLines(lines.filter((_, j) => j !== i))}>
              {t('grants.removeLine', { line: label(spendingLines.get(l.line)) })}
            </button></div>
          )}
        </div>
      ))}
      {unused.length > 0 && (
        <div><button type="button" className="krds-btn secondary" onClick={() => setLines([...lines, { line: unused[0]!, amount: '' }])}>{t('grants.addLine')}</button></div>
      )}
      <TextArea label={field('note')} value={note} rows={2} maxLength={2000} error={send.fieldError('note')} onChange={(e) => setNote(e.target.value)} />
      <FormStatus error={send.formError(['lines', 'note'])} />
      {send.done && <p className="lc-notice success" role="status">{t('grants.filed')}</p>}
      <div><button type="submit" className="krds-btn primary" disabled={send.busy}>{t('grants.file')}</button></div>
    </form>
  );
}

function DecisionForm({ cityCode, grantId, report, onDone }: { cityCode: string; grantId: number; report: SpendingReport; onDone(): void }) {
  const { t, date } = useLocale();
  const field = useFieldLabels('cities/grants/spending-reports/decision');
  const [decision, setDecision] = useState<'accepted' | 'returned'>('accepted');
  const [reason, setReason] = useState('');
  const send = useSubmission(() => api(`/cities/${cityCode}/grants/${grantId}/spending-reports/${report.id}/decision`, {
    method: 'POST', body: decision === 'accepted' ? { decision } : { decision, reason },
  }), onDone);
  return (
    <form className="lc-form" onSubmit={send.onSubmit} aria-label={`${t('grants.decideTitle')} ${date(report.submittedAt)}`}>
      <ChoiceGroup legend={field('decision')} type="radio" inline selected={[decision]} error={send.fieldError('decision')}
        options={[{ value: 'accepted', label: t('grants.accept') }, { value: 'returned', label: t('grants.return') }]}
        onChange={(value) => setDecision(value as 'accepted' | 'returned')} />
      {decision === 'returned' && <TextArea label={field('reason')} value={reason} rows={2} maxLength={2000} error={send.fieldError('reason')} onChange={(e) => setReason(e.target.value)} />}
      <FormStatus error={send.formError(['decision', 'reason'])} />
      <div><button type="submit" className="krds-btn primary" disabled={send.busy}>{t('grants.decide')}</button></div>
    </form>
  );
}

function AdjustmentForm({ grant, onDone }: { grant: GrantView; onDone(): void }) {
  const { t } = useLocale();
  const field = useFieldLabels('cities/grants/adjustments');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const send = useSubmission(async () => {
    await api(`/cities/${grant.cityCode}/grants/${grant.id}/adjustments`, { method: 'POST', body: { amount: Number(amount), note } });
    setAmount('');
    setNote('');
  }, onDone);
  return (
    <form className="lc-form" onSubmit={send.onSubmit} aria-labelledby={`adjust-${grant.id}`}>
      <h4 id={`adjust-${grant.id}`}>{t('grants.adjustTitle')}</h4>
      <div className="lc-form-row">
        <TextField label={field('amount')} inputMode="numeric" value={amount} error={send.fieldError('amount')} onChange={(e) => setAmount(e.target.value.replace(/[^0-9-]/g, ''))} />
        <TextField label={field('note')} value={note} maxLength={500} error={send.fieldError('note')} onChange={(e) => setNote(e.target.value)} />
      </div>
      <FormStatus error={send.formError(['amount', 'note'])} />
      {send.done && <p className="lc-notice success" role="status">{t('grants.adjustedDone')}</p>}
      <div><button type="submit" className="krds-btn secondary" disabled={send.busy}>{t('grants.adjust')}</button></div>
    </form>
  );
}
