/** Where a program takes place: a small map of the kilometres around it, with the place in words. */
import { useMemo } from 'react';
import { useLocale } from '../../i18n/index.ts';
import { KoreaMap } from '../../ui/KoreaMap.tsx';
import { useBoundaryOutline } from '../geography/outlines.ts';

/** The program's municipality stands out among its neighbours. */
export function PlaceMap({ lat, lon, place, cityCode }: { lat: number; lon: number; place: string; cityCode: string }) {
  const { t } = useLocale();
  const outline = useBoundaryOutline('municipalities');
  const focus = useMemo(() => ({ lat, lon, radiusKm: 12 }), [lat, lon]);
  return (
    <figure className="lc-place-map">
      <KoreaMap title={t('programs.mapTitle', { place })} outline={outline ?? null} focus={focus} highlighted={cityCode}
        points={[{ id: 'place', lat, lon, colour: '#256ef4', label: place, radius: 16 }]} />
      <figcaption>{place}</figcaption>
    </figure>
  );
}
