/** A centre's staff type in residents' paper forms (/institutions/:id/surveys/paper), one after another. */
import { useState } from 'react';
import type { InstitutionDetail } from '../../../shared/contracts/institutions.ts';
import type { Instrument } from '../../../shared/contracts/surveys.ts';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import { api, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { TextField } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Status.tsx';
import { InstitutionStaffPage } from '../institutions/InstitutionStaffPage.tsx';
import { SurveyForm } from './SurveyForm.tsx';

export function PaperSurveyPage() {
  const { t } = useLocale();
  return <InstitutionStaffPage permission="surveys.paper.enter" notAllowed={t('surveys.paper.notAllowed')}>{(i) => <PaperForm institution={i} />}</InstitutionStaffPage>;
}

function PaperForm({ institution }: { institution: InstitutionDetail }) {
  const { t, locale } = useLocale();
  const year = Number(todayInKorea().slice(0, 4));
  const survey = useApi<{ instrument: Instrument }>(`/surveys/city-satisfaction/${year}`);
  const [email, setEmail] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [emailError, setEmailError] = useState<string | undefined>();
  return (
    <>
      <h1 className="lc-title">{t('surveys.paper.title')}</h1>
      <p className="lc-lead">{t('surveys.paper.lead', { institution: institution.name })}</p>
      {saved && <p className="lc-notice success" role="status">{t('surveys.paper.saved', { email: saved })}</p>}
      <Loaded state={survey}>
        {({ instrument }) => (
          <SurveyForm definition={instrument.definition} beforeFields={['email']}
            before={<TextField label={t('surveys.paper.email')} hint={t('surveys.paper.emailHint', { city: locale === 'en' ? institution.cityNameEn : institution.cityNameKo })}
              type="email" autoComplete="off" required value={email} error={emailError} onChange={(e) => setEmail(e.target.value)} />}
            send={async (answers) => {
              setSaved(null);
              setEmailError(undefined);
              try {
                await api(`/institutions/${institution.id}/surveys/city-satisfaction/${year}/responses`, { method: 'POST', body: { email, answers } });
              } catch (error) {
                setEmailError((error as { problems?: { field?: string; message: string }[] }).problems?.find((p) => p.field === 'email')?.message);
                throw error;
              }
            }}
            onDone={() => {
              setSaved(email);
              setEmail('');
            }} />
        )}
      </Loaded>
    </>
  );
}
