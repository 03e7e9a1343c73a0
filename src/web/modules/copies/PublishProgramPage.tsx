/**
 * Publishing a new program for an institution (/institutions/:id/programs/new). Before publishing, the
 * listing is compared with other institutions' programs; if it nearly copies one, the staff member sees
 * them side by side with the similarity and chooses to rewrite the listing or to publish anyway.
 */
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { DraftCheckResult } from '../../../shared/contracts/copies.ts';
import type { InstitutionDetail } from '../../../shared/contracts/institutions.ts';
import type { CreateProgramBody, ProgramDetail } from '../../../shared/contracts/programs.ts';
import {
  deliveryModes, programAreas, programSubcategories, targetGroups, weekdays,
  type DeliveryMode, type ProgramAreaCode, type ProgramSubcategoryCode, type TargetGroupCode, type Weekday,
} from '../../../shared/vocabulary/index.ts';
import { api, ApiError } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { InstitutionStaffPage } from '../institutions/InstitutionStaffPage.tsx';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { ListingCard, percent } from './ListingCard.tsx';

interface Draft {
  title: string;
  description: string;
  area: ProgramAreaCode;
  subcategory: ProgramSubcategoryCode;
  targetGroups: TargetGroupCode[];
  mode: DeliveryMode;
  venueId: string;
  startsOn: string;
  weekdays: Weekday[];
  startTime: string;
  endTime: string;
  sessionCount: string;
  capacity: string;
  feeKrw: string;
}

const FIELDS = ['title', 'description', 'area', 'subcategory', 'targetGroups', 'mode', 'venueId', 'startsOn', 'weekdays', 'startTime', 'endTime', 'sessionCount', 'capacity', 'feeKrw'];

const toggled = <T,>(list: readonly T[], value: T, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));

export function PublishProgramPage() {
  const { t } = useLocale();
  return <InstitutionStaffPage permission="program.create" notAllowed={t('copies.notAllowed')}>{(i) => <PublishForm institution={i} />}</InstitutionStaffPage>;
}

function PublishForm({ institution }: { institution: InstitutionDetail }) {
  const { t, label } = useLocale();
  const field = useFieldLabels('programs');
  const navigate = useNavigate();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<Draft>({
    title: '', description: '', area: 'culture_arts', subcategory: 'everyday_arts', targetGroups: ['all'],
    mode: institution.venues.length > 0 ? 'in_person' : 'online', venueId: String(institution.venues[0]?.id ?? ''),
    startsOn: '', weekdays: [], startTime: '10:00', endTime: '12:00', sessionCount: '8', capacity: '20', feeKrw: '0',
  });
  /** The near-copies found for the listing as it was when checked; a changed listing is checked again. */
  const [warning, setWarning] = useState<{ listing: string; result: DraftCheckResult } | null>(null);
  const publishAnyway = useRef(false);
  const listing = `${draft.title}\n${draft.description}`;
  const shownWarning = warning?.listing === listing ? warning.result : null;
  const set = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));

  const submission = useSubmission(async () => {
    const anyway = publishAnyway.current;
    publishAnyway.current = false;
    if (!anyway) {
      // The check takes the listing under the same rules as publishing: a listing it refuses, publishing refuses
      // too, with every other problem of the form beside it.
      const result = await api<DraftCheckResult>(`/institutions/${institution.id}/copies/check`, {
        method: 'POST', body: { title: draft.title, description: draft.description, area: draft.area },
      }).catch((error: unknown) => {
        if (error instanceof ApiError && error.code === 'validation') return null;
        throw error;
      });
      if (result && result.matches.length > 0) {
        setWarning({ listing, result });
        return;
      }
    }
    const body: CreateProgramBody = {
      institutionId: institution.id, title: draft.title, description: draft.description, area: draft.area, subcategory: draft.subcategory,
      targetGroups: draft.targetGroups, mode: draft.mode, startsOn: draft.startsOn, weekdays: draft.weekdays, startTime: draft.startTime,
      endTime: draft.endTime, sessionCount: Number(draft.sessionCount), capacity: Number(draft.capacity), feeKrw: Number(draft.feeKrw),
      ...(draft.mode === 'online' ? {} : { venueId: Number(draft.venueId) }),
    };
    const created = await api<ProgramDetail>('/programs', { method: 'POST', body });
    void navigate(`/programs/${created.id}`);
  });
  const { fieldError } = submission;
  const editListing = () => (form.current?.elements.namedItem('description') as HTMLTextAreaElement | null)?.focus();
  const subcategories = programSubcategories.entries.filter((s) => s.area === draft.area);

  return (
    <>
      <h1 className="lc-title">{t('copies.publishTitle')}</h1>
      <p className="lc-lead">{t('copies.publishLead', { institution: institution.name })}</p>
      {/* The server checks every field at once and says what is wrong beside each; the browser would stop at the first. */}
      <form className="lc-form" ref={form} onSubmit={submission.onSubmit} noValidate>
        <h2 className="lc-section-title">{t('copies.listing')}</h2>
        <TextField label={field('title')} hint={t('copies.titleHint')} name="title" required minLength={2} maxLength={120}
          value={draft.title} error={fieldError('title')} onChange={(e) => set({ title: e.target.value })} />
        <TextArea label={field('description')} hint={t('copies.descriptionHint')} name="description" required minLength={10} maxLength={8000} rows={8}
          value={draft.description} error={fieldError('description')} onChange={(e) => set({ description: e.target.value })} />
        <div className="lc-form-row">
          <SelectField label={field('area')} value={draft.area} error={fieldError('area')}
            onChange={(e) => {
              const area = e.target.value as ProgramAreaCode;
              set({ area, subcategory: programSubcategories.entries.find((s) => s.area === area)!.code });
            }}
            options={programAreas.entries.map((a) => ({ value: a.code, label: label(a) }))} />
          <SelectField label={field('subcategory')} value={draft.subcategory} error={fieldError('subcategory')}
            onChange={(e) => set({ subcategory: e.target.value as ProgramSubcategoryCode })}
            options={subcategories.map((s) => ({ value: s.code, label: label(s) }))} />
        </div>
        <ChoiceGroup legend={field('targetGroups')} type="checkbox" inline selected={draft.targetGroups} error={fieldError('targetGroups')}
          options={targetGroups.entries.map((g) => ({ value: g.code, label: label(g) }))}
          onChange={(value, on) => set({ targetGroups: toggled(draft.targetGroups, value as TargetGroupCode, on) })} />

        <h2 className="lc-section-title">{t('copies.schedule')}</h2>
        <div className="lc-form-row">
          <SelectField label={field('mode')} value={draft.mode} error={fieldError('mode')}
            onChange={(e) => set({ mode: e.target.value as DeliveryMode })}
            options={deliveryModes.entries.filter((m) => institution.venues.length > 0 || m.code === 'online').map((m) => ({ value: m.code, label: label(m) }))} />
          {draft.mode !== 'online' && (
            <SelectField label={field('venueId')} value={draft.venueId} error={fieldError('venueId')} onChange={(e) => set({ venueId: e.target.value })}
              options={institution.venues.map((v) => ({ value: String(v.id), label: `${v.name} (${t('institutions.seats', { count: v.seats })})` }))} />
          )}
        </div>
        {institution.venues.length === 0 && <p className="lc-hint">{t('copies.noVenue')}</p>}
        <div className="lc-form-row">
          <TextField label={field('startsOn')} type="date" required value={draft.startsOn} error={fieldError('startsOn')} onChange={(e) => set({ startsOn: e.target.value })} />
          <TextField label={field('startTime')} type="time" required value={draft.startTime} error={fieldError('startTime')} onChange={(e) => set({ startTime: e.target.value })} />
          <TextField label={field('endTime')} type="time" required value={draft.endTime} error={fieldError('endTime')} onChange={(e) => set({ endTime: e.target.value })} />
        </div>
        <ChoiceGroup legend={field('weekdays')} type="checkbox" inline selected={draft.weekdays} error={fieldError('weekdays')}
          options={weekdays.entries.map((d) => ({ value: d.code, label: label(d) }))}
          onChange={(value, on) => set({ weekdays: toggled(draft.weekdays, value as Weekday, on) })} />
        <div className="lc-form-row">
          <TextField label={field('sessionCount')} type="number" inputMode="numeric" min={1} max={200} required value={draft.sessionCount}
            error={fieldError('sessionCount')} onChange={(e) => set({ sessionCount: e.target.value })} />
          <TextField label={field('capacity')} type="number" inputMode="numeric" min={1} required value={draft.capacity}
            error={fieldError('capacity')} onChange={(e) => set({ capacity: e.target.value })} />
          <TextField label={field('feeKrw')} hint={t('copies.feeHint')} type="number" inputMode="numeric" min={0} step={1000} required value={draft.feeKrw}
            error={fieldError('feeKrw')} onChange={(e) => set({ feeKrw: e.target.value })} />
        </div>

        {shownWarning && <CopyWarning result={shownWarning} onEdit={editListing} onPublish={() => { publishAnyway.current = true; }} busy={submission.busy} />}
        <FormStatus error={submission.formError(FIELDS)} />
        {submission.busy && <p role="status">{t('copies.checking')}</p>}
        {!shownWarning && <div><button type="submit" className="krds-btn primary" disabled={submission.busy}>{t('copies.checkAndPublish')}</button></div>}
      </form>
    </>
  );
}

/** The near-copies, side by side with their similarity, and the two ways on. */
function CopyWarning({ result, onEdit, onPublish, busy }: { result: DraftCheckResult; onEdit(): void; onPublish(): void; busy: boolean }) {
  const { t } = useLocale();
  return (
    <section className="lc-copy-warning" role="alert" aria-labelledby="copy-warning-title">
      <h2 className="lc-subtitle" id="copy-warning-title">{t('copies.warningTitle')}</h2>
      <p>{t('copies.warningLead', { percent: percent(result.threshold) })}</p>
      <div className="lc-grid">
        {result.matches.map((match) => (
          <ListingCard key={match.programId} side={match} heading={t('copies.similarityValue', { percent: percent(match.similarity) })}>
            {match.sameArea && <p><span className="krds-badge bg-light-secondary">{t('copies.sameArea')}</span></p>}
          </ListingCard>
        ))}
      </div>
      <div className="lc-actions">
        <button type="button" className="krds-btn primary" onClick={onEdit}>{t('copies.editListing')}</button>
        <button type="submit" className="krds-btn secondary" disabled={busy} onClick={onPublish}>{t('copies.publishAnyway')}</button>
      </div>
    </section>
  );
}
