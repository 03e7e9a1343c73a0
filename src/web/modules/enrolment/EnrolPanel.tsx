/**
 * A person's place in one program: log in, enrol (or join the waitlist), see where they stand, cancel;
 * after the course, the certificate and the way to the rating form. Refusals show the server's words.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { EnrolmentView } from '../../../shared/contracts/enrolment.ts';
import type { LearningEntry } from '../../../shared/contracts/learning-account.ts';
import type { WaitingTicket } from '../../../shared/contracts/opening-day.ts';
import type { ProgramDetail } from '../../../shared/contracts/programs.ts';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import { programStatuses } from '../../../shared/vocabulary/index.ts';
import { api, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { ConfirmAction } from '../../ui/ConfirmAction.tsx';
import { TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { ErrorNotice, Loading } from '../../ui/Status.tsx';
import { WaitingRoom } from '../opening-day/WaitingRoom.tsx';
import { feeText } from '../programs/format.ts';
import { RATING_ANCHOR } from '../satisfaction/RatingForm.tsx';
import { VoucherPay } from '../vouchers/VoucherPay.tsx';
import { enrolmentWindow } from './enrolment-window.ts';

function EnrolForm({ program, onDone }: { program: ProgramDetail; onDone(): void }) {
  const { t, label } = useLocale();
  const { me, refresh } = useSession();
  const field = useFieldLabels('me');
  const path = `/programs/${program.id}/enrolment`;
  // A course that promises texts asks for a mobile number the person has not left yet; left empty, they enrol without.
  const [asksPhone] = useState(() => program.textReminders && me !== null && me.phone === null);
  const [phone, setPhone] = useState('');
  const enrol = useSubmission(async () => {
    if (asksPhone && phone.trim()) {
      await api('/me/phone', { method: 'PUT', body: { phone } });
      await refresh();
    }
    return api<EnrolmentView>(path, { method: 'POST', body: {} });
  }, onDone);
  const enrolAnyway = useSubmission(() => api<EnrolmentView>(path, { method: 'POST', body: { allowClash: true } }), onDone);
  const clash = enrol.error?.code === 'schedule_clash';
  // On opening day the server may put the person in its waiting room; the button opens again when they are let in.
  const [ticket, setTicket] = useState<WaitingTicket | null>(null);
  const refused = enrol.error?.code === 'waiting_room' ? (enrol.error.body?.ticket as WaitingTicket) : null;
  useEffect(() => setTicket(refused), [refused]);
  const onTicket = useCallback((next: WaitingTicket) => setTicket(next), []);
  const enrolButton = useRef<HTMLButtonElement>(null);
  const letIn = ticket?.admitted ?? false;
  useEffect(() => {
    if (letIn) enrolButton.current?.focus();
  }, [letIn]);
  if (program.status !== 'published') return <p>{t('enrolment.notTaking', { status: label(programStatuses.get(program.status)) })}</p>;
  // Say when enrolment opens or that it has closed, rather than offer a button the server must refuse.
  const period = enrolmentWindow(program, todayInKorea());
  if (period.state === 'closed') return <p>{t('enrolment.windowClosed', { date: period.closedOn })}</p>;
  if (period.state === 'not_open') return <p>{t('enrolment.windowNotOpen', { date: period.opensOn })}</p>;
  return (
    <>
      {program.seatsLeft === 0 && <p className="lc-hint">{t('enrolment.fullHint')}</p>}
      {ticket && <WaitingRoom ticket={ticket} onTicket={onTicket} />}
      <form onSubmit={enrol.onSubmit} noValidate>
        {asksPhone && (
          <TextField label={field('phone')} hint={t('enrolment.phoneAsk')} type="tel" inputMode="tel" autoComplete="tel" value={phone}
            error={enrol.fieldError('phone')} onChange={(e) => setPhone(e.target.value)} />
        )}
        <button type="submit" className="krds-btn primary" ref={enrolButton} disabled={enrol.busy || (ticket !== null && !ticket.admitted)}>
          {program.seatsLeft > 0 ? t('enrolment.enrol') : t('enrolment.joinWaitlist')}
        </button>
      </form>
      {enrol.error?.status === 401 ? <LoginPrompt message={t('enrolment.loginFirst')} signUp /> : !ticket && <FormStatus error={enrol.formError(['phone'])} />}
      {clash && (
        <form onSubmit={enrolAnyway.onSubmit}>
          <p className="lc-hint">{t('enrolment.clashHint')}</p>
          <button type="submit" className="krds-btn secondary" disabled={enrolAnyway.busy}>{t('enrolment.enrolAnyway')}</button>
          <FormStatus error={enrolAnyway.formError()} />
        </form>
      )}
    </>
  );
}

/** Cancelling asks once more: the place goes to the next person waiting. */
function CancelButton({ programId, onDone }: { programId: number; onDone(): void }) {
  const { t } = useLocale();
  const cancel = useSubmission(() => api(`/programs/${programId}/enrolment`, { method: 'DELETE' }), onDone);
  return (
    <ConfirmAction label={t('enrolment.cancel')} question={t('enrolment.confirmCancel')} yes={t('enrolment.confirmYes')} no={t('enrolment.confirmNo')}
      busy={cancel.busy} onConfirm={cancel.onSubmit}>
      <FormStatus error={cancel.formError()} />
    </ConfirmAction>
  );
}

/** After the last session: the certificate, and the way to the rating form until it is answered. */
function Completed({ entry }: { entry: LearningEntry | undefined }) {
  const { t } = useLocale();
  if (!entry) return null;
  return (
    <p className="lc-actions">
      {entry.certificateId && <Link className="krds-btn secondary" to={`/certificates/${entry.certificateId}`}>{t('enrolment.certificate')}</Link>}
      {!entry.rated && <a className="krds-btn tertiary" href={`#${RATING_ANCHOR}`}>{t('satisfaction.formTitle')}</a>}
    </p>
  );
}

function StatusLine({ program, enrolment }: { program: ProgramDetail; enrolment: EnrolmentView | undefined }) {
  const { t, number } = useLocale();
  // The platform takes no payments: a paid course says when and how its fee is paid, and that waiting costs nothing.
  const fee = program.feeKrw > 0 ? feeText(program.feeKrw, t, number) : null;
  // The moment the page opened is "now" enough to name the next session.
  const [now] = useState(Date.now);
  const next = program.sessions.find((s) => new Date(s.startsAt).getTime() > now);
  switch (enrolment?.status) {
    case 'enrolled':
      return (
        <>
          <strong>{t('enrolment.enrolled')}</strong>{next && ` ${t('enrolment.nextSession', { date: next.startsAt.slice(0, 10), time: next.startsAt.slice(11, 16) })}`}
          {fee && ` ${t('enrolment.enrolledFee', { fee })}`}
        </>
      );
    case 'waitlisted':
      return <><strong>{t('enrolment.waitlisted', { position: enrolment.waitlistPosition })}</strong> {t('enrolment.waitlistHint')}{fee && ` ${t('enrolment.waitlistFee', { fee })}`}</>;
    case 'completed':
      return <strong>{t('enrolment.completed')}</strong>;
    case 'not_completed':
      return <strong>{t('enrolment.notCompleted')}</strong>;
    case 'cancelled':
      return <>{t('enrolment.cancelled')}</>;
    default:
      return null;
  }
}

export function EnrolPanel({ program, completed, onChange }: { program: ProgramDetail; completed: LearningEntry | undefined; onChange(): void }) {
  const { t } = useLocale();
  const { me, ready } = useSession();
  const titleId = useId();
  const mine = useApi<EnrolmentView>(me ? `/programs/${program.id}/enrolment` : null);
  // After enrolling or cancelling, the keyboard (and a screen reader) goes to where the person now stands.
  const statusLine = useRef<HTMLParagraphElement>(null);
  const [acted, setActed] = useState(0);
  const changed = () => {
    mine.reload();
    onChange();
    setActed((n) => n + 1);
  };
  useEffect(() => {
    if (acted > 0 && !mine.loading) statusLine.current?.focus();
  }, [acted, mine.loading, mine.data]);
  const none = mine.error?.status === 404;
  const enrolment = none ? undefined : mine.data;
  const status = enrolment?.status;

  const body = () => {
    if (!ready) return null;
    // Taken at the institution (a delivered course's group, a desk-only class): nothing to press here but one's own place.
    if (program.registrationMode === 'visit' && (!me || none)) {
      return <p className="lc-notice">{t('enrolment.visitOnly')}{program.registrationNote && ` ${program.registrationNote}`}</p>;
    }
    if (!me) return <LoginPrompt message={t('enrolment.loginFirst')} signUp />;
    if (mine.error && !none) return <ErrorNotice error={mine.error} onRetry={mine.reload} />;
    if (!none && !mine.data) return <Loading />;
    if (status === 'enrolled' || status === 'waitlisted') {
      return (
        <>
          {/* A paid course's fee can be paid with a LearnFare voucher once the place is held; cancelling refunds it. */}
          {status === 'enrolled' && program.feeKrw > 0 && <VoucherPay programId={program.id} feeKrw={program.feeKrw} />}
          <CancelButton programId={program.id} onDone={changed} />
        </>
      );
    }
    if (status === 'completed') return <Completed entry={completed} />;
    if (status === 'not_completed') return null;
    return <EnrolForm program={program} onDone={changed} />;
  };

  return (
    <section className="lc-panel" aria-labelledby={titleId}>
      <h2 id={titleId} className="lc-subtitle">{t('enrolment.title')}</h2>
      <p role="status" className="lc-enrolment-status" ref={statusLine} tabIndex={-1}><StatusLine program={program} enrolment={enrolment} /></p>
      {body()}
    </section>
  );
}
