/**
 * An application as submitted, to read: its sections under the form's own labels, and its attachments to
 * download. The city sees it once submitted; the province and the ministry read it to decide.
 */
import type { ApplicationView } from '../../../shared/contracts/designation-applications.ts';
import { applicationLabels } from '../../../shared/messages/designation-application.ts';
import {
  applicationDecisions, committeeKinds, institutionTypes, ordinanceKinds, programAreas,
} from '../../../shared/vocabulary/index.ts';
import { useLocale } from '../../i18n/index.ts';
import { AttachmentList } from './Attachments.tsx';

export function ApplicationDocument({ application, headingLevel = 3 }: { application: ApplicationView; headingLevel?: 3 | 4 }) {
  const { t, label, number, date, dateTime } = useLocale();
  const { content, planYears } = application;
  const Heading = `h${headingLevel}` as 'h3' | 'h4';
  const text = (value: string) => (value.trim() ? value : t('applications.view.empty'));
  const count = (value: number | null) => (value === null ? t('applications.view.empty') : number(value));
  const won = (value: number | null) => (value === null ? '—' : number(value));

  return (
    <article className="lc-subsection">
      {application.submittedAt && (
        <p className="lc-meta">{t('applications.view.submittedBy', { who: application.submittedByName ?? '—', when: dateTime(application.submittedAt) })}</p>
      )}
      {application.decision && (
        <p className="lc-notice">
          <strong>{t('applications.view.decision', { decision: label(applicationDecisions.get(application.decision)) })}</strong>
          {application.decisionReason && <> {application.decisionReason}</>}
        </p>
      )}

      <Heading className="lc-group-title">{label(applicationLabels.vision)}</Heading>
      <dl className="lc-facts">
        <dt>{label(applicationLabels['vision.title'])}</dt><dd>{text(content.vision.title)}</dd>
        <dt>{label(applicationLabels['vision.statement'])}</dt><dd style={{ whiteSpace: 'pre-line' }}>{text(content.vision.statement)}</dd>
      </dl>

      <Heading className="lc-group-title">{label(applicationLabels.organisation)}</Heading>
      <dl className="lc-facts">
        <dt>{label(applicationLabels['organisation.departmentName'])}</dt><dd>{text(content.organisation.departmentName)}</dd>
        <dt>{label(applicationLabels['organisation.centreName'])}</dt><dd>{text(content.organisation.centreName)}</dd>
        <dt>{label(applicationLabels['organisation.learningCentres'])}</dt><dd>{count(content.organisation.learningCentres)}</dd>
        <dt>{label(applicationLabels['organisation.dongLearningCentres'])}</dt><dd>{count(content.organisation.dongLearningCentres)}</dd>
        <dt>{label(applicationLabels['organisation.committees'])}</dt>
        <dd>
          <ul className="lc-plain-list">
            {content.organisation.committees.map((c, i) => (
              <li key={i}>{c.name} ({label(committeeKinds.get(c.kind))}{c.establishedOn ? `, ${date(c.establishedOn)}` : ''})</li>
            ))}
          </ul>
        </dd>
        <dt>{label(applicationLabels['staff.dedicatedStaff'])}</dt><dd>{count(content.staff.dedicatedStaff)}</dd>
        <dt>{label(applicationLabels['staff.certifiedEducators'])}</dt><dd>{count(content.staff.certifiedEducators)}</dd>
      </dl>

      <Heading className="lc-group-title">{label(applicationLabels.budget)}</Heading>
      <div className="lc-table-wrap" tabIndex={0} role="region" aria-label={label(applicationLabels.budget)}>
        <table className="lc-table">
          <thead>
            <tr>
              <th scope="col">{t('applications.columns.year')}</th>
              <th scope="col" className="num">{label(applicationLabels.budgetNational)}</th>
              <th scope="col" className="num">{label(applicationLabels.budgetProvincial)}</th>
              <th scope="col" className="num">{label(applicationLabels.budgetOwn)}</th>
            </tr>
          </thead>
          <tbody>
            {content.budget.map((year, i) => (
              <tr key={planYears[i]}>
                <th scope="row">{t('applications.year', { year: planYears[i] })}</th>
                <td className="num">{won(year.national)}</td>
                <td className="num">{won(year.provincial)}</td>
                <td className="num">{won(year.own)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <Heading className="lc-group-title">{label(applicationLabels.ordinances)}</Heading>
      <ul className="lc-plain-list">
        {content.ordinances.map((o, i) => (
          <li key={i}>{o.title} ({label(ordinanceKinds.get(o.kind))}, {o.enactedOn ? date(o.enactedOn) : t('applications.view.planned')})</li>
        ))}
      </ul>

      <Heading className="lc-group-title">{label(applicationLabels.programPlan)}</Heading>
      <ul className="lc-plain-list">
        {content.programPlan.map((plan, i) => (
          <li key={i}>
            <strong>{label(programAreas.get(plan.area))}</strong>: {text(plan.summary)}
            <div className="lc-meta">{plan.programs.map((n, y) => t('applications.view.programs', { year: planYears[y], count: n ?? '—' })).join(' · ')}</div>
          </li>
        ))}
      </ul>

      <Heading className="lc-group-title">{label(applicationLabels.partners)}</Heading>
      <ul className="lc-plain-list">
        {content.partners.map((p, i) => <li key={i}>{p.name} ({label(institutionTypes.get(p.type))}): {p.role}</li>)}
      </ul>

      <Heading className="lc-group-title">{t('applications.attachments.title')}</Heading>
      <AttachmentList application={application} onRemoved={null} />
    </article>
  );
}
