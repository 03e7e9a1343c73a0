/** The pure rules of residents' proposals: where one stands, what may change it, and how its proposer is named. */
import type { ProposalPhase, ProposalStatus } from '../../../shared/vocabulary/index.ts';

/** An open proposal that once reached its threshold awaits the city's answer, even if supporters later withdraw. */
export function phaseOf(proposal: { status: ProposalStatus; awaitingSince: string | Date | null }): ProposalPhase {
  if (proposal.status !== 'open') return proposal.status;
  return proposal.awaitingSince ? 'awaiting' : 'open';
}

export const reachesThreshold = (supporters: number, threshold: number) => supporters >= threshold;

export type ProposalAnswer = 'accepted' | 'declined';

/**
 * What an answer does to a proposal: only an open one (gathering support or awaiting) is answered, once; the city
 * may answer before the threshold too. Support is given and withdrawn only while the proposal is open.
 */
export function answered(status: ProposalStatus, answer: ProposalAnswer): ProposalStatus | 'already_answered' {
  return status === 'open' ? answer : 'already_answered';
}

export const supportMayChange = (status: ProposalStatus) => status === 'open';

/**
 * The proposer as the public list shows them: the family name and a circle per other syllable (김○○), as Korean
 * notices mask names (whatever follows the first syllable); a Latin name by its initials (J. S.). Nothing else of the person is published.
 */
export function maskedName(displayName: string): string {
  const name = displayName.trim();
  if (name === '') return '';
  const letters = [...name];
  if (/^[\uAC00-\uD7A3]$/.test(letters[0]!)) return letters[0] + '○'.repeat(Math.max(letters.length - 1, 1));
  return name.split(/\s+/).map((part) => `${[...part][0]!.toUpperCase()}.`).join(' ');
}
