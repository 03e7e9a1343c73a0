/** The resident's page of their city's needs survey (/cities/:code/surveys/needs): the questionnaire, or why not. */
import { useParams } from 'react-router';
import type { MyNeedsSurvey } from '../../../shared/contracts/surveys.ts';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import { useLocale } from '../../i18n/index.ts';
import { SurveySheet } from './SurveySheet.tsx';

export function NeedsSurveyPage() {
  const { code } = useParams();
  const { t } = useLocale();
  const year = Number(todayInKorea().slice(0, 4));
  return (
    <SurveySheet<MyNeedsSurvey> path={`/cities/${code}/surveys/needs/${year}`} year={year}
      refusalText={(s, city) => (s.refusal === 'not_resident' ? t('surveys.needs.notResident', { city }) : null)} />
  );
}
