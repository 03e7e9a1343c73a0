/** One meeting of a city's committee (/cities/:code/council/meetings/:id): agenda, decisions, minutes, and the proposals and needs-survey results it discussed. */
import { Link, useParams } from 'react-router';
import type { CouncilMeeting } from '../../../shared/contracts/council.ts';
import { programAreas, proposalPhases } from '../../../shared/vocabulary/index.ts';
import { useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { Loaded } from '../../ui/Status.tsx';

export function MeetingPage() {
  const { code = '', id = '' } = useParams();
  const { t, label, date, number, locale } = useLocale();
  const meeting = useApi<CouncilMeeting>(`/cities/${code}/council/meetings/${id}`);
  return (
    <Loaded state={meeting}>
      {(m) => (
        <article className="lc-section">
          <p><Link to={`/cities/${code}/council`}>{t('council.backToCouncil')}</Link></p>
          {!m.published && <p className="lc-notice">{t('council.unpublishedNotice')}</p>}
          <h1 className="lc-title">{m.title}</h1>
          <dl className="lc-facts">
            <dt>{t('council.committee')}</dt><dd>{m.committeeName}</dd>
            <dt>{t('council.when')}</dt><dd>{date(m.heldOn)}{m.startsAt && ` ${m.startsAt}`}</dd>
            {m.place && <><dt>{t('council.place')}</dt><dd>{m.place}</dd></>}
            {m.attendees !== null && <><dt>{t('council.attendees')}</dt><dd>{number(m.attendees)}</dd></>}
          </dl>
          <h2 className="lc-section-title">{t('council.agenda')}</h2>
          {m.agenda ? <p className="lc-pre-line">{m.agenda}</p> : <p>—</p>}
          <h2 className="lc-section-title">{t('council.decisions')}</h2>
          {m.decisions.length === 0 ? <p>{t('council.noDecisions')}</p> : <ol>{m.decisions.map((d, i) => <li key={i}>{d}</li>)}</ol>}
          {m.proposals.length > 0 && (
            <>
              <h2 className="lc-section-title">{t('council.proposals')}</h2>
              <ul>
                {m.proposals.map((p) => (
                  <li key={p.id}>
                    <Link to={`/cities/${code}/proposals/${p.id}`}>{p.title}</Link>
                    {' · '}{label(proposalPhases.get(p.status))} · {t('council.supporters', { count: p.supporters })}
                  </li>
                ))}
              </ul>
            </>
          )}
          {m.surveys.map((s) => (
            <section key={s.year} aria-labelledby={`survey-${s.year}`}>
              <h2 className="lc-section-title" id={`survey-${s.year}`}>{t('council.survey', { year: s.year })}</h2>
              <p className="lc-meta">{t('council.respondents', { count: s.respondents })}</p>
              {s.items.length === 0 ? <p>{t('council.surveyTooFew')}</p> : (
                <ol>{s.items.map((item) => <li key={item.code}>{locale === 'en' ? item.en : item.ko} ({label(programAreas.get(item.area))}) · Borich {item.borich.toFixed(2)}</li>)}</ol>
              )}
            </section>
          ))}
          <h2 className="lc-section-title">{t('council.minutes')}</h2>
          {m.minutes ? <p className="lc-pre-line">{m.minutes}</p> : <p>—</p>}
        </article>
      )}
    </Loaded>
  );
}
