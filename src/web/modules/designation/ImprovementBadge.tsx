/**
 * Where a deferred city's consulting stands against its next round, as a badge: consulting, closed and not evaluated
 * yet, or the next round's change of total ("컨설팅 후 개선 +8.5점"). Shared by the consultings list and the national
 * picture's cities at risk.
 */
import { Link } from 'react-router';
import { useLocale } from '../../i18n/index.ts';

export interface ConsultingStanding {
  id: number;
  closed: boolean;
  /** The next round's total minus the deferring one's; null while the next round is not evaluated. */
  change: number | null;
}

export function ImprovementBadge({ consulting, link = false }: { consulting: ConsultingStanding; link?: boolean }) {
  const { t, number } = useLocale();
  const { change } = consulting;
  const [words, colour] = change === null
    ? [t(consulting.closed ? 'consulting.badge.closed' : 'consulting.badge.open'), 'bg-light-primary']
    : change > 0 ? [t('consulting.badge.improved', { points: number(change) }), 'bg-light-success']
    : change < 0 ? [t('consulting.badge.fell', { points: number(change) }), 'bg-light-danger']
    : [t('consulting.badge.same'), 'bg-light-gray'];
  const badge = <span className={`krds-badge ${colour}`}>{words}</span>;
  return link ? <Link to={`/designation/consulting/${consulting.id}`}>{badge}</Link> : badge;
}
