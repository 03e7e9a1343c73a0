/**
 * Cities' needs surveys (issue 13, item 1): the city's officers build the questionnaire on the program taxonomy,
 * residents of the city answer once (however many sheets arrive at once), a centre's staff type in paper sheets
 * under the same rule, and the Borich analysis by group and dong matches a hand-worked example; other cities'
 * officers, residents and staff see nothing of it.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instrument, InstrumentBody, MyNeedsSurvey, NeedsAnalysis, ResponseReceipt, SurveyAnswer } from '../../src/shared/contracts/surveys.ts';
import type { DemandReport } from '../../src/shared/contracts/demand.ts';
import { rows } from '../../src/server/platform/database/database.ts';
import { todayInKorea } from '../support/clock.ts';
import { testEngine } from '../support/database.ts';
import { residents, testApp, type Client, type TestApp } from '../support/app.ts';

const GWANGMYEONG = '31060';
const SUNCHEON = '36030';

/** The hand-worked example of needs.test.ts: three respondents' (current, required) for four items. */
const profiles: Record<string, [number, number]>[] = [
  { literacy: [2, 5], job_preparation: [4, 4], everyday_arts: [1, 2], humanities: [1, 3] },
  { literacy: [3, 4], job_preparation: [3, 5], everyday_arts: [2, 3], humanities: [1, 3] },
  { literacy: [1, 4], job_preparation: [4, 3], everyday_arts: [1, 2], humanities: [2, 3] },
];

describe(`needs surveys on ${testEngine()}`, () => {
  let t: TestApp;
  let officer: Client;
  let otherOfficer: Client;
  let staff: Client;
  let ministry: Client;
  let institutionId: number;
  let dongs: string[];
  const year = Number(todayInKorea().slice(0, 4));
  const path = (city: string) => `/api/cities/${city}/surveys/needs/${year}`;
  const emailOf = async (personId: number) =>
    (await rows<{ email: string }>(t.database.db, sql`SELECT email FROM people WHERE id = ${personId}`))[0]!.email;

  /** A sheet of one profile, from a group, with some preferences. */
  const sheet = (profile: number, group = 'elderly'): SurveyAnswer[] => [
    { question: 'target_group', choices: [group] },
    ...Object.entries(profiles[profile]!).map(([question, [current, required]]) => ({ question, current, required })),
    { question: 'days', choices: profile === 0 ? ['weekday', 'saturday'] : ['weekday'] },
  ];
  const put = (client: Client, url: string, body: unknown) => client.request({ method: 'PUT', url, payload: body as object });
  const answer = (client: Client, answers: SurveyAnswer[], city = GWANGMYEONG) => client.post(`${path(city)}/responses`, { answers });

  /** Residents of Gwangmyeong living in `dong`. */
  const neighbours = async (count: number, dong: string) => {
    const made = await residents(t, count, { homeCityCode: GWANGMYEONG });
    await t.database.db.execute(sql`UPDATE people SET home_dong_code = ${dong} WHERE id = ANY(${sql.param(made.map((m) => m.personId))}::int[])`);
    return made;
  };

  beforeAll(async () => {
    t = await testApp();
    [officer, otherOfficer, staff, ministry] = await Promise.all([
      t.as('officer@example.com'), t.as('officer.suncheon@example.com'), t.as('staff@example.com'), t.as('ministry@example.com'),
    ]);
    institutionId = (await staff.get('/api/auth/me')).json<{ grants: { institutionId: number | null }[] }>().grants.find((g) => g.institutionId)!.institutionId!;
    dongs = (await rows<{ code: string }>(t.database.db, sql`SELECT code FROM dongs WHERE municipality_code = ${GWANGMYEONG} ORDER BY code LIMIT 2`)).map((d) => d.code);
  });
  afterAll(() => t.close());

  it('lets the city’s officer build the year’s questionnaire from the taxonomy, and no one else', async () => {
    const start = (await officer.get(`${path(GWANGMYEONG)}/instrument`)).json<Instrument>();
    expect(start.version).toBe(1);
    const needs = start.definition.sections.find((s) => s.code === 'needs')!;
    expect(needs.questions.every((q) => q.kind === 'need' && q.subcategory)).toBe(true);
    // The officer keeps four of the taxonomy's items.
    const chosen: InstrumentBody = {
      ...start.definition,
      sections: start.definition.sections.map((s) => (s.code === 'needs' ? { ...s, questions: s.questions.filter((q) => q.code in profiles[0]!) } : s)),
    };
    const saved = await put(officer, `${path(GWANGMYEONG)}/instrument`, chosen);
    expect(saved.statusCode, saved.body).toBe(200);
    // Nobody answered yet, so the first save is version 1.
    expect(saved.json<Instrument>().version).toBe(1);

    expect((await put(otherOfficer, `${path(GWANGMYEONG)}/instrument`, chosen)).statusCode).toBe(403);
    expect((await otherOfficer.get(`${path(GWANGMYEONG)}/instrument`)).statusCode).toBe(403);
    expect((await put(staff, `${path(GWANGMYEONG)}/instrument`, chosen)).statusCode).toBe(403);
    expect((await t.anonymous.get(`${path(GWANGMYEONG)}/instrument`)).statusCode).toBe(401);

    // A need question without its subcategory, and a questionnaire without the respondent's group, are refused.
    const broken: InstrumentBody = {
      ...chosen,
      sections: chosen.sections.filter((s) => s.code !== 'respondent').map((s) => ({ ...s, questions: s.questions.map(({ subcategory: _s, ...q }) => q) })),
    };
    const refused = await put(officer, `${path(GWANGMYEONG)}/instrument`, broken);
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ problems: { field: string }[] }>().problems.map((p) => p.field)).toEqual(expect.arrayContaining(['sections', 'sections.0.questions.0.subcategory']));
  });

  it('takes one sheet per resident: the second, and eleven of twelve sent at once, get 409; the running sums count one', async () => {
    const [resident] = await neighbours(1, dongs[0]!);
    expect((await resident!.get(path(GWANGMYEONG))).json<MyNeedsSurvey>()).toMatchObject({ refusal: null, answered: null, instrument: { version: 1 } });
    const outcomes = await Promise.all(Array.from({ length: 12 }, () => answer(resident!, sheet(0, 'workers'))));
    expect(outcomes.map((o) => o.statusCode).sort()).toEqual([201, ...Array(11).fill(409)]);
    expect((await answer(resident!, sheet(1))).statusCode).toBe(409);
    const [cells] = await rows<{ respondents: number; answers: number }>(t.database.db, sql`
      SELECT (SELECT sum(respondents)::int FROM survey_need_cells WHERE target_group = 'workers') AS respondents,
             (SELECT sum(answers)::int FROM survey_need_totals WHERE target_group = 'workers' AND question = 'literacy') AS answers`);
    expect(cells).toEqual({ respondents: 1, answers: 1 });
    expect((await resident!.get(path(GWANGMYEONG))).json<MyNeedsSurvey>().answered).toMatchObject({ channel: 'online' });
  });

  it('names a need item answered with one level only, and refuses residents of another city', async () => {
    const [resident] = await neighbours(1, dongs[0]!);
    const half = sheet(0).map((a) => (a.question === 'literacy' ? { question: 'literacy', current: 2 } : a));
    const response = await answer(resident!, half);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ problems: { field: string }[] }>().problems.map((p) => p.field)).toEqual(['answers.literacy']);
    const [outsider] = await residents(t, 1, { homeCityCode: SUNCHEON });
    expect((await outsider!.get(path(GWANGMYEONG))).json<MyNeedsSurvey>().refusal).toBe('not_resident');
    expect((await answer(outsider!, sheet(0))).statusCode).toBe(409);
  });

  it('records a paper sheet typed in by a centre’s staff as theirs, and holds the resident to once online too', async () => {
    const [resident] = await neighbours(1, dongs[1]!);
    const paper = (email: string) => staff.post(`/api/institutions/${institutionId}/surveys/needs/${year}/responses`, { email, answers: sheet(2, 'workers') });
    const entered = await paper(await emailOf(resident!.personId));
    expect(entered.statusCode, entered.body).toBe(201);
    expect(entered.json<ResponseReceipt>()).toMatchObject({ channel: 'paper', cityCode: GWANGMYEONG });
    const [row] = await rows<{ channel: string; staffEmail: string }>(t.database.db, sql`
      SELECT r.channel, p.email AS "staffEmail" FROM survey_responses r JOIN people p ON p.id = r.entered_by JOIN surveys s ON s.id = r.survey_id
      WHERE r.person_id = ${resident!.personId} AND s.purpose = 'needs'`);
    expect(row).toEqual({ channel: 'paper', staffEmail: 'staff@example.com' });
    expect((await answer(resident!, sheet(0))).statusCode).toBe(409);
    expect((await resident!.get(path(GWANGMYEONG))).json<MyNeedsSurvey>().answered).toMatchObject({ channel: 'paper' });
    // Another city's resident cannot be entered at a Gwangmyeong centre; an officer cannot enter paper sheets.
    const [outsider] = await residents(t, 1, { homeCityCode: SUNCHEON });
    expect((await paper(await emailOf(outsider!.personId))).statusCode).toBe(409);
    expect((await officer.post(`/api/institutions/${institutionId}/surveys/needs/${year}/responses`, { email: 'x@example.com', answers: sheet(0) })).statusCode).toBe(403);
  });

  it('ranks Borich needs of a group and a dong as worked by hand, with the Locus for Focus quadrants, to the city’s officers only', async () => {
    // Ten residents of each profile, all older adults in the first dong, answering at once.
    const thirty = await neighbours(30, dongs[0]!);
    const sent = await Promise.all(thirty.map((r, i) => answer(r, sheet(i % 3, 'elderly'))));
    expect(sent.map((s) => s.statusCode)).toEqual(Array(30).fill(201));

    const slice = (await officer.get(`${path(GWANGMYEONG)}/analysis?targetGroup=elderly&dong=${dongs[0]}`)).json<NeedsAnalysis>();
    expect(slice).toMatchObject({ respondents: 30, shown: true, targetGroup: 'elderly', dongCode: dongs[0] });
    expect(slice.items.map((i) => [i.code, i.rank, i.quadrant])).toEqual([
      ['literacy', 1, 'HH'], ['humanities', 2, 'LH'], ['everyday_arts', 3, 'LL'], ['job_preparation', 4, 'HL'],
    ]);
    expect(slice.items[0]!.borich).toBeCloseTo(91 / 9, 9);
    expect(slice.items[0]).toMatchObject({ n: 30, area: 'basic_literacy', subcategory: 'literacy' });
    expect(slice.split!.meanRequired).toBeCloseTo(41 / 12, 9);
    expect(slice.split!.meanGap).toBeCloseTo(4 / 3, 9);
    // An area pools its items' answers: basic literacy is literacy alone here.
    expect(slice.areas.find((a) => a.area === 'basic_literacy')!.borich).toBeCloseTo(91 / 9, 9);
    expect(slice.preferences.find((p) => p.code === 'days')!.choices.filter((c) => c.count > 0)).toEqual([
      expect.objectContaining({ code: 'weekday', count: 30 }), expect.objectContaining({ code: 'saturday', count: 10 }),
    ]);

    const city = (await officer.get(`${path(GWANGMYEONG)}/analysis`)).json<NeedsAnalysis>();
    expect(city).toMatchObject({ responses: 32, paperResponses: 1, respondents: 32, shown: true });
    expect(city.targetGroups).toEqual([{ code: 'elderly', respondents: 30 }, { code: 'workers', respondents: 2 }]);
    // Two workers: too few to show.
    const few = (await officer.get(`${path(GWANGMYEONG)}/analysis?targetGroup=workers`)).json<NeedsAnalysis>();
    expect(few).toMatchObject({ respondents: 2, shown: false, items: [], areas: [] });

    expect((await otherOfficer.get(`${path(GWANGMYEONG)}/analysis`)).statusCode).toBe(403);
    expect((await ministry.get(`${path(GWANGMYEONG)}/analysis`)).statusCode).toBe(403);
    expect((await thirty[0]!.get(`${path(GWANGMYEONG)}/analysis`)).statusCode).toBe(403);
    expect((await staff.get(`${path(GWANGMYEONG)}/analysis`)).statusCode).toBe(403);

    // The demand panel names the top needs beside wishes and waitlists.
    const demand = (await officer.get(`/api/cities/${GWANGMYEONG}/demand`)).json<DemandReport>();
    expect(demand.needs).toMatchObject({ year, respondents: 32 });
    expect(demand.needs!.items[0]).toMatchObject({ code: 'literacy', rank: 1 });
  });
});
