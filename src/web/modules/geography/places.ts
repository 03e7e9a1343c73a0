/** Places for the web: cities' and municipalities' names (the maps' outlines are in outlines.ts). */
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { Dong, Municipality } from '../../../shared/contracts/geography.ts';
import { useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';

/** "전남 순천시" / "Suncheon-si, Jeonnam". */
export function cityName(city: { provinceShortKo: string; provinceShortEn: string; nameKo: string; nameEn: string }, locale: 'ko' | 'en') {
  return locale === 'en' ? `${city.nameEn}, ${city.provinceShortEn}` : `${city.provinceShortKo} ${city.nameKo}`;
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
