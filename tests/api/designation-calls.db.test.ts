/**
 * The yearly call: the ministry prepares it (the rubric copied from the last call, or the default for the
 * first), publishes it (eligible cities' officers and the provinces are told), then may only correct stages of
 * its timeline still ahead. Who may do and see what, bad input named by its field, two ministry officers saving
 * one call at once, every step logged in the same transaction; appointing reviewers and consultants.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallDetail } from '../../src/shared/contracts/designation-calls.ts';
import type { RoleCode } from '../../src/shared/vocabulary/index.ts';
import { DEMO_PASSWORD } from '../../db/seed/accounts.ts';
import { firstRow, rows } from '../../src/server/platform/database/database.ts';
import { hashPassword, identity, insertPerson } from '../../src/server/modules/identity/index.ts';
import * as calls from '../../src/server/modules/designation/calls.service.ts';
import { testEngine } from '../support/database.ts';
import { testApp, type Client, type TestApp } from '../support/app.ts';
import { yearInKorea } from '../support/clock.ts';

const thisYear = yearInKorea();
/** Calls whose every date is still ahead, whatever day the tests run. */
const nextYear = thisYear + 1;
const laterYear = thisYear + 2;

function terms(year: number, overrides: Record<string, unknown> = {}) {
  return {
    year, titleKo: `${year}년 평생학습도시 지정 공모`, titleEn: `The ${year} learning city designation call`,
    noticeKo: '평생학습도시 신규 지정 신청을 받습니다.', noticeEn: 'Applications for new designations are open.',
    opensAt: `${year}-03-02T09:00:00+09:00`, submissionDeadline: `${year}-04-30T18:00:00+09:00`, endorsementDeadline: `${year}-05-21T18:00:00+09:00`,
    reviewStartsOn: `${year}-06-01`, reviewEndsOn: `${year}-06-30`, announcementOn: `${year}-07-15`,
    revokedWaitYears: 2, quota: 10, grantKrw: 80_000_000, aggregation: 'trimmed_mean', ...overrides,
  };
}

describe(`the yearly designation call on ${testEngine()}`, () => {
  let t: TestApp;
  let ministry: Client;
  let secondMinistry: Client;
  let admin: Client;
  let resident: Client;
  let gwangmyeong: Client;
  let province: Client;
  let reviewer: Client;
  /** A city that never applied, and its officer. */
  let newCity: string;
  let newCityOfficerId: number;
  let gwangmyeongOfficerId: number;
  let provinceOfficerId: number;

  async function person(email: string, displayName: string, role: RoleCode | null, scope: { cityCode?: string; provinceCode?: string } = {}) {
    const personId = await insertPerson(t.database.db, { email, passwordHash: await hashPassword(DEMO_PASSWORD), displayName, homeCityCode: '11010' });
    if (role) await identity.insertRoleGrant(t.database.db, { personId, role, ...scope });
    return personId;
  }

  const logSteps = (callId: number) =>
    rows<{ step: string; actorName: string }>(t.database.db, sql`SELECT step, actor_name AS "actorName" FROM designation_log WHERE call_id = ${callId} ORDER BY id`);
  const notified = (personId: number, kind: string) =>
    firstRow<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM notifications WHERE person_id = ${personId} AND kind = ${kind}`).then((r) => r!.n);
  const put = (client: Client, url: string, payload: unknown) => client.request({ method: 'PUT', url, payload: payload as object });

  beforeAll(async () => {
    t = await testApp();
    newCity = (await firstRow<{ code: string }>(t.database.db, sql`
      SELECT code FROM municipalities WHERE code NOT IN (SELECT city_code FROM designation_transitions) AND left(code, 2) = '31' ORDER BY code LIMIT 1`))!.code;
    newCityOfficerId = await person('officer.new@example.com', '새도시 담당자', 'city_officer', { cityCode: newCity });
    provinceOfficerId = await person('province@example.com', '경기도 담당자', 'province_officer', { provinceCode: '31' });
    await person('ministry.two@example.com', '두번째 교육부 담당자', 'ministry_officer');
    await person('reviewer.before@example.com', '심사위원', 'reviewer');
    gwangmyeongOfficerId = (await firstRow<{ id: number }>(t.database.db, sql`SELECT id FROM people WHERE email = 'officer@example.com'`))!.id;
    [ministry, secondMinistry, admin, resident, gwangmyeong, province, reviewer] = await Promise.all([
      t.as('ministry@example.com'), t.as('ministry.two@example.com'), t.as('admin@example.com'), t.as('resident@example.com'),
      t.as('officer@example.com'), t.as('province@example.com'), t.as('reviewer.before@example.com'),
    ]);
  });
  afterAll(async () => t?.close());

  describe('preparing a call', () => {
    it('lets only the ministry and administrators prepare a call; others are refused before their request is read', async () => {
      expect((await t.anonymous.post('/api/designation/calls', terms(nextYear))).statusCode).toBe(401);
      for (const client of [resident, gwangmyeong, province, reviewer]) {
        expect((await client.post('/api/designation/calls', terms(nextYear))).statusCode).toBe(403);
        // Even a request that would not be valid: nothing about it is described to them.
        expect((await client.post('/api/designation/calls', { year: 'soon' })).statusCode).toBe(403);
      }
      const total = await firstRow<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM designation_calls`);
      expect(total!.n).toBe(0);
    });

    it('starts the first call from the default rubric, and logs its creation', async () => {
      const response = await ministry.post('/api/designation/calls', terms(nextYear));
      expect(response.statusCode).toBe(201);
      const call = response.json<CallDetail>();
      expect(call).toMatchObject({ year: nextYear, status: 'draft', phase: 'upcoming', version: 1, rubricCopiedFrom: null, quota: 10, grantKrw: 80_000_000 });
      expect(call.opensAt).toBe(`${nextYear}-03-02T00:00:00Z`);
      expect(call.rubric.map((area) => area.points)).toEqual([30, 20, 35, 15]);
      expect(call.rubric[0]!.items[0]).toMatchObject({ titleKo: '평생교육 조례와 단체장의 추진 의지', points: 8 });
      expect(await logSteps(call.id)).toEqual([{ step: 'call_created', actorName: '최은정' }]);
    });

    it('refuses a second call for the same year, naming the year', async () => {
      const response = await admin.post('/api/designation/calls', terms(nextYear));
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ error: 'conflict', field: 'year' });
    });

    it('names the field of a timeline out of order, and of what the contract refuses', async () => {
      const early = await ministry.post('/api/designation/calls', terms(laterYear, { endorsementDeadline: `${laterYear}-04-30T12:00:00+09:00` }));
      expect(early.statusCode).toBe(400);
      expect(early.json()).toMatchObject({ field: 'endorsementDeadline', message: '시·도 추천 마감은 신청 마감보다 뒤여야 합니다.' });
      const english = await ministry.request({
        method: 'POST', url: '/api/designation/calls', headers: { 'accept-language': 'en' },
        payload: terms(laterYear, { announcementOn: `${laterYear + 1}-01-10` }),
      });
      expect(english.json()).toMatchObject({ field: 'announcementOn', message: `The results of the ${laterYear} call must be announced in ${laterYear}.` });
      expect((await ministry.post('/api/designation/calls', terms(laterYear, { quota: 0 }))).json()).toMatchObject({ field: 'quota' });
      expect((await ministry.post('/api/designation/calls', terms(laterYear, { opensAt: 'next spring' }))).json()).toMatchObject({ field: 'opensAt' });
      expect((await ministry.post('/api/designation/calls', { ...terms(laterYear), secret: true })).json()).toMatchObject({ field: 'secret' });
      expect((await ministry.get(`/api/designation/calls/${laterYear}`)).statusCode).toBe(404);
    });

    it('keeps a draft from everyone but the ministry and administrators: it is not found', async () => {
      for (const client of [t.anonymous, resident, gwangmyeong, province, reviewer]) {
        expect((await client.get(`/api/designation/calls/${nextYear}`)).statusCode).toBe(404);
        expect((await client.get(`/api/designation/calls/${nextYear}/eligibility/${newCity}`)).statusCode).toBe(404);
        expect((await client.get('/api/designation/calls')).json()).toMatchObject({ total: 0, items: [] });
      }
      for (const client of [ministry, admin]) {
        expect((await client.get(`/api/designation/calls/${nextYear}`)).statusCode).toBe(200);
        expect((await client.get('/api/designation/calls')).json()).toMatchObject({ total: 1, items: [{ year: nextYear, status: 'draft' }] });
      }
    });

    it('replaces the rubric only when its points add up to 100, naming the points otherwise', async () => {
      const call = (await ministry.get(`/api/designation/calls/${nextYear}`)).json<CallDetail>();
      const areas = [
        { titleKo: '추진 기반', titleEn: 'Foundation', items: [{ titleKo: '조례와 조직', titleEn: 'Ordinance and organisation', guidanceKo: '', guidanceEn: '', points: 40 }] },
        { titleKo: '사업 계획', titleEn: 'Plan', items: [{ titleKo: '3개년 계획', titleEn: 'Three-year plan', guidanceKo: '연차별로', guidanceEn: 'Year by year', points: 55 }] },
      ];
      const short = await put(ministry, `/api/designation/calls/${nextYear}/rubric`, { version: call.version, areas });
      expect(short.statusCode).toBe(400);
      expect(short.json()).toMatchObject({ field: 'points', message: '배점 합계가 95점입니다. 합계는 100점이어야 합니다.' });
      expect((await put(ministry, `/api/designation/calls/${nextYear}/rubric`, { version: call.version, areas: [] })).statusCode).toBe(400);
      expect((await put(gwangmyeong, `/api/designation/calls/${nextYear}/rubric`, { version: call.version, areas })).statusCode).toBe(403);

      areas[1]!.items[0]!.points = 60;
      const saved = await put(ministry, `/api/designation/calls/${nextYear}/rubric`, { version: call.version, areas });
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toMatchObject({ version: call.version + 1, rubric: [{ areaNo: 1, points: 40 }, { areaNo: 2, points: 60, items: [{ guidanceKo: '연차별로' }] }] });
      expect((await logSteps(call.id)).map((entry) => entry.step)).toEqual(['call_created', 'call_updated']);
    });

    it("starts a later call from the last call's rubric", async () => {
      const response = await ministry.post('/api/designation/calls', terms(laterYear));
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        rubricCopiedFrom: nextYear,
        rubric: [{ titleKo: '추진 기반', points: 40 }, { titleKo: '사업 계획', points: 60 }],
      });
    });

    it('refuses the second of two ministry officers saving the same version at once', async () => {
      const { version } = (await ministry.get(`/api/designation/calls/${laterYear}`)).json<CallDetail>();
      const [first, second] = await Promise.all([
        ministry.patch(`/api/designation/calls/${laterYear}`, { version, quota: 12 }),
        secondMinistry.patch(`/api/designation/calls/${laterYear}`, { version, quota: 15 }),
      ]);
      expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
      const refused = first.statusCode === 409 ? first : second;
      expect(refused.json()).toMatchObject({ error: 'conflict', field: 'version' });
      const saved = (await ministry.get(`/api/designation/calls/${laterYear}`)).json<CallDetail>();
      expect(saved.version).toBe(version + 1);
      expect(saved.quota).toBe(first.statusCode === 200 ? 12 : 15);
      const updates = await firstRow<{ n: number }>(t.database.db, sql`
        SELECT count(*)::int AS n FROM designation_log WHERE call_id = ${saved.id} AND step = 'call_updated'`);
      expect(updates!.n).toBe(1);
    });

    it('logs what changed, before and after, and nothing when nothing changed', async () => {
      const call = (await ministry.get(`/api/designation/calls/${laterYear}`)).json<CallDetail>();
      const same = await ministry.patch(`/api/designation/calls/${laterYear}`, { version: call.version, quota: call.quota, opensAt: `${laterYear}-03-02T00:00:00Z` });
      expect(same.json()).toMatchObject({ version: call.version });
      await ministry.patch(`/api/designation/calls/${laterYear}`, { version: call.version, grantKrw: 60_000_000 });
      const last = await firstRow<{ before: unknown; after: unknown }>(t.database.db, sql`
        SELECT before, after FROM designation_log WHERE call_id = ${call.id} ORDER BY id DESC LIMIT 1`);
      expect(last).toEqual({ before: { grantKrw: 80_000_000 }, after: { grantKrw: 60_000_000 } });
    });
  });

  describe('publishing it', () => {
    it('refuses a publication whose submission deadline has passed, and writes nothing', async () => {
      const call = (await ministry.get(`/api/designation/calls/${nextYear}`)).json<CallDetail>();
      const actor = { personId: gwangmyeongOfficerId, displayName: '시험' };
      await expect(calls.publishCall(t.database.db, actor, nextYear, { version: call.version }, new Date(`${nextYear}-05-01T00:00:00+09:00`)))
        .rejects.toMatchObject({ statusCode: 409, field: 'submissionDeadline' });
      expect((await ministry.get(`/api/designation/calls/${nextYear}`)).json()).toMatchObject({ status: 'draft', version: call.version });
      expect((await logSteps(call.id)).map((entry) => entry.step)).toEqual(['call_created', 'call_updated']);
    });

    it("publishes the call: everyone sees it, and eligible cities' officers and the provinces are told", async () => {
      const call = (await ministry.get(`/api/designation/calls/${nextYear}`)).json<CallDetail>();
      expect((await gwangmyeong.post(`/api/designation/calls/${nextYear}/publish`, { version: call.version })).statusCode).toBe(403);
      expect((await ministry.post(`/api/designation/calls/${nextYear}/publish`, { version: call.version - 1 })).json()).toMatchObject({ field: 'version' });
      const response = await ministry.post(`/api/designation/calls/${nextYear}/publish`, { version: call.version });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ status: 'published', phase: 'upcoming', version: call.version + 1 });
      expect((await logSteps(call.id)).map((entry) => entry.step)).toEqual(['call_created', 'call_updated', 'call_published']);

      expect(await notified(newCityOfficerId, 'designation.call_published')).toBe(1);
      expect(await notified(provinceOfficerId, 'designation.call_published')).toBe(1);
      // Gwangmyeong has been a learning city since 2001: it cannot apply, so it is not told.
      expect(await notified(gwangmyeongOfficerId, 'designation.call_published')).toBe(0);
      const mail = await firstRow<{ n: number }>(t.database.db, sql`
        SELECT count(*)::int AS n FROM mail_outbox WHERE to_address = 'officer.new@example.com' AND subject LIKE ${`%${nextYear}년 평생학습도시 지정 공모%`}`);
      expect(mail!.n).toBe(1);

      for (const client of [t.anonymous, resident, gwangmyeong]) {
        expect((await client.get(`/api/designation/calls/${nextYear}`)).json()).toMatchObject({ status: 'published', rubric: [{ points: 40 }, { points: 60 }] });
        expect((await client.get('/api/designation/calls')).json()).toMatchObject({ total: 1, items: [{ year: nextYear }] });
      }
    });

    it('tells anyone whether a city may apply, and why', async () => {
      expect((await t.anonymous.get(`/api/designation/calls/${nextYear}/eligibility/${newCity}`)).json())
        .toMatchObject({ cityCode: newCity, eligible: true, reason: 'never_applied' });
      expect((await t.anonymous.get(`/api/designation/calls/${nextYear}/eligibility/31060`)).json())
        .toMatchObject({ eligible: false, reason: 'designated', message: { ko: '이미 평생학습도시로 지정되어 있어 신규 지정 공모에 신청할 수 없습니다.' } });
      expect((await t.anonymous.get(`/api/designation/calls/${nextYear}/eligibility/00000`)).statusCode).toBe(404);
    });

    it('then changes only stages of its timeline still ahead, and tells those concerned', async () => {
      const call = (await ministry.get(`/api/designation/calls/${nextYear}`)).json<CallDetail>();
      const quota = await ministry.patch(`/api/designation/calls/${nextYear}`, { version: call.version, quota: 20 });
      expect(quota.statusCode).toBe(409);
      expect(quota.json()).toMatchObject({ field: 'quota' });
      expect((await put(ministry, `/api/designation/calls/${nextYear}/rubric`, { version: call.version, areas: [] })).statusCode).toBe(400);
      expect((await put(ministry, `/api/designation/calls/${nextYear}/rubric`, {
        version: call.version, areas: [{ titleKo: '전부', titleEn: 'All', items: [{ titleKo: '전부', titleEn: 'All', guidanceKo: '', guidanceEn: '', points: 100 }] }],
      })).json()).toMatchObject({ field: 'status' });
      expect((await ministry.post(`/api/designation/calls/${nextYear}/publish`, { version: call.version })).json()).toMatchObject({ field: 'status' });

      const later = await ministry.patch(`/api/designation/calls/${nextYear}`, { version: call.version, submissionDeadline: `${nextYear}-05-25T18:00:00+09:00` });
      expect(later.statusCode).toBe(400);
      expect(later.json()).toMatchObject({ field: 'endorsementDeadline' });
      const moved = await ministry.patch(`/api/designation/calls/${nextYear}`, {
        version: call.version, submissionDeadline: `${nextYear}-05-07T18:00:00+09:00`, endorsementDeadline: `${nextYear}-05-28T18:00:00+09:00`,
      });
      expect(moved.statusCode).toBe(200);
      expect(moved.json()).toMatchObject({ submissionDeadline: `${nextYear}-05-07T09:00:00Z`, version: call.version + 1 });
      expect(await notified(newCityOfficerId, 'designation.call_timeline')).toBe(1);
      expect(await notified(provinceOfficerId, 'designation.call_timeline')).toBe(1);
    });

    it('keeps a stage that has begun as it was, once the call is open', async () => {
      const call = (await ministry.get(`/api/designation/calls/${nextYear}`)).json<CallDetail>();
      const actor = { personId: gwangmyeongOfficerId, displayName: '시험' };
      const open = new Date(`${nextYear}-03-10T10:00:00+09:00`);
      await expect(calls.changeCall(t.database.db, actor, nextYear, { version: call.version, opensAt: `${nextYear}-03-12T09:00:00+09:00` }, open))
        .rejects.toMatchObject({ statusCode: 409, field: 'opensAt' });
      await expect(calls.changeCall(t.database.db, actor, nextYear, { version: call.version, submissionDeadline: `${nextYear}-03-09T18:00:00+09:00` }, open))
        .rejects.toMatchObject({ statusCode: 400, field: 'submissionDeadline' });
      expect(calls.callSummary((await calls.currentCall(t.database.db, nextYear))!, open).phase).toBe('open');
    });
  });

  describe("this year's call in a city's console", () => {
    it('shows no call until one is published, then the call and whether the city may apply', async () => {
      expect((await t.anonymous.get(`/api/designation/cities/${newCity}/call`)).json()).toEqual({ call: null, eligibility: null });
      const actor = { personId: gwangmyeongOfficerId, displayName: '교육부' };
      const newYear = new Date(`${thisYear}-01-05T10:00:00+09:00`);
      const draft = await calls.createCall(t.database.db, actor, terms(thisYear) as never, newYear);
      // The first call of all by year: it starts from the default rubric, not from a later year's.
      expect(draft.rubricCopiedFrom).toBeNull();
      expect((await gwangmyeong.get(`/api/designation/cities/31060/call`)).json()).toEqual({ call: null, eligibility: null });
      await calls.publishCall(t.database.db, actor, thisYear, { version: draft.version }, newYear);
      expect((await gwangmyeong.get(`/api/designation/cities/${newCity}/call`)).json()).toMatchObject({
        call: { year: thisYear, status: 'published' }, eligibility: { eligible: true, reason: 'never_applied' },
      });
      expect((await gwangmyeong.get('/api/designation/cities/31060/call')).json()).toMatchObject({ eligibility: { eligible: false, reason: 'designated' } });
      expect((await t.anonymous.get('/api/designation/cities/00000/call')).statusCode).toBe(404);
    });
  });

  describe('appointing reviewers and consultants', () => {
    it('appoints a registered person by email, grants the role, logs it and tells them', async () => {
      const expertId = await person('expert@example.com', '김심사', null);
      for (const client of [t.anonymous, gwangmyeong, province, reviewer]) {
        expect((await client.post('/api/designation/experts', { email: 'expert@example.com', kind: 'reviewer', affiliation: '', worksInProvinceCode: null })).statusCode)
          .toBe(client === t.anonymous ? 401 : 403);
        expect((await client.get('/api/designation/experts')).statusCode).toBe(client === t.anonymous ? 401 : 403);
      }
      const response = await ministry.post('/api/designation/experts', { email: 'Expert@Example.com', kind: 'reviewer', affiliation: '한국교육개발원', worksInProvinceCode: '11' });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        created: true, expert: { personId: expertId, kind: 'reviewer', displayName: '김심사', affiliation: '한국교육개발원', worksInProvinceCode: '11' },
      });
      const me = (await (await t.as('expert@example.com')).get('/api/auth/me')).json<{ grants: { role: string }[] }>();
      expect(me.grants.map((grant) => grant.role)).toEqual(['reviewer']);
      expect(await notified(expertId, 'designation.expert_appointed')).toBe(1);

      const again = await ministry.post('/api/designation/experts', { email: 'expert@example.com', kind: 'reviewer', affiliation: '부산대학교', worksInProvinceCode: '21' });
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ created: false, expert: { affiliation: '부산대학교', worksInProvinceCode: '21' } });
      expect(await notified(expertId, 'designation.expert_appointed')).toBe(1);
      const logged = await rows<{ before: { affiliation: string } | null; after: { affiliation: string } }>(t.database.db, sql`
        SELECT before, after FROM designation_log WHERE step = 'expert_appointed' ORDER BY id`);
      expect(logged.map((entry) => [entry.before?.affiliation ?? null, entry.after.affiliation])).toEqual([[null, '한국교육개발원'], ['한국교육개발원', '부산대학교']]);

      await ministry.post('/api/designation/experts', { email: 'expert@example.com', kind: 'consultant', affiliation: '부산대학교', worksInProvinceCode: null });
      expect((await ministry.get('/api/designation/experts?kind=consultant')).json()).toMatchObject({ total: 1, items: [{ personId: expertId, kind: 'consultant' }] });
      expect((await ministry.get('/api/designation/experts?q=부산')).json()).toMatchObject({ total: 2 });
    });

    it('names the email nobody registered with, and a province that does not exist', async () => {
      const unknown = await ministry.post('/api/designation/experts', { email: 'nobody@example.com', kind: 'reviewer', affiliation: '', worksInProvinceCode: null });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ field: 'email', message: '이 이메일로 가입한 사람이 없습니다. 먼저 가입해 달라고 요청해 주세요.' });
      const province = await ministry.post('/api/designation/experts', { email: 'expert@example.com', kind: 'reviewer', affiliation: '', worksInProvinceCode: '99' });
      expect(province.statusCode).toBe(400);
      expect(province.json()).toMatchObject({ field: 'worksInProvinceCode' });
    });
  });
});
