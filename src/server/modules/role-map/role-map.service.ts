/** The role map of a city's institutions (issue 10, item 7): who covers which area × group × dong, overlaps and gaps. */
import { pageRequest } from '../../../shared/contracts/common.ts';
import type { RoleMap, RoleMapCellDetail, RoleMapCellQuery } from '../../../shared/contracts/role-map.ts';
import { addDays } from '../../../shared/lib/schedule.ts';
import { todayInKorea } from '../../platform/clock.ts';
import type { Executor } from '../../platform/database/database.ts';
import * as queries from './role-map.queries.ts';

/** The programs the map counts end on or after this day: the last twelve months, and everything ahead. */
const since = () => addDays(todayInKorea(), -365);

export async function roleMap(db: Executor, cityCode: string): Promise<RoleMap> {
  const from = since();
  const [cells, totals] = await Promise.all([queries.cells(db, cityCode, from), queries.totals(db, cityCode)]);
  return { cityCode, since: from, dongsTotal: totals.dongs, institutionsTotal: totals.institutions, cells };
}

export async function roleMapCell(db: Executor, cityCode: string, query: RoleMapCellQuery): Promise<RoleMapCellDetail> {
  const page = pageRequest(query);
  const cell = { cityCode, since: since(), area: query.area, target: query.target };
  const [institutions, dongs] = await Promise.all([queries.cellInstitutions(db, cell, page), queries.cellDongs(db, cell)]);
  return { area: query.area, target: query.target, institutions: { ...institutions, ...page }, dongs };
}
