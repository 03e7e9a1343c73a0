/**
 * Two-step floating catchment area accessibility (Luo & Wang 2003), with equity measures. Pure.
 *
 *  Step 1, for each venue j:  R_j = S_j / Σ_k P_k · W(d_kj)      (seats per resident who can reach it)
 *  Step 2, for each dong i:   A_i = Σ_j R_j · W(d_ij)            (seats within reach, per resident)
 *
 * W is 1 within the catchment and 0 beyond (classic 2SFCA), or a stepped decay (E2SFCA) when bands are
 * given. Distances are great-circle between dong anchor points and venues; a grid of catchment-sized
 * cells keeps the work near-linear (3,504 dongs × 50,000 venues in well under a second).
 */

export interface DemandPoint {
  id: string;
  lat: number;
  lon: number;
  population: number;
}

export interface SupplyPoint {
  id: number;
  lat: number;
  lon: number;
  seats: number;
}

/** Distance bands with weights, nearest first, e.g. [[0.5, 1], [1, 0.7], [1.5, 0.3]] (km, weight). */
export type DecayBands = readonly (readonly [km: number, weight: number])[];

export interface AccessibilityResult {
  /** Seats within reach per 1,000 residents, per dong. */
  perThousand: Map<string, number>;
  /** Distance in km from each dong to its nearest venue (Infinity when none is within the search limit). */
  nearestKm: Map<string, number>;
}

const EARTH_RADIUS_KM = 6371.0088;
const toRad = Math.PI / 180;

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

function weightOf(km: number, catchmentKm: number, bands?: DecayBands): number {
  if (km > catchmentKm) return 0;
  if (!bands) return 1;
  return bands.find(([limit]) => km <= limit)?.[1] ?? 0;
}

/** Buckets points into cells of `cellKm` so neighbours are found by looking at 3×3 cells. */
class Grid<T extends { lat: number; lon: number }> {
  private readonly cells = new Map<string, T[]>();
  private readonly latStep: number;
  private readonly lonStep: number;

  constructor(points: readonly T[], cellKm: number) {
    this.latStep = cellKm / 111.32;
    this.lonStep = cellKm / (111.32 * Math.cos(36 * toRad)); // Korea spans 33–38.6°N; 36° keeps cells square enough
    for (const point of points) {
      const key = this.key(this.row(point.lat), this.column(point.lon));
      const cell = this.cells.get(key);
      if (cell) cell.push(point);
      else this.cells.set(key, [point]);
    }
  }

  private row(lat: number) { return Math.floor(lat / this.latStep); }
  private column(lon: number) { return Math.floor(lon / this.lonStep); }
  private key(row: number, column: number) { return `${row}:${column}`; }

  /** Points in the cells within `rings` cells of (lat, lon). */
  *near(lat: number, lon: number, rings = 1): Generator<T> {
    const row = this.row(lat);
    const column = this.column(lon);
    for (let r = row - rings; r <= row + rings; r++) {
      for (let c = column - rings; c <= column + rings; c++) {
        const cell = this.cells.get(this.key(r, c));
        if (cell) yield* cell;
      }
    }
  }
}

export function twoStepFca(
  demand: readonly DemandPoint[], supply: readonly SupplyPoint[], catchmentKm: number, bands?: DecayBands,
): AccessibilityResult {
  if (!(catchmentKm > 0)) throw new Error('the catchment must be a positive distance');
  // Cells at least as wide as the catchment: every point within reach is in the 3×3 neighbourhood.
  const demandGrid = new Grid(demand, catchmentKm);
  const supplyGrid = new Grid(supply, catchmentKm);

  const ratio = new Map<number, number>();
  for (const venue of supply) {
    let reachablePopulation = 0;
    for (const dong of demandGrid.near(venue.lat, venue.lon)) {
      reachablePopulation += dong.population * weightOf(haversineKm(venue.lat, venue.lon, dong.lat, dong.lon), catchmentKm, bands);
    }
    ratio.set(venue.id, reachablePopulation > 0 ? venue.seats / reachablePopulation : 0);
  }

  const perThousand = new Map<string, number>();
  const nearestKm = new Map<string, number>();
  for (const dong of demand) {
    let access = 0;
    let nearest = Infinity;
    for (const venue of supplyGrid.near(dong.lat, dong.lon, 2)) {
      const km = haversineKm(dong.lat, dong.lon, venue.lat, venue.lon);
      nearest = Math.min(nearest, km);
      access += ratio.get(venue.id)! * weightOf(km, catchmentKm, bands);
    }
    perThousand.set(dong.id, access * 1000);
    nearestKm.set(dong.id, nearest);
  }
  return { perThousand, nearestKm };
}

/**
 * Population-weighted Gini coefficient of accessibility across dongs: 0 when every resident has the
 * same access, towards 1 when a few have it all. Sorted-cumulative form, O(n log n).
 */
export function weightedGini(values: readonly { value: number; weight: number }[]): number {
  const rows = values.filter((v) => v.weight > 0).sort((a, b) => a.value - b.value);
  const totalWeight = rows.reduce((sum, r) => sum + r.weight, 0);
  const totalValue = rows.reduce((sum, r) => sum + r.weight * r.value, 0);
  if (totalWeight === 0 || totalValue === 0) return 0;
  // G = 1 − Σ w_i (2·cumulativeValueBefore_i + w_i·v_i) / (W · V)
  let cumulative = 0;
  let area = 0;
  for (const r of rows) {
    area += r.weight * (2 * cumulative + r.weight * r.value);
    cumulative += r.weight * r.value;
  }
  return 1 - area / (totalWeight * totalValue);
}

/** Share of residents (0–1) whose dong's nearest venue is farther than walking distance. */
export function shareBeyondWalk(demand: readonly DemandPoint[], nearestKm: Map<string, number>, walkKm: number): number {
  const total = demand.reduce((sum, d) => sum + d.population, 0);
  const beyond = demand.reduce((sum, d) => sum + ((nearestKm.get(d.id) ?? Infinity) > walkKm ? d.population : 0), 0);
  return total > 0 ? beyond / total : 0;
}
