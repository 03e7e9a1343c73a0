/**
 * Issue 10, item 7: the role map of a city's institutions. Its figures agree with each other (a cell's institutions
 * are those its detail lists; the dongs it reaches are those where its programs meet; wishes add up by dong) and
 * with the rows, counted here independently; only those who analyse the city see it.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoleMap, RoleMapCellDetail } from '../../src/shared/contracts/role-map.ts';
import { firstRow } from '../../src/server/platform/database/database.ts';
import { addDays } from '../../src/shared/lib/schedule.ts';
import { todayInKorea } from '../support/clock.ts';
import { testEngine } from '../support/database.ts';
import { testApp, type Client, type TestApp } from '../support/app.ts';

const GWANGMYEONG = '31060';

describe(`the role map on ${testEngine()}`, () => {
  let t: TestApp;
  let officer: Client;
  let map: RoleMap;
  beforeAll(async () => {
    t = await testApp();
    officer = await t.as('officer@example.com');
    const response = await officer.get(`/api/cities/${GWANGMYEONG}/role-map`);
    expect(response.statusCode, response.body).toBe(200);
    map = response.json<RoleMap>();
  });
  afterAll(async () => t?.close());

  it('counts each area × group from the programs of the last twelve months and ahead, as the rows say', async () => {
    expect(map.since).toBe(addDays(todayInKorea(), -365));
    expect(map.cells.length).toBeGreaterThan(5);
    const busiest = [...map.cells].sort((a, b) => b.programs - a.programs)[0]!;
    const recount = await firstRow<{ programs: number; institutions: number }>(t.database.db, sql`
      SELECT count(*)::int AS programs, count(DISTINCT institution_id)::int AS institutions FROM programs
      WHERE city_code = ${GWANGMYEONG} AND status IN ('published', 'closed') AND ends_on >= ${map.since}::date
        AND area = ${busiest.area} AND ${busiest.target} = ANY(target_groups)`);
    expect({ programs: busiest.programs, institutions: busiest.institutions }).toEqual(recount);
    for (const cell of map.cells) {
      expect(cell.institutions).toBeLessThanOrEqual(cell.programs);
      expect(cell.dongs).toBeLessThanOrEqual(map.dongsTotal);
    }
  });

  it('opens a cell on the institutions serving it and every dong, gaps first', async () => {
    const cell = [...map.cells].sort((a, b) => b.programs - a.programs)[0]!;
    const detail = (await officer.get(`/api/cities/${GWANGMYEONG}/role-map/cell?area=${cell.area}&target=${cell.target}&pageSize=100`)).json<RoleMapCellDetail>();
    expect(detail.institutions.total).toBe(cell.institutions);
    expect(detail.institutions.items.reduce((sum, i) => sum + i.programs, 0)).toBe(cell.programs);
    expect(detail.dongs).toHaveLength(map.dongsTotal);
    expect(detail.dongs.filter((d) => d.programs > 0)).toHaveLength(cell.dongs);
    expect(detail.dongs[0]!.programs).toBe(0);
    const withWish = map.cells.find((c) => c.wishes > 0);
    if (withWish) {
      const wished = (await officer.get(`/api/cities/${GWANGMYEONG}/role-map/cell?area=${withWish.area}&target=${withWish.target}`)).json<RoleMapCellDetail>();
      const located = await firstRow<{ n: number }>(t.database.db, sql`
        SELECT count(*)::int AS n FROM learning_wishes WHERE city_code = ${GWANGMYEONG} AND area = ${withWish.area}
          AND target_group = ${withWish.target} AND dong_code IS NOT NULL AND created_at >= ${map.since}::date`);
      expect(wished.dongs.reduce((sum, d) => sum + d.wishes, 0)).toBe(located!.n);
    }
  });

  it('counts a near-copy pair once for each group both programs serve, within the city and one area', async () => {
    const recount = await firstRow<{ n: number }>(t.database.db, sql`
      SELECT coalesce(sum(cardinality(ARRAY(SELECT unnest(a.target_groups) INTERSECT SELECT unnest(b.target_groups)))), 0)::int AS n
      FROM copy_pairs c JOIN programs a ON a.id = c.program_id JOIN programs b ON b.id = c.other_program_id
      WHERE c.city_code = ${GWANGMYEONG} AND c.other_city_code = ${GWANGMYEONG} AND a.area = b.area
        AND a.status IN ('published', 'closed') AND b.status IN ('published', 'closed')
        AND a.ends_on >= ${map.since}::date AND b.ends_on >= ${map.since}::date`);
    expect(map.cells.reduce((sum, c) => sum + c.nearCopyPairs, 0)).toBe(recount!.n);
  });

  it('is the city’s own: other cities’ officers are refused, visitors asked to log in', async () => {
    expect((await (await t.as('officer.suncheon@example.com')).get(`/api/cities/${GWANGMYEONG}/role-map`)).statusCode).toBe(403);
    expect((await t.anonymous.get(`/api/cities/${GWANGMYEONG}/role-map`)).statusCode).toBe(401);
    expect((await officer.get(`/api/cities/${GWANGMYEONG}/role-map/cell?area=nowhere&target=all`)).statusCode).toBe(400);
  });
});
