/** The short survey after a course: five items from 1 to 5, and a comment if the person wants; thanks once answered. */
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import type { LearningEntry } from '../../../shared/contracts/learning-account.ts';
import type { RatingBody } from '../../../shared/contracts/satisfaction.ts';
import { satisfactionItemList, type SatisfactionItem } from '../../../shared/vocabulary/index.ts';
import { api } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { TextArea } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';

const SCORES = ['1', '2', '3', '4', '5'] as const;
/** Where the form is on the program page, for links to it. */
export const RATING_ANCHOR = 'rate';

function RatingForm({ programId, onDone }: { programId: number; onDone(): void }) {
  const { t, label } = useLocale();
  const field = useFieldLabels('programs/rating');
  const [scores, setScores] = useState<Partial<Record<SatisfactionItem, number>>>({});
  const [comment, setComment] = useState('');
  const submission = useSubmission(() => {
    const body = { ...scores, ...(comment.trim() ? { comment: comment.trim() } : {}) } as RatingBody;
    return api(`/programs/${programId}/rating`, { method: 'PUT', body });
  }, onDone);
  return (
    <form className="lc-form lc-rating" onSubmit={submission.onSubmit}>
      <p className="lc-hint">{t('satisfaction.formHint')}</p>
      {satisfactionItemList.map((item) => (
        <ChoiceGroup key={item.code} legend={label(item)} type="radio" inline required
          selected={scores[item.code] ? [String(scores[item.code])] : []}
          onChange={(value) => setScores({ ...scores, [item.code]: Number(value) })}
          options={SCORES.map((score) => ({ value: score, label: t(`satisfaction.scores.${score}`) }))} />
      ))}
      <TextArea label={field('comment')} hint={t('satisfaction.commentHint')} maxLength={1000} value={comment}
        error={submission.fieldError('comment')} onChange={(e) => setComment(e.target.value)} />
      <FormStatus error={submission.formError(['comment'])} />
      <div><button type="submit" className="krds-btn primary" disabled={submission.busy}>{t('satisfaction.send')}</button></div>
    </form>
  );
}

/** For a person who completed the program: the rating form, or thanks once they have answered. */
export function RateProgram({ programId, entry, onDone }: { programId: number; entry: LearningEntry | undefined; onDone(): void }) {
  const { t } = useLocale();
  const { hash } = useLocation();
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = entry !== undefined;
  // Arriving by a link to the form (from My learning): bring it into view.
  useEffect(() => {
    if (shown && hash === `#${RATING_ANCHOR}`) heading.current?.focus();
  }, [shown, hash]);
  if (!entry) return null;
  return (
    <section aria-labelledby={RATING_ANCHOR}>
      <h2 id={RATING_ANCHOR} ref={heading} className="lc-section-title" tabIndex={-1}>{t('satisfaction.formTitle')}</h2>
      {entry.rated ? <p className="lc-notice success">{t('satisfaction.thanks')}</p> : <RatingForm programId={programId} onDone={onDone} />}
    </section>
  );
}
