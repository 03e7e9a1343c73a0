/** My learning's way to delivered courses: what they are (with my city's group size), and the page of mine. */
import { Link } from 'react-router';
import type { DeliveredCourseSettings } from '../../../shared/contracts/delivered-courses.ts';
import { DEFAULT_MIN_GROUP_SIZE } from '../../../shared/vocabulary/index.ts';
import { useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { useSession } from '../../shells/session.tsx';

export function DeliveredCoursesSection() {
  const { t } = useLocale();
  const { me } = useSession();
  const settings = useApi<DeliveredCourseSettings>(me?.homeCityCode ? `/cities/${me.homeCityCode}/delivered-courses/settings` : null);
  return (
    <section aria-labelledby="delivered-courses" className="lc-section">
      <h2 id="delivered-courses" className="lc-section-title">{t('delivered-courses.title')}</h2>
      <p>{t('delivered-courses.lead', { size: settings.data?.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE })}</p>
      <p><Link to="/me/delivered-courses">{t('delivered-courses.mine')} →</Link></p>
    </section>
  );
}
