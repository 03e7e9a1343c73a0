/**
 * Residents' proposals (issue 13, item 2): a resident proposes for their city, neighbours support it once each
 * (however many ask at once), past the city's threshold the city answers publicly — accepted as a draft program of
 * an institution it chooses, linked both ways, or declined with reasons — and the proposer and supporters are told.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProposalBody, ProposalView } from '../../src/shared/contracts/proposals.ts';
import { firstRow, rows } from '../../src/server/platform/database/database.ts';
import { testEngine } from '../support/database.ts';
import { residents, testApp, type Client, type TestApp } from '../support/app.ts';

const CITY = '31060';

describe(`residents' proposals on ${testEngine()}`, () => {
  let t: TestApp;
  let officer: Client;
  let otherOfficer: Client;
  let ministry: Client;
  let staff: Client;
  let suncheonResident: Client;
  let proposer: Client & { personId: number };
  let neighbours: (Client & { personId: number })[];
  let centre: number;
  let dong: string;

  const body = (title: string): ProposalBody => ({
    kind: 'program', title, area: 'basic_literacy', subcategory: 'life_skills', targetGroups: ['elderly'],
    description: '키오스크와 모바일 예약을 천천히 실습하는 수업이 있으면 좋겠습니다.', dongCode: dong, preferredDays: ['tue'], preferredTimes: ['evening'],
  });
  const propose = async (title: string) => {
    const response = await proposer.post(`/api/cities/${CITY}/proposals`, body(title));
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as ProposalView;
  };
  const put = (client: Client, url: string, payload: object) => client.request({ method: 'PUT', url, payload });
  const support = (client: Client, id: number, method: 'POST' | 'DELETE' = 'POST') => client.request({ method, url: `/api/cities/${CITY}/proposals/${id}/support` });
  const page = async (id: number, client: Client = t.anonymous) => (await client.get(`/api/cities/${CITY}/proposals/${id}`)).json() as ProposalView;

  beforeAll(async () => {
    t = await testApp();
    [officer, otherOfficer, ministry, staff, suncheonResident] = await Promise.all([
      t.as('officer@example.com'), t.as('officer.suncheon@example.com'), t.as('ministry@example.com'), t.as('staff@example.com'), t.as('resident@example.com'),
    ]);
    const people = await residents(t, 12, { homeCityCode: CITY });
    proposer = people[0]!;
    neighbours = people.slice(1);
    centre = (await firstRow<{ id: number }>(t.database.db, sql`
      SELECT g.institution_id AS id FROM role_grants g JOIN people p ON p.id = g.person_id WHERE p.email = 'staff@example.com' AND g.role = 'institution_manager'`))!.id;
    dong = (await firstRow<{ code: string }>(t.database.db, sql`SELECT code FROM dongs WHERE municipality_code = ${CITY} ORDER BY code LIMIT 1`))!.code;
    expect((await put(officer, `/api/cities/${CITY}/proposals/threshold`, { threshold: 3 })).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it('takes a proposal from a resident of the city only, and lists it publicly with the proposer masked, paginated and sorted', async () => {
    const first = await propose('어르신 키오스크 교실');
    expect(first).toMatchObject({ phase: 'open', supporters: 0, threshold: 3, proposer: '학○○○', mine: true, cityCode: CITY });
    expect(JSON.stringify(await page(first.id))).not.toContain('학습자');
    expect((await t.anonymous.post(`/api/cities/${CITY}/proposals`, body('익명 제안'))).statusCode).toBe(401);
    const elsewhere = await suncheonResident.post(`/api/cities/${CITY}/proposals`, body('다른 도시 주민의 제안'));
    expect(elsewhere.statusCode).toBe(403);
    expect((await proposer.post(`/api/cities/${CITY}/proposals`, { ...body('분야가 틀린 제안'), subcategory: 'certification' })).json()).toMatchObject({ field: 'subcategory' });
    expect((await proposer.post(`/api/cities/${CITY}/proposals`, { ...body('다른 동네 제안'), dongCode: '3603056' })).json()).toMatchObject({ field: 'dongCode' });
    expect((await proposer.post(`/api/cities/${CITY}/proposals`, { ...body('빈 대상'), targetGroups: [] })).json()).toMatchObject({ field: 'targetGroups' });

    const second = await propose('저녁 문해 교실');
    expect((await support(neighbours[0]!, second.id)).statusCode).toBe(200);
    const newest = (await t.anonymous.get(`/api/cities/${CITY}/proposals?pageSize=1`)).json();
    expect(newest).toMatchObject({ page: 1, pageSize: 1, threshold: 3, items: [{ id: second.id }] });
    expect(newest.total).toBeGreaterThanOrEqual(2);
    expect(newest.items[0]).not.toHaveProperty('proposerId');
    const bySupport = (await t.anonymous.get(`/api/cities/${CITY}/proposals?sort=support&pageSize=100`)).json();
    expect(bySupport.items.map((p: { supporters: number }) => p.supporters)).toEqual([...bySupport.items.map((p: { supporters: number }) => p.supporters)].sort((a, b) => b - a));
    expect((await t.anonymous.get('/api/cities/00000/proposals')).statusCode).toBe(404);
  });

  it('counts one support per person however many ask at once, never the proposer’s own, withdrawn until the city answers', async () => {
    const proposal = await propose('동시 공감 시험');
    const [one, two] = [neighbours[0]!, neighbours[1]!];
    const answers = await Promise.all(Array.from({ length: 8 }, () => support(one, proposal.id)));
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.statusCode === 409)).toHaveLength(7);
    const stored = await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM proposal_supports WHERE proposal_id = ${proposal.id}`);
    expect(stored[0]!.n).toBe(1);
    expect((await page(proposal.id)).supporters).toBe(1);

    expect((await support(proposer, proposal.id)).statusCode).toBe(409);
    expect((await support(suncheonResident, proposal.id)).statusCode).toBe(403);
    expect((await support(two, proposal.id)).json()).toMatchObject({ supporters: 2, phase: 'open' });
    expect((await support(two, proposal.id, 'DELETE')).json()).toMatchObject({ supporters: 1, supportedByMe: false });
    expect((await support(two, proposal.id, 'DELETE')).statusCode).toBe(404);
  });

  it('awaits the city’s answer past the threshold, tells the proposer, and stays awaiting if a supporter withdraws', async () => {
    const proposal = await propose('기준 넘기기');
    const many = await Promise.all(neighbours.slice(0, 6).map((n) => support(n, proposal.id)));
    expect(many.every((a) => a.statusCode === 200)).toBe(true);
    expect(await page(proposal.id)).toMatchObject({ supporters: 6, phase: 'awaiting' });
    expect((await support(neighbours[0]!, proposal.id, 'DELETE')).json()).toMatchObject({ supporters: 5, phase: 'awaiting' });
    const logged = await rows<{ kind: string }>(t.database.db, sql`SELECT kind FROM proposal_log WHERE proposal_id = ${proposal.id} ORDER BY id`);
    expect(logged.map((l) => l.kind)).toEqual(['proposed', 'threshold_reached']);
    const told = await rows(t.database.db, sql`SELECT 1 FROM notifications WHERE person_id = ${proposer.personId} AND kind = 'proposals.threshold_reached' AND link = ${`/cities/${CITY}/proposals/${proposal.id}`}`);
    expect(told).toHaveLength(1);
    expect((await t.anonymous.get(`/api/cities/${CITY}/proposals?phase=awaiting&pageSize=100`)).json().items.map((p: { id: number }) => p.id)).toContain(proposal.id);
  });

  it('is answered by the city’s own officers only; the ministry reads who did what', async () => {
    const proposal = await propose('누가 답하나');
    const decline = { answer: 'declined', reason: '예산이 모두 배정되어 올해는 열 수 없습니다.' };
    for (const [who, status] of [[t.anonymous, 401], [proposer, 403], [staff, 403], [otherOfficer, 403], [ministry, 403]] as const) {
      expect((await who.post(`/api/cities/${CITY}/proposals/${proposal.id}/answer`, decline)).statusCode).toBe(status);
    }
    expect((await put(otherOfficer, `/api/cities/${CITY}/proposals/threshold`, { threshold: 1 })).statusCode).toBe(403);
    expect((await page(proposal.id)).phase).toBe('open');
    expect((await officer.post(`/api/cities/${CITY}/proposals/${proposal.id}/answer`, decline)).statusCode).toBe(200);
    expect((await page(proposal.id, ministry)).log.map((l) => l.actorName)).toEqual(['학습자0', '박지영']);
    expect((await page(proposal.id)).log.map((l) => l.actorName)).toEqual([null, null]);
  });

  it('refuses a decline without reasons, publishes the reasons, tells the proposer and supporters, and freezes support', async () => {
    const proposal = await propose('거절될 제안');
    await support(neighbours[1]!, proposal.id);
    for (const reason of [undefined, '   ', '안 됨']) {
      const refused = await officer.post(`/api/cities/${CITY}/proposals/${proposal.id}/answer`, { answer: 'declined', ...(reason === undefined ? {} : { reason }) });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ field: 'reason' });
    }
    const reason = '야외 화기 사용은 안전 규정상 운영할 수 없습니다.';
    expect((await officer.post(`/api/cities/${CITY}/proposals/${proposal.id}/answer`, { answer: 'declined', reason })).statusCode).toBe(200);
    expect(await page(proposal.id)).toMatchObject({ phase: 'declined', declineReason: reason, program: null });
    const told = await rows<{ personId: number }>(t.database.db, sql`
      SELECT person_id AS "personId" FROM notifications WHERE kind = 'proposals.declined' AND link = ${`/cities/${CITY}/proposals/${proposal.id}`} ORDER BY person_id`);
    expect(told.map((r) => r.personId)).toEqual([proposer.personId, neighbours[1]!.personId].sort((a, b) => a - b));
    const mailed = await rows(t.database.db, sql`SELECT 1 FROM mail_outbox WHERE text_body LIKE ${`%${reason}%`}`);
    expect(mailed).toHaveLength(2);
    expect((await support(neighbours[2]!, proposal.id)).statusCode).toBe(409);
    expect((await support(neighbours[1]!, proposal.id, 'DELETE')).statusCode).toBe(409);
  });

  it('lets exactly one of two simultaneous answers win (409 for the other), making at most one program', async () => {
    const proposal = await propose('동시에 답하기');
    const answers = await Promise.all([
      officer.post(`/api/cities/${CITY}/proposals/${proposal.id}/answer`, { answer: 'accepted', institutionId: centre }),
      officer.post(`/api/cities/${CITY}/proposals/${proposal.id}/answer`, { answer: 'declined', reason: '같은 때 다른 담당자가 거절하려 했습니다.' }),
      officer.post(`/api/cities/${CITY}/proposals/${proposal.id}/answer`, { answer: 'accepted', institutionId: centre }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409]);
    const made = await rows(t.database.db, sql`SELECT 1 FROM programs WHERE description LIKE ${`%주민 제안 #${proposal.id}에서%`}`);
    expect(made).toHaveLength((await page(proposal.id)).phase === 'accepted' ? 1 : 0);
    const logged = await rows<{ kind: string }>(t.database.db, sql`SELECT kind FROM proposal_log WHERE proposal_id = ${proposal.id} AND kind IN ('accepted', 'declined')`);
    expect(logged).toHaveLength(1);
  });

  it('accepts into a draft program of a chosen institution of the city, linked both ways; published, the proposal shows it', async () => {
    const proposal = await propose('받아들일 제안');
    await support(neighbours[3]!, proposal.id);
    const url = `/api/cities/${CITY}/proposals/${proposal.id}/answer`;
    expect((await officer.post(url, { answer: 'accepted' })).json()).toMatchObject({ field: 'institutionId' });
    const elsewhere = await firstRow<{ id: number }>(t.database.db, sql`SELECT id FROM institutions WHERE city_code <> ${CITY} ORDER BY id LIMIT 1`);
    expect((await officer.post(url, { answer: 'accepted', institutionId: elsewhere!.id })).json()).toMatchObject({ field: 'institutionId' });
    const accepted = await officer.post(url, { answer: 'accepted', institutionId: centre });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ phase: 'accepted', program: null });

    const link = await firstRow<{ programId: number }>(t.database.db, sql`SELECT program_id AS "programId" FROM proposals WHERE id = ${proposal.id}`);
    const program = await firstRow<{ status: string; institutionId: number; title: string; area: string; mode: string; weekdays: string[]; startTime: string; sessions: number }>(t.database.db, sql`
      SELECT status, institution_id AS "institutionId", title, area, mode, weekdays, start_time::text AS "startTime",
        (SELECT count(*)::int FROM program_sessions s WHERE s.program_id = p.id) AS sessions
      FROM programs p WHERE id = ${link!.programId}`);
    expect(program).toMatchObject({ status: 'draft', institutionId: centre, title: '받아들일 제안', area: 'basic_literacy', mode: 'in_person', weekdays: ['tue'], startTime: '19:00:00', sessions: 8 });
    expect((await t.anonymous.get(`/api/programs/${link!.programId}`)).statusCode).toBe(404);

    const origins = await staff.get(`/api/institutions/${centre}/proposal-programs`);
    expect(origins.json().items).toContainEqual({ programId: link!.programId, proposalId: proposal.id, cityCode: CITY, title: '받아들일 제안' });
    expect((await officer.get(`/api/institutions/${centre}/proposal-programs`)).statusCode).toBe(403);
    const told = await rows<{ personId: number }>(t.database.db, sql`SELECT person_id AS "personId" FROM notifications WHERE kind = 'proposals.accepted' AND link = ${`/cities/${CITY}/proposals/${proposal.id}`}`);
    expect(told.map((r) => r.personId).sort()).toEqual([proposer.personId, neighbours[3]!.personId].sort((a, b) => a - b));

    await t.database.db.execute(sql`UPDATE programs SET status = 'published', published_at = now() WHERE id = ${link!.programId}`);
    expect((await page(proposal.id)).program).toMatchObject({ id: link!.programId, title: '받아들일 제안' });
  });

  it('lists on My learning the proposals a person made or supports, and nobody else’s', async () => {
    const mine = async (client: Client) => (await client.get('/api/me/proposals?pageSize=100')).json() as { items: { id: number; mine: string; threshold: number }[]; total: number };
    const made = await rows<{ id: number }>(t.database.db, sql`SELECT id FROM proposals WHERE proposer_id = ${proposer.personId} ORDER BY created_at DESC, id DESC`);
    const ofProposer = await mine(proposer);
    expect(ofProposer.items.map((p) => p.id)).toEqual(made.map((p) => p.id));
    expect(new Set(ofProposer.items.map((p) => `${p.mine}:${p.threshold}`))).toEqual(new Set(['proposed:3']));
    // A neighbour's list is exactly what they support now (a withdrawn support leaves it), counted from the table.
    const neighbour = neighbours[1]!;
    const supported = await rows<{ id: number }>(t.database.db, sql`SELECT proposal_id AS id FROM proposal_supports WHERE person_id = ${neighbour.personId}`);
    expect(supported.length).toBeGreaterThan(0);
    const ofNeighbour = await mine(neighbour);
    expect(ofNeighbour.total).toBe(supported.length);
    expect(ofNeighbour.items.map((p) => p.id).sort((a, b) => a - b)).toEqual(supported.map((p) => p.id).sort((a, b) => a - b));
    expect(ofNeighbour.items.every((p) => p.mine === 'supported')).toBe(true);
    expect((await mine(suncheonResident)).total).toBe(0);
    expect((await t.anonymous.get('/api/me/proposals')).statusCode).toBe(401);
  });

  it('keeps the log append-only and counts proposals beside wishes in the demand panel', async () => {
    for (const statement of [sql`UPDATE proposal_log SET kind = 'declined'`, sql`DELETE FROM proposal_log`, sql`TRUNCATE proposal_log CASCADE`]) {
      await expect(t.database.db.execute(statement)).rejects.toMatchObject({ cause: { message: expect.stringMatching(/append-only/) } });
    }
    const report = (await officer.get(`/api/cities/${CITY}/demand`)).json();
    const made = await firstRow<{ n: number; supporters: number }>(t.database.db, sql`SELECT count(*)::int AS n, sum(supporters)::int AS supporters FROM proposals WHERE city_code = ${CITY}`);
    expect(report.totals).toMatchObject({ proposals: made!.n, supporters: made!.supporters });
    expect(report.proposalsByPhase.open + report.proposalsByPhase.awaiting + report.proposalsByPhase.accepted + report.proposalsByPhase.declined).toBe(made!.n);
    expect(report.proposalsByPhase.accepted).toBeGreaterThanOrEqual(1);
    expect(report.byArea.find((a: { area: string }) => a.area === 'basic_literacy').proposals).toBe(made!.n);
  });
});
