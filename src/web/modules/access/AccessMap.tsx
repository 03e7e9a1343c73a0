/**
 * The city's dongs coloured by access: their outlines when the server has boundary files (neighbouring
 * dongs drawn plain around them), otherwise a circle per dong at its anchor point, sized by residents.
 */
import { geoBounds } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { useMemo } from 'react';
import type { AccessDong, AccessReport } from '../../../shared/contracts/access.ts';
import { WALK_METRES_PER_MINUTE } from '../../../shared/vocabulary/access.ts';
import { useLocale } from '../../i18n/index.ts';
import { KoreaMap, type MapPoint, type RegionStyle } from '../../ui/KoreaMap.tsx';
import { Loading } from '../../ui/Status.tsx';
import { useBoundaryOutline } from '../geography/outlines.ts';
import { accessBands, bandOf, focusAround, type ClassBand } from './access-classes.ts';

interface Bounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

const boundsOf = (feature: Feature<Geometry>): Bounds => {
  const [[west, south], [east, north]] = geoBounds(feature);
  return { west, south, east, north };
};

const union = (list: Bounds[]): Bounds => ({
  west: Math.min(...list.map((b) => b.west)), south: Math.min(...list.map((b) => b.south)),
  east: Math.max(...list.map((b) => b.east)), north: Math.max(...list.map((b) => b.north)),
});

const overlaps = (a: Bounds, b: Bounds) => a.west <= b.east && b.west <= a.east && a.south <= b.north && b.south <= a.north;

export const walkMinutes = (walkKm: number) => Math.round((walkKm * 1000) / WALK_METRES_PER_MINUTE);

export function dongName(dong: AccessDong, locale: 'ko' | 'en') {
  const district = locale === 'en' ? dong.districtNameEn : dong.districtNameKo;
  const name = locale === 'en' ? dong.nameEn : dong.nameKo;
  return district ? (locale === 'en' ? `${name}, ${district}` : `${district} ${name}`) : name;
}

export function percent(share: number) {
  return `${Math.round(share * 1000) / 10}%`;
}

export function AccessMap({ report, dongs }: { report: AccessReport; dongs: AccessDong[] }) {
  const { t, locale, number } = useLocale();
  const outline = useBoundaryOutline('dongs');
  // Bounds of every dong in the country, once per outline: which of them fall in the frame.
  const bounded = useMemo(() => (outline ? outline.map((feature) => ({ feature, bounds: boundsOf(feature) })) : outline), [outline]);
  const bands = accessBands(report.summary.meanAccess);
  const minutes = walkMinutes(report.walkKm);
  const labelOf = (dong: AccessDong) => t('access.regionLabel', {
    dong: dongName(dong, locale), access: number(Math.round(dong.access * 10) / 10), minutes, share: percent(dong.beyondWalkShare),
  });

  const map = useMemo(() => {
    if (bounded === undefined || dongs.length === 0) return null;
    const codes = new Set(dongs.map((d) => d.code));
    const city = bounded?.filter((b) => codes.has(b.feature.properties?.code as string)) ?? [];
    const anchors = union(dongs.map((d) => ({ west: d.lon, east: d.lon, south: d.lat, north: d.lat })));
    const focus = focusAround(city.length > 0 ? union(city.map((b) => b.bounds)) : anchors);
    // The frame is wider than tall (5:3): neighbours as far as twice the radius sideways may show.
    const dLat = focus.radiusKm / 111.2;
    const dLon = (2 * focus.radiusKm) / (111.2 * Math.cos((focus.lat * Math.PI) / 180));
    const frame = { west: focus.lon - dLon, east: focus.lon + dLon, south: focus.lat - dLat, north: focus.lat + dLat };
    const regions = city.length > 0 ? bounded!.filter((b) => overlaps(b.bounds, frame)).map((b) => b.feature) : null;
    return { focus, regions };
  }, [bounded, dongs]);

  if (bounded === undefined) return <Loading />;
  if (!map) return null;
  const styles = new Map<string, RegionStyle>(dongs.map((d) => [d.code, { colour: bandOf(d.access, bands).colour, label: labelOf(d) }]));
  const largest = Math.max(1, ...dongs.map((d) => d.population));
  // Largest first, so smaller dongs stay visible on top where circles overlap in town centres.
  const points: MapPoint[] = map.regions ? [] : [...dongs].sort((a, b) => b.population - a.population).map((d) => ({
    id: d.code, lat: d.lat, lon: d.lon, colour: bandOf(d.access, bands).colour, label: labelOf(d),
    radius: 5 + 11 * Math.sqrt(d.population / largest),
  }));
  const title = t('access.mapTitle', { year: report.year, km: number(report.catchmentKm) });
  return (
    <div className="lc-map-layout">
      <div>
        <KoreaMap title={title} outline={map.regions} points={points} focus={map.focus} regionStyles={styles} />
        {!map.regions && <p className="lc-hint">{t('access.mapPoints')}</p>}
      </div>
      <Legend bands={bands} />
    </div>
  );
}

function Legend({ bands }: { bands: ClassBand[] }) {
  const { t, number } = useLocale();
  const value = (n: number | null) => (n === null ? '' : number(Math.round(n * 10) / 10));
  return (
    <div>
      <h4 className="lc-subtitle">{t('access.legend')}</h4>
      <ul className="lc-legend lc-plain-list">
        {bands.map((band) => (
          <li key={band.key}>
            <span className="lc-swatch" style={{ background: band.colour }} aria-hidden="true" />
            {t(`access.class${band.key[0]!.toUpperCase()}${band.key.slice(1)}`, { from: value(band.from), to: value(band.to) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
