/**
 * A program that is not yet published (a draft) is seen only by the institution that runs it and by
 * administrators. To everyone else every read path answers exactly as it does for an id that does not
 * exist: the program, its similar programs, calendar, page head and JSON-LD, enrolment, roster, ratings,
 * search, counts, copies and the learning record.
 */
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstRow, rows } from '../../src/server/platform/database/database.ts';
import { addDays } from '../../src/shared/lib/schedule.ts';
import { todayInKorea } from '../../src/server/platform/clock.ts';
import { programSubcategories } from '../../src/shared/vocabulary/index.ts';
import { testEngine } from '../support/database.ts';
import { residents, testApp, type Client, type TestApp } from '../support/app.ts';

const GWANGMYEONG = '31060';
const NO_SUCH_PROGRAM = 2_147_483_000;
const TITLE = '비공개 초안 도자기 물레 교실';
const DESCRIPTION = '아직 공개하지 않은 초안입니다. 물레 성형과 유약 바르기를 여섯 번에 걸쳐 익히고, 마지막 시간에 가마에서 구운 그릇을 나눕니다.';
const rating = { instructor: 5, materials: 5, motive: 5, facility: 5, overall: 5 };

/** Every read (and enrolment) a person can send about one program. */
const programRequests: [string, (client: Client, id: number) => Promise<LightMyRequestResponse>][] = [
  ['program', (c, id) => c.get(`/api/programs/${id}`)],
  ['similar', (c, id) => c.get(`/api/programs/${id}/similar`)],
  ['calendar', (c, id) => c.get(`/api/programs/${id}/calendar.ics`)],
  ['my enrolment', (c, id) => c.get(`/api/programs/${id}/enrolment`)],
  ['enrol', (c, id) => c.post(`/api/programs/${id}/enrolment`)],
  ['cancel', (c, id) => c.request({ method: 'DELETE', url: `/api/programs/${id}/enrolment` })],
  ['roster', (c, id) => c.get(`/api/programs/${id}/roster`)],
  ['attendance', (c, id) => c.request({ method: 'PUT', url: `/api/programs/${id}/sessions/1/attendance`, payload: { present: [], absent: [] } })],
  ['completion rule', (c, id) => c.request({ method: 'PUT', url: `/api/programs/${id}/completion-rule`, payload: { completionRate: 0.8 } })],
  ['completion', (c, id) => c.post(`/api/programs/${id}/completion`)],
  ['rate', (c, id) => c.request({ method: 'PUT', url: `/api/programs/${id}/rating`, payload: rating })],
  ['my rating', (c, id) => c.get(`/api/programs/${id}/rating`)],
  ['satisfaction', (c, id) => c.get(`/api/programs/${id}/satisfaction`)],
];

describe(`unpublished programs on ${testEngine()}`, () => {
  let t: TestApp;
  let staff: Client;
  let admin: Client;
  let strangers: [string, Client][];
  let staffInstitution: number;
  let otherInstitution: number;
  /** A draft that staff@example.com created, and a published program of the same kind at the same venue. */
  let draft: { id: number };
  let published: { id: number; title: string };
  /** A draft of the demo data, at an institution that is not staff@example.com's, and a member of its staff. */
  let seedDraft: { id: number; institutionId: number };
  let seedDraftStaff: Client;

  beforeAll(async () => {
    t = await testApp({ env: { WEB_DIST_DIR: new URL('../fixtures/web', import.meta.url).pathname, PUBLIC_URL: 'https://learning.example.kr' } });
    staff = await t.as('staff@example.com');
    admin = await t.as('admin@example.com');
    staffInstitution = (await staff.get('/api/auth/me')).json().grants[0].institutionId;
    otherInstitution = (await t.anonymous.get(`/api/institutions?city=${GWANGMYEONG}&pageSize=100`)).json().items
      .map((i: { id: number }) => i.id).find((id: number) => id !== staffInstitution);
    const [otherStaff, seedStaff] = await residents(t, 2);
    await admin.post(`/api/people/${otherStaff!.personId}/roles`, { role: 'institution_staff', institutionId: otherInstitution });
    strangers = [
      ['anonymous', t.anonymous],
      ['resident', await t.as('resident@example.com')],
      ['staff of another institution', otherStaff!],
      ["the city's officer", await t.as('officer@example.com')],
      ['the ministry', await t.as('ministry@example.com')],
    ];

    // The least offered sub-category, so that the only candidates for "similar" are the two programs made here.
    const offered = new Map((await rows<{ code: string; n: number }>(t.database.db, sql`
      SELECT subcategory AS code, count(*)::int AS n FROM programs GROUP BY subcategory`)).map((r) => [r.code, r.n]));
    const { code: subcategory, area } = [...programSubcategories.entries]
      .sort((a, b) => (offered.get(a.code) ?? 0) - (offered.get(b.code) ?? 0) || a.code.localeCompare(b.code))[0]!;
    const venue = (await t.anonymous.get(`/api/institutions/${staffInstitution}`)).json().venues[0];
    const program = (changes: Record<string, unknown>) => staff.post('/api/programs', {
      institutionId: staffInstitution, venueId: venue.id, area, subcategory, targetGroups: ['all'], mode: 'in_person',
      startsOn: addDays(todayInKorea(), 21), weekdays: ['thu'], startTime: '14:00', endTime: '16:00', sessionCount: 6,
      capacity: Math.min(10, venue.seats), feeKrw: 0, ...changes,
    });
    const createdDraft = await program({ title: TITLE, description: DESCRIPTION, status: 'draft' });
    expect(createdDraft.statusCode, createdDraft.body).toBe(201);
    draft = createdDraft.json();
    const createdPublished = await program({ title: '함께 빚는 도자기 교실', description: '흙을 만지며 그릇과 접시를 빚습니다. 처음 오시는 분도 환영합니다.' });
    expect(createdPublished.statusCode, createdPublished.body).toBe(201);
    published = createdPublished.json();

    seedDraft = (await firstRow<{ id: number; institutionId: number }>(t.database.db, sql`
      SELECT id, institution_id AS "institutionId" FROM programs WHERE status = 'draft' AND institution_id <> ${staffInstitution} ORDER BY id LIMIT 1`))!;
    await admin.post(`/api/people/${seedStaff!.personId}/roles`, { role: 'institution_staff', institutionId: seedDraft.institutionId });
    seedDraftStaff = seedStaff!;
  });
  afterAll(() => t.close());

  /** The routes on which `client` can tell program `id` from one that does not exist. */
  async function routesTelling(client: Client, id: number): Promise<string[]> {
    const telling: string[] = [];
    for (const [route, send] of programRequests) {
      const [hidden, missing] = [await send(client, id), await send(client, NO_SUCH_PROGRAM)];
      if (hidden.statusCode !== missing.statusCode || hidden.body !== missing.body) telling.push(`${route}: ${hidden.statusCode} ${hidden.body.slice(0, 80)}`);
    }
    return telling;
  }

  it('is a 404 to anyone outside its institution, exactly like an id that does not exist, on every route', async () => {
    const telling: Record<string, string[]> = {};
    for (const id of [draft.id, seedDraft.id]) {
      for (const [who, client] of strangers) {
        const routes = await routesTelling(client, id);
        if (routes.length > 0) telling[`${who}, draft ${id}`] = routes;
      }
    }
    expect(telling).toEqual({});
    for (const id of [draft.id, seedDraft.id]) {
      for (const [who, client] of strangers) expect((await client.get(`/api/programs/${id}`)).statusCode, who).toBe(404);
      for (const route of ['satisfaction', 'similar', 'calendar']) {
        expect((await programRequests.find(([name]) => name === route)![1](t.anonymous, id)).statusCode, route).toBe(404);
      }
    }
    expect((await t.anonymous.get(`/api/programs/${seedDraft.id}/calendar.ics`)).headers['content-type']).toContain('application/json');
    // Nobody got a place in it on the way.
    const held = await firstRow<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM enrolments WHERE program_id IN (${draft.id}, ${seedDraft.id})`);
    expect(held!.n).toBe(0);
  });

  it('is shown to its institution’s staff and to administrators', async () => {
    for (const [who, client, id] of [['own staff', staff, draft.id], ['own staff', seedDraftStaff, seedDraft.id], ['admin', admin, draft.id], ['admin', admin, seedDraft.id]] as const) {
      const program = await client.get(`/api/programs/${id}`);
      expect(program.statusCode, who).toBe(200);
      expect(program.json()).toMatchObject({ id, status: 'draft' });
      expect((await client.get(`/api/programs/${id}/similar`)).statusCode, who).toBe(200);
      expect((await client.get(`/api/programs/${id}/calendar.ics`)).headers['content-type'], who).toContain('text/calendar');
      expect((await client.get(`/api/programs/${id}/roster`)).statusCode, who).toBe(200);
    }
    expect((await staff.get(`/api/programs/${draft.id}`)).json().title).toBe(TITLE);
    // Staff of one institution see only their own drafts.
    expect((await staff.get(`/api/programs/${seedDraft.id}`)).statusCode).toBe(404);
    expect((await seedDraftStaff.get(`/api/programs/${draft.id}`)).statusCode).toBe(404);
    // Those who see it still cannot enrol in it: it is not open.
    expect((await staff.post(`/api/programs/${draft.id}/enrolment`)).json().reasons).toEqual([{ code: 'not_published' }]);
  });

  it('puts nothing of it in the page a link opens: no title, no description, no JSON-LD, for anyone', async () => {
    for (const client of [t.anonymous, staff, admin]) {
      const page = await client.get(`/programs/${draft.id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toBe((await client.get(`/programs/${NO_SUCH_PROGRAM}`)).body);
      expect(page.body).toContain('<title>fixture</title>');
      expect(page.body).not.toContain(TITLE);
      expect(page.body).not.toContain('application/ld+json');
    }
    expect((await t.anonymous.get(`/programs/${published.id}`)).body).toContain(`<title>${published.title}`);
  });

  it('is in no search result and never suggested as similar', async () => {
    for (const client of [t.anonymous, staff, admin]) {
      const byTitle = (await client.get(`/api/programs?q=${encodeURIComponent(TITLE)}&pageSize=100`)).json();
      expect(byTitle.items.map((p: { id: number }) => p.id)).not.toContain(draft.id);
      const ofInstitution = (await client.get(`/api/programs?institution=${staffInstitution}&pageSize=100`)).json();
      expect(ofInstitution.items.map((p: { id: number }) => p.id)).toContain(published.id);
      expect(ofInstitution.items.map((p: { id: number }) => p.id)).not.toContain(draft.id);
      const similar = (await client.get(`/api/programs/${published.id}/similar`)).json();
      expect(similar.items.map((p: { id: number }) => p.id)).not.toContain(draft.id);
    }
  });

  it('is not counted on its institution’s or its city’s page', async () => {
    const counts = (await firstRow<{ institution: number; city: number }>(t.database.db, sql`
      SELECT count(*) FILTER (WHERE institution_id = ${staffInstitution})::int AS institution, count(*)::int AS city
      FROM programs WHERE city_code = ${GWANGMYEONG} AND status <> 'draft'`))!;
    expect((await t.anonymous.get(`/api/institutions/${staffInstitution}`)).json().programCount).toBe(counts.institution);
    expect((await t.anonymous.get(`/api/cities/${GWANGMYEONG}`)).json().programCount).toBe(counts.city);
  });

  it('shows no other institution its listing text, in checks before publishing or in near-copy pairs', async () => {
    const officer = strangers.find(([who]) => who === "the city's officer")![1];
    const check = (await officer.post(`/api/institutions/${otherInstitution}/copies/check`, { title: TITLE, description: DESCRIPTION })).json();
    expect(check.matches.map((m: { programId: number }) => m.programId)).not.toContain(draft.id);

    // A pair stored with the draft in it (as if it had been compared before being taken back to draft).
    const other = (await firstRow<{ id: number }>(t.database.db, sql`
      SELECT id FROM programs WHERE institution_id = ${otherInstitution} AND status = 'published' ORDER BY id LIMIT 1`))!;
    await t.database.db.execute(sql`
      INSERT INTO copy_pairs (program_id, other_program_id, similarity, city_code, other_city_code, institution_id, other_institution_id, detected_at)
      VALUES (${other.id}, ${draft.id}, 0.9, ${GWANGMYEONG}, ${GWANGMYEONG}, ${otherInstitution}, ${staffInstitution}, now())`);
    const otherStaff = strangers.find(([who]) => who === 'staff of another institution')![1];
    const pages = [
      await otherStaff.get(`/api/institutions/${otherInstitution}/copies?pageSize=100`),
      await officer.get(`/api/institutions/${otherInstitution}/copies?pageSize=100`),
      await officer.get(`/api/institutions/${staffInstitution}/copies?pageSize=100`),
      await officer.get(`/api/cities/${GWANGMYEONG}/copies/pairs?pageSize=100`),
    ];
    for (const page of pages) {
      expect(page.statusCode, page.body).toBe(200);
      expect(page.body).not.toContain(TITLE);
      expect(page.body).not.toContain(DESCRIPTION.slice(0, 30));
    }
  });

  it('leaves the learning record even of someone enrolled in it', async () => {
    // An enrolment the API cannot make (drafts refuse everyone), as a draft that was open once would have.
    const [learner] = await residents(t, 1);
    await t.database.db.execute(sql`
      INSERT INTO enrolments (program_id, person_id, city_code, status) SELECT id, ${learner!.personId}, city_code, 'enrolled' FROM programs WHERE id = ${seedDraft.id}`);
    const record = (await learner!.get('/api/me/learning')).json();
    expect(record.entries.map((e: { programId: number }) => e.programId)).not.toContain(seedDraft.id);
    const exported = (await learner!.get('/api/me/learning/export.json')).json();
    expect(exported.entries.map((e: { programId: number }) => e.programId)).not.toContain(seedDraft.id);
    expect(await routesTelling(learner!, seedDraft.id)).toEqual([]);
    const kept = await rows<{ status: string }>(t.database.db, sql`SELECT status FROM enrolments WHERE program_id = ${seedDraft.id} AND person_id = ${learner!.personId}`);
    expect(kept).toEqual([{ status: 'enrolled' }]);
  });
});
