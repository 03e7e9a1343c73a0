/**
 * One year's call, for anyone: its notice, who may apply, the timeline with the stage it is in, the grant and
 * the rubric reviewers score by. A city's officers see whether their city may apply; the ministry edits it.
 */
import { Link, useParams } from 'react-router';
import type { CallDetail } from '../../../shared/contracts/designation-calls.ts';
import { callPhases, scoreAggregations, type CallPhase } from '../../../shared/vocabulary/index.ts';
import { useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { useSession } from '../../shells/session.tsx';
import { Loaded } from '../../ui/Status.tsx';
import { CallNotice } from './CallNotice.tsx';

type Stage = 'apply' | 'endorse' | 'review' | 'announce';
const stageOfPhase: Record<CallPhase, Stage | null> = {
  upcoming: null, open: 'apply', endorsement: 'endorse', review: 'review', decision: 'announce', announced: 'announce',
};

function Timeline({ call }: { call: CallDetail }) {
  const { t, date, dateTime } = useLocale();
  const current = call.status === 'draft' ? null : stageOfPhase[call.phase];
  const stages: { stage: Stage; when: string }[] = [
    { stage: 'apply', when: `${dateTime(call.opensAt)} ~ ${dateTime(call.submissionDeadline)}` },
    { stage: 'endorse', when: t('calls.until', { when: dateTime(call.endorsementDeadline) }) },
    { stage: 'review', when: `${date(call.reviewStartsOn)} ~ ${date(call.reviewEndsOn)}` },
    { stage: 'announce', when: date(call.announcementOn) },
  ];
  return (
    <>
      <ol className="lc-timeline">
        {stages.map(({ stage, when }) => (
          <li key={stage} aria-current={stage === current ? 'step' : undefined}>
            <strong>{t(`calls.stages.${stage}`)}</strong>
            {stage === current && <> <span className="krds-badge bg-light-primary">{t('calls.now')}</span></>}
            <div className="lc-meta">{when}</div>
          </li>
        ))}
      </ol>
      <p className="lc-hint">{t('calls.timelineNote')}</p>
    </>
  );
}

function Rubric({ call }: { call: CallDetail }) {
  const { t, locale } = useLocale();
  const pick = (entry: { titleKo: string; titleEn: string }) => (locale === 'en' ? entry.titleEn : entry.titleKo);
  return (
    <>
      <p>{t('calls.rubricLead')}</p>
      {call.rubric.map((area) => (
        <section key={area.areaNo} aria-labelledby={`area-${area.areaNo}`}>
          <h3 className="lc-group-title" id={`area-${area.areaNo}`}>{area.areaNo}. {pick(area)} <span className="lc-count">({t('calls.pointsValue', { points: area.points })})</span></h3>
          <ol className="lc-history">
            {area.items.map((item) => (
              <li key={item.id}>
                <strong>{pick(item)}</strong> <span className="lc-count">{t('calls.pointsValue', { points: item.points })}</span>
                {(locale === 'en' ? item.guidanceEn : item.guidanceKo) && <p className="lc-hint">{locale === 'en' ? item.guidanceEn : item.guidanceKo}</p>}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}

export function CallPage() {
  const { year = '' } = useParams();
  const { t, label, locale, number } = useLocale();
  const session = useSession();
  const call = useApi<CallDetail>(`/designation/calls/${year}`);
  const officerOf = (session.me?.grants ?? []).filter((grant) => grant.role === 'city_officer' && grant.cityCode);

  return (
    <Loaded state={call}>
      {(c) => {
        const notice = locale === 'en' ? c.noticeEn : c.noticeKo;
        return (
          <>
            <h1 className="lc-title">{locale === 'en' ? c.titleEn : c.titleKo}</h1>
            <p className="lc-lead">{t('calls.phase')}: {c.status === 'draft' ? '—' : label(callPhases.get(c.phase))}</p>
            {c.status === 'draft' && <p className="lc-notice">{t('calls.draftNotice')}</p>}
            {session.can('designation.call.manage') && (
              <p className="lc-actions">
                <Link className="krds-btn secondary" to={`/designation/calls/${c.year}/edit`}>{t('calls.edit')}</Link>
                {c.status !== 'draft' && <Link className="krds-btn secondary" to={`/designation/calls/${c.year}/review`}>{t('review.table.title', { year: c.year })}</Link>}
              </p>
            )}
            {c.status !== 'draft' && officerOf.map((grant) => (
              <CallNotice key={grant.cityCode} cityCode={grant.cityCode!} cityName={grant.scopeName ?? undefined} call={c} />
            ))}

            <dl className="lc-facts">
              <dt>{t('calls.eligibilityRule')}</dt>
              <dd>{c.revokedWaitYears > 0 ? t('calls.eligibilityText', { years: c.revokedWaitYears }) : t('calls.eligibilityTextNoWait')}</dd>
              <dt>{t('calls.quota')}</dt><dd>{t('calls.quotaValue', { count: number(c.quota) })}</dd>
              <dt>{t('calls.grant')}</dt><dd>{t('calls.won', { amount: number(c.grantKrw) })}</dd>
              <dt>{t('calls.aggregation')}</dt><dd>{label(scoreAggregations.get(c.aggregation))}</dd>
            </dl>

            <h2 className="lc-section-title">{t('calls.timeline')}</h2>
            <Timeline call={c} />

            {notice && (
              <>
                <h2 className="lc-section-title">{t('calls.notice')}</h2>
                {notice.split(/\n{2,}/).map((paragraph, i) => <p key={i} style={{ whiteSpace: 'pre-line' }}>{paragraph}</p>)}
              </>
            )}

            <h2 className="lc-section-title">{t('calls.rubric')}</h2>
            <Rubric call={c} />
          </>
        );
      }}
    </Loaded>
  );
}
