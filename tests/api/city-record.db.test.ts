/**
 * A city's officers keep the city's record: yearly figures, committees and their meetings, ordinances,
 * staff training and events; every change is kept; nobody overwrites a newer save; other cities' officers
 * see and change nothing of it. The record comes out as a workbook and goes back in, all rows or none.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../support/database.ts';
import { testApp, type Client, type TestApp } from '../support/app.ts';
import { yearInKorea } from '../support/clock.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CITY = '31060';
const year = yearInKorea() + 1;

const figures = {
  budgetNationalKrw: 60_000_000, budgetProvincialKrw: 200_000_000, budgetOwnKrw: 3_000_000_000, cityTotalBudgetKrw: 900_000_000_000,
  dedicatedStaff: 9, certifiedEducators: 4, hasDepartment: true, departmentName: '평생학습과', learningCentres: 1, dongLearningCentres: 12,
  informationSystems: ['portal', 'registration'], portalUrl: 'https://lll.example.kr', commercialisedPrograms: 1, notes: '',
};

async function waitForJob(client: Client, jobId: string) {
  for (let i = 0; i < 200; i++) {
    const job = (await client.get(`/api/jobs/${jobId}`)).json();
    if (job.status !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('job did not finish');
}

describe(`the city's record on ${testEngine()}`, () => {
  let t: TestApp;
  let officer: Client;
  let otherOfficer: Client;
  let ministry: Client;
  let resident: Client;

  beforeAll(async () => {
    t = await testApp();
    [officer, otherOfficer, ministry, resident] = await Promise.all([
      t.as('officer@example.com'), t.as('officer.suncheon@example.com'), t.as('ministry@example.com'), t.as('resident@example.com'),
    ]);
  });
  afterAll(() => t.close());

  it('keeps a year of figures, and refuses to overwrite a newer save', async () => {
    const created = await officer.request({ method: 'PUT', url: `/api/cities/${CITY}/record/years/${year}`, payload: { ...figures, version: 0 } });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ year, version: 1, budgetOwnKrw: 3_000_000_000, updatedByName: expect.any(String) });

    const again = await officer.request({ method: 'PUT', url: `/api/cities/${CITY}/record/years/${year}`, payload: { ...figures, version: 0 } });
    expect(again.statusCode).toBe(409);

    // Two officers saving over the same version at once: one wins, the other is told, nothing is lost silently.
    const both = await Promise.all([
      officer.request({ method: 'PUT', url: `/api/cities/${CITY}/record/years/${year}`, payload: { ...figures, dedicatedStaff: 10, version: 1 } }),
      officer.request({ method: 'PUT', url: `/api/cities/${CITY}/record/years/${year}`, payload: { ...figures, dedicatedStaff: 11, version: 1 } }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json()).toMatchObject({ field: 'version' });
    const saved = (await officer.get(`/api/cities/${CITY}/record/years/${year}`)).json();
    expect(saved.version).toBe(2);
    expect([10, 11]).toContain(saved.dedicatedStaff);
  });

  it('names the field of figures that do not hold together', async () => {
    const put = (body: object) => officer.request({ method: 'PUT', url: `/api/cities/${CITY}/record/years/${year - 20}`, payload: { ...figures, version: 0, ...body } });
    expect((await put({ cityTotalBudgetKrw: 1_000_000 })).json()).toMatchObject({ field: 'cityTotalBudgetKrw' });
    expect((await put({ certifiedEducators: 20 })).json()).toMatchObject({ field: 'certifiedEducators' });
    expect((await put({ dedicatedStaff: -1 })).json()).toMatchObject({ field: 'dedicatedStaff' });
    expect((await put({ informationSystems: ['fax'] })).json()).toMatchObject({ field: 'informationSystems' });
    expect((await put({ surprise: 1 })).json()).toMatchObject({ field: 'surprise' });
    expect((await officer.get(`/api/cities/${CITY}/record/years/${year - 20}`)).statusCode).toBe(404);
  });

  it('records a committee, its members and a meeting with minutes and decisions', async () => {
    const committee = await officer.post(`/api/cities/${CITY}/record/committees`, {
      kind: 'promotion_committee', name: '광명시 평생교육진흥위원회(시험)', establishedOn: '2020-03-01', description: '', active: true,
    });
    expect(committee.statusCode, committee.body).toBe(201);
    const committeeId = committee.json().id;
    const member = await officer.post(`/api/cities/${CITY}/record/committee-members`, {
      committeeId, name: '김배움', affiliation: '시민대학', sector: 'resident', role: 'member', joinedOn: '2024-01-01', leftOn: null,
    });
    expect(member.statusCode, member.body).toBe(201);
    const meeting = await officer.post(`/api/cities/${CITY}/record/committee-meetings`, {
      committeeId, heldOn: `${year}-03-10`, title: '평생학습축제 계획 심의', attendees: 12, minutes: '축제 일정을 논의함.', decisions: ['원안 의결'],
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const meetings = (await officer.get(`/api/cities/${CITY}/record/committee-meetings?committee=${committeeId}`)).json();
    expect(meetings).toMatchObject({ total: 1, items: [{ title: '평생학습축제 계획 심의', decisions: ['원안 의결'] }] });

    // A meeting cannot belong to another city's committee; a member cannot leave before joining.
    const suncheonCommittee = (await otherOfficer.get('/api/cities/36030/record/committees')).json().items[0].id;
    expect((await officer.post(`/api/cities/${CITY}/record/committee-meetings`, {
      committeeId: suncheonCommittee, heldOn: `${year}-03-10`, title: 'x', attendees: null, minutes: '', decisions: [],
    })).json()).toMatchObject({ field: 'committeeId' });
    expect((await officer.patch(`/api/cities/${CITY}/record/committee-members/${member.json().id}`, { leftOn: '2023-01-01', version: 1 })).json())
      .toMatchObject({ field: 'leftOn' });
  });

  it('keeps the history of every change, with what it was before', async () => {
    const ordinance = (await officer.post(`/api/cities/${CITY}/record/ordinances`, {
      kind: 'centre', title: '광명시 평생학습관 설치 및 운영 조례(시험)', enactedOn: '2003-05-01', lastAmendedOn: null, repealedOn: null, url: null,
    })).json();
    const changed = await officer.patch(`/api/cities/${CITY}/record/ordinances/${ordinance.id}`, { lastAmendedOn: '2024-07-01', version: ordinance.version });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await officer.patch(`/api/cities/${CITY}/record/ordinances/${ordinance.id}`, { lastAmendedOn: '2025-07-01', version: ordinance.version })).statusCode).toBe(409);
    const history = (await officer.get(`/api/cities/${CITY}/record/changes?entity=ordinance`)).json();
    expect(history.items[0]).toMatchObject({
      action: 'update', entityKey: String(ordinance.id), changes: [{ field: 'lastAmendedOn', before: null, after: '2024-07-01' }],
    });
    expect(history.items[1]).toMatchObject({ action: 'create', entityKey: String(ordinance.id) });
    expect((await officer.request({ method: 'DELETE', url: `/api/cities/${CITY}/record/ordinances/${ordinance.id}` })).statusCode).toBe(204);
    expect((await officer.get(`/api/cities/${CITY}/record/changes?entity=ordinance`)).json().items[0]).toMatchObject({ action: 'delete' });
  });

  it('shows the public its learning events, and lets only its officers change them', async () => {
    const event = await officer.post(`/api/cities/${CITY}/events`, {
      kind: 'forum', title: '평생학습 정책 포럼', startsOn: `${year}-05-02`, endsOn: `${year}-05-02`, venueName: '시민회관',
      dongCode: null, attendance: 150, description: '',
    });
    expect(event.statusCode, event.body).toBe(201);
    const listed = (await t.anonymous.get(`/api/cities/${CITY}/events?year=${year}`)).json();
    expect(listed.items.map((e: { title: string }) => e.title)).toContain('평생학습 정책 포럼');
    expect((await otherOfficer.post(`/api/cities/${CITY}/events`, {
      kind: 'forum', title: '남의 도시 행사', startsOn: `${year}-05-02`, endsOn: `${year}-05-02`, venueName: '', dongCode: null, attendance: null, description: '',
    })).statusCode).toBe(403);
    expect((await officer.post(`/api/cities/${CITY}/events`, {
      kind: 'forum', title: '포럼', startsOn: `${year}-05-02`, endsOn: `${year}-05-01`, venueName: '', dongCode: null, attendance: null, description: '',
    })).json()).toMatchObject({ field: 'endsOn' });
    expect((await officer.post(`/api/cities/${CITY}/events`, {
      kind: 'forum', title: '포럼', startsOn: `${year}-05-02`, endsOn: `${year}-05-02`, venueName: '', dongCode: '3603056', attendance: null, description: '',
    })).json()).toMatchObject({ field: 'dongCode' });
  });

  it('keeps every route of the record from other cities’ officers and residents; the ministry may read', async () => {
    const item = { id: 1 };
    const routes: { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; payload?: object; write: boolean }[] = [
      { method: 'GET', url: `/api/cities/${CITY}/record/years`, write: false },
      { method: 'GET', url: `/api/cities/${CITY}/record/years/${year}`, write: false },
      { method: 'PUT', url: `/api/cities/${CITY}/record/years/${year}`, payload: { ...figures, version: 9 }, write: true },
      { method: 'GET', url: `/api/cities/${CITY}/record/changes`, write: false },
      { method: 'GET', url: `/api/cities/${CITY}/record/export.xlsx`, write: false },
      { method: 'POST', url: `/api/cities/${CITY}/record/import`, write: true },
      { method: 'GET', url: `/api/cities/${CITY}/indicators`, write: false },
      { method: 'POST', url: `/api/cities/${CITY}/indicators/recompute`, write: false },
      ...['committees', 'committee-members', 'committee-meetings', 'ordinances', 'staff-trainings'].flatMap((path) => [
        { method: 'GET' as const, url: `/api/cities/${CITY}/record/${path}`, write: false },
        { method: 'POST' as const, url: `/api/cities/${CITY}/record/${path}`, payload: {}, write: true },
        { method: 'PATCH' as const, url: `/api/cities/${CITY}/record/${path}/${item.id}`, payload: { version: 1 }, write: true },
        { method: 'DELETE' as const, url: `/api/cities/${CITY}/record/${path}/${item.id}`, write: true },
      ]),
      { method: 'POST', url: `/api/cities/${CITY}/events`, payload: {}, write: true },
      { method: 'PATCH', url: `/api/cities/${CITY}/events/1`, payload: { version: 1 }, write: true },
      { method: 'DELETE', url: `/api/cities/${CITY}/events/1`, write: true },
    ];
    for (const route of routes) {
      const send = (client: Client) => client.request({ method: route.method, url: route.url, ...(route.payload ? { payload: route.payload } : {}) });
      const label = `${route.method} ${route.url}`;
      // Permission is checked before the body: an empty body must not reveal more than a 403.
      expect((await send(otherOfficer)).statusCode, label).toBe(403);
      expect((await send(resident)).statusCode, label).toBe(403);
      expect((await send(t.anonymous)).statusCode, label).toBe(401);
      if (!route.write) expect((await send(ministry)).statusCode, label).toBeLessThan(300);
      else expect((await send(ministry)).statusCode, label).toBe(403);
    }
  });

  it('exports the record as a workbook and takes it back filled in, all rows or none', async () => {
    const exported = await officer.get(`/api/cities/${CITY}/record/export.xlsx`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const years = workbook.getWorksheet('연도별 기록')!;
    const header = (name: string) => (years.getRow(1).values as string[]).indexOf(name);
    const row = [...Array(years.rowCount).keys()].map((i) => years.getRow(i + 1)).find((r) => r.getCell(header('연도')).value === year)!;
    row.getCell(header('전담 인력(명)')).value = 15;
    row.getCell(header('평생교육사(명)')).value = 7;
    const trainings = workbook.getWorksheet('직원 연수')!;
    trainings.addRow([null, `${year}-04-03`, '엑셀로 올린 연수', '국가평생교육진흥원', 7, 5, null]);

    const upload = (file: Buffer) => officer.request({ method: 'POST', url: `/api/cities/${CITY}/record/import`, headers: { 'content-type': XLSX }, payload: file });
    const good = Buffer.from(await workbook.xlsx.writeBuffer());

    // A bad cell anywhere: the whole file is refused, naming the sheet, row and column; nothing is written.
    const broken = new ExcelJS.Workbook();
    await broken.xlsx.load(good as unknown as ArrayBuffer);
    broken.getWorksheet('직원 연수')!.addRow([null, 'next tuesday', '날짜가 잘못된 연수', '', 3, 2, null]);
    const refused = await upload(Buffer.from(await broken.xlsx.writeBuffer()));
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ field: '직원 연수!연수일', problems: [{ sheet: '직원 연수', column: '연수일' }] });
    expect((await officer.get(`/api/cities/${CITY}/record/years/${year}`)).json().dedicatedStaff).not.toBe(15);
    expect((await upload(Buffer.from('not a workbook'))).json()).toMatchObject({ field: 'file' });

    const accepted = await upload(good);
    expect(accepted.statusCode, accepted.body).toBe(202);
    const job = await waitForJob(officer, accepted.json().jobId);
    expect(job).toMatchObject({ status: 'done', error: null });
    expect((await officer.get(`/api/cities/${CITY}/record/years/${year}`)).json()).toMatchObject({ dedicatedStaff: 15, certifiedEducators: 7 });
    const listed = (await officer.get(`/api/cities/${CITY}/record/staff-trainings?year=${year}`)).json();
    expect(listed.items.map((i: { title: string }) => i.title)).toContain('엑셀로 올린 연수');
    // Someone else's job is not theirs to watch.
    expect((await otherOfficer.get(`/api/jobs/${accepted.json().jobId}`)).statusCode).toBe(404);
    // The same file again: its versions are old now, so nothing is overwritten.
    const stale = await upload(good);
    expect((await waitForJob(officer, stale.json().jobId))).toMatchObject({ status: 'failed', error: expect.stringContaining('연도별 기록') });
  });
});
