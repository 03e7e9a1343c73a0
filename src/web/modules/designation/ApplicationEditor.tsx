/**
 * The application form, saved as the officer types (a second after the last change, or at once with "save now"),
 * each save over the version it was loaded with: when a colleague saved first, the form says so and offers the
 * latest version instead of overwriting it. What is still missing is listed as the server will judge it; each item
 * leads to its field. Submitting saves first, then hands in that version.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type {
  ApplicationContent, ApplicationVersion, ApplicationVersionSummary, ApplicationView, Attachment, SaveResult,
} from '../../../shared/contracts/designation-applications.ts';
import type { PageOf } from '../../../shared/contracts/common.ts';
import { applicationLabels, koreanTime, missingFields } from '../../../shared/messages/designation-application.ts';
import {
  committeeKinds, institutionTypes, ordinanceKinds, programAreas, type Labelled,
} from '../../../shared/vocabulary/index.ts';
import { api, ApiError, query, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { ConfirmAction } from '../../ui/ConfirmAction.tsx';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { AttachmentList, AttachmentUpload } from './Attachments.tsx';

type SaveState =
  | { kind: 'saved'; at: string }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed'; message: string; field?: string }
  | { kind: 'conflict'; message: string };

const AUTOSAVE_DELAY_MS = 1000;
type Label = keyof typeof applicationLabels;

/** Moves the keyboard to the input of a field path ('budget.2' → its first input), or its nearest named container. */
function focusField(path: string) {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const name = parts.slice(0, n).join('.');
    const target = document.querySelector<HTMLElement>(`[name="${name}"]`) ?? document.querySelector<HTMLElement>(`[name^="${name}."]`);
    if (target) {
      target.focus();
      target.scrollIntoView({ block: 'center' });
      return;
    }
  }
}

export function ApplicationEditor({ application, onChanged }: { application: ApplicationView; onChanged(): void }) {
  const { t, label, locale, number } = useLocale();
  const { id, planYears } = application;
  const [content, setContent] = useState<ApplicationContent>(application.content);
  const [attachments, setAttachments] = useState<Attachment[]>(application.attachments);
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: application.updatedAt });
  const [version, setVersion] = useState(application.version);
  const [outcome, setOutcome] = useState<{ error?: string; done?: boolean }>({});
  const latest = useRef(content);
  const dirty = useRef(false);
  const inFlight = useRef<Promise<void> | null>(null);
  const versionRef = useRef(application.version);
  const loaded = useRef(application.content);
  // Any content other than what was loaded is a change to save (refs are kept out of rendering).
  useEffect(() => {
    latest.current = content;
    if (content !== loaded.current) dirty.current = true;
  }, [content]);

  const save = useCallback(async (): Promise<boolean> => {
    while (inFlight.current) await inFlight.current;
    if (!dirty.current) return true;
    dirty.current = false;
    setState({ kind: 'saving' });
    let ok = true;
    inFlight.current = api<SaveResult>(`/designation/applications/${id}/content`, { method: 'PUT', body: { version: versionRef.current, content: latest.current } })
      .then((saved) => {
        versionRef.current = saved.version;
        setVersion(saved.version);
        setState(dirty.current ? { kind: 'pending' } : { kind: 'saved', at: saved.updatedAt });
      })
      .catch((error: unknown) => {
        ok = false;
        dirty.current = true;
        const e = error instanceof ApiError ? error : new ApiError(0, 'network', String(error));
        setState(e.status === 409 && e.code === 'stale' ? { kind: 'conflict', message: e.message } : { kind: 'failed', message: e.message, field: e.field });
      })
      .finally(() => { inFlight.current = null; });
    await inFlight.current;
    return ok;
  }, [id]);

  // A second after the last change; never over a colleague's newer version, and not again after a refusal
  // until the next change (or "save now").
  useEffect(() => {
    if (!dirty.current || state.kind === 'conflict' || state.kind === 'saving' || state.kind === 'failed') return;
    const timer = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [content, save, state.kind]);
  // Leaving the tab does not lose the last keystrokes.
  useEffect(() => () => { if (dirty.current) void save(); }, [save]);

  const update = (change: (draft: ApplicationContent) => void) => {
    setContent((current) => {
      const next = structuredClone(current);
      change(next);
      return next;
    });
    setState((s) => (s.kind === 'conflict' ? s : { kind: 'pending' }));
  };

  const missing = missingFields(content, planYears, attachments.map((a) => a.purpose));
  const errorOf = (path: string) => (state.kind === 'failed' && (state.field === path || state.field === `content.${path}`) ? state.message : undefined);
  const options = (entries: readonly Labelled[]) => entries.map((e) => ({ value: e.code, label: label(e) }));
  const numberOrNull = (text: string) => (text.trim() === '' ? null : Math.max(0, Math.trunc(Number(text.replace(/,/g, '')))));

  const textField = (path: string, name: string, value: string, set: (v: string) => void, multiline = false) => {
    const props = { label: name, name: path, value, error: errorOf(path), maxLength: multiline ? 4000 : 200 };
    return multiline
      ? <TextArea {...props} onChange={(e) => set(e.target.value)} />
      : <TextField {...props} onChange={(e) => set(e.target.value)} />;
  };
  const numberField = (path: string, name: string, value: number | null, set: (v: number | null) => void) => (
    <TextField label={name} name={path} type="number" inputMode="numeric" min={0} value={value === null ? '' : String(value)}
      error={errorOf(path)} onChange={(e) => set(numberOrNull(e.target.value))} />
  );
  const L = (key: Label) => label(applicationLabels[key]);
  const removeButton = (what: keyof typeof rowNames, n: number, remove: () => void) => (
    <button type="button" className="krds-btn small tertiary" onClick={remove}>
      {t('applications.remove')}<span className="sr-only"> ({t('applications.removeRow', { what: rowNames[what], n })})</span>
    </button>
  );
  const rowNames = { committee: t('applications.row.committee'), ordinance: t('applications.row.ordinance'), plan: t('applications.row.plan'), partner: t('applications.row.partner') };
  const addButton = (path: string, disabled: boolean, add: () => void, children: ReactNode) => (
    <button type="button" name={path} className="krds-btn small secondary" disabled={disabled} onClick={add}>{children}</button>
  );

  const submit = async () => {
    setOutcome({});
    if (!(await save())) return;
    try {
      await api(`/designation/applications/${id}/submit`, { method: 'POST', body: { version: versionRef.current } });
      setOutcome({ done: true });
      onChanged();
    } catch (error) {
      setOutcome({ error: error instanceof ApiError ? error.message : String(error) });
    }
  };
  const withdraw = async () => {
    setOutcome({});
    try {
      await api(`/designation/applications/${id}/withdraw`, { method: 'POST', body: { reason: '' } });
      onChanged();
    } catch (error) {
      setOutcome({ error: error instanceof ApiError ? error.message : String(error) });
    }
  };
  const deadline = application.status === 'returned' ? application.call.endorsementDeadline : application.call.submissionDeadline;
  const clock = (iso: string) => new Date(iso).toLocaleTimeString(locale === 'en' ? 'en-GB' : 'ko-KR', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Seoul' });

  return (
    <div>
      <div className="lc-status-line" role="status" aria-live="polite">
        <span>
          {state.kind === 'saved' && t('applications.autosave.saved', { time: clock(state.at) })}
          {state.kind === 'pending' && t('applications.autosave.pending')}
          {state.kind === 'saving' && t('applications.autosave.saving')}
          {state.kind === 'failed' && t('applications.autosave.failed', { message: state.message })}
        </span>
        <span>{t('applications.currentVersion', { version })}</span>
      </div>
      {state.kind === 'conflict' && (
        <div className="lc-notice error" role="alert">
          <p>{state.message}</p>
          <p><button type="button" className="krds-btn small primary" onClick={onChanged}>{t('applications.autosave.reload')}</button></p>
        </div>
      )}
      <p className="lc-meta">
        {t(application.status === 'returned' ? 'applications.resubmitUntil' : 'applications.submitUntil', { deadline: koreanTime(deadline)[locale] })}
      </p>

      <form className="lc-form" onSubmit={(event) => { event.preventDefault(); void save(); }} noValidate>
        <fieldset>
          <legend>{L('vision')}</legend>
          {textField('vision.title', L('vision.title'), content.vision.title, (v) => update((c) => { c.vision.title = v; }))}
          {textField('vision.statement', L('vision.statement'), content.vision.statement, (v) => update((c) => { c.vision.statement = v; }), true)}
        </fieldset>

        <fieldset>
          <legend>{L('organisation')}</legend>
          <div className="lc-field-grid">
            {textField('organisation.departmentName', L('organisation.departmentName'), content.organisation.departmentName, (v) => update((c) => { c.organisation.departmentName = v; }))}
            {textField('organisation.centreName', L('organisation.centreName'), content.organisation.centreName, (v) => update((c) => { c.organisation.centreName = v; }))}
            {numberField('organisation.learningCentres', L('organisation.learningCentres'), content.organisation.learningCentres, (v) => update((c) => { c.organisation.learningCentres = v; }))}
            {numberField('organisation.dongLearningCentres', L('organisation.dongLearningCentres'), content.organisation.dongLearningCentres, (v) => update((c) => { c.organisation.dongLearningCentres = v; }))}
          </div>
          <h3 className="lc-group-title">{L('organisation.committees')}</h3>
          {content.organisation.committees.map((committee, i) => (
            <div key={i} className="lc-subsection">
              <div className="lc-field-grid">
                <SelectField label={`${L('committeeKind')} (${i + 1})`} name={`organisation.committees.${i}.kind`} value={committee.kind} options={options(committeeKinds.entries)}
                  onChange={(e) => update((c) => { c.organisation.committees[i]!.kind = e.target.value as typeof committee.kind; })} />
                {textField(`organisation.committees.${i}.name`, `${L('committeeName')} (${i + 1})`, committee.name, (v) => update((c) => { c.organisation.committees[i]!.name = v; }))}
                <TextField label={`${L('committeeEstablishedOn')} (${i + 1})`} type="date" name={`organisation.committees.${i}.establishedOn`} value={committee.establishedOn ?? ''}
                  onChange={(e) => update((c) => { c.organisation.committees[i]!.establishedOn = e.target.value || null; })} />
              </div>
              {removeButton('committee', i + 1, () => update((c) => { c.organisation.committees.splice(i, 1); }))}
            </div>
          ))}
          {addButton('organisation.committees', content.organisation.committees.length >= 10,
            () => update((c) => { c.organisation.committees.push({ kind: 'council', name: '', establishedOn: null }); }),
            <>{t('applications.add')}: {t('applications.row.committee')}</>)}
        </fieldset>

        <fieldset>
          <legend>{L('staff')}</legend>
          <div className="lc-field-grid">
            {numberField('staff.dedicatedStaff', L('staff.dedicatedStaff'), content.staff.dedicatedStaff, (v) => update((c) => { c.staff.dedicatedStaff = v; }))}
            {numberField('staff.certifiedEducators', L('staff.certifiedEducators'), content.staff.certifiedEducators, (v) => update((c) => { c.staff.certifiedEducators = v; }))}
          </div>
        </fieldset>

        <fieldset>
          <legend>{L('budget')}</legend>
          {content.budget.map((year, i) => {
            const total = (year.national ?? 0) + (year.provincial ?? 0) + (year.own ?? 0);
            const set = (source: 'national' | 'provincial' | 'own') => (v: number | null) => update((c) => { c.budget[i]![source] = v; });
            return (
              <fieldset key={planYears[i]}>
                <legend>{t('applications.year', { year: planYears[i] })}</legend>
                <div className="lc-field-grid">
                  {numberField(`budget.${i}.national`, L('budgetNational'), year.national, set('national'))}
                  {numberField(`budget.${i}.provincial`, L('budgetProvincial'), year.provincial, set('provincial'))}
                  {numberField(`budget.${i}.own`, L('budgetOwn'), year.own, set('own'))}
                </div>
                <p className="lc-meta">{t('applications.budgetTotal', { year: planYears[i], total: number(total) })}</p>
              </fieldset>
            );
          })}
        </fieldset>

        <fieldset>
          <legend>{L('ordinances')}</legend>
          {content.ordinances.map((ordinance, i) => (
            <div key={i} className="lc-subsection">
              <div className="lc-field-grid">
                <SelectField label={`${L('ordinanceKind')} (${i + 1})`} name={`ordinances.${i}.kind`} value={ordinance.kind} options={options(ordinanceKinds.entries)}
                  onChange={(e) => update((c) => { c.ordinances[i]!.kind = e.target.value as typeof ordinance.kind; })} />
                {textField(`ordinances.${i}.title`, `${L('ordinanceTitle')} (${i + 1})`, ordinance.title, (v) => update((c) => { c.ordinances[i]!.title = v; }))}
                <TextField label={`${L('ordinanceEnactedOn')} (${i + 1})`} type="date" name={`ordinances.${i}.enactedOn`} value={ordinance.enactedOn ?? ''}
                  onChange={(e) => update((c) => { c.ordinances[i]!.enactedOn = e.target.value || null; })} />
              </div>
              {removeButton('ordinance', i + 1, () => update((c) => { c.ordinances.splice(i, 1); }))}
            </div>
          ))}
          {addButton('ordinances', content.ordinances.length >= 20,
            () => update((c) => { c.ordinances.push({ kind: 'promotion', title: '', enactedOn: null }); }),
            <>{t('applications.add')}: {t('applications.row.ordinance')}</>)}
        </fieldset>

        <fieldset>
          <legend>{L('programPlan')}</legend>
          {content.programPlan.map((plan, i) => (
            <div key={i} className="lc-subsection">
              <SelectField label={`${L('planArea')} (${i + 1})`} name={`programPlan.${i}.area`} value={plan.area} options={options(programAreas.entries)}
                onChange={(e) => update((c) => { c.programPlan[i]!.area = e.target.value as typeof plan.area; })} />
              {textField(`programPlan.${i}.summary`, `${label(programAreas.get(plan.area))}: ${L('planSummary')}`, plan.summary, (v) => update((c) => { c.programPlan[i]!.summary = v; }), true)}
              <div className="lc-field-grid">
                {plan.programs.map((count, y) => numberField(`programPlan.${i}.programs.${y}`, `${label(programAreas.get(plan.area))}: ${t('applications.year', { year: planYears[y] })} ${L('planPrograms')}`, count,
                  (v) => update((c) => { c.programPlan[i]!.programs[y] = v; })))}
              </div>
              {removeButton('plan', i + 1, () => update((c) => { c.programPlan.splice(i, 1); }))}
            </div>
          ))}
          {addButton('programPlan', content.programPlan.length >= 7,
            () => update((c) => {
              const free = programAreas.codes.find((code) => !c.programPlan.some((p) => p.area === code)) ?? 'culture_arts';
              c.programPlan.push({ area: free, summary: '', programs: planYears.map(() => null) });
            }),
            <>{t('applications.add')}: {t('applications.row.plan')}</>)}
        </fieldset>

        <fieldset>
          <legend>{L('partners')}</legend>
          {content.partners.map((partner, i) => (
            <div key={i} className="lc-subsection">
              <div className="lc-field-grid">
                {textField(`partners.${i}.name`, `${L('partnerName')} (${i + 1})`, partner.name, (v) => update((c) => { c.partners[i]!.name = v; }))}
                <SelectField label={`${L('partnerType')} (${i + 1})`} name={`partners.${i}.type`} value={partner.type} options={options(institutionTypes.entries)}
                  onChange={(e) => update((c) => { c.partners[i]!.type = e.target.value as typeof partner.type; })} />
                {textField(`partners.${i}.role`, `${L('partnerRole')} (${i + 1})`, partner.role, (v) => update((c) => { c.partners[i]!.role = v; }))}
              </div>
              {removeButton('partner', i + 1, () => update((c) => { c.partners.splice(i, 1); }))}
            </div>
          ))}
          {addButton('partners', content.partners.length >= 50,
            () => update((c) => { c.partners.push({ name: '', type: 'university', role: '' }); }),
            <>{t('applications.add')}: {t('applications.row.partner')}</>)}
        </fieldset>

        <p className="lc-form-row">
          <button type="submit" className="krds-btn secondary" disabled={state.kind === 'saving' || state.kind === 'conflict'}>{t('applications.autosave.saveNow')}</button>
        </p>
      </form>

      <h3 className="lc-group-title">{t('applications.attachments.title')}</h3>
      <AttachmentList application={{ ...application, attachments }} onRemoved={(gone) => setAttachments((list) => list.filter((a) => a.id !== gone.id))} />
      <AttachmentUpload applicationId={id} onUploaded={(added) => setAttachments((list) => [...list, added])} />

      <section aria-labelledby="checklist-title" className="lc-panel">
        <h3 className="lc-group-title" id="checklist-title">
          {missing.length > 0 ? t('applications.checklist', { count: missing.length }) : t('applications.checklistDone')}
        </h3>
        {missing.length > 0 && (
          <ul className="lc-history">
            {missing.map((m) => (
              <li key={`${m.field}:${m.label.ko}`}>
                <button type="button" className="krds-btn small tertiary" onClick={() => focusField(m.field)}>
                  <span className="sr-only">{t('applications.goTo')} </span>{m.label[locale]}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="lc-form-row">
          <ConfirmAction label={t(application.status === 'returned' ? 'applications.resubmit' : 'applications.submit')}
            question={t('applications.submitQuestion', { version })} yes={t('applications.yes')} no={t('applications.no')}
            busy={state.kind === 'saving'} onConfirm={(event) => { event.preventDefault(); void submit(); }} />
          {application.actions.withdraw && (
            <ConfirmAction label={t('applications.withdraw')} question={t('applications.withdrawQuestion')} yes={t('applications.yes')} no={t('applications.no')}
              busy={false} onConfirm={(event) => { event.preventDefault(); void withdraw(); }} />
          )}
        </div>
        {outcome.error && <p className="lc-notice error" role="alert">{outcome.error}</p>}
        {outcome.done && <p className="lc-notice success" role="status">{t('applications.submitted')}</p>}
      </section>

      <Versions applicationId={id} version={version} onRestore={(restored) => update((c) => Object.assign(c, restored))} />
    </div>
  );
}

/** Every saved version, newest first, ten to a page; an old one can be brought back (and is saved as a new one). */
function Versions({ applicationId, version, onRestore }: { applicationId: number; version: number; onRestore(content: ApplicationContent): void }) {
  const { t, dateTime } = useLocale();
  const [page, setPage] = useState(1);
  const [restored, setRestored] = useState<number | null>(null);
  const versions = useApi<PageOf<ApplicationVersionSummary>>(`/designation/applications/${applicationId}/versions${query({ page, pageSize: 10 })}`);
  const { reload } = versions;
  // Each save adds a version: the list follows.
  useEffect(reload, [version, reload]);
  const restore = async (number: number) => {
    const old = await api<ApplicationVersion>(`/designation/applications/${applicationId}/versions/${number}`);
    onRestore(old.content);
    setRestored(number);
  };
  return (
    <details>
      <summary>{t('applications.versions.title', { count: versions.data?.total ?? version })}</summary>
      <ol className="lc-history">
        {(versions.data?.items ?? []).map((v) => (
          <li key={v.version}>
            <strong>{t('applications.versions.version', { version: v.version })}</strong>{' '}
            <span className="lc-meta">{t('applications.versions.by', { who: v.savedByName ?? '—', when: dateTime(v.savedAt) })}</span>{' '}
            {v.version !== version && (
              <button type="button" className="krds-btn small tertiary" onClick={() => void restore(v.version)}>
                {t('applications.versions.restore')}<span className="sr-only"> ({t('applications.versions.version', { version: v.version })})</span>
              </button>
            )}
          </li>
        ))}
      </ol>
      {versions.data && <Pagination page={versions.data.page} pageSize={versions.data.pageSize} total={versions.data.total} onChange={setPage} />}
      {restored !== null && <p className="lc-notice" role="status">{t('applications.versions.restored', { version: restored })}</p>}
    </details>
  );
}
