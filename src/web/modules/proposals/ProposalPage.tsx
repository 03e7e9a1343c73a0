/** One proposal: what, for whom, where and when; its support (given and withdrawn by residents); the city's answer; its history. */
import { Link, useParams } from 'react-router';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { CouncilMeetingSummary } from '../../../shared/contracts/council.ts';
import type { ProposalView, SupportResult } from '../../../shared/contracts/proposals.ts';
import {
  dayParts, programAreas, programSubcategories, proposalEvents, proposalKinds, proposalPhases, targetGroups, weekdays,
} from '../../../shared/vocabulary/index.ts';
import { api, query, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { Loaded } from '../../ui/Status.tsx';

export function ProposalPage() {
  const { code = '', id = '' } = useParams();
  const { t, label, locale, date, dateTime } = useLocale();
  const proposal = useApi<ProposalView>(`/cities/${code}/proposals/${id}`);
  return (
    <Loaded state={proposal}>
      {(p) => (
        <article className="lc-section">
          <p><Link to={`/cities/${code}/proposals`}>{t('proposals.backToList')}</Link></p>
          <div className="lc-badges">
            <span className="krds-badge bg-light-primary">{label(proposalKinds.get(p.kind))} · {label(programAreas.get(p.area))}{p.subcategory && ` · ${label(programSubcategories.get(p.subcategory))}`}</span>
            <span className="krds-badge outline-gray">{label(proposalPhases.get(p.phase))}</span>
          </div>
          <h1 className="lc-title">{p.title}</h1>
          <p className="lc-meta">{t('proposals.proposedBy', { name: p.proposer })} · {date(p.createdAt)}</p>
          <p>{p.description}</p>
          <dl className="lc-facts">
            <dt>{t('proposals.forWhom')}</dt><dd>{p.targetGroups.map((g) => label(targetGroups.get(g))).join(', ')}</dd>
            <dt>{t('proposals.where')}</dt><dd>{p.dongCode ? (locale === 'en' ? p.dongNameEn : p.dongNameKo) ?? p.dongCode : t('proposals.online')}</dd>
            <dt>{t('proposals.when')}</dt>
            <dd>{[...p.preferredDays.map((d) => label(weekdays.get(d))), ...p.preferredTimes.map((d) => label(dayParts.get(d)))].join(', ') || t('proposals.anyTime')}</dd>
          </dl>
          <p aria-live="polite"><strong>{p.phase === 'open' ? t('proposals.ofThreshold', { count: p.supporters, threshold: p.threshold }) : t('proposals.supporters', { count: p.supporters })}</strong></p>
          <SupportBox proposal={p} onChanged={proposal.reload} />
          <h2 className="lc-section-title">{t('proposals.answer')}</h2>
          {p.phase === 'accepted' && (p.program
            ? <p className="lc-notice success"><Link to={`/programs/${p.program.id}`}>{t('proposals.becameProgram', { title: p.program.title, institution: p.program.institutionName })}</Link></p>
            : <p className="lc-notice success">{t('proposals.preparing')}</p>)}
          {p.phase === 'declined' && (
            <div className="lc-notice"><h3>{t('proposals.reasons')}</h3><p>{p.declineReason}</p></div>
          )}
          {(p.phase === 'open' || p.phase === 'awaiting') && <p>{t('proposals.noAnswerYet')}</p>}
          <DiscussedAt cityCode={code} proposalId={p.id} />
          <h2 className="lc-section-title">{t('proposals.log')}</h2>
          <ol>{p.log.map((entry, i) => <li key={i}>{dateTime(entry.at)} · {label(proposalEvents.get(entry.kind))}{entry.actorName && ` · ${entry.actorName}`}</li>)}</ol>
        </article>
      )}
    </Loaded>
  );
}

/** "Discussed at": the council's published meetings that discussed the proposal (shown only when there are some). */
function DiscussedAt({ cityCode, proposalId }: { cityCode: string; proposalId: number }) {
  const { t, date } = useLocale();
  const meetings = useApi<PageOf<CouncilMeetingSummary>>(`/cities/${cityCode}/council/meetings${query({ proposal: proposalId, pageSize: 20 })}`);
  const items = meetings.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <>
      <h2 className="lc-section-title">{t('council.discussedAt')}</h2>
      <ul>{items.map((m) => <li key={m.id}><Link to={`/cities/${cityCode}/council/meetings/${m.id}`}>{m.committeeName} · {m.title}</Link> ({date(m.heldOn)})</li>)}</ul>
    </>
  );
}

function SupportBox({ proposal, onChanged }: { proposal: ProposalView; onChanged(): void }) {
  const { t } = useLocale();
  const session = useSession();
  const change = useSubmission(
    () => api<SupportResult>(`/cities/${proposal.cityCode}/proposals/${proposal.id}/support`, { method: proposal.supportedByMe ? 'DELETE' : 'POST' }),
    onChanged,
  );
  if (proposal.phase === 'accepted' || proposal.phase === 'declined') return <p className="lc-meta">{t('proposals.frozen')}</p>;
  if (!session.me) return <LoginPrompt message={t('proposals.loginToPropose')} />;
  if (proposal.mine) return <p className="lc-meta">{t('proposals.yours')}</p>;
  if (session.me.homeCityCode !== proposal.cityCode) return <p className="lc-meta">{t('proposals.notResident')}</p>;
  return (
    <form onSubmit={change.onSubmit}>
      {proposal.supportedByMe && <p className="lc-notice success" role="status">{t('proposals.supported')}</p>}
      <FormStatus error={change.formError()} />
      <button type="submit" className={`krds-btn ${proposal.supportedByMe ? 'secondary' : 'primary'}`} disabled={change.busy}>
        {proposal.supportedByMe ? t('proposals.withdraw') : t('proposals.support')}
      </button>
    </form>
  );
}
