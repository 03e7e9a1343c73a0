/**
 * Study groups and volunteers (issue 13, item 5): a resident registers a group and leads it, neighbours join once each
 * (however many ask at once), the leader records meetings and each attendee's hours follow; the city's officer — of
 * that city only — decides its support, logged; volunteers register and their hours, recorded by the city or an
 * institution's staff and corrected by new entries, show in their learning record, as do local-leader programs. The
 * public sees counts, never members' names.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StudyGroupBody, StudyGroupSummary, StudyGroupView, Volunteer } from '../../src/shared/contracts/participation.ts';
import type { LearningRecord } from '../../src/shared/contracts/learning-account.ts';
import type { PageOf } from '../../src/shared/contracts/common.ts';
import { firstRow } from '../../src/server/platform/database/database.ts';
import { todayInKorea } from '../../src/server/platform/clock.ts';
import { testEngine } from '../support/database.ts';
import { residents, testApp, type Client, type TestApp } from '../support/app.ts';

const CITY = '31060';
type Resident = Client & { personId: number };

describe(`study groups and volunteers on ${testEngine()}`, () => {
  let t: TestApp;
  let officer: Client;
  let otherOfficer: Client;
  let staff: Client;
  let suncheonResident: Client;
  let leader: Resident;
  let neighbours: Resident[];
  let dong: string;
  let centre: number;
  const today = todayInKorea();

  const body = (name: string): StudyGroupBody => ({
    name, area: 'culture_arts', dongCode: dong, description: '동네 이웃과 함께 수채화를 그리고 서로 배웁니다.', meetingPlace: '하안도서관 2층', meetingPattern: '매주 화요일 저녁 7시',
  });
  const put = (client: Client, url: string, payload: object) => client.request({ method: 'PUT', url, payload });
  const del = (client: Client, url: string) => client.request({ method: 'DELETE', url });
  const groupUrl = (id: number) => `/api/cities/${CITY}/study-groups/${id}`;
  const register = async (name: string) => {
    const response = await leader.post(`/api/cities/${CITY}/study-groups`, body(name));
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as StudyGroupView;
  };
  const record = async (client: Client) => (await client.get('/api/me/learning')).json() as LearningRecord;

  beforeAll(async () => {
    t = await testApp();
    [officer, otherOfficer, staff, suncheonResident] = await Promise.all([
      t.as('officer@example.com'), t.as('officer.suncheon@example.com'), t.as('staff@example.com'), t.as('resident@example.com'),
    ]);
    const people = await residents(t, 12, { homeCityCode: CITY });
    leader = people[0]!;
    neighbours = people.slice(1);
    dong = (await firstRow<{ code: string }>(t.database.db, sql`SELECT code FROM dongs WHERE municipality_code = ${CITY} ORDER BY code LIMIT 1`))!.code;
    centre = (await firstRow<{ id: number }>(t.database.db, sql`
      SELECT g.institution_id AS id FROM role_grants g JOIN people p ON p.id = g.person_id WHERE p.email = 'staff@example.com' AND g.role = 'institution_manager'`))!.id;
  });
  afterAll(() => t.close());

  it('lets a resident of the city register a group and lead it; others are refused', async () => {
    const group = await register('하안동 수채화 모임');
    expect(group).toMatchObject({ cityCode: CITY, support: 'registered', members: 1, meetings: 0, hours: 0, myRole: 'leader', supportAmountWon: null });
    expect(group.memberList).toEqual([expect.objectContaining({ personId: leader.personId, role: 'leader', hours: 0 })]);
    expect((await t.anonymous.post(`/api/cities/${CITY}/study-groups`, body('익명 모임'))).statusCode).toBe(401);
    expect((await suncheonResident.post(`/api/cities/${CITY}/study-groups`, body('다른 도시 모임'))).statusCode).toBe(403);
    const elsewhere = await leader.post(`/api/cities/${CITY}/study-groups`, { ...body('엉뚱한 동네'), dongCode: '4613000000'.slice(0, 7) });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json()).toMatchObject({ field: 'dongCode' });
  });

  it('takes one membership per person, however many ask at once, and keeps members’ names from the public', async () => {
    const group = await register('동네 인문학 읽기');
    const joiner = neighbours[0]!;
    const answers = await Promise.all(Array.from({ length: 8 }, () => joiner.post(`${groupUrl(group.id)}/members`)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, ...Array(7).fill(409)]);
    const rows = await firstRow<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM study_group_members WHERE study_group_id = ${group.id} AND person_id = ${joiner.personId}`);
    expect(rows!.n).toBe(1);
    expect((await suncheonResident.post(`${groupUrl(group.id)}/members`)).statusCode).toBe(403);

    const publicView = (await t.anonymous.get(groupUrl(group.id))).json() as StudyGroupView;
    expect(publicView).toMatchObject({ members: 2, memberList: null, meetingList: null, supportLog: null, myRole: null });
    expect(JSON.stringify(publicView)).not.toContain('학습자');
    const list = (await t.anonymous.get(`/api/cities/${CITY}/study-groups?pageSize=100`)).json() as PageOf<StudyGroupSummary>;
    expect(list.items.find((g) => g.id === group.id)).toMatchObject({ members: 2 });
    expect(JSON.stringify(list)).not.toContain('학습자');
    // A stranger of the same city sees counts only; a member sees the other members' display names.
    expect(((await neighbours[5]!.get(groupUrl(group.id))).json() as StudyGroupView).memberList).toBeNull();
    const seenByMember = (await joiner.get(groupUrl(group.id))).json() as StudyGroupView;
    expect(seenByMember.memberList!.map((m) => m.displayName).sort()).toEqual(['학습자0', '학습자1']);
  });

  it('derives each member’s hours from the meetings they attended, recorded by the leader only', async () => {
    const group = await register('주말 코딩 공부방');
    const [a, b, c] = neighbours.slice(1, 4) as [Resident, Resident, Resident];
    for (const member of [a, b]) expect((await member.post(`${groupUrl(group.id)}/members`)).statusCode).toBe(200);
    const meeting = (hours: number, attendeeIds: number[]) => ({ heldOn: today, hours, topic: '파이썬 기초', attendeeIds });

    expect((await a.post(`${groupUrl(group.id)}/meetings`, meeting(2, [a.personId]))).statusCode).toBe(403);
    const outsider = await leader.post(`${groupUrl(group.id)}/meetings`, meeting(2, [leader.personId, c.personId]));
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json()).toMatchObject({ field: 'attendeeIds' });
    expect((await firstRow<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM study_group_meetings WHERE study_group_id = ${group.id}`))!.n).toBe(0);
    expect((await leader.post(`${groupUrl(group.id)}/meetings`, { ...meeting(2, [a.personId]), heldOn: '2999-01-01' })).statusCode).toBe(400);

    expect((await leader.post(`${groupUrl(group.id)}/meetings`, meeting(2, [leader.personId, a.personId, b.personId]))).statusCode).toBe(200);
    const after = (await leader.post(`${groupUrl(group.id)}/meetings`, meeting(1.5, [leader.personId, a.personId]))).json() as StudyGroupView;
    expect(after).toMatchObject({ meetings: 2, hours: 3.5 });
    expect(Object.fromEntries(after.memberList!.map((m) => [m.personId, m.hours]))).toEqual({ [leader.personId]: 3.5, [a.personId]: 3.5, [b.personId]: 2 });

    const recordOfB = await record(b);
    expect(recordOfB.studyGroups.find((g) => g.id === group.id)).toMatchObject({ hours: 2, role: 'member' });
    expect(recordOfB.totals.studyGroupHours).toBe(2);

    // The leader removes b: b's hours stay theirs; b can no longer attend.
    const removed = (await del(leader, `${groupUrl(group.id)}/members/${b.personId}`)).json() as StudyGroupView;
    expect(removed.members).toBe(2);
    expect((await record(b)).studyGroups.find((g) => g.id === group.id)).toMatchObject({ hours: 2, leftOn: today });
    expect((await leader.post(`${groupUrl(group.id)}/meetings`, meeting(1, [b.personId]))).statusCode).toBe(400);
    // A member cannot remove another; the leader cannot leave.
    expect((await del(a, `${groupUrl(group.id)}/members/${leader.personId}`)).statusCode).toBe(403);
    expect((await del(leader, `${groupUrl(group.id)}/members/${leader.personId}`)).statusCode).toBe(409);
    expect((await del(a, `${groupUrl(group.id)}/members/${a.personId}`)).statusCode).toBe(200);
  });

  it('lets only that city’s officer decide support, with an amount in won and a year, logged', async () => {
    const group = await register('어르신 스마트폰 배움터');
    const funded = { support: 'funded', amountWon: 1_500_000, year: 2027 } as const;
    expect((await put(otherOfficer, `${groupUrl(group.id)}/support`, funded)).statusCode).toBe(403);
    expect((await put(staff, `${groupUrl(group.id)}/support`, funded)).statusCode).toBe(403);
    expect((await put(leader, `${groupUrl(group.id)}/support`, funded)).statusCode).toBe(403);
    expect((await put(officer, `${groupUrl(group.id)}/support`, { support: 'funded', year: 2027 })).json()).toMatchObject({ field: 'amountWon' });
    expect((await put(officer, `${groupUrl(group.id)}/support`, { support: 'declined' })).json()).toMatchObject({ field: 'note' });
    expect((await put(officer, `${groupUrl(group.id)}/support`, { ...funded, amountWon: 1.5 })).statusCode).toBe(400);

    const decided = (await put(officer, `${groupUrl(group.id)}/support`, funded)).json() as StudyGroupView;
    expect(decided).toMatchObject({ support: 'funded', supportAmountWon: 1_500_000, supportYear: 2027 });
    expect(decided.supportLog).toEqual([expect.objectContaining({ support: 'funded', amountWon: 1_500_000, year: 2027 })]);
    expect(decided.memberList).not.toBeNull();
    const again = (await put(officer, `${groupUrl(group.id)}/support`, { support: 'declined', note: '올해 예산이 소진되었습니다.' })).json() as StudyGroupView;
    expect(again).toMatchObject({ support: 'declined', supportAmountWon: null, supportYear: null });
    expect(again.supportLog!.map((e) => e.support)).toEqual(['declined', 'funded']);
    expect(((await t.anonymous.get(groupUrl(group.id))).json() as StudyGroupView).supportLog).toBeNull();
    expect(((await t.anonymous.get(`/api/cities/${CITY}/study-groups?support=declined&pageSize=100`)).json() as PageOf<StudyGroupSummary>).items.map((g) => g.id)).toContain(group.id);
    // The log is a record: the database refuses to rewrite it.
    await expect(t.database.db.execute(sql`UPDATE study_group_support_log SET note = '고침' WHERE study_group_id = ${group.id}`)).rejects.toThrow();
  });

  it('records volunteers’ hours by the city or an institution, corrects them by new entries, and shows them in the record', async () => {
    const volunteer = neighbours[6]!;
    const registration = await volunteer.post(`/api/cities/${CITY}/volunteers`, { kind: 'volunteer', areas: ['basic_literacy'], bio: '한글 교실 보조' });
    expect(registration.statusCode, registration.body).toBe(201);
    const { id } = registration.json() as Volunteer;
    expect((await volunteer.post(`/api/cities/${CITY}/volunteers`, { kind: 'volunteer', areas: [] })).statusCode).toBe(409);
    expect((await suncheonResident.post(`/api/cities/${CITY}/volunteers`, { kind: 'volunteer', areas: [] })).statusCode).toBe(403);

    const entry = { servedOn: today, hours: 3, activity: '한글 교실 보조 강사' };
    expect((await otherOfficer.post(`/api/cities/${CITY}/volunteers/${id}/hours`, entry)).statusCode).toBe(403);
    const byCity = await officer.post(`/api/cities/${CITY}/volunteers/${id}/hours`, { ...entry, institutionId: centre });
    expect(byCity.statusCode, byCity.body).toBe(201);
    const byCentre = await staff.post(`/api/institutions/${centre}/volunteers/${id}/hours`, { ...entry, hours: 2 });
    expect(byCentre.statusCode, byCentre.body).toBe(201);
    expect((byCentre.json() as { volunteer: Volunteer }).volunteer.hours).toBe(5);

    // A correction replaces the entry (once); the hours that count follow.
    const corrected = await staff.post(`/api/institutions/${centre}/volunteers/${id}/hours`, { ...entry, hours: 2.5, replacesId: (byCentre.json() as { id: number }).id });
    expect((corrected.json() as { volunteer: Volunteer }).volunteer.hours).toBe(5.5);
    expect((await staff.post(`/api/institutions/${centre}/volunteers/${id}/hours`, { ...entry, hours: 1, replacesId: (byCentre.json() as { id: number }).id })).statusCode).toBe(409);
    await expect(t.database.db.execute(sql`DELETE FROM volunteer_hours WHERE volunteer_id = ${id}`)).rejects.toThrow();

    const mine = await record(volunteer);
    expect(mine.volunteering).toEqual([expect.objectContaining({ kind: 'volunteer', hours: 5.5 })]);
    expect(mine.totals.volunteerHours).toBe(5.5);
    // Another resident's record shows none of it.
    expect((await record(neighbours[7]!)).totals.volunteerHours).toBe(0);
    const register = (await officer.get(`/api/cities/${CITY}/volunteers?pageSize=100`)).json() as PageOf<Volunteer>;
    expect(register.total).toBeGreaterThan(0);
    expect((await otherOfficer.get(`/api/cities/${CITY}/volunteers`)).statusCode).toBe(403);
    const log = (await officer.get(`/api/cities/${CITY}/volunteers/${id}/hours`)).json() as PageOf<{ replacedById: number | null }>;
    expect(log.total).toBe(3);
  });

  it('gives the demo’s groups a leader each and recent meetings with attendance', async () => {
    const demo = await firstRow<{ groups: number; led: number; meetings: number; attended: number }>(t.database.db, sql`
      SELECT (SELECT count(*)::int FROM study_groups WHERE registered_by IS NULL) AS groups,
             (SELECT count(DISTINCT study_group_id)::int FROM study_group_members WHERE role = 'leader') AS led,
             (SELECT count(*)::int FROM study_group_meetings) AS meetings, (SELECT count(*)::int FROM study_group_attendance) AS attended`);
    expect(demo!.groups).toBeGreaterThan(0);
    expect(demo!.led).toBeGreaterThanOrEqual(demo!.groups);
    expect(demo!.meetings).toBeGreaterThan(0);
    expect(demo!.attended).toBeGreaterThan(demo!.meetings);
  });

  it('records a resident who completed a local-leader program as a local leader', async () => {
    const person = neighbours[8]!;
    const program = (await firstRow<{ id: number; endsOn: string }>(t.database.db, sql`
      SELECT id, ends_on::text AS "endsOn" FROM programs WHERE status = 'published' AND city_code = ${CITY} ORDER BY id LIMIT 1`))!;
    expect((await record(person)).localLeaderSince).toBeNull();
    await t.database.db.execute(sql`UPDATE programs SET purpose_tags = array_append(purpose_tags, 'local_leader') WHERE id = ${program.id} AND NOT 'local_leader' = ANY(purpose_tags)`);
    await t.database.db.execute(sql`INSERT INTO enrolments (program_id, person_id, city_code, status) VALUES (${program.id}, ${person.personId}, ${CITY}, 'completed')`);
    const mine = await record(person);
    expect(mine.localLeaderSince).toBe(program.endsOn);
    expect(mine.entries.find((e) => e.programId === program.id)).toMatchObject({ localLeader: true });
  });
});
