/**
 * Issue 10, item 1: the institution's back office over its programs. Its staff list their programs by phase, edit
 * every field and each session (the people in line are told what moved; a stale edit, a class smaller than its
 * enrolments, or a session with attendance moved are refused with the numbers), cancel with a reason (every place
 * freed, each person told), and copy a program into a new term with public holidays skipped. Nobody else may.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CopyResult, EditResult, OfficeProgram, OfficeProgramList, ProgramEditBody } from '../../src/shared/contracts/program-office.ts';
import { firstRow } from '../../src/server/platform/database/database.ts';
import { holidaysBetween } from '../../src/shared/lib/holidays.ts';
import { addDays, weekdayOf } from '../../src/shared/lib/schedule.ts';
import { todayInKorea } from '../support/clock.ts';
import { testEngine } from '../support/database.ts';
import { residents, testApp, type Client, type TestApp } from '../support/app.ts';

describe(`the institution's back office on ${testEngine()}`, () => {
  let t: TestApp;
  let staff: Client;
  let suncheonOfficer: Client;
  let institutionId: number;
  let venues: { id: number; name: string; seats: number }[];
  const today = todayInKorea();

  const newProgram = async (changes: Record<string, unknown> = {}) => {
    const response = await staff.post('/api/programs', {
      institutionId, venueId: venues[0]!.id, title: '생활 속 인문학', description: '일상의 질문을 함께 읽고 이야기하는 인문학 강좌입니다.', area: 'liberal_arts',
      subcategory: 'humanities', targetGroups: ['all'], mode: 'in_person', startsOn: addDays(today, 14), weekdays: ['tue', 'thu'],
      startTime: '10:00', endTime: '12:00', sessionCount: 6, capacity: 3, feeKrw: 0, ...changes,
    });
    expect(response.statusCode, response.body).toBe(201);
    return (response.json() as { id: number }).id;
  };
  const officeView = async (id: number) => (await staff.get(`/api/programs/${id}/office`)).json<OfficeProgram>();
  /** The editor's body for the program as it is (sessions as dates and times), with changes. */
  const editBody = (p: OfficeProgram, changes: Partial<ProgramEditBody> = {}): ProgramEditBody => {
    const { id: _id, institutionId: _i, cityCode: _c, status: _s, phase: _p, cancelReason: _r, enrolled: _e, waitlisted: _w, sessions, ...terms } = p;
    return {
      ...terms,
      sessions: sessions.map((s) => ({ date: s.startsAt.slice(0, 10), startTime: s.startsAt.slice(11, 16), endTime: s.endsAt.slice(11, 16) })),
      ...changes,
    };
  };
  const put = (client: Client, id: number, body: unknown) => client.request({ method: 'PUT', url: `/api/programs/${id}`, payload: body as object });
  const inbox = async (client: Client) => (await client.get('/api/me/notifications')).json<{ items: { kind: string; titleKo: string; bodyKo: string }[] }>().items;

  beforeAll(async () => {
    t = await testApp();
    staff = await t.as('staff@example.com');
    suncheonOfficer = await t.as('officer.suncheon@example.com');
    institutionId = (await staff.get('/api/auth/me')).json().grants[0].institutionId;
    venues = (await t.anonymous.get(`/api/institutions/${institutionId}`)).json().venues.filter((v: { seats: number }) => v.seats >= 10);
    expect(venues.length).toBeGreaterThanOrEqual(2);
  });
  afterAll(async () => t?.close());

  it('lists the institution’s programs by phase and title, to its staff only', async () => {
    const draft = await newProgram({ status: 'draft', title: '봄학기 수채화 기초' });
    const list = (await staff.get(`/api/institutions/${institutionId}/office/programs?phase=draft&q=${encodeURIComponent('수채화')}`)).json<OfficeProgramList>();
    expect(list.items.map((p) => p.id)).toContain(draft);
    expect(list.items.every((p) => p.phase === 'draft')).toBe(true);
    const all = (await staff.get(`/api/institutions/${institutionId}/office/programs?pageSize=5`)).json<OfficeProgramList>();
    expect(all.items).toHaveLength(5);
    expect(Object.values(all.phases).reduce((a, b) => a + b, 0)).toBe(all.total);
    expect(all.phases.finished).toBeGreaterThan(0);
    expect((await suncheonOfficer.get(`/api/institutions/${institutionId}/office/programs`)).statusCode).toBe(403);
    expect((await t.anonymous.get(`/api/institutions/${institutionId}/office/programs`)).statusCode).toBe(401);
    // A draft does not exist for others; a published program is refused.
    expect((await suncheonOfficer.get(`/api/programs/${draft}/office`)).statusCode).toBe(404);
    const published = await newProgram();
    expect((await suncheonOfficer.get(`/api/programs/${published}/office`)).statusCode).toBe(403);
    expect((await put(suncheonOfficer, published, editBody(await officeView(published)))).statusCode).toBe(403);
  });

  it('moves a session and the place, telling the people enrolled and waiting; a colleague’s stale edit is refused', async () => {
    const id = await newProgram({ capacity: 2 });
    const people = await residents(t, 3);
    for (const person of people) await person.post(`/api/programs/${id}/enrolment`);
    const before = await officeView(id);
    expect([before.enrolled, before.waitlisted]).toEqual([2, 1]);
    const body = editBody(before, { venueId: venues[1]!.id });
    const third = body.sessions[2]!;
    body.sessions[2] = { ...third, date: addDays(third.date, 1) };
    const saved = await put(staff, id, body);
    expect(saved.statusCode, saved.body).toBe(200);
    const result = saved.json<EditResult>();
    expect(result).toMatchObject({ notified: 3, promoted: 0 });
    expect(result.program.version).toBe(before.version + 1);
    expect(result.program.sessions[2]!.startsAt.slice(0, 10)).toBe(addDays(third.date, 1));
    for (const person of people) {
      const [notice] = await inbox(person);
      expect(notice).toMatchObject({ kind: 'program.changed' });
      expect(notice!.bodyKo).toContain('3회차');
      expect(notice!.bodyKo).toContain(`장소: ${venues[0]!.name} → ${venues[1]!.name}`);
    }
    const stale = await put(staff, id, body);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().field).toBe('version');
  });

  it('refuses a class smaller than its enrolments with the numbers, and gives places to those waiting when it grows', async () => {
    const id = await newProgram({ capacity: 2 });
    const people = await residents(t, 4);
    for (const person of people) await person.post(`/api/programs/${id}/enrolment`);
    const program = await officeView(id);
    const smaller = await put(staff, id, editBody(program, { capacity: 1 }));
    expect(smaller.statusCode).toBe(409);
    expect(smaller.json()).toMatchObject({ field: 'capacity' });
    expect(smaller.json().message).toContain('2');
    const grown = (await put(staff, id, editBody(program, { capacity: 3 }))).json<EditResult>();
    expect(grown).toMatchObject({ promoted: 1 });
    expect([grown.program.enrolled, grown.program.waitlisted]).toEqual([3, 1]);
    expect((await inbox(people[2]!))[0]).toMatchObject({ kind: 'program.place_given' });
    expect(await inbox(people[3]!)).toEqual([]);
    expect((await t.anonymous.get(`/api/programs/${id}`)).json().seatsLeft).toBe(0);
  });

  it('refuses to publish a class that has already started, naming the first-class field, in Korean or English', async () => {
    const publish = (changes: Record<string, unknown>, language = 'ko') => staff.request({
      method: 'POST', url: '/api/programs', headers: { 'accept-language': language },
      payload: {
        institutionId, venueId: venues[0]!.id, title: '이미 시작한 강좌', description: '이미 시작한 수업은 새로 열 수 없습니다. 다음 날로 고릅니다.', area: 'liberal_arts',
        subcategory: 'humanities', targetGroups: ['all'], mode: 'in_person', startTime: '10:00', endTime: '12:00', sessionCount: 4, capacity: 3, feeKrw: 0, ...changes,
      },
    });
    const count = async () => (await firstRow<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM programs WHERE title = '이미 시작한 강좌'`))!.n;
    // The last working day before today, and today at midnight (always past once today has begun in Korea) unless
    // today is a public holiday, when the class would first meet a week later (CI's year-boundary run is 1 January).
    const holidays = await holidaysBetween(addDays(today, -14), today);
    let lastWorkingDay = addDays(today, -1);
    while (holidays.namesOf(lastWorkingDay)) lastWorkingDay = addDays(lastWorkingDay, -1);
    const cases: Record<string, unknown>[] = [{ startsOn: lastWorkingDay, weekdays: [weekdayOf(lastWorkingDay)] }];
    if (!holidays.namesOf(today)) cases.push({ startsOn: today, weekdays: [weekdayOf(today)], startTime: '00:00', endTime: '00:30' });
    for (const changes of cases) {
      const refused = await publish(changes);
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json()).toMatchObject({ field: 'startsOn', message: expect.stringMatching(/^첫 수업일: .*이미 시작했습니다/) });
      expect((await publish(changes, 'en')).json().message).toMatch(/^First class: .* has already started/);
    }
    expect(await count()).toBe(0);
    // Tomorrow is fine.
    const tomorrow = addDays(today, 1);
    expect((await publish({ startsOn: tomorrow, weekdays: [weekdayOf(tomorrow)] })).statusCode).toBe(201);
  });

  it('keeps a session whose attendance was taken where it was', async () => {
    // Its first session is today, so attendance can be taken: published for next week (a class already under way
    // cannot be published), then moved a week back as time would.
    const id = await newProgram({ startsOn: addDays(today, 7), weekdays: [weekdayOf(today)] });
    await t.database.db.execute(sql`UPDATE program_sessions SET starts_at = starts_at - interval '7 days', ends_at = ends_at - interval '7 days' WHERE program_id = ${id}`);
    await t.database.db.execute(sql`UPDATE programs SET starts_on = starts_on - 7, ends_on = ends_on - 7 WHERE id = ${id}`);
    const [person] = await residents(t, 1);
    const enrolment = (await person!.post(`/api/programs/${id}/enrolment`)).json<{ id: number }>();
    const taken = await staff.request({ method: 'PUT', url: `/api/programs/${id}/sessions/1/attendance`, payload: { present: [enrolment.id], absent: [] } });
    expect(taken.statusCode, taken.body).toBe(200);
    const body = editBody(await officeView(id));
    body.sessions[0] = { ...body.sessions[0]!, startTime: '09:00' };
    const moved = await put(staff, id, body);
    expect(moved.statusCode).toBe(409);
    expect(moved.json()).toMatchObject({ field: 'sessions.0.date' });
  });

  it('cancels with a reason: every place and waitlist entry freed, each person told why, and nothing changes after', async () => {
    const id = await newProgram({ capacity: 1 });
    const people = await residents(t, 2);
    for (const person of people) await person.post(`/api/programs/${id}/enrolment`);
    const { version } = await officeView(id);
    const cancelled = await staff.post(`/api/programs/${id}/cancellation`, { reason: '신청 인원이 적어 폐강합니다.', version });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json<EditResult>()).toMatchObject({ notified: 2, program: { status: 'cancelled', phase: 'cancelled', cancelReason: '신청 인원이 적어 폐강합니다.', enrolled: 0, waitlisted: 0 } });
    for (const person of people) {
      expect((await inbox(person))[0]).toMatchObject({ kind: 'program.cancelled' });
      expect((await inbox(person))[0]!.bodyKo).toContain('신청 인원이 적어 폐강합니다.');
    }
    const page = (await t.anonymous.get(`/api/programs/${id}`)).json();
    expect(page).toMatchObject({ status: 'cancelled', cancelReason: '신청 인원이 적어 폐강합니다.' });
    expect((await put(staff, id, editBody(await officeView(id)))).statusCode).toBe(409);
    expect((await people[0]!.post(`/api/programs/${id}/enrolment`)).statusCode).toBe(409);
    // A draft was never shown: cancelling it would publish it with a reason, so it is refused.
    const draft = await officeView(await newProgram({ status: 'draft' }));
    const refused = await staff.post(`/api/programs/${draft.id}/cancellation`, { reason: '취소합니다.', version: draft.version });
    expect(refused.statusCode).toBe(409);
    expect((await t.anonymous.get(`/api/programs/${draft.id}`)).statusCode).toBe(404);
  });

  it('copies a program into the autumn term as a draft, skipping 추석', async () => {
    const id = await newProgram();
    const copied = await staff.post(`/api/programs/${id}/copy`, { startsOn: '2027-09-07' });
    expect(copied.statusCode, copied.body).toBe(201);
    const result = copied.json<CopyResult>();
    expect(result.skipped).toEqual([{ date: '2027-09-14', names: ['추석 전날'] }, { date: '2027-09-16', names: ['추석 다음 날'] }]);
    const draft = await officeView(result.id);
    expect(draft).toMatchObject({ status: 'draft', title: '생활 속 인문학', enrolmentOpensOn: null });
    expect(draft.sessions.map((s) => s.startsAt.slice(0, 10))).toEqual(['2027-09-07', '2027-09-09', '2027-09-21', '2027-09-23', '2027-09-28', '2027-09-30']);
    expect((await t.anonymous.get(`/api/programs/${result.id}`)).statusCode).toBe(404);
    // Publishing it from the editor puts it in the catalogue.
    const published = await put(staff, result.id, { ...editBody(draft), publish: true });
    expect(published.json<EditResult>().program.status).toBe('published');
    expect((await t.anonymous.get(`/api/programs/${result.id}`)).statusCode).toBe(200);
  });

  it('sends residents to the institution when it takes enrolments by phone', async () => {
    const id = await newProgram();
    const body = editBody(await officeView(id), { registrationMode: 'phone', registrationNote: '평일 9–18시 02-2680-6000', materials: '필기구' });
    expect((await put(staff, id, body)).statusCode).toBe(200);
    const [person] = await residents(t, 1);
    const refused = await person!.post(`/api/programs/${id}/enrolment`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('02-2680-6000');
    expect((await t.anonymous.get(`/api/programs/${id}`)).json()).toMatchObject({ registrationMode: 'phone', materials: '필기구' });
    const stored = await firstRow<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM enrolments WHERE program_id = ${id}`);
    expect(stored!.n).toBe(0);
  });
});
