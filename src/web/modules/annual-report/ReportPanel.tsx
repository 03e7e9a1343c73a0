/** The city console's report tab: one click makes the year's report (PDF or Excel), showing progress meanwhile. */
import { useLocale } from '../../i18n/index.ts';
import type { ConsolePanelProps } from '../city-console/console-tabs.ts';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import { ReportMaker } from './ReportMaker.tsx';

/** Years the platform keeps indicators for (the current one and four before it). */
const YEARS = 5;

export default function ReportPanel({ cityCode }: ConsolePanelProps) {
  const { t } = useLocale();
  const thisYear = Number(todayInKorea().slice(0, 4));
  return (
    <ReportMaker path={`/cities/${cityCode}/annual-report`} years={Array.from({ length: YEARS }, (_, i) => thisYear - i)}
      title={t('annual-report.title')} lead={t('annual-report.lead')} headingId="report-title" />
  );
}
