/**
 * Boundary outlines for the maps. Apart from places.ts so that pages naming places without a map (the search) do
 * not carry the map's geometry code.
 */
import { useEffect, useState } from 'react';
import type { Feature, Geometry } from 'geojson';
import type { Topology } from 'topojson-specification';
import type { BoundaryLevel } from '../../../shared/contracts/geography.ts';
import { api } from '../../api/client.ts';
import { topologyFeatures } from '../../ui/KoreaMap.tsx';

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
