/**
 * The re-designation evaluation (issue 12, items 1–3), on both engines: the ministry's frame (copied forward,
 * checked, versioned, fixed once its round opens); the cohort from designation histories; a round from opening to
 * finalising — indicator items from the console's values, the city's self-assessment and evidence, reviewers under
 * the conflict-of-interest rule, the preliminary result with reasons, an objection and its answer, and outcomes
 * through the designation state machine (deferred, excellent, passed; deferred again → revoked the next year).
 * Who sees what: a city officer only their city, a reviewer only what they are assigned, the ministry everything;
 * simultaneous finalising happens once.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageOf } from '../../src/shared/contracts/common.ts';
import type {
  CityRoundView, Cohort, EvaluationAssignment, EvaluationReviewView, FrameView, RoundView,
} from '../../src/shared/contracts/evaluation.ts';
import { rows } from '../../src/server/platform/database/database.ts';
import { cityRoundView, roundView, type SurveyMeans } from '../../src/server/modules/evaluation/round.service.ts';
import { testEngine } from '../support/database.ts';
import { todayInKorea } from '../support/clock.ts';
import { testApp, type Client, type TestApp } from '../support/app.ts';
import { samplePdf } from '../support/documents.ts';
import { designatedIn, indicatorValues, middling, objectionsClosed, strong, weak } from '../support/evaluation.ts';
import { appointedReviewer, newcomers, someone, type Someone } from '../support/review.ts';
import { appointAsConsultant, potentialCity } from '../support/consulting.ts';
import { designation } from '../../src/server/modules/designation/index.ts';

/** A round for a year the seeded cities are past (their histories run to last year): its cohort is the test's cities. */
/**
 * The round's year: four years back from now, so that its indicators are still among the years kept (a fixed past year
 * would fall out of them one New Year), and the cities were designated four years before it.
 */
const YEAR = Number(todayInKorea().slice(0, 4)) - 4;
const DESIGNATED = YEAR - 4;

describe(`the re-designation evaluation on ${testEngine()}`, () => {
  let t: TestApp;
  let ministry: Client;
  let resident: Client;
  /** Three cities designated four years before the round: weak in Gyeonggi, strong in Gangwon, middling in Jeonnam. */
  const city: Record<'weak' | 'strong' | 'middling', { code: string; nameKo: string }> = {} as never;
  const officer: Record<'weak' | 'strong', Someone> = {} as never;
  /** kim lives and works in Seoul; park works in Gyeonggi; lee is appointed but not assigned. */
  const r: Record<'kim' | 'park' | 'lee', Someone> = {} as never;
  const assignments: Record<string, number> = {};

  const db = () => t.database.db;
  const cityView = (client: Client, code: string, year = YEAR) => client.get(`/api/evaluation/rounds/${year}/cities/${code}`);
  const statesOf = (cityCode: string) =>
    rows<{ state: string; year: number }>(db(), sql`SELECT state, year FROM designation_transitions WHERE city_code = ${cityCode} ORDER BY occurred_on, id`);
  const assign = (code: string, reviewer: Someone, year = YEAR) => ministry.post(`/api/evaluation/rounds/${year}/cities/${code}/reviewers`, { reviewerId: reviewer.personId });
  /** Scores every reviewer item at `fraction` of its points and submits. */
  async function review(assignmentId: number, fraction: number) {
    const view = (await r.kim.client.get(`/api/evaluation/reviews/${assignmentId}`)).json<EvaluationReviewView>();
    const scores = view.items.map((item) => ({ itemCode: item.code, score: Math.round(item.points * fraction * 2) / 2, comment: '증빙을 확인했습니다.' }));
    const saved = await r.kim.client.request({ method: 'PUT', url: `/api/evaluation/reviews/${assignmentId}/scores`, payload: { scores } });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await r.kim.client.post(`/api/evaluation/reviews/${assignmentId}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
  }

  beforeAll(async () => {
    t = await testApp();
    ministry = await t.as('ministry@example.com');
    resident = await t.as('resident@example.com');
    const [gyeonggi] = await newcomers(db(), '31', 1);
    const [gangwon] = await newcomers(db(), '32', 1);
    const [jeonnam] = await newcomers(db(), '36', 1);
    Object.assign(city, { weak: gyeonggi!, strong: gangwon!, middling: jeonnam! });
    // The middling city came in as a potential city: a year of consulting (lee's), then designated on the consultant's word.
    const consulted = await potentialCity(t.database, city.middling, DESIGNATED - 1);
    await designation.recordTransition(db(), city.middling.code, { state: 'designated', year: DESIGNATED, occurredOn: `${DESIGNATED}-07-01`, reason: '컨설팅 후 지정' }, null);
    for (const [c, values] of [[city.weak, weak], [city.strong, strong], [city.middling, middling]] as const) {
      if (c !== city.middling) await designatedIn(db(), c.code, DESIGNATED);
      await indicatorValues(db(), c.code, YEAR, values);
      await indicatorValues(db(), c.code, YEAR + 1, values);
    }
    officer.weak = await someone(t, 'officer.weak@example.com', '약한시 담당', city.weak.code, 'city_officer', { cityCode: city.weak.code });
    officer.strong = await someone(t, 'officer.strong@example.com', '강한시 담당', city.strong.code, 'city_officer', { cityCode: city.strong.code });
    r.kim = await appointedReviewer(t, 'kim.eval@example.com', '김평가', { home: '11010', worksIn: '11' });
    r.park = await appointedReviewer(t, 'park.eval@example.com', '박평가', { home: '11010', worksIn: '31' });
    r.lee = await appointedReviewer(t, 'lee.eval@example.com', '이평가', { home: '11010', worksIn: null });
    await appointAsConsultant(t.database, r.lee.personId);
    await db().execute(sql`UPDATE consultings SET consultant_id = ${r.lee.personId} WHERE id = ${consulted.consultingId}`);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('the frame', () => {
    it('has the 2025 frame seeded: three areas, ten fields, twenty items', async () => {
      const frame = (await ministry.get('/api/evaluation/frames/2025')).json<FrameView>();
      expect(frame.areas.map((a) => a.titleKo)).toEqual(['추진체계', '사업운영', '성과']);
      expect(frame.areas.flatMap((a) => a.fields.flatMap((f) => f.items))).toHaveLength(20);
      expect(frame).toMatchObject({ deferredBelow: 60, excellentShare: 0.1, locked: false });
    });

    it('is the ministry’s alone', async () => {
      for (const client of [resident, officer.weak.client, r.kim.client]) {
        expect((await client.get('/api/evaluation/frames/2025')).statusCode).toBe(403);
        expect((await client.post(`/api/evaluation/frames/${YEAR}`)).statusCode).toBe(403);
      }
      expect((await t.anonymous.get('/api/evaluation/frames')).statusCode).toBe(401);
    });

    it('makes a year’s frame from the latest before it, once; the next year’s copies it', async () => {
      const made = await ministry.post(`/api/evaluation/frames/${YEAR}`);
      expect(made.statusCode, made.body).toBe(201);
      expect(made.json<FrameView>()).toMatchObject({ year: YEAR, copiedFrom: YEAR > 2025 ? 2025 : null, version: 1 });
      expect((await ministry.post(`/api/evaluation/frames/${YEAR}`)).statusCode).toBe(409);
    });

    it('refuses points that do not add up to 100, naming the field, and a save over a newer version', async () => {
      const frame = (await ministry.get(`/api/evaluation/frames/${YEAR}`)).json<FrameView>();
      const { year: _y, locked: _l, copiedFrom: _c, updatedAt: _u, updatedByName: _n, ...body } = frame;
      const broken = structuredClone(body);
      broken.areas[0]!.fields[0]!.items[0]!.points = 4;
      const refused = await ministry.request({ method: 'PUT', url: `/api/evaluation/frames/${YEAR}`, payload: broken });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ field: 'areas' });
      expect(refused.json<{ message: string }>().message).toContain('99');

      const renamed = { ...body, objectionDays: 10 };
      const saved = await ministry.request({ method: 'PUT', url: `/api/evaluation/frames/${YEAR}`, payload: renamed });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json<FrameView>()).toMatchObject({ version: 2, objectionDays: 10 });
      const stale = await ministry.request({ method: 'PUT', url: `/api/evaluation/frames/${YEAR}`, payload: renamed });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ field: 'version' });
    });
  });

  describe('the cohort and the round', () => {
    it('finds the three cities designated four years before due that year, grouped', async () => {
      const response = await ministry.get(`/api/evaluation/cohorts/${YEAR}?pageSize=100`);
      expect(response.statusCode, response.body).toBe(200);
      const cohort = response.json<Cohort>();
      expect(cohort.items.map((c) => c.cityCode).sort()).toEqual([city.weak.code, city.strong.code, city.middling.code].sort());
      expect(cohort.items.find((c) => c.cityCode === city.weak.code)).toMatchObject({ designatedYear: DESIGNATED, dueYear: YEAR, state: 'designated', reasonKo: `${DESIGNATED}년 지정 후 4년` });
      expect(cohort.roundStatus).toBeNull();
      expect((await officer.weak.client.get(`/api/evaluation/cohorts/${YEAR}`)).statusCode).toBe(403);
      // 2021: nobody yet.
      expect((await ministry.get(`/api/evaluation/cohorts/${YEAR - 1}`)).json<Cohort>().total).toBe(0);
    });

    it('opens once, scoring the year asked for, within the years indicators are kept', async () => {
      expect((await ministry.post(`/api/evaluation/rounds/${YEAR}`, { evaluatedYear: 2001 })).json()).toMatchObject({ field: 'evaluatedYear' });
      const opened = await ministry.post(`/api/evaluation/rounds/${YEAR}`, { evaluatedYear: YEAR });
      expect(opened.statusCode, opened.body).toBe(201);
      expect(opened.json()).toMatchObject({ year: YEAR, evaluatedYear: YEAR, status: 'open', cities: 3 });
      expect((await ministry.post(`/api/evaluation/rounds/${YEAR}`, { evaluatedYear: YEAR })).statusCode).toBe(409);
      // The frame is fixed now.
      const frame = (await ministry.get(`/api/evaluation/frames/${YEAR}`)).json<FrameView>();
      expect(frame.locked).toBe(true);
      const { year: _y, locked: _l, copiedFrom: _c, updatedAt: _u, updatedByName: _n, ...body } = frame;
      expect((await ministry.request({ method: 'PUT', url: `/api/evaluation/frames/${YEAR}`, payload: body })).statusCode).toBe(409);
      // The cities were told.
      const told = await rows(db(), sql`SELECT 1 FROM notifications WHERE person_id = ${officer.weak.personId} AND kind = 'evaluation.round_opened'`);
      expect(told).toHaveLength(1);
    });

    it('shows a city its indicator items scored from the console’s values with their time, and nothing of reviews', async () => {
      const response = await cityView(officer.strong.client, city.strong.code);
      expect(response.statusCode, response.body).toBe(200);
      const view = response.json<CityRoundView>();
      const g1 = view.result!.items.find((i) => i.code === 'g1')!;
      expect(g1).toMatchObject({ source: 'indicator', state: 'scored', value: 1000, score: 5 });
      expect(g1.valueAt).not.toBeNull();
      expect(view.result!.items.find((i) => i.code === 'g2')).toMatchObject({ rank: 1, of: 3, score: 5 });
      expect(view.result!.items.find((i) => i.code === 'r3')).toMatchObject({ source: 'survey', state: 'not_scored_yet', score: null });
      expect(view.result!.items.find((i) => i.code === 'g6')).toMatchObject({ state: 'awaiting_reviewers', score: null });
      expect(view).toMatchObject({ mayEdit: true, mayObject: false, proposed: null });
      // Fourteen indicator items at full points, by area; the reviewers' items count nothing yet.
      expect(view.result!.areas.map((a) => a.score)).toEqual([25, 25, 20]);
      expect(view.result!.total).toBe(70);
    });

    it('asks the survey for the one city a city’s page shows, and for the whole cohort on the ministry’s', async () => {
      const asked: string[][] = [];
      const survey: SurveyMeans = async (_db, cityCodes, _year, itemCodes) => {
        asked.push([...cityCodes].sort());
        return new Map(cityCodes.map((code) => [code, new Map(itemCodes.map((item) => [item, 4.5]))]));
      };
      const view = await cityRoundView(db(), YEAR, city.strong.code, true, new Date(), survey);
      expect(asked).toEqual([[city.strong.code]]);
      expect(view.result!.items.find((i) => i.code === 'r3')).toMatchObject({ source: 'survey', state: 'scored' });
      await roundView(db(), YEAR, {}, { page: 1, pageSize: 10 }, survey);
      expect(asked[1]).toEqual([city.weak.code, city.strong.code, city.middling.code].sort());
    });

    it('lets a city officer see and write only their own city’s', async () => {
      expect((await cityView(officer.weak.client, city.strong.code)).statusCode).toBe(403);
      expect((await cityView(resident, city.weak.code)).statusCode).toBe(403);
      expect((await cityView(r.kim.client, city.weak.code)).statusCode).toBe(403);
      expect((await officer.weak.client.get(`/api/evaluation/rounds/${YEAR}`)).statusCode).toBe(403);
      const put = (client: Client, code: string, body: object) =>
        client.request({ method: 'PUT', url: `/api/evaluation/rounds/${YEAR}/cities/${code}/self-assessments`, payload: body });
      expect((await put(officer.weak.client, city.strong.code, { itemCode: 'g6', text: '남의 도시' })).statusCode).toBe(403);
      expect((await put(ministry, city.weak.code, { itemCode: 'g6', text: '교육부가 대신' })).statusCode).toBe(403);
      expect((await put(officer.weak.client, city.weak.code, { itemCode: 'zz', text: '없는 항목' })).json()).toMatchObject({ field: 'itemCode' });
      const saved = await put(officer.weak.client, city.weak.code, { itemCode: 'g6', text: '협의회를 분기마다 열었습니다.' });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json<CityRoundView>().selfAssessments).toMatchObject([{ itemCode: 'g6', text: '협의회를 분기마다 열었습니다.' }]);
    });

    it('keeps the city’s evidence, recognised by its bytes', async () => {
      const upload = (client: Client, code: string, bytes: Buffer, name: string) => client.request({
        method: 'POST', url: `/api/evaluation/rounds/${YEAR}/cities/${code}/evidence?itemCode=o6&name=${encodeURIComponent(name)}`,
        headers: { 'content-type': 'application/octet-stream' }, payload: bytes,
      });
      expect((await upload(officer.strong.client, city.weak.code, samplePdf(), '협약서.pdf')).statusCode).toBe(403);
      expect((await upload(officer.weak.client, city.weak.code, Buffer.from('not a pdf'), '협약서.pdf')).statusCode).toBe(415);
      const stored = await upload(officer.weak.client, city.weak.code, samplePdf(), '협약서.pdf');
      expect(stored.statusCode, stored.body).toBe(200);
      const [file] = stored.json<CityRoundView>().evidence;
      expect(file).toMatchObject({ itemCode: 'o6', fileName: '협약서.pdf' });
      expect((await officer.weak.client.get(`/api/evaluation/rounds/${YEAR}/cities/${city.weak.code}/evidence/${file!.id}`)).statusCode).toBe(200);
      expect((await officer.strong.client.get(`/api/evaluation/rounds/${YEAR}/cities/${city.weak.code}/evidence/${file!.id}`)).statusCode).toBe(403);
    });

    it('never assigns a reviewer who works in the city’s province, nor twice', async () => {
      const refused = await assign(city.weak.code, r.park);
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ error: 'conflict_of_interest', field: 'reviewerId' });
      for (const c of [city.weak, city.strong, city.middling]) {
        const made = await assign(c.code, r.kim);
        expect(made.statusCode, made.body).toBe(201);
        assignments[c.code] = made.json<EvaluationAssignment>().id;
      }
      expect((await assign(city.weak.code, r.kim)).statusCode).toBe(409);
      expect((await assign(city.weak.code, r.kim, YEAR)).json()).toMatchObject({ field: 'reviewerId' });
    });

    it('never assigns a reviewer to the city they were the consultant of, saying so', async () => {
      const refused = await assign(city.middling.code, r.lee);
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ error: 'conflict_of_interest', field: 'reviewerId', conflict: { lives: false, works: false, consulted: true } });
      expect(refused.json().message).toBe(`이평가 심사위원은 컨설턴트를 맡았던 ${city.middling.nameKo}을(를) 평가할 수 없습니다 (이해충돌).`);
      const english = await ministry.request({
        method: 'POST', url: `/api/evaluation/rounds/${YEAR}/cities/${city.middling.code}/reviewers`, payload: { reviewerId: r.lee.personId }, headers: { 'accept-language': 'en' },
      });
      expect(english.json().message).toMatch(/^이평가 has been the consultant of .+ and cannot evaluate it \(conflict of interest\)\.$/);
    });

    it('shows a reviewer only their assignments; another reviewer gets a 404', async () => {
      const mine = (await r.kim.client.get('/api/evaluation/reviews')).json<PageOf<EvaluationAssignment>>();
      expect(mine.total).toBe(3);
      expect((await r.lee.client.get('/api/evaluation/reviews')).json<PageOf<EvaluationAssignment>>().total).toBe(0);
      expect((await r.lee.client.get(`/api/evaluation/reviews/${assignments[city.weak.code]}`)).statusCode).toBe(404);
      expect((await officer.weak.client.get(`/api/evaluation/reviews/${assignments[city.weak.code]}`)).statusCode).toBe(404);
      // Assigned, kim sees the city's evaluation with its self-assessment beside the item.
      expect((await cityView(r.kim.client, city.weak.code)).statusCode).toBe(200);
      const view = (await r.kim.client.get(`/api/evaluation/reviews/${assignments[city.weak.code]}`)).json<EvaluationReviewView>();
      expect(view.items.map((i) => i.code)).toEqual(['g6', 'o6', 'o7', 'o8', 'r6']);
      expect(view.items[0]!.selfAssessment).toBe('협의회를 분기마다 열었습니다.');
      expect(view.items[1]!.evidence).toHaveLength(1);
    });

    it('takes scores within each item’s points, only for items reviewers score', async () => {
      const put = (scores: object[]) => r.kim.client.request({ method: 'PUT', url: `/api/evaluation/reviews/${assignments[city.weak.code]}/scores`, payload: { scores } });
      expect((await put([{ itemCode: 'g6', score: 5.5, comment: '' }])).json()).toMatchObject({ field: 'scores.0.score' });
      expect((await put([{ itemCode: 'g1', score: 1, comment: '' }])).json()).toMatchObject({ field: 'scores.0.score' });
      expect((await r.kim.client.post(`/api/evaluation/reviews/${assignments[city.weak.code]}/submit`)).statusCode).toBe(409);
    });

    it('publishes the preliminary result only once every city’s reviews are in, and once', async () => {
      await review(assignments[city.weak.code]!, 0.2);
      await review(assignments[city.strong.code]!, 1);
      expect((await ministry.post(`/api/evaluation/rounds/${YEAR}/preliminary`)).statusCode).toBe(409);
      await review(assignments[city.middling.code]!, 0.8);
      // Three at once: one publishes, the others find it published (each city told once).
      const answers = await Promise.all(Array.from({ length: 3 }, () => ministry.post(`/api/evaluation/rounds/${YEAR}/preliminary`)));
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409]);
      expect(answers.find((a) => a.statusCode === 200)!.json()).toMatchObject({ status: 'preliminary' });
      const told = await rows(db(), sql`SELECT 1 FROM notifications WHERE person_id = ${officer.weak.personId} AND kind = 'evaluation.preliminary'`);
      expect(told).toHaveLength(1);
    });

    it('gives each city its scores with reasons per item (hand-worked totals)', async () => {
      const weakView = (await cityView(officer.weak.client, city.weak.code)).json<CityRoundView>();
      // Weak: thresholds 0; six rank items at rank 3 of 3 (the best 90% band: 40%) = 12; reviewers 1 of 5 on five items = 5.
      expect(weakView.result!.total).toBe(17);
      expect(weakView.proposed).toBe('deferred');
      expect(weakView.result!.items.find((i) => i.code === 'g6')).toMatchObject({ score: 1, reasonKo: '심사위원 1명 점수의 평균입니다 (1점).' });
      expect(weakView.mayObject).toBe(true);
      const strongView = (await cityView(officer.strong.client, city.strong.code)).json<CityRoundView>();
      // Strong: fourteen indicator items × 5 = 70, reviewers 25, the survey not scored yet.
      expect(strongView.result!.total).toBe(95);
      expect(strongView.proposed).toBe('excellent');
      const table = (await ministry.get(`/api/evaluation/rounds/${YEAR}`)).json<RoundView>();
      expect(table.items.map((c) => [c.cityCode, c.proposed])).toEqual([
        [city.strong.code, 'excellent'], [city.middling.code, 'redesignated'], [city.weak.code, 'deferred'],
      ]);
    });

    it('takes one objection per city in the objection days; the reviewer answers and revises the item', async () => {
      const object = (client: Client, code: string, body: object) => client.post(`/api/evaluation/rounds/${YEAR}/cities/${code}/objection`, body);
      expect((await object(officer.strong.client, city.weak.code, { itemCode: 'g6', text: '협의회 회의록을 보지 않았습니다.' })).statusCode).toBe(403);
      const filed = await object(officer.weak.client, city.weak.code, { itemCode: 'g6', text: '협의회 회의록을 보지 않았습니다.' });
      expect(filed.statusCode, filed.body).toBe(200);
      expect(filed.json<CityRoundView>()).toMatchObject({ mayObject: false, objection: { itemCode: 'g6', answer: null } });
      expect((await object(officer.weak.client, city.weak.code, { text: '다시 한 번 이의를 제기합니다.' })).statusCode).toBe(409);
      expect((await ministry.post(`/api/evaluation/rounds/${YEAR}/finalise`)).statusCode).toBe(409);

      const answer = (body: object) => r.kim.client.post(`/api/evaluation/reviews/${assignments[city.weak.code]}/objection-answer`, body);
      expect((await answer({ answer: '회의록을 확인했습니다.', revisedScore: 9 })).json()).toMatchObject({ field: 'revisedScore' });
      const answered = await answer({ answer: '회의록을 확인해 점수를 올립니다.', revisedScore: 3 });
      expect(answered.statusCode, answered.body).toBe(200);
      expect((await answer({ answer: '한 번 더 답합니다.' })).statusCode).toBe(409);
      expect((await cityView(officer.weak.client, city.weak.code)).json<CityRoundView>().objection).toMatchObject({ revisedScore: 3, answeredByName: '김평가' });
    });

    it('finalises once after the objection days, however many ask at once: outcomes through the state machine and the log', async () => {
      expect((await ministry.post(`/api/evaluation/rounds/${YEAR}/finalise`)).json()).toMatchObject({ field: 'objectionsUntil' });
      await objectionsClosed(db(), YEAR);
      const answers = await Promise.all(Array.from({ length: 5 }, () => ministry.post(`/api/evaluation/rounds/${YEAR}/finalise`)));
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
      expect(answers.find((a) => a.statusCode === 200)!.json()).toMatchObject({ counts: { excellent: 1, redesignated: 1, deferred: 1, revoked: 0 } });
      expect((await statesOf(city.weak.code)).at(-1)).toEqual({ state: 'deferred', year: YEAR });
      expect((await statesOf(city.strong.code)).at(-1)).toEqual({ state: 'excellent', year: YEAR });
      expect((await statesOf(city.middling.code)).at(-1)).toEqual({ state: 'redesignated', year: YEAR });
      const logged = await rows<{ step: string }>(db(), sql`SELECT step FROM designation_log WHERE city_code = ${city.weak.code} AND step LIKE 'evaluation_%' ORDER BY id`);
      expect(logged.map((l) => l.step)).toEqual(['evaluation_reviewer_assigned', 'evaluation_review_submitted', 'evaluation_objection_filed', 'evaluation_objection_answered', 'evaluation_finalised']);
      const weakView = (await cityView(officer.weak.client, city.weak.code)).json<CityRoundView>();
      // The answer's revised score counts: 17 − 1 + 3.
      expect(weakView).toMatchObject({ status: 'finalised', outcome: 'deferred' });
      expect(weakView.result!.total).toBe(19);
    });
  });

  describe('the next year', () => {
    it('brings the deferred city back and skips the excellent and the passed; failing again revokes it', async () => {
      expect((await ministry.post(`/api/evaluation/frames/${YEAR + 1}`)).json<FrameView>()).toMatchObject({ copiedFrom: YEAR, objectionDays: 10 });
      const cohort = (await ministry.get(`/api/evaluation/cohorts/${YEAR + 1}`)).json<Cohort>();
      expect(cohort.items.map((c) => [c.cityCode, c.state, c.reasonKo])).toEqual([[city.weak.code, 'deferred', `${YEAR}년 유예 후 다음 해 재평가`]]);
      expect((await ministry.post(`/api/evaluation/rounds/${YEAR + 1}`, { evaluatedYear: YEAR + 1 })).statusCode).toBe(201);
      const made = await assign(city.weak.code, r.kim, YEAR + 1);
      await review(made.json<EvaluationAssignment>().id, 0.2);
      expect((await ministry.post(`/api/evaluation/rounds/${YEAR + 1}/preliminary`)).statusCode).toBe(200);
      await objectionsClosed(db(), YEAR + 1);
      const finalised = await ministry.post(`/api/evaluation/rounds/${YEAR + 1}/finalise`);
      expect(finalised.statusCode, finalised.body).toBe(200);
      expect(finalised.json()).toMatchObject({ counts: { revoked: 1 } });
      expect((await statesOf(city.weak.code)).map((s) => s.state)).toEqual(['applied', 'designated', 'deferred', 'revoked']);
      // The excellent city is not due until six years on; the one that passed, three.
      expect((await ministry.get(`/api/evaluation/cohorts/${YEAR + 3}`)).json<Cohort>().items.map((c) => c.cityCode)).toEqual([city.middling.code]);
    });
  });
});
