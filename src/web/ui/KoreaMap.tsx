/**
 * Korea on an SVG map (d3-geo, fully offline): region outlines when the server has boundary files,
 * and coloured points. Without outlines it still draws the points in the same projection. With `focus`
 * it shows only the few kilometres around one place.
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

/** A square of about `radiusKm` around a place, as the frame to fit. */
function frameAround({ lat, lon, radiusKm }: MapFocus): GeoPermissibleObjects {
  const dLat = radiusKm / 111;
  const dLon = radiusKm / (111 * Math.cos((lat * Math.PI) / 180));
  return { type: 'MultiPoint', coordinates: [[lon - dLon, lat - dLat], [lon + dLon, lat + dLat]] };
}

/** A region's fill and the words a pointer or screen reader gets for it (a choropleth). */
export interface RegionStyle {
  colour: string;
  label: string;
}

export interface MapFocus {
  lat: number;
  lon: number;
  radiusKm: number;
}

export function KoreaMap({ outline, points, title, focus, highlighted, regionStyles }: {
  outline: Feature<Geometry>[] | null;
  points: MapPoint[];
  title: string;
  focus?: MapFocus;
  /** The `code` property of a region to stand out. */
  highlighted?: string;
  /** Styles of regions by their `code` property; regions without one stay plain. */
  regionStyles?: ReadonlyMap<string, RegionStyle>;
}) {
  const [width, height] = focus ? [WIDTH, WIDTH * 0.6] : [WIDTH, HEIGHT];
  const projection = useMemo(() => {
    const extent: [[number, number], [number, number]] = [[16, 16], [width - 16, height - 16]];
    const fitted = geoMercator().fitExtent(extent, focus ? frameAround(focus) : KOREA_FRAME);
    // Zoomed in, cut outlines at the edge instead of drawing the whole country.
    return focus ? fitted.clipExtent([[0, 0], [width, height]]) : fitted;
  }, [focus, width, height]);
  const path = useMemo(() => geoPath(projection), [projection]);
  return (
    <svg className={`lc-map${focus ? ' focused' : ''}`} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
      <title>{title}</title>
      {outline?.map((region, i) => {
        const style = regionStyles?.get(region.properties?.code as string);
        return (
          // Inline, so the fill wins over the stylesheet's plain regions.
          <path key={i} className={`region${highlighted && region.properties?.code === highlighted ? ' highlighted' : ''}`} d={path(region) ?? undefined}
            style={style ? { fill: style.colour } : undefined}>
            {style && <title>{style.label}</title>}
          </path>
        );
      })}
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
