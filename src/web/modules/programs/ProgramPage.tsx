/** Everything a person needs to decide about one program, and to enrol in it. */
import { useId } from 'react';
import { Link, useParams } from 'react-router';
import type { ProgramDetail, SearchResult } from '../../../shared/contracts/programs.ts';
import {
  creditTypes, deliveryModes, institutionTypes, programAreas, programStatuses, programSubcategories, purposeTags, registrationModes, targetGroups,
} from '../../../shared/vocabulary/index.ts';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import { useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { useSession } from '../../shells/session.tsx';
import { Loaded } from '../../ui/Status.tsx';
import { EnrolPanel } from '../enrolment/EnrolPanel.tsx';
import { enrolmentWindow } from '../enrolment/enrolment-window.ts';
import { DrawPublication, LotteryPanel } from '../lottery/LotteryPanel.tsx';
import { useCompletedEntry } from '../resident/learning-entry.ts';
import { RateProgram } from '../satisfaction/RatingForm.tsx';
import { SatisfactionSummary } from '../satisfaction/SatisfactionSummary.tsx';
import { feeText, institutionNameIn, placeText, seatsText, sessionText, titleIn } from './format.ts';
import { ProgramRooms } from '../network/ProgramRooms.tsx';
import { ProgramOccupations } from '../occupations/ProgramOccupations.tsx';
import { PlaceMap } from './PlaceMap.tsx';
import { ProgramCard } from './ProgramCard.tsx';
import { Schedule } from './Schedule.tsx';

function Facts({ program: p }: { program: ProgramDetail }) {
  const { t, locale, label, number } = useLocale();
  return (
    <dl className="lc-facts">
      <dt>{t('programs.institution')}</dt>
      <dd><Link to={`/institutions/${p.institutionId}`} lang={locale === 'en' && p.institutionNameEn ? 'en' : 'ko'}>{institutionNameIn(p, locale)}</Link> ({label(institutionTypes.get(p.institutionType))}){p.institutionPhone && ` · ${p.institutionPhone}`}</dd>
      <dt>{t('programs.place')}</dt>
      <dd>{placeText(p, locale, t)}{p.venueStepFree && ` · ${t('programs.stepFree')}`}</dd>
      <dt>{t('programs.schedule')}</dt>
      <dd><Schedule program={p} /> · {t('programs.sessions', { count: p.sessionCount })} · {t('programs.hours', { hours: p.totalHours })}</dd>
      <dt>{t('programs.fee')}</dt>
      <dd>{feeText(p.feeKrw, t, number)}</dd>
      <dt>{t('programs.capacity')}</dt>
      <dd>{t('programs.people', { count: p.capacity })}</dd>
      <dt>{t('programs.places')}</dt>
      <dd>{seatsText(p.seatsLeft, t)}{p.waitlisted > 0 && ` · ${t('programs.waitlisted', { count: p.waitlisted })}`}</dd>
      <dt>{t('programs.target')}</dt>
      <dd>
        {p.targetGroups.map((g) => label(targetGroups.get(g))).join(', ')}
        {p.minAge !== null && ` · ${t('programs.ageFrom', { age: p.minAge })}`}
        {p.maxAge !== null && ` · ${t('programs.ageTo', { age: p.maxAge })}`}
        {p.residentsFirst && ` · ${t('programs.residentsFirst')}`}
        {p.residentsFirst && p.openToAllOn && ` ${t('programs.openToAllOn', { date: p.openToAllOn })}`}
      </dd>
      {p.creditType !== 'none' && (<><dt>{t('programs.credits')}</dt><dd>{label(creditTypes.get(p.creditType))} · {p.credits}</dd></>)}
      {p.enrolmentOpensOn && (<><dt>{t('programs.enrolmentPeriod')}</dt><dd>{p.enrolmentOpensOn} ~ {p.enrolmentClosesOn}</dd></>)}
      <dt>{t('programs.completionRule')}</dt>
      <dd>{t('programs.completionRate', { percent: Math.round(p.completionRate * 100) })}</dd>
      {p.instructorName && (<><dt>{t('programs.instructor')}</dt><dd>{p.instructorName}</dd></>)}
      {p.materials && (<><dt>{t('programs.materials')}</dt><dd>{p.materials}</dd></>)}
      <dt>{t('programs.registration')}</dt>
      <dd>{label(registrationModes.get(p.registrationMode))}{p.registrationMode !== 'online' && p.registrationNote && ` · ${p.registrationNote}`}</dd>
      {p.textReminders && (<><dt>{t('programs.textReminders')}</dt><dd>{t('programs.textRemindersNote')}</dd></>)}
      {p.cancelReason && (<><dt>{t('programs.cancelReason')}</dt><dd>{p.cancelReason}</dd></>)}
    </dl>
  );
}

function SimilarPrograms({ program }: { program: ProgramDetail }) {
  const { t } = useLocale();
  const titleId = useId();
  const similar = useApi<SearchResult>(`/programs/${program.id}/similar`);
  if (!similar.data || similar.data.items.length === 0) return null;
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId} className="lc-section-title">{program.mode === 'online' ? t('programs.similarOnline') : t('programs.similarNearby')}</h2>
      <div className="lc-grid">{similar.data.items.map((p) => <ProgramCard key={p.id} program={p} />)}</div>
    </section>
  );
}

export function ProgramPage() {
  const { id } = useParams();
  const program = useApi<ProgramDetail>(`/programs/${Number(id)}`);
  const completed = useCompletedEntry(Number(id));
  const { t, locale, label } = useLocale();
  const session = useSession();
  return (
    <Loaded state={program}>
      {(p) => (
        <article className="lc-program" key={p.id}>
          <header className="lc-program-head">
            <div className="lc-badges">
              <span className="krds-badge bg-light-primary">{label(programAreas.get(p.area))} · {label(programSubcategories.get(p.subcategory))}</span>
              <span className="krds-badge outline-secondary">{label(deliveryModes.get(p.mode))}</span>
              {/* Published but past its enrolment period, a program is no longer "모집 중". */}
              <span className="krds-badge outline-gray">
                {p.status === 'published' && enrolmentWindow(p, todayInKorea()).state === 'closed' ? t('enrolment.closedBadge') : label(programStatuses.get(p.status))}
              </span>
              {/* The paper's HRD area: completing it records the resident as a local leader. */}
              {p.purposeTags.includes('local_leader') && <span className="krds-badge outline-primary">{label(purposeTags.get('local_leader'))}</span>}
            </div>
            <h1 className="lc-title">{titleIn(p, locale)}</h1>
            {locale === 'en' && <p className="lc-lead" lang="ko">{p.title}</p>}
          </header>
          <div className="lc-program-side">
            {p.registrationMode === 'lottery'
              ? <LotteryPanel program={p} onChange={program.reload} afterDraw={<EnrolPanel program={p} completed={completed.entry} onChange={program.reload} />} />
              : <EnrolPanel program={p} completed={completed.entry} onChange={program.reload} />}
            {session.can('program.manage', { institutionId: p.institutionId, cityCode: p.cityCode }) && (
              <p><Link className="krds-btn secondary" to={`/programs/${p.id}/manage`}>{t('roster.manage')}</Link></p>
            )}
          </div>
          <div className="lc-program-where">
            <p><a href={`/api/programs/${p.id}/calendar.ics`} download>{t('programs.addToCalendar')}</a></p>
            {p.mode !== 'online' && p.lat !== null && p.lon !== null && <PlaceMap lat={p.lat} lon={p.lon} cityCode={p.cityCode} place={placeText(p, locale, t)} />}
            <ProgramRooms programId={p.id} />
          </div>
          <div className="lc-program-main">
            <Facts program={p} />
            <h2 className="lc-section-title">{t('programs.description')}</h2>
            <p lang="ko">{p.description}</p>
            {p.area === 'vocational' && <ProgramOccupations programId={p.id} />}
            <h2 className="lc-section-title">{t('programs.sessionList')}</h2>
            <ol className="lc-sessions">
              {p.sessions.map((s) => {
                const { day, hours } = sessionText(s, locale);
                return <li key={s.sessionNo}><span className="lc-nowrap">{day}</span> <span className="lc-nowrap">{hours}</span></li>;
              })}
            </ol>
            {p.registrationMode === 'lottery' && <DrawPublication programId={p.id} />}
            <RateProgram programId={p.id} entry={completed.entry} onDone={completed.reload} />
            {/* Loaded again once the person's own answer counts. */}
            <SatisfactionSummary key={String(completed.entry?.rated)} programId={p.id} />
          </div>
          <div className="lc-program-more">
            <SimilarPrograms program={p} />
          </div>
        </article>
      )}
    </Loaded>
  );
}
