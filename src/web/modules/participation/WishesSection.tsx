/** A resident tells their city what they would like to learn (their stated need), and sees what they said. */
import { useState } from 'react';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { LearningWish } from '../../../shared/contracts/participation.ts';
import { programAreas, programSubcategories, targetGroups, type ProgramAreaCode, type TargetGroupCode } from '../../../shared/vocabulary/index.ts';
import { api, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { Loaded } from '../../ui/Status.tsx';

export function WishesSection() {
  const { t, label, date } = useLocale();
  const fieldInWishes = useFieldLabels('me/wishes');
  const wishes = useApi<PageOf<LearningWish>>('/me/wishes?pageSize=20');
  const [area, setArea] = useState<ProgramAreaCode>('liberal_arts');
  const [subcategory, setSubcategory] = useState('');
  const [targetGroup, setTargetGroup] = useState<TargetGroupCode>('all');
  const [note, setNote] = useState('');
  const send = useSubmission(
    () => api('/me/wishes', { method: 'POST', body: { area, subcategory: subcategory || null, targetGroup, note } }),
    () => {
      setNote('');
      wishes.reload();
    },
  );
  const withdraw = async (id: number) => {
    await api(`/me/wishes/${id}`, { method: 'DELETE' });
    wishes.reload();
  };
  return (
    <section aria-labelledby="my-wishes" className="lc-section">
      <h2 id="my-wishes" className="lc-section-title">{t('participation.wishesTitle')}</h2>
      <p>{t('participation.wishesLead')}</p>
      <form className="lc-form" onSubmit={send.onSubmit}>
        <div className="lc-field-grid">
          <SelectField label={fieldInWishes('area')} value={area} error={send.fieldError('area')}
            onChange={(e) => { setArea(e.target.value as ProgramAreaCode); setSubcategory(''); }}
            options={programAreas.entries.map((a) => ({ value: a.code, label: label(a) }))} />
          <SelectField label={fieldInWishes('subcategory')} value={subcategory} error={send.fieldError('subcategory')} onChange={(e) => setSubcategory(e.target.value)}
            options={[{ value: '', label: t('participation.anySubcategory') }, ...programAreas.get(area).subcategories.map((s) => ({ value: s.code, label: label(s) }))]} />
          <SelectField label={fieldInWishes('targetGroup')} value={targetGroup} error={send.fieldError('targetGroup')} onChange={(e) => setTargetGroup(e.target.value as TargetGroupCode)}
            options={targetGroups.entries.map((g) => ({ value: g.code, label: label(g) }))} />
        </div>
        <TextField label={fieldInWishes('note')} placeholder={t('participation.notePlaceholder')} maxLength={500} value={note} error={send.fieldError('note')}
          onChange={(e) => setNote(e.target.value)} />
        <FormStatus error={send.formError(['area', 'subcategory', 'targetGroup', 'note'])} />
        {send.done && <p className="lc-notice success" role="status">{t('participation.sent')}</p>}
        <div><button type="submit" className="krds-btn primary" disabled={send.busy}>{t('participation.send')}</button></div>
      </form>
      <h3 className="lc-group-title">{t('participation.mine')}</h3>
      <Loaded state={wishes}>
        {(page) => page.items.length === 0 ? <p>{t('participation.none')}</p> : (
          <ul>
            {page.items.map((wish) => (
              <li key={wish.id}>
                {date(wish.createdAt)} · {label(programAreas.get(wish.area))}
                {wish.subcategory && ` · ${label(programSubcategories.get(wish.subcategory))}`} · {label(targetGroups.get(wish.targetGroup))}
                {wish.note && ` — “${wish.note}”`}{' '}
                <button type="button" className="krds-btn small tertiary" onClick={() => void withdraw(wish.id)}>{t('participation.withdraw')}</button>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </section>
  );
}
