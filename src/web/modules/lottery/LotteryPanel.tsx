/**
 * A lottery program's side of the program page: the resident applies in the window (declaring a disability if they
 * wish), sees "applied, draw on <date>", then their result; below, the published draw with the recipe to check it.
 */
import { useId, useState, type ReactNode } from 'react';
import type { DrawResult, LotteryApplication, LotteryView } from '../../../shared/contracts/lottery.ts';
import type { ProgramDetail } from '../../../shared/contracts/programs.ts';
import { drawOutcomes, priorityGroups, type PriorityGroup } from '../../../shared/vocabulary/index.ts';
import { api, query, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { ErrorNotice, Loading } from '../../ui/Status.tsx';

export function useGroupNames() {
  const { label } = useLocale();
  return (groups: readonly PriorityGroup[]) => groups.map((g) => label(priorityGroups.get(g))).join(', ');
}

function ApplyForm({ programId, onDone }: { programId: number; onDone(): void }) {
  const { t } = useLocale();
  const [disability, setDisability] = useState(false);
  const apply = useSubmission(() => api<LotteryApplication>(`/programs/${programId}/lottery/application`, {
    method: 'POST', body: { declaredGroups: disability ? ['disability'] : [] },
  }), onDone);
  return (
    <form onSubmit={apply.onSubmit}>
      <ChoiceGroup legend={t('lottery.title')} type="checkbox" selected={disability ? ['disability'] : []}
        options={[{ value: 'disability', label: t('lottery.declareDisability') }]} onChange={(_v, on) => setDisability(on)} />
      <button type="submit" className="krds-btn primary" disabled={apply.busy}>{t('lottery.apply')}</button>
      {apply.error?.status === 401 ? <LoginPrompt message={t('lottery.loginFirst')} signUp /> : <FormStatus error={apply.formError()} />}
    </form>
  );
}

function Standing({ lottery, application }: { lottery: LotteryView; application: LotteryApplication | undefined }) {
  const { t, date } = useLocale();
  const groupNames = useGroupNames();
  if (!application) return <>{lottery.phase === 'accepting' ? null : t('lottery.closedNotApplied')}</>;
  if (application.outcome === 'won') return <strong>{t('lottery.won', { position: application.position })}</strong>;
  if (application.outcome === 'waitlisted') return <strong>{t('lottery.waitlisted', { place: application.position! - (lottery.seatsDrawn ?? 0) })}</strong>;
  return (
    <>
      <strong>{t('lottery.applied', { no: application.applicationNo, drawOn: date(application.drawOn) })}</strong>
      {application.enteredByStaff && ` ${t('lottery.appliedByStaff')}`}
      {application.groups.length > 0 && ` ${t('lottery.yourGroups', { groups: groupNames(application.groups) })}`}
    </>
  );
}

/** `afterDraw`: what a person with a result sees next (their place or waitlist entry, to cancel like any enrolment). */
export function LotteryPanel({ program, onChange, afterDraw }: { program: ProgramDetail; onChange(): void; afterDraw: ReactNode }) {
  const { t, date, dateTime } = useLocale();
  const { me, ready } = useSession();
  const titleId = useId();
  const groupNames = useGroupNames();
  const lottery = useApi<LotteryView | null>(`/programs/${program.id}/lottery`);
  const mine = useApi<LotteryApplication>(me ? `/programs/${program.id}/lottery/application` : null);
  const changed = () => {
    mine.reload();
    lottery.reload();
    onChange();
  };
  const noApplication = mine.error?.status === 404;
  const application = noApplication ? undefined : mine.data;

  const body = () => {
    if (lottery.error) return <ErrorNotice error={lottery.error} onRetry={lottery.reload} />;
    if (lottery.data === undefined || !ready) return <Loading />;
    if (lottery.data === null) return <p>{t('lottery.notSetUp')}</p>;
    const l = lottery.data;
    return (
      <>
        <p>{t('lottery.lead')}</p>
        <p>{t('lottery.window', { closeAt: dateTime(l.applicationsCloseAt), drawOn: date(l.drawOn) })}</p>
        <p>{l.priorityGroups.length > 0 ? t('lottery.priority', { groups: groupNames(l.priorityGroups) }) : t('lottery.noPriority')}</p>
        {me && mine.error && !noApplication && <ErrorNotice error={mine.error} onRetry={mine.reload} />}
        {me && (noApplication || mine.data) && <p role="status" className="lc-enrolment-status"><Standing lottery={l} application={application} /></p>}
        {!me && (l.phase === 'accepting' ? <LoginPrompt message={t('lottery.loginFirst')} signUp /> : <p>{t('lottery.closedNotApplied')}</p>)}
        {me && noApplication && l.phase === 'accepting' && <ApplyForm programId={program.id} onDone={changed} />}
      </>
    );
  };

  return (
    <>
      <section className="lc-panel" aria-labelledby={titleId}>
        <h2 id={titleId} className="lc-subtitle">{t('lottery.title')}</h2>
        {body()}
      </section>
      {application?.outcome && afterDraw}
    </>
  );
}

/** The published draw: the commitment from the start, the seed and the order once drawn, and how to check it. */
export function DrawPublication({ programId }: { programId: number }) {
  const { t, dateTime, label } = useLocale();
  const titleId = useId();
  const [page, setPage] = useState(1);
  const lottery = useApi<LotteryView | null>(`/programs/${programId}/lottery`);
  const drawn = lottery.data?.phase === 'drawn';
  const result = useApi<DrawResult>(drawn ? `/programs/${programId}/lottery/result${query({ page, pageSize: 20 })}` : null);
  if (!lottery.data) return null;
  const l = lottery.data;
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId} className="lc-section-title">{t('lottery.result.title')}</h2>
      <dl className="lc-facts">
        <dt>{t('lottery.result.commitment')}</dt>
        <dd><code className="lc-certificate-id">{l.seedSha256}</code></dd>
        {l.seed && (<><dt>{t('lottery.result.seed')}</dt><dd><code className="lc-certificate-id">{l.seed}</code></dd></>)}
      </dl>
      {!drawn && <p>{t('lottery.result.notDrawn')}</p>}
      {drawn && (
        <>
          <p>{t('lottery.result.drawnAt', { at: dateTime(l.drawnAt!), seats: l.seatsDrawn, count: l.applications })}</p>
          <h3 className="lc-subtitle">{t('lottery.result.list')}</h3>
          {result.data && (
            <>
              <ol className="lc-draw-list">
                {result.data.items.map((e) => (
                  <li key={e.applicationNo}>
                    {t('lottery.result.line', {
                      position: e.position, no: e.applicationNo, tier: e.tier === 1 ? t('lottery.result.tier1') : t('lottery.result.tier2'),
                      outcome: label(drawOutcomes.get(e.outcome)),
                    })}
                    <br /><span className="lc-hint">{t('lottery.result.ticket')} <code className="lc-certificate-id">{e.ticket}</code></span>
                  </li>
                ))}
              </ol>
              <Pagination page={page} pageSize={result.data.pageSize} total={result.data.total} onChange={setPage} />
            </>
          )}
        </>
      )}
      <h3 className="lc-subtitle">{t('lottery.result.how')}</h3>
      <ol>
        {(['step1', 'step2', 'step3', 'step4'] as const).map((step) => <li key={step}>{t(`lottery.result.${step}`)}</li>)}
      </ol>
    </section>
  );
}
