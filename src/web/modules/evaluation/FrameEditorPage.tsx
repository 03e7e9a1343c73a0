/**
 * The ministry edits a year's frame: the outcome thresholds, and each item's names, points, source and rule
 * (for an indicator: which one, and thresholds or bands of rank within the cohort, written as pairs). Saved whole,
 * with the version it was loaded at; fixed once the year's round opens.
 */
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import type { FrameBody, FrameItem, FrameView, ScoringRule } from '../../../shared/contracts/evaluation.ts';
import { evaluationSourceList, indicatorList, indicatorRuleKindList, type EvaluationSource, type IndicatorId } from '../../../shared/vocabulary/index.ts';
import { api, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { useSession } from '../../shells/session.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { Loaded, PageTitle } from '../../ui/Status.tsx';

/** "10:0.4, 20:0.7" → pairs; what does not read as numbers is left for the server to refuse. */
const pairs = (text: string) => text.split(',').map((pair) => pair.split(':').map((n) => Number(n.trim())) as [number, number]).filter(([a, b]) => !Number.isNaN(a) && !Number.isNaN(b));
const ruleText = (rule: ScoringRule | undefined) =>
  !rule ? '' : rule.kind === 'thresholds' ? rule.steps.map((s) => `${s.from}:${s.share}`).join(', ') : rule.bands.map((b) => `${b.top}:${b.share}`).join(', ');
const ruleOf = (kind: string, text: string): ScoringRule | undefined =>
  kind === 'thresholds' ? { kind, steps: pairs(text).map(([from, share]) => ({ from, share })) }
    : kind === 'rank' ? { kind, bands: pairs(text).map(([top, share]) => ({ top, share })) } : undefined;

function ItemEditor({ item, at, locked, errorOf, onChange, onRemove }: {
  item: FrameItem; at: string; locked: boolean; errorOf(field: string): string | undefined; onChange(item: FrameItem): void; onRemove(): void;
}) {
  const { t, label } = useLocale();
  const labelOf = useFieldLabels('evaluation');
  const [rule, setRule] = useState(ruleText(item.rule));
  const set = (change: Partial<FrameItem>) => onChange({ ...item, ...change });
  const kind = item.rule?.kind ?? '';
  return (
    <fieldset className="lc-fieldset">
      <legend>{item.code} · {item.titleKo}</legend>
      <div className="lc-form-row">
        <TextField label={labelOf('areas.fields.items.code')} value={item.code} disabled={locked} error={errorOf(`${at}.code`)} onChange={(e) => set({ code: e.target.value })} />
        <TextField label={labelOf('points')} inputMode="decimal" value={String(item.points)} disabled={locked} error={errorOf(`${at}.points`)} onChange={(e) => set({ points: Number(e.target.value) })} />
        <SelectField label={labelOf('areas.fields.items.source')} value={item.source} disabled={locked}
          onChange={(e) => set({ source: e.target.value as EvaluationSource, ...(e.target.value === 'indicator' ? {} : { indicatorId: undefined }) })}
          options={evaluationSourceList.map((s) => ({ value: s.code, label: label(s) }))} />
      </div>
      <TextField label={labelOf('areas.fields.items.titleKo')} value={item.titleKo} disabled={locked} error={errorOf(`${at}.titleKo`)} onChange={(e) => set({ titleKo: e.target.value })} />
      <TextField label={labelOf('areas.fields.items.titleEn')} value={item.titleEn} disabled={locked} error={errorOf(`${at}.titleEn`)} onChange={(e) => set({ titleEn: e.target.value })} />
      {item.source === 'indicator' && (
        <SelectField label={labelOf('indicatorId')} value={item.indicatorId ?? ''} disabled={locked} error={errorOf(`${at}.indicatorId`)}
          onChange={(e) => set({ indicatorId: (e.target.value || undefined) as IndicatorId | undefined })}
          options={[{ value: '', label: '—' }, ...indicatorList.map((i) => ({ value: i.code, label: label(i) }))]} />
      )}
      {(item.source === 'indicator' || item.source === 'survey') && (
        <div className="lc-form-row">
          <SelectField label={labelOf('areas.fields.items.rule.kind')} value={kind} disabled={locked}
            onChange={(e) => set({ rule: ruleOf(e.target.value, rule) })}
            options={[{ value: '', label: t('evaluation.frame.noRule') }, ...indicatorRuleKindList.map((k) => ({ value: k.code, label: label(k) }))]} />
          <TextField label={labelOf('areas.fields.items.rule')} hint={kind === 'rank' ? t('evaluation.frame.ruleBands') : t('evaluation.frame.ruleSteps')} value={rule} disabled={locked || !kind}
            error={errorOf(`${at}.rule`) ?? errorOf(`${at}.rule.steps`) ?? errorOf(`${at}.rule.bands`)}
            onChange={(e) => { setRule(e.target.value); set({ rule: ruleOf(kind, e.target.value) }); }} />
        </div>
      )}
      {!locked && <button type="button" className="krds-btn tertiary" onClick={onRemove}>{t('evaluation.frame.removeItem', { item: item.code })}</button>}
    </fieldset>
  );
}

export function FrameEditorPage() {
  const { t } = useLocale();
  const labelOf = useFieldLabels('evaluation');
  const { year = '' } = useParams();
  const session = useSession();
  const allowed = session.can('evaluation.frame.manage');
  const frame = useApi<FrameView>(allowed ? `/evaluation/frames/${year}` : null);
  const [draft, setDraft] = useState<FrameBody | null>(null);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  useEffect(() => {
    if (!frame.data) return;
    const { year: _y, locked: _l, copiedFrom: _c, updatedAt: _u, updatedByName: _n, ...body } = frame.data;
    setDraft(body);
  }, [frame.data]);
  const submission = useSubmission(async () => {
    const saved = await api<FrameView>(`/evaluation/frames/${year}`, { method: 'PUT', body: draft });
    setSavedVersion(saved.version);
  }, frame.reload);
  if (!session.ready) return null;
  if (!allowed) return <p className="lc-notice">{t('evaluation.notAllowed')}</p>;
  const errorOf = (field: string) => submission.fieldError(field);
  return (
    <Loaded state={frame}>
      {(view) => !draft ? null : (
        <>
          <PageTitle title={t('evaluation.frame.title', { year })} lead={t('evaluation.frame.lead')} />
          <p className="lc-meta">{view.copiedFrom ? t('evaluation.frame.copiedFrom', { year: view.copiedFrom }) : t('evaluation.frame.fromDefault')}</p>
          {view.locked && <p className="lc-notice" role="status">{t('evaluation.frame.lockedNotice', { year })}</p>}
          <form className="lc-form" onSubmit={submission.onSubmit}>
            <h2 className="lc-section-title">{t('evaluation.frame.thresholds')}</h2>
            <div className="lc-form-row">
              <TextField label={labelOf('deferredBelow')} inputMode="decimal" value={String(draft.deferredBelow)} disabled={view.locked} error={errorOf('deferredBelow')}
                onChange={(e) => setDraft({ ...draft, deferredBelow: Number(e.target.value) })} />
              <TextField label={labelOf('excellentShare')} inputMode="decimal" value={String(draft.excellentShare)} disabled={view.locked} error={errorOf('excellentShare')}
                onChange={(e) => setDraft({ ...draft, excellentShare: Number(e.target.value) })} />
              <TextField label={labelOf('objectionDays')} inputMode="numeric" value={String(draft.objectionDays)} disabled={view.locked} error={errorOf('objectionDays')}
                onChange={(e) => setDraft({ ...draft, objectionDays: Number(e.target.value) })} />
            </div>
            {draft.areas.map((area, a) => (
              <section key={a}>
                <h2 className="lc-section-title">{t('evaluation.frame.area', { n: a + 1 })} · {area.titleKo} ({area.titleEn})</h2>
                {area.fields.map((field, f) => (
                  <section key={f}>
                    <h3>{t('evaluation.frame.field', { n: f + 1 })} · {field.titleKo} ({field.titleEn})</h3>
                    {field.items.map((item, i) => {
                      const replaceItems = (items: FrameItem[]) => setDraft({
                        ...draft,
                        areas: draft.areas.map((x, ai) => ai !== a ? x : { ...x, fields: x.fields.map((y, fi) => fi !== f ? y : { ...y, items }) }),
                      });
                      return (
                        <ItemEditor key={`${item.code}-${i}`} item={item} at={`areas.${a}.fields.${f}.items.${i}`} locked={view.locked} errorOf={errorOf}
                          onChange={(changed) => replaceItems(field.items.map((x, ii) => (ii === i ? changed : x)))}
                          onRemove={() => replaceItems(field.items.filter((_, ii) => ii !== i))} />
                      );
                    })}
                    {!view.locked && (
                      <button type="button" className="krds-btn tertiary" onClick={() => setDraft({
                        ...draft,
                        areas: draft.areas.map((x, ai) => ai !== a ? x : {
                          ...x,
                          fields: x.fields.map((y, fi) => fi !== f ? y : {
                            ...y, items: [...y.items, { code: `${a + 1}.${f + 1}.${y.items.length + 1}`, titleKo: '새 항목', titleEn: 'New item', guidanceKo: '', guidanceEn: '', points: 1, source: 'judgement' }],
                          }),
                        }),
                      })}>{t('evaluation.frame.addItem')} ({field.titleKo})</button>
                    )}
                  </section>
                ))}
              </section>
            ))}
            <p className="lc-result-count" aria-live="polite">
              {t('evaluation.frame.total', { points: Math.round(draft.areas.flatMap((x) => x.fields.flatMap((y) => y.items)).reduce((sum, item) => sum + item.points, 0) * 100) / 100 })}
            </p>
            <FormStatus error={submission.formError(['deferredBelow', 'excellentShare', 'objectionDays', ...draft.areas.map((_, a) => `areas.${a}`)])} />
            {submission.done && savedVersion !== null && <p className="lc-notice success" role="status">{t('evaluation.frame.saved', { version: savedVersion })}</p>}
            {!view.locked && <div><button type="submit" className="krds-btn primary" disabled={submission.busy}>{t('evaluation.frame.save')}</button></div>}
          </form>
        </>
      )}
    </Loaded>
  );
}
