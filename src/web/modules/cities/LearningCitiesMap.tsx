/**
 * The learning cities on a map of Korea, coloured by the year each was first designated, with a
 * legend and the same facts as a table for people who cannot use the map.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import type { LearningCitySummary } from '../../../shared/contracts/cities.ts';
import { designationStates } from '../../../shared/vocabulary/index.ts';
import { useLocale } from '../../i18n/index.ts';
import { KoreaMap } from '../../ui/KoreaMap.tsx';
import { useBoundaryOutline } from '../geography/outlines.ts';
import { cityName } from '../geography/places.ts';
import { binLabel, designationBins, designationColour } from './designation-colours.ts';

export function LearningCitiesMap({ cities }: { cities: LearningCitySummary[] }) {
  const { t, locale, label } = useLocale();
  const outline = useBoundaryOutline('provinces');
  const [showTable, setShowTable] = useState(false);
  const sorted = [...cities].sort((a, b) => (a.designatedYear ?? 9999) - (b.designatedYear ?? 9999) || a.code.localeCompare(b.code));
  return (
    <section aria-labelledby="cities-map-title">
      <h2 className="lc-section-title" id="cities-map-title">{t('home.mapTitle')}</h2>
      <p className="lc-lead">{t('home.mapLead')} {t('home.citiesCount', { count: cities.length })}</p>
      {outline === null && <p className="lc-notice">{t('home.pointsOnly')}</p>}
      <div className="lc-map-layout">
        <KoreaMap
          title={`${t('home.mapTitle')}: ${t('home.citiesCount', { count: cities.length })}`}
          outline={outline ?? null}
          points={cities.map((city) => ({
            id: city.code, lat: city.lat, lon: city.lon, colour: designationColour(city.designatedYear),
            label: `${cityName(city, locale)} (${city.designatedYear ?? '—'})`,
          }))}
        />
        <div>
          <h3>{t('home.mapLegend')}</h3>
          <ul className="lc-legend">
            {designationBins.map((bin) => (
              <li key={bin.from}><span className="lc-swatch" style={{ background: bin.colour }} aria-hidden="true" />{binLabel(bin)}</li>
            ))}
          </ul>
          <button type="button" className="krds-btn small secondary" aria-expanded={showTable} onClick={() => setShowTable(!showTable)}>
            {showTable ? t('home.hideTable') : t('home.showTable')}
          </button>
          {showTable && (
            <div className="lc-table-wrap">
              <table className="lc-table">
                <caption className="sr-only">{t('home.mapTitle')}</caption>
                <thead><tr><th scope="col">{t('cities.name')}</th><th scope="col" className="num">{t('cities.designatedYear')}</th><th scope="col">{t('cities.state')}</th></tr></thead>
                <tbody>
                  {sorted.map((city) => (
                    <tr key={city.code}>
                      <td><Link to={`/cities/${city.code}`}>{cityName(city, locale)}</Link></td>
                      <td className="num">{city.designatedYear ?? '—'}</td>
                      <td>{city.state ? label(designationStates.get(city.state)) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
