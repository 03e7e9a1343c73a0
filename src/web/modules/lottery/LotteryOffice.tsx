/**
 * The institution's side, in the program editor: set the lottery up (window, draw day, priority groups), see who
 * applied a page at a time, take applications at the desk (for any program: a lottery's draw or the first-come
 * queue), and draw once applications have closed.
 */
import { useState } from 'react';
import type { ApplicantPage, DrawSummary, LotteryView, OfflineApplicationResult } from '../../../shared/contracts/lottery.ts';
import type { OfficeProgram } from '../../../shared/contracts/program-office.ts';
import { fromKoreaLocal, koreaLocal } from '../../../shared/lib/korea-time.ts';
import { declaredGroupCodes, drawOutcomes, priorityGroups, type PriorityGroup } from '../../../shared/vocabulary/index.ts';
import { api, query, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { ConfirmAction } from '../../ui/ConfirmAction.tsx';
import { TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { useGroupNames } from './LotteryPanel.tsx';

const toggled = <T,>(list: readonly T[], value: T, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));

function Settings({ program, lottery, onSaved }: { program: OfficeProgram; lottery: LotteryView | undefined; onSaved(): void }) {
  const { t, label } = useLocale();
  const field = useFieldLabels('programs/lottery');
  const [closeAt, setCloseAt] = useState(lottery ? koreaLocal(lottery.applicationsCloseAt) : '');
  const [drawOn, setDrawOn] = useState(lottery?.drawOn ?? '');
  const [groups, setGroups] = useState<PriorityGroup[]>(lottery?.priorityGroups ?? []);
  const save = useSubmission(() => api<LotteryView>(`/programs/${program.id}/lottery`, {
    method: 'PUT', body: { applicationsCloseAt: fromKoreaLocal(closeAt), drawOn, priorityGroups: groups },
  }), onSaved);
  return (
    <form className="lc-form" onSubmit={save.onSubmit} aria-labelledby="lottery-settings-title">
      <h3 className="lc-subtitle" id="lottery-settings-title">{t('lottery.office.save')}</h3>
      <div className="lc-form-row">
        <TextField label={field('applicationsCloseAt')} type="datetime-local" required value={closeAt} error={save.fieldError('applicationsCloseAt')} onChange={(e) => setCloseAt(e.target.value)} />
        <TextField label={field('drawOn')} type="date" required value={drawOn} error={save.fieldError('drawOn')} onChange={(e) => setDrawOn(e.target.value)} />
      </div>
      <ChoiceGroup legend={t('lottery.office.groups')} type="checkbox" selected={groups}
        options={priorityGroups.entries.map((g) => ({ value: g.code, label: label(g) }))} onChange={(value, on) => setGroups(toggled(groups, value as PriorityGroup, on))} />
      {save.fieldError('priorityGroups') && <p className="form-hint-invalid">{save.fieldError('priorityGroups')}</p>}
      <FormStatus error={save.formError(['applicationsCloseAt', 'drawOn', 'priorityGroups'])} />
      {save.done && <p className="lc-notice success" role="status">{t('lottery.office.saved')}</p>}
      <div><button type="submit" className="krds-btn secondary" disabled={save.busy}>{t('lottery.office.save')}</button></div>
    </form>
  );
}

function Applicants({ programId, version }: { programId: number; version: number }) {
  const { t, label } = useLocale();
  const groupNames = useGroupNames();
  const [page, setPage] = useState(1);
  const list = useApi<ApplicantPage>(`/programs/${programId}/lottery/applicants${query({ page, pageSize: 20, v: version })}`);
  if (!list.data) return null;
  const title = t('lottery.office.applicants', { count: list.data.total });
  return (
    <>
      <h3 className="lc-subtitle">{title}</h3>
      {list.data.total === 0 ? <p>{t('lottery.office.noApplicants')}</p> : (
        <div className="lc-table-wrap" tabIndex={0} role="region" aria-label={title}>
          <table className="lc-table">
            <thead><tr>
              <th scope="col" className="num">{t('lottery.office.columns.no')}</th><th scope="col">{t('lottery.office.columns.name')}</th>
              <th scope="col">{t('lottery.office.columns.groups')}</th><th scope="col">{t('lottery.office.columns.entered')}</th><th scope="col">{t('lottery.office.columns.result')}</th>
            </tr></thead>
            <tbody>
              {list.data.items.map((a) => (
                <tr key={a.applicationNo}>
                  <td className="num">{a.applicationNo}</td>
                  <td>{a.displayName}{a.birthYear !== null && ` (${a.birthYear})`}</td>
                  <td>{groupNames(a.groups)}</td>
                  <td>{a.enteredByName ? t('lottery.office.byStaff', { name: a.enteredByName }) : t('lottery.office.online')}</td>
                  <td>{a.outcome ? `${a.position} · ${label(drawOutcomes.get(a.outcome))}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={list.data.pageSize} total={list.data.total} onChange={setPage} />
    </>
  );
}

function Draw({ programId, lottery, onDone }: { programId: number; lottery: LotteryView; onDone(): void }) {
  const { t } = useLocale();
  const [summary, setSummary] = useState<DrawSummary | null>(null);
  const draw = useSubmission(async () => setSummary(await api<DrawSummary>(`/programs/${programId}/lottery/draw`, { method: 'POST' })), onDone);
  if (summary) return <p className="lc-notice success" role="status">{t('lottery.office.drawn', { won: summary.won, waitlisted: summary.waitlisted })}</p>;
  if (lottery.phase === 'drawn') return null;
  if (lottery.phase === 'accepting') return <p className="lc-hint">{t('lottery.office.notClosed')}</p>;
  return (
    <div>
      <ConfirmAction label={t('lottery.office.draw')} question={t('lottery.office.drawQuestion')} yes={t('lottery.office.drawYes')} no={t('lottery.office.drawNo')}
        busy={draw.busy} onConfirm={draw.onSubmit}>
        <FormStatus error={draw.formError()} />
      </ConfirmAction>
    </div>
  );
}

/** An application taken at the desk: into the draw for a lottery program, into the first-come queue otherwise. */
export function OfflineApplicationForm({ programId, onDone }: { programId: number; onDone(): void }) {
  const { t, label } = useLocale();
  const field = useFieldLabels('programs/offline-applications');
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [birthYear, setBirthYear] = useState('');
  const [groups, setGroups] = useState<PriorityGroup[]>([]);
  const [livesInCity, setLivesInCity] = useState(false);
  const [taken, setTaken] = useState<OfflineApplicationResult | null>(null);
  const submit = useSubmission(async () => {
    setTaken(null);
    setTaken(await api<OfflineApplicationResult>(`/programs/${programId}/offline-applications`, {
      method: 'POST',
      body: { ...(email ? { email } : {}), ...(displayName ? { displayName } : {}), ...(birthYear ? { birthYear: Number(birthYear) } : {}), livesInCity, groups },
    }));
    setEmail('');
    setDisplayName('');
    setBirthYear('');
    setGroups([]);
    setLivesInCity(false);
  }, onDone);
  const outcome = (r: OfflineApplicationResult) => {
    if (!r.created) return t('lottery.offline.already', { name: r.displayName });
    if (r.application) return t('lottery.offline.doneLottery', { name: r.displayName, no: r.application.applicationNo });
    return r.enrolment?.status === 'waitlisted'
      ? t('lottery.offline.doneWaitlisted', { name: r.displayName, position: r.enrolment.waitlistPosition })
      : t('lottery.offline.doneEnrolled', { name: r.displayName });
  };
  const fields = ['email', 'displayName', 'birthYear', 'livesInCity', 'groups'];
  return (
    <form className="lc-form" onSubmit={submit.onSubmit} aria-labelledby="offline-title">
      <h2 className="lc-section-title" id="offline-title">{t('lottery.offline.title')}</h2>
      <p className="lc-hint">{t('lottery.offline.lead')}</p>
      <TextField label={field('email')} type="email" autoComplete="off" value={email} error={submit.fieldError('email')} onChange={(e) => setEmail(e.target.value)} />
      <div className="lc-form-row">
        <TextField label={field('displayName')} maxLength={100} value={displayName} error={submit.fieldError('displayName')} onChange={(e) => setDisplayName(e.target.value)} />
        <TextField label={field('birthYear')} type="number" inputMode="numeric" min={1900} max={2100} value={birthYear} error={submit.fieldError('birthYear')} onChange={(e) => setBirthYear(e.target.value)} />
      </div>
      <ChoiceGroup legend={t('lottery.offline.newRecord')} type="checkbox" selected={livesInCity ? ['yes'] : []}
        options={[{ value: 'yes', label: t('lottery.offline.livesInCity') }]} onChange={(_v, on) => setLivesInCity(on)} />
      <ChoiceGroup legend={t('lottery.offline.groups')} type="checkbox" selected={groups}
        options={declaredGroupCodes.map((code) => ({ value: code, label: label(priorityGroups.get(code)) }))} onChange={(value, on) => setGroups(toggled(groups, value as PriorityGroup, on))} />
      <FormStatus error={submit.formError(fields)} />
      {taken && <p className="lc-notice success" role="status">{outcome(taken)}</p>}
      <div><button type="submit" className="krds-btn secondary" disabled={submit.busy}>{t('lottery.offline.submit')}</button></div>
    </form>
  );
}

export function LotteryOffice({ program }: { program: OfficeProgram }) {
  const { t } = useLocale();
  const lottery = useApi<LotteryView | null>(`/programs/${program.id}/lottery`);
  const [version, setVersion] = useState(0);
  const changed = () => {
    lottery.reload();
    setVersion((v) => v + 1);
  };
  const setUp = lottery.data !== undefined && lottery.data !== null;
  return (
    <section className="lc-form" aria-labelledby="lottery-office-title">
      <h2 className="lc-section-title" id="lottery-office-title">{t('lottery.office.title')}</h2>
      <p className="lc-hint">{t('lottery.office.lead')}</p>
      {program.registrationMode !== 'lottery' ? <p>{t('lottery.office.needsMode')}</p> : lottery.data !== undefined && (
        <>
          {(!setUp || lottery.data!.phase !== 'drawn') && <Settings program={program} lottery={lottery.data ?? undefined} onSaved={changed} />}
          {setUp && <p>{t('lottery.office.commitment')} <code className="lc-certificate-id">{lottery.data!.seedSha256}</code></p>}
          {setUp && <Applicants programId={program.id} version={version} />}
          {setUp && lottery.data!.phase === 'accepting' && <OfflineApplicationForm programId={program.id} onDone={changed} />}
          {setUp && <Draw programId={program.id} lottery={lottery.data!} onDone={changed} />}
        </>
      )}
    </section>
  );
}
