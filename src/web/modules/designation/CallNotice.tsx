/**
 * A call as one city sees it: the call, where it stands, whether the city may apply (and why not), and the way
 * to its application in the city's console. Without `call`, this year's call; shown in the console and on the
 * call's page to the city's officers.
 */
import { Link } from 'react-router';
import type { CallSummary, CityCall, Eligibility } from '../../../shared/contracts/designation-calls.ts';
import { callPhases } from '../../../shared/vocabulary/index.ts';
import { useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { Loaded } from '../../ui/Status.tsx';

export function CallNotice({ cityCode, cityName, call, showStart = true }: {
  cityCode: string;
  /** Shown when the notice is not inside the city's own console. */
  cityName?: string;
  call?: CallSummary;
  /** The link to the application (not needed inside the application's own tab). */
  showStart?: boolean;
}) {
  const thisYear = useApi<CityCall>(call ? null : `/designation/cities/${cityCode}/call`);
  const forCall = useApi<Eligibility>(call ? `/designation/calls/${call.year}/eligibility/${cityCode}` : null);
  if (call) {
    return <Loaded state={forCall}>{(eligibility) => <Notice call={call} eligibility={eligibility} cityCode={cityCode} cityName={cityName} showStart={showStart} />}</Loaded>;
  }
  return (
    <Loaded state={thisYear}>
      {(found) => <Notice call={found.call} eligibility={found.eligibility} cityCode={cityCode} cityName={cityName} showStart={showStart} linkToCall />}
    </Loaded>
  );
}

function Notice({ call, eligibility, cityCode, cityName, showStart, linkToCall = false }: {
  call: CallSummary | null;
  eligibility: Eligibility | null;
  cityCode: string;
  cityName?: string;
  showStart: boolean;
  linkToCall?: boolean;
}) {
  const { t, label, locale, dateTime } = useLocale();
  if (!call || !eligibility) return <p className="lc-notice">{t('calls.noCall')}</p>;
  const title = locale === 'en' ? call.titleEn : call.titleKo;
  const canStart = eligibility.eligible && (call.phase === 'upcoming' || call.phase === 'open');
  return (
    <section className={`lc-notice${eligibility.eligible ? ' success' : ''}`} aria-labelledby={`call-notice-${cityCode}`}>
      {/* On the call's own page the call is the page's title: the notice is about the city. */}
      <h2 className="lc-subtitle" id={`call-notice-${cityCode}`}>{linkToCall ? title : t('calls.yourCity', { city: cityName ?? cityCode })}</h2>
      <p className="lc-meta">
        <span>{t('calls.phase')}: {label(callPhases.get(call.phase))}</span>
        <span className="lc-nowrap">{t('calls.deadline', { when: dateTime(call.submissionDeadline) })}</span>
      </p>
      {linkToCall && cityName && <p>{t('calls.yourCity', { city: cityName })}</p>}
      <p><strong>{eligibility.eligible ? t('calls.eligible') : t('calls.notEligible')}</strong> — {label(eligibility.message)}</p>
      {((showStart && canStart) || linkToCall) && (
        <p className="lc-actions">
          {showStart && canStart && <Link className="krds-btn primary" to={`/cities/${cityCode}/console/designation`}>{t('calls.start')}</Link>}
          {linkToCall && <Link className="krds-btn secondary" to={`/designation/calls/${call.year}`}>{t('calls.open')}</Link>}
        </p>
      )}
    </section>
  );
}
