/**
 * Classes of the access map, relative to the city's own average: an officer asks which dongs fall behind
 * the rest of the city, whatever the distance chosen. Dongs that reach nothing stand apart in orange,
 * the others in blues that darken with access (orange and blue stay apart for colour-blind readers).
 */
export type AccessClass = 'none' | 'low' | 'below' | 'above' | 'high';

export interface ClassBand {
  key: AccessClass;
  colour: string;
  /** Lower and upper bounds of the band (places per 1,000 residents); null where open. */
  from: number | null;
  to: number | null;
}

export function accessBands(mean: number): ClassBand[] {
  return [
    { key: 'none', colour: '#e8833a', from: null, to: 0 },
    { key: 'low', colour: '#c6dbef', from: 0, to: mean / 2 },
    { key: 'below', colour: '#6baed6', from: mean / 2, to: mean },
    { key: 'above', colour: '#2171b5', from: mean, to: mean * 1.5 },
    { key: 'high', colour: '#08306b', from: mean * 1.5, to: null },
  ];
}

/** The band of a dong's access: nothing within reach, or where it stands against the mean. */
export function bandOf(access: number, bands: ClassBand[]): ClassBand {
  if (access <= 0) return bands[0]!;
  return bands.slice(1).find((band) => band.to === null || access < band.to) ?? bands[bands.length - 1]!;
}

/** A square around places (degrees), as KoreaMap's focus: its centre and half its larger side in km. */
export function focusAround(bounds: { west: number; south: number; east: number; north: number }, marginKm = 1) {
  const lat = (bounds.south + bounds.north) / 2;
  const lon = (bounds.west + bounds.east) / 2;
  const halfHeight = ((bounds.north - bounds.south) / 2) * 111.2;
  const halfWidth = ((bounds.east - bounds.west) / 2) * 111.2 * Math.cos((lat * Math.PI) / 180);
  return { lat, lon, radiusKm: Math.max(halfHeight, halfWidth) + marginKm };
}
