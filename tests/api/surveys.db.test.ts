/**
 * Residents' satisfaction survey (issue 12, item 4): once a year per resident however many answers arrive at
 * once, paper answers typed in by a centre's staff under the same rule, results shown from 30 responses with
 * each item's 95% t-interval, and who sees what (the city's officers and the ministry; no other city, no resident).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CitySatisfactionPage, CitySatisfactionResults, Instrument, InstrumentBody, MySatisfactionSurvey, OpenAnswerPage, ResponseReceipt, SurveyAnswer,
} from '../../src/shared/contracts/surveys.ts';
import { rows } from '../../src/server/platform/database/database.ts';
import { surveysModule } from '../../src/server/modules/surveys/index.ts';
import { residentsSurvey } from '../../src/server/modules/evaluation/round.service.ts';
import { todayInKorea } from '../support/clock.ts';
import { testEngine } from '../support/database.ts';
import { residents, testApp, type Client, type TestApp } from '../support/app.ts';

const GWANGMYEONG = '31060';
const SUNCHEON = '36030';

describe(`residents' satisfaction survey on ${testEngine()}`, () => {
  let t: TestApp;
  let staff: Client;
  let officer: Client;
  let otherOfficer: Client;
  let ministry: Client;
  let institutionId: number;
  let scaleQuestions: string[];
  const year = Number(todayInKorea().slice(0, 4));
  const base = `/api/surveys/city-satisfaction/${year}`;
  const results = (code: string) => `/api/cities/${code}/surveys/city-satisfaction/${year}`;

  /** Every scale question answered with `score`, and the open questions with `text` when given. */
  const sheet = (score: number, text?: string): SurveyAnswer[] => [
    ...scaleQuestions.map((question) => ({ question, score })),
    ...(text ? [{ question: 'improve', text }] : []),
  ];
  const answer = (client: Client, answers: SurveyAnswer[]) => client.post(`${base}/responses`, { answers });
  const emailOf = async (personId: number) =>
    (await rows<{ email: string }>(t.database.db, sql`SELECT email FROM people WHERE id = ${personId}`))[0]!.email;

  beforeAll(async () => {
    t = await testApp();
    [staff, officer, otherOfficer, ministry] = await Promise.all([
      t.as('staff@example.com'), t.as('officer@example.com'), t.as('officer.suncheon@example.com'), t.as('ministry@example.com'),
    ]);
    institutionId = (await staff.get('/api/auth/me')).json<{ grants: { institutionId: number | null }[] }>().grants.find((g) => g.institutionId)!.institutionId!;
  });
  afterAll(() => t.close());

  it('shows a resident of a learning city the year’s questionnaire: the default, version 1, in the evaluation’s three areas and open questions', async () => {
    const [resident] = await residents(t, 1, { homeCityCode: GWANGMYEONG });
    const survey = (await resident!.get(base)).json<MySatisfactionSurvey>();
    expect(survey.instrument.version).toBe(1);
    expect(survey.instrument.definition.sections.map((s) => s.code)).toEqual(['governance', 'operations', 'outcomes', 'opinions']);
    expect(survey).toMatchObject({ year, city: { code: GWANGMYEONG }, refusal: null, answered: null });
    scaleQuestions = survey.instrument.definition.sections.flatMap((s) => s.questions).filter((q) => q.kind === 'likert5').map((q) => q.code);
    expect(scaleQuestions).toHaveLength(13);
    expect((await t.anonymous.get(base)).statusCode).toBe(401);
  });

  it('takes one answer a year: the second is refused with 409', async () => {
    const [resident] = await residents(t, 1, { homeCityCode: GWANGMYEONG });
    const first = await answer(resident!, sheet(4, '주말 강좌가 더 많았으면 좋겠어요.'));
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<ResponseReceipt>()).toMatchObject({ year, cityCode: GWANGMYEONG, channel: 'online' });
    const again = await answer(resident!, sheet(1));
    expect(again.statusCode).toBe(409);
    expect(again.json<{ message: string }>().message).toContain('이미 답했습니다');
    expect((await resident!.get(base)).json<MySatisfactionSurvey>().answered).toMatchObject({ channel: 'online' });
  });

  it('gives one 201 and eleven 409s to twelve simultaneous answers of one resident, and keeps one sheet of answers', async () => {
    const [resident] = await residents(t, 1, { homeCityCode: GWANGMYEONG });
    const outcomes = await Promise.all(Array.from({ length: 12 }, () => answer(resident!, sheet(5))));
    expect(outcomes.map((o) => o.statusCode).sort()).toEqual([201, ...Array(11).fill(409)]);
    const stored = await rows<{ responses: number; answers: number }>(t.database.db, sql`
      SELECT count(DISTINCT r.id)::int AS responses, count(a.*)::int AS answers
      FROM survey_responses r LEFT JOIN survey_answers a ON a.response_id = r.id WHERE r.person_id = ${resident!.personId}`);
    expect(stored[0]).toEqual({ responses: 1, answers: scaleQuestions.length });
  });

  it('names every problem of a sheet beside its question: unanswered scale items, an unknown question, a score on a text question', async () => {
    const [resident] = await residents(t, 1, { homeCityCode: GWANGMYEONG });
    const response = await answer(resident!, [
      ...sheet(3).slice(2), { question: 'no_such_question', score: 3 }, { question: 'best', score: 5 },
    ]);
    expect(response.statusCode).toBe(400);
    const fields = response.json<{ problems: { field: string }[] }>().problems.map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['answers.no_such_question', `answers.${scaleQuestions[0]}`, `answers.${scaleQuestions[1]}`, 'answers.best']));
    // Nothing written.
    expect((await resident!.get(base)).json<MySatisfactionSurvey>().answered).toBeNull();
  });

  it('refuses residents of a city that is not a learning city, accounts without a home city, and other years', async () => {
    const [elsewhere] = await rows<{ code: string }>(t.database.db, sql`
      SELECT code FROM municipalities m WHERE NOT EXISTS (SELECT 1 FROM designation_transitions t WHERE t.city_code = m.code) ORDER BY code LIMIT 1`);
    const [outsider] = await residents(t, 1, { homeCityCode: elsewhere!.code });
    expect((await outsider!.get(base)).json<MySatisfactionSurvey>().refusal).toBe('not_learning_city');
    expect((await answer(outsider!, sheet(3))).statusCode).toBe(409);
    await t.database.db.execute(sql`UPDATE people SET home_city_code = NULL WHERE id = ${outsider!.personId}`);
    expect((await outsider!.get(base)).json<MySatisfactionSurvey>().refusal).toBe('no_home_city');
    expect((await answer(outsider!, sheet(3))).statusCode).toBe(409);
    const [resident] = await residents(t, 1, { homeCityCode: GWANGMYEONG });
    expect((await resident!.post(`/api/surveys/city-satisfaction/${year - 1}/responses`, { answers: sheet(3) })).statusCode).toBe(409);
  });

  describe('paper answers entered at a centre', () => {
    const paper = (client: Client, email: string, answers: SurveyAnswer[], at = institutionId) =>
      client.post(`/api/institutions/${at}/surveys/city-satisfaction/${year}/responses`, { email, answers });

    it('records the staff member and the paper channel, and holds the resident to once a year online too', async () => {
      const [resident] = await residents(t, 1, { homeCityCode: GWANGMYEONG });
      const entered = await paper(staff, await emailOf(resident!.personId), sheet(2, '종이로 답했습니다.'));
      expect(entered.statusCode, entered.body).toBe(201);
      expect(entered.json<ResponseReceipt>().channel).toBe('paper');
      const [row] = await rows<{ channel: string; enteredBy: number; staffEmail: string }>(t.database.db, sql`
        SELECT r.channel, r.entered_by AS "enteredBy", p.email AS "staffEmail" FROM survey_responses r JOIN people p ON p.id = r.entered_by
        WHERE r.person_id = ${resident!.personId}`);
      expect(row).toMatchObject({ channel: 'paper', staffEmail: 'staff@example.com' });
      expect((await answer(resident!, sheet(5))).statusCode).toBe(409);
      expect((await paper(staff, await emailOf(resident!.personId), sheet(5))).statusCode).toBe(409);
    });

    it('gives one 201 to simultaneous paper and online answers of one resident', async () => {
      const [resident] = await residents(t, 1, { homeCityCode: GWANGMYEONG });
      const email = await emailOf(resident!.personId);
      const outcomes = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? paper(staff, email, sheet(3)) : answer(resident!, sheet(3)))));
      expect(outcomes.map((o) => o.statusCode).sort()).toEqual([201, ...Array(7).fill(409)]);
    });

    it('records a resident without an account as living in the institution’s city, and writes nothing for a sheet it refuses', async () => {
      const people = async () => (await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM people`))[0]!.n;
      const before = await people();
      const refused = await staff.post(`/api/institutions/${institutionId}/surveys/city-satisfaction/${year}/responses`, {
        displayName: '박종이', birthYear: 1950, answers: sheet(3).slice(1),
      });
      expect(refused.statusCode).toBe(400);
      expect(await people()).toBe(before);
      const entered = await staff.post(`/api/institutions/${institutionId}/surveys/city-satisfaction/${year}/responses`, {
        displayName: '박종이', birthYear: 1950, answers: sheet(3),
      });
      expect(entered.statusCode, entered.body).toBe(201);
      const [record] = await rows<{ homeCityCode: string; email: string; channel: string }>(t.database.db, sql`
        SELECT p.home_city_code AS "homeCityCode", p.email, r.channel FROM people p JOIN survey_responses r ON r.person_id = p.id WHERE r.id = ${entered.json<ResponseReceipt>().id}`);
      expect(record).toMatchObject({ homeCityCode: GWANGMYEONG, channel: 'paper' });
      expect(record!.email).toMatch(/^walk-in\./);
    });

    it('takes only residents of the institution’s city, and only from its staff', async () => {
      expect((await paper(staff, 'resident@example.com', sheet(3))).statusCode).toBe(409); // a Suncheon resident
      const unknown = await paper(staff, 'nobody.here@example.com', sheet(3));
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json<{ field: string }>().field).toBe('displayName');
      const [resident] = await residents(t, 1, { homeCityCode: GWANGMYEONG });
      const email = await emailOf(resident!.personId);
      expect((await paper(officer, email, sheet(3))).statusCode).toBe(403);
      expect((await paper(resident!, email, sheet(3))).statusCode).toBe(403);
      const [other] = await rows<{ id: number }>(t.database.db, sql`SELECT id FROM institutions WHERE id <> ${institutionId} ORDER BY id LIMIT 1`);
      expect((await paper(staff, email, sheet(3), other!.id)).statusCode).toBe(403);
      expect((await resident!.get(base)).json<MySatisfactionSurvey>().answered).toBeNull();
    });
  });

  describe('results', () => {
    it('shows the counts but no means, intervals or open answers below 30 responses', async () => {
      const below = (await officer.get(results(GWANGMYEONG))).json<CitySatisfactionResults>();
      expect(below.responses).toBeLessThan(30);
      expect(below).toMatchObject({ shown: false, overall: null, sections: [], minimumShown: 30 });
      // One paper sheet, and one more if the paper entry won the race of paper and online answers above.
      const [paperCount] = await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM survey_responses WHERE channel = 'paper'`);
      expect(below.paperResponses).toBe(paperCount!.n);
      expect(below.paperResponses).toBeGreaterThanOrEqual(1);
      expect((await officer.get(`${results(GWANGMYEONG)}/open-answers`)).json<OpenAnswerPage>()).toMatchObject({ items: [], total: 0 });
    });

    it('from 30 responses shows each item’s mean with its 95% t-interval, worked by hand from the answers given', async () => {
      const before = (await officer.get(results(GWANGMYEONG))).json<CitySatisfactionResults>();
      const scoresSoFar = (await rows<{ score: number }>(t.database.db, sql`
        SELECT a.score FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
        WHERE r.city_code = ${GWANGMYEONG} AND a.question = ${scaleQuestions[0]!}`)).map((r) => r.score);
      const more = await residents(t, 30 - before.responses, { homeCityCode: GWANGMYEONG });
      for (const [i, resident] of more.entries()) expect((await answer(resident, sheet((i % 5) + 1))).statusCode).toBe(201);
      const scores = [...scoresSoFar, ...more.map((_, i) => (i % 5) + 1)];
      expect(scores).toHaveLength(30);
      // By hand: mean, sample standard deviation, and t(0.975, 29) = 2.04523.
      const mean = scores.reduce((a, b) => a + b, 0) / 30;
      const sd = Math.sqrt(scores.reduce((a, b) => a + (b - mean) ** 2, 0) / 29);
      const half = 2.04523 * sd / Math.sqrt(30);

      const shown = (await officer.get(results(GWANGMYEONG))).json<CitySatisfactionResults>();
      expect(shown).toMatchObject({ shown: true, responses: 30, paperResponses: before.paperResponses });
      expect(shown.sections.map((s) => s.code)).toEqual(['governance', 'operations', 'outcomes']);
      const item = shown.sections[0]!.items.find((i) => i.code === scaleQuestions[0])!;
      expect(item.result.n).toBe(30);
      expect(item.result.mean).toBeCloseTo(mean, 2);
      expect(item.result.low).toBeCloseTo(mean - half, 2);
      expect(item.result.high).toBeCloseTo(mean + half, 2);
      // Every respondent answered every item alike, so each respondent's own mean is that score: the same figures overall.
      expect(shown.overall!.mean).toBeCloseTo(mean, 2);
      expect(shown.overall!.low).toBeCloseTo(mean - half, 2);
    });

    it('shows the open answers to the city’s officers and the ministry only', async () => {
      const own = (await officer.get(`${results(GWANGMYEONG)}/open-answers`)).json<OpenAnswerPage>();
      expect(own.items.map((a) => a.text)).toEqual(expect.arrayContaining(['주말 강좌가 더 많았으면 좋겠어요.', '종이로 답했습니다.']));
      expect(own.items[0]).toMatchObject({ question: 'improve', ko: '더 나아졌으면 하는 점을 적어 주세요.' });
      expect((await ministry.get(`${results(GWANGMYEONG)}/open-answers`)).statusCode).toBe(200);
      expect((await ministry.get(results(GWANGMYEONG))).json<CitySatisfactionResults>().shown).toBe(true);
    });

    it('refuses another city’s officer, residents, staff and visitors; an unknown city is 404 to the ministry', async () => {
      const [resident] = await residents(t, 1, { homeCityCode: GWANGMYEONG });
      for (const path of [results(GWANGMYEONG), `${results(GWANGMYEONG)}/open-answers`]) {
        expect((await otherOfficer.get(path)).statusCode).toBe(403);
        expect((await resident!.get(path)).statusCode).toBe(403);
        expect((await staff.get(path)).statusCode).toBe(403);
        expect((await t.anonymous.get(path)).statusCode).toBe(401);
      }
      expect((await otherOfficer.get(results(SUNCHEON))).json<CitySatisfactionResults>()).toMatchObject({ responses: 0, shown: false });
      expect((await ministry.get(results('00000'))).statusCode).toBe(404);
      expect((await officer.get(`${base}/cities`)).statusCode).toBe(403);
      expect((await resident!.get(`${base}/cities`)).statusCode).toBe(403);
    });

    it('lists every learning city for the ministry with its count and, from 30, its mean', async () => {
      const page = (await ministry.get(`${base}/cities?pageSize=100`)).json<CitySatisfactionPage>();
      expect(page.total).toBe(page.items.length);
      // With its 시·도: with every municipality in the demo, many 구 share a name (중구, 동구, 서구…).
      expect(page.items.find((c) => c.cityCode === GWANGMYEONG)).toMatchObject({ responses: 30, overall: { n: 30 }, provinceShortKo: '경기', provinceShortEn: 'Gyeonggi' });
      expect(page.items.find((c) => c.cityCode === SUNCHEON)).toMatchObject({ responses: 0, overall: null });
    });

    it('gives the evaluation each city’s n, mean and area means (satisfactionOfCities)', async () => {
      const [gwangmyeong, suncheon] = await surveysModule.satisfactionOfCities(t.database.db, { year, cityCodes: [GWANGMYEONG, SUNCHEON] });
      const shown = (await officer.get(results(GWANGMYEONG))).json<CitySatisfactionResults>();
      expect(gwangmyeong).toMatchObject({ cityCode: GWANGMYEONG, n: 30, enough: true, mean: shown.overall!.mean });
      expect(Object.keys(gwangmyeong!.areas)).toEqual(['governance', 'operations', 'outcomes']);
      expect(gwangmyeong!.areas.outcomes).toBe(shown.sections[2]!.mean);
      expect(suncheon).toEqual({ cityCode: SUNCHEON, n: 0, mean: null, low: null, high: null, enough: false, areas: { governance: null, operations: null, outcomes: null } });
      const outcomesOnly = await surveysModule.satisfactionOfCities(t.database.db, { year, cityCodes: [GWANGMYEONG], area: 'outcomes' });
      expect(outcomesOnly[0]!.mean).toBe(shown.sections[2]!.mean);
    });

    it('scores the evaluation’s survey items from the overall mean, only for a city with 30 answers', async () => {
      const means = await residentsSurvey(t.database.db, [GWANGMYEONG, SUNCHEON], year, ['r3', 'r9']);
      const [gwangmyeong] = await surveysModule.satisfactionOfCities(t.database.db, { year, cityCodes: [GWANGMYEONG] });
      expect([...means!.keys()]).toEqual([GWANGMYEONG]);
      expect(Object.fromEntries(means!.get(GWANGMYEONG)!)).toEqual({ r3: gwangmyeong!.mean, r9: gwangmyeong!.mean });
      expect(await residentsSurvey(t.database.db, [GWANGMYEONG], year, [])).toEqual(new Map());
    });
  });

  describe('the questionnaire, defined by the ministry', () => {
    const next = `/api/surveys/city-satisfaction/${year + 1}`;
    const changed = (definition: InstrumentBody): InstrumentBody => ({
      ...definition,
      sections: [...definition.sections, {
        code: 'channels', ko: '알게 된 경로', en: 'How you heard', questions: [{
          code: 'heard_from', kind: 'multiple_choice', ko: '평생학습 소식을 어디에서 듣나요?', en: 'Where do you hear about learning?', required: false,
          choices: [{ code: 'web', ko: '누리집', en: 'Website' }, { code: 'neighbours', ko: '이웃', en: 'Neighbours' }],
        }],
      }],
    });

    it('saves each change as the next version; past years are closed; only the ministry may', async () => {
      const current = (await ministry.get(base)).json<MySatisfactionSurvey>().instrument.definition;
      // Asked for before anyone defined or answered it, next year's questionnaire is this year's, to be its version 1:
      // reading it stores nothing.
      expect((await ministry.get(next)).json<MySatisfactionSurvey>().instrument).toMatchObject({ version: 1, definedAt: null, definition: current });
      expect((await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM surveys WHERE year = ${year + 1}`))[0]!.n).toBe(0);
      const first = await ministry.request({ method: 'PUT', url: `${next}/instrument`, payload: current });
      expect(first.json<Instrument>()).toMatchObject({ year: year + 1, version: 1 });
      const saved = await ministry.request({ method: 'PUT', url: `${next}/instrument`, payload: changed(current) });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json<Instrument>()).toMatchObject({ year: year + 1, version: 2 });
      expect((await ministry.get(next)).json<MySatisfactionSurvey>().instrument.definition.sections).toHaveLength(5);
      expect((await ministry.request({ method: 'PUT', url: `/api/surveys/city-satisfaction/${year - 1}/instrument`, payload: current })).statusCode).toBe(409);
      expect((await officer.request({ method: 'PUT', url: `${next}/instrument`, payload: current })).statusCode).toBe(403);
    });

    it('refuses a questionnaire with a code used twice or a choice question without choices, naming each', async () => {
      const current = (await ministry.get(base)).json<MySatisfactionSurvey>().instrument.definition;
      const broken = changed(current);
      broken.sections[1]!.questions[0]!.code = broken.sections[0]!.questions[0]!.code;
      broken.sections[4]!.questions[0]!.choices = [];
      const response = await ministry.request({ method: 'PUT', url: `${next}/instrument`, payload: broken });
      expect(response.statusCode).toBe(400);
      expect(response.json<{ problems: { field: string }[] }>().problems.map((p) => p.field)).toEqual(['sections.1.questions.0.code', 'sections.4.questions.0.choices']);
    });
  });
});
