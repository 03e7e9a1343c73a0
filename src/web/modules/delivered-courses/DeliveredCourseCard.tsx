/** One delivered-course request in a list: what, where, when, how big the group is and where it stands. */
import { Link } from 'react-router';
import type { DeliveredCourseSummary } from '../../../shared/contracts/delivered-courses.ts';
import { deliveredCourseStatuses, programAreas, weekdays } from '../../../shared/vocabulary/index.ts';
import { useLocale } from '../../i18n/index.ts';

export function useWhen() {
  const { t, label } = useLocale();
  return (request: Pick<DeliveredCourseSummary, 'weekdays' | 'startTime' | 'endTime' | 'sessionCount'>) => t('delivered-courses.when', {
    days: request.weekdays.map((d) => label(weekdays.get(d))).join('·'), from: request.startTime, to: request.endTime, count: request.sessionCount,
  });
}

/** `to`: where the title leads (the member's page, or nowhere in the console, which shows the request in place). */
export function DeliveredCourseCard({ request, to }: { request: DeliveredCourseSummary; to?: string }) {
  const { t, label, locale } = useLocale();
  const when = useWhen();
  return (
    <div className="lc-card">
      <div className="lc-badges">
        <span className="krds-badge bg-light-primary">{label(programAreas.get(request.area))}</span>
        <span className="krds-badge outline-gray">{label(deliveredCourseStatuses.get(request.status))}</span>
        {request.mine && <span className="krds-badge outline-primary">{t(request.mine === 'organised' ? 'delivered-courses.organised' : 'delivered-courses.joinedBadge')}</span>}
      </div>
      <h3>{to ? <Link to={to}>{request.title}</Link> : request.title}</h3>
      <p className="lc-meta">{locale === 'en' ? request.dongNameEn : request.dongNameKo} · {request.place}</p>
      <p className="lc-meta">{when(request)}</p>
      <p>{t('delivered-courses.members', { count: request.members, size: request.minGroupSize })}</p>
    </div>
  );
}
