/**
 * The city console's delivered-courses tab: the minimum group size the city sets, and the requests that reached it,
 * each decided here — an instructor chosen from the ranked pool and an institution, approved; or declined with reasons.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { DeliveredCourseSettings, DeliveredCourseSummary } from '../../../shared/contracts/delivered-courses.ts';
import type { Candidate } from '../../../shared/contracts/instructors.ts';
import type { InstitutionSummary } from '../../../shared/contracts/institutions.ts';
import { deliveredCourseStatuses, MAX_MIN_GROUP_SIZE, type DeliveredCourseStatus } from '../../../shared/vocabulary/index.ts';
import { api, query, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { useSession } from '../../shells/session.tsx';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded } from '../../ui/Status.tsx';
import type { ConsolePanelProps } from '../city-console/console-tabs.ts';
import { DeliveredCourseCard } from './DeliveredCourseCard.tsx';

export default function DeliveredCoursesPanel({ cityCode }: ConsolePanelProps) {
  const { t, label } = useLocale();
  const session = useSession();
  const [status, setStatus] = useState<DeliveredCourseStatus>('ready');
  const [page, setPage] = useState(1);
  const mayDecide = session.can('delivered_courses.decide', { cityCode });
  const list = useApi<PageOf<DeliveredCourseSummary>>(mayDecide ? `/cities/${cityCode}/delivered-courses${query({ status, page, pageSize: 10 })}` : null);
  const settings = useApi<DeliveredCourseSettings>(`/cities/${cityCode}/delivered-courses/settings`);
  if (!mayDecide) return null;
  return (
    <section aria-labelledby="delivered-title">
      <h2 className="lc-section-title" id="delivered-title">{t('delivered-courses.consoleTitle')}</h2>
      <p className="lc-lead">{t('delivered-courses.consoleLead')}</p>
      {settings.data && <SizeForm cityCode={cityCode} size={settings.data.minGroupSize} />}
      <div className="lc-controls">
        <SelectField label={t('delivered-courses.status')} value={status} onChange={(e) => { setStatus(e.target.value as DeliveredCourseStatus); setPage(1); }}
          options={deliveredCourseStatuses.entries.filter((s) => s.code !== 'gathering').map((s) => ({ value: s.code, label: label(s) }))} />
      </div>
      <Loaded state={list}>
        {(data) => data.items.length === 0 ? <p>{t('delivered-courses.noneReady')}</p> : (
          <>
            <ul className="lc-plain-list">
              {data.items.map((r) => (
                <li key={r.id} className="lc-section">
                  <DeliveredCourseCard request={r} />
                  <p className="lc-meta">{t('delivered-courses.organiser', { name: r.organiserName })}</p>
                  <p>{r.description}</p>
                  {r.status === 'ready' && <Decision request={r} onDecided={list.reload} />}
                  {r.program && <p><Link to={`/programs/${r.program.id}`}>{r.program.title}</Link> · {t('delivered-courses.programLine', { institution: r.program.institutionName, instructor: r.program.instructorName ?? '—' })}</p>}
                  {r.declineReason && <p>{t('delivered-courses.declined')}: {r.declineReason}</p>}
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

function SizeForm({ cityCode, size }: { cityCode: string; size: number }) {
  const { t } = useLocale();
  const field = useFieldLabels('cities/delivered-courses/settings');
  const [value, setValue] = useState(String(size));
  const save = useSubmission(() => api(`/cities/${cityCode}/delivered-courses/settings`, { method: 'PUT', body: { minGroupSize: Number(value) } }));
  return (
    <form className="lc-form lc-controls" onSubmit={save.onSubmit}>
      <TextField label={field('minGroupSize')} type="number" inputMode="numeric" min={2} max={MAX_MIN_GROUP_SIZE} value={value} error={save.fieldError('minGroupSize')}
        onChange={(e) => setValue(e.target.value)} />
      <div><button type="submit" className="krds-btn secondary" disabled={save.busy}>{t('delivered-courses.saveSize')}</button></div>
      <FormStatus error={save.formError(['minGroupSize'])} />
      {save.done && <p className="lc-notice success" role="status">{t('delivered-courses.sizeSaved')}</p>}
    </form>
  );
}

/** Approve (a ranked instructor and an institution) or decline (reasons) one ready request. */
function Decision({ request, onDecided }: { request: DeliveredCourseSummary; onDecided(): void }) {
  const { t, locale } = useLocale();
  const field = useFieldLabels('cities/delivered-courses/approve');
  const reasonLabel = useFieldLabels('cities/delivered-courses/decline');
  const base = `/cities/${request.cityCode}/delivered-courses/${request.id}`;
  const [decision, setDecision] = useState<'approve' | 'decline'>('approve');
  const [profileId, setProfileId] = useState('');
  const [institutionId, setInstitutionId] = useState('');
  const [reason, setReason] = useState('');
  const candidates = useApi<PageOf<Candidate>>(decision === 'approve' ? `${base}/instructor-candidates?pageSize=10` : null);
  const institutions = useApi<PageOf<InstitutionSummary>>(decision === 'approve' ? `/institutions${query({ city: request.cityCode, pageSize: 100 })}` : null);
  // Nothing chosen is sent as nothing: the server then asks for it by name, rather than for a number above 0.
  const chosen = (value: string) => (value === '' ? undefined : Number(value));
  const send = useSubmission(() => api(`${base}/${decision}`, {
    method: 'POST',
    body: decision === 'approve' ? { institutionId: chosen(institutionId), profileId: chosen(profileId) } : { reason },
  }), onDecided);
  const noPool = decision === 'approve' && candidates.data?.items.length === 0;
  return (
    <form className="lc-form" onSubmit={send.onSubmit} aria-label={`${t('delivered-courses.approve')} / ${t('delivered-courses.decline')}: ${request.title}`} noValidate>
      <ChoiceGroup legend={t('delivered-courses.decision')} type="radio" inline selected={[decision]}
        options={[{ value: 'approve', label: t('delivered-courses.approve') }, { value: 'decline', label: t('delivered-courses.decline') }]}
        onChange={(value) => setDecision(value as 'approve' | 'decline')} />
      {decision === 'approve' ? (
        <>
          <Loaded state={candidates}>
            {(data) => data.items.length === 0 ? <p className="lc-notice" role="status">{t('delivered-courses.noCandidates')} {t('delivered-courses.noCandidatesWhy')}</p> : (
              <ChoiceGroup legend={field('profileId')} type="radio" selected={[profileId]} error={send.fieldError('profileId')}
                options={data.items.map((c) => ({
                  value: String(c.profile.id),
                  label: `${c.profile.displayName} · ${t('delivered-courses.score', { score: c.score })} · ${c.reasons.filter((r) => r.fit).map((r) => r.words[locale]).join(', ')}`,
                }))}
                onChange={(value) => setProfileId(value)} />
            )}
          </Loaded>
          <SelectField label={field('institutionId')} value={institutionId} error={send.fieldError('institutionId')} onChange={(e) => setInstitutionId(e.target.value)}
            options={[{ value: '', label: t('delivered-courses.chooseInstitution') }, ...(institutions.data?.items ?? []).map((i) => ({ value: String(i.id), label: i.name }))]} />
        </>
      ) : <TextArea label={reasonLabel('reason')} value={reason} rows={3} maxLength={1000} error={send.fieldError('reason')} onChange={(e) => setReason(e.target.value)} />}
      <FormStatus error={send.formError(['institutionId', 'profileId', 'reason'])} />
      {send.done && <p className="lc-notice success" role="status">{t('delivered-courses.decided')}</p>}
      <div><button type="submit" className="krds-btn primary" disabled={send.busy || noPool}>{t(decision === 'approve' ? 'delivered-courses.approve' : 'delivered-courses.decline')}</button></div>
    </form>
  );
}
