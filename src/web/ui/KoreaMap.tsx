/**
 * Korea on an SVG map (d3-geo, fully offline): region outlines when the server has boundary files,
 * and coloured points. Without outlines it still draws the points in the same projection.
 */
import { geoArea, geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { useMemo } from 'react';

export interface MapPoint {
  id: string;
  lat: number;
  lon: number;
  colour: string;
  label: string;
  radius?: number;
}

const WIDTH = 600;
const HEIGHT = 700;
// Mainland, Jeju and Ulleung: a fixed frame, so points-only maps look the same as outlined ones.
const KOREA_FRAME: GeoPermissibleObjects = {
  type: 'MultiPoint',
  coordinates: [[124.6, 33.1], [131.0, 33.1], [124.6, 38.65], [131.0, 38.65]],
};

/** d3-geo wants clockwise rings; TopoJSON converted from GeoJSON may wind them the other way. */
function rewound(shape: Feature<Geometry>): Feature<Geometry> {
  if (geoArea(shape) <= 2 * Math.PI) return shape;
  const reverse = (rings: number[][][]) => rings.map((ring) => [...ring].reverse());
  const g = shape.geometry;
  if (g.type === 'Polygon') return { ...shape, geometry: { ...g, coordinates: reverse(g.coordinates) } };
  if (g.type === 'MultiPolygon') return { ...shape, geometry: { ...g, coordinates: g.coordinates.map(reverse) } };
  return shape;
}

export function topologyFeatures(topology: Topology): Feature<Geometry>[] {
  const name = Object.keys(topology.objects)[0]!;
  const collection = feature(topology, topology.objects[name]!) as unknown as FeatureCollection<Geometry>;
  return collection.features.map(rewound);
}

export function KoreaMap({ outline, points, title }: { outline: Feature<Geometry>[] | null; points: MapPoint[]; title: string }) {
  const projection = useMemo(() => geoMercator().fitExtent([[16, 16], [WIDTH - 16, HEIGHT - 16]], KOREA_FRAME), []);
  const path = useMemo(() => geoPath(projection), [projection]);
  return (
    <svg className="lc-map" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
      <title>{title}</title>
      {outline?.map((region, i) => <path key={i} className="region" d={path(region) ?? undefined} />)}
      {points.map((point) => {
        const [x, y] = projection([point.lon, point.lat]) ?? [0, 0];
        return (
          <circle key={point.id} className="point" cx={x} cy={y} r={point.radius ?? 7} fill={point.colour}>
            <title>{point.label}</title>
          </circle>
        );
      })}
    </svg>
  );
}
