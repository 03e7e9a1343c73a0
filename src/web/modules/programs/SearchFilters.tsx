/** The search's filters, each value with how many programs it would find; values that find none are hidden unless chosen. */
import { useId, useState } from 'react';
import type { LearningCitySummary } from '../../../shared/contracts/cities.ts';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { SearchFacets, TimeOfDay } from '../../../shared/contracts/programs.ts';
import {
  deliveryModeList, programAreaList, programSubcategories, programSubcategoryList, targetGroupList, weekdayList,
} from '../../../shared/vocabulary/index.ts';
import { useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { ChoiceGroup, type Choice } from '../../ui/ChoiceGroup.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { cityName } from '../geography/places.ts';
import type { SearchKey, SearchState } from './search-state.ts';

const timesOfDay: readonly TimeOfDay[] = ['morning', 'afternoon', 'evening'];
const startsWithin = ['7', '30', '90'] as const;

/** The choices worth showing: those that find something, those already chosen, and "any" (no count). */
function shown(choices: Choice[], selected: readonly string[]): Choice[] {
  return choices.filter((c) => c.count === undefined || c.count > 0 || selected.includes(c.value));
}

function FacetGroup({ state, name, legend, choices, type = 'checkbox', onChange }: {
  state: SearchState; name: SearchKey; legend: string; choices: Choice[]; type?: 'checkbox' | 'radio'; onChange?: (value: string, on: boolean) => void;
}) {
  const { number } = useLocale();
  const selected = state.all(name);
  const options = shown(choices, selected);
  if (!options.some((o) => o.value !== '')) return null;
  const change = onChange ?? (type === 'radio' ? (value: string) => state.update({ [name]: value || null }) : (value: string, on: boolean) => state.toggle(name, value, on));
  return <ChoiceGroup legend={legend} type={type} options={options} selected={type === 'radio' && selected.length === 0 ? [''] : selected} onChange={change} format={number} />;
}

function CityFilter({ state, counts }: { state: SearchState; counts: Record<string, number> }) {
  const { t, locale, number } = useLocale();
  const cities = useApi<PageOf<LearningCitySummary>>('/cities');
  const chosen = state.one('city');
  const options = (cities.data?.items ?? [])
    .filter((c) => (counts[c.code] ?? 0) > 0 || c.code === chosen)
    .map((c) => ({ value: c.code, label: `${cityName(c, locale)} (${number(counts[c.code] ?? 0)})` }));
  return (
    <SelectField label={t('search.city')} value={chosen} onChange={(e) => state.update({ city: e.target.value || null })}
      options={[{ value: '', label: t('programs.any') }, ...options]} />
  );
}

export function SearchFilters({ state, facets }: { state: SearchState; facets: SearchFacets }) {
  const { t, label } = useLocale();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const choices = (list: readonly { code: string; ko: string; en: string }[], counts: Record<string, number>) =>
    list.map((entry) => ({ value: entry.code, label: label(entry), count: counts[entry.code] ?? 0 }));
  const areas = state.all('area');
  const any = { value: '', label: t('programs.any') };

  const changeAreas = (value: string, on: boolean) => {
    const next = on ? [...areas, value] : areas.filter((a) => a !== value);
    // A sub-category goes with its area.
    state.update({ area: next, subcategory: state.all('subcategory').filter((s) => programSubcategories.has(s) && next.includes(programSubcategories.get(s).area)) });
  };

  return (
    <aside className="lc-filter-panel" aria-labelledby={`${panelId}-title`}>
      <button type="button" className="krds-btn secondary lc-filter-toggle" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {t('programs.filters')}{state.filterCount > 0 && ` (${state.filterCount})`}
      </button>
      <div id={panelId} className={`lc-filter-body${open ? ' open' : ''}`}>
        <div className="lc-filter-head">
          <h2 id={`${panelId}-title`} className="lc-subtitle">{t('programs.filters')}</h2>
          {state.filterCount > 0 && <button type="button" className="krds-btn tertiary small" onClick={state.clearFilters}>{t('search.clearFilters')}</button>}
        </div>
        <FacetGroup state={state} name="area" legend={t('programs.area')} choices={choices(programAreaList, facets.area)} onChange={changeAreas} />
        {areas.length > 0 && (
          <FacetGroup state={state} name="subcategory" legend={t('search.subcategory')}
            choices={choices(programSubcategoryList.filter((s) => areas.includes(s.area)), facets.subcategory)} />
        )}
        <FacetGroup state={state} name="seatsLeft" legend={t('search.seats')}
          choices={[{ value: 'true', label: t('search.onlySeatsLeft'), count: facets.seatsLeft.true ?? 0 }]} />
        <FacetGroup state={state} name="startsWithinDays" legend={t('search.startsWithin')} type="radio"
          choices={[any, ...startsWithin.map((days) => ({ value: days, label: t('search.withinDays', { count: Number(days) }), count: facets.startsWithinDays[days] ?? 0 }))]} />
        <FacetGroup state={state} name="target" legend={t('programs.target')} choices={choices(targetGroupList, facets.target)} />
        <FacetGroup state={state} name="mode" legend={t('programs.mode')} choices={choices(deliveryModeList, facets.mode)} />
        <FacetGroup state={state} name="fee" legend={t('programs.fee')} type="radio"
          choices={[any, { value: 'free', label: t('programs.free'), count: facets.fee.free ?? 0 }, { value: 'paid', label: t('search.paid'), count: facets.fee.paid ?? 0 }]} />
        <FacetGroup state={state} name="weekday" legend={t('search.weekday')} choices={choices(weekdayList, facets.weekday)} />
        <FacetGroup state={state} name="timeOfDay" legend={t('search.timeOfDay')}
          choices={timesOfDay.map((time) => ({ value: time, label: t(`search.times.${time}`), count: facets.timeOfDay[time] ?? 0 }))} />
        <CityFilter state={state} counts={facets.city} />
      </div>
    </aside>
  );
}
