/**
 * The province's endorsement: its officers see their municipalities' submitted applications (never another
 * province's), return one with a reason (the city is told, fixes it and resubmits before the endorsement deadline),
 * endorse (the city is told; its designation state becomes `applied`) and rank the endorsed ones. Endorsements at
 * once get distinct ranks and one application is endorsed once; nothing changes after the endorsement deadline.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationSummary, ApplicationView } from '../../src/shared/contracts/designation-applications.ts';
import { firstRow, rows } from '../../src/server/platform/database/database.ts';
import * as applications from '../../src/server/modules/designation/applications.service.ts';
import * as endorsement from '../../src/server/modules/designation/endorsement.service.ts';
import { testEngine } from '../support/database.ts';
import { testApp, type Client, type TestApp } from '../support/app.ts';
import { yearInKorea } from '../support/clock.ts';
import { completeContent, insertCall, openCallNow, person, put, upload, type Person } from '../support/applications.ts';
import { samplePdf } from '../support/documents.ts';

const year = yearInKorea();
const GYEONGGI = ['31020', '31040', '31070', '31080', '31110', '31120', '31140'] as const;
const [SEONGNAM, ANYANG] = GYEONGGI;
const YEOSU = '36020';

describe(`the province's endorsement on ${testEngine()}`, () => {
  let t: TestApp;
  let callId: number;
  const officers = new Map<string, Person>();
  let gyeonggi: Person;
  let gyeonggiColleague: Person;
  let jeonnam: Person;
  let ministry: Client;
  let resident: Client;
  const ids = new Map<string, number>();

  const officer = (cityCode: string) => officers.get(cityCode)!;
  const logOf = (id: number) => rows<{ step: string; reason: string }>(t.database.db, sql`
    SELECT step, reason FROM designation_log WHERE application_id = ${id} ORDER BY id`);
  const notified = (personId: number, kind: string) =>
    firstRow<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM notifications WHERE person_id = ${personId} AND kind = ${kind}`).then((r) => r!.n);
  const latestState = (cityCode: string) => firstRow<{ state: string; year: number }>(t.database.db, sql`
    SELECT state, year FROM designation_transitions WHERE city_code = ${cityCode} ORDER BY occurred_on DESC, id DESC LIMIT 1`);

  /** The city starts, completes, attaches its plan and submits; returns the application's id. */
  async function submitted(cityCode: string): Promise<number> {
    const { client } = officer(cityCode);
    const started = (await client.post(`/api/cities/${cityCode}/designation/applications`, { callId })).json<ApplicationView>();
    const saved = (await put(client, `/api/designation/applications/${started.id}/content`, { version: started.version, content: completeContent(cityCode) })).json();
    expect((await upload(client, started.id, 'program_plan', '사업계획서.pdf', samplePdf())).statusCode).toBe(201);
    expect((await client.post(`/api/designation/applications/${started.id}/submit`, { version: saved.version })).statusCode).toBe(200);
    ids.set(cityCode, started.id);
    return started.id;
  }

  beforeAll(async () => {
    t = await testApp();
    callId = await openCallNow(t.database.db, year);
    for (const code of [...GYEONGGI, YEOSU]) officers.set(code, await person(t, `officer.${code}@example.com`, `${code} 담당자`, 'city_officer', { cityCode: code }));
    gyeonggi = await person(t, 'province.gyeonggi@example.com', '경기도 담당자', 'province_officer', { provinceCode: '31' });
    gyeonggiColleague = await person(t, 'province2.gyeonggi@example.com', '경기도 두번째 담당자', 'province_officer', { provinceCode: '31' });
    jeonnam = await person(t, 'province.jeonnam@example.com', '전남 담당자', 'province_officer', { provinceCode: '36' });
    [ministry, resident] = await Promise.all([t.as('ministry@example.com'), t.as('resident@example.com')]);
    await submitted(SEONGNAM);
    await submitted(ANYANG);
    await submitted(YEOSU);
    // A draft the province never sees.
    await officer('31070').client.post('/api/cities/31070/designation/applications', { callId });
  });
  afterAll(async () => t?.close());

  describe("the province's list", () => {
    it("shows the province's submitted applications to its officers and the ministry only", async () => {
      const list = await gyeonggi.client.get(`/api/designation/provinces/31/applications?callId=${callId}`);
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((a: ApplicationSummary) => a.cityCode).sort()).toEqual([SEONGNAM, ANYANG]);
      expect(list.json().items[0]).toMatchObject({ status: 'submitted', callYear: year, provinceCode: '31' });
      expect((await ministry.get(`/api/designation/provinces/31/applications?callId=${callId}`)).json().total).toBe(2);
      const calls = (await gyeonggi.client.get('/api/designation/provinces/31/calls')).json();
      expect(calls.items).toEqual([expect.objectContaining({ id: callId, year, submitted: 2, returned: 0, endorsed: 0, phase: 'open' })]);

      expect((await t.anonymous.get('/api/designation/provinces/31/applications')).statusCode).toBe(401);
      for (const client of [jeonnam.client, officer(SEONGNAM).client, resident]) {
        expect((await client.get(`/api/designation/provinces/31/applications?callId=${callId}`)).statusCode).toBe(403);
        expect((await client.get('/api/designation/provinces/31/calls')).statusCode).toBe(403);
      }
      expect((await jeonnam.client.get(`/api/designation/applications/${ids.get(SEONGNAM)}`)).statusCode).toBe(404);
    });
  });

  describe('returning and resubmitting', () => {
    it('returns an application with a reason the city is told, and only the province may', async () => {
      const id = ids.get(SEONGNAM)!;
      const noReason = await gyeonggi.client.post(`/api/designation/applications/${id}/return`, { reason: '' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().field).toBe('reason');
      expect((await jeonnam.client.post(`/api/designation/applications/${id}/return`, { reason: '예산 근거 보완' })).statusCode).toBe(404);
      for (const client of [officer(SEONGNAM).client, ministry]) {
        expect((await client.post(`/api/designation/applications/${id}/return`, { reason: '예산 근거 보완' })).statusCode).toBe(403);
      }

      const reason = '자체 예산의 근거(예산서 사본)를 첨부하고 3개년 계획의 프로그램 수를 다시 확인해 주세요.';
      const returned = await gyeonggi.client.post(`/api/designation/applications/${id}/return`, { reason });
      expect(returned.statusCode).toBe(200);
      expect(returned.json()).toMatchObject({ status: 'returned', returnReason: reason, actions: { endorse: false } });
      expect(await notified(officer(SEONGNAM).personId, 'designation.application_returned')).toBe(1);
      expect(await notified(officer(ANYANG).personId, 'designation.application_returned')).toBe(0);
      expect((await logOf(id)).at(-1)).toEqual({ step: 'application_returned', reason });

      expect((await gyeonggi.client.post(`/api/designation/applications/${id}/return`, { reason })).statusCode).toBe(409);
      expect((await gyeonggi.client.post(`/api/designation/applications/${id}/endorse`, { reason: '' })).statusCode).toBe(409);
    });

    it('lets the city fix a returned application and submit it again, telling the province', async () => {
      const id = ids.get(SEONGNAM)!;
      const { client } = officer(SEONGNAM);
      const returned = (await client.get(`/api/designation/applications/${id}`)).json<ApplicationView>();
      expect(returned.actions).toMatchObject({ edit: true, submit: true });
      const content = structuredClone(returned.content);
      content.budget[0]!.own = 250_000_000;
      const saved = (await put(client, `/api/designation/applications/${id}/content`, { version: returned.version, content })).json();
      expect((await upload(client, id, 'budget_plan', '예산서 사본.pdf', samplePdf())).statusCode).toBe(201);
      const again = await client.post(`/api/designation/applications/${id}/submit`, { version: saved.version });
      expect(again.json()).toMatchObject({ status: 'submitted' });
      expect(await notified(gyeonggi.personId, 'designation.application_submitted')).toBe(3);
      const message = await firstRow<{ title: string }>(t.database.db, sql`
        SELECT title_ko AS title FROM notifications WHERE person_id = ${gyeonggi.personId} ORDER BY id DESC LIMIT 1`);
      expect(message!.title).toContain('보완해 다시 제출');
    });
  });

  describe('endorsing and ranking', () => {
    it('endorses in turn, ranking each last, recording that the city applied and telling it', async () => {
      const seongnam = await gyeonggi.client.post(`/api/designation/applications/${ids.get(SEONGNAM)}/endorse`, { reason: '도 평생교육 정책과 잘 맞음' });
      expect(seongnam.statusCode).toBe(200);
      expect(seongnam.json()).toMatchObject({ status: 'endorsed', provinceRank: 1, actions: { endorse: false, withdraw: false } });
      const anyang = await gyeonggiColleague.client.post(`/api/designation/applications/${ids.get(ANYANG)}/endorse`, { reason: '' });
      expect(anyang.json()).toMatchObject({ status: 'endorsed', provinceRank: 2 });

      expect(await latestState(SEONGNAM)).toEqual({ state: 'applied', year });
      expect(await notified(officer(SEONGNAM).personId, 'designation.application_endorsed')).toBe(1);
      expect((await logOf(ids.get(SEONGNAM)!)).at(-1)).toEqual({ step: 'application_endorsed', reason: '도 평생교육 정책과 잘 맞음' });

      // Endorsement is final: not again, not returned, not withdrawn.
      expect((await gyeonggi.client.post(`/api/designation/applications/${ids.get(SEONGNAM)}/endorse`, { reason: '' })).statusCode).toBe(409);
      expect((await gyeonggi.client.post(`/api/designation/applications/${ids.get(SEONGNAM)}/return`, { reason: '다시 검토하겠습니다.' })).statusCode).toBe(409);
      expect((await officer(SEONGNAM).client.post(`/api/designation/applications/${ids.get(SEONGNAM)}/withdraw`, { reason: '' })).statusCode).toBe(409);
      // Another province cannot endorse what it cannot see.
      expect((await jeonnam.client.post(`/api/designation/applications/${ids.get(ANYANG)}/endorse`, { reason: '' })).statusCode).toBe(404);
    });

    it('reorders the endorsed applications, all of them, each once', async () => {
      const url = `/api/designation/provinces/31/calls/${callId}/ranking`;
      const [seongnam, anyang] = [ids.get(SEONGNAM)!, ids.get(ANYANG)!];
      const ranked = await put(gyeonggi.client, url, { applicationIds: [anyang, seongnam] });
      expect(ranked.statusCode).toBe(200);
      expect(ranked.json().items.map((a: ApplicationSummary) => [a.id, a.provinceRank])).toEqual([[anyang, 1], [seongnam, 2]]);
      const logged = await firstRow<{ after: { applicationId: number; provinceRank: number }[] }>(t.database.db, sql`
        SELECT after FROM designation_log WHERE step = 'applications_ranked' AND call_id = ${callId} ORDER BY id DESC LIMIT 1`);
      expect(logged!.after.map((a) => [a.applicationId, a.provinceRank])).toEqual([[anyang, 1], [seongnam, 2]]);

      for (const applicationIds of [[anyang], [anyang, seongnam, ids.get(YEOSU)!], [anyang, anyang]]) {
        const refused = await put(gyeonggi.client, url, { applicationIds });
        expect(refused.statusCode, JSON.stringify(applicationIds)).toBe(400);
        expect(refused.json().field).toBe('applicationIds');
      }
      for (const client of [jeonnam.client, officer(SEONGNAM).client, ministry, resident]) {
        expect((await put(client, url, { applicationIds: [seongnam, anyang] })).statusCode).toBe(403);
      }
      expect((await put(gyeonggi.client, `/api/designation/provinces/31/calls/999999/ranking`, { applicationIds: [seongnam, anyang] })).statusCode).toBe(404);
    });

    it('gives simultaneous endorsements distinct ranks, and endorses one application once however often it is asked', async () => {
      const more = ['31080', '31110', '31120', '31140'];
      for (const code of more) await submitted(code);
      const results = await Promise.all(more.map((code, i) =>
        (i % 2 ? gyeonggi : gyeonggiColleague).client.post(`/api/designation/applications/${ids.get(code)}/endorse`, { reason: '' })));
      expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
      const ranks = await rows<{ rank: number }>(t.database.db, sql`
        SELECT province_rank AS rank FROM designation_applications WHERE call_id = ${callId} AND province_code = '31' AND status = 'endorsed' ORDER BY 1`);
      expect(ranks.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6]);

      // Pyeongtaek had only started a draft; it completes and submits it now.
      const id = await submitted('31070');
      const same = await Promise.all(Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? gyeonggi : gyeonggiColleague).client.post(`/api/designation/applications/${id}/endorse`, { reason: '' })));
      expect(same.map((r) => r.statusCode).sort()).toEqual([200, ...Array(9).fill(409)]);
      expect((await logOf(id)).filter((e) => e.step === 'application_endorsed')).toHaveLength(1);
      const transitions = await firstRow<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM designation_transitions WHERE city_code = '31070'`);
      expect(transitions!.n).toBe(1);
    });
  });

  describe('the endorsement deadline, at chosen moments', () => {
    // A call of 2090: submissions until 30 April 18:00, endorsements until 21 May 18:00 (Korean time).
    const at = (kst: string) => new Date(`2090-${kst}+09:00`);
    const NAJU = '36040';
    const GWANGYANG = '36060';
    let lateCall: number;
    let naju: Person;
    let gwangyang: Person;

    async function submittedIn2090(city: Person, cityCode: string) {
      const id = await applications.startApplication(t.database.db, cityCode, lateCall, city.actor, at('03-03T10:00:00'));
      const saved = await applications.saveDraft(t.database.db, id, { version: 1, content: completeContent(cityCode) }, city.actor, at('03-03T10:01:00'));
      await applications.addAttachment(t.database.db, id, { purpose: 'program_plan', fileName: '계획.pdf', bytes: samplePdf() }, city.actor, at('03-03T10:02:00'));
      await applications.submit(t.database.db, id, saved.version, city.actor, at('04-01T10:00:00'), 'ko');
      return id;
    }

    beforeAll(async () => {
      lateCall = await insertCall(t.database.db, { year: 2090, opensAt: at('03-02T09:00:00'), submissionDeadline: at('04-30T18:00:00'), endorsementDeadline: at('05-21T18:00:00') });
      naju = await person(t, 'officer.naju@example.com', '나주 담당자', 'city_officer', { cityCode: NAJU });
      gwangyang = await person(t, 'officer.gwangyang@example.com', '광양 담당자', 'city_officer', { cityCode: GWANGYANG });
    });

    it('lets a returned application be resubmitted after the submission deadline, until the endorsement deadline', async () => {
      const id = await submittedIn2090(naju, NAJU);
      await endorsement.returnApplication(t.database.db, id, '조례 제정 일정을 적어 주세요.', jeonnam.actor, at('05-02T10:00:00'));
      const returned = await applications.viewApplication(t.database.db, id, naju.actor, at('05-02T10:00:00'));
      expect(returned.actions).toMatchObject({ edit: true, submit: true });
      const saved = await applications.saveDraft(t.database.db, id, { version: returned.version, content: completeContent('나주시') }, naju.actor, at('05-10T10:00:00'));
      await applications.submit(t.database.db, id, saved.version, naju.actor, at('05-21T17:59:00'), 'ko');
      expect((await applications.viewApplication(t.database.db, id, naju.actor, at('05-21T17:59:00'))).status).toBe('submitted');

      await expect(endorsement.endorse(t.database.db, id, '', jeonnam.actor, at('05-21T18:00:00')))
        .rejects.toMatchObject({ statusCode: 409, words: { ko: expect.stringContaining('시·도 추천 마감(2090년 5월 21일 18:00 (한국 시간))이 지나') } });
      await expect(endorsement.returnApplication(t.database.db, id, '늦은 요청', jeonnam.actor, at('05-22T09:00:00'))).rejects.toMatchObject({ statusCode: 409 });
      await endorsement.endorse(t.database.db, id, '', jeonnam.actor, at('05-21T17:59:30'));
      await expect(endorsement.rank(t.database.db, '36', lateCall, [id], jeonnam.actor, at('05-21T18:00:01'))).rejects.toMatchObject({ statusCode: 409 });
      await endorsement.rank(t.database.db, '36', lateCall, [id], jeonnam.actor, at('05-21T17:59:59'));
    });

    it('refuses a returned application resubmitted after the endorsement deadline', async () => {
      const id = await submittedIn2090(gwangyang, GWANGYANG);
      await endorsement.returnApplication(t.database.db, id, '계획을 보완해 주세요.', jeonnam.actor, at('05-20T10:00:00'));
      const returned = await applications.viewApplication(t.database.db, id, gwangyang.actor, at('05-21T18:00:00'));
      expect(returned.actions).toMatchObject({ edit: false, submit: false });
      await expect(applications.submit(t.database.db, id, returned.version, gwangyang.actor, at('05-21T18:00:00'), 'ko'))
        .rejects.toMatchObject({ statusCode: 409, field: 'deadline' });
    });
  });
});
