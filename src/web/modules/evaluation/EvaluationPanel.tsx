/**
 * The city console's re-designation tab: the rounds the city was in, and the chosen one — every item with its
 * score, the indicator's value and when it was computed, and the reason (reviewers' scores from the preliminary
 * result on); the city's self-assessment and evidence per item while the round is open; its objection.
 */
import { useState } from 'react';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { CityRoundSummary, CityRoundView, FrameItem } from '../../../shared/contracts/evaluation.ts';
import { designationStates, evaluationOutcomes, evaluationSources, roundStatuses } from '../../../shared/vocabulary/index.ts';
import { api, useApi } from '../../api/client.ts';
import { DOCUMENT_ACCEPT, useDocumentUpload } from '../../api/useDocumentUpload.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { SelectField, TextArea } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { Loaded } from '../../ui/Status.tsx';
import { UploadStatus } from '../../ui/UploadStatus.tsx';
import type { ConsolePanelProps } from '../city-console/console-tabs.ts';

const itemsOf = (view: CityRoundView) => view.frame.areas.flatMap((area) => area.fields.flatMap((field) => field.items));

function SelfAssessment({ view, item, onSaved }: { view: CityRoundView; item: FrameItem; onSaved(): void }) {
  const { t, locale } = useLocale();
  const field = useFieldLabels('evaluation/rounds/cities/self-assessments');
  const [text, setText] = useState(view.selfAssessments.find((s) => s.itemCode === item.code)?.text ?? '');
  const name = locale === 'en' ? item.titleEn : item.titleKo;
  const submission = useSubmission(() => api(`/evaluation/rounds/${view.year}/cities/${view.cityCode}/self-assessments`, {
    method: 'PUT', body: { itemCode: item.code, text },
  }), onSaved);
  return (
    <form className="lc-inline-form" onSubmit={submission.onSubmit}>
      <TextArea label={field('text')} hint={`${item.code} ${name}`} value={text} maxLength={4000} error={submission.fieldError('text')}
        onChange={(e) => setText(e.target.value)} />
      <FormStatus error={submission.formError(['text'])} />
      {submission.done && <p className="lc-notice success" role="status">{t('evaluation.city.selfSaved')}</p>}
      <div><button type="submit" className="krds-btn secondary" disabled={submission.busy || text.trim() === ''}>{t('evaluation.city.saveSelf')}</button></div>
    </form>
  );
}

/** Choosing the item and a file uploads it at once; a file over 20 MB is refused here, before it is sent. */
function EvidenceUpload({ view, onUploaded }: { view: CityRoundView; onUploaded(): void }) {
  const { t, locale } = useLocale();
  const items = itemsOf(view);
  const [itemCode, setItemCode] = useState(items.find((i) => i.source === 'evidence')?.code ?? items[0]!.code);
  const { state, upload } = useDocumentUpload(
    (file) => `/evaluation/rounds/${view.year}/cities/${view.cityCode}/evidence?itemCode=${encodeURIComponent(itemCode)}&name=${encodeURIComponent(file.name)}`,
    onUploaded,
  );
  return (
    <div className="lc-inline-form">
      <div className="lc-form-row">
        <SelectField label={t('evaluation.city.evidenceItem')} value={itemCode} onChange={(e) => setItemCode(e.target.value)}
          options={items.map((i) => ({ value: i.code, label: `${i.code} ${locale === 'en' ? i.titleEn : i.titleKo}` }))} />
        <label className="krds-btn secondary lc-file-button">
          {t('evaluation.city.upload')}
          <span className="sr-only"> — {t('evaluation.city.evidenceFile')}</span>
          <input type="file" className="sr-only" disabled={state.busy !== undefined} onChange={(e) => void upload(e)} accept={DOCUMENT_ACCEPT} />
        </label>
      </div>
      <p className="lc-hint">{t('evaluation.city.evidenceFile')}</p>
      <UploadStatus state={state} busy={(name) => `${name}…`} done={() => t('evaluation.city.uploaded')} />
    </div>
  );
}

function Objection({ view, onFiled }: { view: CityRoundView; onFiled(): void }) {
  const { t, locale, date } = useLocale();
  const objectionField = useFieldLabels('evaluation/rounds/cities/objection');
  const [form, setForm] = useState({ itemCode: '', text: '' });
  const submission = useSubmission(() => api(`/evaluation/rounds/${view.year}/cities/${view.cityCode}/objection`, {
    method: 'POST', body: { itemCode: form.itemCode || null, text: form.text },
  }), onFiled);
  if (view.objection) {
    const o = view.objection;
    return (
      <section>
        <h3>{t('evaluation.city.objection')}</h3>
        <blockquote className="lc-card">{o.itemCode ? `${o.itemCode}: ` : ''}{o.text}</blockquote>
        {o.answer
          ? <p className="lc-card"><strong>{t('evaluation.city.answer')} ({o.answeredByName})</strong>: {o.answer}{o.revisedScore !== null && <> · {t('evaluation.city.revisedScore', { score: o.revisedScore })}</>}</p>
          : <p className="lc-meta">{t('evaluation.city.waitingAnswer')}</p>}
      </section>
    );
  }
  if (!view.mayObject || !view.objectionsUntil) return null;
  return (
    <form className="lc-form" onSubmit={submission.onSubmit}>
      <h3>{t('evaluation.city.objection')}</h3>
      <p className="lc-meta">{t('evaluation.city.objectionLead', { date: date(view.objectionsUntil) })}</p>
      <SelectField label={objectionField('itemCode')} value={form.itemCode} error={submission.fieldError('itemCode')} onChange={(e) => setForm({ ...form, itemCode: e.target.value })}
        options={[{ value: '', label: t('evaluation.city.wholeResult') }, ...itemsOf(view).map((i) => ({ value: i.code, label: `${i.code} ${locale === 'en' ? i.titleEn : i.titleKo}` }))]} />
      <TextArea label={objectionField('text')} required minLength={10} maxLength={4000} value={form.text} error={submission.fieldError('text')}
        onChange={(e) => setForm({ ...form, text: e.target.value })} />
      <FormStatus error={submission.formError(['itemCode', 'text'])} />
      <div><button type="submit" className="krds-btn primary" disabled={submission.busy}>{t('evaluation.city.object')}</button></div>
    </form>
  );
}

function RoundOfCity({ cityCode, year }: { cityCode: string; year: number }) {
  const { t, label, locale, dateTime } = useLocale();
  const round = useApi<CityRoundView>(`/evaluation/rounds/${year}/cities/${cityCode}`);
  return (
    <Loaded state={round}>
      {(view) => {
        const items = itemsOf(view);
        const result = view.result;
        return (
          <>
            <p className="lc-meta">
              {t('evaluation.city.status')}: {label(roundStatuses.get(view.status))} · {t('evaluation.city.stateBefore')}: {label(designationStates.get(view.stateBefore))}
            </p>
            {result && (
              <>
                <p className="lc-result-count">
                  {t('evaluation.city.total', { total: result.total })}
                  {view.outcome ? ` · ${t('evaluation.city.outcome', { outcome: label(evaluationOutcomes.get(view.outcome)) })}`
                    : view.proposed ? ` · ${t('evaluation.city.proposed', { outcome: label(evaluationOutcomes.get(view.proposed)) })}` : ''}
                </p>
                {!view.proposed && <p className="lc-hint">{t('evaluation.city.hiddenUntilPreliminary')}</p>}
                <div className="lc-table-wrap" tabIndex={0} role="region" aria-label={t('evaluation.city.items')}>
                  <table className="lc-table">
                    <caption>{t('evaluation.city.items')}</caption>
                    <thead>
                      <tr>{(['item', 'source', 'points', 'value', 'score', 'reason'] as const).map((c) => <th key={c} scope="col">{t(`evaluation.city.columns.${c}`)}</th>)}</tr>
                    </thead>
                    <tbody>
                      {result.items.map((r) => {
                        const item = items.find((i) => i.code === r.code);
                        return (
                          <tr key={r.code}>
                            <th scope="row">{r.code} {item ? (locale === 'en' ? item.titleEn : item.titleKo) : ''}</th>
                            <td>{label(evaluationSources.get(r.source))}</td>
                            <td>{r.points}</td>
                            <td>{r.value === null ? '—' : `${r.value}${r.valueAt ? ` (${dateTime(r.valueAt)})` : ''}`}</td>
                            <td>{r.score ?? '—'}</td>
                            <td>{locale === 'en' ? r.reasonEn : r.reasonKo}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              </>
            )}
            {view.evidence.length > 0 && (
              <section>
                <h3>{t('evaluation.city.evidence')}</h3>
                <ul>
                  {view.evidence.map((e) => (
                    <li key={e.id}><a href={`/api/evaluation/rounds/${view.year}/cities/${view.cityCode}/evidence/${e.id}`}>{e.itemCode} · {e.fileName}</a></li>
                  ))}
                </ul>
              </section>
            )}
            {view.mayEdit && (
              <>
                <h3>{t('evaluation.city.evidence')}</h3>
                <EvidenceUpload view={view} onUploaded={round.reload} />
                {items.map((item) => <SelfAssessment key={item.code} view={view} item={item} onSaved={round.reload} />)}
              </>
            )}
            <Objection view={view} onFiled={round.reload} />
          </>
        );
      }}
    </Loaded>
  );
}

export default function EvaluationPanel({ cityCode }: ConsolePanelProps) {
  const { t, label } = useLocale();
  const rounds = useApi<PageOf<CityRoundSummary>>(`/evaluation/cities/${cityCode}/rounds?pageSize=20`);
  const [chosen, setChosen] = useState<number | null>(null);
  return (
    <section>
      <h2 className="lc-section-title">{t('evaluation.city.title')}</h2>
      <Loaded state={rounds}>
        {(page) => {
          if (page.items.length === 0) return <p className="lc-notice">{t('evaluation.city.none')}</p>;
          const year = chosen ?? page.items[0]!.year;
          return (
            <>
              {page.items.length > 1 && (
                <SelectField label={t('evaluation.home.year')} value={String(year)} onChange={(e) => setChosen(Number(e.target.value))}
                  options={page.items.map((r) => ({ value: String(r.year), label: `${t('evaluation.city.roundOf', { year: r.year })} · ${label(roundStatuses.get(r.status))}` }))} />
              )}
              <h3>{t('evaluation.city.roundOf', { year })}</h3>
              <RoundOfCity key={year} cityCode={cityCode} year={year} />
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
