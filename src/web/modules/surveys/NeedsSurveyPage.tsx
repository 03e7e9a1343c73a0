/** The resident's page of their city's needs survey (/cities/:code/surveys/needs): the questionnaire, or why not. */
import { useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { MyNeedsSurvey } from '../../../shared/contracts/surveys.ts';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import { api, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { Loaded, PageTitle } from '../../ui/Status.tsx';
import { SurveyForm } from './SurveyForm.tsx';

export function NeedsSurveyPage() {
  const { code } = useParams();
  const { t, locale, date } = useLocale();
  const session = useSession();
  const year = Number(todayInKorea().slice(0, 4));
  const path = `/cities/${code}/surveys/needs/${year}`;
  const survey = useApi<MyNeedsSurvey>(session.me ? path : null);
  const [thanked, setThanked] = useState(false);
  const thanks = useRef<HTMLParagraphElement>(null);
  if (!session.ready) return <p>{t('common.loading')}</p>;
  if (!session.me) return <LoginPrompt />;
  return (
    <Loaded state={survey}>
      {(s) => {
        const definition = s.instrument.definition;
        const city = locale === 'en' ? s.city.nameEn : s.city.nameKo;
        return (
          <>
            <PageTitle title={locale === 'en' ? definition.titleEn : definition.titleKo} lead={locale === 'en' ? definition.introEn : definition.introKo} />
            <p className="lc-meta">{t('surveys.forCity', { city })}</p>
            {thanked ? <p className="lc-notice success" role="status" tabIndex={-1} ref={thanks}>{t('surveys.thanks', { year })}</p>
              : s.refusal === 'not_resident' ? <p className="lc-notice">{t('surveys.needs.notResident', { city })}</p>
              : s.answered ? <p className="lc-notice success">{t(s.answered.channel === 'paper' ? 'surveys.answeredOnPaper' : 'surveys.answeredOn', { year, date: date(s.answered.submittedAt) })}</p>
              : (
                <SurveyForm definition={definition}
                  send={(answers) => api(`${path}/responses`, { method: 'POST', body: { answers } })}
                  onDone={() => {
                    setThanked(true);
                    requestAnimationFrame(() => thanks.current?.focus());
                  }} />
              )}
          </>
        );
      }}
    </Loaded>
  );
}
