/**
 * A reviewer's review of one application: the application to read, and the rubric to score item by item (0 to
 * the item's points, with a comment), saved as a draft and submitted once; afterwards read-only. The other
 * reviewers' scores — unnamed totals by area — show only once the reviewer has submitted all their reviews of
 * the call, so that no review sways another.
 */
import { Fragment, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ApplicationView } from '../../../shared/contracts/designation-applications.ts';
import type { ReviewDetail } from '../../../shared/contracts/designation-review.ts';
import { api, ApiError, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { ConfirmAction } from '../../ui/ConfirmAction.tsx';
import { TextArea, TextField } from '../../ui/Field.tsx';
import { Loaded, PageTitle } from '../../ui/Status.tsx';
import { ApplicationDocument } from './ApplicationDocument.tsx';
import { cityNameOf, scoreText } from './ReviewsPage.tsx';

type Entry = { score: string; comment: string };
type Outcome = { error?: string; field?: string; done?: string };

const pick = (entry: { titleKo: string; titleEn: string }, locale: 'ko' | 'en') => (locale === 'en' ? entry.titleEn : entry.titleKo);

function entriesOf(detail: ReviewDetail): Record<number, Entry> {
  const given = new Map(detail.scores.map((s) => [s.rubricItemId, s]));
  return Object.fromEntries(detail.rubric.flatMap((area) => area.items).map((item) => {
    const score = given.get(item.id);
    return [item.id, { score: score ? String(score.score) : '', comment: score?.comment ?? '' }];
  }));
}

/** The others' submitted totals by area, unnamed, beside this reviewer's own. */
function Peers({ detail }: { detail: ReviewDetail }) {
  const { t, locale } = useLocale();
  let body;
  if (detail.peersHiddenBecause === 'not_submitted') body = <p className="lc-notice">{t('review.review.peersNotSubmitted')}</p>;
  else if (detail.peersHiddenBecause === 'assignments_left') body = <p className="lc-notice">{t('review.review.peersLeft', { count: detail.assignmentsLeft })}</p>;
  else if (!detail.peers || detail.peers.reviewers.length === 0) body = <p className="lc-notice">{t('review.review.peersNone', { count: detail.peers?.assigned ?? 0 })}</p>;
  else {
    const mine = detail.rubric.map((area) => area.items.reduce((sum, item) => sum + (detail.scores.find((s) => s.rubricItemId === item.id)?.score ?? 0), 0));
    const rowsShown = [
      { name: t('review.review.me'), total: detail.assignment.total, areas: mine },
      ...detail.peers.reviewers.map((p, i) => ({ name: t('review.review.peer', { n: i + 1 }), total: p.total, areas: p.areas })),
    ];
    body = (
      <>
        <p>{t('review.review.peersLead')}</p>
        <div className="lc-table-wrap" tabIndex={0} role="region" aria-label={t('review.review.peers')}>
          <table className="lc-table">
            <thead>
              <tr>
                <th scope="col"><span className="sr-only">{t('review.detail.item')}</span></th>
                {detail.rubric.map((area) => <th key={area.areaNo} scope="col" className="num">{pick(area, locale)}</th>)}
                <th scope="col" className="num">{t('review.mine.columns.total')}</th>
              </tr>
            </thead>
            <tbody>
              {rowsShown.map((row) => (
                <tr key={row.name}>
                  <th scope="row">{row.name}</th>
                  {row.areas.map((value, i) => <td key={i} className="num">{scoreText(value)}</td>)}
                  <td className="num">{scoreText(row.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>
    );
  }
  return (
    <section aria-labelledby="peers-title">
      <h2 className="lc-section-title" id="peers-title">{t('review.review.peers')}</h2>
      {body}
    </section>
  );
}

function ScoreSheet({ detail, onChanged }: { detail: ReviewDetail; onChanged(next: ReviewDetail): void }) {
  const { t, locale } = useLocale();
  const [entries, setEntries] = useState(() => entriesOf(detail));
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({});
  useEffect(() => setEntries(entriesOf(detail)), [detail]);
  const items = detail.rubric.flatMap((area) => area.items);
  const scoreOf = (id: number) => (entries[id]?.score.trim() ? Number(entries[id]!.score) : null);
  const sum = (ids: number[]) => ids.reduce((total, id) => total + (scoreOf(id) ?? 0), 0);
  const set = (id: number, change: Partial<Entry>) => setEntries((all) => ({ ...all, [id]: { ...all[id]!, ...change } }));

  /** Saves what is scored; a comment without a score is named rather than lost. */
  const save = async (): Promise<boolean> => {
    const unscored = items.filter((item) => scoreOf(item.id) === null && entries[item.id]!.comment.trim());
    if (unscored.length > 0) {
      setOutcome({ error: t('review.review.commentWithoutScore', { items: unscored.map((i) => pick(i, locale)).join(', ') }), field: `score.${unscored[0]!.id}` });
      return false;
    }
    const scores = items.filter((item) => scoreOf(item.id) !== null)
      .map((item) => ({ rubricItemId: item.id, score: scoreOf(item.id)!, comment: entries[item.id]!.comment }));
    if (scores.length === 0) return true;
    const saved = await api<ReviewDetail>(`/designation/reviews/${detail.assignment.id}/scores`, { method: 'PUT', body: { scores } });
    onChanged(saved);
    return true;
  };
  const run = async (work: () => Promise<string | null>) => {
    setBusy(true);
    setOutcome({});
    try {
      const done = await work();
      if (done) setOutcome({ done });
    } catch (e) {
      setOutcome(e instanceof ApiError ? { error: e.message, field: e.field } : { error: String(e) });
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (id: number) => (outcome.field === `score.${id}` ? outcome.error : undefined);

  return (
    <>
      <form className="lc-form" onSubmit={(event) => { event.preventDefault(); void run(async () => ((await save()) ? t('review.review.saved') : null)); }}>
        {detail.rubric.map((area) => (
          <fieldset key={area.areaNo}>
            <legend>{area.areaNo}. {pick(area, locale)} ({t('review.points', { points: area.points })})</legend>
            {area.items.map((item) => (
              <div key={item.id} className="lc-subsection">
                <TextField label={t('review.review.score', { item: pick(item, locale), points: item.points })} type="number" inputMode="decimal"
                  min={0} max={item.points} step={0.5} value={entries[item.id]?.score ?? ''} error={fieldError(item.id)}
                  hint={(locale === 'en' ? item.guidanceEn : item.guidanceKo) ? t('review.review.guidance', { text: locale === 'en' ? item.guidanceEn : item.guidanceKo }) : undefined}
                  onChange={(e) => set(item.id, { score: e.target.value })} />
                <TextArea label={t('review.review.comment', { item: pick(item, locale) })} rows={2} maxLength={4000} value={entries[item.id]?.comment ?? ''}
                  onChange={(e) => set(item.id, { comment: e.target.value })} />
              </div>
            ))}
            <p className="lc-meta">{t('review.review.areaTotal', { area: pick(area, locale), score: scoreText(sum(area.items.map((i) => i.id))), points: area.points })}</p>
          </fieldset>
        ))}
        <p><strong>{t('review.review.total', { score: scoreText(sum(items.map((i) => i.id))) })}</strong></p>
        <button type="submit" className="krds-btn secondary" disabled={busy}>{t('review.review.save')}</button>
      </form>
      {/* Outside the form: the confirmation is a form of its own. */}
      <div className="lc-actions">
        <ConfirmAction label={t('review.review.submit')} question={t('review.review.submitQuestion')} yes={t('review.review.yes')} no={t('review.review.no')} busy={busy}
          onConfirm={(event) => {
            event.preventDefault();
            void run(async () => {
              if (!(await save())) return null;
              onChanged(await api<ReviewDetail>(`/designation/reviews/${detail.assignment.id}/submit`, { method: 'POST' }));
              return t('review.review.submitted');
            });
          }} />
      </div>
      {outcome.error && <p className="lc-notice error" role="alert">{outcome.error}</p>}
      {outcome.done && <p className="lc-notice success" role="status">{outcome.done}</p>}
    </>
  );
}

/** The scores as given, to read once they can no longer change. */
function ScoresRead({ detail }: { detail: ReviewDetail }) {
  const { t, locale } = useLocale();
  const given = new Map(detail.scores.map((s) => [s.rubricItemId, s]));
  return (
    <>
      {detail.rubric.map((area) => (
        <section key={area.areaNo} aria-labelledby={`area-${area.areaNo}`}>
          <h3 className="lc-group-title" id={`area-${area.areaNo}`}>{area.areaNo}. {pick(area, locale)} ({t('review.points', { points: area.points })})</h3>
          <dl className="lc-facts">
            {area.items.map((item) => (
              <Fragment key={item.id}>
                <dt>{pick(item, locale)} ({t('review.points', { points: item.points })})</dt>
                <dd>
                  <strong>{given.has(item.id) ? scoreText(given.get(item.id)!.score) : t('review.review.notScored')}</strong>
                  {given.get(item.id)?.comment && <span style={{ whiteSpace: 'pre-line' }}> — {given.get(item.id)!.comment}</span>}
                </dd>
              </Fragment>
            ))}
          </dl>
        </section>
      ))}
      <p><strong>{t('review.review.total', { score: scoreText(detail.assignment.total) })}</strong></p>
    </>
  );
}

export function ReviewPage() {
  const { assignmentId = '' } = useParams();
  const { t, locale, date } = useLocale();
  const session = useSession();
  const loaded = useApi<ReviewDetail>(session.me ? `/designation/reviews/${assignmentId}` : null);
  const [current, setCurrent] = useState<ReviewDetail | undefined>();
  const [submitted, setSubmitted] = useState(false);
  const changed = (next: ReviewDetail) => {
    setCurrent(next);
    setSubmitted(next.assignment.submittedAt !== null);
  };
  useEffect(() => setCurrent(loaded.data), [loaded.data]);
  const detail = current ?? loaded.data;
  const application = useApi<ApplicationView>(detail ? `/designation/applications/${detail.assignment.applicationId}` : null);
  if (session.ready && !session.me) return <LoginPrompt />;

  return (
    <Loaded state={{ ...loaded, data: detail }}>
      {(d) => (
        <>
          <p><Link to="/designation/reviews">← {t('review.review.back')}</Link></p>
          <PageTitle title={t('review.review.title', { city: cityNameOf(d.assignment, locale) })}
            lead={t('review.review.lead', { call: locale === 'en' ? d.call.titleEn : d.call.titleKo, period: t('review.period', { from: date(d.call.reviewStartsOn), to: date(d.call.reviewEndsOn) }) })} />
          <p className="lc-meta">{t(`review.states.${d.assignment.state}`)} · {t('review.mine.progress', { scored: d.assignment.scoredItems, total: d.assignment.totalItems })}</p>

          <section aria-labelledby="application-title">
            <h2 className="lc-section-title" id="application-title">{t('review.review.application')}</h2>
            <details>
              <summary>{t('review.review.readApplication')}</summary>
              <Loaded state={application}>{(a) => <ApplicationDocument application={a} headingLevel={4} />}</Loaded>
            </details>
          </section>

          <section aria-labelledby="scores-title">
            <h2 className="lc-section-title" id="scores-title">{t('review.review.scores')}</h2>
            {d.mayScore ? (
              <>
                <p>{t('review.review.scoresLead')}</p>
                <ScoreSheet detail={d} onChanged={changed} />
              </>
            ) : (
              <>
                {submitted && <p className="lc-notice success" role="status">{t('review.review.submitted')}</p>}
                {d.closedBecause && <p className="lc-notice">{t('review.review.closed', { why: d.closedBecause[locale] })}</p>}
                <ScoresRead detail={d} />
              </>
            )}
          </section>

          <Peers detail={d} />
        </>
      )}
    </Loaded>
  );
}
