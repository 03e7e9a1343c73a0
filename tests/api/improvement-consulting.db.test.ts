/**
 * Consultings for deferred cities (issue 12, item 7), on both engines: only the ministry opens one, for a city its
 * round deferred (another city or round is refused naming the field), once per city and round even when ten requests
 * arrive together; the consultant and the city work through the same milestones; the ministry closes it without
 * touching the city's designation; and the next finalised round shows beside the deferring one, worked by hand.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsultingDetail, ConsultingSummary } from '../../src/shared/contracts/designation-consulting.ts';
import type { AtRiskList } from '../../src/shared/contracts/national.ts';
import type { RoundView } from '../../src/shared/contracts/evaluation.ts';
import { rows } from '../../src/server/platform/database/database.ts';
import { testEngine } from '../support/database.ts';
import { testApp, type Client, type TestApp } from '../support/app.ts';
import { person, type Person } from '../support/applications.ts';
import { samplePdf } from '../support/documents.ts';
import { appointedConsultant, uploadMilestone } from '../support/consulting.ts';
import { designatedIn, finalisedRound } from '../support/evaluation.ts';
import { newcomers } from '../support/review.ts';

/** The round that defers, and the one after it. */
const DEFERRING = 2023;
const NEXT = 2024;

describe(`consultings for deferred cities on ${testEngine()}`, () => {
  let t: TestApp;
  let ministry: Client;
  let resident: Client;
  /** Deferred by the 2023 round with 52.5 (17.5 + 20 + 15); re-designated in 2024 with 61 (22.5 + 21 + 17.5). */
  let deferred: { code: string; nameKo: string };
  /** Re-designated by the 2023 round: not deferred. */
  let passed: { code: string; nameKo: string };
  /** Deferred by the 2023 round in another province: the one ten requests race for. */
  let raced: { code: string; nameKo: string };
  let officer: Person;
  let passedOfficer: Person;
  let provinceOfficer: Person;
  let consultant: Person;
  let otherConsultant: Person;
  let consultingId: number;
  const db = () => t.database.db;

  beforeAll(async () => {
    t = await testApp();
    [deferred, passed] = await newcomers(db(), '31', 2) as [{ code: string; nameKo: string }, { code: string; nameKo: string }];
    [raced] = await newcomers(db(), '33', 1) as [{ code: string; nameKo: string }];
    for (const city of [deferred, passed, raced]) await designatedIn(db(), city.code, 2018);
    await finalisedRound(db(), DEFERRING, [
      { cityCode: deferred.code, areas: [['추진체계', 35, 17.5], ['사업운영', 35, 20], ['성과', 30, 15]], outcome: 'deferred' },
      { cityCode: passed.code, areas: [['추진체계', 35, 30], ['사업운영', 35, 28], ['성과', 30, 20]], outcome: 'redesignated' },
      { cityCode: raced.code, areas: [['추진체계', 35, 20], ['사업운영', 35, 20], ['성과', 30, 10]], outcome: 'deferred' },
    ]);
    ministry = await t.as('ministry@example.com');
    resident = await t.as('resident@example.com');
    officer = await person(t, 'officer.deferred@example.com', '문가영', 'city_officer', { cityCode: deferred.code });
    passedOfficer = await person(t, 'officer.passed@example.com', '한지민', 'city_officer', { cityCode: passed.code });
    provinceOfficer = await person(t, 'province.deferred@example.com', '조한결', 'province_officer', { provinceCode: '31' });
    consultant = await appointedConsultant(t, 'consultant.improve@example.com', '백승호');
    otherConsultant = await appointedConsultant(t, 'consultant.other@example.com', '류은비');
  });
  afterAll(async () => t?.close());

  const open = (client: Client, body: Record<string, unknown>) => client.post('/api/designation/consultings', body);
  const url = (rest = '') => `/api/designation/consultings/${consultingId}${rest}`;
  const detail = async (client: Client) => (await client.get(url())).json() as ConsultingDetail;
  const inbox = async (client: Client) => (await client.get('/api/me/notifications?pageSize=100')).json() as { items: { kind: string; titleKo: string; link: string }[] };
  const logOf = (cityCode: string, step: string) => rows<{ actorName: string; after: unknown; reason: string }>(db(), sql`
    SELECT actor_name AS "actorName", after, reason FROM designation_log WHERE city_code = ${cityCode} AND step = ${step} ORDER BY id`);
  const stateOf = async (cityCode: string) => (await t.anonymous.get(`/api/cities/${cityCode}`)).json().state as string;

  it('is opened by the ministry alone, for a city its round deferred, with an appointed consultant', async () => {
    const body = { cityCode: deferred.code, roundYear: DEFERRING, consultantId: consultant.personId };
    expect((await t.anonymous.post('/api/designation/consultings', body)).statusCode).toBe(401);
    for (const refused of [officer.client, provinceOfficer.client, consultant.client, resident]) expect((await open(refused, body)).statusCode).toBe(403);

    const notDeferred = await open(ministry, { ...body, cityCode: passed.code });
    expect(notDeferred.statusCode).toBe(409);
    expect(notDeferred.json()).toMatchObject({ error: 'not_deferred', field: 'cityCode' });
    expect(notDeferred.json().message).toContain('(지금: 재지정)');
    const wrongRound = await open(ministry, { ...body, roundYear: 2022 });
    expect(wrongRound.statusCode).toBe(400);
    expect(wrongRound.json()).toMatchObject({ field: 'roundYear', message: expect.stringContaining('2023년') });
    expect((await open(ministry, { ...body, cityCode: '00000' })).json().field).toBe('cityCode');
    expect((await open(ministry, { ...body, consultantId: officer.personId })).json()).toMatchObject({ field: 'consultantId' });
    expect((await open(ministry, { ...body, roundYear: 'next' })).statusCode).toBe(400);
    const none = await rows(db(), sql`SELECT id FROM consultings WHERE purpose = 'improvement'`);
    expect(none).toEqual([]);

    const opened = await open(ministry, body);
    expect(opened.statusCode, opened.body).toBe(201);
    const consulting = opened.json() as ConsultingDetail;
    consultingId = consulting.id;
    expect(consulting).toMatchObject({
      purpose: 'improvement', roundYear: DEFERRING, applicationId: null, callYear: null, cityCode: deferred.code,
      consultant: { personId: consultant.personId, displayName: '백승호' }, decision: null, milestonesAccepted: 0,
      improvement: { deferredRound: { year: DEFERRING, total: 52.5 }, nextRound: null, change: null },
    });
    expect(consulting.milestones.map((m) => m.kind)).toEqual(['needs_survey', 'improvement_plan', 'midterm_plan']);
    expect(await logOf(deferred.code, 'consulting_opened')).toEqual([
      { actorName: '최은정', after: { consultingId, roundYear: DEFERRING, consultantId: consultant.personId, consultantName: '백승호' }, reason: '' },
    ]);
    for (const told of [consultant, officer]) {
      expect((await inbox(told.client)).items).toContainEqual(expect.objectContaining({
        kind: 'designation.consultant_assigned', link: `/designation/consulting/${consultingId}`, titleKo: expect.stringContaining('백승호'),
      }));
    }
    const twice = await open(ministry, { ...body, consultantId: otherConsultant.personId });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ error: 'consulting_open', field: 'cityCode', consultingId });
    // The round's page links the deferred city to it; the city the round passed has none, and neither has the other
    // deferred city yet.
    const round = await ministry.get(`/api/evaluation/rounds/${DEFERRING}?pageSize=100`);
    expect(round.statusCode, round.body).toBe(200);
    const rowOf = (code: string) => (round.json() as RoundView).items.find((c) => c.cityCode === code);
    expect([rowOf(deferred.code)?.consultingId, rowOf(passed.code)?.consultingId, rowOf(raced.code)?.consultingId]).toEqual([consultingId, null, null]);
    // Only improvement consultings are listed when asked.
    const improvements = (await ministry.get('/api/designation/consultings?purpose=improvement&pageSize=100')).json() as { items: ConsultingSummary[] };
    expect(improvements.items.map((c) => c.id)).toEqual([consultingId]);
  });

  it('opens one consulting when ten requests for a city and round arrive at once', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => open(ministry, {
      cityCode: raced.code, roundYear: DEFERRING, consultantId: i % 2 === 0 ? consultant.personId : otherConsultant.personId,
    })));
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, ...Array.from({ length: 9 }, () => 409)]);
    expect(answers.filter((r) => r.statusCode === 409).every((r) => r.json().error === 'consulting_open')).toBe(true);
    expect(await rows(db(), sql`SELECT id FROM consultings WHERE city_code = ${raced.code}`)).toHaveLength(1);
    expect(await logOf(raced.code, 'consulting_opened')).toHaveLength(1);
  });

  it('is seen where consultings are seen: its consultant, its city, its province and the ministry; no one else', async () => {
    for (const seer of [ministry, officer.client, provinceOfficer.client, consultant.client]) expect((await seer.get(url())).statusCode).toBe(200);
    for (const stranger of [otherConsultant.client, passedOfficer.client, resident]) expect((await stranger.get(url())).statusCode).toBe(404);
    const list = async (client: Client, query: string) => ((await client.get(`/api/designation/consultings${query}`)).json().items as ConsultingSummary[]).map((c) => c.cityCode);
    expect(await list(consultant.client, '?mine=true')).toEqual(expect.arrayContaining([deferred.code]));
    expect(await list(officer.client, `?city=${deferred.code}`)).toEqual([deferred.code]);
    expect((await list(ministry, '?purpose=improvement')).sort()).toEqual([deferred.code, raced.code].sort());
    expect(await list(ministry, '?purpose=potential')).toEqual([]);
  });

  it('takes the milestones as a potential city’s, the consultant’s “improved” once all are accepted, and the ministry’s closing', async () => {
    const designate = await consultant.client.post(url('/recommendation'), { recommendation: 'designate', reason: '지정' });
    expect(designate.statusCode).toBe(400);
    expect(designate.json().field).toBe('recommendation');
    const early = await consultant.client.post(url('/recommendation'), { recommendation: 'improved', reason: '개선' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ error: 'milestones_unfinished', unfinished: ['needs_survey', 'improvement_plan', 'midterm_plan'] });
    const notYet = await ministry.post(url('/decision'), { decision: 'closed', reason: '종료' });
    expect(notYet.json().error).toBe('no_recommendation');

    for (const kind of ['needs_survey', 'improvement_plan', 'midterm_plan']) {
      expect((await uploadMilestone(officer.client, consultingId, kind, `${kind}.pdf`, samplePdf(kind))).statusCode).toBe(200);
      const { version } = (await detail(officer.client)).milestones.find((m) => m.kind === kind)!;
      expect((await officer.client.post(url(`/milestones/${kind}/submit`), { note: '', version })).statusCode).toBe(200);
      const submitted = (await detail(consultant.client)).milestones.find((m) => m.kind === kind)!;
      expect((await consultant.client.post(url(`/milestones/${kind}/review`), { outcome: 'accepted', feedback: '좋습니다.', version: submitted.version })).statusCode).toBe(200);
    }
    const improved = await consultant.client.post(url('/recommendation'), { recommendation: 'improved', reason: '전담 인력을 두고 성과 관리를 시작했습니다.' });
    expect(improved.statusCode).toBe(200);
    expect(improved.json()).toMatchObject({ milestonesAccepted: 3, recommendation: 'improved' });

    const designated = await ministry.post(url('/decision'), { decision: 'designated', reason: '지정' });
    expect(designated.statusCode).toBe(400);
    expect(designated.json().field).toBe('decision');
    for (const refused of [officer.client, consultant.client, provinceOfficer.client]) {
      expect((await refused.post(url('/decision'), { decision: 'closed', reason: '종료' })).statusCode).toBe(403);
    }
    const closed = await ministry.post(url('/decision'), { decision: 'closed', reason: '과제를 모두 마쳤습니다. 다음 평가에서 확인합니다.' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ decision: 'closed', decisionReason: '과제를 모두 마쳤습니다. 다음 평가에서 확인합니다.' });
    // Closing decides nothing about the city: the next round does.
    expect(await stateOf(deferred.code)).toBe('deferred');
    expect(await logOf(deferred.code, 'consulting_closed')).toHaveLength(1);
    expect(await logOf(deferred.code, 'consulting_decided')).toEqual([]);
    expect((await inbox(officer.client)).items).toContainEqual(expect.objectContaining({ kind: 'designation.consulting_closed' }));
    const after = await uploadMilestone(officer.client, consultingId, 'needs_survey', '늦은 파일.pdf', samplePdf());
    expect([after.statusCode, after.json().error]).toEqual([409, 'decided']);
  });

  it('shows the deferring round beside the next finalised one, and the open consulting on the at-risk list', async () => {
    const atRisk = async () => (await ministry.get('/api/national/at-risk?reason=deferred&pageSize=100')).json() as AtRiskList;
    const before = await atRisk();
    expect(before.items.find((c) => c.code === raced.code)).toMatchObject({
      deferredInRound: DEFERRING, consulting: { roundYear: DEFERRING, closed: false, nextRoundYear: null, change: null },
    });
    expect(before.items.find((c) => c.code === deferred.code)).toMatchObject({ deferredInRound: DEFERRING, consulting: { id: consultingId, closed: true, change: null } });

    await finalisedRound(db(), NEXT, [{ cityCode: deferred.code, areas: [['추진체계', 35, 22.5], ['사업운영', 35, 21], ['성과', 30, 17.5]], outcome: 'redesignated' }]);
    // 61 − 52.5 = +8.5: governance +5, operations +1, outcomes +2.5.
    const expected = {
      deferredRound: { year: DEFERRING, total: 52.5 },
      nextRound: { year: NEXT, total: 61, outcome: 'redesignated' },
      change: 8.5,
      areas: [
        { titleKo: '추진체계', titleEn: '추진체계', points: 35, before: 17.5, after: 22.5, change: 5 },
        { titleKo: '사업운영', titleEn: '사업운영', points: 35, before: 20, after: 21, change: 1 },
        { titleKo: '성과', titleEn: '성과', points: 30, before: 15, after: 17.5, change: 2.5 },
      ],
    };
    expect((await detail(ministry)).improvement).toEqual(expected);
    const listed = (await ministry.get('/api/designation/consultings?purpose=improvement')).json().items as ConsultingSummary[];
    expect(listed.find((c) => c.id === consultingId)!.improvement).toEqual(expected);
    // Re-designated now, the city has left the at-risk list; the other is still deferred with its consulting open.
    const later = await atRisk();
    expect(later.items.some((c) => c.code === deferred.code)).toBe(false);
    expect(later.items.find((c) => c.code === raced.code)!.consulting).toMatchObject({ closed: false, change: null });
  });
});
