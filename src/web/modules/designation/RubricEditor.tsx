/**
 * The rubric of a call being prepared: areas → items with points and guidance, the total kept in sight (it
 * must come to 100). Every control is a labelled field or button, so it works by keyboard and on a phone.
 */
import { useState } from 'react';
import type { RubricArea, RubricAreaView, RubricItem } from '../../../shared/contracts/designation-calls.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { TextArea, TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';

type EditedItem = Omit<RubricItem, 'points'> & { key: number; points: string };
type EditedArea = Omit<RubricArea, 'items'> & { key: number; items: EditedItem[] };

/** React keys for areas and items, which move when one before them is removed. */
let lastKey = 0;
const key = () => ++lastKey;
const blankItem = (): EditedItem => ({ key: key(), titleKo: '', titleEn: '', guidanceKo: '', guidanceEn: '', points: '' });

export function RubricEditor({ rubric, send, onDone, onReload }: {
  rubric: RubricAreaView[];
  send(areas: RubricArea[]): Promise<unknown>;
  onDone(): void;
  onReload(): void;
}) {
  const { t } = useLocale();
  const [areas, setAreas] = useState<EditedArea[]>(() => rubric.map((area) => ({
    key: key(), titleKo: area.titleKo, titleEn: area.titleEn,
    items: area.items.map((item) => ({ key: key(), titleKo: item.titleKo, titleEn: item.titleEn, guidanceKo: item.guidanceKo, guidanceEn: item.guidanceEn, points: String(item.points) })),
  })));
  const body = (): RubricArea[] => areas.map(({ key: _a, items, ...area }) => ({
    ...area, items: items.map(({ key: _i, points, ...item }) => ({ ...item, points: Number(points) })),
  }));
  const submission = useSubmission(() => send(body()), onDone);
  const { fieldError } = submission;
  const total = areas.reduce((sum, area) => sum + area.items.reduce((s, item) => s + (Number(item.points) || 0), 0), 0);

  const setArea = (a: number, change: Partial<EditedArea>) => setAreas(areas.map((area, i) => (i === a ? { ...area, ...change } : area)));
  const setItem = (a: number, n: number, change: Partial<EditedItem>) =>
    setArea(a, { items: areas[a]!.items.map((item, i) => (i === n ? { ...item, ...change } : item)) });
  const conflict = submission.error?.status === 409 && submission.error.field === 'version';
  const itemFields = ['titleKo', 'titleEn', 'guidanceKo', 'guidanceEn', 'points'] as const;
  const itemLabels = { titleKo: 'calls.itemTitleKo', titleEn: 'calls.itemTitleEn', guidanceKo: 'calls.guidanceKo', guidanceEn: 'calls.guidanceEn', points: 'calls.points' } as const;
  const shown = ['points', ...areas.flatMap((area, a) => [
    `areas.${a}.titleKo`, `areas.${a}.titleEn`, ...area.items.flatMap((_, n) => itemFields.map((f) => `areas.${a}.items.${n}.${f}`)),
  ])];

  return (
    <form className="lc-form" onSubmit={submission.onSubmit}>
      {areas.map((area, a) => (
        <fieldset key={area.key} className="lc-panel">
          <legend>{t('calls.areaLegend', { n: a + 1 })}</legend>
          <div className="lc-field-grid">
            <TextField label={t('calls.areaTitleKo')} required maxLength={200} value={area.titleKo} error={fieldError(`areas.${a}.titleKo`)}
              onChange={(e) => setArea(a, { titleKo: e.target.value })} />
            <TextField label={t('calls.areaTitleEn')} required maxLength={200} value={area.titleEn} error={fieldError(`areas.${a}.titleEn`)}
              onChange={(e) => setArea(a, { titleEn: e.target.value })} />
          </div>
          {area.items.map((item, n) => (
            <fieldset key={item.key} className="lc-subsection">
              <legend>{t('calls.itemLegend', { area: a + 1, n: n + 1 })}</legend>
              <div className="lc-field-grid">
                {(['titleKo', 'titleEn'] as const).map((f) => (
                  <TextField key={f} label={t(itemLabels[f])} required maxLength={300} value={item[f]} error={fieldError(`areas.${a}.items.${n}.${f}`)}
                    onChange={(e) => setItem(a, n, { [f]: e.target.value })} />
                ))}
                <TextField label={t('calls.points')} type="number" inputMode="numeric" min={1} max={100} required value={item.points}
                  error={fieldError(`areas.${a}.items.${n}.points`)} onChange={(e) => setItem(a, n, { points: e.target.value })} />
              </div>
              {(['guidanceKo', 'guidanceEn'] as const).map((f) => (
                <TextArea key={f} label={t(itemLabels[f])} rows={2} maxLength={4000} value={item[f]} error={fieldError(`areas.${a}.items.${n}.${f}`)}
                  onChange={(e) => setItem(a, n, { [f]: e.target.value })} />
              ))}
              {area.items.length > 1 && (
                <button type="button" className="krds-btn small tertiary" onClick={() => setArea(a, { items: area.items.filter((_, i) => i !== n) })}>
                  {t('calls.removeItem', { area: a + 1, n: n + 1 })}
                </button>
              )}
            </fieldset>
          ))}
          <div className="lc-actions">
            <button type="button" className="krds-btn small secondary" onClick={() => setArea(a, { items: [...area.items, blankItem()] })}>{t('calls.addItem', { n: a + 1 })}</button>
            {areas.length > 1 && (
              <button type="button" className="krds-btn small tertiary" onClick={() => setAreas(areas.filter((_, i) => i !== a))}>{t('calls.removeArea', { n: a + 1 })}</button>
            )}
          </div>
        </fieldset>
      ))}
      <div>
        <button type="button" className="krds-btn secondary"
          onClick={() => setAreas([...areas, { key: key(), titleKo: '', titleEn: '', items: [blankItem()] }])}>{t('calls.addArea')}</button>
      </div>
      <p className={`lc-notice${total === 100 ? ' success' : ''}`} role="status" aria-live="polite">{t('calls.totalPoints', { total })}</p>
      {fieldError('points') && <p className="lc-notice error" role="alert">{fieldError('points')}</p>}
      <FormStatus error={conflict ? t('calls.conflict') : submission.formError(shown)} />
      <div className="lc-form-row">
        <button type="submit" className="krds-btn primary" disabled={submission.busy}>{t('calls.saveRubric')}</button>
        {conflict && <button type="button" className="krds-btn secondary" onClick={onReload}>{t('calls.reload')}</button>}
      </div>
    </form>
  );
}
