/**
 * The review and the decision (issue 9): the ministry assigns reviewers, never one who lives or works in the
 * applying city's province; a reviewer sees only their assignments, scores each item within its points, saves
 * drafts, submits once and only then sees the others' totals; the review table aggregates by the call's rule,
 * spreads and ranks; the ministry decides once (twenty at once still make one decision, one transition, one log
 * row), a potential city gets its consulting year, and announcing tells every city. On both engines.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssignmentSummary, ReviewDetail, ReviewerCandidate, ReviewRow, ReviewTable } from '../../src/shared/contracts/designation-review.ts';
import type { PageOf } from '../../src/shared/contracts/common.ts';
import { firstRow, rows } from '../../src/server/platform/database/database.ts';
import { testEngine } from '../support/database.ts';
import { testApp, type Client, type TestApp } from '../support/app.ts';
import { todayInKorea, yearInKorea } from '../support/clock.ts';
import { appointedReviewer, callInReview, endorsedApplication, newcomers, scoreAndSubmit, someone, type Someone } from '../support/review.ts';

const year = yearInKorea();
const SEOUL_HOME = '11010';

describe(`the review and the decision on ${testEngine()}`, () => {
  let t: TestApp;
  let callId: number;
  let ministry: Client;
  let resident: Client;
  /** Applications by name: three in Gyeonggi (31), two in Jeonnam (36), one in Busan (21). */
  const app: Record<'g1' | 'g2' | 'g3' | 'j1' | 'j2' | 'b1', { id: number; cityCode: string; cityNameKo: string }> = {} as never;
  /** Reviewers: kim, choi, yoon, jang, han live and work in Seoul; lee lives in Gyeonggi; park works there. */
  const r: Record<'kim' | 'choi' | 'yoon' | 'jang' | 'han' | 'lee' | 'park', Someone> = {} as never;
  let g1Officer: Someone;
  let gyeonggiOfficer: Someone;
  let draft: number;

  const db = () => t.database.db;
  const assign = (applicationId: number, reviewer: Someone, by: Client = ministry) =>
    by.post(`/api/designation/applications/${applicationId}/reviewers`, { reviewerId: reviewer.personId });
  /** Assigns and returns the assignment's id. */
  const assigned = async (applicationId: number, reviewer: Someone) => {
    const response = await assign(applicationId, reviewer);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: number }>().id;
  };
  const put = (client: Client, assignmentId: number, scores: unknown[]) =>
    client.request({ method: 'PUT', url: `/api/designation/reviews/${assignmentId}/scores`, payload: { scores } });
  const table = async (query = '') => {
    const response = await ministry.get(`/api/designation/calls/${year}/review${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ReviewTable>();
  };
  const rowOf = async (applicationId: number) => (await table()).items.find((row) => row.applicationId === applicationId)!;
  const notified = (personId: number, kind: string) =>
    firstRow<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM notifications WHERE person_id = ${personId} AND kind = ${kind}`).then((row) => row!.n);
  const logSteps = (applicationId: number) =>
    rows<{ step: string }>(db(), sql`SELECT step FROM designation_log WHERE application_id = ${applicationId} ORDER BY id`).then((found) => found.map((l) => l.step));
  const statesOf = (cityCode: string) =>
    rows<{ state: string }>(db(), sql`SELECT state FROM designation_transitions WHERE city_code = ${cityCode} ORDER BY occurred_on, id`).then((found) => found.map((s) => s.state));
  const decide = (applicationId: number, decision: string, reason = '조직과 예산 기반이 탄탄하고 계획이 구체적입니다.', by: Client = ministry) =>
    by.post(`/api/designation/applications/${applicationId}/decision`, { decision, reason });

  beforeAll(async () => {
    t = await testApp();
    callId = await callInReview(db(), year, { quota: 3, aggregation: 'trimmed_mean' });
    const [gyeonggi, jeonnam, busan] = await Promise.all([newcomers(db(), '31', 3), newcomers(db(), '36', 2), newcomers(db(), '21', 1)]);
    const cities = { g1: gyeonggi[0]!, g2: gyeonggi[1]!, g3: gyeonggi[2]!, j1: jeonnam[0]!, j2: jeonnam[1]!, b1: busan[0]! };
    for (const [key, city] of Object.entries(cities)) {
      const id = await endorsedApplication(db(), { id: callId, year }, city.code, 1 + Object.keys(app).filter((k) => k[0] === key[0]).length);
      app[key as keyof typeof app] = { id, cityCode: city.code, cityNameKo: city.nameKo };
    }
    for (const [key, name] of [['kim', '김심사'], ['choi', '최심사'], ['yoon', '윤심사'], ['jang', '장심사'], ['han', '한심사']] as const) {
      r[key] = await appointedReviewer(t, `${key}.reviewer@example.com`, name, { home: SEOUL_HOME, worksIn: '11' });
    }
    r.lee = await appointedReviewer(t, 'lee.reviewer@example.com', '이심사', { home: cities.g2.code, worksIn: null });
    r.park = await appointedReviewer(t, 'park.reviewer@example.com', '박심사', { home: SEOUL_HOME, worksIn: '31' });
    g1Officer = await someone(t, 'officer.g1@example.com', '경기 1 담당자', cities.g1.code, 'city_officer', { cityCode: cities.g1.code });
    gyeonggiOfficer = await someone(t, 'province.31@example.com', '경기도 담당자', '31010', 'province_officer', { provinceCode: '31' });
    [ministry, resident] = await Promise.all([t.as('ministry@example.com'), t.as('resident@example.com')]);
    // A draft that never reached the ministry.
    const [stillDrafting] = await newcomers(db(), '36', 1);
    draft = (await firstRow<{ id: number }>(db(), sql`
      INSERT INTO designation_applications (call_id, city_code, province_code) VALUES (${callId}, ${stillDrafting!.code}, '36') RETURNING id`))!.id;
  });
  afterAll(async () => t?.close());

  describe('assigning reviewers', () => {
    it('refuses a reviewer who lives in the applying city’s province, naming the conflict', async () => {
      const refused = await assign(app.g1.id, r.lee);
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ error: 'conflict_of_interest', field: 'reviewerId', conflict: { lives: true, works: false }, provinceCode: '31' });
      expect(refused.json().message).toBe(`이심사 심사위원은 경기도에 살고 있어 같은 시·도의 경기 ${app.g1.cityNameKo} 신청서를 심사할 수 없습니다 (이해충돌).`);
      const english = await ministry.request({
        method: 'POST', url: `/api/designation/applications/${app.g1.id}/reviewers`, payload: { reviewerId: r.lee.personId }, headers: { 'accept-language': 'en' },
      });
      expect(english.json().message).toMatch(/^이심사 lives in Gyeonggi-do, the province of .+, and cannot review its application \(conflict of interest\)\.$/);
    });

    it('refuses a reviewer who works in that province, and assigns both where there is no conflict', async () => {
      const refused = await assign(app.g1.id, r.park);
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ conflict: { lives: false, works: true } });
      expect(refused.json().message).toContain('경기도에 일하고 있어');
      expect((await assign(app.j1.id, r.lee)).statusCode).toBe(201);
      expect((await assign(app.j1.id, r.park)).statusCode).toBe(201);
      expect(await rows(db(), sql`SELECT 1 FROM reviewer_assignments WHERE application_id = ${app.g1.id}`)).toHaveLength(0);
    });

    it('shows the candidates with their conflicts, and refuses twice the same, a non-reviewer and an application not endorsed', async () => {
      const candidates = (await ministry.get(`/api/designation/applications/${app.g1.id}/reviewer-candidates?pageSize=100`)).json<PageOf<ReviewerCandidate>>();
      const byName = new Map(candidates.items.map((c) => [c.displayName, c]));
      expect(byName.get('이심사')).toMatchObject({ conflict: { lives: true, works: false }, homeProvinceCode: '31', assignmentsInCall: 1 });
      expect(byName.get('박심사')!.conflict).toEqual({ lives: false, works: true, consulted: false });
      expect(byName.get('김심사')).toMatchObject({ conflict: null, assigned: false });

      const kim = await assigned(app.g1.id, r.kim);
      expect(await notified(r.kim.personId, 'designation.reviewer_assigned')).toBe(1);
      const again = await assign(app.g1.id, r.kim);
      expect(again.statusCode).toBe(409);
      expect(again.json().message).toContain('이미 이 신청서에 배정');
      const notAReviewer = await ministry.post(`/api/designation/applications/${app.g1.id}/reviewers`, { reviewerId: g1Officer.personId });
      expect(notAReviewer.statusCode).toBe(400);
      expect(notAReviewer.json().field).toBe('reviewerId');
      expect((await assign(draft, r.kim)).statusCode).toBe(404);
      expect(kim).toBeGreaterThan(0);
    });

    it('is the ministry’s alone', async () => {
      expect((await t.anonymous.post(`/api/designation/applications/${app.g2.id}/reviewers`, { reviewerId: r.choi.personId })).statusCode).toBe(401);
      for (const client of [resident, r.kim.client, g1Officer.client, gyeonggiOfficer.client]) {
        expect((await assign(app.g2.id, r.choi, client)).statusCode).toBe(403);
        expect((await client.get(`/api/designation/applications/${app.g2.id}/reviewer-candidates`)).statusCode).toBe(403);
      }
      expect(await rows(db(), sql`SELECT 1 FROM reviewer_assignments WHERE application_id = ${app.g2.id}`)).toHaveLength(0);
    });

    it('takes a reviewer off before they submit, draft scores and all, and logs both steps', async () => {
      const id = await assigned(app.b1.id, r.han);
      const detail = (await r.han.client.get(`/api/designation/reviews/${id}`)).json<ReviewDetail>();
      expect((await put(r.han.client, id, [{ rubricItemId: detail.rubric[0]!.items[0]!.id, score: 5, comment: '' }])).statusCode).toBe(200);
      expect((await r.kim.client.request({ method: 'DELETE', url: `/api/designation/applications/${app.b1.id}/reviewers/${r.han.personId}` })).statusCode).toBe(403);
      const removed = await ministry.request({ method: 'DELETE', url: `/api/designation/applications/${app.b1.id}/reviewers/${r.han.personId}` });
      expect(removed.statusCode).toBe(204);
      expect(await rows(db(), sql`SELECT 1 FROM review_scores s JOIN reviewer_assignments ra ON ra.id = s.assignment_id WHERE ra.application_id = ${app.b1.id}`)).toHaveLength(0);
      expect((await r.han.client.get(`/api/designation/reviews/${id}`)).statusCode).toBe(404);
      expect(await logSteps(app.b1.id)).toEqual(['reviewer_assigned', 'reviewer_unassigned']);
      expect(await notified(r.han.personId, 'designation.reviewer_unassigned')).toBe(1);
      expect((await ministry.request({ method: 'DELETE', url: `/api/designation/applications/${app.b1.id}/reviewers/${r.han.personId}` })).statusCode).toBe(404);
    });
  });

  describe("a reviewer's work", () => {
    let kimOnG1: number;
    let choiOnG1: number;
    let choiOnG3: number;

    beforeAll(async () => {
      kimOnG1 = (await rows<{ id: number }>(db(), sql`SELECT id FROM reviewer_assignments WHERE application_id = ${app.g1.id} AND reviewer_id = ${r.kim.personId}`))[0]!.id;
      choiOnG1 = await assigned(app.g1.id, r.choi);
      choiOnG3 = await assigned(app.g3.id, r.choi);
    });

    it('lists only their own assignments; another reviewer’s is not found', async () => {
      const mine = (await r.choi.client.get('/api/designation/reviews')).json<PageOf<AssignmentSummary>>();
      expect(mine.items.map((a) => a.id).sort()).toEqual([choiOnG1, choiOnG3].sort());
      expect(mine.items[0]).toMatchObject({ callYear: year, state: 'not_started', scoredItems: 0, totalItems: 13, total: null });
      expect((await r.choi.client.get(`/api/designation/reviews/${kimOnG1}`)).statusCode).toBe(404);
      expect((await put(r.choi.client, kimOnG1, [{ rubricItemId: 1, score: 1, comment: '' }])).statusCode).toBe(404);
      expect((await r.choi.client.post(`/api/designation/reviews/${kimOnG1}/submit`)).statusCode).toBe(404);
      expect((await r.choi.client.get('/api/designation/reviews/999999')).statusCode).toBe(404);
      expect((await resident.get(`/api/designation/reviews/${kimOnG1}`)).statusCode).toBe(404);
      expect((await ministry.get(`/api/designation/reviews/${kimOnG1}`)).statusCode).toBe(403);
      expect((await resident.get('/api/designation/reviews')).statusCode).toBe(403);
      expect((await t.anonymous.get('/api/designation/reviews')).statusCode).toBe(401);
    });

    it('scores each item from 0 to its points with a comment, as a draft', async () => {
      const detail = (await r.kim.client.get(`/api/designation/reviews/${kimOnG1}`)).json<ReviewDetail>();
      expect(detail).toMatchObject({ mayScore: true, closedBecause: null, peers: null, peersHiddenBecause: 'not_submitted', scores: [] });
      const first = detail.rubric[0]!.items[0]!;
      const above = await put(r.kim.client, kimOnG1, [{ rubricItemId: first.id, score: first.points + 1, comment: '' }]);
      expect(above.statusCode).toBe(400);
      expect(above.json()).toMatchObject({ field: `score.${first.id}` });
      expect(above.json().message).toBe(`‘${first.titleKo}’에는 0점부터 ${first.points}점까지 0.5점 단위로 줄 수 있습니다 (보낸 점수: ${first.points + 1}).`);
      expect((await put(r.kim.client, kimOnG1, [{ rubricItemId: first.id, score: 2.3, comment: '' }])).statusCode).toBe(400);
      expect((await put(r.kim.client, kimOnG1, [{ rubricItemId: first.id, score: -1, comment: '' }])).statusCode).toBe(400);
      const otherCallsItem = (await firstRow<{ id: number }>(db(), sql`SELECT max(id) + 1000 AS id FROM call_rubric_items`))!.id;
      expect((await put(r.kim.client, kimOnG1, [{ rubricItemId: otherCallsItem, score: 1, comment: '' }])).json().field).toBe(`score.${otherCallsItem}`);

      const saved = await put(r.kim.client, kimOnG1, [{ rubricItemId: first.id, score: 6.5, comment: '김심사의 비공개 의견: 조례가 최근 개정됨' }]);
      expect(saved.statusCode).toBe(200);
      expect(saved.json<ReviewDetail>()).toMatchObject({ assignment: { state: 'draft', scoredItems: 1, total: 6.5 }, scores: [{ rubricItemId: first.id, score: 6.5 }] });
      const incomplete = await r.kim.client.post(`/api/designation/reviews/${kimOnG1}/submit`);
      expect(incomplete.statusCode).toBe(400);
      expect(incomplete.json()).toMatchObject({ error: 'incomplete', field: `score.${detail.rubric[0]!.items[1]!.id}` });
    });

    it("never shows another reviewer's scores before submitting; the ministry's views are closed to reviewers", async () => {
      const choi = await r.choi.client.get(`/api/designation/reviews/${choiOnG1}`);
      expect(choi.json<ReviewDetail>()).toMatchObject({ peers: null, peersHiddenBecause: 'not_submitted' });
      expect(choi.body).not.toContain('김심사');
      await scoreAndSubmit(r.kim.client, kimOnG1, 0.8, '김심사의 비공개 의견');
      const stillHidden = await r.choi.client.get(`/api/designation/reviews/${choiOnG1}`);
      expect(stillHidden.json<ReviewDetail>().peers).toBeNull();
      expect(stillHidden.body).not.toContain('비공개 의견');
      for (const path of [`/api/designation/calls/${year}/review`, `/api/designation/applications/${app.g1.id}/reviews`]) {
        expect((await r.choi.client.get(path)).statusCode).toBe(403);
        expect((await g1Officer.client.get(path)).statusCode).toBe(403);
      }
    });

    it('cannot change scores once submitted', async () => {
      const after = (await r.kim.client.get(`/api/designation/reviews/${kimOnG1}`)).json<ReviewDetail>();
      expect(after).toMatchObject({ mayScore: false, assignment: { state: 'submitted', scoredItems: 13 }, closedBecause: { ko: '제출한 심사는 바꿀 수 없습니다.' } });
      const item = after.rubric[0]!.items[0]!;
      const change = await put(r.kim.client, kimOnG1, [{ rubricItemId: item.id, score: 0, comment: '바꾸고 싶어요' }]);
      expect(change.statusCode).toBe(409);
      expect((await r.kim.client.post(`/api/designation/reviews/${kimOnG1}/submit`)).statusCode).toBe(409);
      expect((await firstRow<{ score: number }>(db(), sql`SELECT score::float8 AS score FROM review_scores WHERE assignment_id = ${kimOnG1} AND rubric_item_id = ${item.id}`))!.score)
        .toBe(after.scores[0]!.score);
      expect(await logSteps(app.g1.id)).toContain('review_submitted');
      // A submitted reviewer cannot be taken off (the score is evidence).
      expect((await ministry.request({ method: 'DELETE', url: `/api/designation/applications/${app.g1.id}/reviewers/${r.kim.personId}` })).statusCode).toBe(409);
    });

    it("shows the others' totals, unnamed, only once all of the reviewer's reviews in the call are submitted", async () => {
      const first = await scoreAndSubmit(r.choi.client, choiOnG1, 0.6);
      expect(first).toMatchObject({ peers: null, peersHiddenBecause: 'assignments_left', assignmentsLeft: 1 });
      await scoreAndSubmit(r.choi.client, choiOnG3, 0.65);
      const seen = await r.choi.client.get(`/api/designation/reviews/${choiOnG1}`);
      const kimTotal = (await rowOf(app.g1.id)).reviewers.find((c) => c.reviewerId === r.kim.personId)!.total!;
      expect(seen.json<ReviewDetail>()).toMatchObject({ peersHiddenBecause: null, assignmentsLeft: 0, peers: { assigned: 1, reviewers: [{ total: kimTotal }] } });
      expect(seen.body).not.toContain('김심사');
      expect(seen.body).not.toContain('비공개 의견');
      expect(await notified((await firstRow<{ id: number }>(db(), sql`SELECT id FROM people WHERE email = 'ministry@example.com'`))!.id, 'designation.reviews_complete')).toBe(2);
    });
  });

  describe('the review table', () => {
    /** Five reviewers on j2 with different totals; the trimmed mean drops the highest and the lowest. */
    const fractions = { kim: 0.95, choi: 0.55, yoon: 0.8, jang: 0.85, han: 0.9 } as const;
    const totals: Record<string, number> = {};
    const assignments: Record<string, number> = {};

    beforeAll(async () => {
      for (const [name, fraction] of Object.entries(fractions)) {
        const reviewer = r[name as keyof typeof fractions];
        totals[name] = (await scoreAndSubmit(reviewer.client, await assigned(app.j2.id, reviewer), fraction)).assignment.total!;
      }
      // j1: lee and park (no conflict in Jeonnam), two reviewers: a plain mean even under the trimmed rule.
      const [leeOnJ1, parkOnJ1] = (await rows<{ id: number; reviewerId: number }>(db(), sql`
        SELECT id, reviewer_id AS "reviewerId" FROM reviewer_assignments WHERE application_id = ${app.j1.id} ORDER BY reviewer_id`)).map((a) => a.id);
      assignments.leeOnJ1 = leeOnJ1!;
      assignments.parkOnJ1 = parkOnJ1!;
      totals.lee = (await scoreAndSubmit(r.lee.client, leeOnJ1!, 0.95)).assignment.total!;
      totals.park = (await scoreAndSubmit(r.park.client, parkOnJ1!, 0.55)).assignment.total!;
    });

    const mean = (values: number[]) => Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;

    it('aggregates by the call’s rule: without the highest and lowest from five reviewers, a mean below', async () => {
      const j2 = await rowOf(app.j2.id);
      const five = Object.keys(fractions).map((name) => totals[name]!);
      const kept = [...five].sort((a, b) => a - b).slice(1, -1);
      expect(j2).toMatchObject({ aggregate: mean(kept), trimmed: true });
      expect(j2.reviewers.map((c) => [c.displayName, c.total, c.counted])).toEqual([
        ['김심사', totals.kim, false], ['최심사', totals.choi, false], ['윤심사', totals.yoon, true], ['장심사', totals.jang, true], ['한심사', totals.han, true],
      ]);
      expect(j2.areaAggregates!.reduce((a, b) => a + b, 0)).toBeCloseTo(j2.aggregate!, 1);
      const sd = Math.sqrt(five.reduce((sum, v) => sum + (v - five.reduce((a, b) => a + b) / 5) ** 2, 0) / 5);
      expect(j2.spread).toEqual({ range: Math.max(...five) - Math.min(...five), sd: Math.round(sd * 100) / 100 });
      expect(j2.wideSpread).toBe(Math.max(...five) - Math.min(...five) >= 20);

      const j1 = await rowOf(app.j1.id);
      expect(j1).toMatchObject({ aggregate: mean([totals.lee!, totals.park!]), trimmed: false, wideSpread: true });

      await db().execute(sql`UPDATE designation_calls SET aggregation = 'mean' WHERE id = ${callId}`);
      expect((await rowOf(app.j2.id))).toMatchObject({ aggregate: mean(five), trimmed: false });
      await db().execute(sql`UPDATE designation_calls SET aggregation = 'trimmed_mean' WHERE id = ${callId}`);
    });

    it('ranks against the quota with ties, shows drafts as drafts, sorts and pages', async () => {
      const whole = await table();
      expect(whole.counts).toMatchObject({ applications: 6, fullyReviewed: 4, decided: 0 });
      const byRank = whole.items.filter((row) => row.rank !== null);
      expect(byRank.map((row) => row.rank)).toEqual([...byRank.map((row) => row.rank)].sort((a, b) => a! - b!));
      for (const row of byRank) {
        expect(row.rank).toBe(1 + whole.items.filter((other) => other.aggregate !== null && other.aggregate > row.aggregate!).length);
        expect(row.withinQuota).toBe(row.rank! <= 3);
      }
      expect(whole.items.filter((row) => row.rank === null).map((row) => row.applicationId).sort()).toEqual([app.g2.id, app.b1.id].sort());
      expect(whole.cut).toMatchObject({ quota: 3, within: 3, tie: false });
      expect(whole.mayAnnounce).toBe(false);

      // A draft is the reviewer's own until they submit: shown as a draft, without its scores.
      const hanOnG2 = await assigned(app.g2.id, r.han);
      const draftDetail = (await r.han.client.get(`/api/designation/reviews/${hanOnG2}`)).json<ReviewDetail>();
      await put(r.han.client, hanOnG2, [{ rubricItemId: draftDetail.rubric[0]!.items[0]!.id, score: 3, comment: '' }]);
      expect((await rowOf(app.g2.id)).reviewers).toEqual([expect.objectContaining({ state: 'draft', scoredItems: 1, total: null, areas: null, counted: false })]);

      // Equal scores: park's and choi's (on g3) scores become lee's, so that j1 and g3 both score lee's total.
      const choiOnG3 = (await rowOf(app.g3.id)).reviewers[0]!.assignmentId;
      await db().execute(sql`UPDATE review_scores s SET score = l.score FROM review_scores l
        WHERE l.assignment_id = ${assignments.leeOnJ1!} AND l.rubric_item_id = s.rubric_item_id AND s.assignment_id IN (${assignments.parkOnJ1!}, ${choiOnG3})`);
      const tied = await table();
      const [tiedJ1, tiedG3] = [app.j1.id, app.g3.id].map((id) => tied.items.find((row) => row.applicationId === id)!);
      expect(tiedG3).toMatchObject({ aggregate: totals.lee, rank: 1 });
      expect(tiedJ1).toMatchObject({ aggregate: totals.lee, rank: 1 });
      expect(tied.items.filter((row) => row.rank === 2)).toHaveLength(0);
      expect(tied.items.find((row) => row.applicationId === app.j2.id)!.rank).toBe(3);
      await db().execute(sql`UPDATE designation_calls SET quota = 1 WHERE id = ${callId}`);
      expect((await table()).cut).toEqual({ quota: 1, within: 2, score: totals.lee, tie: true });
      await db().execute(sql`UPDATE designation_calls SET quota = 3 WHERE id = ${callId}`);

      const byCity = await table('?sort=city&order=desc&pageSize=2&page=1');
      expect(byCity).toMatchObject({ total: 6, page: 1, pageSize: 2 });
      const names = whole.items.map((row) => row.cityNameKo).sort((a, b) => b.localeCompare(a, 'ko'));
      expect(byCity.items.map((row) => row.cityNameKo)).toEqual(names.slice(0, 2));
      const spread = await table('?sort=spread');
      expect(spread.items[0]!.spread!.range).toBe(Math.max(...whole.items.map((row) => row.spread?.range ?? -1)));
      expect((await ministry.get(`/api/designation/calls/${year}/review?sort=nonsense`)).statusCode).toBe(400);
      expect((await ministry.get('/api/designation/calls/2099/review')).statusCode).toBe(404);

      const details = (await ministry.get(`/api/designation/applications/${app.g1.id}/reviews`)).json();
      expect(details.reviewers.map((c: { displayName: string; scores: unknown[] }) => [c.displayName, c.scores.length])).toEqual([['김심사', 13], ['최심사', 13]]);
      expect(details.reviewers[0].scores[0].comment).toBe('김심사의 비공개 의견');
      expect((await ministry.get(`/api/designation/applications/${draft}/reviews`)).statusCode).toBe(404);
    });
  });

  describe('the decision', () => {
    it('refuses while a reviewer has not submitted, and is the ministry’s alone', async () => {
      const waiting = await decide(app.g2.id, 'designated');
      expect(waiting.statusCode).toBe(409);
      expect(waiting.json().message).toContain('한심사');
      expect((await decide(app.b1.id, 'rejected')).json().message).toContain('배정된 심사위원이 없습니다');
      for (const client of [g1Officer.client, gyeonggiOfficer.client, r.kim.client, resident]) {
        expect((await decide(app.g1.id, 'designated', '좋습니다 좋아요', client)).statusCode).toBe(403);
      }
      expect((await decide(app.g1.id, 'designated', '짧음')).statusCode).toBe(400);
      expect((await decide(draft, 'designated')).statusCode).toBe(404);
      expect(await statesOf(app.g1.cityCode)).toEqual(['applied']);
    });

    it('of twenty at once, makes exactly one: one decision, one transition, one log row', async () => {
      // 'potential' first: a potential city may still become designated or rejected, so only the locks keep it to one decision.
      const outcomes = ['potential', 'designated', 'rejected'] as const;
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => decide(app.g1.id, outcomes[i % 3]!, `동시 결정 ${i}: 심사 결과를 반영합니다.`)));
      const made = answers.filter((a) => a.statusCode === 200);
      expect(made).toHaveLength(1);
      expect(answers.filter((a) => a.statusCode === 409)).toHaveLength(19);
      const decision = made[0]!.json<{ decision: string; finalScore: number }>();
      const stored = await rows<{ decision: string; status: string; finalScore: number }>(db(), sql`
        SELECT decision, status, final_score::float8 AS "finalScore" FROM designation_applications WHERE id = ${app.g1.id}`);
      expect(stored).toEqual([{ decision: decision.decision, status: 'decided', finalScore: decision.finalScore }]);
      expect(await statesOf(app.g1.cityCode)).toEqual(['applied', decision.decision]);
      expect((await logSteps(app.g1.id)).filter((step) => step === 'application_decided')).toHaveLength(1);
      const consultings = await rows(db(), sql`SELECT 1 FROM consultings WHERE application_id = ${app.g1.id}`);
      expect(consultings).toHaveLength(decision.decision === 'potential' ? 1 : 0);
      expect(await notified(g1Officer.personId, 'designation.application_decided')).toBe(1);
      expect(await notified(gyeonggiOfficer.personId, 'designation.application_decided')).toBe(1);
      const again = await decide(app.g1.id, 'rejected');
      expect(again.statusCode).toBe(409);
      expect(again.json().field).toBe('decision');
    });

    it('names a city potential with its consulting year of three milestones', async () => {
      const made = await decide(app.j1.id, 'potential', '추진 의지는 높으나 전담 조직을 보완할 필요가 있습니다.');
      expect(made.statusCode, made.body).toBe(200);
      const { consultingId, finalScore } = made.json<{ consultingId: number; finalScore: number }>();
      expect(finalScore).toBe((await rowOf(app.j1.id)).aggregate);
      const consulting = await firstRow<{ startsOn: string; endsOn: string }>(db(), sql`
        SELECT starts_on::text AS "startsOn", ends_on::text AS "endsOn" FROM consultings WHERE id = ${consultingId} AND application_id = ${app.j1.id}`);
      expect(consulting!.startsOn).toBe(todayInKorea());
      const milestones = await rows<{ kind: string; dueOn: string }>(db(), sql`
        SELECT kind, due_on::text AS "dueOn" FROM consulting_milestones WHERE consulting_id = ${consultingId} ORDER BY due_on`);
      expect(milestones.map((m) => m.kind)).toEqual(['needs_survey', 'improvement_plan', 'midterm_plan']);
      for (const m of milestones) expect(m.dueOn > consulting!.startsOn && m.dueOn <= consulting!.endsOn).toBe(true);
      expect(await statesOf(app.j1.cityCode)).toEqual(['applied', 'potential']);
    });

    it('never designates past the quota, even when six applications are designated at once for the last place', async () => {
      const { n } = (await firstRow<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM designation_applications WHERE call_id = ${callId} AND decision = 'designated'`))!;
      // Four more applications, reviewed, so that six ask for the one place left.
      const more = [];
      for (const province of ['22', '24', '25', '29']) {
        const [city] = await newcomers(db(), province, 1);
        const id = await endorsedApplication(db(), { id: callId, year }, city!.code, 1);
        await scoreAndSubmit(r.yoon.client, await assigned(id, r.yoon), 0.5);
        more.push({ id, cityCode: city!.code });
      }
      const racing = [app.j2, app.g3, ...more];
      await db().execute(sql`UPDATE designation_calls SET quota = ${n + 1} WHERE id = ${callId}`);
      const answers = await Promise.all(racing.map((a) => decide(a.id, 'designated')));
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409]);
      expect(answers.find((a) => a.statusCode === 409)!.json().message).toContain(`신규 지정 정원 ${n + 1}곳이 모두 찼습니다`);
      const states = await Promise.all(racing.map((a) => statesOf(a.cityCode)));
      expect(states.map((s) => s.join()).sort()).toEqual(['applied', 'applied', 'applied', 'applied', 'applied', 'applied,designated']);
      const { designated } = (await firstRow<{ designated: number }>(db(), sql`
        SELECT count(*)::int AS designated FROM designation_applications WHERE call_id = ${callId} AND decision = 'designated'`))!;
      expect(designated).toBe(n + 1);
    });

    it('announces once every application is decided, telling every city; nothing is decided after', async () => {
      const early = await ministry.post(`/api/designation/calls/${year}/announce`);
      expect(early.statusCode).toBe(409);
      expect(early.json().message).toContain(app.g2.cityNameKo);
      expect((await g1Officer.client.post(`/api/designation/calls/${year}/announce`)).statusCode).toBe(403);

      await ministry.request({ method: 'DELETE', url: `/api/designation/applications/${app.g2.id}/reviewers/${r.han.personId}` });
      await scoreAndSubmit(r.kim.client, await assigned(app.g2.id, r.kim), 0.4);
      await scoreAndSubmit(r.kim.client, await assigned(app.b1.id, r.kim), 0.45);
      const undecided = (await table()).items.filter((row) => row.decision === null);
      expect(undecided.length).toBeGreaterThanOrEqual(2);
      for (const row of undecided) expect((await decide(row.applicationId, 'rejected', '계획의 구체성이 부족합니다.')).statusCode).toBe(200);
      expect((await table()).mayAnnounce).toBe(true);

      const announced = await ministry.post(`/api/designation/calls/${year}/announce`);
      expect(announced.statusCode, announced.body).toBe(200);
      expect(announced.json()).toMatchObject({ year, designated: expect.any(Number), potential: expect.any(Number), rejected: expect.any(Number) });
      expect(await firstRow(db(), sql`SELECT status FROM designation_calls WHERE id = ${callId}`)).toEqual({ status: 'announced' });
      expect(await notified(g1Officer.personId, 'designation.call_announced')).toBe(1);
      expect(await notified(gyeonggiOfficer.personId, 'designation.call_announced')).toBe(1);
      const message = await firstRow<{ body: string }>(db(), sql`
        SELECT body_ko AS body FROM notifications WHERE person_id = ${gyeonggiOfficer.personId} AND kind = 'designation.call_announced'`);
      expect(message!.body.split('\n')).toHaveLength(3);
      expect((await rows(db(), sql`SELECT 1 FROM designation_log WHERE call_id = ${callId} AND step = 'call_announced'`))).toHaveLength(1);

      expect((await ministry.post(`/api/designation/calls/${year}/announce`)).statusCode).toBe(409);
      expect((await assign(app.g2.id, r.choi)).statusCode).toBe(409);
      const table_ = await table();
      expect(table_.call.status).toBe('announced');
      expect(table_.counts.decided).toBe(table_.counts.applications);
      expect(table_.items.find((row: ReviewRow) => row.applicationId === app.g2.id)!.decisionReason).toBe('계획의 구체성이 부족합니다.');
    });
  });
});
