import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ProgramHit, ProgramSummary } from '../../../shared/contracts/programs.ts';
import { deliveryModes, programAreas, purposeTags, targetGroups } from '../../../shared/vocabulary/index.ts';
import { useLocale } from '../../i18n/index.ts';
import { distanceText, feeText, institutionNameIn, placeText, seatsText, titleIn } from './format.ts';
import { Schedule } from './Schedule.tsx';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import { enrolmentWindow } from '../enrolment/enrolment-window.ts';

/** One program in a list: what, where (and how far), when, for whom, what it costs, places left. */
export function ProgramCard({ program, children }: { program: ProgramSummary & Partial<Pick<ProgramHit, 'seatsLeft' | 'distanceM'>>; children?: ReactNode }) {
  const { t, locale, label, number } = useLocale();
  const { seatsLeft, distanceM } = program;
  return (
    <article className="lc-card">
      <div className="lc-badges">
        <span className="krds-badge bg-light-primary">{label(programAreas.get(program.area))}</span>
        <span className="krds-badge outline-secondary">{label(deliveryModes.get(program.mode))}</span>
        {program.feeKrw === 0 && <span className="krds-badge bg-light-success">{t('programs.free')}</span>}
        {program.purposeTags.includes('local_leader') && <span className="krds-badge outline-primary">{label(purposeTags.get('local_leader'))}</span>}
      </div>
      <h3><Link to={`/programs/${program.id}`} lang={locale === 'en' && program.titleEn ? 'en' : 'ko'}>{titleIn(program, locale)}</Link></h3>
      <ul className="lc-meta">
        <li lang={locale === 'en' && program.institutionNameEn ? 'en' : 'ko'}>{institutionNameIn(program, locale)}</li>
        <li>{placeText(program, locale, t)}</li>
        {distanceM != null && <li className="lc-distance">{t('programs.distance', { distance: distanceText(distanceM, number) })}</li>}
      </ul>
      <ul className="lc-meta">
        <li><Schedule program={program} /></li>
        <li>{t('programs.target')}: {program.targetGroups.map((g) => label(targetGroups.get(g))).join(', ')}</li>
        <li>{feeText(program.feeKrw, t, number)}</li>
      </ul>
      {/* A course under way whose enrolment has closed is shown for what it is, not with places to take. */}
      {enrolmentWindow(program, todayInKorea()).state === 'closed'
        ? <p className="lc-seats full">{t('enrolment.closedBadge')}</p>
        : seatsLeft !== undefined && <p className={`lc-seats${seatsLeft > 0 ? '' : ' full'}`}>{seatsText(seatsLeft, t)}</p>}
      {children}
    </article>
  );
}
