/**
 * A call's terms: title and notice in both languages, the timeline in Korean time, quota, grant, waiting years
 * and the scoring rule. Once the call is published, only the stages of its timeline still ahead can be edited.
 */
import { useState } from 'react';
import type { CallCreateBody, CallDetail } from '../../../shared/contracts/designation-calls.ts';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import { scoreAggregationList, type ScoreAggregation } from '../../../shared/vocabulary/index.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { TextArea, TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';

const KST = 9 * 3600_000;
/** A moment as a `datetime-local` value in Korean time, whatever the browser's own time zone. */
const toKoreanInput = (iso: string) => new Date(Date.parse(iso) + KST).toISOString().slice(0, 16);
const fromKoreanInput = (value: string) => `${value}:00+09:00`;

const instantFields = ['opensAt', 'submissionDeadline', 'endorsementDeadline'] as const;
const dayFields = ['reviewStartsOn', 'reviewEndsOn', 'announcementOn'] as const;
const textFields = ['titleKo', 'titleEn', 'noticeKo', 'noticeEn'] as const;
const numberFields = ['quota', 'grantKrw', 'revokedWaitYears'] as const;
const shownFields = ['year', ...textFields, ...instantFields, ...dayFields, ...numberFields, 'aggregation'];

export type Terms = Record<'year' | (typeof textFields)[number] | (typeof instantFields)[number] | (typeof dayFields)[number] | (typeof numberFields)[number], string>
  & { aggregation: ScoreAggregation };

export function termsOf(call: CallDetail): Terms {
  return {
    year: String(call.year), titleKo: call.titleKo, titleEn: call.titleEn, noticeKo: call.noticeKo, noticeEn: call.noticeEn,
    opensAt: toKoreanInput(call.opensAt), submissionDeadline: toKoreanInput(call.submissionDeadline), endorsementDeadline: toKoreanInput(call.endorsementDeadline),
    reviewStartsOn: call.reviewStartsOn, reviewEndsOn: call.reviewEndsOn, announcementOn: call.announcementOn,
    quota: String(call.quota), grantKrw: String(call.grantKrw), revokedWaitYears: String(call.revokedWaitYears), aggregation: call.aggregation,
  };
}

/** What a new call starts from: the ministry's usual spring calendar. */
export function defaultTerms(year: number): Terms {
  return {
    year: String(year), titleKo: `${year}년 평생학습도시 지정 공모`, titleEn: `The ${year} Lifelong Learning City designation call`, noticeKo: '', noticeEn: '',
    opensAt: `${year}-03-02T09:00`, submissionDeadline: `${year}-04-30T18:00`, endorsementDeadline: `${year}-05-21T18:00`,
    reviewStartsOn: `${year}-06-01`, reviewEndsOn: `${year}-06-30`, announcementOn: `${year}-07-15`,
    quota: '10', grantKrw: '80000000', revokedWaitYears: '2', aggregation: 'trimmed_mean',
  };
}

const number = (text: string) => (text.trim() === '' ? null : Number(text.replace(/,/g, '')));

export function termsBody(terms: Terms): CallCreateBody {
  return {
    year: number(terms.year), titleKo: terms.titleKo, titleEn: terms.titleEn, noticeKo: terms.noticeKo, noticeEn: terms.noticeEn,
    opensAt: fromKoreanInput(terms.opensAt), submissionDeadline: fromKoreanInput(terms.submissionDeadline), endorsementDeadline: fromKoreanInput(terms.endorsementDeadline),
    reviewStartsOn: terms.reviewStartsOn, reviewEndsOn: terms.reviewEndsOn, announcementOn: terms.announcementOn,
    quota: number(terms.quota), grantKrw: number(terms.grantKrw), revokedWaitYears: number(terms.revokedWaitYears), aggregation: terms.aggregation,
  } as CallCreateBody;
}

export function CallTermsForm({ initial, published, yearEditable, submitLabel, send, onDone, onReload }: {
  initial: Terms;
  /** Published: only timeline stages still ahead may change. */
  published: boolean;
  yearEditable: boolean;
  submitLabel: string;
  send(terms: Terms): Promise<unknown>;
  onDone(terms: Terms): void;
  onReload?: () => void;
}) {
  const { t, label } = useLocale();
  const fieldInCalls = useFieldLabels('designation/calls');
  const [terms, setTerms] = useState(initial);
  const submission = useSubmission(() => send(terms), () => onDone(terms));
  const { fieldError } = submission;
  const set = (key: keyof Terms) => (e: { target: { value: string } }) => {
    const value = e.target.value;
    // The default title follows the year until someone writes their own.
    const retitled = key === 'year' && terms.titleKo === defaultTerms(Number(terms.year)).titleKo
      ? { titleKo: defaultTerms(Number(value)).titleKo, titleEn: defaultTerms(Number(value)).titleEn } : {};
    setTerms({ ...terms, ...retitled, [key]: value });
  };
  // Which stages have come is judged once, when the form opens.
  const [now] = useState(() => Date.now());
  const today = todayInKorea(new Date(now));
  const locked = (field: keyof Terms) => {
    if (!published) return false;
    if ((instantFields as readonly string[]).includes(field)) return Date.parse(fromKoreanInput(initial[field])) <= now;
    if ((dayFields as readonly string[]).includes(field)) return initial[field] <= today;
    return true;
  };
  const conflict = submission.error?.status === 409 && submission.error.field === 'version';

  return (
    <form className="lc-form" onSubmit={submission.onSubmit} noValidate={false}>
      <fieldset>
        <legend>{t('calls.basics')}</legend>
        <TextField label={fieldInCalls('year')} type="number" inputMode="numeric" min={2001} max={2100} required disabled={!yearEditable}
          value={terms.year} error={fieldError('year')} onChange={set('year')} />
        <TextField label={fieldInCalls('titleKo')} required maxLength={200} disabled={locked('titleKo')} value={terms.titleKo} error={fieldError('titleKo')} onChange={set('titleKo')} />
        <TextField label={fieldInCalls('titleEn')} required maxLength={200} disabled={locked('titleEn')} value={terms.titleEn} error={fieldError('titleEn')} onChange={set('titleEn')} />
        <TextArea label={fieldInCalls('noticeKo')} rows={6} disabled={locked('noticeKo')} value={terms.noticeKo} error={fieldError('noticeKo')} onChange={set('noticeKo')} />
        <TextArea label={fieldInCalls('noticeEn')} rows={6} disabled={locked('noticeEn')} value={terms.noticeEn} error={fieldError('noticeEn')} onChange={set('noticeEn')} />
      </fieldset>
      <fieldset>
        <legend>{t('calls.timelineLegend')}</legend>
        {instantFields.map((field) => (
          <TextField key={field} label={t(`calls.fields.${field}`)} type="datetime-local" required disabled={locked(field)}
            value={terms[field]} error={fieldError(field)} onChange={set(field)} />
        ))}
        <div className="lc-field-grid">
          {dayFields.map((field) => (
            <TextField key={field} label={t(`calls.fields.${field}`)} type="date" required disabled={locked(field)}
              value={terms[field]} error={fieldError(field)} onChange={set(field)} />
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('calls.terms')}</legend>
        <div className="lc-field-grid">
          <TextField label={fieldInCalls('quota')} type="number" inputMode="numeric" min={1} max={300} required disabled={locked('quota')}
            value={terms.quota} error={fieldError('quota')} onChange={set('quota')} />
          <TextField label={fieldInCalls('grantKrw')} type="number" inputMode="numeric" min={0} required disabled={locked('grantKrw')}
            value={terms.grantKrw} error={fieldError('grantKrw')} onChange={set('grantKrw')} />
          <TextField label={fieldInCalls('revokedWaitYears')} hint={t('calls.waitHint')} type="number" inputMode="numeric" min={0} max={20} required
            disabled={locked('revokedWaitYears')} value={terms.revokedWaitYears} error={fieldError('revokedWaitYears')} onChange={set('revokedWaitYears')} />
        </div>
        {locked('aggregation')
          ? <p><strong>{t('calls.aggregationField')}</strong>: {label(scoreAggregationList.find((a) => a.code === terms.aggregation)!)}</p>
          : (
            <ChoiceGroup legend={t('calls.aggregationField')} type="radio" selected={[terms.aggregation]}
              options={scoreAggregationList.map((a) => ({ value: a.code, label: label(a) }))}
              onChange={(value) => setTerms({ ...terms, aggregation: value as ScoreAggregation })} />
          )}
        {fieldError('aggregation') && <p className="form-hint-invalid">{fieldError('aggregation')}</p>}
      </fieldset>
      <FormStatus error={conflict ? t('calls.conflict') : submission.formError(shownFields)} />
      <div className="lc-form-row">
        <button type="submit" className="krds-btn primary" disabled={submission.busy}>{submitLabel}</button>
        {conflict && onReload && <button type="button" className="krds-btn secondary" onClick={onReload}>{t('calls.reload')}</button>}
      </div>
    </form>
  );
}
