/** A centre's staff type in residents' paper forms (/institutions/:id/surveys/paper), one after another. */
import { useState } from 'react';
import type { InstitutionDetail } from '../../../shared/contracts/institutions.ts';
import type { Instrument } from '../../../shared/contracts/surveys.ts';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import { surveyPurposes, type SurveyPurpose } from '../../../shared/vocabulary/index.ts';
import { api, ApiError, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Status.tsx';
import { InstitutionStaffPage } from '../institutions/InstitutionStaffPage.tsx';
import { SurveyForm } from './SurveyForm.tsx';

export function PaperSurveyPage() {
  const { t } = useLocale();
  return <InstitutionStaffPage permission="surveys.paper.enter" notAllowed={t('surveys.paper.notAllowed')}>{(i) => <PaperForm institution={i} />}</InstitutionStaffPage>;
}

const DESK_FIELDS = ['email', 'displayName', 'birthYear'] as const;
type Desk = Record<(typeof DESK_FIELDS)[number], string>;
const noone: Desk = { email: '', displayName: '', birthYear: '' };

function PaperForm({ institution }: { institution: InstitutionDetail }) {
  const { t, locale, label } = useLocale();
  const labels = useFieldLabels('institutions');
  const year = Number(todayInKorea().slice(0, 4));
  // The ministry's satisfaction survey, or the needs survey of the institution's own city: same sheet, same rules.
  const [purpose, setPurpose] = useState<SurveyPurpose>('city_satisfaction');
  const survey = useApi<{ instrument: Instrument }>(purpose === 'needs' ? `/cities/${institution.cityCode}/surveys/needs/${year}` : `/surveys/city-satisfaction/${year}`);
  const [desk, setDesk] = useState<Desk>(noone);
  const [saved, setSaved] = useState<string | null>(null);
  const [deskErrors, setDeskErrors] = useState<Partial<Desk>>({});
  const city = locale === 'en' ? institution.cityNameEn : institution.cityNameKo;
  const field = (name: keyof Desk, extra: Parameters<typeof TextField>[0]) => (
    <TextField {...extra} value={desk[name]} error={deskErrors[name]} onChange={(e) => setDesk({ ...desk, [name]: e.target.value })} />
  );
  return (
    <>
      <h1 className="lc-title">{t('surveys.paper.title')}</h1>
      <p className="lc-lead">{t('surveys.paper.lead', { institution: institution.name })}</p>
      {saved && <p className="lc-notice success" role="status">{t('surveys.paper.saved', { who: saved })}</p>}
      <ChoiceGroup legend={t('surveys.needs.paperChoice')} type="radio" inline selected={[purpose]} onChange={(value) => setPurpose(value as SurveyPurpose)}
        options={surveyPurposes.entries.map((p) => ({ value: p.code, label: label(p) }))} />
      <Loaded state={survey}>
        {({ instrument }) => (
          <SurveyForm key={purpose} definition={instrument.definition} beforeFields={[...DESK_FIELDS]}
            before={(
              <fieldset className="lc-choices">
                <legend>{t('surveys.paper.who')}</legend>
                <p className="lc-hint">{t('surveys.paper.whoHint', { city })}</p>
                {field('email', { label: t('surveys.paper.email'), type: 'email', autoComplete: 'off' })}
                {field('displayName', { label: labels('displayName'), autoComplete: 'off' })}
                {field('birthYear', { label: labels('birthYear'), inputMode: 'numeric' })}
              </fieldset>
            )}
            send={async (answers) => {
              setSaved(null);
              setDeskErrors({});
              const body = {
                answers,
                ...(desk.email.trim() ? { email: desk.email.trim() } : {}),
                ...(desk.displayName.trim() ? { displayName: desk.displayName.trim() } : {}),
                ...(desk.birthYear.trim() ? { birthYear: Number(desk.birthYear) } : {}),
              };
              try {
                await api(`/institutions/${institution.id}/surveys/${purpose === 'needs' ? 'needs' : 'city-satisfaction'}/${year}/responses`, { method: 'POST', body });
              } catch (error) {
                if (error instanceof ApiError) {
                  setDeskErrors(Object.fromEntries(DESK_FIELDS.flatMap((name) => error.problems.filter((p) => p.field === name).map((p) => [name, p.message]))));
                }
                throw error;
              }
            }}
            onDone={() => {
              setSaved(desk.email.trim() || desk.displayName.trim());
              setDesk(noone);
            }} />
        )}
      </Loaded>
    </>
  );
}
