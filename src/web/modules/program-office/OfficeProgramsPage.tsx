/**
 * The institution's programs for its staff (/institutions/:id/office): every phase, from drafts to cancelled ones,
 * with how full each is, searchable by title; each opens in the editor or its roster.
 */
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { InstitutionDetail } from '../../../shared/contracts/institutions.ts';
import type { OfficeProgramList } from '../../../shared/contracts/program-office.ts';
import { officePhases, weekdays, type OfficePhase, type Weekday } from '../../../shared/vocabulary/index.ts';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { ProposalOrigin } from '../../../shared/contracts/proposals.ts';
import { query, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { useSession } from '../../shells/session.tsx';
import { InstitutionStaffPage } from '../institutions/InstitutionStaffPage.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded } from '../../ui/Status.tsx';

const phaseBadge: Record<OfficePhase, string> = {
  draft: 'bg-light-secondary', open: 'bg-light-primary', running: 'bg-light-success', finished: 'bg-light-gray', cancelled: 'bg-light-danger',
};

export function OfficeProgramsPage() {
  const { t } = useLocale();
  return <InstitutionStaffPage permission="program.manage" notAllowed={t('office.notAllowed')}>{(i) => <OfficeList institution={i} />}</InstitutionStaffPage>;
}

function OfficeList({ institution }: { institution: InstitutionDetail }) {
  const { t, label, date } = useLocale();
  const session = useSession();
  const scope = { institutionId: institution.id, cityCode: institution.cityCode };
  const [params, setParams] = useSearchParams();
  const phase = officePhases.codes.find((p) => p === params.get('phase'));
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? 1) || 1;
  const [words, setWords] = useState(q);
  const list = useApi<OfficeProgramList>(`/institutions/${institution.id}/office/programs${query({ phase, q: q || undefined, page })}`);
  // The newest hundred programs that came from residents' proposals are marked in the list, linked to the proposal.
  const origins = useApi<PageOf<ProposalOrigin>>(`/institutions/${institution.id}/proposal-programs${query({ pageSize: 100 })}`);
  const proposalOf = new Map((origins.data?.items ?? []).map((o) => [o.programId, o]));
  const go = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    go({ q: words.trim() || null, page: null });
  };
  const days = (codes: readonly Weekday[]) => codes.map((c) => label(weekdays.get(c))).join('·');

  return (
    <>
      <p><Link to={`/institutions/${institution.id}`}>{institution.name}</Link></p>
      <h1 className="lc-title">{t('office.title')}</h1>
      <p className="lc-lead">{t('office.lead', { institution: institution.name })}</p>
      <p className="lc-actions">
        <Link className="krds-btn primary" to={`/institutions/${institution.id}/programs/new`}>{t('office.newProgram')}</Link>
        {session.can('program.import', scope) && <Link className="krds-btn secondary" to={`/institutions/${institution.id}/office/import`}>{t('program-files.menu')}</Link>}
        {session.can('instructors.pool.view', scope) && <Link className="krds-btn secondary" to={`/institutions/${institution.id}/instructors`}>{t('instructors.pool.title')}</Link>}
        {session.can('surveys.paper.enter', scope) && <Link className="krds-btn secondary" to={`/institutions/${institution.id}/surveys/paper`}>{t('surveys.paper.title')}</Link>}
        {session.can('institution.api_keys.manage', scope) && <Link className="krds-btn tertiary" to={`/institutions/${institution.id}/office/api-keys`}>{t('program-files.keys.title')}</Link>}
      </p>
      <form className="lc-form-row" role="search" onSubmit={search}>
        <TextField label={t('office.search')} type="search" value={words} onChange={(e) => setWords(e.target.value)} />
        <div><button type="submit" className="krds-btn secondary">{t('office.searchButton')}</button></div>
      </form>
      <Loaded state={list}>
        {(result) => (
          <>
            <nav className="lc-actions" aria-label={t('office.columns.phase')}>
              {([undefined, ...officePhases.codes] as const).map((p) => {
                const count = p ? result.phases[p] ?? 0 : Object.values(result.phases).reduce((a, b) => a + b, 0);
                return (
                  <button key={p ?? 'all'} type="button" className={`krds-btn small ${p === phase ? 'primary' : 'secondary'}`} aria-pressed={p === phase}
                    onClick={() => go({ phase: p ?? null, page: null })}>
                    {t('office.phaseCount', { phase: p ? label(officePhases.get(p)) : t('office.all'), count })}
                  </button>
                );
              })}
            </nav>
            {result.items.length === 0 ? <p className="lc-notice">{t('office.none')}</p> : (
              <div className="lc-table-wrap" tabIndex={0} role="region" aria-label={t('office.title')}>
                <table className="lc-table">
                  <thead>
                    <tr>{(['title', 'phase', 'period', 'time', 'people', 'actions'] as const).map((c) => <th key={c} scope="col">{t(`office.columns.${c}`)}</th>)}</tr>
                  </thead>
                  <tbody>
                    {result.items.map((p) => (
                      <tr key={p.id}>
                        <th scope="row">
                          <Link to={`/programs/${p.id}/edit`}>{p.title}</Link>{p.instructorName && <><br /><small>{p.instructorName}</small></>}
                          {proposalOf.has(p.id) && <><br /><Link className="krds-badge outline-secondary" to={`/cities/${proposalOf.get(p.id)!.cityCode}/proposals/${proposalOf.get(p.id)!.proposalId}`}>{t('proposals.fromProposal')}</Link></>}
                        </th>
                        <td><span className={`krds-badge ${phaseBadge[p.phase]}`}>{label(officePhases.get(p.phase))}</span></td>
                        <td>{date(p.startsOn)} – {date(p.endsOn)}</td>
                        <td>{days(p.weekdays)} {p.startTime}–{p.endTime}{p.venueName && <><br /><small>{p.venueName}</small></>}</td>
                        <td>{t('office.people', { enrolled: p.enrolled, capacity: p.capacity, waitlisted: p.waitlisted })}</td>
                        <td className="lc-actions">
                          <Link className="krds-btn small secondary" to={`/programs/${p.id}/edit`} aria-label={`${t('office.edit')}: ${p.title}`}>{t('office.edit')}</Link>
                          {p.phase !== 'draft' && <Link className="krds-btn small tertiary" to={`/programs/${p.id}/manage`} aria-label={`${t('office.roster')}: ${p.title}`}>{t('office.roster')}</Link>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <Pagination page={result.page} pageSize={result.pageSize} total={result.total} onChange={(n) => go({ page: String(n) })} />
          </>
        )}
      </Loaded>
    </>
  );
}
