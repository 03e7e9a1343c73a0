/**
 * Issue 10, item 6: the instructor and volunteer pool. People keep their own profile (published by choice);
 * an institution's staff see only published profiles that travel to their city, rank them for one of their
 * programs (skill, travel area, every session's time, with reasons and clashes) and assign one; the instructor
 * is told and sees the sessions in their schedule. Other cities, other institutions and instructors cannot.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageOf } from '../../src/shared/contracts/common.ts';
import type { Assignment, Candidate, InstructorProfile, InstructorProfileBody, PoolEntry, TaughtProgram, TeachingSession } from '../../src/shared/contracts/instructors.ts';
import { firstRow } from '../../src/server/platform/database/database.ts';
import { addDays } from '../../src/shared/lib/schedule.ts';
import { todayInKorea } from '../support/clock.ts';
import { testEngine } from '../support/database.ts';
import { residents, testApp, type Client, type TestApp } from '../support/app.ts';

const GWANGMYEONG = '31060';
const SUNCHEON = '36030';

describe(`the instructor and volunteer pool on ${testEngine()}`, () => {
  let t: TestApp;
  let staff: Client;
  let admin: Client;
  let suncheonManager: Client;
  let centreInstructor: Client;
  let centre: number;
  let suncheonCentre: number;
  let venueId: number;
  let otherDong: string;
  let people: (Client & { personId: number })[];
  const today = todayInKorea();

  const put = (client: Client, url: string, body: unknown) => client.request({ method: 'PUT', url, payload: body as object });
  const del = (client: Client, url: string) => client.request({ method: 'DELETE', url });
  const profile = (changes: Partial<InstructorProfileBody>): InstructorProfileBody => ({
    kind: 'instructor', bio: '', skills: [], targetGroups: [], certificates: [], availability: [], travelCities: [], travelDongs: [], published: true, ...changes,
  });
  const saveProfile = async (client: Client, body: InstructorProfileBody) => {
    const saved = await put(client, '/api/me/instructor-profile', body);
    expect(saved.statusCode, saved.body).toBe(200);
    return saved.json<InstructorProfile>();
  };
  const newProgram = async (changes: Record<string, unknown> = {}) => {
    const response = await staff.post('/api/programs', {
      institutionId: centre, venueId, title: '어르신 인문학 교실', description: '함께 읽고 이야기하는 인문학 강좌입니다.', area: 'liberal_arts',
      subcategory: 'humanities', targetGroups: ['elderly'], mode: 'in_person', startsOn: addDays(today, 14), weekdays: ['tue', 'thu'],
      startTime: '10:00', endTime: '12:00', sessionCount: 4, capacity: 10, feeKrw: 0, ...changes,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: number }>().id;
  };
  const poolOf = async (client: Client, institution: number, query = '') =>
    (await client.get(`/api/institutions/${institution}/instructor-pool?pageSize=100${query}`)).json<PageOf<PoolEntry>>().items.map((p) => p.id);

  let exact: InstructorProfile;
  let nearby: InstructorProfile;
  let hidden: InstructorProfile;
  let southern: InstructorProfile;

  beforeAll(async () => {
    t = await testApp();
    [staff, admin] = await Promise.all([t.as('staff@example.com'), t.as('admin@example.com')]);
    centre = (await staff.get('/api/auth/me')).json().grants[0].institutionId;
    venueId = (await t.anonymous.get(`/api/institutions/${centre}`)).json().venues.find((v: { seats: number }) => v.seats >= 10).id;
    const venueDong = (await firstRow<{ dong: string }>(t.database.db, sql`SELECT dong_code AS dong FROM venues WHERE id = ${venueId}`))!.dong;
    otherDong = (await firstRow<{ code: string }>(t.database.db, sql`
      SELECT code FROM dongs WHERE municipality_code = ${GWANGMYEONG} AND code <> ${venueDong} ORDER BY code LIMIT 1`))!.code;
    suncheonCentre = (await t.anonymous.get(`/api/institutions?city=${SUNCHEON}&pageSize=100`)).json<PageOf<{ id: number }>>().items[0]!.id;
    people = await residents(t, 6);
    const [manager, instructorRole] = [people[4]!, people[5]!];
    expect((await admin.post(`/api/people/${manager.personId}/roles`, { role: 'institution_manager', institutionId: suncheonCentre })).statusCode).toBe(204);
    expect((await admin.post(`/api/people/${instructorRole.personId}/roles`, { role: 'institution_instructor', institutionId: centre })).statusCode).toBe(204);
    [suncheonManager, centreInstructor] = [manager, instructorRole];

    exact = await saveProfile(people[0]!, profile({
      bio: '도서관에서 10년 동안 어르신 인문학 강좌를 맡았습니다.', skills: ['humanities'], targetGroups: ['elderly'],
      certificates: [{ kind: 'lifelong_educator_2', name: '', issuer: '교육부', year: 2019 }, { kind: 'other', name: '독서지도사 1급', issuer: '한국독서교육개발원', year: 2015 }],
      availability: [{ weekday: 'tue', from: '09:00', to: '13:00' }, { weekday: 'thu', from: '09:00', to: '13:00' }], travelCities: [GWANGMYEONG],
    }));
    nearby = await saveProfile(people[1]!, profile({
      kind: 'volunteer', skills: ['health_mind'], availability: [{ weekday: 'tue', from: '10:00', to: '12:00' }], travelDongs: [otherDong],
    }));
    hidden = await saveProfile(people[2]!, profile({ skills: ['humanities'], travelCities: [GWANGMYEONG], published: false }));
    southern = await saveProfile(people[3]!, profile({ skills: ['humanities'], travelCities: [SUNCHEON] }));
  });
  afterAll(async () => t?.close());

  it('keeps a profile its owner alone edits, naming the places it travels to', async () => {
    expect(exact.certificates.map((c) => c.name)).toEqual(['평생교육사 2급', '독서지도사 1급']);
    expect(exact.travelCities).toEqual([expect.objectContaining({ code: GWANGMYEONG, nameKo: '광명시' })]);
    expect(nearby.travelDongs).toEqual([expect.objectContaining({ code: otherDong, cityNameKo: '광명시' })]);
    const mine = await people[0]!.get('/api/me/instructor-profile');
    expect(mine.json<InstructorProfile>().id).toBe(exact.id);
    expect((await staff.get('/api/me/instructor-profile')).statusCode).toBe(404);
    expect((await t.anonymous.get('/api/me/instructor-profile')).statusCode).toBe(401);
    // Bad input is refused with the field, and nothing is written.
    const backwards = await put(people[0]!, '/api/me/instructor-profile', profile({ availability: [{ weekday: 'mon', from: '12:00', to: '10:00' }], travelCities: [GWANGMYEONG] }));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({ field: 'availability' });
    const nowhere = await put(people[0]!, '/api/me/instructor-profile', profile({ travelDongs: ['9999999'] }));
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.json()).toMatchObject({ field: 'travelDongs' });
    const unnamed = await put(people[0]!, '/api/me/instructor-profile', profile({ certificates: [{ kind: 'other', name: ' ', issuer: '', year: null }], travelCities: [GWANGMYEONG] }));
    expect(unnamed.json()).toMatchObject({ field: 'certificates' });
    expect((await people[0]!.get('/api/me/instructor-profile')).json<InstructorProfile>().availability).toHaveLength(2);
  });

  it("shows an institution only its city's published profiles", async () => {
    const pool = await poolOf(staff, centre);
    expect(pool).toEqual(expect.arrayContaining([exact.id, nearby.id]));
    expect(pool).not.toContain(hidden.id);
    expect(pool).not.toContain(southern.id);
    expect((await staff.get(`/api/institutions/${centre}/instructor-pool/${hidden.id}`)).statusCode).toBe(404);
    expect((await staff.get(`/api/institutions/${centre}/instructor-pool/${southern.id}`)).statusCode).toBe(404);
    expect((await staff.get(`/api/institutions/${centre}/instructor-pool/${exact.id}`)).json<InstructorProfile>().displayName).toBeTruthy();

    // Another city's institution sees neither profile that does not travel there, but its own city's.
    const southernPool = await poolOf(suncheonManager, suncheonCentre);
    expect(southernPool).toContain(southern.id);
    expect(southernPool).not.toContain(exact.id);
    expect((await suncheonManager.get(`/api/institutions/${suncheonCentre}/instructor-pool/${exact.id}`)).statusCode).toBe(404);
    expect((await suncheonManager.get(`/api/institutions/${suncheonCentre}/instructor-pool/${exact.id}/history`)).statusCode).toBe(404);
    // Nor another institution's pool, residents, instructors or visitors.
    expect((await suncheonManager.get(`/api/institutions/${centre}/instructor-pool`)).statusCode).toBe(403);
    expect((await people[0]!.get(`/api/institutions/${centre}/instructor-pool`)).statusCode).toBe(403);
    expect((await centreInstructor.get(`/api/institutions/${centre}/instructor-pool`)).statusCode).toBe(403);
    expect((await t.anonymous.get(`/api/institutions/${centre}/instructor-pool`)).statusCode).toBe(401);

    // Publishing later brings a profile in; unpublishing takes it out again.
    await saveProfile(people[2]!, profile({ skills: ['humanities'], travelCities: [GWANGMYEONG], published: true }));
    expect(await poolOf(staff, centre)).toContain(hidden.id);
    await saveProfile(people[2]!, profile({ skills: ['humanities'], travelCities: [GWANGMYEONG], published: false }));
    expect(await poolOf(staff, centre)).not.toContain(hidden.id);
  });

  it('filters the pool by skill, target group, certificate, kind and free time', async () => {
    expect(await poolOf(staff, centre, '&skill=humanities')).toEqual([exact.id]);
    expect(await poolOf(staff, centre, '&targetGroup=elderly')).toEqual([exact.id]);
    expect(await poolOf(staff, centre, '&certificate=lifelong_educator_2')).toEqual([exact.id]);
    expect(await poolOf(staff, centre, '&certificate=lifelong_educator_1')).toEqual([]);
    expect(await poolOf(staff, centre, '&kind=volunteer')).toEqual([nearby.id]);
    expect(await poolOf(staff, centre, '&weekday=tue&from=10:00&to=12:00')).toEqual(expect.arrayContaining([exact.id, nearby.id]));
    expect(await poolOf(staff, centre, '&weekday=tue&from=12:00&to=13:00')).toEqual([exact.id]);
    expect(await poolOf(staff, centre, '&weekday=wed')).toEqual([]);
    const page = (await staff.get(`/api/institutions/${centre}/instructor-pool?pageSize=1`)).json<PageOf<PoolEntry>>();
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe(2);
    const timeless = await staff.get(`/api/institutions/${centre}/instructor-pool?from=10:00`);
    expect(timeless.statusCode).toBe(400);
    expect(timeless.json()).toMatchObject({ field: 'weekday' });
  });

  it('ranks the pool for a program with the reasons, and assigns only on its own programs', async () => {
    const programId = await newProgram();
    const ranked = await staff.get(`/api/programs/${programId}/instructor-candidates`);
    expect(ranked.statusCode, ranked.body).toBe(200);
    const [first, second, ...rest] = ranked.json<PageOf<Candidate>>().items;
    expect(rest).toEqual([]);
    expect(first!.profile.id).toBe(exact.id);
    expect(second!.profile.id).toBe(nearby.id);
    expect(first!.score).toBeGreaterThan(second!.score);
    const fits = (c: Candidate) => c.reasons.filter((r) => r.fit).map((r) => r.words.ko);
    const misses = (c: Candidate) => c.reasons.filter((r) => !r.fit).map((r) => r.words.ko);
    expect(fits(first!)).toEqual(expect.arrayContaining(['인문교양교육 · 인문학적교양 분야', '화요일 10:00–12:00 가능', '목요일 10:00–12:00 가능', '평생교육사 2급', '어르신 대상 경험']));
    expect(fits(first!).some((words) => words.endsWith('출강 가능'))).toBe(true);
    expect(misses(first!)).toEqual([]);
    expect(fits(second!)).toEqual(expect.arrayContaining(['인문교양교육 영역(다른 분야)', '화요일 10:00–12:00 가능']));
    expect(misses(second!)).toEqual(expect.arrayContaining(['목요일 10:00–12:00 불가']));
    expect(misses(second!).some((words) => words.endsWith('출강 지역 아님'))).toBe(true);

    // Another city's institution, the centre's instructor and residents cannot match or assign here.
    for (const outsider of [suncheonManager, centreInstructor, people[0]!]) {
      expect((await outsider.get(`/api/programs/${programId}/instructor-candidates`)).statusCode).toBe(403);
      expect((await put(outsider, `/api/programs/${programId}/instructor`, { profileId: exact.id })).statusCode).toBe(403);
    }
    // A profile outside the city's pool (or unpublished) cannot be assigned.
    for (const outside of [southern.id, hidden.id]) {
      const refused = await put(staff, `/api/programs/${programId}/instructor`, { profileId: outside });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ field: 'profileId' });
    }
    expect((await staff.get(`/api/programs/${programId}/instructor`)).json()).toBeNull();

    const assigned = await put(staff, `/api/programs/${programId}/instructor`, { profileId: exact.id });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json<Assignment>()).toMatchObject({ programId, profileId: exact.id, clashes: [] });
    expect((await staff.get(`/api/programs/${programId}`)).json().instructorName).toBe(exact.displayName);
    const inbox = (await people[0]!.get('/api/me/notifications')).json<{ items: { kind: string; link: string | null }[] }>().items;
    expect(inbox).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'instructors.assigned', link: '/me/teaching' })]));

    // Their schedule, in time order, across a page boundary; and as a calendar file.
    const schedule = (await people[0]!.get('/api/me/teaching?pageSize=3')).json<PageOf<TeachingSession>>();
    expect(schedule.total).toBe(4);
    expect(schedule.items.map((s) => s.sessionNo)).toEqual([1, 2, 3]);
    expect(schedule.items[0]).toMatchObject({ programId, title: '어르신 인문학 교실', sessionCount: 4 });
    expect(schedule.items[0]!.startsAt).toMatch(/T10:00:00\+09:00$/);
    const calendar = await people[0]!.get('/api/me/teaching/calendar.ics');
    expect(calendar.headers['content-type']).toContain('text/calendar');
    expect(calendar.body.match(/BEGIN:VEVENT/g)).toHaveLength(4);
    expect((await people[1]!.get('/api/me/teaching')).json<PageOf<TeachingSession>>().total).toBe(0);

    // A second program at the same time shows the clash, on the candidate and on assigning.
    const sameTime = await newProgram({ title: '어르신 글쓰기 교실' });
    const again = (await staff.get(`/api/programs/${sameTime}/instructor-candidates`)).json<PageOf<Candidate>>().items.find((c) => c.profile.id === exact.id)!;
    expect(again.clashes).toEqual([expect.objectContaining({ programId, title: '어르신 인문학 교실', startsAt: schedule.items[0]!.startsAt })]);
    const clashing = (await put(staff, `/api/programs/${sameTime}/instructor`, { profileId: exact.id })).json<Assignment>();
    expect(clashing.clashes.map((c) => c.programId)).toEqual([programId]);

    // History, to the city's institutions, with satisfaction; unassigning takes the sessions away and tells them.
    const history = (await staff.get(`/api/institutions/${centre}/instructor-pool/${exact.id}/history`)).json<PageOf<TaughtProgram>>();
    expect(history.items.map((p) => p.programId).sort()).toEqual([programId, sameTime].sort());
    expect(history.items[0]!.satisfaction).toMatchObject({ responses: 0, averages: null });
    expect((await del(suncheonManager, `/api/programs/${sameTime}/instructor`)).statusCode).toBe(403);
    expect((await del(staff, `/api/programs/${sameTime}/instructor`)).statusCode).toBe(204);
    expect((await del(staff, `/api/programs/${sameTime}/instructor`)).statusCode).toBe(204);
    expect((await staff.get(`/api/programs/${sameTime}`)).json().instructorName).toBeNull();
    expect((await people[0]!.get('/api/me/teaching')).json<PageOf<TeachingSession>>().total).toBe(4);
  });

  it("keeps a draft program out of the instructor's public history", async () => {
    const draft = await newProgram({ status: 'draft', title: '준비 중인 강좌' });
    expect((await put(staff, `/api/programs/${draft}/instructor`, { profileId: nearby.id })).statusCode).toBe(200);
    const own = (await people[1]!.get('/api/me/instructor-profile/history')).json<PageOf<TaughtProgram>>();
    expect(own.items.map((p) => p.programId)).toEqual([draft]);
    const seen = (await staff.get(`/api/institutions/${centre}/instructor-pool/${nearby.id}/history`)).json<PageOf<TaughtProgram>>();
    expect(seen.items).toEqual([]);
    // Another city's manager does not learn the draft exists.
    expect((await put(suncheonManager, `/api/programs/${draft}/instructor`, { profileId: nearby.id })).statusCode).toBe(404);
  });
});
