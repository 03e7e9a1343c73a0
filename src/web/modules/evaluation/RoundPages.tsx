/**
 * The ministry's desk for the re-designation evaluation: frames and rounds by year, the cohort due in a year (and
 * opening its round), and a round's progress — every city's score now, reviewers assigned, publishing the
 * preliminary results and finalising.
 */
import { useState, type ReactElement } from 'react';
import { Link, useParams } from 'react-router';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { ExpertView } from '../../../shared/contracts/designation-calls.ts';
import type { Cohort, FinaliseResult, FrameSummary, RoundSummary, RoundView } from '../../../shared/contracts/evaluation.ts';
import { cohortGroupList, cohortGroups, designationStates, evaluationOutcomes, roundStatuses } from '../../../shared/vocabulary/index.ts';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import { api, query, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { PagedTable } from '../../ui/PagedTable.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded, PageTitle } from '../../ui/Status.tsx';

/** The page's content when the person may manage rounds; otherwise why not. */
function useMinistry(): { allowed: boolean; gate: ReactElement | null } {
  const { t } = useLocale();
  const session = useSession();
  const allowed = session.can('evaluation.round.manage');
  if (!session.ready) return { allowed, gate: <></> };
  if (!session.me) return { allowed, gate: <LoginPrompt /> };
  if (!allowed) return { allowed, gate: <p className="lc-notice">{t('evaluation.notAllowed')}</p> };
  return { allowed, gate: null };
}

export function EvaluationHomePage() {
  const { t, date } = useLocale();
  const frameField = useFieldLabels('evaluation/frames');
  const { gate } = useMinistry();
  const [year, setYear] = useState(todayInKorea().slice(0, 4));
  const submission = useSubmission(async () => {
    await api(`/evaluation/frames/${year}`, { method: 'POST' });
  });
  if (gate) return gate;
  return (
    <>
      <PageTitle title={t('evaluation.home.title')} lead={t('evaluation.home.lead')} />
      <form className="lc-form" onSubmit={submission.onSubmit}>
        <TextField label={frameField('year')} inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} error={submission.fieldError('year')} />
        <FormStatus error={submission.formError(['year'])} />
        <div className="lc-actions">
          <Link className="krds-btn secondary" to={`/evaluation/cohorts/${year}`}>{t('evaluation.home.cohortOf', { year })}</Link>
          <button type="submit" className="krds-btn tertiary" disabled={submission.busy}>{t('evaluation.home.makeFrame', { year })}</button>
          {submission.done && <Link to={`/evaluation/frames/${year}`}>{t('evaluation.frame.title', { year })} →</Link>}
        </div>
      </form>
      <PagedTable<FrameSummary>
        key={submission.done ? 'made' : 'before'}
        path="/evaluation/frames" title={t('evaluation.home.frames')} none={t('evaluation.home.none')}
        columns={[t('evaluation.home.year'), t('evaluation.frame.item'), t('evaluation.round.columns.outcome')]}
        row={(frame) => (
          <tr key={frame.year}>
            <th scope="row"><Link to={`/evaluation/frames/${frame.year}`}>{frame.titleKo} ({frame.year})</Link></th>
            <td>{t('evaluation.home.items', { count: frame.items })}</td>
            <td>{frame.locked ? t('evaluation.home.locked') : t('evaluation.home.editable')} · {date(frame.updatedAt)}</td>
          </tr>
        )}
      />
      <PagedTable<RoundSummary>
        path="/evaluation/rounds" title={t('evaluation.home.rounds')} none={t('evaluation.home.none')}
        columns={[t('evaluation.home.year'), t('evaluation.round.columns.city'), t('evaluation.city.status')]}
        row={(round) => <RoundRow key={round.year} round={round} />}
      />
    </>
  );
}

function RoundRow({ round }: { round: RoundSummary }) {
  const { label } = useLocale();
  return (
    <tr>
      <th scope="row"><Link to={`/evaluation/rounds/${round.year}`}>{round.year}</Link></th>
      <td>{round.cities}</td>
      <td>{label(roundStatuses.get(round.status))}</td>
    </tr>
  );
}

export function CohortPage() {
  const { t, label, locale } = useLocale();
  const roundField = useFieldLabels('evaluation/rounds');
  const { year = '' } = useParams();
  const { allowed, gate } = useMinistry();
  const [filter, setFilter] = useState({ group: '', page: 1 });
  const cohort = useApi<Cohort>(allowed ? `/evaluation/cohorts/${year}${query({ ...filter, group: filter.group || undefined, pageSize: 50 })}` : null);
  const [evaluatedYear, setEvaluatedYear] = useState(String(Number(year) - 1));
  const submission = useSubmission(async () => {
    await api(`/evaluation/rounds/${year}`, { method: 'POST', body: { evaluatedYear: Number(evaluatedYear) } });
  }, cohort.reload);
  if (gate) return gate;
  return (
    <>
      <PageTitle title={t('evaluation.cohort.title', { year })} lead={t('evaluation.cohort.lead')} />
      <Loaded state={cohort}>
        {(found) => (
          <>
            <p className="lc-result-count">{t('evaluation.cohort.counts', { ...found.counts })}</p>
            {found.roundStatus === null ? (
              <form className="lc-form" onSubmit={submission.onSubmit}>
                <TextField label={roundField('evaluatedYear')} inputMode="numeric" value={evaluatedYear}
                  error={submission.fieldError('evaluatedYear')} onChange={(e) => setEvaluatedYear(e.target.value)} />
                <FormStatus error={submission.formError(['evaluatedYear'])} />
                {submission.error?.problems.some((p) => p.field === 'year') && <p><Link to="/evaluation">{t('evaluation.cohort.frameFirst', { year })}</Link></p>}
                <div><button type="submit" className="krds-btn primary" disabled={submission.busy || found.counts.total === 0}>{t('evaluation.cohort.openRound', { year })}</button></div>
              </form>
            ) : (
              <p className="lc-notice" role="status">
                {label(roundStatuses.get(found.roundStatus))} · <Link to={`/evaluation/rounds/${year}`}>{t('evaluation.cohort.roundLink')}</Link>
              </p>
            )}
            <SelectField label={t('evaluation.cohort.columns.group')} value={filter.group} onChange={(e) => setFilter({ group: e.target.value, page: 1 })}
              options={[{ value: '', label: t('evaluation.cohort.anyGroup') }, ...cohortGroupList.map((g) => ({ value: g.code, label: label(g) }))]} />
            <div className="lc-table-wrap" tabIndex={0} role="region" aria-label={t('evaluation.cohort.title', { year })}>
              <table className="lc-table">
                <thead>
                  <tr>{(['city', 'group', 'state', 'designated', 'due', 'reason'] as const).map((c) => <th key={c} scope="col">{t(`evaluation.cohort.columns.${c}`)}</th>)}</tr>
                </thead>
                <tbody>
                  {found.items.map((c) => (
                    <tr key={c.cityCode}>
                      <th scope="row">{locale === 'en' ? `${c.cityNameEn}, ${c.provinceShortEn}` : `${c.provinceShortKo} ${c.cityNameKo}`}</th>
                      <td>{label(cohortGroups.get(c.group))}</td>
                      <td>{label(designationStates.get(c.state))}</td>
                      <td>{c.designatedYear}</td>
                      <td>{c.dueYear}</td>
                      <td>{locale === 'en' ? c.reasonEn : c.reasonKo}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={found.page} pageSize={found.pageSize} total={found.total} onChange={(page) => setFilter({ ...filter, page })} />
          </>
        )}
      </Loaded>
    </>
  );
}

function AssignReviewer({ year, cities, onDone }: { year: string; cities: RoundView['items']; onDone(): void }) {
  const { t, locale } = useLocale();
  const reviewersField = useFieldLabels('evaluation/rounds/cities/reviewers');
  const reviewers = useApi<PageOf<ExpertView>>(`/designation/experts${query({ kind: 'reviewer', pageSize: 100 })}`);
  const [form, setForm] = useState({ city: '', reviewerId: '' });
  const submission = useSubmission(async () => {
    await api(`/evaluation/rounds/${year}/cities/${form.city}/reviewers`, { method: 'POST', body: { reviewerId: Number(form.reviewerId) } });
  }, onDone);
  return (
    <form className="lc-form" onSubmit={submission.onSubmit}>
      <h2 className="lc-section-title">{t('evaluation.round.assign')}</h2>
      <div className="lc-form-row">
        <SelectField label={t('evaluation.round.assignCity')} required value={form.city} onChange={(e) => setForm({ ...form, city: e.target.value })}
          options={[{ value: '', label: t('evaluation.round.pick') }, ...cities.map((c) => ({ value: c.cityCode, label: locale === 'en' ? `${c.cityNameEn}, ${c.provinceShortEn}` : `${c.provinceShortKo} ${c.cityNameKo}` }))]} />
        <SelectField label={reviewersField('reviewerId')} required value={form.reviewerId} error={submission.fieldError('reviewerId')}
          onChange={(e) => setForm({ ...form, reviewerId: e.target.value })}
          options={[{ value: '', label: t('evaluation.round.pick') }, ...(reviewers.data?.items ?? []).map((r) => ({ value: String(r.personId), label: `${r.displayName} · ${r.affiliation}` }))]} />
      </div>
      <FormStatus error={submission.formError(['reviewerId'])} />
      {submission.done && <p className="lc-notice success" role="status">{t('evaluation.round.assigned')}</p>}
      <div><button type="submit" className="krds-btn secondary" disabled={submission.busy}>{t('evaluation.round.assignButton')}</button></div>
    </form>
  );
}

export function RoundPage() {
  const { t, label, locale, date } = useLocale();
  const { year = '' } = useParams();
  const { allowed, gate } = useMinistry();
  const session = useSession();
  const [page, setPage] = useState(1);
  const round = useApi<RoundView>(allowed ? `/evaluation/rounds/${year}${query({ page, pageSize: 50 })}` : null);
  const [finalised, setFinalised] = useState<FinaliseResult | null>(null);
  const publish = useSubmission(() => api(`/evaluation/rounds/${year}/preliminary`, { method: 'POST' }), round.reload);
  const finalise = useSubmission(async () => setFinalised(await api<FinaliseResult>(`/evaluation/rounds/${year}/finalise`, { method: 'POST' })), round.reload);
  if (gate) return gate;
  return (
    <Loaded state={round}>
      {(view) => (
        <>
          <PageTitle title={t('evaluation.round.title', { year })} lead={t('evaluation.round.lead', { evaluated: view.evaluatedYear, status: label(roundStatuses.get(view.status)) })} />
          {view.objectionsUntil && <p className="lc-meta">{t('evaluation.round.objectionsUntil', { date: date(view.objectionsUntil) })}</p>}
          <div className="lc-table-wrap" tabIndex={0} role="region" aria-label={t('evaluation.round.title', { year })}>
            <table className="lc-table">
              <thead>
                <tr>{(['rank', 'city', 'total', 'proposed', 'reviewers', 'self', 'evidence', 'objection'] as const).map((c) => <th key={c} scope="col">{t(`evaluation.round.columns.${c}`)}</th>)}</tr>
              </thead>
              <tbody>
                {view.items.map((c) => {
                  const city = locale === 'en' ? `${c.cityNameEn}, ${c.provinceShortEn}` : `${c.provinceShortKo} ${c.cityNameKo}`;
                  return (
                  <tr key={c.cityCode}>
                    <td>{c.rank}</td>
                    <th scope="row">{city}</th>
                    <td>{c.total}{c.complete ? '' : ` ${t('evaluation.round.notComplete')}`}</td>
                    <td>
                      {label(evaluationOutcomes.get(c.outcome ?? c.proposed))}
                      {/* A city this round deferred may be given a consultant (the consulting module refuses one it no longer is). */}
                      {c.outcome === 'deferred' && c.consultingId !== null && (
                        <><br /><Link to={`/designation/consulting/${c.consultingId}`}>{t('evaluation.round.consulting', { city })}</Link></>
                      )}
                      {c.outcome === 'deferred' && c.consultingId === null && session.can('designation.call.manage') && (
                        <><br /><Link to={`/designation/consulting/new${query({ city: c.cityCode, round: year })}`}>{t('evaluation.round.consult', { city })}</Link></>
                      )}
                    </td>
                    <td>{t('evaluation.round.reviewersOf', { submitted: c.reviewsSubmitted, assigned: c.reviewers })}</td>
                    <td>{c.selfAssessed}</td>
                    <td>{c.evidenceFiles}</td>
                    <td>{c.objection ? (c.objection.answered ? t('evaluation.round.answered') : t('evaluation.round.objected')) : '—'}</td>
                  </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pagination page={view.page} pageSize={view.pageSize} total={view.total} onChange={setPage} />
          {view.status === 'open' && <AssignReviewer year={year} cities={view.items} onDone={round.reload} />}
          {view.status === 'open' && (
            <form className="lc-form" onSubmit={publish.onSubmit}>
              <h2 className="lc-section-title">{t('evaluation.round.publish')}</h2>
              <p className="lc-meta">{t('evaluation.round.publishLead')}</p>
              <FormStatus error={publish.formError()} />
              <div><button type="submit" className="krds-btn primary" disabled={publish.busy}>{t('evaluation.round.publish')}</button></div>
            </form>
          )}
          {publish.done && <p className="lc-notice success" role="status">{t('evaluation.round.published')}</p>}
          {view.status === 'preliminary' && (
            <form className="lc-form" onSubmit={finalise.onSubmit}>
              <h2 className="lc-section-title">{t('evaluation.round.finalise')}</h2>
              <p className="lc-meta">{t('evaluation.round.finaliseLead')}</p>
              <FormStatus error={finalise.formError()} />
              <div><button type="submit" className="krds-btn primary" disabled={finalise.busy}>{t('evaluation.round.finalise')}</button></div>
            </form>
          )}
          {finalised && <p className="lc-notice success" role="status">{t('evaluation.round.finalised', { ...finalised.counts })}</p>}
        </>
      )}
    </Loaded>
  );
}
