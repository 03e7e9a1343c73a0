/** The ministry sets the composite index's weights per area; every set is a new version, the old ones kept. */
import { useState } from 'react';
import type { WeightSet } from '../../../shared/contracts/indicators.ts';
import { indicatorGroups } from '../../../shared/vocabulary/index.ts';
import { api, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { Loaded } from '../../ui/Status.tsx';

function WeightsForm({ current, onSaved }: { current: WeightSet; onSaved(): void }) {
  const { t, label } = useLocale();
  const fieldInWeights = useFieldLabels('indicators/weights');
  const [weights, setWeights] = useState<Record<string, string>>(() =>
    Object.fromEntries(indicatorGroups.codes.map((g) => [g, String(current.groupWeights[g] ?? 1)])));
  const [note, setNote] = useState('');
  const submission = useSubmission(() => api('/indicators/weights', {
    method: 'POST', body: { groupWeights: Object.fromEntries(Object.entries(weights).map(([g, w]) => [g, Number(w)])), note },
  }), onSaved);
  return (
    <form className="lc-form" onSubmit={submission.onSubmit}>
      <div className="lc-field-grid">
        {indicatorGroups.entries.map((group) => (
          <TextField key={group.code} label={label(group)} type="number" min={0} max={100} step="any" value={weights[group.code] ?? ''}
            error={submission.fieldError(`groupWeights.${group.code}`)} onChange={(e) => setWeights({ ...weights, [group.code]: e.target.value })} />
        ))}
      </div>
      <TextField label={fieldInWeights('note')} required maxLength={500} value={note} error={submission.fieldError('note')} onChange={(e) => setNote(e.target.value)} />
      <FormStatus error={submission.formError(['note', ...indicatorGroups.codes.map((g) => `groupWeights.${g}`)])} done={submission.done} />
      <div><button type="submit" className="krds-btn primary" disabled={submission.busy}>{t('indicators.saveWeights')}</button></div>
    </form>
  );
}

export function WeightsEditor({ onSaved }: { onSaved(): void }) {
  const { t, dateTime } = useLocale();
  const history = useApi<WeightSet[]>('/indicators/weights');
  return (
    <section aria-labelledby="weights-title">
      <h2 className="lc-section-title" id="weights-title">{t('indicators.weightsTitle')}</h2>
      <p>{t('indicators.weightsLead')}</p>
      <Loaded state={history}>
        {(sets) => (
          <>
            <WeightsForm key={sets[0]!.id} current={sets[0]!} onSaved={() => { history.reload(); onSaved(); }} />
            <h3 className="lc-group-title">{t('indicators.weightHistory')}</h3>
            <ul>
              {sets.filter((s) => s.id > 0).map((s) => (
                <li key={s.id}>{t('indicators.weightVersion', { version: s.id, when: dateTime(s.createdAt), who: s.createdByName ?? '—', note: s.note })}</li>
              ))}
            </ul>
          </>
        )}
      </Loaded>
    </section>
  );
}
