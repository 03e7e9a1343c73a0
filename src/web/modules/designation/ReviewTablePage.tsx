/**
 * The ministry's review table of a call: every endorsed application with each reviewer's total, the area scores
 * and the score by the call's rule, the spread between reviewers, the rank against the quota (the suggested line
 * drawn where the quota falls) and the province's own rank; sortable, downloadable. Opening an application shows
 * each reviewer's scores item by item with their comments, the reviewers to assign or take off, and the decision.
 * Once everything is decided, the results are announced from here.
 */
import { Fragment, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { ApplicationReviews, ReviewerCandidate, ReviewRow, ReviewSort, ReviewTable } from '../../../shared/contracts/designation-review.ts';
import { applicationDecisionList, applicationDecisions, callPhases, scoreAggregations, type ApplicationDecision } from '../../../shared/vocabulary/index.ts';
import { api, ApiError, query, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { ConfirmAction } from '../../ui/ConfirmAction.tsx';
import { SelectField, TextArea } from '../../ui/Field.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded, PageTitle } from '../../ui/Status.tsx';
import { TableDownloads, type DownloadableTable } from '../../ui/TableDownloads.tsx';
import { cityNameOf, scoreText } from './ReviewsPage.tsx';

const PAGE_SIZE = 100;
type Outcome = { error?: string; done?: string };
type Order = 'asc' | 'desc';
const firstOrder = (sort: ReviewSort): Order => (sort === 'aggregate' || sort === 'spread' ? 'desc' : 'asc');
const pick = (entry: { titleKo: string; titleEn: string }, locale: 'ko' | 'en') => (locale === 'en' ? entry.titleEn : entry.titleKo);

/** Runs a change and says how it went. */
function useAction() {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({});
  /** `done`: what to say when it worked (nothing when the change itself shows it). */
  const run = async (work: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    setOutcome({});
    try {
      await work();
      setOutcome({ done });
    } catch (e) {
      setOutcome({ error: e instanceof ApiError ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  const notice = (
    <>
      {outcome.error && <p className="lc-notice error" role="alert">{outcome.error}</p>}
      {outcome.done && <p className="lc-notice success" role="status">{outcome.done}</p>}
    </>
  );
  return { busy, run, notice };
}

/** A column heading that sorts the table by it (again: the other way round). */
function SortHeading({ column, label, sort, order, onSort, className }: {
  column: ReviewSort; label: string; sort: ReviewSort; order: Order; onSort(column: ReviewSort, order: Order): void; className?: string;
}) {
  const { t } = useLocale();
  const active = sort === column;
  return (
    <th scope="col" className={className} aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : undefined}>
      {/* KRDS keeps a button on one line at a fixed height; a heading's label must wrap within its column. */}
      <button type="button" className="krds-btn small tertiary" style={{ whiteSpace: 'normal', height: 'auto', textAlign: 'inherit' }} onClick={() => onSort(column, active ? (order === 'asc' ? 'desc' : 'asc') : firstOrder(column))}>
        {label}{active ? (order === 'asc' ? ' ▲' : ' ▼') : ''}<span className="sr-only"> ({t('review.table.sortBy', { column: label })})</span>
      </button>
    </th>
  );
}

function ReviewerTotals({ row, totalItems }: { row: ReviewRow; totalItems: number }) {
  const { t } = useLocale();
  if (row.reviewers.length === 0) return <>{t('review.table.noReviewers')}</>;
  return (
    <ul className="lc-plain-list">
      {row.reviewers.map((c) => (
        <li key={c.assignmentId} className="lc-nowrap">
          {c.displayName}{' '}
          {c.state === 'submitted'
            ? c.counted ? <strong>{scoreText(c.total)}</strong> : <><del>{scoreText(c.total)}</del> ({t('review.table.excluded')})</>
            : t('review.table.draftProgress', { state: t(`review.states.${c.state}`), scored: c.scoredItems, total: totalItems })}
        </li>
      ))}
    </ul>
  );
}

/** The table as a file: every row, whatever page is shown (fetched page by page when there are more). */
function Downloads({ table, sort, order }: { table: ReviewTable; sort: ReviewSort; order: Order }) {
  const { t, label, locale } = useLocale();
  const [all, setAll] = useState<ReviewRow[] | null>(table.total <= table.items.length ? table.items : null);
  const fetchAll = async () => {
    const rows: ReviewRow[] = [];
    for (let page = 1; rows.length < table.total; page++) {
      const next = await api<ReviewTable>(`/designation/calls/${table.call.year}/review${query({ sort, order, page, pageSize: PAGE_SIZE })}`);
      rows.push(...next.items);
      if (next.items.length === 0) break;
    }
    setAll(rows);
  };
  if (!all) return <button type="button" className="krds-btn small tertiary" onClick={() => void fetchAll()}>{t('review.table.downloadAll', { total: table.total })}</button>;
  const columns = ['rank', 'city', 'province', 'provinceRank', 'reviewers'] as const;
  const file: DownloadableTable = {
    title: t('review.table.exportTitle', { year: table.call.year }),
    columns: [
      ...columns.map((c) => t(`review.table.columns.${c}`)),
      ...table.areas.map((area) => t('review.table.areaColumn', { area: pick(area, locale), points: area.points })),
      t('review.table.columns.aggregate'), t('review.table.columns.spread'), t('review.table.withinQuota'), t('review.table.columns.decision'),
    ],
    rows: all.map((row) => [
      row.rank, cityNameOf(row, locale), locale === 'en' ? row.provinceShortEn : row.provinceShortKo, row.provinceRank,
      row.reviewers.map((c) => `${c.displayName} ${c.state === 'submitted' ? scoreText(c.total) + (c.counted ? '' : ` (${t('review.table.excluded')})`) : t(`review.states.${c.state}`)}`).join('; '),
      ...table.areas.map((_, i) => row.areaAggregates?.[i] ?? null),
      row.aggregate, row.spread ? `${scoreText(row.spread.range)} (${scoreText(row.spread.sd)})` : null,
      row.withinQuota ? t('review.table.yes') : t('review.table.no'), row.decision ? label(applicationDecisions.get(row.decision)) : null,
    ]),
  };
  return <TableDownloads table={file} />;
}

/** Each reviewer's scores of one application item by item, and their comments. */
function Scores({ reviews }: { reviews: ApplicationReviews }) {
  const { t, locale } = useLocale();
  if (reviews.reviewers.length === 0) return <p className="lc-notice">{t('review.detail.none')}</p>;
  const scoreOf = (assignmentId: number, itemId: number) =>
    reviews.reviewers.find((r) => r.assignmentId === assignmentId)!.scores.find((s) => s.rubricItemId === itemId) ?? null;
  return (
    <>
      <div className="lc-table-wrap" tabIndex={0} role="region" aria-label={t('review.detail.scores')}>
        <table className="lc-table">
          <caption className="sr-only">{t('review.detail.scores')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('review.detail.item')}</th>
              {reviews.reviewers.map((r) => <th key={r.assignmentId} scope="col" className="num">{r.displayName}</th>)}
            </tr>
          </thead>
          <tbody>
            {reviews.rubric.flatMap((area) => area.items.map((item) => (
              <tr key={item.id}>
                <th scope="row">{pick(item, locale)} <span className="lc-count">({item.points})</span></th>
                {reviews.reviewers.map((r) => (
                  <td key={r.assignmentId} className="num">{r.state === 'submitted' ? scoreText(scoreOf(r.assignmentId, item.id)?.score ?? null) : t('review.detail.notSubmitted')}</td>
                ))}
              </tr>
            )))}
          </tbody>
        </table>
      </div>
      {reviews.reviewers.filter((r) => r.state === 'submitted').map((r) => (
        <details key={r.assignmentId}>
          <summary>{t('review.detail.comments', { name: r.displayName })}</summary>
          <dl className="lc-facts">
            {reviews.rubric.flatMap((area) => area.items).map((item) => (
              <Fragment key={item.id}>
                <dt>{pick(item, locale)}</dt>
                <dd style={{ whiteSpace: 'pre-line' }}>{scoreOf(r.assignmentId, item.id)?.comment || t('review.detail.noComment')}</dd>
              </Fragment>
            ))}
          </dl>
        </details>
      ))}
    </>
  );
}

function Assigning({ row, onChanged }: { row: ReviewRow; onChanged(): void }) {
  const { t } = useLocale();
  const candidates = useApi<PageOf<ReviewerCandidate>>(`/designation/applications/${row.applicationId}/reviewer-candidates?pageSize=100`);
  const [chosen, setChosen] = useState('');
  const { busy, run, notice } = useAction();
  const changed = () => {
    candidates.reload();
    onChanged();
  };
  return (
    <section aria-labelledby="assign-title">
      <h3 className="lc-group-title" id="assign-title">{t('review.assign.title')}</h3>
      <p className="lc-hint">{t('review.assign.lead')}</p>
      {row.reviewers.length > 0 && (
        <ul className="lc-history" aria-label={t('review.assign.current')}>
          {row.reviewers.map((c) => (
            <li key={c.assignmentId} className="lc-row-actions">
              <span>{c.displayName} · {t(`review.states.${c.state}`)}</span>
              {c.state !== 'submitted' && (
                <button type="button" className="krds-btn small tertiary" disabled={busy}
                  onClick={() => void run(async () => {
                    await api(`/designation/applications/${row.applicationId}/reviewers/${c.reviewerId}`, { method: 'DELETE' });
                    changed();
                  }, t('review.assign.removed', { name: c.displayName }))}>
                  {t('review.assign.remove', { name: c.displayName })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <Loaded state={candidates}>
        {(result) => result.items.length === 0 ? <p className="lc-notice">{t('review.assign.noCandidates')}</p> : (
          <form className="lc-inline-form" onSubmit={(event) => {
            event.preventDefault();
            void run(async () => {
              await api(`/designation/applications/${row.applicationId}/reviewers`, { method: 'POST', body: { reviewerId: Number(chosen) } });
              setChosen('');
              changed();
            }, t('review.assign.done'));
          }}>
            <SelectField label={t('review.assign.who')} value={chosen} required onChange={(e) => setChosen(e.target.value)}
              options={[{ value: '', label: t('review.assign.choose') }, ...result.items.map((c) => ({
                value: String(c.personId),
                label: t('review.assign.option', { name: c.displayName, affiliation: c.affiliation || '—', count: c.assignmentsInCall })
                  + (c.conflict?.lives ? t('review.assign.conflictLives') : '') + (c.conflict?.works ? t('review.assign.conflictWorks') : '')
                  + (c.conflict?.consulted ? t('review.assign.conflictConsulted') : '')
                  + (c.assigned ? t('review.assign.alreadyAssigned') : ''),
              }))]} />
            <button type="submit" className="krds-btn secondary" disabled={busy || !chosen}>{t('review.assign.submit')}</button>
          </form>
        )}
      </Loaded>
      {notice}
    </section>
  );
}

function Deciding({ row, onDecided }: { row: ReviewRow; onDecided(): void }) {
  const { t, label, locale } = useLocale();
  const [decision, setDecision] = useState<ApplicationDecision | ''>('');
  const [reason, setReason] = useState('');
  const { busy, run, notice } = useAction();
  return (
    <section aria-labelledby="decide-title">
      <h3 className="lc-group-title" id="decide-title">{t('review.decide.title')}</h3>
      <p className="lc-hint">{t('review.decide.lead')}</p>
      <ChoiceGroup legend={t('review.decide.decision')} type="radio" inline options={applicationDecisionList.map((d) => ({ value: d.code, label: label(d) }))}
        selected={decision ? [decision] : []} onChange={(value) => setDecision(value as ApplicationDecision)} />
      <TextArea label={t('review.decide.reason')} value={reason} minLength={5} maxLength={4000} rows={3} required onChange={(e) => setReason(e.target.value)} />
      {decision && (
        <ConfirmAction label={t('review.decide.submit')} yes={t('review.table.yes')} no={t('review.table.no')} busy={busy}
          question={t('review.decide.question', { city: cityNameOf(row, locale), decision: label(applicationDecisions.get(decision)) })}
          onConfirm={(event) => {
            event.preventDefault();
            void run(async () => {
              await api(`/designation/applications/${row.applicationId}/decision`, { method: 'POST', body: { decision, reason } });
              onDecided();
            });
          }} />
      )}
      {notice}
    </section>
  );
}

function Opened({ row, open, onChanged, onClose }: { row: ReviewRow | undefined; open: number; onChanged(): void; onClose(): void }) {
  const { t, label, locale, dateTime } = useLocale();
  const session = useSession();
  const reviews = useApi<ApplicationReviews>(`/designation/applications/${open}/reviews`);
  // Said here: the decision form goes away once the application is decided.
  const [justDecided, setJustDecided] = useState(false);
  const changed = () => {
    reviews.reload();
    onChanged();
  };
  return (
    <section className="lc-panel" aria-labelledby="opened-title">
      <Loaded state={reviews}>
        {(r) => (
          <>
            <h2 className="lc-section-title" id="opened-title">{t('review.detail.title', { city: cityNameOf(r, locale) })}</h2>
            <p><button type="button" className="krds-btn small tertiary" onClick={onClose}>{t('review.detail.close')}</button></p>
            {justDecided && <p className="lc-notice success" role="status">{t('review.decide.done')}</p>}
            {row?.decision && (
              <p className="lc-notice">
                <strong>{t('review.decide.made', { decision: label(applicationDecisions.get(row.decision)), score: scoreText(row.finalScore), when: row.decidedAt ? dateTime(row.decidedAt) : '' })}</strong>
                {row.decisionReason && <> — {row.decisionReason}</>}
              </p>
            )}
            <h3 className="lc-group-title">{t('review.detail.scores')}</h3>
            <Scores reviews={r} />
            {row?.status === 'endorsed' && session.can('designation.call.manage') && <Assigning row={row} onChanged={changed} />}
            {row?.status === 'endorsed' && session.can('designation.decide') && <Deciding row={row} onDecided={() => { setJustDecided(true); changed(); }} />}
          </>
        )}
      </Loaded>
    </section>
  );
}

function Announcing({ table, onChanged }: { table: ReviewTable; onChanged(): void }) {
  const { t, dateTime } = useLocale();
  const session = useSession();
  const { busy, run, notice } = useAction();
  if (table.call.announcedAt) return <p className="lc-notice success" role="status">{t('review.table.announcedOn', { when: dateTime(table.call.announcedAt) })}</p>;
  if (!session.can('designation.decide')) return null;
  return (
    <div className="lc-actions">
      {table.mayAnnounce ? (
        <ConfirmAction label={t('review.table.announce')} question={t('review.table.announceQuestion', { year: table.call.year })} yes={t('review.table.yes')}
          no={t('review.table.no')} busy={busy}
          onConfirm={(event) => {
            event.preventDefault();
            void run(async () => {
              await api(`/designation/calls/${table.call.year}/announce`, { method: 'POST' });
              onChanged();
            });
          }} />
      ) : <p className="lc-hint">{t('review.table.announceHint')}</p>}
      {notice}
    </div>
  );
}

export function ReviewTablePage() {
  const { year = '' } = useParams();
  const { t, label, locale, date } = useLocale();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const allowed = session.can('designation.review.view');
  const sort = (params.get('sort') ?? 'rank') as ReviewSort;
  const order = (params.get('order') ?? firstOrder(sort)) as Order;
  const page = Number(params.get('page') ?? '1') || 1;
  const opened = Number(params.get('application')) || null;
  const table = useApi<ReviewTable>(allowed ? `/designation/calls/${year}/review${query({ sort, order, page, pageSize: PAGE_SIZE })}` : null);
  if (!session.ready) return null;
  if (!session.me) return <LoginPrompt />;
  if (!allowed) return <p className="lc-notice">{t('review.notAllowed')}</p>;

  const update = (change: (next: URLSearchParams) => void) => setParams((current) => {
    const next = new URLSearchParams(current);
    change(next);
    return next;
  }, { replace: true });
  const onSort = (column: ReviewSort, to: Order) => update((next) => {
    next.set('sort', column);
    next.set('order', to);
    next.delete('page');
  });
  const open = (id: number | null) => update((next) => {
    if (id) next.set('application', String(id));
    else next.delete('application');
  });

  return (
    <Loaded state={table}>
      {(data) => {
        const heading = (column: ReviewSort, className?: string) => (
          <SortHeading column={column} label={t(`review.table.columns.${column}`)} sort={sort} order={order} onSort={onSort} className={className} />
        );
        const itemCount = data.areas.reduce((sum, area) => sum + area.items, 0);
        // The suggested line: after the last application within the quota, when the table is in rank order.
        const lastWithin = sort === 'rank' && order === 'asc' ? data.items.findLastIndex((r) => r.withinQuota) : -1;
        const columnCount = 8 + data.areas.length;
        return (
          <>
            <PageTitle title={t('review.table.title', { year: data.call.year })} lead={t('review.table.lead')} />
            <dl className="lc-facts">
              <dt>{t('review.table.facts.phase')}</dt><dd>{label(callPhases.get(data.call.phase))}</dd>
              <dt>{t('review.table.facts.quota')}</dt><dd>{t('review.table.quota', { count: data.call.quota })}</dd>
              <dt>{t('review.table.facts.aggregation')}</dt><dd>{label(scoreAggregations.get(data.call.aggregation))}</dd>
              <dt>{t('review.table.facts.period')}</dt><dd>{t('review.period', { from: date(data.call.reviewStartsOn), to: date(data.call.reviewEndsOn) })}</dd>
            </dl>
            <p className="lc-meta">{t('review.table.counts', data.counts)}</p>
            <p>
              {data.cut.score === null ? t('review.table.cutNone') : t('review.table.cut', { quota: data.cut.quota, score: scoreText(data.cut.score), within: data.cut.within })}
              {data.cut.tie && <> <strong>{t('review.table.cutTie', { extra: data.cut.within - data.cut.quota })}</strong></>}
            </p>
            <Announcing table={data} onChanged={table.reload} />

            <div className="lc-results-head">
              <span />
              <span className="lc-downloads"><span>{t('review.table.download')}:</span> <Downloads key={`${sort}-${order}-${data.total}`} table={data} sort={sort} order={order} /></span>
            </div>
            {/* Positioned, so that the screen-reader-only words in its cells (absolutely placed) scroll with it instead of widening the page. */}
            <div className="lc-table-wrap" tabIndex={0} role="region" aria-label={t('review.table.title', { year: data.call.year })} style={{ position: 'relative' }}>
              {/* Wide enough that headings do not break inside words; the region scrolls on narrow screens. */}
              <table className="lc-table" style={{ minWidth: `${80 + 10 * data.areas.length}rem` }}>
                <caption className="sr-only">{t('review.table.caption')}</caption>
                <thead>
                  <tr>
                    {heading('rank', 'num')}
                    {heading('city')}
                    {heading('province')}
                    {heading('provinceRank', 'num')}
                    <th scope="col">{t('review.table.columns.reviewers')}</th>
                    {data.areas.map((area) => <th key={area.areaNo} scope="col" className="num">{t('review.table.areaColumn', { area: pick(area, locale), points: area.points })}</th>)}
                    {heading('aggregate', 'num')}
                    {heading('spread', 'num')}
                    {heading('decision')}
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((row, i) => (
                    <ReviewLine key={row.applicationId} row={row} areas={data.areas.length} itemCount={itemCount} opened={opened === row.applicationId} onOpen={() => open(row.applicationId)}
                      cutAfter={i === lastWithin && i < data.items.length - 1 ? { quota: data.cut.quota, columns: columnCount } : null} />
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={(next) => update((p) => p.set('page', String(next)))} />
            {opened && <Opened key={opened} open={opened} row={data.items.find((r) => r.applicationId === opened)} onChanged={table.reload} onClose={() => open(null)} />}
          </>
        );
      }}
    </Loaded>
  );
}

function ReviewLine({ row, areas, itemCount, opened, onOpen, cutAfter }: {
  row: ReviewRow; areas: number; itemCount: number; opened: boolean; onOpen(): void; cutAfter: { quota: number; columns: number } | null;
}) {
  const { t, label, locale } = useLocale();
  return (
    <>
      <tr>
        <td className="num">{row.rank ?? '—'}{row.withinQuota && <><br /><span className="krds-badge bg-light-primary">{t('review.table.withinQuota')}</span></>}</td>
        <th scope="row">
          {cityNameOf(row, locale)}{' '}
          <button type="button" className="krds-btn small secondary" aria-pressed={opened} onClick={onOpen}>
            {t('review.table.open')}<span className="sr-only"> ({cityNameOf(row, locale)})</span>
          </button>
        </th>
        <td>{locale === 'en' ? row.provinceShortEn : row.provinceShortKo}</td>
        <td className="num">{row.provinceRank === null ? '—' : t('review.table.provinceRank', { rank: row.provinceRank })}</td>
        <td><ReviewerTotals row={row} totalItems={itemCount} /></td>
        {Array.from({ length: areas }, (_, i) => <td key={i} className="num">{scoreText(row.areaAggregates?.[i] ?? null)}</td>)}
        <td className="num"><strong>{scoreText(row.aggregate)}</strong>{row.trimmed && <><br /><span className="lc-count">{t('review.table.trimmed')}</span></>}</td>
        <td className="num">
          {row.spread ? `${scoreText(row.spread.range)} (${scoreText(row.spread.sd)})` : '—'}
          {row.wideSpread && <><br /><span className="krds-badge outline-secondary">{t('review.table.wideSpread')}</span></>}
        </td>
        <td>{row.decision ? label(applicationDecisions.get(row.decision)) : '—'}</td>
      </tr>
      {cutAfter && (
        <tr>
          <td colSpan={cutAfter.columns} style={{ borderBottom: '3px double currentColor', textAlign: 'center', fontWeight: 700 }}>
            {t('review.table.cutRow', { quota: cutAfter.quota })}
          </td>
        </tr>
      )}
    </>
  );
}
