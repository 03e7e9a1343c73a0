/**
 * The ministry prepares a year's call: its terms and timeline, its rubric (copied from the last call), then
 * publishes it. Afterwards only stages of the timeline still ahead can be corrected. Saves carry the version
 * they were made from; a save over a colleague's newer one is refused and said so, with a way to reload.
 */
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { CallDetail, CallSummary, RubricArea } from '../../../shared/contracts/designation-calls.ts';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import { callStatuses } from '../../../shared/vocabulary/index.ts';
import { api, query, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { ConfirmAction } from '../../ui/ConfirmAction.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { Loaded, PageTitle } from '../../ui/Status.tsx';
import { CallTermsForm, defaultTerms, termsBody, termsOf, type Terms } from './CallTermsForm.tsx';
import { RubricEditor } from './RubricEditor.tsx';

function NewCall() {
  const { t } = useLocale();
  const navigate = useNavigate();
  const latest = useApi<PageOf<CallSummary>>(`/designation/calls${query({ pageSize: 1 })}`);
  // The next call: the year after the latest one, and never one whose spring has already begun.
  const today = todayInKorea();
  const soonest = Number(today.slice(0, 4)) + (today.slice(5) >= '03-01' ? 1 : 0);
  return (
    <>
      <PageTitle title={t('calls.createTitle')} lead={t('calls.editorLead')} />
      <Loaded state={latest}>
        {(page) => (
          <CallTermsForm initial={defaultTerms(Math.max(soonest, (page.items[0]?.year ?? 0) + 1))} published={false} yearEditable submitLabel={t('calls.create')}
            send={(terms) => api('/designation/calls', { method: 'POST', body: termsBody(terms) })}
            onDone={(terms) => void navigate(`/designation/calls/${terms.year}/edit`)} />
        )}
      </Loaded>
    </>
  );
}

function Publish({ call, onDone }: { call: CallDetail; onDone(): void }) {
  const { t } = useLocale();
  const submission = useSubmission(() => api(`/designation/calls/${call.year}/publish`, { method: 'POST', body: { version: call.version } }), onDone);
  return (
    <section aria-labelledby="publish-title">
      <h2 className="lc-section-title" id="publish-title">{t('calls.publish')}</h2>
      <ConfirmAction label={t('calls.publish')} question={t('calls.publishQuestion')} yes={t('calls.publishYes')} no={t('common.cancel')}
        busy={submission.busy} onConfirm={submission.onSubmit}>
        <FormStatus error={submission.error?.message} />
      </ConfirmAction>
    </section>
  );
}

function EditCall({ year }: { year: number }) {
  const { t, label, dateTime } = useLocale();
  const navigate = useNavigate();
  const call = useApi<CallDetail>(`/designation/calls/${year}`);
  // What was just done; said here, since a form starts again from the call it saved.
  const [done, setDone] = useState<'terms' | 'rubric' | 'published' | null>(null);
  const saved = (part: 'terms' | 'rubric') => () => {
    setDone(part);
    call.reload();
  };
  const savedNotice = (part: 'terms' | 'rubric') => done === part && <p className="lc-notice success" role="status">{t('common.saved')}</p>;
  // Each form starts again from the saved call when what it edits changed there (a colleague's save, once
  // reloaded), and keeps what is typed in it when only the other part changed.
  return (
    <Loaded state={call}>
      {(c) => (
        <>
          <PageTitle title={t('calls.editTitle', { year: c.year })}
            lead={c.status === 'draft' ? t('calls.editorLead') : t('calls.publishedLead')} />
          <p className="lc-meta">
            <span>{t('calls.status')}: {label(callStatuses.get(c.status))}</span>
            <span>{c.updatedByName ?? '—'} · {dateTime(c.updatedAt)}</span>
            <Link to={`/designation/calls/${c.year}`}>{t('calls.open')}</Link>
          </p>
          {c.status === 'draft' && <p className="lc-hint">{c.rubricCopiedFrom ? t('calls.copiedFrom', { year: c.rubricCopiedFrom }) : t('calls.copiedDefault')}</p>}
          {done === 'published' && <p className="lc-notice success" role="status">{t('calls.published')}</p>}
          {c.status !== 'announced' && (
            <CallTermsForm key={`${c.status}:${JSON.stringify(termsOf(c))}`} initial={termsOf(c)} published={c.status === 'published'} yearEditable={c.status === 'draft'}
              submitLabel={t('calls.saveCall')}
              // The version is read when sending, so a rubric saved meanwhile does not make this form stale.
              send={(terms: Terms) => api(`/designation/calls/${c.year}`, { method: 'PATCH', body: { ...termsBody(terms), version: call.data?.version ?? c.version } })}
              onDone={(terms) => (Number(terms.year) !== c.year ? void navigate(`/designation/calls/${terms.year}/edit`, { replace: true }) : saved('terms')())}
              onReload={call.reload} />
          )}
          {savedNotice('terms')}
          <h2 className="lc-section-title">{t('calls.rubricEditor')}</h2>
          {c.status === 'draft'
            ? (
              <RubricEditor key={JSON.stringify(c.rubric)} rubric={c.rubric}
                send={(areas: RubricArea[]) => api(`/designation/calls/${c.year}/rubric`, { method: 'PUT', body: { version: call.data?.version ?? c.version, areas } })}
                onDone={saved('rubric')} onReload={call.reload} />
            )
            : <p className="lc-notice">{t('calls.rubricLocked')}</p>}
          {savedNotice('rubric')}
          {c.status === 'draft' && <Publish call={c} onDone={() => { setDone('published'); call.reload(); }} />}
        </>
      )}
    </Loaded>
  );
}

export function CallEditorPage() {
  const { year } = useParams();
  const { t } = useLocale();
  const session = useSession();
  if (!session.ready) return null;
  if (!session.me) return <LoginPrompt />;
  if (!session.can('designation.call.manage')) return <p className="lc-notice">{t('calls.notAllowed')}</p>;
  return year ? <EditCall key={year} year={Number(year)} /> : <NewCall />;
}
