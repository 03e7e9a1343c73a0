/**
 * A city's application: started from the city's record, autosaved over versions (a stale save is a 409 with the
 * current version), attachments known by their bytes and streamed back, a completeness check that names every
 * missing field, submission refused after the deadline in Korean time, withdrawal. Who may see and do what:
 * a city never sees another city's application, a province only its own once submitted, residents nothing.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationView, OpenCall } from '../../src/shared/contracts/designation-applications.ts';
import { MAX_DOCUMENT_BYTES } from '../../src/shared/vocabulary/index.ts';
import { firstRow, rows } from '../../src/server/platform/database/database.ts';
import * as applications from '../../src/server/modules/designation/applications.service.ts';
import { testEngine } from '../support/database.ts';
import { testApp, type Client, type TestApp } from '../support/app.ts';
import { yearInKorea } from '../support/clock.ts';
import { completeContent, insertCall, openCallNow, person, put, upload, type Person } from '../support/applications.ts';
import {
  sampleDocx, sampleHwp, sampleHwpx, sampleJpeg, samplePdf, samplePng, sampleXlsx, zip,
} from '../support/documents.ts';

const year = yearInKorea();
const SEONGNAM = '31020';
const ANYANG = '31040';
const YEOSU = '36020';

describe(`a city's application on ${testEngine()}`, () => {
  let t: TestApp;
  let callId: number;
  let seongnam: Person;
  let seongnamColleague: Person;
  let anyang: Person;
  let gyeonggi: Person;
  let jeonnam: Person;
  let reviewer: Person;
  let yeosu: Person;
  let ministry: Client;
  let resident: Client;
  let gwangmyeong: Client;
  let applicationId: number;

  const logSteps = (id: number) =>
    rows<{ step: string }>(t.database.db, sql`SELECT step FROM designation_log WHERE application_id = ${id} ORDER BY id`).then((r) => r.map((x) => x.step));
  const notified = (personId: number, kind: string) =>
    firstRow<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM notifications WHERE person_id = ${personId} AND kind = ${kind}`).then((r) => r!.n);
  const view = async (client: Client, id = applicationId) => (await client.get(`/api/designation/applications/${id}`)).json<ApplicationView>();

  beforeAll(async () => {
    t = await testApp();
    const applied = await rows<{ code: string }>(t.database.db, sql`
      SELECT DISTINCT city_code AS code FROM designation_transitions WHERE city_code IN (${SEONGNAM}, ${ANYANG}, ${YEOSU})`);
    expect(applied, 'the test cities have never applied').toEqual([]);
    callId = await openCallNow(t.database.db, year);
    seongnam = await person(t, 'officer.seongnam@example.com', '성남 담당자', 'city_officer', { cityCode: SEONGNAM });
    seongnamColleague = await person(t, 'officer2.seongnam@example.com', '성남 두번째 담당자', 'city_officer', { cityCode: SEONGNAM });
    anyang = await person(t, 'officer.anyang@example.com', '안양 담당자', 'city_officer', { cityCode: ANYANG });
    gyeonggi = await person(t, 'province.gyeonggi@example.com', '경기도 담당자', 'province_officer', { provinceCode: '31' });
    jeonnam = await person(t, 'province.jeonnam@example.com', '전남 담당자', 'province_officer', { provinceCode: '36' });
    reviewer = await person(t, 'reviewer@example.com', '심사위원', 'reviewer');
    yeosu = await person(t, 'officer.yeosu@example.com', '여수 담당자', 'city_officer', { cityCode: YEOSU });
    [ministry, resident, gwangmyeong] = await Promise.all([t.as('ministry@example.com'), t.as('resident@example.com'), t.as('officer@example.com')]);
  });
  afterAll(async () => t?.close());

  describe('starting', () => {
    it("starts from the city's record where it has the figures", async () => {
      // The city records this year's figures, a committee and an ordinance, as any city officer does.
      const record = {
        budgetNationalKrw: 40_000_000, budgetProvincialKrw: 25_000_000, budgetOwnKrw: 180_000_000, cityTotalBudgetKrw: 3_000_000_000_000,
        dedicatedStaff: 7, certifiedEducators: 4, hasDepartment: true, departmentName: '교육문화과', learningCentres: 1, dongLearningCentres: 9,
        informationSystems: [], portalUrl: null, commercialisedPrograms: null, notes: '', version: 0,
      };
      expect((await put(seongnam.client, `/api/cities/${SEONGNAM}/record/years/${year}`, record)).statusCode).toBe(200);
      expect((await seongnam.client.post(`/api/cities/${SEONGNAM}/record/committees`, {
        kind: 'council', name: '성남시 평생교육협의회', establishedOn: '2019-05-01', description: '', active: true,
      })).statusCode).toBe(201);
      expect((await seongnam.client.post(`/api/cities/${SEONGNAM}/record/ordinances`, {
        kind: 'lifelong_education', title: '성남시 평생교육 진흥 조례', enactedOn: '2012-03-02', lastAmendedOn: null, repealedOn: null, url: null,
      })).statusCode).toBe(201);

      const open = (await seongnam.client.get(`/api/cities/${SEONGNAM}/designation/open-call`)).json<OpenCall>();
      expect(open).toMatchObject({ call: { id: callId, year, phase: 'open' }, eligible: true, applicationId: null });

      const started = await seongnam.client.post(`/api/cities/${SEONGNAM}/designation/applications`, { callId });
      expect(started.statusCode).toBe(201);
      const application = started.json<ApplicationView>();
      applicationId = application.id;
      expect(application).toMatchObject({ status: 'draft', version: 1, cityCode: SEONGNAM, provinceCode: '31', planYears: [year, year + 1, year + 2] });
      expect(application.content.staff).toEqual({ dedicatedStaff: 7, certifiedEducators: 4 });
      expect(application.content.organisation).toMatchObject({
        departmentName: '교육문화과', learningCentres: 1, dongLearningCentres: 9,
        committees: [{ kind: 'council', name: '성남시 평생교육협의회', establishedOn: '2019-05-01' }],
      });
      expect(application.content.budget[0]).toEqual({ national: 40_000_000, provincial: 25_000_000, own: 180_000_000 });
      expect(application.content.budget[1]).toEqual({ national: null, provincial: null, own: null });
      expect(application.content.ordinances).toEqual([{ kind: 'lifelong_education', title: '성남시 평생교육 진흥 조례', enactedOn: '2012-03-02' }]);
      expect(application.actions).toEqual({ edit: true, submit: true, withdraw: true, endorse: false });
      expect(await logSteps(applicationId)).toEqual(['application_started']);
      expect((await seongnam.client.get(`/api/cities/${SEONGNAM}/designation/open-call`)).json<OpenCall>().applicationId).toBe(applicationId);
    });

    it('gives the same application to a second start, and refuses a city that may not apply', async () => {
      const again = await seongnamColleague.client.post(`/api/cities/${SEONGNAM}/designation/applications`, { callId });
      expect(again.statusCode).toBe(201);
      expect(again.json<ApplicationView>().id).toBe(applicationId);

      const designated = await gwangmyeong.post('/api/cities/31060/designation/applications', { callId });
      expect(designated.statusCode).toBe(409);
      expect(designated.json()).toMatchObject({ error: 'not_eligible', reason: 'designated' });
      expect(designated.json().message).toContain('이미 평생학습도시로 지정');
    });

    it('lets only the city’s own officers start it', async () => {
      expect((await t.anonymous.post(`/api/cities/${SEONGNAM}/designation/applications`, { callId })).statusCode).toBe(401);
      for (const client of [anyang.client, gyeonggi.client, ministry, resident, reviewer.client]) {
        expect((await client.post(`/api/cities/${SEONGNAM}/designation/applications`, { callId })).statusCode).toBe(403);
      }
    });
  });

  describe('autosave and versions', () => {
    it('saves over the version edited, refuses a stale one with the current version, and keeps every version', async () => {
      const content = { ...completeContent('성남시'), partners: [] };
      const saved = await put(seongnam.client, `/api/designation/applications/${applicationId}/content`, { version: 1, content });
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toMatchObject({ version: 2, updatedByName: '성남 담당자' });

      // The colleague still has version 1 open.
      const stale = await put(seongnamColleague.client, `/api/designation/applications/${applicationId}/content`, { version: 1, content: completeContent('성남') });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ error: 'stale', field: 'version', currentVersion: 2, updatedByName: '성남 담당자' });
      expect(stale.json().message).toContain('성남 담당자');

      const page = await seongnam.client.get(`/api/designation/applications/${applicationId}/versions?pageSize=1`);
      expect(page.json()).toMatchObject({ total: 2, page: 1, pageSize: 1, items: [{ version: 2, savedByName: '성남 담당자' }] });
      const first = (await seongnam.client.get(`/api/designation/applications/${applicationId}/versions/1`)).json();
      expect(first.content.staff).toEqual({ dedicatedStaff: 7, certifiedEducators: 4 });
      expect((await seongnam.client.get(`/api/designation/applications/${applicationId}/versions/9`)).statusCode).toBe(404);
      expect((await view(seongnam.client)).content.vision.title).toBe('배움으로 행복한 성남시');
    });

    it('lets one of several saves over the same version win, the others getting a 409', async () => {
      const { version: before } = await view(seongnam.client);
      const saves = await Promise.all(Array.from({ length: 8 }, (_, i) =>
        put(i % 2 ? seongnam.client : seongnamColleague.client, `/api/designation/applications/${applicationId}/content`, {
          version: before, content: { ...completeContent('성남시'), partners: [], vision: { title: `비전 ${i}`, statement: '' } },
        })));
      expect(saves.map((s) => s.statusCode).sort()).toEqual([200, ...Array(7).fill(409)]);
      const versions = (await seongnam.client.get(`/api/designation/applications/${applicationId}/versions`)).json();
      expect(versions.total).toBe(before + 1);
      const winner = saves.findIndex((s) => s.statusCode === 200);
      expect((await view(seongnam.client)).content.vision.title).toBe(`비전 ${winner}`);
    });

    it('validates the sections at the edge, naming the field', async () => {
      const content = completeContent('성남시');
      const bad = await put(seongnam.client, `/api/designation/applications/${applicationId}/content`, {
        version: 2, content: { ...content, staff: { dedicatedStaff: -1, certifiedEducators: 0 } },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().field).toBe('content.staff.dedicatedStaff');
      const unknown = await put(seongnam.client, `/api/designation/applications/${applicationId}/content`, { version: 2, content: { ...content, extra: 1 } });
      expect(unknown.statusCode).toBe(400);
    });
  });

  describe('who sees a draft', () => {
    it('is its city’s alone: everyone else gets a 404 as for an id that does not exist', async () => {
      expect((await t.anonymous.get(`/api/designation/applications/${applicationId}`)).statusCode).toBe(401);
      for (const client of [anyang.client, gyeonggi.client, jeonnam.client, ministry, resident, reviewer.client, gwangmyeong]) {
        expect((await client.get(`/api/designation/applications/${applicationId}`)).statusCode).toBe(404);
        expect((await client.get(`/api/designation/applications/${applicationId}/versions`)).statusCode).toBe(404);
        expect((await put(client, `/api/designation/applications/${applicationId}/content`, { version: 2, content: completeContent('x') })).statusCode).toBe(404);
        expect((await upload(client, applicationId, 'other', 'a.pdf', samplePdf())).statusCode).toBe(404);
      }
      expect((await seongnam.client.get('/api/designation/applications/999999')).statusCode).toBe(404);
      // The ministry reads the city's console: the call, but not the draft's id.
      expect((await ministry.get(`/api/cities/${SEONGNAM}/designation/open-call`)).json()).toMatchObject({ call: { id: callId }, applicationId: null });
      // The province's list and the city's list as others see it show no drafts.
      expect((await gyeonggi.client.get(`/api/designation/provinces/31/applications?callId=${callId}`)).json().total).toBe(0);
      expect((await ministry.get(`/api/cities/${SEONGNAM}/designation/applications`)).json().total).toBe(0);
      expect((await seongnam.client.get(`/api/cities/${SEONGNAM}/designation/applications`)).json().total).toBe(1);
      expect((await anyang.client.get(`/api/cities/${SEONGNAM}/designation/applications`)).statusCode).toBe(403);
    });
  });

  describe('attachments', () => {
    it('keeps each accepted type, known by its bytes, and streams it back with its name and checksum', async () => {
      const files: [string, string, Buffer, string][] = [
        ['program_plan', '사업계획서.pdf', samplePdf(), 'pdf'],
        ['ordinance', '평생교육 진흥 조례.hwp', sampleHwp(), 'hwp'],
        ['ordinance', '조례 개정안.hwpx', sampleHwpx(), 'hwpx'],
        ['budget_plan', '예산 계획.xlsx', await sampleXlsx(), 'xlsx'],
        ['partnership', '협약서.docx', sampleDocx(), 'docx'],
        ['organisation_chart', '조직도.png', samplePng(), 'png'],
        ['other', '현판 사진.JPG', sampleJpeg(), 'jpeg'],
      ];
      for (const [purpose, name, bytes, type] of files) {
        const response = await upload(seongnam.client, applicationId, purpose, name, bytes);
        expect(response.statusCode, name).toBe(201);
        const attachment = response.json();
        expect(attachment).toMatchObject({ purpose, fileName: name, documentType: type, byteSize: bytes.length, addedByName: '성남 담당자' });
        expect(attachment.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      }
      const listed = (await view(seongnam.client)).attachments;
      expect(listed.map((a) => a.documentType)).toEqual(files.map((f) => f[3]));

      const pdf = listed[0]!;
      const download = await seongnam.client.get(`/api/designation/applications/${applicationId}/attachments/${pdf.id}`);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(files[0]![2])).toBe(true);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['content-disposition']).toBe(`attachment; filename="_____.pdf"; filename*=UTF-8''${encodeURIComponent('사업계획서.pdf')}`);
      expect(download.headers.etag).toBe(`"${pdf.sha256}"`);
      expect(await logSteps(applicationId)).toContain('attachment_added');
    });

    it('takes a file of exactly 20 MB and streams it back in chunks, byte for byte', async () => {
      // Twenty chunks of 1 MB; random bytes, as compressed documents are.
      const head = samplePdf();
      const large = Buffer.concat([head, randomBytes(MAX_DOCUMENT_BYTES - head.length)]);
      const added = (await upload(seongnam.client, applicationId, 'other', '큰 문서.pdf', large)).json();
      const download = await seongnam.client.get(`/api/designation/applications/${applicationId}/attachments/${added.id}`);
      expect(download.headers['content-length']).toBe(String(large.length));
      expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(added.sha256);
      expect((await seongnam.client.request({ method: 'DELETE', url: `/api/designation/applications/${applicationId}/attachments/${added.id}` })).statusCode).toBe(204);
    });

    it('refuses a file of the wrong type or size with a 4xx naming the file and the form field', async () => {
      const zipped = await upload(seongnam.client, applicationId, 'program_plan', '계획서.pdf', zip([{ name: 'a.txt', data: '안녕' }]));
      expect(zipped.statusCode).toBe(415);
      expect(zipped.json()).toMatchObject({ error: 'unsupported_file', field: 'attachments.program_plan' });
      expect(zipped.json().message).toContain('‘계획서.pdf’');

      const text = await upload(seongnam.client, applicationId, 'ordinance', '조례.hwp', Buffer.from('HWP Document File 라고 적힌 글'));
      expect(text.statusCode).toBe(415);
      expect(text.json().message).toMatch(/‘조례\.hwp’ 파일은 이름으로는 한글 \(HWP\) 파일이지만 내용이/);

      const renamed = await upload(seongnam.client, applicationId, 'partnership', '협약서.pdf', sampleDocx());
      expect(renamed.statusCode).toBe(415);
      expect(renamed.json().message).toContain('워드 (DOCX)');

      const english = await seongnam.client.request({
        method: 'POST', url: `/api/designation/applications/${applicationId}/attachments?purpose=other&name=${encodeURIComponent('notes.txt')}`,
        headers: { 'content-type': 'text/plain', 'accept-language': 'en' }, payload: 'plain text',
      });
      expect(english.statusCode).toBe(415);
      expect(english.json().message).toBe('‘notes.txt’ is not a file type we accept. Accepted: PDF, Hangul (HWP, HWPX), Excel (XLSX), Word (DOCX), PNG or JPEG images.');

      const tooLarge = await upload(seongnam.client, applicationId, 'other', '발표 자료.pdf', Buffer.concat([samplePdf(), Buffer.alloc(MAX_DOCUMENT_BYTES)]));
      expect(tooLarge.statusCode).toBe(413);
      expect(tooLarge.json()).toMatchObject({ error: 'file_too_large', field: 'attachments.other' });
      expect(tooLarge.json().message).toContain('‘발표 자료.pdf’');

      const empty = await upload(seongnam.client, applicationId, 'other', '빈 파일.pdf', Buffer.alloc(0));
      expect(empty.statusCode).toBe(400);
      expect(empty.json().message).toContain('‘빈 파일.pdf’');

      const noPurpose = await seongnam.client.request({ method: 'POST', url: `/api/designation/applications/${applicationId}/attachments?name=a.pdf`, payload: samplePdf() });
      expect(noPurpose.statusCode).toBe(400);
      expect(noPurpose.json().field).toBe('purpose');
    });

    it('gives a name without its extension the extension its bytes call for', async () => {
      const added = (await upload(seongnam.client, applicationId, 'other', '스캔본', samplePdf())).json();
      expect(added.fileName).toBe('스캔본.pdf');
      expect((await seongnam.client.request({ method: 'DELETE', url: `/api/designation/applications/${applicationId}/attachments/${added.id}` })).statusCode).toBe(204);
      expect((await seongnam.client.get(`/api/designation/applications/${applicationId}/attachments/${added.id}`)).statusCode).toBe(404);
      expect(await logSteps(applicationId)).toContain('attachment_removed');
      const stored = await firstRow<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM stored_files WHERE file_name = '스캔본.pdf'`);
      expect(stored!.n).toBe(0);
    });
  });

  describe('submitting', () => {
    it('names every missing field at once, as the form labels them, and the first as the field', async () => {
      const current = await view(seongnam.client);
      const content = structuredClone(current.content);
      content.vision = { title: '', statement: ' ' };
      content.organisation.centreName = '';
      content.staff = { dedicatedStaff: 3, certifiedEducators: 5 };
      content.budget[2] = { national: null, provincial: null, own: null };
      content.programPlan[0]!.programs[1] = null;
      content.partners = [];
      const saved = (await put(seongnam.client, `/api/designation/applications/${applicationId}/content`, { version: current.version, content })).json();
      const program = (await view(seongnam.client)).attachments.find((a) => a.purpose === 'program_plan')!;
      await seongnam.client.request({ method: 'DELETE', url: `/api/designation/applications/${applicationId}/attachments/${program.id}` });

      const refused = await seongnam.client.post(`/api/designation/applications/${applicationId}/submit`, { version: saved.version });
      expect(refused.statusCode).toBe(400);
      const body = refused.json();
      expect(body.error).toBe('incomplete');
      expect(body.field).toBe('vision.title');
      expect(body.fields).toEqual([
        { field: 'vision.title', label: '비전' },
        { field: 'vision.statement', label: '추진 목표와 전략' },
        { field: 'organisation.centreName', label: '평생학습관 이름' },
        { field: 'staff.certifiedEducators', label: '그중 평생교육사(명): 전담 인력보다 많을 수 없음' },
        { field: 'budget.2', label: `${year + 2}년 예산` },
        { field: 'programPlan.0.programs.1', label: `문화예술교육: ${year + 1}년 프로그램 수` },
        { field: 'partners', label: '네트워크 협력 기관' },
        { field: 'attachments.program_plan', label: '첨부 파일: 사업 계획서' },
      ]);
      expect(body.message).toContain('8개');

      const english = await seongnam.client.request({
        method: 'POST', url: `/api/designation/applications/${applicationId}/submit`, payload: { version: saved.version }, headers: { 'accept-language': 'en' },
      });
      expect(english.json().fields[0]).toEqual({ field: 'vision.title', label: 'Vision' });
      expect(english.json().message).toMatch(/^8 items need filling in before submitting: Vision, Goals and strategy/);
      expect((await view(seongnam.client)).status).toBe('draft');
    });

    it('submits the version the officer saw, once complete, and tells the province', async () => {
      const current = await view(seongnam.client);
      const saved = (await put(seongnam.client, `/api/designation/applications/${applicationId}/content`, {
        version: current.version, content: completeContent('성남시'),
      })).json();
      await upload(seongnam.client, applicationId, 'program_plan', '사업계획서.pdf', samplePdf());

      const stale = await seongnam.client.post(`/api/designation/applications/${applicationId}/submit`, { version: saved.version - 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ error: 'stale', currentVersion: saved.version });

      const submitted = await seongnam.client.post(`/api/designation/applications/${applicationId}/submit`, { version: saved.version });
      expect(submitted.statusCode).toBe(200);
      expect(submitted.json()).toMatchObject({ status: 'submitted', submittedByName: '성남 담당자', actions: { edit: false, submit: false, withdraw: true } });
      expect(await notified(gyeonggi.personId, 'designation.application_submitted')).toBe(1);
      expect(await notified(jeonnam.personId, 'designation.application_submitted')).toBe(0);
      expect((await logSteps(applicationId)).at(-1)).toBe('application_submitted');

      // Submitted: no more changes until the province returns it.
      const change = await put(seongnam.client, `/api/designation/applications/${applicationId}/content`, { version: saved.version, content: completeContent('x') });
      expect(change.statusCode).toBe(409);
      expect((await upload(seongnam.client, applicationId, 'other', 'a.pdf', samplePdf())).statusCode).toBe(409);
      expect((await seongnam.client.post(`/api/designation/applications/${applicationId}/submit`, { version: saved.version })).statusCode).toBe(409);
    });

    it('is seen once submitted by its province and the ministry, never by another city, another province or residents', async () => {
      expect((await gyeonggi.client.get(`/api/designation/applications/${applicationId}`)).json()).toMatchObject({ status: 'submitted', actions: { edit: false, endorse: true } });
      expect((await ministry.get(`/api/designation/applications/${applicationId}`)).json()).toMatchObject({ actions: { edit: false, endorse: false } });
      const pdf = (await view(gyeonggi.client)).attachments[0]!;
      expect((await gyeonggi.client.get(`/api/designation/applications/${applicationId}/attachments/${pdf.id}`)).statusCode).toBe(200);
      for (const client of [anyang.client, jeonnam.client, resident, reviewer.client, gwangmyeong]) {
        expect((await client.get(`/api/designation/applications/${applicationId}`)).statusCode).toBe(404);
        expect((await client.get(`/api/designation/applications/${applicationId}/attachments/${pdf.id}`)).statusCode).toBe(404);
      }
      // Seeing is not editing: the province may not change the city's words.
      expect((await put(gyeonggi.client, `/api/designation/applications/${applicationId}/content`, { version: 1, content: completeContent('x') })).statusCode).toBe(403);
      expect((await upload(ministry, applicationId, 'other', 'a.pdf', samplePdf())).statusCode).toBe(403);
      expect((await ministry.post(`/api/designation/applications/${applicationId}/withdraw`, { reason: '' })).statusCode).toBe(403);
      // Once the ministry assigns a reviewer, the reviewer sees it.
      await t.database.db.execute(sql`
        INSERT INTO reviewer_assignments (call_id, application_id, city_code, reviewer_id) VALUES (${callId}, ${applicationId}, ${SEONGNAM}, ${reviewer.personId})`);
      expect((await reviewer.client.get(`/api/designation/applications/${applicationId}`)).statusCode).toBe(200);
      await t.database.db.execute(sql`DELETE FROM reviewer_assignments WHERE application_id = ${applicationId}`);
    });
  });

  describe('withdrawing', () => {
    it('withdraws a draft without telling the province, and a submitted one telling it', async () => {
      const draft = (await anyang.client.post(`/api/cities/${ANYANG}/designation/applications`, { callId })).json<ApplicationView>();
      const withdrawn = await anyang.client.post(`/api/designation/applications/${draft.id}/withdraw`, { reason: '내년에 다시 신청합니다.' });
      expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', actions: { edit: false, withdraw: false } });
      expect(await notified(gyeonggi.personId, 'designation.application_withdrawn')).toBe(0);
      expect((await anyang.client.post(`/api/designation/applications/${draft.id}/withdraw`, { reason: '' })).statusCode).toBe(409);
      expect(await logSteps(draft.id)).toEqual(['application_started', 'application_withdrawn']);

      const submitted = await seongnam.client.post(`/api/designation/applications/${applicationId}/withdraw`, { reason: '시장 공약 변경' });
      expect(submitted.json().status).toBe('withdrawn');
      expect(await notified(gyeonggi.personId, 'designation.application_withdrawn')).toBe(1);
    });
  });

  describe('deadlines, at chosen moments', () => {
    // A call of 2090: opens 2 March 09:00, submissions until 30 April 18:00, endorsements until 21 May 18:00 (Korean time).
    const at = (kst: string) => new Date(`2090-${kst}+09:00`);
    let lateCall: number;

    beforeAll(async () => {
      lateCall = await insertCall(t.database.db, { year: 2090, opensAt: at('03-02T09:00:00'), submissionDeadline: at('04-30T18:00:00'), endorsementDeadline: at('05-21T18:00:00') });
    });

    it('refuses to submit before the call opens and after its deadline, saying when in Korean time', async () => {
      const id = await applications.startApplication(t.database.db, YEOSU, lateCall, yeosu.actor, at('02-20T10:00:00'));
      const content = completeContent('여수시');
      const saved = await applications.saveDraft(t.database.db, id, { version: 1, content }, yeosu.actor, at('03-01T10:00:00'));
      await applications.addAttachment(t.database.db, id, { purpose: 'program_plan', fileName: '계획.pdf', bytes: samplePdf() }, yeosu.actor, at('03-01T10:00:00'));

      await expect(applications.submit(t.database.db, id, saved.version, yeosu.actor, at('03-02T08:59:59'), 'ko'))
        .rejects.toMatchObject({ statusCode: 409, words: { ko: '신청 접수는 2090년 3월 2일 09:00 (한국 시간)부터입니다.' } });
      const late = applications.submit(t.database.db, id, saved.version, yeosu.actor, at('04-30T18:00:00'), 'ko');
      await expect(late).rejects.toMatchObject({ statusCode: 409, field: 'deadline' });
      await expect(late).rejects.toThrow('30 April 2090, 18:00 Korean time');
      await expect(applications.submit(t.database.db, id, saved.version, yeosu.actor, at('04-30T18:00:00'), 'ko'))
        .rejects.toMatchObject({ words: { ko: expect.stringContaining('신청 마감(2090년 4월 30일 18:00 (한국 시간))이 지났습니다') } });
      // Nor may it still be changed, nor files added.
      await expect(applications.saveDraft(t.database.db, id, { version: saved.version, content }, yeosu.actor, at('05-01T09:00:00'))).rejects.toMatchObject({ statusCode: 409 });
      await expect(applications.addAttachment(t.database.db, id, { purpose: 'other', fileName: 'b.pdf', bytes: samplePdf() }, yeosu.actor, at('05-01T09:00:00')))
        .rejects.toMatchObject({ statusCode: 409 });

      await applications.submit(t.database.db, id, saved.version, yeosu.actor, at('04-30T17:59:59'), 'ko');
      const submitted = await applications.viewApplication(t.database.db, id, yeosu.actor, at('04-30T18:00:00'));
      expect(submitted).toMatchObject({ status: 'submitted', submittedAt: '2090-04-30T08:59:59.000Z' });
    });

    it('starts no application once the submission deadline has passed', async () => {
      await expect(applications.startApplication(t.database.db, '36040', lateCall, yeosu.actor, at('04-30T18:00:01'))).rejects.toMatchObject({ statusCode: 409 });
    });
  });
});
