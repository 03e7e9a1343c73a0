/** The resident's lifelong learning record: totals, hours by year and area, every course by where it stands, groups, volunteering. */
import { lazy, Suspense, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Me } from '../../../shared/contracts/identity.ts';
import type { CalendarFeed, LearningEntry, LearningRecord } from '../../../shared/contracts/learning-account.ts';
import type { EnrolmentStatus } from '../../../shared/vocabulary/index.ts';
import { learnerStatusOf, programAreas, roles, volunteerKinds } from '../../../shared/vocabulary/index.ts';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import { api, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { ConfirmAction } from '../../ui/ConfirmAction.tsx';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { DateRange } from '../../ui/DateRange.tsx';
import { TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { Loaded, Loading, PageTitle } from '../../ui/Status.tsx';
import { institutionNameIn, titleIn } from '../programs/format.ts';
import { RATING_ANCHOR } from '../satisfaction/RatingForm.tsx';
import { VolunteerSection } from '../participation/VolunteerSection.tsx';
import { WishesSection } from '../participation/WishesSection.tsx';
import { MyProposalsSection } from '../proposals/MyProposalsSection.tsx';
import { DeliveredCoursesSection } from '../delivered-courses/DeliveredCoursesSection.tsx';
import { MyVouchersSection } from '../vouchers/MyVouchersSection.tsx';

const BarChart = lazy(() => import('../../ui/BarChart.tsx'));

/** The record's groups, in the order a person looks for them. */
const GROUPS: { key: string; statuses: readonly EnrolmentStatus[] }[] = [
  { key: 'current', statuses: ['enrolled'] },
  { key: 'waiting', statuses: ['waitlisted'] },
  { key: 'completed', statuses: ['completed'] },
  { key: 'ended', statuses: ['not_completed', 'cancelled'] },
];

function Totals({ totals }: { totals: LearningRecord['totals'] }) {
  const { t, number } = useLocale();
  return (
    <div className="lc-stats">
      <div className="lc-stat"><strong>{t('resident.coursesCount', { count: totals.completed })}</strong>{t('resident.completedCourses')}</div>
      <div className="lc-stat"><strong>{t('programs.hours', { hours: number(totals.hours) })}</strong>{t('resident.learningHours')}</div>
      <div className="lc-stat"><strong>{number(totals.credits)}</strong>{t('resident.credits')}</div>
      <div className="lc-stat"><strong>{t('programs.hours', { hours: number(totals.studyGroupHours) })}</strong>{t('participation.studyGroupHours')}</div>
      <div className="lc-stat"><strong>{t('programs.hours', { hours: number(totals.volunteerHours) })}</strong>{t('participation.volunteerHours')}</div>
    </div>
  );
}

function HoursByYear({ rows }: { rows: LearningRecord['totals']['byYearAndArea'] }) {
  const { t, label, number } = useLocale();
  const titleId = useId();
  const years = useMemo(() => [...new Set(rows.map((r) => r.year))].sort(), [rows]);
  const series = useMemo(() => [{ name: t('resident.hours'), values: years.map((year) => rows.filter((r) => r.year === year).reduce((sum, r) => sum + r.hours, 0)) }], [rows, years, t]);
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId} className="lc-section-title">{t('resident.byYear')}</h2>
      <div className="lc-table-wrap">
        <table className="lc-table">
          <caption className="sr-only">{t('resident.byYear')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('resident.year')}</th>
              <th scope="col">{t('programs.area')}</th>
              <th scope="col" className="num">{t('resident.programs')}</th>
              <th scope="col" className="num">{t('resident.hours')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.year}-${r.area}`}>
                <td>{r.year}</td>
                <td>{label(programAreas.get(r.area))}</td>
                <td className="num">{number(r.programs)}</td>
                <td className="num">{number(r.hours)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {years.length > 1 && (
        <Suspense fallback={<Loading />}>
          <BarChart title={t('resident.hoursPerYear')} categories={years.map(String)} series={series} />
        </Suspense>
      )}
    </section>
  );
}

function EntryCard({ entry }: { entry: LearningEntry }) {
  const { t, locale, label } = useLocale();
  return (
    <li className="lc-card">
      <div className="lc-badges">
        <span className="krds-badge bg-light-primary">{label(programAreas.get(entry.area))}</span>
        <span className="krds-badge outline-secondary">{label(learnerStatusOf(entry, todayInKorea()))}</span>
        {entry.localLeader && <span className="krds-badge outline-primary">{t('participation.localLeader')}</span>}
      </div>
      <h4><Link to={`/programs/${entry.programId}`} lang={locale === 'en' && entry.titleEn ? 'en' : 'ko'}>{titleIn(entry, locale)}</Link></h4>
      <ul className="lc-meta">
        <li>{institutionNameIn(entry, locale)} · {locale === 'en' ? entry.cityNameEn : entry.cityNameKo}</li>
        <li><DateRange from={entry.startsOn} to={entry.endsOn} /></li>
        <li>{t('programs.hours', { hours: entry.totalHours })}</li>
        {entry.status !== 'waitlisted' && entry.status !== 'cancelled' && <li>{t('resident.attended', { attended: entry.attended, total: entry.sessionCount })}</li>}
      </ul>
      {entry.status === 'completed' && (
        <p className="lc-actions">
          {entry.certificateId && <Link className="krds-btn small secondary" to={`/certificates/${entry.certificateId}`}>{t('resident.certificate')}</Link>}
          {!entry.rated && <Link className="krds-btn small tertiary" to={`/programs/${entry.programId}#${RATING_ANCHOR}`}>{t('resident.rate')}</Link>}
        </p>
      )}
    </li>
  );
}

function Entries({ entries }: { entries: LearningEntry[] }) {
  const { t } = useLocale();
  return (
    <section aria-labelledby="my-courses">
      <h2 id="my-courses" className="lc-section-title">{t('resident.courses')}</h2>
      {entries.length === 0 && <p>{t('resident.noCourses')} <Link to="/programs">{t('nav.programs')}</Link></p>}
      {GROUPS.map(({ key, statuses }) => {
        const group = entries.filter((e) => statuses.includes(e.status));
        if (group.length === 0) return null;
        return (
          <section key={key} aria-labelledby={`my-courses-${key}`}>
            <h3 id={`my-courses-${key}`} className="lc-group-title">{t(`resident.groups.${key}`)} <span className="lc-count">({group.length})</span></h3>
            <ul className="lc-grid lc-plain-list">{group.map((entry) => <EntryCard key={entry.enrolmentId} entry={entry} />)}</ul>
          </section>
        );
      })}
    </section>
  );
}

function Community({ record, onChanged }: { record: LearningRecord; onChanged(): void }) {
  const { me } = useSession();
  const { t, label, date, number } = useLocale();
  return (
    <>
      {record.localLeaderSince && <p className="lc-notice success">{t('participation.localLeaderSince', { date: date(record.localLeaderSince) })}</p>}
      <section aria-labelledby="my-groups">
        <h2 id="my-groups" className="lc-section-title">{t('resident.studyGroups')}</h2>
        {record.studyGroups.length === 0 ? <p>{t('resident.noStudyGroups')}</p> : (
          <ul>
            {record.studyGroups.map((g) => (
              <li key={g.id}>
                <Link to={`/cities/${g.cityCode}/study-groups/${g.id}`}>{g.name}</Link> · {g.cityNameKo} · {t(`resident.groupRoles.${g.role}`)} · {t('resident.since', { date: date(g.joinedOn) })}
                {g.leftOn && ` · ${t('participation.left', { date: date(g.leftOn) })}`} · {t('programs.hours', { hours: number(g.hours) })}
              </li>
            ))}
          </ul>
        )}
        {me?.homeCityCode && <p><Link to={`/cities/${me.homeCityCode}/study-groups`}>{t('participation.groupsLink')} →</Link></p>}
      </section>
      <section aria-labelledby="my-volunteering">
        <h2 id="my-volunteering" className="lc-section-title">{t('resident.volunteering')}</h2>
        {record.volunteering.length === 0 ? <p>{t('resident.noVolunteering')}</p> : (
          <ul>
            {record.volunteering.map((v) => (
              <li key={`${v.kind}-${v.since}`}>
                {label(volunteerKinds.get(v.kind))} · {v.cityNameKo} · {t('resident.since', { date: date(v.since) })} · {t('programs.hours', { hours: number(v.hours) })}{!v.active && ` · ${t('resident.ended')}`}
              </li>
            ))}
          </ul>
        )}
        {me?.homeCityCode && <VolunteerSection cityCode={me.homeCityCode} onRegistered={onChanged} />}
        <p className="lc-actions">
          <Link to="/me/instructor-profile">{t('instructors.profile.title')}</Link>
          <Link to="/me/teaching">{t('instructors.teaching.title')}</Link>
          <Link to="/surveys/city-satisfaction">{t('surveys.menu')}</Link>
          {me?.homeCityCode && <Link to={`/cities/${me.homeCityCode}/surveys/needs`}>{t('surveys.needs.menu')}</Link>}
        </p>
      </section>
    </>
  );
}

/**
 * A private address a phone calendar subscribes to (no login), carrying every session of my courses; a new address
 * or revoking it ends the old one at once.
 */
function CalendarFeedSection() {
  const { t } = useLocale();
  const titleId = useId();
  const loaded = useApi<CalendarFeed>('/me/learning/calendar-feed');
  const [changed, setChanged] = useState<CalendarFeed | null>(null);
  const feed = changed ?? loaded.data;
  const renew = useSubmission(async () => setChanged(await api<CalendarFeed>('/me/learning/calendar-feed', { method: 'POST' })));
  const revoke = useSubmission(async () => setChanged(await api<CalendarFeed>('/me/learning/calendar-feed', { method: 'DELETE' })));
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId} className="lc-section-title">{t('resident.feedTitle')}</h2>
      <p className="lc-hint">{t('resident.feedHint')}</p>
      {feed && (feed.url ? (
        <>
          <TextField label={t('resident.feedAddress')} readOnly value={feed.url} hint={t('resident.feedSecret')} onFocus={(e) => e.target.select()} />
          <p className="lc-actions">
            <a className="krds-btn primary" href={feed.url.replace(/^https?:/, 'webcal:')}>{t('resident.feedSubscribe')}</a>
            <CopyButton text={feed.url} label={t('resident.feedCopy')} copied={t('resident.feedCopied')} failed={t('resident.feedCopyFailed')} />
          </p>
          <p className="lc-actions">
            <ConfirmAction label={t('resident.feedRenew')} question={t('resident.feedRenewQuestion')} yes={t('resident.feedRenewYes')} no={t('enrolment.confirmNo')}
              busy={renew.busy} onConfirm={renew.onSubmit} />
            <ConfirmAction label={t('resident.feedRevoke')} question={t('resident.feedRevokeQuestion')} yes={t('resident.feedRevokeYes')} no={t('enrolment.confirmNo')}
              busy={revoke.busy} onConfirm={revoke.onSubmit} />
          </p>
        </>
      ) : (
        <p className="lc-actions">
          <button type="button" className="krds-btn secondary" disabled={renew.busy} onClick={renew.onSubmit}>{t('resident.feedCreate')}</button>
        </p>
      ))}
      <FormStatus error={loaded.error?.message ?? renew.formError() ?? revoke.formError()} />
    </section>
  );
}

/** One's own mobile number, for courses that send text messages: set, changed or removed here. */
function PhoneForm({ phone }: { phone: string | null }) {
  const { t } = useLocale();
  const field = useFieldLabels('me');
  const { refresh } = useSession();
  const [typed, setTyped] = useState(phone ?? '');
  // After saving, the keyboard goes to what happened (the number as kept, or that it was removed).
  const saved = useRef<HTMLParagraphElement>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const save = (value: string | null) => async () => {
    const me = await api<Me>('/me/phone', { method: 'PUT', body: { phone: value } });
    await refresh();
    setTyped(me.phone ?? '');
    setOutcome(me.phone ? t('resident.phoneSaved', { phone: me.phone }) : t('resident.phoneRemoved'));
  };
  const focusOutcome = () => saved.current?.focus();
  const submission = useSubmission(save(typed.trim() || null), focusOutcome);
  const removal = useSubmission(save(null), focusOutcome);
  return (
    <form className="lc-form" onSubmit={submission.onSubmit} noValidate>
      <TextField label={field('phone')} hint={t('identity.phoneHint')} type="tel" inputMode="tel" autoComplete="tel" value={typed}
        error={submission.fieldError('phone')} onChange={(e) => { setTyped(e.target.value); setOutcome(null); }} />
      <FormStatus error={submission.formError(['phone']) ?? removal.formError()} />
      <p className="lc-actions">
        <button type="submit" className="krds-btn secondary" disabled={submission.busy}>{t('resident.phoneSave')}</button>
        {phone && <button type="button" className="krds-btn tertiary" disabled={removal.busy} onClick={removal.onSubmit}>{t('resident.phoneRemove')}</button>}
      </p>
      <p role="status" ref={saved} tabIndex={-1}>{outcome}</p>
    </form>
  );
}

function Account() {
  const { t, label } = useLocale();
  const field = useFieldLabels('me');
  const { me } = useSession();
  if (!me) return null;
  return (
    <section aria-labelledby="my-account">
      <h2 id="my-account" className="lc-section-title">{t('identity.account')}</h2>
      <dl className="lc-facts">
        <dt>{field('displayName')}</dt><dd>{me.displayName}</dd>
        <dt>{field('email')}</dt><dd>{me.email}</dd>
        <dt>{t('identity.roles')}</dt>
        <dd>{[label(roles.get('resident')), ...me.grants.map((g) => `${label(roles.get(g.role))}${g.scopeName ? ` · ${g.scopeName}` : ''}`)].join(', ')}</dd>
      </dl>
      <PhoneForm phone={me.phone} />
    </section>
  );
}

export function MyLearningPage() {
  const { t } = useLocale();
  const { me, ready } = useSession();
  const record = useApi<LearningRecord>(me ? '/me/learning' : null);
  if (!ready) return null;
  if (!me) return <LoginPrompt />;
  return (
    <>
      <PageTitle title={t('resident.title')} lead={t('resident.lead')} />
      <Loaded state={record}>
        {(r) => (
          <>
            <Totals totals={r.totals} />
            <p className="lc-actions">
              <a className="krds-btn secondary" href="/api/me/learning/export.pdf" download>{t('resident.downloadPdf')}</a>
              <a className="krds-btn tertiary" href="/api/me/learning/export.json" download>{t('resident.downloadJson')}</a>
            </p>
            <Entries entries={r.entries} />
            <CalendarFeedSection />
            <HoursByYear rows={r.totals.byYearAndArea} />
            <Community record={r} onChanged={record.reload} />
            <WishesSection />
            <MyProposalsSection />
            <DeliveredCoursesSection />
            <MyVouchersSection />
            <Account />
          </>
        )}
      </Loaded>
    </>
  );
}
