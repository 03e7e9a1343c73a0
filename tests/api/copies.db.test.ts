/**
 * Copied programs: the national run finds the near-copies the generator planted, each city and
 * institution sees only its own, and a draft that copies another institution's listing is caught
 * before it is published.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/server/platform/database/database.ts';
import { COPY_THRESHOLD } from '../../src/server/modules/copies/copies.rules.ts';
import { testEngine } from '../support/database.ts';
import { testApp, type Client, type TestApp } from '../support/app.ts';

const GWANGMYEONG = '31060';
const SUNCHEON = '36030';

interface Listing { id: number; title: string; description: string; area: string; institutionId: number }
interface Side { programId: number; title: string; area: string; institutionId: number; cityCode: string; excerpt: string }
interface Pair { similarity: number; ours: Side; theirs: Side }

async function waitForJob(client: Client, jobId: string) {
  for (let i = 0; i < 600; i++) {
    const job = (await client.get(`/api/jobs/${jobId}`)).json();
    if (job.status !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('job did not finish');
}

describe(`copied programs on ${testEngine()}`, () => {
  let t: TestApp;
  let officer: Client;
  let suncheonOfficer: Client;
  let staff: Client;
  let resident: Client;
  let ministry: Client;
  let admin: Client;
  let staffInstitution: number;
  let suncheonInstitution: number;
  /** A published listing of another Gwangmyeong institution than the staff member's. */
  let listing: Listing;

  beforeAll(async () => {
    t = await testApp();
    officer = await t.as('officer@example.com');
    suncheonOfficer = await t.as('officer.suncheon@example.com');
    staff = await t.as('staff@example.com');
    resident = await t.as('resident@example.com');
    ministry = await t.as('ministry@example.com');
    admin = await t.as('admin@example.com');
    staffInstitution = (await staff.get('/api/auth/me')).json().grants[0].institutionId;
    suncheonInstitution = (await t.anonymous.get(`/api/institutions?city=${SUNCHEON}`)).json().items[0].id;
    const [first] = await rows<Listing>(t.database.db, sql`
      SELECT id, title, description, area, institution_id AS "institutionId" FROM programs
      WHERE city_code = ${GWANGMYEONG} AND status = 'published' AND institution_id <> ${staffInstitution}
        AND id NOT IN (SELECT program_id FROM demo_copy_plants) ORDER BY id LIMIT 1`);
    listing = first!;
  });
  afterAll(() => t.close());

  it('finds the planted copies with precision and recall of at least 0.95, in a run the ministry starts', async () => {
    // Two starts at once: one run, and the other hears that it is already under way.
    const [first, second] = await Promise.all([ministry.post('/api/copies/runs'), ministry.post('/api/copies/runs')]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([202, 409]);
    const started = first.statusCode === 202 ? first : second;
    expect((first.statusCode === 409 ? first : second).json().message).toMatch(/진행 중입니다/);
    expect(await waitForJob(ministry, started.json().jobId)).toMatchObject({ status: 'done', error: null });

    const allPlants = await rows<{ copy: number; source: number; compared: boolean }>(t.database.db, sql`
      SELECT c.program_id AS copy, c.source_program_id AS source,
        p.status IN ('published', 'closed') AND s.status IN ('published', 'closed') AS compared
      FROM demo_copy_plants c JOIN programs p ON p.id = c.program_id JOIN programs s ON s.id = c.source_program_id`);
    // Recall counts the copies whose copy and source both take part (drafts and cancelled programs do not).
    const plants = allPlants.filter((p) => p.compared);
    const found = await rows<{ a: number; b: number }>(t.database.db, sql`SELECT program_id AS a, other_program_id AS b FROM copy_pairs`);
    expect(plants.length).toBeGreaterThan(10);
    // Two copies of one source are copies of each other too (even when the source itself is a draft).
    const sourceOf = new Map(allPlants.map((p) => [p.copy, p.source]));
    const root = (id: number) => sourceOf.get(id) ?? id;
    const precision = found.filter((p) => root(p.a) === root(p.b)).length / found.length;
    const foundKeys = new Set(found.map((p) => `${Math.min(p.a, p.b)}:${Math.max(p.a, p.b)}`));
    const recall = plants.filter((p) => foundKeys.has(`${Math.min(p.copy, p.source)}:${Math.max(p.copy, p.source)}`)).length / plants.length;
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);

    const runs = (await ministry.get('/api/copies/runs')).json();
    expect(runs.total).toBeGreaterThanOrEqual(2); // the demo's own run, then this one
    expect(runs.items[0]).toMatchObject({ pairs: found.length, threshold: expect.closeTo(COPY_THRESHOLD, 5) });
  });

  it("shows a city's pairs side by side, its own program first, filtered by area and institution", async () => {
    const all = (await officer.get(`/api/cities/${GWANGMYEONG}/copies/pairs?pageSize=100`)).json();
    expect(all.total).toBeGreaterThan(0);
    for (const pair of all.items as Pair[]) {
      expect(pair.ours.cityCode).toBe(GWANGMYEONG);
      expect(pair.ours.institutionId).not.toBe(pair.theirs.institutionId);
      expect(pair.similarity).toBeGreaterThanOrEqual(COPY_THRESHOLD - 1e-6); // stored as a 4-byte real
      expect(pair.ours.excerpt.length).toBeGreaterThan(0);
    }
    const similarities = (all.items as Pair[]).map((p) => p.similarity);
    expect(similarities).toEqual([...similarities].sort((a, b) => b - a));

    const { area, institutionId } = (all.items as Pair[])[0]!.ours;
    const byArea = (await officer.get(`/api/cities/${GWANGMYEONG}/copies/pairs?area=${area}&pageSize=100`)).json();
    expect(byArea.total).toBeGreaterThan(0);
    expect((byArea.items as Pair[]).every((p) => p.ours.area === area)).toBe(true);
    const byInstitution = (await officer.get(`/api/cities/${GWANGMYEONG}/copies/pairs?institution=${institutionId}&pageSize=100`)).json();
    expect(byInstitution.total).toBeGreaterThan(0);
    expect((byInstitution.items as Pair[]).every((p) => p.ours.institutionId === institutionId)).toBe(true);

    const paged = (await officer.get(`/api/cities/${GWANGMYEONG}/copies/pairs?page=2&pageSize=1`)).json();
    expect(paged).toMatchObject({ page: 2, pageSize: 1, total: all.total });
  });

  it('sums the duplication ratio by area and institution, and sets it against the country', async () => {
    const summary = (await officer.get(`/api/cities/${GWANGMYEONG}/copies/summary`)).json();
    expect(summary.run).toMatchObject({ programs: expect.any(Number), pairs: expect.any(Number) });
    const areas = summary.byArea as { programs: number; withCopies: number; ratio: number }[];
    expect(areas.reduce((s, a) => s + a.programs, 0)).toBe(summary.city.programs);
    expect(areas.reduce((s, a) => s + a.withCopies, 0)).toBe(summary.city.withCopies);
    for (const a of areas) expect(a.ratio).toBeCloseTo(a.withCopies / a.programs, 6);
    expect(summary.city.withCopies).toBeGreaterThan(0);
    expect(summary.national.ratio).toBeGreaterThan(0);
    expect(summary.national.programs).toBe(summary.run.programs);

    const institutions = (await officer.get(`/api/cities/${GWANGMYEONG}/copies/institutions?pageSize=100`)).json();
    const items = institutions.items as { programs: number; withCopies: number; ratio: number }[];
    expect(items.reduce((s, i) => s + i.programs, 0)).toBe(summary.city.programs);
    expect(items.reduce((s, i) => s + i.withCopies, 0)).toBe(summary.city.withCopies);
    expect(items.map((i) => i.ratio)).toEqual(items.map((i) => i.ratio).sort((a, b) => b - a));
  });

  it("shows an institution's staff their own programs' near-copies", async () => {
    const [withPairs] = await rows<{ id: number }>(t.database.db, sql`
      SELECT institution_id AS id FROM copy_pairs WHERE city_code = ${GWANGMYEONG} ORDER BY 1 LIMIT 1`);
    const mine = (await officer.get(`/api/institutions/${withPairs!.id}/copies`)).json();
    expect(mine.total).toBeGreaterThan(0);
    expect((mine.items as Pair[]).every((p) => p.ours.institutionId === withPairs!.id)).toBe(true);
    expect((await staff.get(`/api/institutions/${staffInstitution}/copies`)).statusCode).toBe(200);
  });

  it('refuses other cities, other institutions, residents and anonymous visitors on every route', async () => {
    const check = { title: listing.title, description: listing.description };
    const cityRoutes = ['summary', 'institutions', 'pairs'].map((r) => `/api/cities/${GWANGMYEONG}/copies/${r}`);
    for (const url of cityRoutes) {
      expect((await officer.get(url)).statusCode, url).toBe(200);
      expect((await ministry.get(url)).statusCode, url).toBe(200);
      expect((await suncheonOfficer.get(url)).statusCode, url).toBe(403);
      expect((await staff.get(url)).statusCode, url).toBe(403);
      expect((await resident.get(url)).statusCode, url).toBe(403);
      expect((await t.anonymous.get(url)).statusCode, url).toBe(401);
    }
    expect((await suncheonOfficer.get(`/api/cities/${SUNCHEON}/copies/summary`)).statusCode).toBe(200);

    const institutionRoutes = [
      (c: Client, id: number) => c.get(`/api/institutions/${id}/copies`),
      (c: Client, id: number) => c.post(`/api/institutions/${id}/copies/check`, check),
    ];
    for (const call of institutionRoutes) {
      expect((await call(staff, staffInstitution)).statusCode).toBe(200);
      expect((await call(officer, staffInstitution)).statusCode).toBe(200);
      expect((await call(staff, listing.institutionId)).statusCode).toBe(403);
      expect((await call(staff, suncheonInstitution)).statusCode).toBe(403);
      expect((await call(suncheonOfficer, staffInstitution)).statusCode).toBe(403);
      expect((await call(officer, suncheonInstitution)).statusCode).toBe(403);
      expect((await call(resident, staffInstitution)).statusCode).toBe(403);
      expect((await call(t.anonymous, staffInstitution)).statusCode).toBe(401);
      expect((await call(admin, 999_999)).statusCode).toBe(404);
    }

    for (const client of [officer, suncheonOfficer, staff, resident]) {
      expect((await client.post('/api/copies/runs')).statusCode).toBe(403);
      expect((await client.get('/api/copies/runs')).statusCode).toBe(403);
    }
    expect((await t.anonymous.post('/api/copies/runs')).statusCode).toBe(401);
    expect((await admin.get('/api/copies/runs')).statusCode).toBe(200);
  });

  it('warns before publishing an exact or edited copy of another institution’s listing, not an unrelated one', async () => {
    const checkAs = (client: Client, institutionId: number, body: object) => client.post(`/api/institutions/${institutionId}/copies/check`, body);
    const exact = (await checkAs(staff, staffInstitution, { title: listing.title, description: listing.description, area: listing.area })).json();
    expect(exact.threshold).toBeCloseTo(COPY_THRESHOLD, 5);
    expect(exact.matches[0]).toMatchObject({ programId: listing.id, similarity: 1, sameArea: true, institutionId: listing.institutionId });

    // Lightly edited, as lazy copies are: another format word in the title, one sentence replaced.
    const sentences = listing.description.split(/(?<=\.) /);
    sentences[2] = '수업 자료는 첫 시간에 나누어 드립니다.';
    const edited = { title: `${listing.title.split(' ').slice(0, -1).join(' ')} 특강`, description: sentences.join(' ') };
    const found = (await checkAs(staff, staffInstitution, edited)).json();
    const match = found.matches.find((m: { programId: number }) => m.programId === listing.id);
    expect(match).toMatchObject({ sameArea: null });
    expect(match.similarity).toBeGreaterThanOrEqual(exact.threshold);
    expect(match.similarity).toBeLessThan(1);

    const unrelated = (await checkAs(staff, staffInstitution, {
      title: '우리 동네 숲 해설가와 걷는 생태 탐방', description: '봄부터 가을까지 마을 뒷산과 하천을 걸으며 나무와 새, 곤충의 이름을 익히고 관찰 일지를 씁니다.',
    })).json();
    expect(unrelated.matches).toEqual([]);

    // An institution's own listings are its own to repeat.
    const own = (await checkAs(officer, listing.institutionId, { title: listing.title, description: listing.description })).json();
    expect(own.matches.map((m: { programId: number }) => m.programId)).not.toContain(listing.id);
  });

  it('compares a draft with programs published after the last run', async () => {
    const venue = (await t.anonymous.get(`/api/institutions/${staffInstitution}`)).json().venues[0];
    const description = '드론의 원리와 안전 수칙을 배우고, 실내 비행장에서 기초 조종과 촬영을 직접 연습합니다. 마지막 시간에는 동네 지도를 함께 만듭니다.';
    const created = await staff.post('/api/programs', {
      institutionId: staffInstitution, venueId: venue.id, title: '우리 동네 드론 지도 만들기', description, area: 'vocational',
      subcategory: 'job_preparation', targetGroups: ['all'], mode: 'in_person', startsOn: '2027-04-05', weekdays: ['mon'],
      startTime: '19:00', endTime: '21:00', sessionCount: 6, capacity: Math.min(12, venue.seats), feeKrw: 0,
    });
    expect(created.statusCode, created.body).toBe(201);
    const result = (await checkAs(admin, listing.institutionId, { title: '우리 동네 드론 지도 만들기', description })).json();
    expect(result.matches[0]).toMatchObject({ programId: created.json().id, similarity: 1, institutionId: staffInstitution });

    function checkAs(client: Client, institutionId: number, body: object) {
      return client.post(`/api/institutions/${institutionId}/copies/check`, body);
    }
  });

  it('answers bad input with a 400 that names the field', async () => {
    const cases: [() => Promise<{ statusCode: number; json(): { field?: string } }>, string][] = [
      [() => staff.post(`/api/institutions/${staffInstitution}/copies/check`, { description: listing.description }), 'title'],
      [() => staff.post(`/api/institutions/${staffInstitution}/copies/check`, { title: listing.title, description: '짧음' }), 'description'],
      [() => staff.post(`/api/institutions/${staffInstitution}/copies/check`, { ...listing, id: undefined, institutionId: undefined, area: 'cooking' }), 'area'],
      [() => staff.post(`/api/institutions/${staffInstitution}/copies/check`, { title: listing.title, description: listing.description, status: 'published' }), 'status'],
      [() => staff.get('/api/institutions/abc/copies'), 'id'],
      [() => officer.get(`/api/cities/${GWANGMYEONG}/copies/pairs?area=cooking`), 'area'],
      [() => officer.get(`/api/cities/${GWANGMYEONG}/copies/pairs?institution=0`), 'institution'],
      [() => officer.get(`/api/cities/${GWANGMYEONG}/copies/pairs?pageSize=1000`), 'pageSize'],
      [() => officer.get(`/api/cities/${GWANGMYEONG}/copies/institutions?sort=name`), 'sort'],
      // Officers hear 403 for any city not theirs, malformed or not (permission comes first): the ministry sees the 400.
      [() => ministry.get('/api/cities/3106/copies/summary'), 'code'],
    ];
    for (const [call, field] of cases) {
      const response = await call();
      expect(response.statusCode, field).toBe(400);
      expect(response.json().field, field).toBe(field);
    }
  });
});
