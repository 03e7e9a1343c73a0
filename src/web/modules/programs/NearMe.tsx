/**
 * Where to search near: a neighbourhood found by its name, the browser's location, or the person's own
 * city; then how far to look.
 */
import { useId, useState } from 'react';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { Dong, Municipality } from '../../../shared/contracts/geography.ts';
import { query, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { useSession } from '../../shells/session.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { cityName, dongLabel, useMunicipalityNames } from '../geography/places.ts';
import type { SearchState } from './search-state.ts';

const RADII_KM = [1, 3, 5, 10, 20];
const DEFAULT_RADIUS_KM = '5';

/** The usual radii, and the one in the address when it is another (the search offered "the nearest, 7 km"). */
function radiiWith(current: string): number[] {
  const km = Number(current);
  return Number.isFinite(km) && km > 0 && !RADII_KM.includes(km) ? [...RADII_KM, km].sort((a, b) => a - b) : RADII_KM;
}
// The search accepts places in Korea only.
const inKorea = (lat: number, lon: number) => lat >= 33 && lat <= 39 && lon >= 124 && lon <= 132;

type LocationProblem = 'asking' | 'denied' | 'unavailable' | 'outside';

/** Type a neighbourhood's name, pick it from the list. */
function DongSearch({ onPick }: { onPick(code: string): void }) {
  const { t, locale } = useLocale();
  const [text, setText] = useState('');
  const words = text.trim();
  const dongs = useApi<PageOf<Dong>>(words.length >= 2 ? `/geography/dongs${query({ q: words, pageSize: 30 })}` : null);
  const found = words.length >= 2 ? (dongs.data?.items ?? []) : [];
  const cityOf = useMunicipalityNames(found.length > 0);
  return (
    <div className="lc-dong-search">
      <TextField label={t('search.dongName')} hint={t('search.dongHint')} type="search" value={text} onChange={(e) => setText(e.target.value)} />
      {words.length >= 2 && !dongs.loading && <p className="sr-only" role="status">{t('search.dongsFound', { count: found.length })}</p>}
      {found.length > 0 && (
        <ul className="lc-pick-list" aria-label={t('search.dongChoices')}>
          {found.slice(0, 8).map((dong) => (
            <li key={dong.code}>
              <button type="button" className="krds-btn small tertiary" onClick={() => { setText(''); onPick(dong.code); }}>
                {dongLabel(dong, locale, cityOf)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {words.length >= 2 && dongs.data && found.length === 0 && <p className="lc-hint">{t('search.noDong')}</p>}
    </div>
  );
}

/** The place the search is near, in words. */
function CurrentPlace({ state }: { state: SearchState }) {
  const { t, locale } = useLocale();
  const near = state.one('near');
  const dong = useApi<Dong>(near ? `/geography/dongs/${near}` : null);
  const cityOf = useMunicipalityNames(dong.data !== undefined);
  const name = !near ? t('search.myLocation') : dong.data ? dongLabel(dong.data, locale, cityOf) : near;
  return (
    <p className="lc-place">
      {t('search.nearPlace')} <strong>{name}</strong>{' '}
      <button type="button" className="krds-btn small tertiary" onClick={() => state.update({ near: null, lat: null, lon: null, radiusKm: null, includeOnline: null })}>
        {t('search.clearPlace')}
      </button>
    </p>
  );
}

/** "Only my city" for a logged-in person whose home city is known. */
function HomeCityButton({ state, cityCode }: { state: SearchState; cityCode: string }) {
  const { t, locale } = useLocale();
  const city = useApi<Municipality>(`/geography/municipalities/${cityCode}`);
  const on = state.all('city').includes(cityCode);
  if (!city.data) return null;
  return (
    <button type="button" className="krds-btn secondary" aria-pressed={on} onClick={() => state.update({ city: on ? null : cityCode })}>
      {t('search.homeCity', { city: cityName(city.data, locale) })}
    </button>
  );
}

export function NearMe({ state }: { state: SearchState }) {
  const { t } = useLocale();
  const { me } = useSession();
  const titleId = useId();
  const [problem, setProblem] = useState<LocationProblem | null>(null);

  const locate = () => {
    if (!('geolocation' in navigator)) return setProblem('unavailable');
    setProblem('asking');
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        if (!inKorea(coords.latitude, coords.longitude)) return setProblem('outside');
        setProblem(null);
        // Four decimals (about 10 m) are plenty, and keep the address short.
        state.update({ lat: coords.latitude.toFixed(4), lon: coords.longitude.toFixed(4), near: null });
      },
      (error) => setProblem(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { timeout: 15_000, maximumAge: 600_000 },
    );
  };

  return (
    <section className="lc-near" aria-labelledby={titleId}>
      <h2 id={titleId} className="lc-subtitle">{t('search.nearTitle')}</h2>
      {state.hasPlace && (
        <>
          <CurrentPlace state={state} />
          <div className="lc-form-row">
            <SelectField label={t('search.radius')} value={state.one('radiusKm') || DEFAULT_RADIUS_KM}
              onChange={(e) => state.update({ radiusKm: e.target.value === DEFAULT_RADIUS_KM ? null : e.target.value })}
              options={radiiWith(state.one('radiusKm')).map((km) => ({ value: String(km), label: t('search.withinKm', { count: km }) }))} />
            <div className="krds-form-check lc-inline-check">
              <input type="checkbox" id={`${titleId}-online`} checked={state.one('includeOnline') !== 'false'}
                onChange={(e) => state.update({ includeOnline: e.target.checked ? null : 'false' })} />
              <label htmlFor={`${titleId}-online`}>{t('search.includeOnline')}</label>
            </div>
          </div>
        </>
      )}
      <div className="lc-near-ways">
        <DongSearch onPick={(code) => state.update({ near: code, lat: null, lon: null })} />
        <div className="lc-near-buttons">
          <button type="button" className="krds-btn secondary" onClick={locate} disabled={problem === 'asking'}>{t('search.useLocation')}</button>
          {me?.homeCityCode && <HomeCityButton state={state} cityCode={me.homeCityCode} />}
        </div>
      </div>
      {problem === 'asking' && <p role="status">{t('search.locating')}</p>}
      {problem && problem !== 'asking' && <p className="lc-notice" role="alert">{t(`search.location.${problem}`)}</p>}
    </section>
  );
}
