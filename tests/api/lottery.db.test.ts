/**
 * The lottery (추첨) and offline applications (issue 15, item 3): a draw anyone can recompute from the published
 * seed and application numbers, priority tiers, one application per person, exactly one draw however many are
 * asked for at once, and applications entered at a centre in the same draw or the same first-come queue.
 */
import { createHash, createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Roster } from '../../src/shared/contracts/enrolment.ts';
import type { ApplicantPage, DrawResult, LotteryApplication, LotteryView, OfflineApplicationResult } from '../../src/shared/contracts/lottery.ts';
import type { OfficeProgram, ProgramEditBody } from '../../src/shared/contracts/program-office.ts';
import { rows } from '../../src/server/platform/database/database.ts';
import { addDays } from '../../src/shared/lib/schedule.ts';
import { todayInKorea } from '../support/clock.ts';
import { testEngine } from '../support/database.ts';
import { residents, testApp, type Client, type TestApp } from '../support/app.ts';

describe(`lottery on ${testEngine()}`, () => {
  let t: TestApp;
  let staff: Client;
  let staffId: number;
  let institutionId: number;
  let venueId: number;
  const today = todayInKorea();
  const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

  const newProgram = async (changes: Record<string, unknown> = {}) => {
    const response = await staff.post('/api/programs', {
      institutionId, venueId, title: '추첨 강좌', description: '신청한 사람 가운데 추첨으로 뽑는 강좌입니다.', area: 'liberal_arts',
      subcategory: 'humanities', targetGroups: ['all'], mode: 'in_person', startsOn: addDays(today, 21), weekdays: ['wed'],
      startTime: '10:00', endTime: '12:00', sessionCount: 4, capacity: 3, feeKrw: 0, ...changes,
    });
    expect(response.statusCode, response.body).toBe(201);
    return (response.json() as { id: number }).id;
  };
  /** Saves the program's registration through the editor, as its staff would. */
  const saveRegistration = async (id: number, registrationMode: ProgramEditBody['registrationMode']) => {
    const { id: _id, institutionId: _i, cityCode: _c, status: _s, phase: _p, cancelReason: _r, enrolled: _e, waitlisted: _w, sessions, ...terms } =
      (await staff.get(`/api/programs/${id}/office`)).json<OfficeProgram>();
    const body: ProgramEditBody = {
      ...terms, registrationMode,
      sessions: sessions.map((s) => ({ date: s.startsAt.slice(0, 10), startTime: s.startsAt.slice(11, 16), endTime: s.endsAt.slice(11, 16) })),
    };
    return staff.request({ method: 'PUT', url: `/api/programs/${id}`, payload: body });
  };
  const makeLottery = async (id: number) => {
    const saved = await saveRegistration(id, 'lottery');
    expect(saved.statusCode, saved.body).toBe(200);
  };
  const setUp = (id: number, priorityGroups: string[]) =>
    staff.request({ method: 'PUT', url: `/api/programs/${id}/lottery`, payload: { applicationsCloseAt: inAnHour(), drawOn: addDays(today, 1), priorityGroups } });
  const lotteryProgram = async (priorityGroups: string[], capacity = 3) => {
    const id = await newProgram({ capacity });
    await makeLottery(id);
    const response = await setUp(id, priorityGroups);
    expect(response.statusCode, response.body).toBe(200);
    return { id, opened: response.json<LotteryView>() };
  };
  /** The clock moves past the close of applications (the database's clock is the one the window is judged by). */
  const closeApplications = (id: number) =>
    t.database.db.execute(sql`UPDATE lotteries SET applications_close_at = clock_timestamp() - interval '1 second' WHERE program_id = ${id}`);
  const allApplicants = async (id: number) => {
    const first = (await staff.get(`/api/programs/${id}/lottery/applicants?pageSize=100`)).json<ApplicantPage>();
    expect(first.total).toBe(first.items.length);
    return first.items;
  };
  /** The whole published result, read a page of 3 at a time as a visitor would. */
  const publishedResult = async (id: number) => {
    const entries: DrawResult['items'] = [];
    for (let page = 1; ; page++) {
      const answer = (await t.anonymous.get(`/api/programs/${id}/lottery/result?page=${page}&pageSize=3`)).json<DrawResult>();
      entries.push(...answer.items);
      if (entries.length >= answer.total || answer.items.length === 0) return entries;
    }
  };

  beforeAll(async () => {
    t = await testApp();
    staff = await t.as('staff@example.com');
    const me = (await staff.get('/api/auth/me')).json();
    [staffId, institutionId] = [me.personId, me.grants[0].institutionId];
    const venue = (await t.anonymous.get(`/api/institutions/${institutionId}`)).json().venues.sort((a: { seats: number }, b: { seats: number }) => b.seats - a.seats)[0];
    venueId = venue.id;
  });
  afterAll(async () => t?.close());

  it('publishes the seed’s hash when it opens, reveals a seed matching it at the draw, and the order recomputes from that seed alone', async () => {
    const { id, opened } = await lotteryProgram(['over_65'], 3);
    expect(opened).toMatchObject({ phase: 'accepting', seed: null, priorityGroups: ['over_65'] });
    expect(opened.seedSha256).toMatch(/^[0-9a-f]{64}$/);

    const younger = await residents(t, 5, { birthYear: 1990 });
    const older = await residents(t, 2, { birthYear: 1950 });
    for (const person of [...younger, ...older]) {
      const applied = await person.post(`/api/programs/${id}/lottery/application`, {});
      expect(applied.statusCode, applied.body).toBe(201);
      expect(applied.json<LotteryApplication>()).toMatchObject({ phase: 'accepting', drawOn: addDays(today, 1), outcome: null });
    }
    // A walk-in resident with no account, aged 86, entered at the centre.
    const walkIn = (await staff.post(`/api/programs/${id}/offline-applications`, { displayName: '김순자', birthYear: 1940, livesInCity: true })).json<OfflineApplicationResult>();
    expect(walkIn).toMatchObject({ newRecord: true, created: true, application: { enteredByStaff: true, groups: ['city_resident', 'over_65'] } });

    // Before the draw nothing but the hash is known.
    expect((await t.anonymous.get(`/api/programs/${id}/lottery`)).json<LotteryView>()).toMatchObject({ seed: null, seedSha256: opened.seedSha256, applications: 8 });
    expect((await publishedResult(id))).toEqual([]);
    expect((await staff.post(`/api/programs/${id}/lottery/draw`)).statusCode).toBe(409);

    await closeApplications(id);
    const drawn = await staff.post(`/api/programs/${id}/lottery/draw`);
    expect(drawn.statusCode, drawn.body).toBe(200);
    expect(drawn.json()).toMatchObject({ won: 3, waitlisted: 5 });

    const published = (await t.anonymous.get(`/api/programs/${id}/lottery`)).json<LotteryView>();
    expect(published).toMatchObject({ phase: 'drawn', seatsDrawn: 3, seedSha256: opened.seedSha256 });
    const seed = published.seed!;
    // The commitment: SHA-256 of the seed's text is the hash published when the lottery opened.
    expect(createHash('sha256').update(seed).digest('hex')).toBe(opened.seedSha256);

    // Recomputed here from what is public (the seed; each application's number and tier), not by the server's code.
    const result = await publishedResult(id);
    const recomputed = result.map((e) => ({ applicationNo: e.applicationNo, tier: e.tier, ticket: createHmac('sha256', seed).update(String(e.applicationNo)).digest('hex') }))
      .sort((a, b) => a.tier - b.tier || (a.ticket < b.ticket ? -1 : 1))
      .map((e, i) => ({ ...e, position: i + 1, outcome: i < 3 ? 'won' : 'waitlisted' }));
    expect(result).toEqual(recomputed);
    // The tiers published are the applicants' real ones: the three aged 65 and over first.
    const applicants = await allApplicants(id);
    const tierOf = new Map(applicants.map((a) => [a.applicationNo, a.groups.includes('over_65') ? 1 : 2]));
    expect(result.map((e) => e.tier)).toEqual(result.map((e) => tierOf.get(e.applicationNo)));
    expect(result.slice(0, 3).every((e) => e.tier === 1)).toBe(true);
    expect(JSON.stringify(result)).not.toContain('김순자');

    // Winners enrolled, the rest waitlisted in drawn order; each person told.
    const roster = (await staff.get(`/api/programs/${id}/roster`)).json<Roster>();
    const personOf = new Map(applicants.map((a) => [a.applicationNo, a.personId]));
    expect(roster.enrolled.map((e) => e.personId).sort()).toEqual(result.slice(0, 3).map((e) => personOf.get(e.applicationNo)).sort());
    expect(roster.waitlist.map((e) => e.personId)).toEqual(result.slice(3).map((e) => personOf.get(e.applicationNo)));
    const someone = younger[0]!;
    const mine = (await someone.get(`/api/programs/${id}/lottery/application`)).json<LotteryApplication>();
    expect(mine.phase).toBe('drawn');
    expect(mine.outcome).toBe('waitlisted');
    const inbox = (await someone.get('/api/me/notifications')).json<{ items: { kind: string; titleKo: string }[] }>().items;
    expect(inbox.find((n) => n.kind === 'lottery.waitlisted')?.titleKo).toContain(`대기 ${mine.position! - 3}번`);
  });

  it('puts every priority applicant ahead of everyone else, whatever the seed', async () => {
    const { id } = await lotteryProgram(['city_resident'], 2);
    const local = await residents(t, 2, { homeCityCode: '31060' });
    const visitors = await residents(t, 6, { homeCityCode: '36030' });
    for (const person of [...visitors, ...local]) expect((await person.post(`/api/programs/${id}/lottery/application`, {})).statusCode).toBe(201);
    await closeApplications(id);
    expect((await staff.post(`/api/programs/${id}/lottery/draw`)).statusCode).toBe(200);
    for (const person of local) expect((await person.get(`/api/programs/${id}/lottery/application`)).json()).toMatchObject({ tier: 1, outcome: 'won' });
    for (const person of visitors) expect((await person.get(`/api/programs/${id}/lottery/application`)).json()).toMatchObject({ tier: 2, outcome: 'waitlisted' });
  });

  it('takes one application per person, even asked for at once and again at the centre', async () => {
    const { id } = await lotteryProgram([], 3);
    const [person] = await residents(t, 1);
    const answers = await Promise.all(Array.from({ length: 12 }, () => person!.post(`/api/programs/${id}/lottery/application`, {})));
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    expect(answers.every((a) => a.statusCode === 201 || a.statusCode === 200)).toBe(true);
    expect(new Set(answers.map((a) => a.json<LotteryApplication>().applicationNo)).size).toBe(1);
    const [row] = await rows<{ email: string }>(t.database.db, sql`SELECT email FROM people WHERE id = ${person!.personId}`);
    const atCentre = await staff.post(`/api/programs/${id}/offline-applications`, { email: row!.email.toUpperCase() });
    expect(atCentre.statusCode).toBe(200);
    expect(atCentre.json<OfflineApplicationResult>()).toMatchObject({ newRecord: false, created: false, personId: person!.personId });
    expect((await allApplicants(id))).toHaveLength(1);
    // And the database holds the line whatever the service does.
    await expect(t.database.db.execute(sql`
      INSERT INTO lottery_applications (program_id, person_id, city_code) SELECT program_id, person_id, city_code FROM lottery_applications WHERE program_id = ${id}`))
      .rejects.toThrow();
  });

  it('draws exactly once when many draws are asked for at once', async () => {
    const { id } = await lotteryProgram([], 2);
    for (const person of await residents(t, 5)) await person.post(`/api/programs/${id}/lottery/application`, {});
    await closeApplications(id);
    const answers = await Promise.all(Array.from({ length: 6 }, () => staff.post(`/api/programs/${id}/lottery/draw`)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const [counts] = await rows<{ enrolled: number; waitlisted: number }>(t.database.db, sql`
      SELECT count(*) FILTER (WHERE status = 'enrolled')::int AS enrolled, count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted
      FROM enrolments WHERE program_id = ${id}`);
    expect(counts).toEqual({ enrolled: 2, waitlisted: 3 });
    // Nor can the database be talked into drawing it again.
    const again = await t.database.db.execute(sql`UPDATE lotteries SET seats_drawn = 5 WHERE program_id = ${id}`).then(() => null, (e: Error) => e);
    expect(String((again?.cause as Error | undefined)?.message)).toMatch(/already drawn/);
  });

  it('refuses what does not fit the lottery, naming the field', async () => {
    const { id } = await lotteryProgram([], 2);
    const [person] = await residents(t, 1);
    const enrol = await person!.post(`/api/programs/${id}/enrolment`);
    expect(enrol.statusCode).toBe(409);
    expect(enrol.json().reasons).toEqual([{ code: 'by_lottery' }]);
    const past = await staff.request({
      method: 'PUT', url: `/api/programs/${id}/lottery`, headers: { 'accept-language': 'ko' },
      payload: { applicationsCloseAt: new Date(Date.now() - 60_000).toISOString(), drawOn: today, priorityGroups: [] },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json()).toMatchObject({ field: 'applicationsCloseAt', message: '신청 마감 시각은 지금보다 뒤여야 합니다.' });
    expect((await person!.post(`/api/programs/${id}/lottery/draw`)).statusCode).toBe(403);
    expect((await person!.get(`/api/programs/${id}/lottery/applicants`)).statusCode).toBe(403);
    expect((await staff.post(`/api/programs/${id}/offline-applications`, {})).json()).toMatchObject({ field: 'displayName' });
    expect((await person!.post(`/api/programs/${id}/lottery/application`, {})).statusCode).toBe(201);
    // Once people applied, the program stays a lottery.
    const backToFirstCome = await saveRegistration(id, 'online');
    expect(backToFirstCome.statusCode).toBe(409);
    expect(backToFirstCome.json().field).toBe('registrationMode');
    await closeApplications(id);
    const late = await residents(t, 1).then(([other]) => other!.post(`/api/programs/${id}/lottery/application`, {}));
    expect(late.statusCode).toBe(409);
    const firstCome = await newProgram();
    expect((await staff.request({
      method: 'PUT', url: `/api/programs/${firstCome}/lottery`, payload: { applicationsCloseAt: inAnHour(), drawOn: addDays(today, 1), priorityGroups: [] },
    })).json()).toMatchObject({ field: 'registrationMode' });
  });

  it('puts an application entered at the centre in the same first-come queue as online enrolments, in arrival order', async () => {
    const id = await newProgram({ capacity: 2 });
    const [first, third] = await residents(t, 2);
    expect((await first!.post(`/api/programs/${id}/enrolment`)).json()).toMatchObject({ status: 'enrolled' });
    const second = (await staff.post(`/api/programs/${id}/offline-applications`, { displayName: '박영수', birthYear: 1948 })).json<OfflineApplicationResult>();
    expect(second).toMatchObject({ newRecord: true, created: true, application: null, enrolment: { status: 'enrolled' } });
    expect((await third!.post(`/api/programs/${id}/enrolment`)).json()).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const roster = (await staff.get(`/api/programs/${id}/roster`)).json<Roster>();
    expect(roster.enrolled.map((e) => e.personId)).toEqual([first!.personId, second.personId]);
    const [entered] = await rows<{ enteredBy: number | null }>(t.database.db, sql`
      SELECT entered_by AS "enteredBy" FROM enrolments WHERE program_id = ${id} AND person_id = ${second.personId}`);
    expect(entered!.enteredBy).toBe(staffId);
  });
});
