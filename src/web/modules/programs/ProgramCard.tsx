import { Link } from 'react-router';
import type { ProgramSummary } from '../../../shared/contracts/programs.ts';
import { deliveryModes, programAreas, targetGroups } from '../../../shared/vocabulary/index.ts';
import { useLocale } from '../../i18n/index.ts';
import { feeText, scheduleText, titleIn } from './format.ts';

export function ProgramCard({ program }: { program: ProgramSummary }) {
  const { t, locale, label, number } = useLocale();
  const place = program.mode === 'online'
    ? t('programs.online')
    : `${locale === 'en' ? program.cityNameEn : program.cityNameKo} ${(locale === 'en' ? program.dongNameEn : program.dongNameKo) ?? ''}`;
  return (
    <article className="lc-card">
      <div className="lc-badges">
        <span className="krds-badge bg-light-primary">{label(programAreas.get(program.area))}</span>
        <span className="krds-badge outline-secondary">{label(deliveryModes.get(program.mode))}</span>
        {program.feeKrw === 0 && <span className="krds-badge bg-light-success">{t('programs.free')}</span>}
      </div>
      <h3><Link to={`/programs/${program.id}`} lang={locale === 'en' && program.titleEn ? 'en' : 'ko'}>{titleIn(program, locale)}</Link></h3>
      <ul className="lc-meta">
        <li>{program.institutionName}</li>
        <li>{place}</li>
      </ul>
      <ul className="lc-meta">
        <li>{scheduleText(program, locale)}</li>
        <li>{t('programs.target')}: {program.targetGroups.map((g) => label(targetGroups.get(g))).join(', ')}</li>
        <li>{feeText(program.feeKrw, t, number)}</li>
      </ul>
    </article>
  );
}
