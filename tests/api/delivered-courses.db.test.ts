/**
 * Delivered courses (issue 13, item 3): a resident asks for a class at the group's place and hours, neighbours join
 * by invite code (one membership each, however many ask at once), at the city's minimum group size its officers
 * rank the instructor pool for it and approve — a program only the group is enrolled on, whose completion counts
 * in the members' learning records the normal way — or decline with reasons. Other cities' officers see nothing.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageOf } from '../../src/shared/contracts/common.ts';
import type { DeliveredCourseBody, DeliveredCourseSummary, DeliveredCourseView } from '../../src/shared/contracts/delivered-courses.ts';
import type { Candidate, InstructorProfile } from '../../src/shared/contracts/instructors.ts';
import { firstRow, rows } from '../../src/server/platform/database/database.ts';
import { testEngine } from '../support/database.ts';
import { residents, testApp, type Client, type TestApp } from '../support/app.ts';

const CITY = '31060';
const SUNCHEON = '36030';
type Resident = Client & { personId: number };

describe(`delivered courses on ${testEngine()}`, () => {
  let t: TestApp;
  let officer: Client;
  let otherOfficer: Client;
  let staff: Client;
  let elsewhere: Client;
  let people: Resident[];
  let teacher: InstructorProfile;
  let centre: number;
  let dong: string;

  const body = (title: string): DeliveredCourseBody => ({
    title, description: '아파트 주민 다섯이 모여 스마트폰 사진 찍기를 배우고 싶습니다.', area: 'culture_arts', subcategory: 'everyday_arts',
    dongCode: dong, place: '푸른아파트 관리동 커뮤니티실', weekdays: ['thu'], startTime: '19:00', endTime: '21:00', sessionCount: 4,
  });
  const request = async (organiser: Resident, title: string) => {
    const response = await organiser.post(`/api/cities/${CITY}/delivered-courses`, body(title));
    expect(response.statusCode, response.body).toBe(201);
    return response.json<DeliveredCourseView>();
  };
  const join = (client: Client, inviteCode: string) => client.post(`/api/cities/${CITY}/delivered-courses/join`, { inviteCode });
  /** A request whose group has `size` members (the organiser first), ready for the city at a minimum of 3. */
  const readyRequest = async (title: string, group: Resident[]) => {
    const made = await request(group[0]!, title);
    for (const member of group.slice(1)) expect((await join(member, made.inviteCode!)).statusCode).toBe(200);
    return made;
  };
  const members = async (requestId: number) =>
    (await firstRow<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM delivered_course_members WHERE request_id = ${requestId}`))!.n;
  const approve = (id: number, payload: object) => officer.post(`/api/cities/${CITY}/delivered-courses/${id}/approve`, payload);

  beforeAll(async () => {
    t = await testApp();
    [officer, otherOfficer, staff, elsewhere] = await Promise.all([
      t.as('officer@example.com'), t.as('officer.suncheon@example.com'), t.as('staff@example.com'), t.as('resident@example.com'),
    ]);
    centre = (await staff.get('/api/auth/me')).json().grants[0].institutionId;
    dong = (await firstRow<{ code: string }>(t.database.db, sql`SELECT code FROM dongs WHERE municipality_code = ${CITY} ORDER BY code LIMIT 1`))!.code;
    people = await residents(t, 12, { homeCityCode: CITY });
    const saved = await people[11]!.request({
      method: 'PUT', url: '/api/me/instructor-profile', payload: {
        kind: 'instructor', bio: '사진 강사', skills: ['everyday_arts'], targetGroups: [], certificates: [], travelCities: [CITY], travelDongs: [], published: true,
        availability: [{ weekday: 'thu', from: '18:00', to: '22:00' }],
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    teacher = saved.json();
    const set = await officer.request({ method: 'PUT', url: `/api/cities/${CITY}/delivered-courses/settings`, payload: { minGroupSize: 3 } });
    expect(set.statusCode, set.body).toBe(200);
  });
  afterAll(() => t.close());

  it('takes a request from a resident of the city only, and keeps it from the console until the group has the minimum size', async () => {
    expect((await t.anonymous.get(`/api/cities/${CITY}/delivered-courses/settings`)).json()).toEqual({ minGroupSize: 3 });
    expect((await t.anonymous.get(`/api/cities/${SUNCHEON}/delivered-courses/settings`)).json()).toEqual({ minGroupSize: 5 });
    const made = await request(people[0]!, '사진 교실');
    expect(made).toMatchObject({ status: 'gathering', members: 1, minGroupSize: 3, mine: 'organised', inviteCode: expect.stringMatching(/^[A-Z0-9]{8}$/) });
    expect((await t.anonymous.post(`/api/cities/${CITY}/delivered-courses`, body('익명'))).statusCode).toBe(401);
    expect((await elsewhere.post(`/api/cities/${CITY}/delivered-courses`, body('다른 도시'))).statusCode).toBe(403);
    expect((await people[0]!.post(`/api/cities/${CITY}/delivered-courses`, { ...body('틀린 분야'), subcategory: 'humanities' })).json()).toMatchObject({ field: 'subcategory' });
    expect((await people[0]!.post(`/api/cities/${CITY}/delivered-courses`, { ...body('다른 동네'), dongCode: '3603056' })).json()).toMatchObject({ field: 'dongCode' });
    expect((await people[0]!.post(`/api/cities/${CITY}/delivered-courses`, { ...body('거꾸로'), startTime: '21:00', endTime: '19:00' })).json()).toMatchObject({ field: 'endTime' });

    // Below the minimum: the console does not see it, and it cannot be approved.
    await join(people[1]!, made.inviteCode!);
    const list = (await officer.get(`/api/cities/${CITY}/delivered-courses?pageSize=100`)).json<PageOf<DeliveredCourseSummary>>();
    expect(list.items.map((r) => r.id)).not.toContain(made.id);
    expect((await officer.get(`/api/cities/${CITY}/delivered-courses/${made.id}`)).statusCode).toBe(404);
    expect((await approve(made.id, { institutionId: centre, profileId: teacher.id })).statusCode).toBe(404);

    await join(people[2]!, made.inviteCode!.toLowerCase());
    const ready = (await people[2]!.get(`/api/me/delivered-courses/${made.id}`)).json<DeliveredCourseView>();
    expect(ready).toMatchObject({ status: 'ready', members: 3, mine: 'joined' });
    const told = await rows(t.database.db, sql`SELECT person_id FROM notifications WHERE kind = 'delivered_courses.ready' AND link = ${`/me/delivered-courses/${made.id}`}`);
    expect(told).toHaveLength(3);
    const console = (await officer.get(`/api/cities/${CITY}/delivered-courses?pageSize=1`)).json<PageOf<DeliveredCourseSummary>>();
    expect(console).toMatchObject({ page: 1, pageSize: 1, items: [{ id: made.id, status: 'ready', mine: null }] });
  });

  it('keeps one membership per person however many joins arrive at once', async () => {
    const made = await request(people[3]!, '동시 참여 시험');
    const answers = await Promise.all(Array.from({ length: 8 }, () => join(people[4]!, made.inviteCode!)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    expect((await join(people[3]!, made.inviteCode!)).statusCode).toBe(409);
    const crowd = await Promise.all(people.slice(5, 10).map((p) => join(p, made.inviteCode!)));
    expect(crowd.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(await members(made.id)).toBe(7);
    const row = (await people[3]!.get(`/api/me/delivered-courses/${made.id}`)).json<DeliveredCourseView>();
    expect(row).toMatchObject({ members: 7, status: 'ready' });
    expect(row.log.filter((e) => e.kind === 'ready')).toHaveLength(1);
    expect((await join(people[4]!, 'ZZZZZZZZ')).json()).toMatchObject({ field: 'inviteCode' });
  });

  it('lets a member leave until the city decides; below the minimum the request goes back to gathering', async () => {
    const made = await readyRequest('떠나는 회원 시험', [people[0]!, people[1]!, people[2]!]);
    const leave = (client: Client) => client.request({ method: 'DELETE', url: `/api/me/delivered-courses/${made.id}/membership` });
    expect((await leave(people[0]!)).statusCode).toBe(409);
    expect((await leave(people[5]!)).statusCode).toBe(404);
    expect((await leave(people[2]!)).statusCode).toBe(204);
    expect((await leave(people[2]!)).statusCode).toBe(404);
    expect((await people[0]!.get(`/api/me/delivered-courses/${made.id}`)).json()).toMatchObject({ status: 'gathering', members: 2, readyAt: null });
    expect((await officer.get(`/api/cities/${CITY}/delivered-courses/${made.id}`)).statusCode).toBe(404);
    expect((await join(people[2]!, made.inviteCode!)).statusCode).toBe(200);
    const back = (await people[0]!.get(`/api/me/delivered-courses/${made.id}`)).json<DeliveredCourseView>();
    expect(back).toMatchObject({ status: 'ready', members: 3 });
    expect(back.log.map((e) => e.kind)).toEqual(['requested', 'joined', 'joined', 'ready', 'left', 'below_size', 'joined', 'ready']);
  });

  it('shows a resident only the requests they organised or joined, and other cities’ officers none', async () => {
    const made = await request(people[0]!, '나만 아는 신청');
    expect((await people[5]!.get(`/api/me/delivered-courses/${made.id}`)).statusCode).toBe(404);
    const mine = (await people[0]!.get('/api/me/delivered-courses?pageSize=100')).json<PageOf<DeliveredCourseSummary>>();
    expect(mine.items.map((r) => r.id)).toContain(made.id);
    expect(mine.items.every((r) => r.mine !== null)).toBe(true);
    expect((await people[10]!.get('/api/me/delivered-courses')).json<PageOf<DeliveredCourseSummary>>().total).toBe(0);
    expect((await otherOfficer.get(`/api/cities/${CITY}/delivered-courses`)).statusCode).toBe(403);
    const ready = (await officer.get(`/api/cities/${CITY}/delivered-courses?status=ready`)).json<PageOf<DeliveredCourseSummary>>().items[0]!;
    expect((await otherOfficer.get(`/api/cities/${CITY}/delivered-courses/${ready.id}`)).statusCode).toBe(403);
    expect((await otherOfficer.post(`/api/cities/${CITY}/delivered-courses/${ready.id}/decline`, { reason: '다른 도시가 반려하려는 시도입니다.' })).statusCode).toBe(403);
    // Under its own city's path the request is not there.
    expect((await otherOfficer.get(`/api/cities/${SUNCHEON}/delivered-courses/${ready.id}`)).statusCode).toBe(404);
    expect((await elsewhere.post(`/api/cities/${CITY}/delivered-courses/join`, { inviteCode: made.inviteCode })).statusCode).toBe(403);
  });

  it('ranks the pool, approves into a program only the group is enrolled on, and counts its hours in a member’s record', async () => {
    const group = [people[6]!, people[7]!, people[8]!];
    const made = await readyRequest('목요일 저녁 사진 교실', group);
    const ranked = (await officer.get(`/api/cities/${CITY}/delivered-courses/${made.id}/instructor-candidates`)).json<PageOf<Candidate>>();
    expect(ranked.items[0]).toMatchObject({ profile: { id: teacher.id }, assigned: false });
    expect(ranked.items[0]!.reasons.filter((r) => r.kind === 'availability')).toEqual([expect.objectContaining({ fit: true })]);

    expect((await approve(made.id, { institutionId: centre, profileId: 999_999 })).json()).toMatchObject({ field: 'profileId' });
    const suncheonCentre = (await t.anonymous.get(`/api/institutions?city=${SUNCHEON}`)).json().items[0].id;
    expect((await approve(made.id, { institutionId: suncheonCentre, profileId: teacher.id })).json()).toMatchObject({ field: 'institutionId' });
    const [first, second] = await Promise.all([approve(made.id, { institutionId: centre, profileId: teacher.id }), approve(made.id, { institutionId: centre, profileId: teacher.id })]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const approved = (first.statusCode === 200 ? first : second).json<DeliveredCourseView>();
    expect(approved).toMatchObject({ status: 'approved', program: { title: '목요일 저녁 사진 교실', instructorName: expect.any(String) } });
    const programId = approved.program!.id;
    expect((await firstRow<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM delivered_course_requests WHERE program_id = ${programId}`))!.n).toBe(1);

    const program = (await t.anonymous.get(`/api/programs/${programId}`)).json();
    expect(program).toMatchObject({ capacity: 3, sessionCount: 4, startTime: '19:00', endTime: '21:00', registrationMode: 'visit' });
    for (const member of group) expect((await member.get(`/api/programs/${programId}/enrolment`)).json()).toMatchObject({ status: 'enrolled' });
    const outsider = await people[10]!.post(`/api/programs/${programId}/enrolment`);
    expect(outsider.statusCode).toBe(409);
    expect((await firstRow<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM enrolments WHERE program_id = ${programId}`))!.n).toBe(3);
    const told = await rows(t.database.db, sql`SELECT person_id FROM notifications WHERE kind = 'delivered_courses.approved' AND link = ${`/programs/${programId}`}`);
    expect(told).toHaveLength(3);
    expect((await rows(t.database.db, sql`SELECT 1 FROM notifications WHERE person_id = ${people[11]!.personId} AND kind = 'instructors.assigned'`)).length).toBeGreaterThan(0);
    expect((await officer.post(`/api/cities/${CITY}/delivered-courses/${made.id}/decline`, { reason: '결정 뒤에 다시 반려하려는 시도' })).statusCode).toBe(409);
    expect((await join(people[9]!, made.inviteCode!)).statusCode).toBe(409);

    // The course runs: the institution marks attendance and completion as for any program; the record counts its hours.
    await t.database.db.execute(sql`UPDATE program_sessions SET starts_at = starts_at - interval '80 days', ends_at = ends_at - interval '80 days' WHERE program_id = ${programId}`);
    await t.database.db.execute(sql`UPDATE programs SET starts_on = starts_on - 80, ends_on = ends_on - 80 WHERE id = ${programId}`);
    const roster = (await staff.get(`/api/programs/${programId}/roster`)).json();
    const ids = roster.enrolled.map((e: { enrolmentId: number }) => e.enrolmentId);
    for (let session = 1; session <= 4; session++) {
      const marked = await staff.request({ method: 'PUT', url: `/api/programs/${programId}/sessions/${session}/attendance`, payload: { present: ids, absent: [] } });
      expect(marked.statusCode, marked.body).toBe(200);
    }
    const completed = await staff.post(`/api/programs/${programId}/completion`);
    expect(completed.statusCode, completed.body).toBe(200);
    const record = (await group[1]!.get('/api/me/learning')).json();
    expect(record.entries.find((e: { programId: number }) => e.programId === programId)).toBeDefined();
    expect(record.totals).toMatchObject({ completed: 1, hours: 8 });
  });

  it('declines with reasons the group is told', async () => {
    const made = await readyRequest('반려될 신청', [people[9]!, people[10]!, people[1]!]);
    expect((await officer.post(`/api/cities/${CITY}/delivered-courses/${made.id}/decline`, { reason: '짧다' })).statusCode).toBe(400);
    expect((await officer.post(`/api/cities/${CITY}/delivered-courses/${made.id}/decline`, { reason: '          짧은 사유' })).json()).toMatchObject({ field: 'reason' });
    const declined = await officer.post(`/api/cities/${CITY}/delivered-courses/${made.id}/decline`, { reason: '이 시간에 갈 수 있는 강사가 아직 없습니다.' });
    expect(declined.json()).toMatchObject({ status: 'declined', declineReason: '이 시간에 갈 수 있는 강사가 아직 없습니다.', inviteCode: null });
    expect((await people[10]!.get(`/api/me/delivered-courses/${made.id}`)).json()).toMatchObject({ status: 'declined', inviteCode: null });
    const told = await rows(t.database.db, sql`SELECT person_id FROM notifications WHERE kind = 'delivered_courses.declined' AND link = ${`/me/delivered-courses/${made.id}`}`);
    expect(told).toHaveLength(3);
    await expect(t.database.db.execute(sql`DELETE FROM delivered_course_log WHERE request_id = ${made.id}`)).rejects.toThrow();
  });
});
