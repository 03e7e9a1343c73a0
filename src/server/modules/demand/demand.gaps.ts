/**
 * Where supply misses demand (the paper's first failure): for every area × target group × dong that
 * residents asked for, the places within reach, and the gap. Pure.
 */
import type { TargetGroupCode } from '../../../shared/vocabulary/index.ts';
import { haversineKm } from '../../../shared/lib/geo.ts';
import type { DemandCell, SupplyProgram } from './demand.queries.ts';

export interface Place {
  lat: number;
  lon: number;
}

export interface MatchedCell extends DemandCell {
  demand: number;
  seatsOffered: number;
  seatsOpen: number;
  gap: number;
}

/** A program serves a group if it is for that group or for everyone; a wish "for anyone" is served by any program. */
export function serves(program: { targetGroups: readonly TargetGroupCode[] }, group: TargetGroupCode): boolean {
  return group === 'all' || program.targetGroups.includes(group) || program.targetGroups.includes('all');
}

/**
 * Matches each demand cell with the programs of its area that serve its group within `reachKm` of its dong
 * (a cell without a dong — asked city-wide — is matched with all of them). Largest gaps first.
 */
export function matchDemand(cells: readonly DemandCell[], supply: readonly SupplyProgram[], dongs: ReadonlyMap<string, Place>, reachKm: number): MatchedCell[] {
  const byArea = new Map<string, SupplyProgram[]>();
  for (const program of supply) byArea.set(program.area, [...(byArea.get(program.area) ?? []), program]);
  return cells.map((cell) => {
    const home = cell.dongCode ? dongs.get(cell.dongCode) : undefined;
    let seatsOffered = 0;
    let seatsOpen = 0;
    for (const program of byArea.get(cell.area) ?? []) {
      if (!serves(program, cell.targetGroup)) continue;
      const at = dongs.get(program.dongCode);
      if (home && (!at || haversineKm(home.lat, home.lon, at.lat, at.lon) > reachKm)) continue;
      seatsOffered += program.seatsOffered;
      seatsOpen += program.seatsOpen;
    }
    const demand = cell.wishes + cell.waitlisted + cell.searches;
    return { ...cell, demand, seatsOffered, seatsOpen, gap: demand - seatsOpen };
  }).sort((a, b) => b.gap - a.gap || b.demand - a.demand || (a.dongCode ?? '').localeCompare(b.dongCode ?? ''));
}
