/**
 * Grants and priority investment (issue 12, item 5): the ministry awards grants; a city's officers see their own
 * and file what they spent (never more than the grant), which the ministry accepts into the append-only ledger or
 * returns; a priority investment round proposes an allocation beside equal shares and need only, the ministry
 * adjusts within the cap and the budget, and approval writes the grants once however many approve at once.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GrantList, GrantTotals, GrantView, InvestmentRound, RoundCities, RoundCity } from '../../src/shared/contracts/grants.ts';
import { firstRow, rows } from '../../src/server/platform/database/database.ts';
import { testEngine } from '../support/database.ts';
import { testApp, type Client, type TestApp } from '../support/app.ts';
import { samplePdf } from '../support/documents.ts';

const GWANGMYEONG = '31060';
const SUNCHEON = '36030';

describe(`grants and priority investment on ${testEngine()}`, () => {
  let t: TestApp;
  let ministry: Client;
  let officer: Client;
  let otherOfficer: Client;
  let resident: Client;

  const put = (client: Client, url: string, payload: object) => client.request({ method: 'PUT', url, payload });
  const award = async (amount: number, cityCode = GWANGMYEONG, year = 2026) => {
    const response = await ministry.post('/api/grants', { cityCode, year, kind: 'new_designation', amount, conditions: '평생학습관 프로그램 운영에 쓸 것' });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as GrantView;
  };
  const report = (client: Client, grant: GrantView, lines: { line: string; amount: number }[], note = '상반기 집행') =>
    client.post(`/api/cities/${grant.cityCode}/grants/${grant.id}/spending-reports`, { lines, note });
  /** How many notifications of a kind Gwangmyeong's officer has. */
  const told = async (kind: string) => (await firstRow<{ n: number }>(t.database.db, sql`
    SELECT count(*)::int AS n FROM notifications n JOIN people p ON p.id = n.person_id WHERE p.email = 'officer@example.com' AND n.kind = ${kind}`))!.n;
  const decide = (grant: GrantView, reportId: number, body: object) =>
    ministry.post(`/api/cities/${grant.cityCode}/grants/${grant.id}/spending-reports/${reportId}/decision`, body);

  beforeAll(async () => {
    t = await testApp();
    [ministry, officer, otherOfficer, resident] = await Promise.all([
      t.as('ministry@example.com'), t.as('officer@example.com'), t.as('officer.suncheon@example.com'), t.as('resident@example.com'),
    ]);
  });
  afterAll(() => t.close());

  it("shows a city's grants to its officers and the ministry only; the public sees yearly totals by kind, no city named", async () => {
    const grant = await award(80_000_000);
    expect(grant).toMatchObject({ awarded: 80_000_000, adjusted: 0, spent: 0, balance: 80_000_000, pending: 0, kind: 'new_designation', year: 2026 });
    expect(grant.ledger).toMatchObject([{ kind: 'awarded', amount: 80_000_000 }]);
    await award(50_000_000, SUNCHEON);

    const own = (await officer.get(`/api/cities/${GWANGMYEONG}/grants`)).json() as GrantList;
    expect(own.items.map((g) => g.cityCode)).toEqual([GWANGMYEONG]);
    expect((await officer.get(`/api/cities/${GWANGMYEONG}/grants/${grant.id}`)).statusCode).toBe(200);
    expect((await otherOfficer.get(`/api/cities/${GWANGMYEONG}/grants`)).statusCode).toBe(403);
    expect((await otherOfficer.get(`/api/cities/${GWANGMYEONG}/grants/${grant.id}`)).statusCode).toBe(403);
    // Naming its own city with another city's grant finds nothing.
    expect((await otherOfficer.get(`/api/cities/${SUNCHEON}/grants/${grant.id}`)).statusCode).toBe(404);
    expect((await officer.get('/api/grants')).statusCode).toBe(403);
    expect((await resident.get(`/api/cities/${GWANGMYEONG}/grants`)).statusCode).toBe(403);
    expect((await t.anonymous.get(`/api/cities/${GWANGMYEONG}/grants`)).statusCode).toBe(401);
    expect((await officer.post('/api/grants', { cityCode: GWANGMYEONG, year: 2026, kind: 'consortium', amount: 1, conditions: '스스로 주는 지원금' })).statusCode).toBe(403);

    // Gwangmyeong's officers are told, in their inbox (and by mail), with a link to the grant.
    const told = await firstRow<{ link: string }>(t.database.db, sql`
      SELECT n.link FROM notifications n JOIN people p ON p.id = n.person_id WHERE p.email = 'officer@example.com' AND n.kind = 'grants.awarded'`);
    expect(told).toEqual({ link: `/cities/${GWANGMYEONG}/console/grants?grant=${grant.id}` });

    const totals = await t.anonymous.get('/api/grants/totals');
    expect(totals.statusCode).toBe(200);
    const year = (totals.json() as GrantTotals).items.find((y) => y.year === 2026)!;
    expect(year).toMatchObject({ grants: 2, cities: 2, awarded: 130_000_000, byKind: [{ kind: 'new_designation', grants: 2, awarded: 130_000_000 }] });
    expect(totals.body).not.toContain(GWANGMYEONG);
    expect(totals.body).not.toContain('평생학습관 프로그램');
  });

  it('refuses a grant for a city that does not exist, naming the field, in Korean', async () => {
    const response = await ministry.request({
      method: 'POST', url: '/api/grants', headers: { 'accept-language': 'ko' },
      payload: { cityCode: '99999', year: 2026, kind: 'consortium', amount: 10, conditions: '없는 도시에 주는 지원금' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: 'cityCode', message: '없는 시·군·구입니다.' });
  });

  it('names a consortium grant’s member cities: each sees it, only the lead files its spending, a city outside sees nothing', async () => {
    const consortium = (memberCityCodes?: string[], kind = 'consortium') => ministry.post('/api/grants', {
      cityCode: GWANGMYEONG, year: 2027, kind, amount: 90_000_000, conditions: '세 도시 공동 평생학습 축제 운영', ...(memberCityCodes ? { memberCityCodes } : {}),
    });
    const refused = async (response: Awaited<ReturnType<typeof consortium>>, message: RegExp) => {
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toMatchObject({ field: 'memberCityCodes', message: expect.stringMatching(message) });
    };
    await refused(await consortium(), /하나 이상/);
    await refused(await consortium([SUNCHEON, GWANGMYEONG]), /대표 도시/);
    await refused(await consortium(['99999']), /없는 시·군·구입니다: 99999/);
    await refused(await consortium([SUNCHEON], 'special_purpose'), /연합 도시 지원금에만/);
    // Refused whole: no grant, member or ledger row was written.
    expect(await rows(t.database.db, sql`SELECT id FROM grants WHERE kind IN ('consortium', 'special_purpose') AND year = 2027`)).toEqual([]);

    const created = await consortium([SUNCHEON]);
    expect(created.statusCode, created.body).toBe(201);
    const grant = created.json() as GrantView;
    expect(grant.members).toEqual([{ cityCode: SUNCHEON, cityNameKo: expect.stringContaining('순천'), cityNameEn: expect.stringMatching(/Suncheon/) }]);
    // The member city's officer finds it among their city's grants, told so, and opens it under their own city.
    const theirs = (await otherOfficer.get(`/api/cities/${SUNCHEON}/grants?year=2027`)).json() as GrantList;
    expect(theirs.items.map((g) => [g.id, g.cityCode])).toEqual([[grant.id, GWANGMYEONG]]);
    expect((await otherOfficer.get(`/api/cities/${SUNCHEON}/grants/${grant.id}`)).json()).toMatchObject({ id: grant.id, cityCode: GWANGMYEONG });
    expect((await firstRow<{ n: number }>(t.database.db, sql`
      SELECT count(*)::int AS n FROM notifications n JOIN people p ON p.id = n.person_id
      WHERE p.email = 'officer.suncheon@example.com' AND n.kind = 'grants.consortium'`))!.n).toBe(1);
    // Only the lead files what was spent.
    const byMember = await otherOfficer.post(`/api/cities/${SUNCHEON}/grants/${grant.id}/spending-reports`, { lines: [{ line: 'programs', amount: 1_000_000 }], note: '축제 운영' });
    expect(byMember.statusCode, byMember.body).toBe(409);
    expect(byMember.json().message).toMatch(/대표 도시\(.*광명.*\)가 보고합니다/);
    expect((await report(officer, grant, [{ line: 'programs', amount: 1_000_000 }])).statusCode).toBe(201);
    // A city that is neither lead nor member: not in its list, not found under its code.
    const thirdCity = (await firstRow<{ code: string }>(t.database.db, sql`
      SELECT m.code FROM municipalities m WHERE m.code NOT IN (${GWANGMYEONG}, ${SUNCHEON}) ORDER BY m.code LIMIT 1`))!.code;
    const third = (await ministry.get(`/api/grants?cityCode=${thirdCity}&year=2027`)).json() as GrantList;
    expect(third.items).toEqual([]);
    expect((await ministry.get(`/api/cities/${thirdCity}/grants/${grant.id}`)).statusCode).toBe(404);
  });

  it('takes spending by line never above the grant, and the ministry accepts it into the ledger or returns it', async () => {
    const grant = await award(10_000_000);
    const above = await report(officer, grant, [{ line: 'programs', amount: 8_000_000 }, { line: 'promotion', amount: 2_000_001 }]);
    expect(above.statusCode).toBe(400);
    expect(above.json()).toMatchObject({ field: 'lines' });
    const twice = await report(officer, grant, [{ line: 'programs', amount: 1 }, { line: 'programs', amount: 2 }]);
    expect(twice.json()).toMatchObject({ field: 'lines.1.line' });
    expect((await report(otherOfficer, grant, [{ line: 'programs', amount: 1 }])).statusCode).toBe(403);
    expect((await report(ministry, grant, [{ line: 'programs', amount: 1 }])).statusCode).toBe(403);

    const filed = await report(officer, grant, [{ line: 'programs', amount: 6_000_000 }, { line: 'personnel', amount: 1_500_000 }]);
    expect(filed.statusCode, filed.body).toBe(201);
    const first = filed.json() as GrantView;
    expect(first).toMatchObject({ balance: 10_000_000, pending: 7_500_000 });
    // What is filed and undecided counts: 2.5 million are left to report.
    expect((await report(officer, grant, [{ line: 'other', amount: 2_500_001 }])).json()).toMatchObject({ field: 'lines' });

    const reportId = first.reports[0]!.id;
    expect((await decide(grant, reportId, { decision: 'returned' })).json()).toMatchObject({ field: 'reason' });
    expect((await officer.post(`/api/cities/${GWANGMYEONG}/grants/${grant.id}/spending-reports/${reportId}/decision`, { decision: 'accepted' })).statusCode).toBe(403);
    const accepted = await decide(grant, reportId, { decision: 'accepted' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const after = accepted.json() as GrantView;
    expect(after).toMatchObject({ awarded: 10_000_000, spent: 7_500_000, balance: 2_500_000, pending: 0 });
    expect(after.ledger.filter((e) => e.kind === 'spent').map((e) => [e.line, e.amount, e.reportId]).sort()).toEqual([
      ['personnel', -1_500_000, reportId], ['programs', -6_000_000, reportId],
    ]);
    expect((await decide(grant, reportId, { decision: 'returned', reason: '영수증이 빠졌습니다' })).statusCode).toBe(409);
    expect(await told('grants.report_accepted')).toBe(1);

    const second = (await report(officer, grant, [{ line: 'facilities', amount: 2_000_000 }])).json() as GrantView;
    const returned = await decide(grant, second.reports[0]!.id, { decision: 'returned', reason: '장비 구입 영수증을 붙여 주세요' });
    expect(returned.json()).toMatchObject({ balance: 2_500_000, pending: 0, reports: [{ status: 'returned', returnReason: '장비 구입 영수증을 붙여 주세요' }, { status: 'accepted' }] });
    expect(await told('grants.report_returned')).toBe(1);
  });

  it('takes documents with a report awaiting the decision, gives them back as uploaded, and none once it is decided', async () => {
    const grant = await award(5_000_000);
    const filed = (await report(officer, grant, [{ line: 'programs', amount: 1_000_000 }])).json() as GrantView;
    const reportId = filed.reports[0]!.id;
    const documents = `/api/cities/${GWANGMYEONG}/grants/${grant.id}/spending-reports/${reportId}/documents`;
    const attach = (client: Client, bytes: Buffer, name: string, url = documents) => client.request({
      method: 'POST', url: `${url}?name=${encodeURIComponent(name)}`, headers: { 'content-type': 'application/octet-stream' }, payload: bytes,
    });
    const pdf = samplePdf();

    // Only the city's own officers attach, and they must be logged in; the ministry decides, it does not file.
    expect((await attach(t.anonymous, pdf, '영수증.pdf')).statusCode).toBe(401);
    for (const refused of [otherOfficer, ministry, resident]) expect((await attach(refused, pdf, '영수증.pdf')).statusCode).toBe(403);
    // Bytes that are no document, or not the document their name says, are refused naming the file.
    const notPdf = await attach(officer, Buffer.from('영수증이 아닙니다'), '영수증.pdf');
    expect(notPdf.statusCode).toBe(415);
    expect(notPdf.json()).toMatchObject({ field: 'file' });
    expect((await attach(officer, pdf, '영수증.pdf', `/api/cities/${GWANGMYEONG}/grants/${grant.id}/spending-reports/999999/documents`)).statusCode).toBe(404);

    const attached = await attach(officer, pdf, '상반기 집행 영수증.pdf');
    expect(attached.statusCode, attached.body).toBe(201);
    const document = (attached.json() as GrantView).reports[0]!.documents[0]!;
    expect(document).toMatchObject({ fileName: '상반기 집행 영수증.pdf', byteSize: pdf.length });

    const url = `${documents}/${document.id}`;
    for (const reader of [officer, ministry]) {
      const got = await reader.get(url);
      expect(got.statusCode).toBe(200);
      expect(got.rawPayload.equals(pdf)).toBe(true);
    }
    expect((await otherOfficer.get(url)).statusCode).toBe(403);
    expect((await resident.get(url)).statusCode).toBe(403);
    // Another grant's report, or another report's document, finds nothing.
    const other = await award(1_000_000);
    expect((await officer.get(`/api/cities/${GWANGMYEONG}/grants/${other.id}/spending-reports/${reportId}/documents/${document.id}`)).statusCode).toBe(404);

    const accepted = await decide(grant, reportId, { decision: 'accepted' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((accepted.json() as GrantView).reports[0]!.documents).toHaveLength(1);
    const late = await attach(officer, pdf, '늦은 영수증.pdf');
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ field: 'file' });
    expect(late.json().message).toContain('결정이 난 집행 보고');
    expect(await rows(t.database.db, sql`SELECT 1 FROM grant_report_documents WHERE report_id = ${reportId}`)).toHaveLength(1);
  });

  it('corrects money with adjustments as new rows, never below zero, and the ledger refuses change', async () => {
    const grant = await award(3_000_000);
    const url = `/api/cities/${GWANGMYEONG}/grants/${grant.id}/adjustments`;
    expect((await ministry.post(url, { amount: -3_000_001, note: '사업 축소로 회수' })).json()).toMatchObject({ field: 'amount' });
    expect((await ministry.post(url, { amount: 0, note: '아무 것도 아님' })).json()).toMatchObject({ field: 'amount' });
    expect((await officer.post(url, { amount: 1_000, note: '스스로 늘림' })).statusCode).toBe(403);
    const reduced = await ministry.post(url, { amount: -1_000_000, note: '사업 축소로 회수' });
    expect(reduced.statusCode, reduced.body).toBe(201);
    expect(reduced.json()).toMatchObject({ awarded: 3_000_000, adjusted: -1_000_000, balance: 2_000_000 });

    const db = t.database.db;
    await expect(db.execute(sql`UPDATE grant_ledger SET amount = 1 WHERE grant_id = ${grant.id}`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM grant_ledger WHERE grant_id = ${grant.id}`)).rejects.toThrow();
    const ministryId = (await firstRow<{ id: number }>(db, sql`SELECT id FROM people WHERE email = 'ministry@example.com'`))!.id;
    await expect(db.execute(sql`
      INSERT INTO grant_ledger (grant_id, city_code, kind, amount, note, recorded_by) VALUES (${grant.id}, ${GWANGMYEONG}, 'adjustment', -2000001, 'x', ${ministryId})`)).rejects.toThrow();
    const balance = await firstRow<{ n: number }>(db, sql`SELECT sum(amount)::int8 AS n FROM grant_ledger WHERE grant_id = ${grant.id}`);
    expect(Number(balance!.n)).toBe(2_000_000);
  });

  it('lets one of many simultaneous reports through when together they would pass the grant', async () => {
    const grant = await award(1_000_000);
    const answers = await Promise.all(Array.from({ length: 6 }, () => report(officer, grant, [{ line: 'programs', amount: 600_000 }])));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 400, 400, 400, 400, 400]);
    const view = (await officer.get(`/api/cities/${GWANGMYEONG}/grants/${grant.id}`)).json() as GrantView;
    expect(view).toMatchObject({ pending: 600_000, reports: [{ total: 600_000 }] });
  });

  describe('priority investment', () => {
    let round: InvestmentRound;
    let cities: RoundCity[];
    const BUDGET = 1_000_000_007;
    const CAP = 60_000_000;

    beforeAll(async () => {
      const made = await ministry.post('/api/investment-rounds', {
        year: 2027, title: '2027 우선 투자', budget: BUDGET, cityCap: CAP, weightEvaluation: 40, weightNeed: 60, conditions: '접근성이 낮은 동에 학습 공간을 넓힐 것',
      });
      expect(made.statusCode, made.body).toBe(201);
      round = made.json() as InvestmentRound;
      cities = ((await ministry.get(`/api/investment-rounds/${round.id}/cities?pageSize=300`)).json() as RoundCities).items;
    });

    it('refuses weights that do not add up to 100 and a cap above the budget, naming the field', async () => {
      const body = { year: 2027, title: '잘못된 라운드', budget: 1_000_000, cityCap: 100_000, weightEvaluation: 50, weightNeed: 40, conditions: '조건을 적습니다' };
      expect((await ministry.post('/api/investment-rounds', body)).json()).toMatchObject({ field: 'weightNeed' });
      expect((await ministry.post('/api/investment-rounds', { ...body, weightNeed: 50, cityCap: 2_000_000 })).json()).toMatchObject({ field: 'cityCap' });
      expect((await officer.post('/api/investment-rounds', body)).statusCode).toBe(403);
      expect((await officer.get(`/api/investment-rounds/${round.id}/cities`)).statusCode).toBe(403);
    });

    it('ranks the designated cities by 40% evaluation and 60% need, need from 2SFCA access (least access 100)', async () => {
      expect(cities.length).toBe(round.cities);
      expect(cities.length).toBeGreaterThan(10);
      const designated = await rows<{ code: string }>(t.database.db, sql`
        SELECT city_code AS code FROM (SELECT DISTINCT ON (city_code) city_code, state FROM designation_transitions ORDER BY city_code, occurred_on DESC, id DESC) s
        WHERE state IN ('designated', 'redesignated', 'deferred', 'excellent')`);
      const designatedCodes = new Set(designated.map((d) => d.code));
      expect(cities.every((c) => designatedCodes.has(c.cityCode))).toBe(true);
      const least = Math.min(...cities.map((c) => c.access));
      const most = Math.max(...cities.map((c) => c.access));
      for (const city of cities) {
        expect(city.need).toBeCloseTo((100 * (most - city.access)) / (most - least), 1);
        expect(city.priority).toBeCloseTo(0.4 * city.evaluation + 0.6 * city.need, 1);
      }
      expect(cities.map((c) => c.rank)).toEqual(cities.map((_, i) => i + 1));
      for (let i = 1; i < cities.length; i++) expect(cities[i]!.priority).toBeLessThanOrEqual(cities[i - 1]!.priority);
    });

    it('proposes amounts in proportion to priority within the cap, in integer won summing to the budget (worked by hand)', () => {
      expect(round.totals).toMatchObject({ proposed: BUDGET, equal: BUDGET, needOnly: BUDGET, adjusted: BUDGET });
      expect(cities.every((c) => c.proposed <= CAP && c.equal <= CAP && c.needOnly <= CAP && Number.isInteger(c.proposed))).toBe(true);
      // Uncapped cities share what the capped ones left, each within one won of remaining × priority / Σ priority.
      const capped = cities.filter((c) => c.proposed === CAP);
      const open = cities.filter((c) => c.proposed < CAP);
      const remaining = BUDGET - CAP * capped.length;
      const weight = open.reduce((sum, c) => sum + Math.round(c.priority * 100), 0);
      for (const city of open) expect(Math.abs(city.proposed - (remaining * Math.round(city.priority * 100)) / weight)).toBeLessThan(1);
      // Equal shares: every city the same but for one won of remainder, the higher ranked first.
      const share = Math.floor(BUDGET / cities.length);
      const extra = BUDGET - share * cities.length;
      expect(cities.map((c) => c.equal)).toEqual(cities.map((_, i) => share + (i < extra ? 1 : 0)));
      expect(cities.every((c) => c.amount === c.proposed)).toBe(true);
    });

    it('takes the ministry’s amounts within the cap and the budget, naming the field it refuses', async () => {
      const url = `/api/investment-rounds/${round.id}/amounts`;
      const [top, second] = cities;
      expect((await put(ministry, url, { amounts: [{ cityCode: top!.cityCode, amount: CAP + 1 }] })).json()).toMatchObject({ field: 'amounts.0.amount' });
      expect((await put(ministry, url, { amounts: [{ cityCode: top!.cityCode, amount: 1 }, { cityCode: '99999', amount: 1 }] })).json()).toMatchObject({ field: 'amounts.1.cityCode' });
      const raise = cities.find((c) => c.proposed < CAP)!;
      const over = await put(ministry, url, { amounts: [{ cityCode: raise.cityCode, amount: raise.proposed + 1 }] });
      expect(over.statusCode).toBe(400);
      expect(over.json()).toMatchObject({ field: 'amounts' });
      // Take 5 million from the second city and give them to one below the cap: the total stays the budget.
      const moved = await put(ministry, url, { amounts: [{ cityCode: second!.cityCode, amount: second!.proposed - 5_000_000 }, { cityCode: raise.cityCode, amount: Math.min(CAP, raise.proposed + 5_000_000) }] });
      expect(moved.statusCode, moved.body).toBe(200);
      expect((moved.json() as InvestmentRound).totals.adjusted).toBe(BUDGET - 5_000_000 + Math.min(CAP, raise.proposed + 5_000_000) - raise.proposed);
      // And leave one city out altogether.
      expect((await put(ministry, url, { amounts: [{ cityCode: cities.at(-1)!.cityCode, amount: 0 }] })).statusCode).toBe(200);
    });

    it('approves once under simultaneous approvals, writing a special-purpose grant per funded city into the ledger', async () => {
      const answers = await Promise.all(Array.from({ length: 6 }, () => ministry.post(`/api/investment-rounds/${round.id}/approve`)));
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409]);
      const approved = answers.find((a) => a.statusCode === 200)!.json() as InvestmentRound;
      expect(approved.status).toBe('approved');
      const written = await firstRow<{ grants: number; total: number }>(t.database.db, sql`
        SELECT count(DISTINCT g.id)::int AS grants, sum(l.amount)::int8 AS total
        FROM grants g JOIN grant_ledger l ON l.grant_id = g.id AND l.kind = 'awarded' WHERE g.round_id = ${round.id} AND g.kind = 'special_purpose'`);
      expect(written!.grants).toBe(approved.funded);
      expect(Number(written!.total)).toBe(approved.totals.adjusted);
      expect((await put(ministry, `/api/investment-rounds/${round.id}/amounts`, { amounts: [{ cityCode: cities[0]!.cityCode, amount: 1 }] })).statusCode).toBe(409);

      // The officers of the funded cities, and only they, are told.
      const toldCities = await rows<{ cityCode: string }>(t.database.db, sql`
        SELECT DISTINCT g.city_code AS "cityCode" FROM notifications n JOIN role_grants g ON g.person_id = n.person_id AND g.role = 'city_officer'
        WHERE n.kind = 'grants.round_approved' ORDER BY 1`);
      const fundedCodes = (await rows<{ cityCode: string }>(t.database.db, sql`
        SELECT city_code AS "cityCode" FROM grants WHERE round_id = ${round.id} ORDER BY 1`)).map((c) => c.cityCode);
      expect(toldCities.length).toBeGreaterThan(0);
      expect(toldCities.every((c) => fundedCodes.includes(c.cityCode))).toBe(true);
      expect(fundedCodes).not.toContain(cities.at(-1)!.cityCode);

      const funded = cities.find((c) => c.cityCode !== cities.at(-1)!.cityCode)!;
      const theirs = (await ministry.get(`/api/cities/${funded.cityCode}/grants`)).json() as GrantList;
      expect(theirs.items.find((g) => g.roundId === round.id)).toMatchObject({ kind: 'special_purpose', year: 2027, conditions: '접근성이 낮은 동에 학습 공간을 넓힐 것' });
    });
  });
});
