/**
 * The consulting years of potential learning cities and of cities a re-designation round deferred. The list shows
 * each person the cities they may follow (a consultant: the ones they consult; a city: its own; a province: its
 * cities; the ministry: all). One consulting shows its three milestones: the city uploads and submits each
 * document, the consultant accepts it or asks for changes and finally recommends, and the ministry assigns the
 * consultant and makes the decision (or, for a deferred city, closes it; its next round is shown beside the one
 * that deferred it). The ministry opens a deferred city's consulting from the national picture or the round. The
 * server decides who may do what; the page only offers what the person's roles allow.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type {
  ConsultantCandidate, ConsultingDecision, ConsultingDetail, ConsultingSummary, Improvement, MilestoneOutcome, MilestoneView,
} from '../../../shared/contracts/designation-consulting.ts';
import type { Me } from '../../../shared/contracts/identity.ts';
import {
  consultingPurposes, consultingRecommendations, documentTypes, evaluationOutcomes, milestoneKinds, milestoneStatuses,
  type ConsultingPurpose, type ConsultingRecommendation,
} from '../../../shared/vocabulary/index.ts';
import { api, query, useApi } from '../../api/client.ts';
import { DOCUMENT_ACCEPT, useDocumentUpload } from '../../api/useDocumentUpload.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { ConfirmAction } from '../../ui/ConfirmAction.tsx';
import { DateRange } from '../../ui/DateRange.tsx';
import { SelectField, TextArea } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { UploadStatus } from '../../ui/UploadStatus.tsx';
import { Loaded, PageTitle } from '../../ui/Status.tsx';
import { cityName } from '../geography/places.ts';
import { ImprovementBadge } from './ImprovementBadge.tsx';

/** "경기 광명시" / "Gwangmyeong-si, Gyeonggi" for a consulting's city. */
const cityOf = (c: ConsultingSummary, locale: 'ko' | 'en') =>
  cityName({ nameKo: c.cityNameKo, nameEn: c.cityNameEn, provinceShortKo: c.provinceShortKo, provinceShortEn: c.provinceShortEn }, locale);

/** Which consultings the list asks for, from the person's widest role; null: none they may follow. */
function listScopeOf(me: Me): Record<string, string | boolean> | null {
  const has = (role: string) => me.grants.find((g) => g.role === role);
  if (has('ministry_officer') || has('administrator')) return {};
  const province = has('province_officer');
  if (province?.provinceCode) return { province: province.provinceCode };
  if (has('consultant')) return { mine: true };
  const city = has('city_officer');
  if (city?.cityCode) return { city: city.cityCode };
  return null;
}

export function ConsultingsPage() {
  const { t, label, locale } = useLocale();
  const session = useSession();
  const [page, setPage] = useState(1);
  const [undecided, setUndecided] = useState(false);
  const [purpose, setPurpose] = useState<ConsultingPurpose | ''>('');
  const scope = session.me ? listScopeOf(session.me) : null;
  const list = useApi<PageOf<ConsultingSummary>>(scope ? `/designation/consultings${query({ ...scope, undecided: undecided || undefined, purpose: purpose || undefined, page })}` : null);

  if (session.ready && !session.me) return <LoginPrompt />;
  if (session.ready && !scope) return <p className="lc-notice">{t('consulting.notAllowed')}</p>;
  const isMinistry = session.can('designation.decide');

  return (
    <>
      <PageTitle title={t('consulting.title')} lead={t('consulting.lead')} />
      {isMinistry && (
        <div className="lc-controls">
          <ChoiceGroup legend={t('consulting.all')} type="checkbox" options={[{ value: 'undecided', label: t('consulting.undecidedOnly') }]}
            selected={undecided ? ['undecided'] : []} onChange={(_, checked) => { setUndecided(checked); setPage(1); }} />
          <SelectField label={t('consulting.purpose')} value={purpose} onChange={(e) => { setPurpose(e.target.value as ConsultingPurpose | ''); setPage(1); }}
            options={[{ value: '', label: t('consulting.anyPurpose') }, ...consultingPurposes.entries.map((p) => ({ value: p.code, label: label(p) }))]} />
          {session.can('designation.log.view') && <Link to="/designation/log">{t('consulting.log')} →</Link>}
        </div>
      )}
      <h2 className="lc-section-title">{scope && 'mine' in scope ? t('consulting.mine') : t('consulting.all')}</h2>
      <Loaded state={list}>
        {(result) => result.items.length === 0 ? <p className="lc-notice">{t('consulting.none')}</p> : (
          <>
            <div className="lc-table-wrap" tabIndex={0} role="region" aria-label={t('consulting.title')}>
              <table className="lc-table">
                <thead>
                  <tr>
                    {(['city', 'year', 'consultant', 'progress', 'nextDue', 'recommendation', 'decision', 'nextRound'] as const).map((c) => <th key={c} scope="col">{t(`consulting.columns.${c}`)}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((c) => (
                    <tr key={c.id}>
                      <th scope="row"><Link to={`/designation/consulting/${c.id}`}>{cityOf(c, locale)}</Link></th>
                      <td>{c.purpose === 'potential' ? t('consulting.yearOf', { year: c.callYear }) : t('consulting.roundOf', { year: c.roundYear })}</td>
                      <td>{c.consultant?.displayName ?? t('consulting.unassigned')}</td>
                      <td>{t('consulting.progress', { done: c.milestonesAccepted })}</td>
                      <td className="lc-nowrap">{c.nextDueOn ?? t('consulting.pending')}</td>
                      <td>{c.recommendation ? label(consultingRecommendations.get(c.recommendation)) : t('consulting.pending')}</td>
                      <td>{c.decision ? t(`consulting.decisions.${c.decision}`) : t('consulting.pending')}</td>
                      <td>{c.improvement ? <ImprovementBadge consulting={{ id: c.id, closed: c.decision !== null, change: c.improvement.change }} /> : t('consulting.pending')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={result.page} pageSize={result.pageSize} total={result.total} onChange={setPage} />
          </>
        )}
      </Loaded>
    </>
  );
}

/** Sends one action about the consulting and shows its outcome under the form. */
function useAction(path: string, body: () => unknown, onDone: () => void) {
  return useSubmission(() => api(path, { method: 'POST', body: body() }), onDone);
}

function Done({ show, children }: { show: boolean; children: ReactNode }) {
  return show ? <p className="lc-notice success" role="status">{children}</p> : null;
}

export function ConsultingPage() {
  const { id = '' } = useParams();
  const { t, label, locale, dateTime } = useLocale();
  const session = useSession();
  const consulting = useApi<ConsultingDetail>(session.me ? `/designation/consultings/${id}` : null);

  if (session.ready && !session.me) return <LoginPrompt />;

  return (
    <Loaded state={consulting}>
      {(c) => {
        const city = cityOf(c, locale);
        const mayWork = session.can('designation.consulting.submit', { cityCode: c.cityCode });
        const isConsultant = session.me !== null && c.consultant?.personId === session.me.personId && session.can('designation.consulting.advise', { assigned: true });
        const open = c.decision === null;
        return (
          <>
            <PageTitle title={t('consulting.detailTitle', { city })} />
            <p className="lc-lead">
              {c.purpose === 'potential' ? t('consulting.detailLead', { year: c.callYear }) : t('consulting.detailLeadImprovement', { year: c.roundYear })}{' '}
              <DateRange from={c.startsOn} to={c.endsOn} />
            </p>
            <dl className="lc-facts">
              <dt>{t('consulting.facts.consultant')}</dt><dd>{c.consultant?.displayName ?? t('consulting.unassigned')}</dd>
              <dt>{t('consulting.facts.progress')}</dt><dd>{t('consulting.progress', { done: c.milestonesAccepted })}</dd>
              <dt>{t('consulting.facts.recommendation')}</dt>
              <dd>{c.recommendation ? `${label(consultingRecommendations.get(c.recommendation))} — ${c.recommendationReason ?? ''}` : t('consulting.pending')}</dd>
              <dt>{t('consulting.facts.decision')}</dt>
              <dd>{c.decision && c.decidedAt ? `${t('consulting.decidedOn', { decision: t(`consulting.decisions.${c.decision}`), when: dateTime(c.decidedAt) })} — ${c.decisionReason ?? ''}` : t('consulting.pending')}</dd>
            </dl>
            <p className="lc-meta"><Link to={`/cities/${c.cityCode}`}>{city} →</Link></p>
            {c.improvement && <NextRound consulting={c} improvement={c.improvement} />}

            {open && session.can('designation.call.manage') && <AssignConsultant consulting={c} onDone={consulting.reload} />}

            <h2 className="lc-section-title">{t('consulting.milestones')}</h2>
            <div className="lc-grid">
              {c.milestones.map((m) => (
                <Milestone key={m.kind} consulting={c} milestone={m} mayWork={open && mayWork} mayReview={open && isConsultant} onChanged={consulting.reload} />
              ))}
            </div>

            {open && isConsultant && <Recommend consulting={c} onDone={consulting.reload} />}
            {session.can('designation.decide') && <Decide consulting={c} city={city} onDone={consulting.reload} />}
          </>
        );
      }}
    </Loaded>
  );
}

function AssignConsultant({ consulting, onDone }: { consulting: ConsultingDetail; onDone(): void }) {
  const { t } = useLocale();
  const [chosen, setChosen] = useState('');
  const submission = useAction(`/designation/consultings/${consulting.id}/consultant`, () => ({ consultantId: Number(chosen) }), onDone);
  return (
    <section className="lc-inline-form" aria-labelledby="assign-title">
      <h2 className="lc-subtitle" id="assign-title">{t('consulting.assign.title')}</h2>
      <ConsultantForm chosen={chosen} onChoose={setChosen} submission={submission} submitLabel={t('consulting.assign.submit')}>
        <Done show={submission.done}>{t('consulting.assign.done')}</Done>
      </ConsultantForm>
    </section>
  );
}

/** Choosing one of the appointed consultants (least busy first), for assigning one to a consulting or opening one. */
function ConsultantForm({ chosen, onChoose, submission, submitLabel, children }: {
  chosen: string; onChoose(personId: string): void; submission: ReturnType<typeof useSubmission>; submitLabel: string; children?: ReactNode;
}) {
  const { t } = useLocale();
  const field = useFieldLabels('designation/consultings');
  const candidates = useApi<PageOf<ConsultantCandidate>>('/designation/consultings/candidates?pageSize=100');
  return (
    <Loaded state={candidates}>
      {(result) => result.items.length === 0 ? <p>{t('consulting.assign.noCandidates')}</p> : (
        <form className="lc-form" onSubmit={submission.onSubmit}>
          <SelectField label={field('consultantId')} value={chosen} required error={submission.fieldError('consultantId')} onChange={(e) => onChoose(e.target.value)}
            options={[{ value: '', label: t('consulting.assign.choose') }, ...result.items.map((p) => ({
              value: String(p.personId), label: t('consulting.assign.load', { name: p.displayName, affiliation: p.affiliation || '—', count: p.openConsultings }),
            }))]} />
          <FormStatus error={submission.formError(['consultantId'])} />
          {children}
          <div><button type="submit" className="krds-btn primary" disabled={!chosen || submission.busy}>{submitLabel}</button></div>
        </form>
      )}
    </Loaded>
  );
}

function Milestone({ consulting, milestone, mayWork, mayReview, onChanged }: {
  consulting: ConsultingDetail; milestone: MilestoneView; mayWork: boolean; mayReview: boolean; onChanged(): void;
}) {
  const { t, label, number, dateTime } = useLocale();
  // The form that sent it goes away with the status it changed: its outcome is told here.
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => {
    setNotice(message);
    onChanged();
  };
  const name = label(milestoneKinds.get(milestone.kind));
  const headingId = `milestone-${milestone.kind}`;
  const cityMayWork = milestone.status === 'open' || milestone.status === 'revise';
  return (
    <section className="lc-card" aria-labelledby={headingId}>
      <h3 className="lc-subtitle" id={headingId}>{name}</h3>
      <p className="lc-meta">
        <span className="krds-badge bg-light-primary">{label(milestoneStatuses.get(milestone.status))}</span>
        <span>{t('consulting.due', { date: milestone.dueOn })}</span>
        {milestone.overdue && <span className="krds-badge bg-light-danger">{t('consulting.overdue')}</span>}
      </p>
      <h4 className="lc-group-title">{t('consulting.document')}</h4>
      {milestone.file ? (
        <p>
          <a href={`/api/designation/consultings/${consulting.id}/milestones/${milestone.kind}/file`} download={milestone.file.fileName}
            aria-label={t('consulting.download', { name: milestone.file.fileName })}>{milestone.file.fileName}</a>{' '}
          <span className="lc-meta">{label(documentTypes.get(milestone.file.documentType))} · {t('consulting.size', { size: number(Math.max(1, Math.round(milestone.file.byteSize / 1024))) })}</span>
        </p>
      ) : <p className="lc-meta">{t('consulting.noDocument')}</p>}
      {milestone.submittedAt && milestone.submittedByName && (
        <p className="lc-meta">{t('consulting.submittedBy', { who: milestone.submittedByName, when: dateTime(milestone.submittedAt) })}</p>
      )}
      {milestone.cityNote && <><h4 className="lc-group-title">{t('consulting.cityNote')}</h4><p style={{ whiteSpace: 'pre-line' }}>{milestone.cityNote}</p></>}
      {milestone.feedback && (
        <>
          <h4 className="lc-group-title">{t('consulting.feedback')}</h4>
          <p style={{ whiteSpace: 'pre-line' }}>{milestone.feedback}</p>
          {milestone.reviewedAt && milestone.reviewedByName && <p className="lc-meta">{t('consulting.reviewedBy', { who: milestone.reviewedByName, when: dateTime(milestone.reviewedAt) })}</p>}
        </>
      )}
      {mayWork && cityMayWork && (
        <>
          <UploadDocument consultingId={consulting.id} milestone={milestone} name={name} onUploaded={onChanged} />
          <SubmitMilestone consultingId={consulting.id} milestone={milestone} name={name} onDone={done} />
        </>
      )}
      {mayReview && milestone.status === 'submitted' && <ReviewMilestone consultingId={consulting.id} milestone={milestone} name={name} onDone={done} />}
      <div aria-live="polite">{notice && <p className="lc-notice success" role="status">{notice}</p>}</div>
    </section>
  );
}

/** Choosing a file uploads it at once (its bytes as they are; the server judges the type by them). */
function UploadDocument({ consultingId, milestone, name, onUploaded }: { consultingId: number; milestone: MilestoneView; name: string; onUploaded(): void }) {
  const { t } = useLocale();
  const { state, upload } = useDocumentUpload(
    (file) => `/designation/consultings/${consultingId}/milestones/${milestone.kind}/file?name=${encodeURIComponent(file.name)}`, onUploaded, 'PUT',
  );
  return (
    <div className="lc-inline-form">
      <p className="lc-hint">{t('consulting.upload.lead')}</p>
      <label className="krds-btn secondary lc-file-button">
        {t(milestone.file ? 'consulting.upload.replace' : 'consulting.upload.choose', { milestone: name })}
        <input type="file" className="sr-only" disabled={state.busy !== undefined} onChange={(e) => void upload(e)} accept={DOCUMENT_ACCEPT} />
      </label>
      <UploadStatus state={state} busy={(file) => t('consulting.upload.uploading', { name: file })} done={(file) => t('consulting.upload.uploaded', { name: file })} />
    </div>
  );
}

function SubmitMilestone({ consultingId, milestone, name, onDone }: { consultingId: number; milestone: MilestoneView; name: string; onDone(message: string): void }) {
  const { t } = useLocale();
  const field = useFieldLabels('designation/consultings/milestones/submit');
  const [note, setNote] = useState(milestone.cityNote);
  const submission = useAction(`/designation/consultings/${consultingId}/milestones/${milestone.kind}/submit`, () => ({ note, version: milestone.version }),
    () => onDone(t('consulting.submit.done')));
  return (
    <form className="lc-form" onSubmit={submission.onSubmit}>
      <TextArea label={field('note')} value={note} maxLength={4000} error={submission.fieldError('note')} onChange={(e) => setNote(e.target.value)} />
      {!milestone.file && <p className="lc-hint">{t('consulting.submit.needsFile')}</p>}
      <FormStatus error={submission.formError(['note'])} />
      <div><button type="submit" className="krds-btn primary" disabled={!milestone.file || submission.busy}>{t('consulting.submit.button', { milestone: name })}</button></div>
    </form>
  );
}

function ReviewMilestone({ consultingId, milestone, name, onDone }: { consultingId: number; milestone: MilestoneView; name: string; onDone(message: string): void }) {
  const { t } = useLocale();
  const field = useFieldLabels('designation/consultings/milestones/review');
  const [outcome, setOutcome] = useState<MilestoneOutcome>('accepted');
  const [feedback, setFeedback] = useState('');
  const submission = useAction(`/designation/consultings/${consultingId}/milestones/${milestone.kind}/review`, () => ({ outcome, feedback, version: milestone.version }),
    () => onDone(t('consulting.review.done')));
  return (
    <form className="lc-form" onSubmit={submission.onSubmit}>
      <ChoiceGroup legend={t('consulting.review.outcome')} type="radio" inline selected={[outcome]} onChange={(value) => setOutcome(value as MilestoneOutcome)}
        options={[{ value: 'accepted', label: t('consulting.review.accepted') }, { value: 'revise', label: t('consulting.review.revise') }]} />
      <TextArea label={field('feedback')} required maxLength={4000} value={feedback} error={submission.fieldError('feedback')} onChange={(e) => setFeedback(e.target.value)} />
      <FormStatus error={submission.formError(['feedback'])} />
      <div><button type="submit" className="krds-btn primary" disabled={submission.busy}>{t('consulting.review.button', { milestone: name })}</button></div>
    </form>
  );
}

function Recommend({ consulting, onDone }: { consulting: ConsultingDetail; onDone(): void }) {
  const { t, label } = useLocale();
  const field = useFieldLabels('designation/consultings/recommendation');
  const choices = consultingRecommendations.entries.filter((r) => r.purpose === consulting.purpose);
  const [recommendation, setRecommendation] = useState<ConsultingRecommendation>(consulting.recommendation ?? choices[0]!.code);
  const improving = consulting.purpose === 'improvement';
  const [reason, setReason] = useState(consulting.recommendationReason ?? '');
  const submission = useAction(`/designation/consultings/${consulting.id}/recommendation`, () => ({ recommendation, reason }), onDone);
  return (
    <section className="lc-inline-form" aria-labelledby="recommend-title">
      <h2 className="lc-subtitle" id="recommend-title">{t(improving ? 'consulting.recommend.titleImprovement' : 'consulting.recommend.title')}</h2>
      <p className="lc-hint">{t(improving ? 'consulting.recommend.leadImprovement' : 'consulting.recommend.lead')}</p>
      <form className="lc-form" onSubmit={submission.onSubmit}>
        <ChoiceGroup legend={t('consulting.recommend.choice')} type="radio" inline selected={[recommendation]} onChange={(value) => setRecommendation(value as ConsultingRecommendation)}
          options={choices.map((r) => ({ value: r.code, label: label(r) }))} />
        <TextArea label={field('reason')} required maxLength={4000} value={reason} error={submission.fieldError('reason')} onChange={(e) => setReason(e.target.value)} />
        <FormStatus error={submission.formError(['reason'])} />
        <Done show={submission.done}>{t('consulting.recommend.done')}</Done>
        <div><button type="submit" className="krds-btn primary" disabled={submission.busy}>{t('consulting.recommend.button')}</button></div>
      </form>
    </section>
  );
}

function Decide({ consulting, city, onDone }: { consulting: ConsultingDetail; city: string; onDone(): void }) {
  const { t } = useLocale();
  const field = useFieldLabels('designation/consultings/decision');
  const closing = consulting.purpose === 'improvement';
  const [decision, setDecision] = useState<ConsultingDecision>(closing ? 'closed' : consulting.recommendation === 'reject' ? 'rejected' : 'designated');
  const [reason, setReason] = useState('');
  const submission = useAction(`/designation/consultings/${consulting.id}/decision`, () => ({ decision, reason }), onDone);
  // Once decided there is nothing to decide: only the outcome of this page's decision is still told.
  if (consulting.decision) return <Done show={submission.done}>{t(closing ? 'consulting.decide.closeDone' : 'consulting.decide.done')}</Done>;
  return (
    <section className="lc-inline-form" aria-labelledby="decide-title">
      <h2 className="lc-subtitle" id="decide-title">{t(closing ? 'consulting.decide.closeTitle' : 'consulting.decide.title')}</h2>
      <p className="lc-hint">{t(closing ? 'consulting.decide.closeLead' : 'consulting.decide.lead')}</p>
      {!consulting.recommendation ? <p className="lc-notice">{t('consulting.decide.waiting')}</p> : (
        <div className="lc-form">
          {!closing && (
            <ChoiceGroup legend={t('consulting.decide.choice')} type="radio" inline selected={[decision]} onChange={(value) => setDecision(value as ConsultingDecision)}
              options={(['designated', 'rejected'] as const).map((d) => ({ value: d, label: t(`consulting.decide.${d}`) }))} />
          )}
          <TextArea label={field('reason')} required maxLength={4000} value={reason} error={submission.fieldError('reason')}
            onChange={(e) => setReason(e.target.value)} />
          <ConfirmAction label={t(closing ? 'consulting.decide.closeButton' : 'consulting.decide.button')}
            question={t('consulting.decide.question', { city, decision: t(`consulting.decisions.${decision}`) })}
            yes={t(closing ? 'consulting.decide.closeButton' : 'consulting.decide.yes')} no={t('consulting.decide.no')} busy={submission.busy || reason.trim() === ''}
            onConfirm={(event: FormEvent) => submission.onSubmit(event)}>
            <FormStatus error={submission.formError(['reason'])} />
          </ConfirmAction>
        </div>
      )}
    </section>
  );
}

/** The round that deferred the city beside the next finalised one: totals, each area, and the next round's outcome. */
function NextRound({ consulting, improvement }: { consulting: ConsultingDetail; improvement: Improvement }) {
  const { t, label, number } = useLocale();
  const next = improvement.nextRound;
  const signed = (value: number | null) => value === null ? t('consulting.improvement.missing') : `${value > 0 ? '+' : ''}${number(value)}`;
  const shown = (value: number | null) => value === null ? t('consulting.improvement.missing') : number(value);
  return (
    <section aria-labelledby="next-round-title">
      <h2 className="lc-section-title" id="next-round-title">{t('consulting.improvement.title')}</h2>
      <p className="lc-hint">{t('consulting.improvement.lead', { year: improvement.deferredRound.year })}</p>
      <p><ImprovementBadge consulting={{ id: consulting.id, closed: consulting.decision !== null, change: improvement.change }} /></p>
      {next ? <p>{t('consulting.improvement.outcome', { year: next.year, outcome: label(evaluationOutcomes.get(next.outcome)) })}</p> : <p>{t('consulting.improvement.notYet')}</p>}
      <div className="lc-table-wrap" tabIndex={0} role="region" aria-labelledby="next-round-caption">
        <table className="lc-table">
          <caption id="next-round-caption">{t('consulting.improvement.caption', { before: improvement.deferredRound.year, after: next?.year ?? '—' })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('consulting.improvement.area')}</th>
              <th scope="col" className="num">{t('consulting.improvement.before', { year: improvement.deferredRound.year })}</th>
              <th scope="col" className="num">{next ? t('consulting.improvement.after', { year: next.year }) : t('consulting.improvement.missing')}</th>
              <th scope="col" className="num">{t('consulting.improvement.change')}</th>
            </tr>
          </thead>
          <tbody>
            {improvement.areas.map((area) => (
              <tr key={area.titleKo}>
                <th scope="row">{label({ ko: area.titleKo, en: area.titleEn })} <span className="lc-meta">/ {number(area.points)}</span></th>
                <td className="num">{number(area.before)}</td>
                <td className="num">{shown(area.after)}</td>
                <td className="num">{signed(area.change)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('consulting.improvement.total')}</th>
              <td className="num">{number(improvement.deferredRound.total)}</td>
              <td className="num">{shown(next?.total ?? null)}</td>
              <td className="num">{signed(improvement.change)}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * The ministry opens a deferred city's consulting with its consultant (`?city=&round=`, from the national picture's
 * cities at risk or the evaluation round); the new consulting's page follows.
 */
export function OpenImprovementPage() {
  const { t, locale } = useLocale();
  const session = useSession();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const cityCode = search.get('city') ?? '';
  const roundYear = Number(search.get('round'));
  const place = useApi<{ nameKo: string; nameEn: string; provinceShortKo: string; provinceShortEn: string }>(/^\d{5}$/.test(cityCode) ? `/cities/${cityCode}` : null);
  const manages = session.can('designation.call.manage');
  const [chosen, setChosen] = useState('');
  const submission = useSubmission(async () => {
    const opened = await api<ConsultingDetail>('/designation/consultings', { method: 'POST', body: { cityCode, roundYear, consultantId: Number(chosen) } });
    void navigate(`/designation/consulting/${opened.id}`);
  });

  if (session.ready && !session.me) return <LoginPrompt />;
  if (session.ready && !manages) return <p className="lc-notice">{t('consulting.notAllowed')}</p>;
  if (!/^\d{5}$/.test(cityCode) || !Number.isInteger(roundYear) || roundYear < 2020) return <p className="lc-notice">{t('consulting.open.missing')}</p>;
  // A city and round with an open consulting already: the refusal names it, to go there instead.
  const existing = submission.error?.body?.consultingId;
  return (
    <>
      <PageTitle title={t('consulting.open.title')} lead={t('consulting.open.lead', { year: roundYear })} />
      <dl className="lc-facts">
        <dt>{t('consulting.open.city')}</dt>
        <dd><Loaded state={place}>{(c) => <Link to={`/cities/${cityCode}`}>{cityName(c, locale)}</Link>}</Loaded></dd>
        <dt>{t('consulting.open.round')}</dt><dd>{roundYear}</dd>
      </dl>
      {manages && (
        <ConsultantForm chosen={chosen} onChoose={setChosen} submission={submission} submitLabel={t('consulting.open.submit')}>
          {typeof existing === 'number' && <p><Link to={`/designation/consulting/${existing}`}>{t('consulting.open.existing')} →</Link></p>}
        </ConsultantForm>
      )}
    </>
  );
}
