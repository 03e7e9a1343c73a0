/**
 * Derives the compact geography table committed under src/server/modules/geography/data/ from KOSTAT's
 * 2018 census boundaries (../shared/data/korea-boundaries, KOGL Type 1). Run once, by hand:
 *   BOUNDARIES_DIR=../shared/data/korea-boundaries npm run geography:derive
 * Output: codes, Korean and English names, parents, an interior anchor point per unit, and a
 * SYNTHETIC population per dong (the boundary files carry none). Geometry itself is never committed.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { geoArea, geoBounds, geoCentroid, geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import { Random, hashToSeed } from '../src/shared/lib/random.ts';

const boundariesDir = process.env.BOUNDARIES_DIR ?? path.resolve('../shared/data/korea-boundaries');
const outDir = path.resolve('src/server/modules/geography/data');
const EARTH_RADIUS_KM = 6371.0088;

type Props = { code: string; name: string; name_eng: string };
type Shape = Feature<Polygon | MultiPolygon, Props>;

function load(file: string, object: string): Shape[] {
  const topology = JSON.parse(readFileSync(path.join(boundariesDir, file), 'utf8')) as Topology;
  const collection = feature(topology, topology.objects[object]!) as unknown as FeatureCollection<Polygon | MultiPolygon, Props>;
  return collection.features.map(rewind);
}

/** d3-geo wants clockwise rings; a shape whose area exceeds a hemisphere is wound the other way. */
function rewind(shape: Shape): Shape {
  if (geoArea(shape) <= 2 * Math.PI) return shape;
  const reverse = (rings: number[][][]) => rings.map((ring) => [...ring].reverse());
  const geometry = shape.geometry.type === 'Polygon'
    ? { ...shape.geometry, coordinates: reverse(shape.geometry.coordinates) }
    : { ...shape.geometry, coordinates: shape.geometry.coordinates.map(reverse) };
  return { ...shape, geometry } as Shape;
}

/** The centroid when it lies inside the shape, else the inside grid point nearest to it. */
function anchorPoint(shape: Shape): [number, number] {
  const centroid = geoCentroid(shape);
  if (geoContains(shape, centroid)) return centroid;
  const [[west, south], [east, north]] = geoBounds(shape);
  let best: [number, number] | null = null;
  let bestDistance = Infinity;
  for (let steps = 24; steps <= 192 && !best; steps *= 2) {
    for (let i = 0; i <= steps; i++) {
      for (let j = 0; j <= steps; j++) {
        const point: [number, number] = [west + ((east - west) * i) / steps, south + ((north - south) * j) / steps];
        if (!geoContains(shape, point)) continue;
        const distance = (point[0] - centroid[0]) ** 2 + (point[1] - centroid[1]) ** 2;
        if (distance < bestDistance) [best, bestDistance] = [point, distance];
      }
    }
  }
  return best ?? centroid;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

// Province names as of 2024: Gangwon and Jeonbuk became special self-governing provinces.
const provinceNames: Record<string, [ko: string, en: string, shortKo: string, shortEn: string]> = {
  '11': ['서울특별시', 'Seoul', '서울', 'Seoul'],
  '21': ['부산광역시', 'Busan', '부산', 'Busan'],
  '22': ['대구광역시', 'Daegu', '대구', 'Daegu'],
  '23': ['인천광역시', 'Incheon', '인천', 'Incheon'],
  '24': ['광주광역시', 'Gwangju', '광주', 'Gwangju'],
  '25': ['대전광역시', 'Daejeon', '대전', 'Daejeon'],
  '26': ['울산광역시', 'Ulsan', '울산', 'Ulsan'],
  '29': ['세종특별자치시', 'Sejong', '세종', 'Sejong'],
  '31': ['경기도', 'Gyeonggi-do', '경기', 'Gyeonggi'],
  '32': ['강원특별자치도', 'Gangwon State', '강원', 'Gangwon'],
  '33': ['충청북도', 'Chungcheongbuk-do', '충북', 'Chungbuk'],
  '34': ['충청남도', 'Chungcheongnam-do', '충남', 'Chungnam'],
  '35': ['전북특별자치도', 'Jeonbuk State', '전북', 'Jeonbuk'],
  '36': ['전라남도', 'Jeollanam-do', '전남', 'Jeonnam'],
  '37': ['경상북도', 'Gyeongsangbuk-do', '경북', 'Gyeongbuk'],
  '38': ['경상남도', 'Gyeongsangnam-do', '경남', 'Gyeongnam'],
  '39': ['제주특별자치도', 'Jeju', '제주', 'Jeju'],
};

// Cities whose census units are non-autonomous districts (일반구): code of the city → names.
const citiesWithDistricts: Record<string, [ko: string, en: string]> = {
  '31010': ['수원시', 'Suwon-si'], '31020': ['성남시', 'Seongnam-si'], '31040': ['안양시', 'Anyang-si'],
  '31090': ['안산시', 'Ansan-si'], '31100': ['고양시', 'Goyang-si'], '31190': ['용인시', 'Yongin-si'],
  '33040': ['청주시', 'Cheongju-si'], '34010': ['천안시', 'Cheonan-si'], '35010': ['전주시', 'Jeonju-si'],
  '37010': ['포항시', 'Pohang-si'], '38110': ['창원시', 'Changwon-si'],
};

// Corrections to KOSTAT's 2018 names: wrong or unhyphenated romanisations, and Incheon Nam-gu's 2018 rename.
const municipalityNameFixes: Record<string, [ko: string, en: string]> = {
  '23030': ['미추홀구', 'Michuhol-gu'],
  '29010': ['세종시', 'Sejong-si'],
  '31240': ['화성시', 'Hwaseong-si'], '31250': ['광주시', 'Gwangju-si'], '31260': ['양주시', 'Yangju-si'],
  '31270': ['포천시', 'Pocheon-si'], '32360': ['철원군', 'Cheorwon-gun'], '33390': ['증평군', 'Jeungpyeong-gun'],
  '34070': ['계룡시', 'Gyeryong-si'], '34080': ['당진시', 'Dangjin-si'],
};

/** 'Hwagok 1(il)-dong' → 'Hwagok 1-dong'; 'Bojeongdong' → 'Bojeong-dong'; 'yangsan-dong' → 'Yangsan-dong'. */
function tidyRomanisation(name: string): string {
  let tidy = name.replace(/\s*\([a-z]+\)/g, '').replace(/_/g, '-').replace(/-myeo$/, '-myeon').replace(/\s+/g, ' ').trim();
  tidy = tidy.replace(/([a-z0-9])(dong|eup|myeon|gu|gun|si|ga)$/, '$1-$2');
  return tidy.charAt(0).toUpperCase() + tidy.slice(1);
}

/** The district part of a unit named like '수원시장안구' / 'Suwonsijangangu'. */
function districtNames(unitKo: string, unitEn: string, cityKo: string): [string, string] {
  const ko = unitKo.slice(cityKo.length);
  const en = unitEn.replace(/^[A-Z][a-z]+si(?=[a-z])/, '').replace(/^[a-z]/, (c) => c.toUpperCase());
  return [ko, tidyRomanisation(en)];
}

function municipalityKind(nameKo: string): 'si' | 'gun' | 'gu' {
  if (nameKo.endsWith('군')) return 'gun';
  if (nameKo.endsWith('구')) return 'gu';
  return 'si';
}

// Synthetic populations: typical sizes by kind of dong, spread log-normally, scaled to the 2020 census total.
const NATIONAL_POPULATION = 51_829_136;
const typicalPopulation = { dong: 21_000, eup: 19_000, myeon: 3_800 } as const;
const share65 = { dong: [0.12, 0.22], eup: [0.17, 0.3], myeon: [0.28, 0.46] } as const;

function main() {
  const provinces = load('skorea-provinces-2018-topo-simple.json', 'skorea_provinces_2018_geo');
  const units = load('skorea-municipalities-2018-topo-simple.json', 'skorea_municipalities_2018_geo');
  const dongs = load('skorea-submunicipalities-2018-topo-simple.json', 'skorea_submunicipalities_2018_geo');

  const provinceRows = provinces
    .map((p) => [p.properties.code, ...provinceNames[p.properties.code]!])
    .sort((a, b) => a[0]!.localeCompare(b[0]!));

  // Autonomous municipalities: census units, with 일반구 folded into their city (code ending in 0).
  const municipalities = new Map<string, { code: string; ko: string; en: string; shapes: Shape[] }>();
  const unitToDistrict = new Map<string, [string, string] | null>();
  for (const unit of units) {
    const { code, name, name_eng } = unit.properties;
    const cityCode = `${code.slice(0, 4)}0`;
    const parent = citiesWithDistricts[cityCode];
    const [ko, en] = parent ?? municipalityNameFixes[code] ?? [name, tidyRomanisation(name_eng)];
    unitToDistrict.set(code, parent ? districtNames(name, name_eng, parent[0]) : null);
    const entry = municipalities.get(cityCode) ?? { code: cityCode, ko, en, shapes: [] };
    entry.shapes.push(unit);
    municipalities.set(cityCode, entry);
  }

  const municipalityRows = [...municipalities.values()]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((m) => {
      const merged: Shape = {
        type: 'Feature',
        properties: m.shapes[0]!.properties,
        geometry: {
          type: 'MultiPolygon',
          coordinates: m.shapes.flatMap((s) => (s.geometry.type === 'Polygon' ? [s.geometry.coordinates] : s.geometry.coordinates)),
        },
      };
      const [lon, lat] = anchorPoint(merged);
      return [m.code, m.code.slice(0, 2), municipalityKind(m.ko), m.ko, m.en, round(lat, 5), round(lon, 5)];
    });

  const dongDraft = dongs
    .sort((a, b) => a.properties.code.localeCompare(b.properties.code))
    .map((d) => {
      const { code, name, name_eng } = d.properties;
      const unitCode = code.slice(0, 5);
      const kind = name.endsWith('읍') ? 'eup' : name.endsWith('면') ? 'myeon' : 'dong';
      const [lon, lat] = anchorPoint(d);
      const areaKm2 = geoArea(d) * EARTH_RADIUS_KM ** 2;
      const random = new Random(hashToSeed(`population:${code}`));
      const population = typicalPopulation[kind] * Math.exp(random.normal(0, 0.45));
      const [lo, hi] = share65[kind];
      return {
        code, unitCode, kind, ko: name, en: tidyRomanisation(name_eng), lat, lon,
        radiusM: Math.sqrt(areaKm2 / Math.PI) * 1000, population, elderlyShare: random.between(lo, hi),
      };
    });
  const scale = NATIONAL_POPULATION / dongDraft.reduce((sum, d) => sum + d.population, 0);

  const dongRows = dongDraft.map((d) => {
    const district = unitToDistrict.get(d.unitCode) ?? null;
    const population = Math.round(d.population * scale);
    return [
      d.code, `${d.unitCode.slice(0, 4)}0`, district ? d.unitCode : '', district?.[0] ?? '', district?.[1] ?? '',
      d.kind, d.ko, d.en, round(d.lat, 5), round(d.lon, 5), Math.round(d.radiusM), population,
      Math.round(population * d.elderlyShare),
    ];
  });

  mkdirSync(outDir, { recursive: true });
  const write = (file: string, header: string[], rows: unknown[][]) =>
    writeFileSync(path.join(outDir, file), [header, ...rows].map((r) => r.join('\t')).join('\n') + '\n');
  write('provinces.tsv', ['code', 'name_ko', 'name_en', 'short_ko', 'short_en'], provinceRows);
  write('municipalities.tsv', ['code', 'province_code', 'kind', 'name_ko', 'name_en', 'lat', 'lon'], municipalityRows);
  write('dongs.tsv', ['code', 'municipality_code', 'district_code', 'district_name_ko', 'district_name_en', 'kind',
    'name_ko', 'name_en', 'lat', 'lon', 'radius_m', 'population', 'population_65_plus'], dongRows);
  console.log(`provinces ${provinceRows.length}, municipalities ${municipalityRows.length}, dongs ${dongRows.length} → ${outDir}`);
}

main();
