/**
 * The council of a city (/cities/:code/council): its active committees with the members serving today, and its
 * published meetings, newest first (the city's officers also see unpublished ones, marked so), with a calendar feed.
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { CouncilCommittee, CouncilMeetingSummary } from '../../../shared/contracts/council.ts';
import { committeeKinds, memberRoles, memberSectors } from '../../../shared/vocabulary/index.ts';
import { query, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded, PageTitle } from '../../ui/Status.tsx';

export function CouncilPage() {
  const { code = '' } = useParams();
  const { t } = useLocale();
  return (
    <>
      <PageTitle title={t('council.title')} lead={t('council.lead')} />
      <p><Link to={`/cities/${code}`}>{t('council.backToCity')}</Link></p>
      <Committees cityCode={code} />
      <Meetings cityCode={code} />
    </>
  );
}

function Committees({ cityCode }: { cityCode: string }) {
  const { t, label } = useLocale();
  const [page, setPage] = useState(1);
  const committees = useApi<PageOf<CouncilCommittee>>(`/cities/${cityCode}/council/committees${query({ page, pageSize: 10 })}`);
  return (
    <section aria-labelledby="council-committees">
      <h2 className="lc-section-title" id="council-committees">{t('council.committees')}</h2>
      <Loaded state={committees}>
        {(data) => data.items.length === 0 ? <p>{t('council.noCommittees')}</p> : (
          <>
            {data.items.map((c) => (
              <section key={c.id} className="lc-subsection" aria-labelledby={`committee-${c.id}`}>
                <h3 id={`committee-${c.id}`}>{c.name}</h3>
                <p className="lc-meta">{label(committeeKinds.get(c.kind))}</p>
                {c.description && <p>{c.description}</p>}
                {c.members.length === 0 ? <p>{t('council.noMembers')}</p> : (
                  <div className="lc-table-wrap">
                    <table className="lc-table">
                      <caption className="sr-only">{t('council.membersOf', { name: c.name })}</caption>
                      <thead><tr><th scope="col">{t('council.name')}</th><th scope="col">{t('council.role')}</th><th scope="col">{t('council.organisation')}</th><th scope="col">{t('council.sector')}</th></tr></thead>
                      <tbody>
                        {c.members.map((m, i) => (
                          <tr key={i}><th scope="row">{m.name}</th><td>{label(memberRoles.get(m.role))}</td><td>{m.affiliation || '—'}</td><td>{label(memberSectors.get(m.sector))}</td></tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </section>
            ))}
            <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} />
          </>
        )}
      </Loaded>
    </section>
  );
}

function Meetings({ cityCode }: { cityCode: string }) {
  const { t, date } = useLocale();
  const [page, setPage] = useState(1);
  const meetings = useApi<PageOf<CouncilMeetingSummary>>(`/cities/${cityCode}/council/meetings${query({ page, pageSize: 10 })}`);
  return (
    <section aria-labelledby="council-meetings">
      <h2 className="lc-section-title" id="council-meetings">{t('council.meetings')}</h2>
      <p><a href={`/api/cities/${cityCode}/council/meetings.ics`} download>{t('council.calendar')}</a></p>
      <Loaded state={meetings}>
        {(data) => data.items.length === 0 ? <p>{t('council.noMeetings')}</p> : (
          <>
            <ul className="lc-plain-list lc-cards">
              {data.items.map((m) => (
                <li key={m.id} className="lc-card">
                  <h3><Link to={`/cities/${cityCode}/council/meetings/${m.id}`}>{m.title}</Link></h3>
                  <p className="lc-meta">
                    {m.committeeName} · {date(m.heldOn)}{m.startsAt && ` ${m.startsAt}`}{m.place && ` · ${m.place}`}
                    {' · '}{t('council.decisionCount', { count: m.decisionCount })}
                  </p>
                  {!m.published && <span className="krds-badge outline-gray">{t('council.unpublished')}</span>}
                </li>
              ))}
            </ul>
            <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} />
          </>
        )}
      </Loaded>
    </section>
  );
}
