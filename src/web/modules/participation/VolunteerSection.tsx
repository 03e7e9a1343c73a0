/** On My learning: register as a volunteer of my city (what kind, in which areas); the hours recorded then show in my record. */
import { useState } from 'react';
import type { Volunteer } from '../../../shared/contracts/participation.ts';
import { programAreas, volunteerKinds, type ProgramAreaCode, type VolunteerKind } from '../../../shared/vocabulary/index.ts';
import { api } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { TextArea } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';

export function VolunteerSection({ cityCode, onRegistered }: { cityCode: string; onRegistered(): void }) {
  const { t, label } = useLocale();
  const field = useFieldLabels('cities/volunteers');
  const [kind, setKind] = useState<VolunteerKind>('volunteer');
  const [areas, setAreas] = useState<ProgramAreaCode[]>([]);
  const [bio, setBio] = useState('');
  const send = useSubmission(() => api<Volunteer>(`/cities/${cityCode}/volunteers`, { method: 'POST', body: { kind, areas, bio } }), onRegistered);
  return (
    <details className="lc-section">
      <summary>{t('participation.volunteerTitle')}</summary>
      <p>{t('participation.volunteerLead')}</p>
      {/* Registered once per kind: the form gives way to what happens next. */}
      {send.done ? <p className="lc-notice success" role="status">{t('participation.volunteerDone')}</p> : (
        <form className="lc-form" onSubmit={send.onSubmit} noValidate>
          <ChoiceGroup legend={field('kind')} type="radio" selected={[kind]} error={send.fieldError('kind')}
            options={volunteerKinds.entries.map((k) => ({ value: k.code, label: label(k) }))} onChange={(value) => setKind(value as VolunteerKind)} />
          <ChoiceGroup legend={field('areas')} type="checkbox" selected={areas} error={send.fieldError('areas')}
            options={programAreas.entries.map((a) => ({ value: a.code, label: label(a) }))}
            onChange={(value, on) => setAreas(on ? [...areas, value as ProgramAreaCode] : areas.filter((a) => a !== value))} />
          <TextArea label={field('bio')} value={bio} maxLength={1000} rows={2} error={send.fieldError('bio')} onChange={(e) => setBio(e.target.value)} />
          <FormStatus error={send.formError(['kind', 'areas', 'bio'])} />
          <div><button type="submit" className="krds-btn primary" disabled={send.busy}>{t('participation.volunteerSend')}</button></div>
        </form>
      )}
    </details>
  );
}
