/**
 * /programs/:id/instructors: the city's pool ranked for one of the institution's programs, each candidate with
 * what fits and what does not, and their other programs at the same time; its staff assign one (or unassign).
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { Assignment, Candidate } from '../../../shared/contracts/instructors.ts';
import type { ProgramDetail } from '../../../shared/contracts/programs.ts';
import { instructorKinds } from '../../../shared/vocabulary/index.ts';
import { api, query, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded, PageTitle } from '../../ui/Status.tsx';

function CandidateCard({ candidate, programId, onAssigned }: { candidate: Candidate; programId: number; onAssigned(message: string): void }) {
  const { t, label, dateTime, locale } = useLocale();
  const { profile } = candidate;
  const assign = useSubmission(async () => {
    const done = await api<Assignment>(`/programs/${programId}/instructor`, { method: 'PUT', body: { profileId: profile.id } });
    onAssigned(done.clashes.length > 0
      ? t('instructors.match.didAssignClash', { name: done.displayName, count: done.clashes.length })
      : t('instructors.match.didAssign', { name: done.displayName }));
  });
  const words = (w: { ko: string; en: string }) => (locale === 'en' ? w.en : w.ko);
  const fits = candidate.reasons.filter((r) => r.fit);
  const misses = candidate.reasons.filter((r) => !r.fit);
  return (
    <li className="lc-card">
      <h3>{profile.displayName} <span className="krds-badge bg-light-gray">{label(instructorKinds.get(profile.kind))}</span> <span className="lc-meta">{t('instructors.match.score', { score: candidate.score })}</span></h3>
      {profile.bio && <p>{profile.bio}</p>}
      <p className="lc-meta">{t('instructors.match.fits')}</p>
      <ul>{fits.map((r, i) => <li key={i}>✓ {words(r.words)}</li>)}</ul>
      {misses.length > 0 && (
        <>
          <p className="lc-meta">{t('instructors.match.misses')}</p>
          <ul>{misses.map((r, i) => <li key={i}>✗ {words(r.words)}</li>)}</ul>
        </>
      )}
      {candidate.clashes.length > 0 && (
        <div className="lc-notice" role="note">
          <p>{t('instructors.match.clashes')}</p>
          <ul>{candidate.clashes.map((c) => <li key={c.programId}>{t('instructors.match.clash', { title: c.title, institution: c.institutionName, when: dateTime(c.startsAt) })}</li>)}</ul>
        </div>
      )}
      {candidate.assigned ? <p><span className="krds-badge bg-primary">{t('instructors.match.assigned')}</span></p> : (
        <form onSubmit={assign.onSubmit}>
          <button type="submit" className="krds-btn small primary" disabled={assign.busy} aria-label={t('instructors.match.assignNamed', { name: profile.displayName })}>
            {t('instructors.match.assign')}
          </button>
        </form>
      )}
      <FormStatus error={assign.formError()} />
    </li>
  );
}

export function MatchPage() {
  const { t } = useLocale();
  const session = useSession();
  const id = Number(useParams().id);
  const [page, setPage] = useState(1);
  const [message, setMessage] = useState('');
  const program = useApi<ProgramDetail>(session.me ? `/programs/${id}` : null);
  const current = useApi<{ displayName: string } | null>(session.me ? `/programs/${id}/instructor` : null);
  const candidates = useApi<PageOf<Candidate>>(session.me ? `/programs/${id}/instructor-candidates${query({ page, pageSize: 10 })}` : null);
  const changed = (said: string) => {
    setMessage(said);
    current.reload();
    candidates.reload();
  };
  const unassign = useSubmission(async () => {
    await api(`/programs/${id}/instructor`, { method: 'DELETE' });
    changed(t('instructors.match.didUnassign'));
  });
  if (!session.ready) return null;
  if (!session.me) return <LoginPrompt />;
  return (
    <Loaded state={program}>
      {(p) => (
        <>
          <p><Link to={`/programs/${p.id}/edit`}>{t('instructors.match.back')}</Link></p>
          <PageTitle title={t('instructors.match.title', { title: p.title })} lead={t('instructors.match.lead')} />
          <p role="status" className={message ? 'lc-notice success' : 'sr-only'}>{message}</p>
          {current.data !== undefined && (current.data ? (
            <form className="lc-form-row" onSubmit={unassign.onSubmit}>
              <p>{t('instructors.match.current', { name: current.data.displayName })}</p>
              <button type="submit" className="krds-btn small tertiary" disabled={unassign.busy}>{t('instructors.match.unassign')}</button>
            </form>
          ) : <p>{t('instructors.match.noneAssigned')}</p>)}
          <FormStatus error={unassign.formError()} />
          <Loaded state={candidates}>
            {(result) => result.items.length === 0 ? <p className="lc-notice">{t('instructors.match.none')}</p> : (
              <>
                <ol className="lc-cards" style={{ listStyle: 'none', padding: 0 }}>
                  {result.items.map((c) => <CandidateCard key={c.profile.id} candidate={c} programId={p.id} onAssigned={changed} />)}
                </ol>
                <Pagination page={result.page} pageSize={result.pageSize} total={result.total} onChange={setPage} />
              </>
            )}
          </Loaded>
        </>
      )}
    </Loaded>
  );
}
