/**
 * A city's designation history, public: each step with its day, year, state, reason and evidence, oldest first.
 * The city's own officers also get a link to their application of that year; whoever may follow the city's
 * consulting year (its officers, its province, the ministry) a link to it beside the step that opened it.
 */
import { Link } from 'react-router';
import type { DesignationTransition } from '../../../shared/contracts/cities.ts';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { ApplicationSummary } from '../../../shared/contracts/designation-applications.ts';
import type { ConsultingSummary } from '../../../shared/contracts/designation-consulting.ts';
import { designationStates, type DesignationState } from '../../../shared/vocabulary/index.ts';
import { query, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { useSession } from '../../shells/session.tsx';

/** The states a year's application leads to. */
const fromApplication: readonly DesignationState[] = ['applied', 'potential', 'designated', 'rejected'];

export function DesignationTimeline({ cityCode, designations }: { cityCode: string; designations: DesignationTransition[] }) {
  const { t, label } = useLocale();
  const session = useSession();
  const ownCity = session.can('designation.application.edit', { cityCode });
  const followsConsulting = session.can('designation.consulting.view', { cityCode });
  const applications = useApi<PageOf<ApplicationSummary>>(ownCity ? `/cities/${cityCode}/designation/applications${query({ pageSize: 100 })}` : null);
  const consultings = useApi<PageOf<ConsultingSummary>>(followsConsulting ? `/designation/consultings${query({ city: cityCode, pageSize: 100 })}` : null);

  if (designations.length === 0) return <p>{t('timeline.none')}</p>;
  return (
    <ol className="lc-timeline">
      {designations.map((d) => {
        const application = fromApplication.includes(d.state) ? applications.data?.items.find((a) => a.callYear === d.year) : undefined;
        const consulting = d.state === 'potential' ? consultings.data?.items.find((c) => c.callYear === d.year) : undefined;
        return (
          <li key={d.id}>
            <strong><time dateTime={d.occurredOn}>{d.occurredOn}</time></strong> · {t('timeline.year', { year: d.year })} ·{' '}
            <span className="krds-badge bg-light-primary">{label(designationStates.get(d.state))}</span> — {d.reason}
            {d.evidence && <div className="lc-meta">{t('cities.evidence')}: {d.evidence}</div>}
            {(application || consulting) && (
              <div className="lc-meta">
                {application && <Link to={`/cities/${cityCode}/console/designation${query({ application: application.id })}`}>{t('timeline.application', { year: d.year })} →</Link>}
                {consulting && <Link to={`/designation/consulting/${consulting.id}`}>{t('timeline.consulting', { year: d.year })} →</Link>}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
