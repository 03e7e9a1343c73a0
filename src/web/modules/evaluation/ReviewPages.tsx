/**
 * The reviewer's side of the evaluation: the cities assigned to them, and one city's evidence and judgement items
 * with its self-assessment and evidence beside each, scored, saved and submitted; its objection answered.
 */
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { EvaluationAssignment, EvaluationReviewView } from '../../../shared/contracts/evaluation.ts';
import { roundStatuses } from '../../../shared/vocabulary/index.ts';
import { api, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { TextArea, TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { PagedTable } from '../../ui/PagedTable.tsx';
import { Loaded, PageTitle } from '../../ui/Status.tsx';

export function EvaluationReviewsPage() {
  const { t, locale, label } = useLocale();
  const session = useSession();
  if (!session.ready) return null;
  if (!session.me) return <LoginPrompt />;
  if (!session.can('evaluation.review.score', { assigned: true })) return <p className="lc-notice">{t('evaluation.notAllowed')}</p>;
  return (
    <>
      <PageTitle title={t('evaluation.reviews.title')} lead={t('evaluation.reviews.lead')} />
      <PagedTable<EvaluationAssignment>
        path="/evaluation/reviews" title={t('evaluation.reviews.title')} none={t('evaluation.reviews.none')}
        columns={[t('evaluation.reviews.columns.city'), t('evaluation.reviews.columns.year'), t('evaluation.reviews.columns.state')]}
        row={(a) => (
          <tr key={a.id}>
            <th scope="row"><Link to={`/evaluation/reviews/${a.id}`}>{locale === 'en' ? a.cityNameEn : a.cityNameKo}</Link></th>
            <td>{a.year} · {label(roundStatuses.get(a.roundStatus))}</td>
            <td>{a.objectionWaiting ? t('evaluation.reviews.objectionWaiting') : a.submittedAt ? t('evaluation.reviews.submitted') : t('evaluation.reviews.toDo')}</td>
          </tr>
        )}
      />
    </>
  );
}

function ObjectionAnswer({ view, onDone }: { view: EvaluationReviewView; onDone(): void }) {
  const { t } = useLocale();
  const field = useFieldLabels('evaluation/reviews/objection-answer');
  const [form, setForm] = useState({ answer: '', revisedScore: '' });
  const submission = useSubmission(() => api(`/evaluation/reviews/${view.assignment.id}/objection-answer`, {
    method: 'POST', body: { answer: form.answer, revisedScore: form.revisedScore === '' ? null : Number(form.revisedScore) },
  }), onDone);
  const objection = view.objection;
  if (!objection) return null;
  return (
    <section>
      <h2 className="lc-section-title">{t('evaluation.review.objection')}</h2>
      <blockquote className="lc-card">{objection.itemCode ? `${objection.itemCode}: ` : ''}{objection.text}</blockquote>
      {objection.answer ? <p className="lc-card"><strong>{t('evaluation.review.answer')}</strong>: {objection.answer}</p> : (
        <form className="lc-form" onSubmit={submission.onSubmit}>
          <TextArea label={field('answer')} required minLength={5} maxLength={4000} value={form.answer} error={submission.fieldError('answer')}
            onChange={(e) => setForm({ ...form, answer: e.target.value })} />
          {objection.itemCode && (
            <TextField label={field('revisedScore')} inputMode="decimal" value={form.revisedScore} error={submission.fieldError('revisedScore')}
              onChange={(e) => setForm({ ...form, revisedScore: e.target.value })} />
          )}
          <FormStatus error={submission.formError(['answer', 'revisedScore'])} />
          <div><button type="submit" className="krds-btn primary" disabled={submission.busy}>{t('evaluation.review.sendAnswer')}</button></div>
        </form>
      )}
    </section>
  );
}

export function EvaluationReviewPage() {
  const { t, locale } = useLocale();
  const { assignmentId = '' } = useParams();
  const review = useApi<EvaluationReviewView>(`/evaluation/reviews/${assignmentId}`);
  const [scores, setScores] = useState<Record<string, { score: string; comment: string }>>({});
  useEffect(() => {
    if (review.data) setScores(Object.fromEntries(review.data.items.map((i) => [i.code, { score: i.score === null ? '' : String(i.score), comment: i.comment }])));
  }, [review.data]);
  const body = () => ({
    scores: Object.entries(scores).filter(([, s]) => s.score !== '').map(([itemCode, s]) => ({ itemCode, score: Number(s.score), comment: s.comment })),
  });
  const save = useSubmission(() => api(`/evaluation/reviews/${assignmentId}/scores`, { method: 'PUT', body: body() }), review.reload);
  const submit = useSubmission(async () => {
    await api(`/evaluation/reviews/${assignmentId}/scores`, { method: 'PUT', body: body() });
    await api(`/evaluation/reviews/${assignmentId}/submit`, { method: 'POST' });
  }, review.reload);
  return (
    <Loaded state={review}>
      {(view) => (
        <>
          <PageTitle title={t('evaluation.review.title', { city: locale === 'en' ? view.assignment.cityNameEn : view.assignment.cityNameKo, year: view.assignment.year })} />
          <form className="lc-form" onSubmit={save.onSubmit}>
            {view.items.map((item, i) => {
              const name = `${item.code} ${locale === 'en' ? item.titleEn : item.titleKo}`;
              const mine = scores[item.code] ?? { score: '', comment: '' };
              const set = (change: Partial<typeof mine>) => setScores({ ...scores, [item.code]: { ...mine, ...change } });
              return (
                <fieldset key={item.code} className="lc-fieldset">
                  <legend>{locale === 'en' ? item.areaEn : item.areaKo} · {name}</legend>
                  <p className="lc-hint">{locale === 'en' ? item.guidanceEn : item.guidanceKo}</p>
                  <p><strong>{t('evaluation.review.selfAssessment')}</strong>: {item.selfAssessment ?? t('evaluation.review.noSelfAssessment')}</p>
                  {item.evidence.length > 0 && (
                    <ul>
                      {item.evidence.map((e) => (
                        <li key={e.id}><a href={`/api/evaluation/rounds/${view.assignment.year}/cities/${view.assignment.cityCode}/evidence/${e.id}`}>{e.fileName}</a></li>
                      ))}
                    </ul>
                  )}
                  <TextField label={t('evaluation.review.score', { item: name, points: item.points })} inputMode="decimal" disabled={!view.mayScore}
                    value={mine.score} error={save.fieldError(`scores.${i}.score`) ?? submit.fieldError(`scores.${i}.score`)} onChange={(e) => set({ score: e.target.value })} />
                  <TextArea label={t('evaluation.review.comment', { item: name })} disabled={!view.mayScore} maxLength={4000} value={mine.comment}
                    onChange={(e) => set({ comment: e.target.value })} />
                </fieldset>
              );
            })}
            <FormStatus error={save.formError(view.items.map((_, i) => `scores.${i}`)) ?? submit.formError(view.items.map((_, i) => `scores.${i}`))} />
            {save.done && <p className="lc-notice success" role="status">{t('evaluation.review.saved')}</p>}
            {view.assignment.submittedAt && <p className="lc-notice success" role="status">{t('evaluation.review.submittedNotice')}</p>}
            {view.mayScore && (
              <div className="lc-actions">
                <button type="submit" className="krds-btn secondary" disabled={save.busy}>{t('evaluation.review.save')}</button>
                <button type="button" className="krds-btn primary" disabled={submit.busy} onClick={submit.onSubmit}>{t('evaluation.review.submit')}</button>
              </div>
            )}
          </form>
          <ObjectionAnswer view={view} onDone={review.reload} />
        </>
      )}
    </Loaded>
  );
}
