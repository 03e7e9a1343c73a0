/** A request as its members see it (/me/delivered-courses/:id): the group's size, the invite code to share, the course once approved. */
import { Link, useNavigate, useParams } from 'react-router';
import type { DeliveredCourseView } from '../../../shared/contracts/delivered-courses.ts';
import { deliveredCourseEvents } from '../../../shared/vocabulary/index.ts';
import { api, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { ConfirmAction } from '../../ui/ConfirmAction.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { useSession } from '../../shells/session.tsx';
import { Loaded, PageTitle } from '../../ui/Status.tsx';
import { DeliveredCourseCard } from './DeliveredCourseCard.tsx';

export function DeliveredCoursePage() {
  const { id = '' } = useParams();
  const { t } = useLocale();
  const { me } = useSession();
  const request = useApi<DeliveredCourseView>(me ? `/me/delivered-courses/${id}` : null);
  if (!me) return <><PageTitle title={t('delivered-courses.title')} /><LoginPrompt /></>;
  return (
    <Loaded state={request}>
      {(r) => (
        <>
          <p><Link to="/me/delivered-courses">{t('delivered-courses.back')}</Link></p>
          <PageTitle title={r.title} />
          <DeliveredCourseCard request={r} />
          <p>{r.description}</p>
          {r.inviteCode && <Invite code={r.inviteCode} size={r.minGroupSize} />}
          {r.mine === 'joined' && (r.status === 'gathering' || r.status === 'ready') && <Leave id={r.id} />}
          {r.program && (
            <section aria-labelledby="course" className="lc-section">
              <h2 id="course" className="lc-section-title">{t('delivered-courses.program')}</h2>
              <p><Link to={`/programs/${r.program.id}`}>{r.program.title}</Link></p>
              <p className="lc-meta">{t('delivered-courses.programLine', { institution: r.program.institutionName, instructor: r.program.instructorName ?? '—' })}</p>
            </section>
          )}
          {r.declineReason && (
            <section aria-labelledby="declined" className="lc-section">
              <h2 id="declined" className="lc-section-title">{t('delivered-courses.declined')}</h2>
              <p>{r.declineReason}</p>
            </section>
          )}
          <Log log={r.log} />
        </>
      )}
    </Loaded>
  );
}

function Invite({ code, size }: { code: string; size: number }) {
  const { t } = useLocale();
  // Rendered on the server too, where there is no window: the link is then relative until the page runs.
  const link = `${typeof window === 'undefined' ? '' : window.location.origin}/me/delivered-courses?code=${code}`;
  return (
    <section aria-labelledby="share" className="lc-section">
      <h2 id="share" className="lc-section-title">{t('delivered-courses.share')}</h2>
      <p>{t('delivered-courses.shareLead', { size })}</p>
      <p className="lc-invite-code" data-testid="invite-code"><strong>{code}</strong></p>
      <p>{t('delivered-courses.inviteLink')}: <a href={link}>{link}</a></p>
    </section>
  );
}

/** A member (not the organiser) leaves the group until the city decides. */
function Leave({ id }: { id: number }) {
  const { t } = useLocale();
  const navigate = useNavigate();
  const send = useSubmission(async () => {
    await api(`/me/delivered-courses/${id}/membership`, { method: 'DELETE' });
    void navigate('/me/delivered-courses');
  });
  // Coming back takes the invite code again: the button asks once more.
  return (
    <div className="lc-form">
      <p>{t('delivered-courses.leaveLead')}</p>
      <ConfirmAction label={t('delivered-courses.leave')} question={t('delivered-courses.leaveQuestion')} yes={t('delivered-courses.leaveYes')}
        no={t('delivered-courses.stay')} busy={send.busy} onConfirm={send.onSubmit}>
        <FormStatus error={send.formError([])} />
      </ConfirmAction>
    </div>
  );
}

export function Log({ log }: { log: DeliveredCourseView['log'] }) {
  const { t, label, dateTime } = useLocale();
  return (
    <section aria-labelledby="log" className="lc-section">
      <h2 id="log" className="lc-section-title">{t('delivered-courses.log')}</h2>
      <ol className="lc-plain-list">
        {log.map((entry, n) => <li key={n}>{dateTime(entry.at)} · {label(deliveredCourseEvents.get(entry.kind))}{entry.actorName ? ` · ${entry.actorName}` : ''}</li>)}
      </ol>
    </section>
  );
}
