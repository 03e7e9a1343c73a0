/**
 * Learning to jobs (issue 13, item 7): the institution that runs a vocational program tags it with the KSCO groups
 * it prepares for (only codes of the current revision; the database refuses others too) and the certificates it
 * leads to, and nobody else may; residents find the city's open tagged programs by major group; the city's officers
 * read completions per major group for a year, checked here against a recount from the rows themselves.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobCourses, OccupationCompletions, ProgramJobs } from '../../src/shared/contracts/occupations.ts';
import { rows } from '../../src/server/platform/database/database.ts';
import { addDays } from '../../src/shared/lib/schedule.ts';
import { todayInKorea } from '../support/clock.ts';
import { testEngine } from '../support/database.ts';
import { testApp, type Client, type TestApp } from '../support/app.ts';

const CITY = '31060';

describe(`learning to jobs on ${testEngine()}`, () => {
  let t: TestApp;
  let staff: Client;
  let officer: Client;
  let otherOfficer: Client;
  let resident: Client;
  let institutionId: number;
  let venueId: number;
  const today = todayInKorea();

  const newProgram = async (changes: Record<string, unknown> = {}) => {
    const response = await staff.post('/api/programs', {
      institutionId, venueId, title: '컴퓨터 활용 능력 실무', description: '사무 자동화와 스프레드시트를 익혀 취업을 준비하는 과정입니다.', area: 'vocational',
      subcategory: 'certification', targetGroups: ['all'], mode: 'in_person', startsOn: addDays(today, 14), weekdays: ['tue', 'thu'],
      startTime: '10:00', endTime: '12:00', sessionCount: 6, capacity: 20, feeKrw: 0, ...changes,
    });
    expect(response.statusCode, response.body).toBe(201);
    return (response.json() as { id: number }).id;
  };
  const tag = (client: Client, id: number, body: object, language = 'ko') =>
    client.request({ method: 'PUT', url: `/api/programs/${id}/occupations`, payload: body, headers: { 'accept-language': language } });
  const body = (occupations: string[], certificates: { name: string; code: string | null }[] = []) => ({ version: 'ksco-7', occupations, certificates });
  const jobCourses = async (query = '') => (await t.anonymous.get(`/api/cities/${CITY}/job-courses?pageSize=100${query}`)).json<JobCourses>();

  beforeAll(async () => {
    t = await testApp();
    [staff, officer, otherOfficer, resident] = await Promise.all([
      t.as('staff@example.com'), t.as('officer@example.com'), t.as('officer.suncheon@example.com'), t.as('resident@example.com'),
    ]);
    institutionId = (await staff.get('/api/auth/me')).json().grants[0].institutionId;
    venueId = (await t.anonymous.get(`/api/institutions/${institutionId}`)).json().venues.find((v: { seats: number }) => v.seats >= 20).id;
  });
  afterAll(async () => t?.close());

  it('lets the institution tag its vocational program, and shows the tags with their Korean and English names', async () => {
    const id = await newProgram();
    const saved = await tag(staff, id, body(['22', '76'], [{ name: ' 정보처리기능사 ', code: '7910' }, { name: '컴퓨터활용능력 2급', code: null }]));
    expect(saved.statusCode, saved.body).toBe(200);
    const shown = (await t.anonymous.get(`/api/programs/${id}/occupations`)).json<ProgramJobs>();
    expect(shown.occupations).toEqual([
      { version: 'ksco-7', code: '22', ko: '정보 통신 전문가 및 기술직', en: 'ICT professionals and technicians' },
      { version: 'ksco-7', code: '76', ko: '전기 및 전자 관련 기능직', en: 'Electrical and electronics trades' },
    ]);
    expect(shown.certificates).toEqual([{ name: '정보처리기능사', code: '7910' }, { name: '컴퓨터활용능력 2급', code: null }]);
    // Saving again replaces what it had.
    expect((await tag(staff, id, body(['22']))).json<ProgramJobs>()).toMatchObject({ occupations: [{ code: '22' }], certificates: [] });
  });

  it('refuses codes the current revision does not have, twice-chosen ones and non-vocational programs, naming the field as the form does', async () => {
    const id = await newProgram();
    const unknown = await tag(staff, id, body(['20']));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ field: 'occupations' });
    expect(unknown.json().message).toContain('관련 직업');
    const english = await tag(staff, id, body(['20']), 'en');
    expect(english.json().message).toContain('Occupations');
    expect((await tag(staff, id, body(['22', '22']))).json()).toMatchObject({ field: 'occupations' });
    const oldRevision = await tag(staff, id, { ...body(['22']), version: 'ksco-6' });
    expect(oldRevision.statusCode).toBe(400);
    expect(oldRevision.json()).toMatchObject({ field: 'version' });
    const twice = await tag(staff, id, body([], [{ name: '조리기능사', code: null }, { name: '조리기능사 ', code: null }]));
    expect(twice.json()).toMatchObject({ field: 'certificates' });
    const humanities = await newProgram({ area: 'liberal_arts', subcategory: 'humanities', title: '생활 속 인문학' });
    const wrongArea = await tag(staff, humanities, body(['25']));
    expect(wrongArea.statusCode).toBe(400);
    expect(wrongArea.json().message).toContain('직업능력교육');
    // Nothing was written by any of these.
    expect((await t.anonymous.get(`/api/programs/${id}/occupations`)).json<ProgramJobs>()).toMatchObject({ occupations: [], certificates: [] });
    // The database refuses a code the revision does not have, whoever writes it.
    await expect(rows(t.database.db, sql`INSERT INTO program_occupations (program_id, ksco_version, code) VALUES (${id}, 'ksco-7', '20')`)).rejects.toThrow();
  });

  it('leaves one whole set when colleagues save at once, never a mix', async () => {
    const id = await newProgram();
    const sets = [['22', '23'], ['44'], ['75', '76', '77'], ['31'], ['42', '87']];
    const answers = await Promise.all(sets.map((codes) => tag(staff, id, body(codes, [{ name: `자격 ${codes.join('-')}`, code: null }]))));
    expect(answers.map((a) => a.statusCode)).toEqual(sets.map(() => 200));
    const final = (await t.anonymous.get(`/api/programs/${id}/occupations`)).json<ProgramJobs>();
    const codes = final.occupations.map((o) => o.code);
    expect(sets).toContainEqual(codes);
    expect(final.certificates).toEqual([{ name: `자격 ${codes.join('-')}`, code: null }]);
  });

  it('lets only the institution running the program tag it', async () => {
    const id = await newProgram();
    expect((await tag(otherOfficer, id, body(['22']))).statusCode).toBe(403);
    expect((await tag(officer, id, body(['22']))).statusCode).toBe(403);
    expect((await tag(resident, id, body(['22']))).statusCode).toBe(403);
    expect((await tag(t.anonymous, id, body(['22']))).statusCode).toBe(401);
    expect((await t.anonymous.get(`/api/programs/${id}/occupations`)).json<ProgramJobs>().occupations).toEqual([]);
    const draft = await newProgram({ status: 'draft' });
    expect((await tag(staff, draft, body(['22']))).statusCode).toBe(200);
    expect((await t.anonymous.get(`/api/programs/${draft}/occupations`)).statusCode).toBe(404);
  });

  it('lists the city’s open tagged vocational programs for residents, filtered by major group', async () => {
    const cooking = await newProgram({ title: '한식 조리 기능 과정' });
    const untagged = await newProgram({ title: '태그 없는 직업 과정' });
    const draft = await newProgram({ title: '준비 중인 바리스타 과정', status: 'draft' });
    await tag(staff, cooking, body(['44'], [{ name: '한식조리기능사', code: null }]));
    await tag(staff, draft, body(['44']));
    const all = await jobCourses();
    const ids = all.items.map((c) => c.programId);
    expect(ids).toContain(cooking);
    expect(ids).not.toContain(untagged);
    expect(ids).not.toContain(draft);
    expect(all.items.find((c) => c.programId === cooking)).toMatchObject({
      title: '한식 조리 기능 과정', occupations: [{ code: '44', ko: '조리 및 음식 서비스직' }], certificates: ['한식조리기능사'],
    });
    expect(all.groups.find((g) => g.code === '4')?.count).toBeGreaterThanOrEqual(1);
    expect((await jobCourses('&major=4')).items.map((c) => c.programId)).toContain(cooking);
    expect((await jobCourses('&major=2')).items.map((c) => c.programId)).not.toContain(cooking);
    // Untagged, it is gone from the list.
    await tag(staff, cooking, body([]));
    expect((await jobCourses()).items.map((c) => c.programId)).not.toContain(cooking);
    expect((await t.anonymous.get('/api/cities/00000/job-courses')).statusCode).toBe(404);
  });

  it('counts the year’s completions per major group for the city’s officers, as a recount of the rows finds them', async () => {
    // Tag the city's finished vocational programs that have completions, as their institutions would.
    const finished = await rows<{ id: number; year: number }>(t.database.db, sql`
      SELECT p.id, extract(year FROM p.ends_on)::int AS year FROM programs p
      WHERE p.city_code = ${CITY} AND p.area = 'vocational' AND EXISTS (SELECT 1 FROM enrolments e WHERE e.program_id = p.id AND e.status = 'completed')
      ORDER BY p.id`);
    expect(finished.length).toBeGreaterThanOrEqual(2);
    const year = finished[0]!.year;
    const ofYear = finished.filter((p) => p.year === year);
    const codes = [['22', '23'], ['44'], ['75', '76', '23']];
    // The last of the year's programs stays untagged, so the untagged count is tested too.
    for (const [index, program] of ofYear.slice(0, -1).entries()) {
      for (const code of codes[index % codes.length]!) {
        await rows(t.database.db, sql`INSERT INTO program_occupations (program_id, ksco_version, code) VALUES (${program.id}, 'ksco-7', ${code}) ON CONFLICT DO NOTHING`);
      }
    }

    // The recount: every completed enrolment of the city's vocational programs ending in the year, and its program's tags.
    const completed = await rows<{ enrolmentId: number; programId: number }>(t.database.db, sql`
      SELECT e.id AS "enrolmentId", e.program_id AS "programId" FROM enrolments e JOIN programs p ON p.id = e.program_id
      WHERE p.city_code = ${CITY} AND p.area = 'vocational' AND e.status = 'completed' AND extract(year FROM p.ends_on) = ${year}`);
    const tags = await rows<{ programId: number; code: string }>(t.database.db, sql`SELECT program_id AS "programId", code FROM program_occupations`);
    const expected = new Map<string, number>();
    let untagged = 0;
    for (const enrolment of completed) {
      const majors = new Set(tags.filter((x) => x.programId === enrolment.programId).map((x) => x.code[0]!));
      if (majors.size === 0) untagged++;
      for (const major of majors) expected.set(major, (expected.get(major) ?? 0) + 1);
    }

    const response = await officer.get(`/api/cities/${CITY}/occupation-completions?year=${year}`);
    expect(response.statusCode, response.body).toBe(200);
    const counts = response.json<OccupationCompletions>();
    expect(counts.total).toBe(10);
    expect(counts.vocationalCompletions).toBe(completed.length);
    expect(counts.untaggedCompletions).toBe(untagged);
    expect(untagged).toBeGreaterThan(0);
    for (const group of counts.items) expect(group.count, group.code).toBe(expected.get(group.code) ?? 0);
    expect([...expected.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    // Paginated like every list.
    const second = (await officer.get(`/api/cities/${CITY}/occupation-completions?year=${year}&pageSize=4&page=3`)).json<OccupationCompletions>();
    expect(second.items.map((g) => g.code)).toEqual(['9', 'A']);

    expect((await otherOfficer.get(`/api/cities/${CITY}/occupation-completions?year=${year}`)).statusCode).toBe(403);
    expect((await resident.get(`/api/cities/${CITY}/occupation-completions?year=${year}`)).statusCode).toBe(403);
  });
});
