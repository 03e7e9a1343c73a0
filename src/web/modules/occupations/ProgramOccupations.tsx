/** What a program prepares for, on its page: the occupation groups and the certificates (nothing when untagged). */
import type { OccupationTag, ProgramJobs } from '../../../shared/contracts/occupations.ts';
import { kscoVersions } from '../../../shared/vocabulary/index.ts';
import { useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';

export function OccupationBadges({ occupations }: { occupations: OccupationTag[] }) {
  const { t, label } = useLocale();
  if (occupations.length === 0) return null;
  return (
    <p className="lc-badges">
      <span className="sr-only">{t('occupations.prepares')}: </span>
      {occupations.map((o) => <span key={`${o.version}:${o.code}`} className="krds-badge outline-primary">{label(o)}</span>)}
    </p>
  );
}

export function ProgramOccupations({ programId }: { programId: number }) {
  const { t, label } = useLocale();
  const jobs = useApi<ProgramJobs>(`/programs/${programId}/occupations`);
  const data = jobs.data;
  if (!data || (data.occupations.length === 0 && data.certificates.length === 0)) return null;
  const version = kscoVersions.find((v) => v.code === data.occupations[0]?.version);
  return (
    <section aria-labelledby="program-jobs">
      <h2 className="lc-section-title" id="program-jobs">{t('occupations.programHeading')}</h2>
      {data.occupations.length > 0 && (
        <>
          <h3>{t('occupations.prepares')}</h3>
          <ul>{data.occupations.map((o) => <li key={`${o.version}:${o.code}`}>{label(o)} <span className="lc-meta">({o.code})</span></li>)}</ul>
          {version && <p className="lc-meta">{t('occupations.classification', { version: label(version) })}</p>}
        </>
      )}
      {data.certificates.length > 0 && (
        <>
          <h3>{t('occupations.certificates')}</h3>
          <ul>{data.certificates.map((c) => <li key={c.name}>{c.name}</li>)}</ul>
        </>
      )}
    </section>
  );
}
