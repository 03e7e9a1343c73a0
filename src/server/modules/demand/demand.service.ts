/** Use cases of the demand module: where residents' demand meets too few places, and who could close the gap. */
import type { DemandQuery, DemandReport } from '../../../shared/contracts/demand.ts';
import { haversineKm } from '../../../shared/lib/geo.ts';
import { proposalPhases } from '../../../shared/vocabulary/index.ts';
import { todayInKorea } from '../../platform/clock.ts';
import type { AppDb } from '../../platform/database/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import { geography } from '../geography/index.ts';
import { surveysModule } from '../surveys/index.ts';
import { matchDemand, serves, type MatchedCell, type Place } from './demand.gaps.ts';
import * as queries from './demand.queries.ts';

const SUGGESTIONS = 3;

function monthsBefore(today: string, months: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString().slice(0, 10);
}

const sum = <T,>(items: readonly T[], pick: (item: T) => number) => items.reduce((total, item) => total + pick(item), 0);

export async function demandReport(db: AppDb, cityCode: string, query: DemandQuery): Promise<DemandReport> {
  if (!(await geography.findMunicipality(db, cityCode))) throw notFound('The city', 'code');
  const months = query.months ?? 12;
  const reachKm = query.reachKm ?? 2;
  const page = { page: query.page ?? 1, pageSize: query.pageSize ?? 20 };
  const today = todayInKorea();
  const since = monthsBefore(today, months);
  const [cells, supply, dongList, unmatched, proposed, needs] = await Promise.all([
    queries.demandCells(db, cityCode, since), queries.supplyPrograms(db, cityCode, since), queries.dongsOf(db, cityCode),
    queries.unmatchedSearches(db, cityCode, since), queries.proposalCounts(db, cityCode, since),
    surveysModule.topNeeds(db, cityCode, Number(today.slice(0, 4))),
  ]);
  const dongs = new Map(dongList.map((d) => [d.code, d]));
  const matched = matchDemand(cells, supply, dongs, reachKm);
  const chosen = query.area ? matched.filter((c) => c.area === query.area) : matched;

  const areas = [...new Set([...cells.map((c) => c.area), ...supply.map((s) => s.area), ...proposed.map((p) => p.area)])].sort();
  const byArea = areas.map((area) => {
    const asked = cells.filter((c) => c.area === area);
    const offered = supply.filter((s) => s.area === area);
    const wishes = sum(asked, (c) => c.wishes);
    const waitlisted = sum(asked, (c) => c.waitlisted);
    const searches = sum(asked, (c) => c.searches);
    const proposals = proposed.filter((p) => p.area === area);
    return {
      area, demand: wishes + waitlisted + searches, wishes, waitlisted, searches,
      proposals: sum(proposals, (p) => p.proposals), supporters: sum(proposals, (p) => p.supporters),
      seatsOffered: sum(offered, (s) => s.seatsOffered), seatsOpen: sum(offered, (s) => s.seatsOpen),
    };
  });
  const pairs = new Map<string, { area: (typeof areas)[number]; targetGroup: MatchedCell['targetGroup']; demand: number; seatsOffered: number }>();
  for (const cell of cells) {
    const key = `${cell.area}:${cell.targetGroup}`;
    const entry = pairs.get(key) ?? { area: cell.area, targetGroup: cell.targetGroup, demand: 0, seatsOffered: 0 };
    entry.demand += cell.wishes + cell.waitlisted + cell.searches;
    pairs.set(key, entry);
  }
  for (const entry of pairs.values()) {
    entry.seatsOffered = sum(supply.filter((s) => s.area === entry.area && serves(s, entry.targetGroup)), (s) => s.seatsOffered);
  }

  const shown = chosen.slice((page.page - 1) * page.pageSize, page.page * page.pageSize);
  const suggest = await suggestions(db, cityCode, shown, dongs, today);
  const totals = (['demand', 'wishes', 'waitlisted', 'searches', 'seatsOffered', 'seatsOpen', 'proposals', 'supporters'] as const)
    .reduce((all, key) => ({ ...all, [key]: sum(byArea, (a) => a[key]) }), {} as DemandReport['totals']);
  return {
    cityCode, months, reachKm, totals, byArea,
    proposalsByPhase: Object.fromEntries(proposalPhases.codes.map((phase) => [phase, sum(proposed.filter((p) => p.phase === phase), (p) => p.proposals)])) as DemandReport['proposalsByPhase'],
    byAreaAndTarget: [...pairs.values()].sort((a, b) => b.demand - a.demand),
    gaps: {
      ...page, total: chosen.length,
      items: shown.map((cell, i) => ({
        area: cell.area, targetGroup: cell.targetGroup, dongCode: cell.dongCode,
        dongNameKo: cell.dongCode ? dongs.get(cell.dongCode)?.nameKo ?? null : null, dongNameEn: cell.dongCode ? dongs.get(cell.dongCode)?.nameEn ?? null : null,
        wishes: cell.wishes, waitlisted: cell.waitlisted, searches: cell.searches, demand: cell.demand,
        seatsOffered: cell.seatsOffered, seatsOpen: cell.seatsOpen, gap: cell.gap, suggestions: suggest[i]!,
      })),
    },
    needs,
    unmatchedSearches: unmatched,
  };
}

/** For each gap: institutions nearby that taught the area lately, and programs with places free now. */
async function suggestions(db: AppDb, cityCode: string, gaps: readonly MatchedCell[], dongs: ReadonlyMap<string, Place>, today: string) {
  if (gaps.length === 0) return [];
  const [institutions, programs] = await Promise.all([queries.experiencedInstitutions(db, cityCode, today), queries.openPrograms(db, cityCode)]);
  const km = (from: Place | undefined, lat: number | null, lon: number | null) =>
    from && lat !== null && lon !== null ? Math.round(haversineKm(from.lat, from.lon, lat, lon) * 10) / 10 : null;
  return gaps.map((gap) => {
    const home = gap.dongCode ? dongs.get(gap.dongCode) : undefined;
    const byDistance = (a: { km: number | null }, b: { km: number | null }) => (a.km ?? Infinity) - (b.km ?? Infinity);
    return {
      institutions: institutions.filter((i) => i.area === gap.area)
        .map((i) => ({ id: i.id, name: i.name, km: km(home, i.lat, i.lon) ?? 0, programsInArea: i.programs }))
        .sort((a, b) => (home ? a.km - b.km : b.programsInArea - a.programsInArea)).slice(0, SUGGESTIONS),
      programs: programs.filter((p) => p.area === gap.area && serves(p, gap.targetGroup))
        .map((p) => ({ id: p.id, title: p.title, institutionName: p.institutionName, km: km(home, p.lat, p.lon), seatsLeft: p.seatsLeft }))
        .sort(byDistance).slice(0, SUGGESTIONS),
    };
  });
}
