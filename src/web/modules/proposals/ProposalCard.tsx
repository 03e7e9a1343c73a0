/** One proposal in a list: what, for whom, where, how many support it and where it stands. */
import { Link } from 'react-router';
import type { ProposalSummary } from '../../../shared/contracts/proposals.ts';
import { programAreas, proposalKinds, proposalPhases, targetGroups } from '../../../shared/vocabulary/index.ts';
import { useLocale } from '../../i18n/index.ts';

/** `mine` (on My learning) says whether I made the proposal or support it. */
export function ProposalCard({ proposal, threshold, mine }: { proposal: ProposalSummary; threshold: number; mine?: 'proposed' | 'supported' }) {
  const { t, label, locale, date } = useLocale();
  const place = proposal.dongCode ? (locale === 'en' ? proposal.dongNameEn : proposal.dongNameKo) ?? proposal.dongCode : t('proposals.online');
  return (
    <li className="lc-card">
      <div className="lc-badges">
        <span className="krds-badge bg-light-primary">{label(proposalKinds.get(proposal.kind))} · {label(programAreas.get(proposal.area))}</span>
        <span className="krds-badge outline-gray">{label(proposalPhases.get(proposal.phase))}</span>
        {mine && <span className="krds-badge outline-primary">{t(mine === 'proposed' ? 'proposals.mineProposed' : 'proposals.mineSupported')}</span>}
      </div>
      <h3><Link to={`/cities/${proposal.cityCode}/proposals/${proposal.id}`}>{proposal.title}</Link></h3>
      <p className="lc-meta">
        {proposal.targetGroups.map((g) => label(targetGroups.get(g))).join(', ')} · {place} · {date(proposal.createdAt)}
        {proposal.proposer && ` · ${t('proposals.proposedBy', { name: proposal.proposer })}`}
      </p>
      <p>{proposal.phase === 'open' ? t('proposals.ofThreshold', { count: proposal.supporters, threshold }) : t('proposals.supporters', { count: proposal.supporters })}</p>
    </li>
  );
}
