/**
 * The program editor (/programs/:id/edit): every field a resident sees; the schedule made from a pattern with public
 * holidays skipped (in the browser, from the same almanac the server uses) and then changed session by session;
 * saving at the version loaded, publishing a draft, cancelling with a reason, and copying into a new term.
 */
import { useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { InstitutionDetail } from '../../../shared/contracts/institutions.ts';
import type { CopyResult, EditResult, OfficeProgram, ProgramEditBody, SessionInput } from '../../../shared/contracts/program-office.ts';
import { planSessions, type SessionPlan } from '../../../shared/lib/holidays.ts';
import {
  deliveryModes, officePhases, programAreas, programSubcategories, registrationModes, targetGroups, weekdays,
  type DeliveryMode, type ProgramAreaCode, type ProgramSubcategoryCode, type RegistrationMode, type TargetGroupCode, type Weekday,
} from '../../../shared/vocabulary/index.ts';
import { api, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { ConfirmAction } from '../../ui/ConfirmAction.tsx';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { Loaded } from '../../ui/Status.tsx';
import { LotteryOffice, OfflineApplicationForm } from '../lottery/LotteryOffice.tsx';
import { ProgramJobsForm } from '../occupations/ProgramJobsForm.tsx';

const toggled = <T,>(list: readonly T[], value: T, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));
const sessionsOf = (program: OfficeProgram): SessionInput[] =>
  program.sessions.map((s) => ({ date: s.startsAt.slice(0, 10), startTime: s.startsAt.slice(11, 16), endTime: s.endsAt.slice(11, 16) }));
const FIELDS = ['title', 'titleEn', 'description', 'area', 'subcategory', 'targetGroups', 'mode', 'venueId', 'capacity', 'feeKrw', 'instructorName',
  'materials', 'registrationMode', 'registrationNote', 'enrolmentOpensOn', 'enrolmentClosesOn', 'minAge', 'maxAge', 'weekdays', 'startTime', 'endTime', 'sessions'];

export function ProgramEditorPage() {
  const { id } = useParams();
  const { t } = useLocale();
  const session = useSession();
  const program = useApi<OfficeProgram>(session.me ? `/programs/${Number(id)}/office` : null);
  // Kept above the editor, which starts afresh from each version saved.
  const [outcome, setOutcome] = useState<{ id: number; words: string } | null>(null);
  if (!session.ready) return <p>{t('common.loading')}</p>;
  if (!session.me) return <LoginPrompt />;
  return (
    <Loaded state={program}>
      {(p) => (
        <>
          {outcome?.id === p.id ? <p className="lc-notice success" role="status">{outcome.words}</p> : <CopiedNotice />}
          <EditorFor key={`${p.id}:${p.version}`} program={p} onSaved={(words) => { setOutcome({ id: p.id, words }); program.reload(); }} onChanged={program.reload} />
          {p.area === 'vocational' && <ProgramJobsForm programId={p.id} />}
        </>
      )}
    </Loaded>
  );
}

/** What copying said about the new term, shown once on the copy's editor. */
function CopiedNotice() {
  const { t } = useLocale();
  const copied = (useLocation().state as { copied?: CopyResult } | null)?.copied;
  if (!copied) return null;
  return (
    <div role="status">
      <p className="lc-notice success">{t('office.editor.copy.done')}</p>
      <HolidayNotes plan={copied} />
    </div>
  );
}

/** Which days of a pattern were public holidays, and which years could not be checked. */
function HolidayNotes({ plan }: { plan: Pick<SessionPlan, 'skipped' | 'unknownYears'> }) {
  const { t, date } = useLocale();
  return (
    <>
      {plan.skipped.length > 0 && <p className="lc-notice">{t('office.editor.skipped', { days: plan.skipped.map((s) => `${date(s.date)} ${s.names.join('·')}`).join(', ') })}</p>}
      {plan.unknownYears.length > 0 && <p className="lc-notice">{t('office.editor.unknownYears', { years: plan.unknownYears.join(', ') })}</p>}
    </>
  );
}

interface EditorProps {
  program: OfficeProgram;
  /** After a save, with what to tell the person saving. */
  onSaved(words: string): void;
  onChanged(): void;
}

function EditorFor(props: EditorProps) {
  const institution = useApi<InstitutionDetail>(`/institutions/${props.program.institutionId}`);
  return <Loaded state={institution}>{(i) => <Editor {...props} institution={i} />}</Loaded>;
}

type Draft = Omit<ProgramEditBody, 'version' | 'publish' | 'minAge' | 'maxAge' | 'capacity' | 'feeKrw' | 'credits'> & {
  minAge: string; maxAge: string; capacity: string; feeKrw: string; credits: string;
};

function draftOf(p: OfficeProgram): Draft {
  return {
    title: p.title, titleEn: p.titleEn, description: p.description, area: p.area, subcategory: p.subcategory, targetGroups: p.targetGroups,
    purposeTags: p.purposeTags, mode: p.mode, venueId: p.venueId, weekdays: p.weekdays, startTime: p.startTime, endTime: p.endTime,
    capacity: String(p.capacity), feeKrw: String(p.feeKrw), creditType: p.creditType, credits: String(p.credits),
    minAge: p.minAge === null ? '' : String(p.minAge), maxAge: p.maxAge === null ? '' : String(p.maxAge), residentsFirst: p.residentsFirst, textReminders: p.textReminders,
    instructorName: p.instructorName, materials: p.materials, registrationMode: p.registrationMode, registrationNote: p.registrationNote,
    enrolmentOpensOn: p.enrolmentOpensOn, enrolmentClosesOn: p.enrolmentClosesOn, sessions: sessionsOf(p),
  };
}

function Editor({ program, institution, onSaved, onChanged }: EditorProps & { institution: InstitutionDetail }) {
  const { t, label } = useLocale();
  const field = useFieldLabels('programs');
  const [draft, setDraft] = useState<Draft>(() => draftOf(program));
  const [pattern, setPattern] = useState({ startsOn: draft.sessions[0]?.date ?? '', sessionCount: String(draft.sessions.length) });
  const [plan, setPlan] = useState<SessionPlan | null>(null);
  const set = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));
  const setSession = (i: number, change: Partial<SessionInput>) => set({ sessions: draft.sessions.map((s, k) => (k === i ? { ...s, ...change } : s)) });
  const editable = program.phase !== 'cancelled' && program.phase !== 'finished';
  const optionalNumber = (value: string) => (value.trim() === '' ? null : Number(value));

  const generate = async () => {
    const made = await planSessions({ startsOn: pattern.startsOn, weekdays: draft.weekdays, sessionCount: Number(pattern.sessionCount), startTime: draft.startTime, endTime: draft.endTime });
    setPlan(made);
    set({ sessions: made.sessions.map((s) => ({ date: s.date, startTime: draft.startTime, endTime: draft.endTime })) });
  };

  /** Set by the publish button just before the form submits. */
  const publish = useRef(false);
  const submission = useSubmission(async () => {
    const body: ProgramEditBody = {
      ...draft, capacity: Number(draft.capacity), feeKrw: Number(draft.feeKrw), credits: Number(draft.credits),
      minAge: optionalNumber(draft.minAge), maxAge: optionalNumber(draft.maxAge),
      venueId: draft.mode === 'online' ? null : draft.venueId, version: program.version, ...(publish.current ? { publish: true } : {}),
    };
    publish.current = false;
    const result = await api<EditResult>(`/programs/${program.id}`, { method: 'PUT', body });
    const told = result.notified - result.promoted;
    onSaved([
      told > 0 ? t('office.editor.savedTold', { count: told }) : t('office.editor.saved'),
      result.promoted > 0 ? t('office.editor.savedPromoted', { count: result.promoted }) : '',
    ].filter(Boolean).join(' '));
  });
  const { fieldError } = submission;
  const subcategories = programSubcategories.entries.filter((s) => s.area === draft.area);

  return (
    <>
      <p className="lc-actions">
        <Link to={`/institutions/${program.institutionId}/office`}>{t('office.editor.back')}</Link>
        {program.phase !== 'cancelled' && <Link to={`/programs/${program.id}/instructors`}>{t('instructors.match.link')}</Link>}
      </p>
      <h1 className="lc-title">{program.title}</h1>
      <p className="lc-lead">
        <span className="krds-badge bg-light-primary">{label(officePhases.get(program.phase))}</span>{' '}
        {t('office.editor.people', { enrolled: program.enrolled, waitlisted: program.waitlisted })} · {t('office.editor.version', { version: program.version })}
      </p>
      {program.phase === 'cancelled' && <p className="lc-notice">{t('office.editor.cancelledNotice', { reason: program.cancelReason ?? '' })}</p>}
      {program.phase === 'finished' && <p className="lc-notice">{t('office.editor.finishedNotice')}</p>}
      {program.phase === 'draft' && <p className="lc-notice">{t('office.editor.draftNotice')}</p>}

      {/* The server checks every field at once and says what is wrong beside each; the browser would stop at the first. */}
      {editable && (
        <form className="lc-form" onSubmit={submission.onSubmit} noValidate>
          <h2 className="lc-section-title">{t('office.editor.listing')}</h2>
          <TextField label={field('title')} name="title" required minLength={2} maxLength={120} value={draft.title} error={fieldError('title')} onChange={(e) => set({ title: e.target.value })} />
          <TextField label={field('titleEn')} maxLength={160} value={draft.titleEn} error={fieldError('titleEn')} onChange={(e) => set({ titleEn: e.target.value })} />
          <TextArea label={field('description')} required minLength={10} maxLength={8000} rows={8} value={draft.description} error={fieldError('description')} onChange={(e) => set({ description: e.target.value })} />
          <div className="lc-form-row">
            <SelectField label={field('area')} value={draft.area} error={fieldError('area')}
              onChange={(e) => {
                const area = e.target.value as ProgramAreaCode;
                set({ area, subcategory: programSubcategories.entries.find((s) => s.area === area)!.code });
              }}
              options={programAreas.entries.map((a) => ({ value: a.code, label: label(a) }))} />
            <SelectField label={field('subcategory')} value={draft.subcategory} error={fieldError('subcategory')}
              onChange={(e) => set({ subcategory: e.target.value as ProgramSubcategoryCode })} options={subcategories.map((s) => ({ value: s.code, label: label(s) }))} />
          </div>
          <ChoiceGroup legend={field('targetGroups')} type="checkbox" inline selected={draft.targetGroups} error={fieldError('targetGroups')}
            options={targetGroups.entries.map((g) => ({ value: g.code, label: label(g) }))}
            onChange={(value, on) => set({ targetGroups: toggled(draft.targetGroups, value as TargetGroupCode, on) })} />
          <div className="lc-form-row">
            <TextField label={field('instructorName')} maxLength={60} value={draft.instructorName} error={fieldError('instructorName')} onChange={(e) => set({ instructorName: e.target.value })} />
            <TextField label={field('capacity')} type="number" inputMode="numeric" min={1} required value={draft.capacity} error={fieldError('capacity')} onChange={(e) => set({ capacity: e.target.value })} />
            <TextField label={field('feeKrw')} type="number" inputMode="numeric" min={0} step={1000} required value={draft.feeKrw} error={fieldError('feeKrw')} onChange={(e) => set({ feeKrw: e.target.value })} />
          </div>
          <TextArea label={field('materials')} maxLength={2000} rows={2} value={draft.materials} error={fieldError('materials')} onChange={(e) => set({ materials: e.target.value })} />
          <div className="lc-form-row">
            <SelectField label={field('registrationMode')} value={draft.registrationMode} error={fieldError('registrationMode')}
              onChange={(e) => set({ registrationMode: e.target.value as RegistrationMode })} options={registrationModes.entries.map((m) => ({ value: m.code, label: label(m) }))} />
            <TextField label={field('enrolmentOpensOn')} type="date" value={draft.enrolmentOpensOn ?? ''} error={fieldError('enrolmentOpensOn')} onChange={(e) => set({ enrolmentOpensOn: e.target.value || null })} />
            <TextField label={field('enrolmentClosesOn')} type="date" value={draft.enrolmentClosesOn ?? ''} error={fieldError('enrolmentClosesOn')} onChange={(e) => set({ enrolmentClosesOn: e.target.value || null })} />
          </div>
          <TextField label={field('registrationNote')} hint={t('office.editor.registrationNoteHint')} maxLength={500} value={draft.registrationNote}
            error={fieldError('registrationNote')} onChange={(e) => set({ registrationNote: e.target.value })} />
          <div className="lc-form-row">
            <TextField label={field('minAge')} type="number" inputMode="numeric" min={0} max={120} value={draft.minAge} error={fieldError('minAge')} onChange={(e) => set({ minAge: e.target.value })} />
            <TextField label={field('maxAge')} type="number" inputMode="numeric" min={0} max={120} value={draft.maxAge} error={fieldError('maxAge')} onChange={(e) => set({ maxAge: e.target.value })} />
          </div>
          <ChoiceGroup legend={field('residentsFirst')} type="checkbox" selected={draft.residentsFirst ? ['yes'] : []}
            options={[{ value: 'yes', label: field('residentsFirst') }]} onChange={(_value, on) => set({ residentsFirst: on })} />
          <ChoiceGroup legend={field('textReminders')} type="checkbox" selected={draft.textReminders ? ['yes'] : []}
            options={[{ value: 'yes', label: field('textReminders') }]} onChange={(_value, on) => set({ textReminders: on })} />
          <p className="lc-hint">{t('office.editor.textRemindersHint')}</p>

          <h2 className="lc-section-title">{t('office.editor.schedule')}</h2>
          <div className="lc-form-row">
            <SelectField label={field('mode')} value={draft.mode} error={fieldError('mode')} onChange={(e) => set({ mode: e.target.value as DeliveryMode })}
              options={deliveryModes.entries.filter((m) => institution.venues.length > 0 || m.code === 'online').map((m) => ({ value: m.code, label: label(m) }))} />
            {draft.mode !== 'online' && (
              <SelectField label={field('venueId')} value={String(draft.venueId ?? '')} error={fieldError('venueId')} onChange={(e) => set({ venueId: Number(e.target.value) })}
                options={institution.venues.map((v) => ({ value: String(v.id), label: `${v.name} (${t('institutions.seats', { count: v.seats })})` }))} />
            )}
          </div>
          <fieldset className="lc-fieldset">
            <legend>{t('office.editor.generator')}</legend>
            <p className="lc-hint">{t('office.editor.generatorLead')}</p>
            <div className="lc-form-row">
              <TextField label={t('office.editor.startsOn')} type="date" value={pattern.startsOn} onChange={(e) => setPattern({ ...pattern, startsOn: e.target.value })} />
              <TextField label={field('startTime')} type="time" value={draft.startTime} error={fieldError('startTime')} onChange={(e) => set({ startTime: e.target.value })} />
              <TextField label={field('endTime')} type="time" value={draft.endTime} error={fieldError('endTime')} onChange={(e) => set({ endTime: e.target.value })} />
              <TextField label={t('office.editor.sessionCount')} type="number" inputMode="numeric" min={1} max={200} value={pattern.sessionCount} onChange={(e) => setPattern({ ...pattern, sessionCount: e.target.value })} />
            </div>
            <ChoiceGroup legend={field('weekdays')} type="checkbox" inline selected={draft.weekdays} error={fieldError('weekdays')}
              options={weekdays.entries.map((d) => ({ value: d.code, label: label(d) }))}
              onChange={(value, on) => set({ weekdays: toggled(draft.weekdays, value as Weekday, on) })} />
            <div>
              <button type="button" className="krds-btn secondary" onClick={() => void generate()}
                disabled={!pattern.startsOn || draft.weekdays.length === 0 || !(Number(pattern.sessionCount) >= 1)}>{t('office.editor.generate')}</button>
            </div>
            {plan && <div role="status"><HolidayNotes plan={plan} /></div>}
          </fieldset>
          <h3 className="lc-subtitle">{t('office.editor.sessions')}</h3>
          <ol className="lc-session-editor">
            {draft.sessions.map((s, i) => (
              <li key={i}>
                <fieldset className="lc-form-row">
                  <legend>{t('office.editor.sessionLegend', { n: i + 1 })}</legend>
                  <TextField label={field('sessions.date')} type="date" required value={s.date} error={fieldError(`sessions.${i}.date`)} onChange={(e) => setSession(i, { date: e.target.value })} />
                  <TextField label={field('sessions.startTime')} type="time" required value={s.startTime} error={fieldError(`sessions.${i}.startTime`)} onChange={(e) => setSession(i, { startTime: e.target.value })} />
                  <TextField label={field('sessions.endTime')} type="time" required value={s.endTime} error={fieldError(`sessions.${i}.endTime`)} onChange={(e) => setSession(i, { endTime: e.target.value })} />
                  {draft.sessions.length > 1 && (
                    <div><button type="button" className="krds-btn small tertiary" onClick={() => set({ sessions: draft.sessions.filter((_, k) => k !== i) })}>
                      {t('office.editor.remove', { n: i + 1 })}
                    </button></div>
                  )}
                </fieldset>
              </li>
            ))}
          </ol>
          <div>
            <button type="button" className="krds-btn small secondary"
              onClick={() => set({ sessions: [...draft.sessions, { ...draft.sessions.at(-1)!, date: draft.sessions.at(-1)!.date }] })}>{t('office.editor.addSession')}</button>
          </div>
          <FormStatus error={submission.formError(FIELDS)} />
          <div className="lc-actions">
            <button type="submit" className={`krds-btn ${program.status === 'draft' ? 'secondary' : 'primary'}`} disabled={submission.busy}>{t('office.editor.save')}</button>
            {program.status === 'draft' && (
              <button type="submit" className="krds-btn primary" disabled={submission.busy} onClick={() => { publish.current = true; }}>{t('office.editor.publish')}</button>
            )}
          </div>
        </form>
      )}
      {program.registrationMode === 'lottery' && <LotteryOffice program={program} />}
      {editable && program.status === 'published' && program.registrationMode !== 'lottery' && <OfflineApplicationForm programId={program.id} onDone={onChanged} />}
      {editable && program.status !== 'draft' && <CancelProgram program={program} onDone={onChanged} />}
      <CopyProgram program={program} />
    </>
  );
}

function CancelProgram({ program, onDone }: { program: OfficeProgram; onDone(): void }) {
  const { t } = useLocale();
  const field = useFieldLabels('programs/cancellation');
  const [reason, setReason] = useState('');
  const submission = useSubmission(() => api(`/programs/${program.id}/cancellation`, { method: 'POST', body: { reason, version: program.version } }), onDone);
  return (
    <section className="lc-form" aria-labelledby="cancel-title">
      <h2 className="lc-section-title" id="cancel-title">{t('office.editor.cancel.title')}</h2>
      <TextArea label={field('reason')} rows={2} maxLength={500} value={reason} error={submission.fieldError('reason')} onChange={(e) => setReason(e.target.value)} />
      <div>
        <ConfirmAction label={t('office.editor.cancel.button')} busy={submission.busy} onConfirm={submission.onSubmit}
          question={t('office.editor.cancel.question', { title: program.title, count: program.enrolled + program.waitlisted })}
          yes={t('office.editor.cancel.yes')} no={t('office.editor.cancel.no')}>
          <FormStatus error={submission.formError(['reason'])} />
        </ConfirmAction>
      </div>
    </section>
  );
}

function CopyProgram({ program }: { program: OfficeProgram }) {
  const { t } = useLocale();
  const field = useFieldLabels('programs/copy');
  const navigate = useNavigate();
  const [startsOn, setStartsOn] = useState('');
  const submission = useSubmission(async () => {
    const copied = await api<CopyResult>(`/programs/${program.id}/copy`, { method: 'POST', body: { startsOn } });
    void navigate(`/programs/${copied.id}/edit`, { state: { copied } });
  });
  return (
    <form className="lc-form" onSubmit={submission.onSubmit} aria-labelledby="copy-title">
      <h2 className="lc-section-title" id="copy-title">{t('office.editor.copy.title')}</h2>
      <p className="lc-hint">{t('office.editor.copy.lead')}</p>
      <TextField label={field('startsOn')} type="date" required value={startsOn} error={submission.fieldError('startsOn')} onChange={(e) => setStartsOn(e.target.value)} />
      <FormStatus error={submission.formError(['startsOn'])} />
      <div><button type="submit" className="krds-btn secondary" disabled={submission.busy}>{t('office.editor.copy.button')}</button></div>
    </form>
  );
}
