/**
 * The consulting year of a potential city, through the API: only the assigned consultant, the city's officers,
 * its province and the ministry see it (everyone else: 404); the city submits milestones, the consultant asks
 * for changes or accepts, then recommends; the ministry's decision moves the city through its designation
 * history and the log, once — also when twenty arrive together.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTopicParticle } from '../../src/shared/lib/hangul.ts';
import type { ConsultingDetail } from '../../src/shared/contracts/designation-consulting.ts';
import { firstRow, rows } from '../../src/server/platform/database/database.ts';
import { testEngine } from '../support/database.ts';
import { testApp, type Client, type TestApp } from '../support/app.ts';
import { yearInKorea } from '../support/clock.ts';
import { person, type Person } from '../support/applications.ts';
import { samplePdf } from '../support/documents.ts';
import { appointedConsultant, citiesNeverInTheProgramme, potentialCity, uploadMilestone, type PotentialCity } from '../support/consulting.ts';

/** Two years ago: every milestone of that consulting year is past due. */
const callYear = yearInKorea() - 2;

describe(`the consulting year on ${testEngine()}`, () => {
  let t: TestApp;
  let city: PotentialCity;
  let other: PotentialCity;
  let ministry: Client;
  let officer: Person;
  let otherOfficer: Person;
  let provinceOfficer: Person;
  let otherProvinceOfficer: Person;
  let consultant: Person;
  let otherConsultant: Person;
  let reviewer: Person;
  let resident: Client;

  beforeAll(async () => {
    t = await testApp();
    const [first, second] = await citiesNeverInTheProgramme(t.database, 2);
    [city, other] = [await potentialCity(t.database, first!, callYear), await potentialCity(t.database, second!, callYear)];
    ministry = await t.as('ministry@example.com');
    resident = await t.as('resident@example.com');
    officer = await person(t, 'officer.potential@example.com', '윤서연', 'city_officer', { cityCode: city.cityCode });
    otherOfficer = await person(t, 'officer.other@example.com', '강도윤', 'city_officer', { cityCode: other.cityCode });
    provinceOfficer = await person(t, 'province.potential@example.com', '임하늘', 'province_officer', { provinceCode: city.cityCode.slice(0, 2) });
    otherProvinceOfficer = await person(t, 'province.other@example.com', '오세훈', 'province_officer', { provinceCode: other.cityCode.slice(0, 2) });
    consultant = await appointedConsultant(t, 'consultant.one@example.com', '서지우');
    otherConsultant = await appointedConsultant(t, 'consultant.two@example.com', '남궁민');
    reviewer = await person(t, 'reviewer.one@example.com', '배수진', 'reviewer');
  });
  afterAll(async () => t?.close());

  const url = (c: PotentialCity, rest = '') => `/api/designation/consultings/${c.consultingId}${rest}`;
  const detail = async (client: Client, c: PotentialCity) => (await client.get(url(c))).json() as ConsultingDetail;
  const milestone = async (client: Client, c: PotentialCity, kind: string) => (await detail(client, c)).milestones.find((m) => m.kind === kind)!;
  const inbox = async (client: Client) => (await client.get('/api/me/notifications?pageSize=100')).json() as { items: { kind: string; titleKo: string; link: string }[] };
  const logOf = (c: PotentialCity, step: string) => rows<{ actorName: string; before: unknown; after: unknown; reason: string }>(t.database.db, sql`
    SELECT actor_name AS "actorName", before, after, reason FROM designation_log WHERE city_code = ${c.cityCode} AND step = ${step} ORDER BY id`);

  /** The city submits a milestone and the consultant accepts it. */
  async function complete(c: PotentialCity, by: { officer: Person; consultant: Person }, kind: string) {
    expect((await uploadMilestone(by.officer.client, c.consultingId, kind, `${kind}.pdf`, samplePdf(kind))).statusCode).toBe(200);
    const { version } = await milestone(by.officer.client, c, kind);
    expect((await by.officer.client.post(url(c, `/milestones/${kind}/submit`), { note: '', version })).statusCode).toBe(200);
    const submitted = await milestone(by.consultant.client, c, kind);
    expect((await by.consultant.client.post(url(c, `/milestones/${kind}/review`), { outcome: 'accepted', feedback: '충실합니다.', version: submitted.version })).statusCode).toBe(200);
  }

  it('is assigned by the ministry to an appointed consultant, who is told, as is the city', async () => {
    const residentId = (await firstRow<{ id: number }>(t.database.db, sql`SELECT id FROM people WHERE email = 'resident@example.com'`))!.id;
    const notAConsultant = await ministry.post(url(city, '/consultant'), { consultantId: residentId });
    expect(notAConsultant.statusCode).toBe(400);
    expect(notAConsultant.json().field).toBe('consultantId');
    // The city sees its consulting but does not choose its consultant; a consultant of another city does not know it exists.
    expect((await officer.client.post(url(city, '/consultant'), { consultantId: consultant.personId })).statusCode).toBe(403);
    expect((await otherConsultant.client.post(url(city, '/consultant'), { consultantId: otherConsultant.personId })).statusCode).toBe(404);

    const candidates = (await ministry.get('/api/designation/consultings/candidates')).json();
    expect(candidates.items.map((c: { displayName: string }) => c.displayName).sort()).toEqual(['남궁민', '서지우']);
    expect((await officer.client.get('/api/designation/consultings/candidates')).statusCode).toBe(403);

    const assigned = await ministry.post(url(city, '/consultant'), { consultantId: consultant.personId });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json().consultant).toEqual({ personId: consultant.personId, displayName: '서지우' });
    expect((await ministry.post(url(other, '/consultant'), { consultantId: otherConsultant.personId })).statusCode).toBe(200);

    for (const told of [consultant, officer]) {
      expect((await inbox(told.client)).items).toContainEqual(expect.objectContaining({
        kind: 'designation.consultant_assigned', titleKo: `${city.cityNameKo} 컨설팅 담당 컨설턴트 배정: 서지우`, link: `/designation/consulting/${city.consultingId}`,
      }));
    }
    expect(await logOf(city, 'consultant_assigned')).toEqual([
      { actorName: '최은정', before: { consultantId: null }, after: { consultantId: consultant.personId, consultantName: '서지우' }, reason: '' },
    ]);
  });

  it('is seen by its consultant, its city, its province and the ministry only; to anyone else it does not exist', async () => {
    for (const seer of [ministry, officer.client, provinceOfficer.client, consultant.client]) {
      const seen = await seer.get(url(city));
      expect(seen.statusCode).toBe(200);
      expect(seen.json()).toMatchObject({ cityCode: city.cityCode, callYear, decision: null, milestonesAccepted: 0 });
      // Two years on, every milestone still open is overdue.
      expect(seen.json().milestones.map((m: { kind: string; overdue: boolean }) => [m.kind, m.overdue])).toEqual([
        ['needs_survey', true], ['improvement_plan', true], ['midterm_plan', true],
      ]);
    }
    for (const stranger of [otherConsultant.client, otherOfficer.client, otherProvinceOfficer.client, reviewer.client, resident]) {
      expect((await stranger.get(url(city))).statusCode).toBe(404);
      expect((await stranger.get(url(city, '/milestones/needs_survey/file'))).statusCode).toBe(404);
    }
    expect((await t.anonymous.get(url(city))).statusCode).toBe(401);
    expect((await ministry.get('/api/designation/consultings/999999')).statusCode).toBe(404);

    const list = async (client: Client, query: string) => {
      const response = await client.get(`/api/designation/consultings${query}`);
      return response.statusCode === 200 ? response.json().items.map((c: { cityCode: string }) => c.cityCode) : response.statusCode;
    };
    expect(await list(consultant.client, '?mine=true')).toEqual([city.cityCode]);
    expect(await list(otherConsultant.client, '?mine=true')).toEqual([other.cityCode]);
    expect(await list(consultant.client, '')).toBe(403);
    expect(await list(officer.client, `?city=${city.cityCode}`)).toEqual([city.cityCode]);
    expect(await list(officer.client, `?city=${other.cityCode}`)).toBe(403);
    expect(await list(officer.client, '')).toBe(403);
    expect(await list(provinceOfficer.client, `?province=${city.cityCode.slice(0, 2)}`)).toEqual([city.cityCode]);
    expect(await list(provinceOfficer.client, `?province=${other.cityCode.slice(0, 2)}`)).toBe(403);
    expect((await list(ministry, `?year=${callYear}`)).sort()).toEqual([city.cityCode, other.cityCode].sort());
    expect(await list(resident, '?mine=true')).toBe(403);
  });

  it('takes the city’s document, the consultant’s request for changes, the revision, and the acceptance', async () => {
    const path = url(city, '/milestones/needs_survey');
    const nothingYet = await officer.client.post(`${path}/submit`, { note: '', version: 1 });
    expect(nothingYet.statusCode).toBe(400);
    expect(nothingYet.json().field).toBe('file');

    expect((await uploadMilestone(consultant.client, city.consultingId, 'needs_survey', '조사.pdf', samplePdf())).statusCode).toBe(403);
    expect((await uploadMilestone(otherOfficer.client, city.consultingId, 'needs_survey', '조사.pdf', samplePdf())).statusCode).toBe(404);
    const pretending = await uploadMilestone(officer.client, city.consultingId, 'needs_survey', '학습요구조사.pdf', Buffer.from('그냥 글자입니다'));
    expect(pretending.statusCode).toBe(415);
    expect(pretending.json()).toMatchObject({ field: 'file', message: expect.stringContaining('학습요구조사.pdf') });

    const uploaded = await uploadMilestone(officer.client, city.consultingId, 'needs_survey', '학습요구조사 결과.pdf', samplePdf('survey'));
    expect(uploaded.statusCode).toBe(200);
    const withFile = uploaded.json().milestones[0];
    expect(withFile).toMatchObject({ kind: 'needs_survey', status: 'open', file: { fileName: '학습요구조사 결과.pdf', documentType: 'pdf' } });

    expect((await officer.client.post(`${path}/submit`, { note: '설문 1,200명', version: withFile.version - 1 })).statusCode).toBe(409);
    const submitted = await officer.client.post(`${path}/submit`, { note: '설문 1,200명', version: withFile.version });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().milestones[0]).toMatchObject({ status: 'submitted', cityNote: '설문 1,200명', submittedByName: '윤서연', overdue: false });
    expect((await inbox(consultant.client)).items).toContainEqual(expect.objectContaining({ kind: 'designation.milestone_submitted' }));
    const [logged] = await logOf(city, 'milestone_submitted');
    expect(logged).toMatchObject({ actorName: '윤서연', before: { kind: 'needs_survey', status: 'open' }, after: { status: 'submitted', fileName: '학습요구조사 결과.pdf' } });
    expect((logged!.after as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);
    // Waiting for the consultant, the document cannot change.
    expect((await uploadMilestone(officer.client, city.consultingId, 'needs_survey', '다른 파일.pdf', samplePdf())).statusCode).toBe(409);

    const download = await consultant.client.get(`${path}/file`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(samplePdf('survey'))).toBe(true);

    const version = (await milestone(consultant.client, city, 'needs_survey')).version;
    expect((await officer.client.post(`${path}/review`, { outcome: 'accepted', feedback: '좋습니다', version })).statusCode).toBe(403);
    expect((await otherConsultant.client.post(`${path}/review`, { outcome: 'accepted', feedback: '좋습니다', version })).statusCode).toBe(404);
    const revise = await consultant.client.post(`${path}/review`, { outcome: 'revise', feedback: '연령대별 분석을 더해 주세요.', version });
    expect(revise.statusCode).toBe(200);
    expect(revise.json().milestones[0]).toMatchObject({ status: 'revise', feedback: '연령대별 분석을 더해 주세요.', reviewedByName: '서지우', overdue: true });
    expect((await inbox(officer.client)).items).toContainEqual(expect.objectContaining({ kind: 'designation.milestone_reviewed', titleKo: '컨설팅 과제 보완 요청: ‘학습요구조사’' }));
    // Reviewed already: nothing to review until the city sends it again.
    expect((await consultant.client.post(`${path}/review`, { outcome: 'accepted', feedback: '좋습니다', version: version + 1 })).statusCode).toBe(409);

    expect((await uploadMilestone(officer.client, city.consultingId, 'needs_survey', '학습요구조사 결과(보완).pdf', samplePdf('revised'))).statusCode).toBe(200);
    const revised = await milestone(officer.client, city, 'needs_survey');
    expect((await officer.client.post(`${path}/submit`, { note: '연령대별 분석 추가', version: revised.version })).statusCode).toBe(200);
    const accept = await consultant.client.post(`${path}/review`, { outcome: 'accepted', feedback: '충실합니다.', version: revised.version + 1 });
    expect(accept.statusCode).toBe(200);
    expect(accept.json()).toMatchObject({ milestonesAccepted: 1, milestones: [{ status: 'accepted', file: { fileName: '학습요구조사 결과(보완).pdf' } }, {}, {}] });
    expect((await logOf(city, 'milestone_reviewed')).map((e) => [(e.after as { status: string }).status, e.reason])).toEqual([
      ['revise', '연령대별 분석을 더해 주세요.'], ['accepted', '충실합니다.'],
    ]);
  });

  it('lets the consultant recommend designation only once every milestone is accepted', async () => {
    const early = await consultant.client.post(url(city, '/recommendation'), { recommendation: 'designate', reason: '성실히 수행했습니다.' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ error: 'milestones_unfinished', unfinished: ['improvement_plan', 'midterm_plan'] });
    expect(early.json().message).toContain('개선 계획, 중장기 발전 계획');
    expect((await officer.client.post(url(city, '/recommendation'), { recommendation: 'designate', reason: '스스로' })).statusCode).toBe(403);

    await complete(city, { officer, consultant }, 'improvement_plan');
    await complete(city, { officer, consultant }, 'midterm_plan');
    const recommended = await consultant.client.post(url(city, '/recommendation'), { recommendation: 'designate', reason: '세 과제를 모두 충실히 수행했습니다.' });
    expect(recommended.statusCode).toBe(200);
    expect(recommended.json()).toMatchObject({ milestonesAccepted: 3, recommendation: 'designate', recommendationReason: '세 과제를 모두 충실히 수행했습니다.' });
    expect((await inbox(ministry)).items).toContainEqual(expect.objectContaining({ kind: 'designation.consulting_recommended', link: `/designation/consulting/${city.consultingId}` }));
    expect(await logOf(city, 'consulting_recommended')).toEqual([
      { actorName: '서지우', before: { recommendation: null }, after: { recommendation: 'designate' }, reason: '세 과제를 모두 충실히 수행했습니다.' },
    ]);
  });

  it("designates the city by the ministry's decision, in its public history and the log, and then nothing more changes", async () => {
    const body = { decision: 'designated', reason: '컨설팅 과제를 모두 완료하고 추진 체계를 갖추었습니다.' };
    for (const refused of [officer.client, consultant.client, provinceOfficer.client]) expect((await refused.post(url(city, '/decision'), body)).statusCode).toBe(403);
    expect((await otherConsultant.client.post(url(city, '/decision'), body)).statusCode).toBe(404);
    const notYet = await ministry.post(url(other, '/decision'), body);
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json().error).toBe('no_recommendation');

    const decided = await ministry.post(url(city, '/decision'), body);
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({ decision: 'designated', decisionReason: body.reason });
    const history = (await t.anonymous.get(`/api/cities/${city.cityCode}`)).json();
    expect(history.state).toBe('designated');
    expect(history.designations.map((d: { state: string; year: number }) => [d.state, d.year])).toEqual([
      ['applied', callYear], ['potential', callYear], ['designated', yearInKorea()],
    ]);
    expect(history.designations.at(-1).reason).toBe(body.reason);
    expect(await logOf(city, 'consulting_decided')).toEqual([
      { actorName: '최은정', before: { state: 'potential', recommendation: 'designate' }, after: { state: 'designated' }, reason: body.reason },
    ]);
    for (const told of [officer.client, consultant.client, provinceOfficer.client]) {
      expect((await inbox(told)).items).toContainEqual(expect.objectContaining({ kind: 'designation.consulting_decided', titleKo: `${withTopicParticle(city.cityNameKo)} 평생학습도시로 지정되었습니다` }));
    }

    const closed = [
      await ministry.post(url(city, '/decision'), { decision: 'rejected', reason: '다시' }),
      await ministry.post(url(city, '/consultant'), { consultantId: otherConsultant.personId }),
      await consultant.client.post(url(city, '/recommendation'), { recommendation: 'reject', reason: '다시' }),
      await uploadMilestone(officer.client, city.consultingId, 'needs_survey', '늦은 파일.pdf', samplePdf()),
    ];
    expect(closed.map((r) => [r.statusCode, r.json().error])).toEqual(Array.from({ length: 4 }, () => [409, 'decided']));
  });

  it('records one decision when twenty arrive at once', async () => {
    expect((await otherConsultant.client.post(url(other, '/recommendation'), { recommendation: 'reject', reason: '전담 조직을 끝내 갖추지 못했습니다.' })).statusCode).toBe(200);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => ministry.post(url(other, '/decision'), {
      decision: i % 2 === 0 ? 'rejected' : 'designated', reason: `결정 ${i}`,
    })));
    expect(answers.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(answers.filter((r) => r.statusCode === 409)).toHaveLength(19);
    const states = await rows<{ state: string }>(t.database.db, sql`SELECT state FROM designation_transitions WHERE city_code = ${other.cityCode} ORDER BY id`);
    expect(states.length).toBe(3);
    expect(await logOf(other, 'consulting_decided')).toHaveLength(1);
    const winner = answers.find((r) => r.statusCode === 200)!.json() as ConsultingDetail;
    expect(states.at(-1)!.state).toBe(winner.decision);
  });
});
