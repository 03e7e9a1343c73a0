/** The resident's page of the year's satisfaction survey (/surveys/city-satisfaction): the questionnaire, or why not. */
import type { MySatisfactionSurvey } from '../../../shared/contracts/surveys.ts';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import { useLocale } from '../../i18n/index.ts';
import { SurveySheet } from './SurveySheet.tsx';

export function SatisfactionSurveyPage() {
  const { t } = useLocale();
  const year = Number(todayInKorea().slice(0, 4));
  return (
    <SurveySheet<MySatisfactionSurvey> path={`/surveys/city-satisfaction/${year}`} year={year}
      refusalText={(s, city) => (s.refusal === 'no_home_city' ? t('surveys.noHomeCity')
        : s.refusal === 'not_learning_city' ? t('surveys.notLearningCity', { city }) : null)} />
  );
}
