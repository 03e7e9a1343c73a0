/**
 * Use cases of the access module: how well each dong of a city reaches places to learn in person.
 *
 * The choices behind the figures (README of the measure, in short):
 *  - S_j, supply of a location: places offered in the year, the summed capacity of in-person and blended
 *    programs running during it (see placesIn). Places, not seat-hours: a resident takes a place, however
 *    long the course. Venues of one institution share a location and are one supply point.
 *  - P_k, demand of a dong: all its residents (the data has no adult count; the figures are synthetic),
 *    or, for `older`, its residents aged 65+ against the places in programs meant for older adults.
 *  - Distances: great-circle from each dong's anchor point to the venue. Catchment 1.5 km by default (a
 *    town's bus stop or two; officers choose 0.5–20 km); walking distance 0.8 km, a 10-minute walk at 80 m a minute.
 *  - Borders: residents cross them, so venues and dongs around the city count too; only the city's dongs
 *    are reported.
 */
import type { AccessDong, AccessQuery, AccessReport, AccessSummary } from '../../../shared/contracts/access.ts';
import { accessLimits, type AccessPopulation } from '../../../shared/vocabulary/access.ts';
import type { PageRequest } from '../../../shared/contracts/common.ts';
import { yearInKorea } from '../../platform/clock.ts';
import type { Executor } from '../../platform/database/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import * as queries from './access.queries.ts';
import {
  Found, KM_PER_DEGREE, PointGrid, beyondWalkShares, nearestKm, theilT, twoStepFca, weightedGini, weightedMean, type DemandPoint,
} from './two-step-fca.ts';

/** Nearest venues are looked for up to this far (km): beyond it "farther than 15 km" says enough, and a city's read stays local. */
export const SEARCH_LIMIT_KM = 15;

export interface AccessParameters {
  year: number;
  catchmentKm: number;
  walkKm: number;
  population: AccessPopulation;
}

export function parametersOf(query: Omit<AccessQuery, 'page' | 'pageSize'>): AccessParameters {
  return {
    year: query.year ?? yearInKorea(),
    catchmentKm: query.catchmentKm ?? accessLimits.catchmentKm.default,
    walkKm: query.walkKm ?? accessLimits.walkKm.default,
    population: query.population ?? 'all',
  };
}

export interface AccessInputs {
  demand: queries.DemandRow[];
  supply: queries.SupplyRow[];
}


export interface DongAccess extends queries.DemandRow {
  /** Places within reach per 1,000 residents. */
  access: number;
  nearestKm: number;
  beyondWalkShare: number;
}

/**
 * 2SFCA over all the demand and supply given; nearest venue and residents beyond walking distance for the
 * `reported` dongs only (a city's, when the inputs include a margin around it).
 */
export function computeAccess(inputs: AccessInputs, parameters: AccessParameters, reported = inputs.demand) {
  const { supply } = inputs;
  const asPoint = (row: queries.DemandRow): DemandPoint => ({ id: row.code, lat: row.lat, lon: row.lon, population: row.population, radiusKm: row.radiusKm });
  const { perThousand } = twoStepFca(inputs.demand.map(asPoint), supply, parameters.catchmentKm);
  const points = reported.map(asPoint);
  const nearest = nearestKm(points, supply, SEARCH_LIMIT_KM);
  const beyond = beyondWalkShares(points, supply, parameters.walkKm);
  const dongs: DongAccess[] = reported.map((row) => ({
    ...row, access: perThousand.get(row.code)!, nearestKm: nearest.get(row.code)!, beyondWalkShare: beyond.get(row.code)!,
  }));
  return dongs;
}

/** Every dong against every location with places in the year, across the whole country. */
export async function nationalInputs(db: Executor, parameters: AccessParameters): Promise<AccessInputs> {
  const [demand, supply] = await Promise.all([
    queries.dongsIn(db, null, parameters.population),
    queries.placesIn(db, null, parameters.year, parameters.population),
  ]);
  return { demand, supply };
}

/**
 * Every city's mean access (places within reach per 1,000 residents, weighted by its dongs' residents), from one
 * national 2SFCA pass: what priority investment reads as need. Cities without residents are left out.
 */
export async function accessOfCities(db: Executor, parameters: AccessParameters): Promise<Map<string, number>> {
  const inputs = await nationalInputs(db, parameters);
  const { perThousand } = twoStepFca(inputs.demand.map((row) => ({ id: row.code, lat: row.lat, lon: row.lon, population: row.population, radiusKm: row.radiusKm })),
    inputs.supply, parameters.catchmentKm);
  const byCity = new Map<string, { value: number; weight: number }[]>();
  for (const dong of inputs.demand) {
    if (dong.population <= 0) continue;
    const list = byCity.get(dong.municipalityCode) ?? [];
    list.push({ value: perThousand.get(dong.code)!, weight: dong.population });
    byCity.set(dong.municipalityCode, list);
  }
  return new Map([...byCity].map(([code, dongs]) => [code, round(weightedMean(dongs), 3)]));
}

function around(box: queries.Box, km: number): queries.Box {
  const dLat = km / KM_PER_DEGREE;
  const dLon = km / (KM_PER_DEGREE * Math.cos((Math.max(Math.abs(box.south), Math.abs(box.north)) + dLat) * (Math.PI / 180)));
  return { south: box.south - dLat, north: box.north + dLat, west: box.west - dLon, east: box.east + dLon };
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

function summarise(cityCode: string, dongs: DongAccess[], supply: queries.SupplyRow[], parameters: AccessParameters): AccessSummary {
  const population = dongs.reduce((sum, d) => sum + d.population, 0);
  const weighted = dongs.map((d) => ({ value: d.access, weight: d.population }));
  const residentsBeyondWalk = dongs.reduce((sum, d) => sum + d.population * d.beyondWalkShare, 0);
  const withoutAccess = dongs.reduce((sum, d) => sum + (d.access === 0 ? d.population : 0), 0);
  const cityGrid = new PointGrid(dongs, parameters.catchmentKm);
  const found = new Found();
  const inReach = supply.filter((s) => cityGrid.search(s.lat, s.lon, parameters.catchmentKm, found).count > 0);
  const elsewhere = inReach.filter((s) => s.cityCode !== cityCode);
  const total = (list: queries.SupplyRow[], pick: (s: queries.SupplyRow) => number) => list.reduce((sum, s) => sum + pick(s), 0);
  return {
    population,
    dongs: dongs.length,
    meanAccess: round(weightedMean(weighted), 3),
    gini: round(weightedGini(weighted), 4),
    theil: round(theilT(weighted), 4),
    shareBeyondWalk: population > 0 ? round(residentsBeyondWalk / population, 4) : 0,
    residentsBeyondWalk: Math.round(residentsBeyondWalk),
    shareWithoutAccess: population > 0 ? round(withoutAccess / population, 4) : 0,
    venuesInReach: total(inReach, (s) => s.venues),
    placesInReach: total(inReach, (s) => s.seats),
    venuesInReachElsewhere: total(elsewhere, (s) => s.venues),
    placesInReachElsewhere: total(elsewhere, (s) => s.seats),
  };
}

/** The worst served first: least access, then most residents beyond walking distance. */
const worstFirst = (a: DongAccess, b: DongAccess) =>
  a.access - b.access || b.beyondWalkShare - a.beyondWalkShare || a.code.localeCompare(b.code);

export async function cityAccess(db: Executor, cityCode: string, parameters: AccessParameters, page: PageRequest): Promise<AccessReport> {
  const extent = await queries.cityExtent(db, cityCode);
  if (!extent) throw notFound('The city', 'code');
  const { catchmentKm, walkKm, year, population } = parameters;
  // Dongs within two catchments share a venue with one of the city's; venues within a catchment, or as
  // far as a resident at the edge of the widest dong walks, are all the city's dongs can reach.
  const reachKm = Math.max(catchmentKm, walkKm + extent.maxRadiusKm);
  const [demand, supply] = await Promise.all([
    queries.dongsIn(db, around(extent, 2 * catchmentKm), population),
    queries.placesIn(db, around(extent, reachKm), year, population),
  ]);
  const cityDongs = demand.filter((d) => d.municipalityCode === cityCode);
  const dongs = computeAccess({ demand, supply }, parameters, cityDongs);
  // A nearest venue found within reachKm is the nearest (a closer one would be in the box read). Only for
  // dongs with none that near is the wider box read, out to the search limit: in towns, never; a wide box
  // in a metropolitan area means scanning many programs.
  const remote = dongs.filter((d) => !(d.nearestKm <= reachKm));
  if (remote.length > 0 && reachKm < SEARCH_LIMIT_KM) {
    const wider = await queries.placesIn(db, around(extent, SEARCH_LIMIT_KM), year, population);
    const points = remote.map((d) => ({ id: d.code, lat: d.lat, lon: d.lon, population: d.population }));
    const nearest = nearestKm(points, wider, SEARCH_LIMIT_KM);
    for (const dong of remote) dong.nearestKm = nearest.get(dong.code)!;
  }
  const ranked = dongs.sort(worstFirst).map((d, i): AccessDong => ({
    code: d.code, nameKo: d.nameKo, nameEn: d.nameEn, districtNameKo: d.districtNameKo, districtNameEn: d.districtNameEn,
    lat: d.lat, lon: d.lon, population: d.population,
    access: round(d.access, 3),
    nearestKm: Number.isFinite(d.nearestKm) ? round(d.nearestKm, 2) : null,
    beyondWalk: d.nearestKm > walkKm,
    beyondWalkShare: round(d.beyondWalkShare, 4),
    rank: i + 1,
  }));
  const start = (page.page - 1) * page.pageSize;
  return {
    cityCode, ...parameters, searchLimitKm: SEARCH_LIMIT_KM,
    summary: summarise(cityCode, dongs, supply, parameters),
    items: ranked.slice(start, start + page.pageSize), total: ranked.length, ...page,
  };
}
