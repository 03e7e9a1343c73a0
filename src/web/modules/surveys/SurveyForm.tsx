/**
 * A questionnaire as a form, any instrument: its sections as groups, a 5-point item as five radio buttons, a
 * choice question as radio buttons or check boxes, a free-text question as a text area. Each question shows the
 * server's problem with it beside it (`answers.<code>`); `before` adds fields above (the paper form's email).
 */
import { useState, type ReactNode } from 'react';
import type { InstrumentBody, SurveyAnswer, SurveyQuestion } from '../../../shared/contracts/surveys.ts';
import { levelPoints, likertPoints, needLevels } from '../../../shared/vocabulary/index.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { TextArea } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';

type Given = { score?: number; text?: string; choices?: string[]; current?: number; required?: number };

/** The answers as the API takes them: unanswered questions and empty texts left out. */
function answersOf(given: Record<string, Given>): SurveyAnswer[] {
  return Object.entries(given).flatMap(([question, g]): SurveyAnswer[] => {
    if (g.score !== undefined) return [{ question, score: g.score }];
    if (g.current !== undefined || g.required !== undefined) return [{ question, current: g.current, required: g.required }];
    if (g.text?.trim()) return [{ question, text: g.text.trim() }];
    if (g.choices?.length) return [{ question, choices: g.choices }];
    return [];
  });
}

export function SurveyForm({ definition, send, onDone, before, beforeFields = [] }: {
  definition: InstrumentBody;
  send(answers: SurveyAnswer[]): Promise<unknown>;
  onDone(): void;
  before?: ReactNode;
  /** The fields `before` shows problems beside. */
  beforeFields?: string[];
}) {
  const { t, locale } = useLocale();
  const [given, setGiven] = useState<Record<string, Given>>({});
  const submission = useSubmission(() => send(answersOf(given)), () => {
    setGiven({});
    onDone();
  });
  const words = (entry: { ko: string; en: string }) => entry[locale];
  const set = (code: string, answer: Given) => setGiven({ ...given, [code]: answer });
  const questionCodes = definition.sections.flatMap((s) => s.questions.map((q) => `answers.${q.code}`));

  const question = (q: SurveyQuestion, number: number) => {
    const legend = `${number}. ${words(q)}${q.required ? '' : ` (${t('surveys.optional')})`}`;
    const error = submission.fieldError(`answers.${q.code}`);
    const current = given[q.code] ?? {};
    switch (q.kind) {
      case 'likert5':
        return (
          <ChoiceGroup key={q.code} legend={legend} type="radio" required={q.required} error={error}
            selected={current.score ? [String(current.score)] : []} onChange={(value) => set(q.code, { score: Number(value) })}
            options={likertPoints.map((p) => ({ value: String(p.value), label: `${p.value} ${words(p)}` }))} />
        );
      case 'need':
        // Two scales of one subject: where the resident is now and where they need to be (Borich reads the gap).
        return (
          <fieldset key={q.code} className="lc-choices lc-need">
            <legend>{legend}</legend>
            {needLevels.map((level) => (
              <ChoiceGroup key={level.code} legend={words(level)} type="radio" required={q.required} inline
                error={level.code === 'current' ? error : undefined}
                selected={current[level.code] ? [String(current[level.code])] : []} onChange={(value) => set(q.code, { ...current, [level.code]: Number(value) })}
                options={levelPoints.map((p) => ({ value: String(p.value), label: `${p.value} ${words(p)}` }))} />
            ))}
          </fieldset>
        );
      case 'text':
        return (
          <TextArea key={q.code} label={legend} maxLength={2000} rows={3} value={current.text ?? ''} error={error}
            onChange={(e) => set(q.code, { text: e.target.value })} />
        );
      default: {
        const multiple = q.kind === 'multiple_choice';
        const chosen = current.choices ?? [];
        return (
          <ChoiceGroup key={q.code} legend={legend} type={multiple ? 'checkbox' : 'radio'} required={q.required && !multiple} error={error}
            selected={chosen} options={(q.choices ?? []).map((c) => ({ value: c.code, label: words(c) }))}
            onChange={(value, checked) => set(q.code, { choices: multiple ? (checked ? [...chosen, value] : chosen.filter((c) => c !== value)) : [value] })} />
        );
      }
    }
  };

  let number = 0;
  return (
    <form className="lc-form lc-survey" onSubmit={submission.onSubmit} noValidate>
      {before}
      {definition.sections.map((section) => (
        <section key={section.code} aria-labelledby={`survey-section-${section.code}`}>
          <h2 id={`survey-section-${section.code}`} className="lc-section-title">{words(section)}</h2>
          {section.questions.map((q) => question(q, ++number))}
        </section>
      ))}
      <FormStatus error={submission.formError([...beforeFields, ...questionCodes])} />
      <div>
        <button type="submit" className="krds-btn primary" disabled={submission.busy}>{submission.busy ? t('surveys.sending') : t('surveys.send')}</button>
      </div>
    </form>
  );
}
