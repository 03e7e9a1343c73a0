/**
 * One year of the city's figures: budget by source and its share of the city's budget, staff and certified
 * lifelong educators, organisation, information systems. Saved over the version it was loaded with.
 */
import { useState } from 'react';
import type { CityYearRecord } from '../../../shared/contracts/city-record.ts';
import { informationSystems } from '../../../shared/vocabulary/index.ts';
import { api, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { Loading } from '../../ui/Status.tsx';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';

type Figures = Omit<CityYearRecord, 'cityCode' | 'year' | 'version' | 'updatedAt' | 'updatedByName'>;
const numberFields = {
  budget: ['budgetNationalKrw', 'budgetProvincialKrw', 'budgetOwnKrw', 'cityTotalBudgetKrw'],
  staff: ['dedicatedStaff', 'certifiedEducators'],
  organisation: ['learningCentres', 'dongLearningCentres'],
  other: ['commercialisedPrograms'],
} as const satisfies Record<string, readonly (keyof Figures)[]>;

const blank: Figures = {
  budgetNationalKrw: null, budgetProvincialKrw: null, budgetOwnKrw: null, cityTotalBudgetKrw: null, dedicatedStaff: null, certifiedEducators: null,
  hasDepartment: null, departmentName: '', learningCentres: null, dongLearningCentres: null, informationSystems: [], portalUrl: null,
  commercialisedPrograms: null, notes: '',
};

function figuresOf(record: CityYearRecord | undefined): Figures {
  if (!record) return blank;
  const { cityCode: _c, year: _y, version: _v, updatedAt: _u, updatedByName: _n, ...figures } = record;
  return figures;
}

function YearForm({ cityCode, year, record, canEdit, onSaved }: { cityCode: string; year: number; record?: CityYearRecord; canEdit: boolean; onSaved(): void }) {
  const { t, number, dateTime, label } = useLocale();
  const fieldInYears = useFieldLabels('cities/record/years');
  const [figures, setFigures] = useState<Figures>(() => figuresOf(record));
  const submission = useSubmission(
    () => api(`/cities/${cityCode}/record/years/${year}`, { method: 'PUT', body: { ...figures, version: record?.version ?? 0 } }),
    onSaved,
  );
  const setNumber = (key: keyof Figures, text: string) => setFigures({ ...figures, [key]: text.trim() === '' ? null : Number(text.replace(/,/g, '')) });
  const numberField = (key: keyof Figures) => (
    <TextField key={key} label={t(`city-record.fields.${key}`)} type="number" inputMode="numeric" min={0} disabled={!canEdit}
      value={figures[key] === null ? '' : String(figures[key])} error={submission.fieldError(key)} onChange={(e) => setNumber(key, e.target.value)} />
  );
  const total = (figures.budgetNationalKrw ?? 0) + (figures.budgetProvincialKrw ?? 0) + (figures.budgetOwnKrw ?? 0);
  const share = figures.cityTotalBudgetKrw ? ((100 * total) / figures.cityTotalBudgetKrw).toFixed(2) : null;
  const conflict = submission.error?.status === 409;
  return (
    <form className="lc-form" onSubmit={submission.onSubmit}>
      {record && <p className="lc-meta">{t('city-record.version', { version: record.version, who: record.updatedByName ?? '—', when: dateTime(record.updatedAt) })}</p>}
      <fieldset><legend>{t('city-record.budget')}</legend>
        <div className="lc-field-grid">{numberFields.budget.map(numberField)}</div>
        <p className="lc-meta" aria-live="polite">{t('city-record.budgetTotal', { total: number(total), share: share ? t('city-record.shareOfCity', { share }) : '—' })}</p>
      </fieldset>
      <fieldset><legend>{t('city-record.staff')}</legend><div className="lc-field-grid">{numberFields.staff.map(numberField)}</div></fieldset>
      <fieldset><legend>{t('city-record.organisation')}</legend>
        <div className="krds-form-check">
          <input type="checkbox" id="year-department" disabled={!canEdit} checked={figures.hasDepartment === true}
            onChange={(e) => setFigures({ ...figures, hasDepartment: e.target.checked })} />
          <label htmlFor="year-department">{t('city-record.fields.hasDepartment')}</label>
        </div>
        <div className="lc-field-grid">
          <TextField label={fieldInYears('departmentName')} disabled={!canEdit} value={figures.departmentName} error={submission.fieldError('departmentName')}
            onChange={(e) => setFigures({ ...figures, departmentName: e.target.value })} />
          {numberFields.organisation.map(numberField)}
        </div>
      </fieldset>
      <fieldset><legend>{t('city-record.information')}</legend>
        <div className="lc-checks">
          {informationSystems.entries.map((system) => (
            <div key={system.code} className="krds-form-check">
              <input type="checkbox" id={`system-${system.code}`} disabled={!canEdit} checked={figures.informationSystems.includes(system.code)}
                onChange={(e) => setFigures({
                  ...figures,
                  informationSystems: e.target.checked ? [...figures.informationSystems, system.code] : figures.informationSystems.filter((s) => s !== system.code),
                })} />
              <label htmlFor={`system-${system.code}`}>{label(system)}</label>
            </div>
          ))}
        </div>
        <TextField label={fieldInYears('portalUrl')} type="url" disabled={!canEdit} value={figures.portalUrl ?? ''} error={submission.fieldError('portalUrl')}
          onChange={(e) => setFigures({ ...figures, portalUrl: e.target.value.trim() || null })} />
      </fieldset>
      <fieldset><legend>{t('city-record.other')}</legend>
        {numberFields.other.map(numberField)}
        <TextArea label={t('city-record.fields.notes')} disabled={!canEdit} value={figures.notes} onChange={(e) => setFigures({ ...figures, notes: e.target.value })} />
      </fieldset>
      <FormStatus error={conflict ? t('city-record.conflict') : submission.formError(Object.keys(blank))} />
      {canEdit && (
        <div className="lc-form-row">
          <button type="submit" className="krds-btn primary" disabled={submission.busy}>{record ? t('common.save') : t('city-record.addYear', { year })}</button>
          {conflict && <button type="button" className="krds-btn secondary" onClick={onSaved}>{t('city-record.reload')}</button>}
        </div>
      )}
    </form>
  );
}

export function YearRecord({ cityCode, years, canEdit, onSaved }: { cityCode: string; years: number[]; canEdit: boolean; onSaved(): void }) {
  const { t } = useLocale();
  const [year, setYear] = useState(() => { const thisYear = Number(todayInKorea().slice(0, 4)); return years.includes(thisYear) ? thisYear : years[0]!; });
  const record = useApi<CityYearRecord>(`/cities/${cityCode}/record/years/${year}`);
  // The form is drawn again from the saved version, so the confirmation lives here.
  const [savedYear, setSavedYear] = useState<number | null>(null);
  const saved = () => {
    setSavedYear(year);
    record.reload();
    onSaved();
  };
  return (
    <section>
      <div className="lc-controls">
        <SelectField label={t('city-record.year')} value={String(year)} onChange={(e) => { setYear(Number(e.target.value)); setSavedYear(null); }}
          options={years.map((y) => ({ value: String(y), label: String(y) }))} />
      </div>
      {record.loading && !record.data && !record.error ? <Loading /> : record.error && record.error.status !== 404 ? (
        <p className="lc-notice error" role="alert">{record.error.message}</p>
      ) : (
        <>
          {!record.data && <p className="lc-notice">{t('city-record.noYear', { year })}</p>}
          <YearForm key={`${year}:${record.data?.version ?? 0}`} cityCode={cityCode} year={year} record={record.data?.year === year ? record.data : undefined}
            canEdit={canEdit} onSaved={saved} />
          {savedYear === year && <FormStatus done />}
        </>
      )}
    </section>
  );
}
