/** The resident's page of the year's satisfaction survey (/surveys/city-satisfaction): the questionnaire, or why not. */
import { useRef, useState } from 'react';
import type { MySatisfactionSurvey } from '../../../shared/contracts/surveys.ts';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import { api, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { Loaded, PageTitle } from '../../ui/Status.tsx';
import { SurveyForm } from './SurveyForm.tsx';

export function SatisfactionSurveyPage() {
  const { t, locale, date } = useLocale();
  const session = useSession();
  const year = Number(todayInKorea().slice(0, 4));
  const survey = useApi<MySatisfactionSurvey>(session.me ? `/surveys/city-satisfaction/${year}` : null);
  const [thanked, setThanked] = useState(false);
  const thanks = useRef<HTMLParagraphElement>(null);
  if (!session.ready) return <p>{t('common.loading')}</p>;
  if (!session.me) return <LoginPrompt />;
  return (
    <Loaded state={survey}>
      {(s) => {
        const definition = s.instrument.definition;
        const city = s.city ? (locale === 'en' ? s.city.nameEn : s.city.nameKo) : '';
        return (
          <>
            <PageTitle title={locale === 'en' ? definition.titleEn : definition.titleKo} lead={locale === 'en' ? definition.introEn : definition.introKo} />
            {s.city && <p className="lc-meta">{t('surveys.forCity', { city })}</p>}
            {thanked ? <p className="lc-notice success" role="status" tabIndex={-1} ref={thanks}>{t('surveys.thanks', { year })}</p>
              : s.refusal === 'no_home_city' ? <p className="lc-notice">{t('surveys.noHomeCity')}</p>
              : s.refusal === 'not_learning_city' ? <p className="lc-notice">{t('surveys.notLearningCity', { city })}</p>
              : s.answered ? <p className="lc-notice success">{t(s.answered.channel === 'paper' ? 'surveys.answeredOnPaper' : 'surveys.answeredOn', { year, date: date(s.answered.submittedAt) })}</p>
              : (
                <SurveyForm definition={definition}
                  send={(answers) => api(`/surveys/city-satisfaction/${year}/responses`, { method: 'POST', body: { answers } })}
                  onDone={() => {
                    setThanked(true);
                    // The form is gone: the keyboard and screen readers go to the thanks.
                    requestAnimationFrame(() => thanks.current?.focus());
                  }} />
              )}
          </>
        );
      }}
    </Loaded>
  );
}
