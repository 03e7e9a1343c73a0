/** Everything a person needs to decide about one program. */
import { Link, useParams } from 'react-router';
import type { ProgramDetail } from '../../../shared/contracts/programs.ts';
import { creditTypes, deliveryModes, institutionTypes, programAreas, programStatuses, programSubcategories, targetGroups } from '../../../shared/vocabulary/index.ts';
import { useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { Loaded } from '../../ui/Status.tsx';
import { feeText, scheduleText, titleIn } from './format.ts';

export function ProgramPage() {
  const { id } = useParams();
  const program = useApi<ProgramDetail>(`/programs/${Number(id)}`);
  const { t, locale, label, number } = useLocale();
  return (
    <Loaded state={program}>
      {(p) => (
        <article>
          <div className="lc-badges">
            <span className="krds-badge bg-light-primary">{label(programAreas.get(p.area))} · {label(programSubcategories.get(p.subcategory))}</span>
            <span className="krds-badge outline-secondary">{label(deliveryModes.get(p.mode))}</span>
            <span className="krds-badge outline-gray">{label(programStatuses.get(p.status))}</span>
          </div>
          <h1 className="lc-title">{titleIn(p, locale)}</h1>
          {locale === 'en' && <p className="lc-lead" lang="ko">{p.title}</p>}
          <dl className="lc-facts">
            <dt>{t('programs.institution')}</dt>
            <dd><Link to={`/institutions/${p.institutionId}`}>{p.institutionName}</Link> ({label(institutionTypes.get(p.institutionType))}){p.institutionPhone && ` · ${p.institutionPhone}`}</dd>
            <dt>{t('programs.place')}</dt>
            <dd>
              {p.mode === 'online' ? t('programs.online') : `${locale === 'en' ? p.cityNameEn : p.cityNameKo} ${(locale === 'en' ? p.dongNameEn : p.dongNameKo) ?? ''} · ${p.venueName ?? ''}`}
              {p.venueStepFree && ` · ${t('programs.stepFree')}`}
            </dd>
            <dt>{t('programs.schedule')}</dt>
            <dd>{scheduleText(p, locale)} · {t('programs.sessions', { count: p.sessionCount })} · {t('programs.hours', { hours: p.totalHours })}</dd>
            <dt>{t('programs.fee')}</dt>
            <dd>{feeText(p.feeKrw, t, number)}</dd>
            <dt>{t('programs.capacity')}</dt>
            <dd>{t('programs.people', { count: p.capacity })}</dd>
            <dt>{t('programs.target')}</dt>
            <dd>
              {p.targetGroups.map((g) => label(targetGroups.get(g))).join(', ')}
              {p.minAge !== null && ` · ${t('programs.ageFrom', { age: p.minAge })}`}
              {p.maxAge !== null && ` · ${t('programs.ageTo', { age: p.maxAge })}`}
              {p.residentsFirst && ` · ${t('programs.residentsFirst')}`}
            </dd>
            {p.creditType !== 'none' && (<><dt>{t('programs.credits')}</dt><dd>{label(creditTypes.get(p.creditType))} · {p.credits}</dd></>)}
            {p.enrolmentOpensOn && (<><dt>{t('programs.enrolmentPeriod')}</dt><dd>{p.enrolmentOpensOn} ~ {p.enrolmentClosesOn}</dd></>)}
            {p.instructorName && (<><dt>{t('programs.instructor')}</dt><dd>{p.instructorName}</dd></>)}
          </dl>
          <h2 className="lc-section-title">{t('programs.description')}</h2>
          <p lang="ko">{p.description}</p>
          <h2 className="lc-section-title">{t('programs.sessionList')}</h2>
          <ol>
            {p.sessions.map((s) => <li key={s.sessionNo}>{s.startsAt.slice(0, 10)} {s.startsAt.slice(11, 16)}–{s.endsAt.slice(11, 16)}</li>)}
          </ol>
        </article>
      )}
    </Loaded>
  );
}
