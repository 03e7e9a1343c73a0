/**
 * The in-process catalogue answers as the SQL does: for hundreds of generated searches (words from the demo's own
 * titles and descriptions, their parts, 초성, English, filters, places, sorts, pages), the same total, hits in the
 * same order, the same facet counts and labels. And it follows PostgreSQL: seats taken, a title changed, a program
 * cancelled, an institution renamed, the catalogue emptied — each seen after one look.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SearchQuery } from '../../src/shared/contracts/programs.ts';
import { rows } from '../../src/server/platform/database/database.ts';
import { chosungOf } from '../../src/shared/lib/hangul.ts';
import { Random } from '../../src/shared/lib/random.ts';
import { deliveryModes, programAreas, targetGroups, weekdays } from '../../src/shared/vocabulary/index.ts';
import { CatalogueIndex } from '../../src/server/modules/programs/programs.catalogue.ts';
import { searchPrograms, type SearchInput } from '../../src/server/modules/programs/programs.search.ts';
import { programsModule } from '../../src/server/modules/programs/index.ts';
import { todayInKorea } from '../support/clock.ts';
import { testEngine } from '../support/database.ts';
import { testApp, type TestApp } from '../support/app.ts';

describe(`the in-process catalogue on ${testEngine()}`, () => {
  let t: TestApp;
  let index: CatalogueIndex;
  const today = todayInKorea();
  const failures: unknown[] = [];

  const both = async (query: SearchQuery & { center?: SearchInput['center'] }) => {
    const input: SearchInput = { center: null, ...query, today };
    const fromSql = await searchPrograms(t.database.db, input);
    const fromIndex = await searchPrograms(t.database.db, input, index.pass(t.database.db));
    return { fromSql, fromIndex };
  };

  beforeAll(async () => {
    t = await testApp();
    index = new CatalogueIndex(t.database.db, { freshnessMs: 0, logError: (error) => failures.push(error) });
    index.start();
    await index.loaded();
  });
  afterAll(async () => {
    index.stop();
    await t.close();
  });

  it('loads every program residents can search', async () => {
    const [{ n }] = await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM program_search`) as [{ n: number }];
    expect(n).toBeGreaterThan(50);
    expect(index.size).toBe(n);
  });

  it('gives the same totals, hits in the same order and the same facet counts as the SQL, for 400 generated searches', async () => {
    const random = new Random(16);
    const texts = await rows<{ title: string; titleEn: string | null; description: string }>(t.database.db, sql`
      SELECT p.title, p.title_en AS "titleEn", p.description FROM programs p JOIN program_search s ON s.program_id = p.id ORDER BY p.id`);
    const places = await rows<{ code: string; city: string; lat: number; lon: number }>(t.database.db, sql`
      SELECT d.code, d.municipality_code AS city, d.lat, d.lon FROM dongs d
      WHERE d.municipality_code IN (SELECT DISTINCT city_code FROM program_search) ORDER BY d.code`);
    const institutions = (await rows<{ id: number }>(t.database.db, sql`SELECT DISTINCT institution_id AS id FROM program_search ORDER BY 1`)).map((r) => r.id);
    const wordsOf = (text: string) => text.toLowerCase().split(/\s+/).filter(Boolean);
    const part = (word: string) => {
      const chars = [...word];
      const from = random.int(0, Math.max(0, chars.length - 2));
      return chars.slice(from, from + random.int(1, Math.max(1, chars.length - from))).join('');
    };
    const text = (): string => {
      const source = random.pick(texts);
      switch (random.weighted([['title', 30], ['part', 20], ['two', 10], ['english', 10], ['chosung', 10], ['description', 15], ['miss', 5]] as const)) {
        case 'title': return random.pick(wordsOf(source.title));
        case 'part': return part(random.pick(wordsOf(source.title)));
        case 'two': return wordsOf(source.title).slice(0, 2).join(' ');
        case 'english': return source.titleEn ? part(random.pick(wordsOf(source.titleEn))) : '요가';
        case 'chosung': return chosungOf(random.pick(wordsOf(source.title)));
        case 'description': return random.pick(wordsOf(source.description)).replace(/[^\p{L}\p{N}]/gu, '') || '수업';
        case 'miss': return '없는말씀';
      }
    };
    const filters = (): Partial<SearchQuery> => random.chance(0.4) ? {} : random.pick<Partial<SearchQuery>>([
      { area: [random.pick(programAreas.codes)] }, { target: [random.pick(targetGroups.codes), random.pick(targetGroups.codes)] },
      { mode: [random.pick(deliveryModes.codes)] }, { fee: random.pick(['free', 'paid'] as const) },
      { weekday: [random.pick(weekdays.codes)] }, { timeOfDay: [random.pick(['morning', 'afternoon', 'evening'] as const)] },
      { startsWithinDays: random.pick([7, 30, 90, 200]) }, { seatsLeft: true },
    ]);
    const scope = (): Partial<SearchQuery> & { center?: SearchInput['center'] } => {
      const place = random.pick(places);
      return random.chance(0.4) ? {} : random.pick<Partial<SearchQuery> & { center?: SearchInput['center'] }>([
        { city: [place.city] }, { city: [place.city], dong: place.code }, { institution: random.pick(institutions) },
        { center: { lat: place.lat, lon: place.lon, radiusKm: random.pick([1, 3, 5, 20]), label: null } },
        { center: { lat: place.lat, lon: place.lon, radiusKm: random.pick([2, 10]), label: null }, includeOnline: false },
      ]);
    };
    let compared = 0;
    let found = 0;
    for (let i = 0; i < 400; i++) {
      const query: SearchQuery & { center?: SearchInput['center'] } = {
        ...(random.chance(0.7) ? { q: text() } : {}), ...filters(), ...(random.chance(0.15) ? filters() : {}), ...scope(),
        ...(random.chance(0.3) ? { sort: random.pick(['relevance', 'start', 'newest'] as const) } : {}),
        page: random.chance(0.2) ? random.int(2, 4) : 1, pageSize: random.pick([5, 20, 100]),
      };
      if (query.center && random.chance(0.3)) query.sort = 'distance';
      const { fromSql, fromIndex } = await both(query);
      expect(fromIndex, JSON.stringify(query)).toEqual(fromSql);
      compared++;
      if (fromSql.total > 0) found++;
    }
    expect(compared).toBe(400);
    // The mix is not vacuous: a good share of the searches find something (the others check empty answers and counts).
    expect(found).toBeGreaterThan(150);
    expect(failures).toEqual([]);
  });

  it('reads the catalogue when first searched, answering by SQL meanwhile', async () => {
    const lazy = new CatalogueIndex(t.database.db, { freshnessMs: 0, logError: (error) => failures.push(error) });
    lazy.start();
    // Started and never searched: not read (a starting process is ready before the catalogue is).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(lazy.ready).toBe(false);
    const input: SearchInput = { center: null, today, q: '교실' };
    expect(await searchPrograms(t.database.db, input, lazy.pass(t.database.db))).toEqual(await searchPrograms(t.database.db, input));
    await vi.waitFor(() => expect(lazy.ready).toBe(true), { timeout: 60_000, interval: 50 });
    expect(lazy.size).toBe(index.size);
    lazy.stop();
  });

  it('misses nothing written while a load reads the catalogue page by page', async () => {
    const programs = await rows<{ id: number; seats: number }>(t.database.db, sql`
      SELECT program_id AS id, seats_left AS seats FROM program_search WHERE seats_left > 0 ORDER BY program_id`);
    // Seats taken along the catalogue, in id order, while a second index loads it three programs a page: the load
    // reads faster than seats are taken, so most are taken in programs it has already read.
    const loading = new CatalogueIndex(t.database.db, { freshnessMs: 0, loadPage: 3, logError: (error) => failures.push(error) });
    loading.start();
    const load = loading.loaded();
    let duringLoad = 0;
    for (let k = 0; !loading.ready; k++) {
      const program = programs[k % programs.length]!;
      await t.database.db.execute(sql`UPDATE program_search SET seats_left = greatest(seats_left - 1, 0) WHERE program_id = ${program.id}`);
      if (!loading.ready) duringLoad++;
    }
    await load;
    expect(duringLoad).toBeGreaterThan(10);
    // Every program, seats included, as the SQL gives them now (answered by the index: it is ready and not stopped).
    expect(loading.ready).toBe(true);
    for (let page = 1; page <= Math.ceil(index.size / 100); page++) {
      const input: SearchInput = { center: null, today, sort: 'start', pageSize: 100, page };
      expect(await searchPrograms(t.database.db, input, loading.pass(t.database.db))).toEqual(await searchPrograms(t.database.db, input));
    }
    expect(loading.size).toBe(index.size);
    loading.stop();
    expect(failures).toEqual([]);
  });

  it('follows PostgreSQL: seats, a changed title, a cancelled program, a renamed institution, an emptied catalogue', async () => {
    const [first, second] = await rows<{ id: number; institutionId: number; title: string }>(t.database.db, sql`
      SELECT p.id, p.institution_id AS "institutionId", p.title FROM programs p JOIN program_search s ON s.program_id = p.id
      WHERE s.seats_left > 1 AND p.mode = 'in_person' ORDER BY p.id LIMIT 2`) as [{ id: number; institutionId: number; title: string }, { id: number; institutionId: number; title: string }];
    const seatsOf = async (id: number) => {
      await index.fresh();
      const { fromSql, fromIndex } = await both({ institution: (await rows<{ i: number }>(t.database.db, sql`SELECT institution_id AS i FROM programs WHERE id = ${id}`))[0]!.i, pageSize: 100 });
      expect(fromIndex).toEqual(fromSql);
      return fromIndex.hits.find((hit) => hit.programId === id)?.seatsLeft;
    };
    const before = (await seatsOf(first.id))!;
    await programsModule.setSeatsLeft(t.database.db, first.id, before - 1);
    expect(await seatsOf(first.id)).toBe(before - 1);

    await t.database.db.execute(sql`UPDATE programs SET title = '파도타기 입문 교실' WHERE id = ${first.id}`);
    await programsModule.refreshSearchIndex(t.database.db, today, [first.id]);
    await index.fresh();
    const renamed = await both({ q: '파도타기' });
    expect(renamed.fromIndex.hits.map((hit) => hit.programId)).toEqual([first.id]);
    expect(renamed.fromIndex).toEqual(renamed.fromSql);
    expect(index.card(first.id)?.title).toBe('파도타기 입문 교실');

    await t.database.db.execute(sql`UPDATE programs SET status = 'cancelled' WHERE id = ${second.id}`);
    await programsModule.refreshSearchIndex(t.database.db, today, [second.id]);
    await index.fresh();
    expect(index.card(second.id)).toBeUndefined();

    await t.database.db.execute(sql`UPDATE institutions SET name = '새이름 평생학습관' WHERE id = ${first.institutionId}`);
    await index.fresh();
    expect(index.card(first.id)?.institutionName).toBe('새이름 평생학습관');

    const size = index.size;
    await t.database.db.execute(sql`TRUNCATE program_search CASCADE`);
    await index.fresh();
    expect(size).toBeGreaterThan(0);
    expect(index.size).toBe(0);
    expect(failures).toEqual([]);
  });
});
