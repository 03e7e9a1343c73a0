/**
 * The institution's side of a program: who is enrolled and who waits, attendance session by session,
 * the completion rule, deciding completion (which issues the certificates), and one learner's completion by hand.
 */
import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CompletionResult, Roster, RosterEntry } from '../../../shared/contracts/enrolment.ts';
import type { ProgramDetail } from '../../../shared/contracts/programs.ts';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import { enrolmentStatuses } from '../../../shared/vocabulary/index.ts';
import { api, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { ConfirmAction } from '../../ui/ConfirmAction.tsx';
import { DateRange } from '../../ui/DateRange.tsx';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { ErrorNotice, Loaded, PageTitle } from '../../ui/Status.tsx';
import { titleIn } from '../programs/format.ts';

type Present = Record<number, readonly number[]>;

/** Who is ticked as present, per session, from what the roster has recorded. */
function presentFrom(roster: Roster): Present {
  return Object.fromEntries(roster.sessions.map((s) => [s.sessionNo, roster.enrolled.filter((e) => e.attended.includes(s.sessionNo)).map((e) => e.enrolmentId)]));
}

function learnerText(entry: RosterEntry, t: (key: string, options?: Record<string, unknown>) => string): string {
  const name = entry.birthYear ? `${entry.displayName} (${t('roster.born', { year: entry.birthYear })})` : entry.displayName;
  // The server gives a learner's mobile number only for a program that promises text messages.
  return entry.phone ? `${name} · ${entry.phone}` : name;
}

function SaveSession({ programId, sessionNo, roster, present, onSaved }: { programId: number; sessionNo: number; roster: Roster; present: readonly number[]; onSaved(roster: Roster): void }) {
  const { t } = useLocale();
  const save = useSubmission(async () => {
    const ids = roster.enrolled.map((e) => e.enrolmentId);
    onSaved(await api<Roster>(`/programs/${programId}/sessions/${sessionNo}/attendance`, {
      method: 'PUT', body: { present: ids.filter((id) => present.includes(id)), absent: ids.filter((id) => !present.includes(id)) },
    }));
  });
  return (
    <form onSubmit={save.onSubmit}>
      <button type="submit" className="krds-btn small secondary" disabled={save.busy}>{t('roster.saveSession', { session: sessionNo })}</button>
      {save.done && <span className="lc-saved" role="status">{t('common.saved')}</span>}
      <FormStatus error={save.formError()} />
    </form>
  );
}

function AttendanceTable({ programId, roster, onSaved }: { programId: number; roster: Roster; onSaved(roster: Roster): void }) {
  const { t, label } = useLocale();
  const [present, setPresent] = useState<Present>(() => presentFrom(roster));
  const tick = (sessionNo: number, enrolmentId: number, on: boolean) =>
    setPresent({ ...present, [sessionNo]: on ? [...(present[sessionNo] ?? []), enrolmentId] : (present[sessionNo] ?? []).filter((id) => id !== enrolmentId) });
  const recorded = (sessionNo: number) => roster.enrolled.some((e) => e.attended.includes(sessionNo) || e.absent.includes(sessionNo));
  // Attendance is taken from a session's day on (the server refuses it earlier): later sessions offer nothing to tick.
  const today = todayInKorea();
  const dayOf = (s: { startsAt: string }) => todayInKorea(new Date(s.startsAt));
  const ahead = (s: { startsAt: string }) => dayOf(s) > today;
  if (roster.enrolled.length === 0) return <p>{t('roster.noLearners')}</p>;
  return (
    <div className="lc-table-wrap">
      <table className="lc-table lc-roster">
        <caption className="sr-only">{t('roster.attendance')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('roster.learner')}</th>
            <th scope="col">{t('roster.status')}</th>
            {roster.sessions.map((s) => (
              <th key={s.sessionNo} scope="col" className="lc-session-col">
                {t('roster.session', { session: s.sessionNo })}
                <small>{dayOf(s).slice(5).replace('-', '/')}</small>
                <small>{ahead(s) ? t('roster.notYet') : recorded(s.sessionNo) ? t('roster.recorded') : t('roster.notRecorded')}</small>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {roster.enrolled.map((entry) => (
            <tr key={entry.enrolmentId}>
              <th scope="row">{learnerText(entry, t)}</th>
              <td className="lc-learner-status">
                {label(enrolmentStatuses.get(entry.status))}<br /><small>{t('roster.attendedCount', { count: entry.attended.length, total: roster.sessions.length })}</small>
                {entry.lastDecision && <><br /><small>{t('roster.decidedBecause', { reason: entry.lastDecision.reason, by: entry.lastDecision.decidedBy })}</small></>}
              </td>
              {roster.sessions.map((s) => {
                const id = `present-${entry.enrolmentId}-${s.sessionNo}`;
                if (ahead(s)) return <td key={s.sessionNo} className="lc-session-col"><span aria-hidden="true">—</span></td>;
                return (
                  <td key={s.sessionNo} className="lc-session-col">
                    <div className="krds-form-check">
                      <input type="checkbox" id={id} checked={(present[s.sessionNo] ?? []).includes(entry.enrolmentId)}
                        onChange={(e) => tick(s.sessionNo, entry.enrolmentId, e.target.checked)} />
                      <label htmlFor={id}>{t('roster.present')}<span className="sr-only"> {t('roster.presentFor', { name: entry.displayName, session: s.sessionNo })}</span></label>
                    </div>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={2} />
            {roster.sessions.map((s) => (
              <td key={s.sessionNo} className="lc-session-col">
                {!ahead(s) && <SaveSession programId={programId} sessionNo={s.sessionNo} roster={roster} present={present[s.sessionNo] ?? []} onSaved={onSaved} />}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function Waitlist({ roster }: { roster: Roster }) {
  const { t } = useLocale();
  const titleId = useId();
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId} className="lc-section-title">{t('roster.waitlist')}</h2>
      {roster.waitlist.length === 0 ? <p>{t('roster.noWaitlist')}</p> : (
        <ol className="lc-waitlist">
          {roster.waitlist.map((entry) => <li key={entry.enrolmentId}>{learnerText(entry, t)}</li>)}
        </ol>
      )}
    </section>
  );
}

function CompletionRule({ programId, roster, onSaved }: { programId: number; roster: Roster; onSaved(roster: Roster): void }) {
  const { t } = useLocale();
  const field = useFieldLabels('programs/completion-rule');
  const titleId = useId();
  const [percent, setPercent] = useState(String(Math.round(roster.completionRate * 100)));
  const save = useSubmission(async () => {
    onSaved(await api<Roster>(`/programs/${programId}/completion-rule`, { method: 'PUT', body: { completionRate: Number(percent) / 100 } }));
  });
  const needed = Math.ceil((Number(percent) / 100) * roster.sessions.length - 1e-9);
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId} className="lc-section-title">{t('roster.rule')}</h2>
      <form className="lc-form-row" onSubmit={save.onSubmit}>
        <TextField label={field('completionRate')} type="number" min={5} max={100} step={1} required value={percent} inputMode="numeric"
          hint={t('roster.ruleHint', { needed: Number.isFinite(needed) ? needed : 0, total: roster.sessions.length })}
          error={save.fieldError('completionRate')} onChange={(e) => setPercent(e.target.value)} />
        <div><button type="submit" className="krds-btn secondary" disabled={save.busy}>{t('common.save')}</button></div>
      </form>
      <FormStatus error={save.formError(['completionRate'])} done={save.done} />
    </section>
  );
}

function Completion({ programId, onDone }: { programId: number; onDone(): void }) {
  const { t } = useLocale();
  const titleId = useId();
  const [result, setResult] = useState<CompletionResult | null>(null);
  const complete = useSubmission(async () => setResult(await api<CompletionResult>(`/programs/${programId}/completion`, { method: 'POST' })), onDone);
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId} className="lc-section-title">{t('roster.completion')}</h2>
      <p>{t('roster.completionHint')}</p>
      <ConfirmAction label={t('roster.complete')} question={t('roster.confirmComplete')} yes={t('roster.confirmYes')} no={t('enrolment.confirmNo')}
        busy={complete.busy} onConfirm={complete.onSubmit}>
        {/* The server says why in its own words; the first sentence says it in the reader's. */}
        <FormStatus error={complete.error?.status === 409 ? `${t('roster.completionRefused')} ${complete.error.message}` : complete.formError()} />
        {result && <p className="lc-notice success" role="status">{t('roster.completionResult', result)}</p>}
      </ConfirmAction>
    </section>
  );
}

/**
 * One learner's completion decided by hand, with a reason the learner is told: completed (a certificate) or not
 * completed, which withdraws a completion and revokes its certificate.
 */
function LearnerCompletion({ programId, roster, onSaved }: { programId: number; roster: Roster; onSaved(roster: Roster): void }) {
  const { t } = useLocale();
  const field = useFieldLabels('programs/learners/completion');
  const titleId = useId();
  const [enrolmentId, setEnrolmentId] = useState(String(roster.enrolled[0]?.enrolmentId ?? ''));
  const [completed, setCompleted] = useState('true');
  const [reason, setReason] = useState('');
  const learner = roster.enrolled.find((e) => String(e.enrolmentId) === enrolmentId);
  const decide = useSubmission(async () => {
    onSaved(await api<Roster>(`/programs/${programId}/learners/${enrolmentId}/completion`, { method: 'PUT', body: { completed: completed === 'true', reason } }));
    setReason('');
  });
  if (!learner) return null;
  const withdrawing = completed !== 'true' && learner.status === 'completed';
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId} className="lc-section-title">{t('roster.oneLearner')}</h2>
      <p className="lc-hint">{t('roster.oneLearnerHint')}</p>
      <SelectField label={t('roster.whichLearner')} value={enrolmentId} onChange={(e) => setEnrolmentId(e.target.value)}
        options={roster.enrolled.map((e) => ({ value: String(e.enrolmentId), label: learnerText(e, t) }))} />
      <SelectField label={t('roster.decision')} value={completed} onChange={(e) => setCompleted(e.target.value)}
        options={[{ value: 'true', label: t('roster.decideCompleted') }, { value: 'false', label: t('roster.decideNotCompleted') }]} />
      <TextArea label={field('reason')} required maxLength={500} value={reason} rows={2} hint={t('roster.reasonHint')}
        error={decide.fieldError('reason')} onChange={(e) => setReason(e.target.value)} />
      <ConfirmAction label={t('roster.decide')} yes={t('roster.decideYes')} no={t('enrolment.confirmNo')} busy={decide.busy} onConfirm={decide.onSubmit}
        question={t(withdrawing ? 'roster.confirmWithdraw' : completed === 'true' ? 'roster.confirmCompleted' : 'roster.confirmNotCompleted', { name: learner.displayName })}>
        <FormStatus error={decide.formError(['reason'])} done={decide.done} />
      </ConfirmAction>
    </section>
  );
}

function ManageRoster({ program }: { program: ProgramDetail }) {
  const { t, locale } = useLocale();
  const loaded = useApi<Roster>(`/programs/${program.id}/roster`);
  // The latest roster: from the last save, else as loaded.
  const [saved, setSaved] = useState<Roster | null>(null);
  const roster = saved ?? loaded.data;
  const reload = () => {
    setSaved(null);
    loaded.reload();
  };
  return (
    <>
      <PageTitle title={t('roster.title')} />
      <p className="lc-lead"><Link to={`/programs/${program.id}`}>{titleIn(program, locale)}</Link> · <DateRange from={program.startsOn} to={program.endsOn} /></p>
      <Loaded state={{ ...loaded, data: roster }}>
        {(r) => (
          <>
            <p>{t('roster.summary', { capacity: r.capacity, enrolled: r.enrolled.length, waiting: r.waitlist.length })}</p>
            <h2 className="lc-section-title">{t('roster.attendance')}</h2>
            <p className="lc-hint">{t('roster.attendanceHint')}</p>
            <AttendanceTable programId={program.id} roster={r} onSaved={setSaved} />
            <Waitlist roster={r} />
            <CompletionRule programId={program.id} roster={r} onSaved={setSaved} />
            <Completion programId={program.id} onDone={reload} />
            <LearnerCompletion programId={program.id} roster={r} onSaved={setSaved} />
          </>
        )}
      </Loaded>
    </>
  );
}

export function RosterPage() {
  const { id } = useParams();
  const session = useSession();
  const program = useApi<ProgramDetail>(`/programs/${Number(id)}`);
  if (!session.ready) return null;
  if (!session.me) return <LoginPrompt />;
  return (
    <Loaded state={program}>
      {(p) => session.can('program.manage', { institutionId: p.institutionId, cityCode: p.cityCode })
        ? <ManageRoster program={p} />
        : <ErrorNotice error={{ status: 403, message: '' }} />}
    </Loaded>
  );
}
