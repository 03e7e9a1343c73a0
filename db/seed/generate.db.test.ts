/**
 * Invariants of the generated demo (the `tiny` size the tests seed; the same code makes every size).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, testEngine } from '../../tests/support/database.ts';
import { firstRow, rows, type Database } from '../../src/server/platform/database/database.ts';
import { isValidHistory } from '../../src/server/modules/designation/designation.rules.ts';
import type { DesignationState } from '../../src/shared/vocabulary/index.ts';
import { sizeSpecs } from './sizes.ts';
import { demoAccounts } from './accounts.ts';

/** The cities the paper names with the year it gives (written out here, independently of the generator). */
const paperCities: [code: string, name: string, year: number][] = [
  ['31060', '광명시', 2001], ['35320', '진안군', 2001], ['25040', '유성구', 2001],
  ['39010', '제주시', 2002], ['31050', '부천시', 2002], ['21090', '해운대구', 2002],
  ['23040', '연수구', 2003], ['38390', '거창군', 2003], ['36030', '순천시', 2003],
  ['11190', '영등포구', 2006], ['21130', '연제구', 2006], ['23030', '미추홀구', 2006], ['24010', '동구', 2006],
  ['24050', '광산구', 2006], ['26310', '울주군', 2006], ['32370', '화천군', 2006], ['32070', '삼척시', 2006],
];
const paperPotential2005 = ['34050', '23030', '24050'];
const namedWithoutYear = ['38110', '35010', '37040', '31210', '11210', '36010', '37390', '34310', '39020'];

describe(`the demo generator on ${testEngine()}`, () => {
  let database: Database;
  const spec = sizeSpecs.tiny;
  beforeAll(async () => {
    database = await freshDatabase('seeded');
  });
  afterAll(() => database.close());
  const count = async (query: ReturnType<typeof sql>) => (await firstRow<{ n: number }>(database.db, query))!.n;

  it('writes the counts its size names', async () => {
    expect(await count(sql`SELECT count(DISTINCT city_code)::int AS n FROM programs`)).toBe(spec.cities);
    expect(await count(sql`SELECT count(*)::int AS n FROM institutions`)).toBe(spec.institutions);
    expect(await count(sql`SELECT count(*)::int AS n FROM programs`)).toBe(spec.programs);
    expect(await count(sql`SELECT count(*)::int AS n FROM people`)).toBe(spec.residents + demoAccounts.length);
    const enrolments = await count(sql`SELECT count(*)::int AS n FROM enrolments`);
    expect(enrolments).toBeGreaterThan(spec.enrolments * 0.9);
    expect(enrolments).toBeLessThanOrEqual(spec.enrolments + 2);
  });

  it('includes every city the paper names, with the year it gives', async () => {
    const designated = await rows<{ city_code: string; name_ko: string; year: number }>(database.db, sql`
      SELECT t.city_code, m.name_ko, min(t.year)::int AS year FROM designation_transitions t
      JOIN municipalities m ON m.code = t.city_code WHERE t.state = 'designated' GROUP BY t.city_code, m.name_ko`);
    const byCode = new Map(designated.map((d) => [d.city_code, d]));
    for (const [code, name, year] of paperCities) {
      expect(byCode.get(code), `${name} (${code})`).toMatchObject({ name_ko: name, year });
    }
    for (const code of namedWithoutYear) expect(byCode.get(code)!.year).toBeLessThanOrEqual(2005);
    const potentials = await rows<{ city_code: string }>(database.db, sql`
      SELECT city_code FROM designation_transitions WHERE state = 'potential' AND year = 2005`);
    expect(potentials.map((p) => p.city_code).sort()).toEqual([...paperPotential2005].sort());
  });

  it('writes designation histories that follow the life cycle', async () => {
    const histories = await rows<{ states: DesignationState[] }>(database.db, sql`
      SELECT array_agg(state ORDER BY occurred_on, id) AS states FROM designation_transitions GROUP BY city_code`);
    expect(histories.length).toBeGreaterThanOrEqual(spec.cities);
    for (const { states } of histories) expect(isValidHistory(states), states.join(' → ')).toBe(true);
  });

  it('places every institution and in-person program in a real dong of its own city, near that dong', async () => {
    const misplaced = await rows(database.db, sql`
      SELECT p.id FROM programs p
      JOIN venues v ON v.id = p.venue_id
      JOIN institutions i ON i.id = p.institution_id
      JOIN dongs d ON d.code = p.dong_code
      WHERE d.municipality_code <> p.city_code OR i.city_code <> p.city_code OR v.institution_id <> i.id
         OR p.lat <> v.lat OR p.lon <> v.lon
         OR 2 * 6371000 * asin(sqrt(power(sin(radians(p.lat - d.lat) / 2), 2)
              + cos(radians(d.lat)) * cos(radians(p.lat)) * power(sin(radians(p.lon - d.lon) / 2), 2))) > d.radius_m`);
    expect(misplaced).toEqual([]);
    const institutionsElsewhere = await count(sql`
      SELECT count(*)::int AS n FROM institutions i JOIN dongs d ON d.code = i.dong_code WHERE d.municipality_code <> i.city_code`);
    expect(institutionsElsewhere).toBe(0);
    const online = await count(sql`SELECT count(*)::int AS n FROM programs WHERE mode = 'online' AND (venue_id IS NOT NULL OR lat IS NOT NULL)`);
    expect(online).toBe(0);
  });

  it('never seats more people than a program has places, and waitlists only full programs', async () => {
    const overbooked = await rows(database.db, sql`
      SELECT p.id FROM programs p JOIN enrolments e ON e.program_id = p.id
      GROUP BY p.id, p.capacity
      HAVING count(*) FILTER (WHERE e.status IN ('enrolled', 'completed', 'not_completed')) > p.capacity
          OR (count(*) FILTER (WHERE e.status = 'waitlisted') > 0
              AND count(*) FILTER (WHERE e.status = 'enrolled') < p.capacity)`);
    expect(overbooked).toEqual([]);
  });

  it('respects the age rules of the programs it enrols people in', async () => {
    const tooYoung = await count(sql`
      SELECT count(*)::int AS n FROM enrolments e JOIN programs p ON p.id = e.program_id JOIN people pe ON pe.id = e.person_id
      WHERE p.min_age IS NOT NULL AND extract(year FROM p.starts_on) - pe.birth_year < p.min_age - 1`);
    expect(tooYoung).toBe(0);
  });

  it('writes Korean-first listings across all six areas and many target groups', async () => {
    const areas = await rows<{ area: string }>(database.db, sql`SELECT DISTINCT area FROM programs`);
    expect(areas.map((a) => a.area).sort()).toEqual(['academic_credit', 'basic_literacy', 'citizenship', 'culture_arts', 'liberal_arts', 'vocational']);
    expect(await count(sql`SELECT count(DISTINCT g)::int AS n FROM programs, unnest(target_groups) g`)).toBeGreaterThanOrEqual(8);
    expect(await count(sql`SELECT count(*)::int AS n FROM programs WHERE title !~ '[가-힣]' OR description !~ '[가-힣]'`)).toBe(0);
    expect(await count(sql`SELECT count(*)::int AS n FROM programs WHERE description ~ '[{}]' OR description ILIKE '%lorem%'`)).toBe(0);
  });

  it('plants near-copies of other institutions’ programs, of each kind', async () => {
    const plants = await rows<{ kind: string; n: number; same_institution: number }>(database.db, sql`
      SELECT c.kind, count(*)::int AS n, count(*) FILTER (WHERE p.institution_id = s.institution_id)::int AS same_institution
      FROM demo_copy_plants c JOIN programs p ON p.id = c.program_id JOIN programs s ON s.id = c.source_program_id
      GROUP BY c.kind ORDER BY c.kind`);
    expect(plants.map((p) => p.kind)).toEqual(['edited', 'exact', 'reordered']);
    expect(plants.every((p) => p.same_institution === 0 && p.n > 0)).toBe(true);
    const exactSame = await count(sql`
      SELECT count(*)::int AS n FROM demo_copy_plants c JOIN programs p ON p.id = c.program_id JOIN programs s ON s.id = c.source_program_id
      WHERE c.kind = 'exact' AND (p.title <> s.title OR p.description <> s.description)`);
    expect(exactSame).toBe(0);
  });

  it('creates one demo account per role, with hashed passwords only', async () => {
    const accounts = await rows<{ email: string; password_hash: string; roles: string[] }>(database.db, sql`
      SELECT p.email, p.password_hash, array_remove(array_agg(g.role), NULL) AS roles FROM people p
      LEFT JOIN role_grants g ON g.person_id = p.id WHERE p.password_hash IS NOT NULL GROUP BY p.id ORDER BY p.id`);
    expect(accounts.map((a) => a.email)).toEqual(demoAccounts.map((a) => a.email));
    expect(accounts.every((a) => a.password_hash.startsWith('scrypt$'))).toBe(true);
    expect(new Set(accounts.flatMap((a) => a.roles))).toEqual(new Set(['institution_manager', 'city_officer', 'ministry_officer', 'administrator']));
  });

  it('moves every id sequence past the generated rows', async () => {
    const [inserted] = await rows<{ id: number }>(database.db, sql`
      INSERT INTO study_groups (city_code, name, area, founded_on) VALUES ('31060', '새 동아리', 'citizenship', '2026-01-01') RETURNING id`);
    expect(inserted!.id).toBeGreaterThan(await count(sql`SELECT count(*)::int AS n FROM study_groups`) - 1);
  });
});
