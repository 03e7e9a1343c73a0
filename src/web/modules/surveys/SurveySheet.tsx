/**
 * A resident's page of one of their city's surveys (satisfaction, needs): the questionnaire; or why they may not
 * answer, that they answered (online or on paper at a centre), or, once sent, the thanks, which takes the focus.
 */
import { useRef, useState } from 'react';
import type { MyNeedsSurvey, MySatisfactionSurvey } from '../../../shared/contracts/surveys.ts';
import { api, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { Loaded, PageTitle } from '../../ui/Status.tsx';
import { SurveyForm } from './SurveyForm.tsx';

type MySurvey = MySatisfactionSurvey | MyNeedsSurvey;

export function SurveySheet<S extends MySurvey>({ path, year, refusalText }: {
  /** The survey as I meet it; its answers go to `${path}/responses`. */
  path: string;
  year: number;
  /** What to tell a resident who may not answer (given the city's name), or null when they may. */
  refusalText: (survey: S, city: string) => string | null;
}) {
  const { t, locale, date } = useLocale();
  const session = useSession();
  const survey = useApi<S>(session.me ? path : null);
  const [thanked, setThanked] = useState(false);
  const thanks = useRef<HTMLParagraphElement>(null);
  if (!session.ready) return <p>{t('common.loading')}</p>;
  if (!session.me) return <LoginPrompt />;
  return (
    <Loaded state={survey}>
      {(s) => {
        const definition = s.instrument.definition;
        const city = s.city ? (locale === 'en' ? s.city.nameEn : s.city.nameKo) : '';
        const refusal = refusalText(s, city);
        return (
          <>
            <PageTitle title={locale === 'en' ? definition.titleEn : definition.titleKo} lead={locale === 'en' ? definition.introEn : definition.introKo} />
            {s.city && <p className="lc-meta">{t('surveys.forCity', { city })}</p>}
            {thanked ? <p className="lc-notice success" role="status" tabIndex={-1} ref={thanks}>{t('surveys.thanks', { year })}</p>
              : refusal ? <p className="lc-notice">{refusal}</p>
              : s.answered ? <p className="lc-notice success">{t(s.answered.channel === 'paper' ? 'surveys.answeredOnPaper' : 'surveys.answeredOn', { year, date: date(s.answered.submittedAt) })}</p>
              : (
                <SurveyForm definition={definition}
                  send={(answers) => api(`${path}/responses`, { method: 'POST', body: { answers } })}
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
