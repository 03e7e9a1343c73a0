/**
 * Two-step floating catchment area accessibility (Luo & Wang 2003), with equity measures. Pure.
 *
 *  Step 1, for each venue j:  R_j = S_j / Σ_k P_k · W(d_kj)      (seats per resident who can reach it)
 *  Step 2, for each dong i:   A_i = Σ_j R_j · W(d_ij)            (seats within reach, per resident)
 *
 * W is 1 within the catchment and 0 beyond (classic 2SFCA), or a stepped decay (E2SFCA) when bands are
 * given. Distances are great-circle between dong anchor points and venues; a grid of cells keeps every
 * search local, so the work grows with the number of points, not with their product.
 */
import { haversineKm } from '../../../shared/lib/geo.ts';

export interface DemandPoint {
  id: string;
  lat: number;
  lon: number;
  population: number;
  /** How far the dong extends from its anchor (radius of a disc of its area); 0 or absent: a point. */
  radiusKm?: number;
}

export interface SupplyPoint {
  lat: number;
  lon: number;
  seats: number;
}

/** Distance bands with weights, nearest first, e.g. [[0.5, 1], [1, 0.7], [1.5, 0.3]] (km, weight). */
export type DecayBands = readonly (readonly [km: number, weight: number])[];

export interface AccessibilityResult {
  /** Seats within reach per 1,000 residents, per dong. */
  perThousand: Map<string, number>;
  /** R_j: seats per resident within reach of the venue, by the venue's position in the list (0 when nobody lives within reach). */
  ratio: Float64Array;
}

/** Length of one degree of latitude (and of longitude at the equator) on the sphere haversineKm uses. */
export const KM_PER_DEGREE = haversineKm(0, 0, 1, 0);
const toRad = Math.PI / 180;

function weightOf(km: number, catchmentKm: number, bands?: DecayBands): number {
  if (km > catchmentKm) return 0;
  if (!bands) return 1;
  return bands.find(([limit]) => km <= limit)?.[1] ?? 0;
}

/** What a search found: positions of the points in the grid's list and their distances. Reused between searches. */
export class Found {
  count = 0;
  index = new Int32Array(256);
  km = new Float64Array(256);

  add(index: number, km: number): void {
    if (this.count === this.index.length) {
      const [indices, distances] = [new Int32Array(this.count * 2), new Float64Array(this.count * 2)];
      indices.set(this.index);
      distances.set(this.km);
      [this.index, this.km] = [indices, distances];
    }
    this.index[this.count] = index;
    this.km[this.count++] = km;
  }
}

/**
 * Points bucketed into cells of about `cellKm`. A search visits the cells of the latitude/longitude box
 * around the query that holds every point within the distance (longitude degrees shrink towards the
 * pole, so the box is as wide as it must be at its poleward edge), then measures each candidate.
 *
 * Built for millions of distance checks: coordinates sit in typed arrays and cells hold positions, so
 * the hot loop reads one shape of data whatever the points are, and allocates nothing.
 */
export class PointGrid {
  readonly lats: Float64Array;
  readonly lons: Float64Array;
  private readonly cells = new Map<number, number[]>();
  private readonly latStep: number;
  private readonly lonStep: number;
  // The rows and columns the points occupy. Keys count cells from the first, so they stay small integers,
  // which a Map looks up without allocating.
  private readonly firstRow: number;
  private readonly lastRow: number;
  private readonly firstColumn: number;
  private readonly lastColumn: number;

  constructor(points: readonly { lat: number; lon: number }[], cellKm: number) {
    this.lats = Float64Array.from(points, (p) => p.lat);
    this.lons = Float64Array.from(points, (p) => p.lon);
    const meanLat = points.length > 0 ? this.lats.reduce((sum, lat) => sum + lat, 0) / points.length : 0;
    this.latStep = cellKm / KM_PER_DEGREE;
    this.lonStep = cellKm / (KM_PER_DEGREE * Math.max(0.1, Math.cos(meanLat * toRad)));
    const rows = Array.from(this.lats, (lat) => this.row(lat));
    const columns = Array.from(this.lons, (lon) => this.column(lon));
    [this.firstRow, this.lastRow] = [Math.min(...rows), Math.max(...rows)];
    [this.firstColumn, this.lastColumn] = [Math.min(...columns), Math.max(...columns)];
    rows.forEach((row, i) => {
      const key = this.key(row, columns[i]!);
      const cell = this.cells.get(key);
      if (cell) cell.push(i);
      else this.cells.set(key, [i]);
    });
  }

  private row(lat: number) { return Math.floor(lat / this.latStep); }
  private column(lon: number) { return Math.floor(lon / this.lonStep); }
  private key(row: number, column: number) { return (row - this.firstRow) * (this.lastColumn - this.firstColumn + 1) + (column - this.firstColumn); }

  /** Every point within `km` of (lat, lon), into `found` (emptied first). */
  search(lat: number, lon: number, km: number, found: Found): Found {
    found.count = 0;
    const dLat = km / KM_PER_DEGREE;
    const poleward = Math.min(89, Math.abs(lat) + dLat);
    // 0.1% more than the flat-earth bound covers the sphere's curvature at these distances.
    const dLon = (1.001 * km) / (KM_PER_DEGREE * Math.cos(poleward * toRad));
    const rowTo = Math.min(this.lastRow, this.row(lat + dLat));
    const columnFrom = Math.max(this.firstColumn, this.column(lon - dLon));
    const columnTo = Math.min(this.lastColumn, this.column(lon + dLon));
    // Most candidates lie in the corners of the box: a flat-earth distance with 1% to spare (far more than
    // it errs by within tens of km) turns them away before the exact, costlier haversine.
    const kmPerDegreeLon = KM_PER_DEGREE * Math.cos(lat * toRad);
    const rejectBeyond = (1.01 * km) ** 2;
    for (let r = Math.max(this.firstRow, this.row(lat - dLat)); r <= rowTo; r++) {
      for (let c = columnFrom; c <= columnTo; c++) {
        const cell = this.cells.get(this.key(r, c));
        if (!cell) continue;
        for (const i of cell) {
          const dy = (this.lats[i]! - lat) * KM_PER_DEGREE;
          const dx = (this.lons[i]! - lon) * kmPerDegreeLon;
          if (dx * dx + dy * dy > rejectBeyond) continue;
          const distance = haversineKm(lat, lon, this.lats[i]!, this.lons[i]!);
          if (distance <= km) found.add(i, distance);
        }
      }
    }
    return found;
  }

  /** Distance to the nearest point, or Infinity when none is within `limitKm`. Widens the search step by step. */
  nearestKm(lat: number, lon: number, limitKm: number, found = new Found()): number {
    for (let radius = Math.min(limitKm, this.latStep * KM_PER_DEGREE); ; radius = Math.min(limitKm, radius * 2)) {
      this.search(lat, lon, radius, found);
      if (found.count > 0 || radius >= limitKm) return found.count > 0 ? Math.min(...found.km.subarray(0, found.count)) : Infinity;
    }
  }
}

export function twoStepFca(
  demand: readonly DemandPoint[], supply: readonly SupplyPoint[], catchmentKm: number, bands?: DecayBands,
): AccessibilityResult {
  if (!(catchmentKm > 0)) throw new Error('the catchment must be a positive distance');
  const demandGrid = new PointGrid(demand, catchmentKm);
  const supplyGrid = new PointGrid(supply, catchmentKm);
  const found = new Found();

  const ratios = new Float64Array(supply.length);
  supply.forEach((venue, j) => {
    demandGrid.search(venue.lat, venue.lon, catchmentKm, found);
    let reachablePopulation = 0;
    for (let k = 0; k < found.count; k++) reachablePopulation += demand[found.index[k]!]!.population * weightOf(found.km[k]!, catchmentKm, bands);
    ratios[j] = reachablePopulation > 0 ? venue.seats / reachablePopulation : 0;
  });

  const perThousand = new Map<string, number>();
  for (const dong of demand) {
    supplyGrid.search(dong.lat, dong.lon, catchmentKm, found);
    let access = 0;
    for (let k = 0; k < found.count; k++) access += ratios[found.index[k]!]! * weightOf(found.km[k]!, catchmentKm, bands);
    perThousand.set(dong.id, access * 1000);
  }
  return { perThousand, ratio: ratios };
}

/**
 * Cells for searches whose reach varies from dong to dong (a town's few hundred metres, a 면's many km):
 * a few km, so towns look at a handful of cells and remote dongs at not too many.
 */
const LOCAL_CELL_KM = 2;

/** Distance in km from each dong's anchor to its nearest venue; Infinity when none is within `limitKm`. */
export function nearestKm(demand: readonly DemandPoint[], supply: readonly SupplyPoint[], limitKm: number): Map<string, number> {
  const grid = new PointGrid(supply, LOCAL_CELL_KM);
  const found = new Found();
  return new Map(demand.map((dong) => [dong.id, grid.nearestKm(dong.lat, dong.lon, limitKm, found)]));
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
const SAMPLES = 64;

/** SAMPLES offsets (km) spread evenly over a unit disc (Vogel's sunflower): equal area per sample. */
const unitDisc = Array.from({ length: SAMPLES }, (_, k) => {
  const r = Math.sqrt((k + 0.5) / SAMPLES);
  return [r * Math.cos(k * GOLDEN_ANGLE), r * Math.sin(k * GOLDEN_ANGLE)] as const;
});

/**
 * Share (0–1) of each dong's residents farther than `walkKm` from every venue. A dong's anchor point
 * says little about a rural 면 several km across, so residents are taken as spread evenly over the
 * dong's disc (radiusKm) and 64 places on it are checked; a dong without a radius is its anchor.
 * Most dongs are settled without sampling: a venue within walkKm − radius covers the whole disc, and
 * none within walkKm + radius covers none of it.
 */
export function beyondWalkShares(demand: readonly DemandPoint[], supply: readonly SupplyPoint[], walkKm: number): Map<string, number> {
  const grid = new PointGrid(supply, LOCAL_CELL_KM);
  const found = new Found();
  const shares = new Map<string, number>();
  for (const dong of demand) {
    const radius = Math.max(0, dong.radiusKm ?? 0);
    grid.search(dong.lat, dong.lon, walkKm + radius, found);
    const nearest = found.count > 0 ? Math.min(...found.km.subarray(0, found.count)) : Infinity;
    if (nearest + radius <= walkKm || found.count === 0) {
      shares.set(dong.id, found.count === 0 ? 1 : 0);
      continue;
    }
    // Venues nearest the anchor cover most of the disc: trying them first settles most places at once.
    // On the few km of a dong a flat map errs far below 1%: it decides every place but those within 1% of
    // the walking distance, which the haversine settles.
    const kmPerDegreeLon = KM_PER_DEGREE * Math.cos(dong.lat * toRad);
    const candidates = Array.from(found.index.subarray(0, found.count), (i, k) => ({
      lat: grid.lats[i]!, lon: grid.lons[i]!, km: found.km[k]!,
      x: (grid.lons[i]! - dong.lon) * kmPerDegreeLon, y: (grid.lats[i]! - dong.lat) * KM_PER_DEGREE,
    })).sort((a, b) => a.km - b.km);
    const [surelyWithin, surelyBeyond] = [(0.99 * walkKm) ** 2, (1.01 * walkKm) ** 2];
    let beyond = 0;
    for (const [x, y] of unitDisc) {
      const [sampleX, sampleY] = [x * radius, y * radius];
      const reached = candidates.some((venue) => {
        const squared = (venue.x - sampleX) ** 2 + (venue.y - sampleY) ** 2;
        if (squared <= surelyWithin || squared > surelyBeyond) return squared <= surelyWithin;
        return haversineKm(dong.lat + sampleY / KM_PER_DEGREE, dong.lon + sampleX / kmPerDegreeLon, venue.lat, venue.lon) <= walkKm;
      });
      if (!reached) beyond++;
    }
    shares.set(dong.id, beyond / SAMPLES);
  }
  return shares;
}

export interface Weighted {
  value: number;
  weight: number;
}

/**
 * Population-weighted Gini coefficient of accessibility across dongs: 0 when every resident has the
 * same access, towards 1 when a few have it all. Sorted-cumulative form, O(n log n).
 */
export function weightedGini(values: readonly Weighted[]): number {
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

/**
 * Population-weighted Theil T index: T = Σ (w_i/W)·(x_i/μ)·ln(x_i/μ). 0 when all are equal; its upper
 * bound ln(W/w_min) grows with the number of people. Dongs with no access add 0 (x·ln x → 0 as x → 0),
 * so, unlike a log of access, the index stays finite when some dongs reach nothing.
 */
export function theilT(values: readonly Weighted[]): number {
  const rows = values.filter((v) => v.weight > 0);
  const totalWeight = rows.reduce((sum, r) => sum + r.weight, 0);
  const mean = totalWeight > 0 ? rows.reduce((sum, r) => sum + r.weight * r.value, 0) / totalWeight : 0;
  if (mean <= 0) return 0;
  return rows.reduce((sum, r) => {
    const relative = r.value / mean;
    return relative > 0 ? sum + (r.weight / totalWeight) * relative * Math.log(relative) : sum;
  }, 0);
}

/** The population-weighted mean. */
export function weightedMean(values: readonly Weighted[]): number {
  const totalWeight = values.reduce((sum, r) => sum + r.weight, 0);
  return totalWeight > 0 ? values.reduce((sum, r) => sum + r.weight * r.value, 0) / totalWeight : 0;
}
