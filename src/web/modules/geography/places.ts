/** Places for the web: boundary outlines for maps, and municipalities' names for dongs. */
import { useEffect, useState } from 'react';
import type { Feature, Geometry } from 'geojson';
import type { Topology } from 'topojson-specification';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { BoundaryLevel, Dong, Municipality } from '../../../shared/contracts/geography.ts';
import { api, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { topologyFeatures } from '../../ui/KoreaMap.tsx';

/** "전남 순천시" / "Suncheon-si, Jeonnam". */
export function cityName(city: { provinceShortKo: string; provinceShortEn: string; nameKo: string; nameEn: string }, locale: 'ko' | 'en') {
  return locale === 'en' ? `${city.nameEn}, ${city.provinceShortEn}` : `${city.provinceShortKo} ${city.nameKo}`;
}

// Boundary files are large and never change while the page is open: fetched and converted once per level.
const outlines = new Map<BoundaryLevel, Promise<Feature<Geometry>[] | null>>();

function outlineOf(level: BoundaryLevel): Promise<Feature<Geometry>[] | null> {
  let outline = outlines.get(level);
  if (!outline) {
    outline = api<Topology>(`/geography/boundaries/${level}`).then(topologyFeatures, () => null);
    outlines.set(level, outline);
  }
  return outline;
}

/** Outlines of one level, or null when the server has no boundary files (then: points only). */
export function useBoundaryOutline(level: BoundaryLevel): Feature<Geometry>[] | null | undefined {
  const [outline, setOutline] = useState<Feature<Geometry>[] | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void outlineOf(level).then((features) => { if (current) setOutline(features); });
    return () => { current = false; };
  }, [level]);
  return outline;
}

/** "전남 순천시" for a municipality code, once the list has arrived (loaded only when `needed`). */
export function useMunicipalityNames(needed: boolean): (code: string) => string {
  const { locale } = useLocale();
  const municipalities = useApi<PageOf<Municipality>>(needed ? '/geography/municipalities?pageSize=250' : null);
  const byCode = new Map((municipalities.data?.items ?? []).map((m) => [m.code, m]));
  return (code) => {
    const found = byCode.get(code);
    return found ? cityName(found, locale) : '';
  };
}

/** "철산1동 · 경기 광명시": a dong by name, with its city (many cities have a 중앙동), never by code. */
export function dongLabel(dong: Dong, locale: 'ko' | 'en', cityOf: (code: string) => string): string {
  const name = locale === 'en' ? dong.nameEn : dong.nameKo;
  const city = cityOf(dong.municipalityCode);
  return city ? `${name} · ${city}` : name;
}
