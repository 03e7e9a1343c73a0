/**
 * Opening day (issue 15, item 2): a city opens registration for a term's programs at one moment; before it nobody
 * enrols, after it arrivals take numbered tickets in the server's arrival order (distinct and increasing however many
 * come at once), the line survives a restart of the server unchanged, people are let in in ticket order at the
 * opening's rate, and once in they take places first come, never more than there are, one place per person.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpeningPage, OpeningView, WaitingTicket } from '../../src/shared/contracts/opening-day.ts';
import { buildApp } from '../../src/server/app.ts';
import { firstRow } from '../../src/server/platform/database/database.ts';
import { addDays } from '../../src/shared/lib/schedule.ts';
import { todayInKorea } from '../support/clock.ts';
import { testEngine } from '../support/database.ts';
import { residents, testApp, type Client, type TestApp } from '../support/app.ts';

describe(`opening day on ${testEngine()}`, () => {
  let t: TestApp;
  let staff: Client;
  let officer: Client;
  let cityCode: string;
  let institutionId: number;
  let venueId: number;
  const termStart = addDays(todayInKorea(), 180);
  let opening: OpeningView;
  let programIds: number[];
  let crowd: (Client & { personId: number })[];

  const newProgram = async (weekday: string, capacity: number) => {
    const response = await staff.post('/api/programs', {
      institutionId, venueId, title: '봄학기 강좌', description: '신청 개시일에 선착순으로 받는 강좌입니다.', area: 'liberal_arts',
      subcategory: 'humanities', targetGroups: ['all'], mode: 'in_person', startsOn: termStart, weekdays: [weekday],
      startTime: '10:00', endTime: '12:00', sessionCount: 4, capacity, feeKrw: 0,
    });
    expect(response.statusCode, response.body).toBe(201);
    return (response.json() as { id: number }).id;
  };
  const body = (changes: Record<string, unknown> = {}) => ({
    title: '봄학기 수강신청', opensAt: new Date(Date.now() + 3_600_000).toISOString(), waitingRoomMinutes: 120,
    programsStartingFrom: termStart, programsStartingUntil: addDays(termStart, 7), admitPerMinute: 6, ...changes,
  });
  const enrol = (who: Client, programId: number) => who.post(`/api/programs/${programId}/enrolment`);
  const ticketOf = async (who: Client, app = t.app) =>
    (await app.inject({ method: 'GET', url: `/api/registration-openings/${opening.id}/ticket`, headers: { cookie: who.cookie! } })).json<WaitingTicket>();
  /**
   * The database's clock moves on by one admission: at 6 a minute one person is let in every 10 s, and the bucket
   * holds one; a test takes well under 10 s, so nobody else is let in while it looks.
   */
  const oneMoreLetIn = () => t.database.db.execute(sql`
    UPDATE registration_openings SET admitted_as_of = clock_timestamp() - interval '10 seconds' WHERE id = ${opening.id}`);

  beforeAll(async () => {
    t = await testApp();
    [staff, officer] = await Promise.all([t.as('staff@example.com'), t.as('officer@example.com')]);
    institutionId = (await staff.get('/api/auth/me')).json().grants[0].institutionId;
    cityCode = (await officer.get('/api/auth/me')).json().grants[0].cityCode;
    const venue = (await t.anonymous.get(`/api/institutions/${institutionId}`)).json().venues.sort((a: { seats: number }, b: { seats: number }) => b.seats - a.seats)[0];
    venueId = venue.id;
    programIds = [await newProgram('mon', 3), await newProgram('wed', 20)];
    crowd = await residents(t, 10);
  });
  afterAll(() => t.close());

  it('a city officer opens registration for a term’s programs; others may not, and a program is in one opening at a time', async () => {
    const created = await officer.post(`/api/cities/${cityCode}/registration-openings`, body());
    expect(created.statusCode, created.body).toBe(201);
    opening = created.json<OpeningView>();
    expect(opening).toMatchObject({ cityCode, title: '봄학기 수강신청', admitPerMinute: 6, tickets: 0, admitted: 0 });
    expect(opening.programs).toBeGreaterThanOrEqual(2);
    const again = await officer.post(`/api/cities/${cityCode}/registration-openings`, body({ opensAt: new Date(Date.now() + 7_200_000).toISOString() }));
    expect(again.statusCode).toBe(409);
    expect(again.json().field).toBe('opensAt');
    const empty = await officer.post(`/api/cities/${cityCode}/registration-openings`, body({ programsStartingFrom: '2099-01-01', programsStartingUntil: '2099-01-02' }));
    expect(empty.statusCode).toBe(400);
    expect((await officer.get(`/api/cities/${cityCode}/registration-openings`)).json<OpeningPage>()).toMatchObject({ total: 1, items: [{ id: opening.id }] });
    const elsewhere = await t.as('officer.suncheon@example.com');
    expect((await elsewhere.post(`/api/cities/${cityCode}/registration-openings`, body())).statusCode).toBe(403);
    expect((await crowd[0]!.get(`/api/cities/${cityCode}/registration-openings`)).statusCode).toBe(403);
  });

  it('before the opening nobody enrols, and the refusal says when it opens', async () => {
    const early = await enrol(crowd[0]!, programIds[0]!);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ error: 'registration_not_open', opensAt: opening.opensAt });
    expect(early.json().message).toContain('신청은');
    expect((await firstRow<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM waiting_room_tickets WHERE opening_id = ${opening.id}`))!.n).toBe(0);
  });

  it('at the opening, arrivals at once get distinct, increasing tickets; the first is let in, the rest wait in order', async () => {
    await t.database.db.execute(sql`UPDATE registration_openings SET opens_at = clock_timestamp() WHERE id = ${opening.id}`);
    await oneMoreLetIn();
    const answers = await Promise.all(crowd.map((who) => enrol(who, programIds[0]!)));
    const waiting = answers.filter((a) => a.statusCode === 409).map((a) => a.json<{ error: string; ticket: WaitingTicket }>());
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    expect(waiting.every((w) => w.error === 'waiting_room')).toBe(true);
    const tickets = await Promise.all(crowd.map((who) => ticketOf(who)));
    expect(new Set(tickets.map((k) => k.number)).size).toBe(10);
    expect(tickets.map((k) => k.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const byNumber = [...tickets].sort((a, b) => a.number - b.number);
    expect(byNumber[0]).toMatchObject({ admitted: true, place: 0 });
    expect(byNumber.slice(1).map((k) => k.place)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // One every ten seconds: the last waits about a minute and a half, and is told to ask again politely (not every second).
    expect(byNumber.at(-1)!.estimatedWaitSeconds).toBeGreaterThanOrEqual(80);
    expect(byNumber.at(-1)!.pollAfterSeconds).toBeGreaterThanOrEqual(20);
    // Who enrolled holds ticket 1: arrival order decides.
    expect(crowd.filter((_, i) => answers[i]!.statusCode === 201).map((c) => c.personId)).toEqual(crowd.filter((_, i) => tickets[i]!.number === 1).map((c) => c.personId));
  });

  it('the line survives a restart of the server: the same numbers, the same places', async () => {
    const before = await Promise.all(crowd.map((who) => ticketOf(who)));
    await t.app.close();
    const app = await buildApp({ config: t.config, database: t.database, logger: false });
    await app.ready();
    t = { ...t, app };
    const after = await Promise.all(crowd.map((who) => ticketOf(who, app)));
    expect(after.map((k) => [k.number, k.place, k.admitted])).toEqual(before.map((k) => [k.number, k.place, k.admitted]));
  });

  it('people are let in in ticket order at the rate, whoever asks; asking again keeps the ticket', async () => {
    const numbers = await Promise.all(crowd.map((who) => ticketOf(who)));
    const byNumber = crowd.map((who, i) => ({ who, number: numbers[i]!.number })).sort((a, b) => a.number - b.number);
    const client = (who: Client) => ({ get: (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie! } }) });
    // The last in line asks first: the pass lets in the next in line (ticket 2), not them; then the ninth asks: ticket 3.
    await oneMoreLetIn();
    const last = (await client(byNumber.at(-1)!.who).get(`/api/registration-openings/${opening.id}/ticket`)).json<WaitingTicket>();
    expect(last).toMatchObject({ number: 10, admitted: false, place: 8 });
    await oneMoreLetIn();
    expect((await client(byNumber.at(-2)!.who).get(`/api/registration-openings/${opening.id}/ticket`)).json<WaitingTicket>()).toMatchObject({ number: 9, place: 6 });
    const now = await Promise.all(byNumber.map(({ who }) => client(who).get(`/api/registration-openings/${opening.id}/ticket`)));
    expect(now.map((r) => r.json<WaitingTicket>().admitted)).toEqual([true, true, true, false, false, false, false, false, false, false]);
    // Ticket 4 asks to enrol once more and is still number 4, first in line.
    const fourth = await t.app.inject({ method: 'POST', url: `/api/programs/${programIds[0]}/enrolment`, headers: { cookie: byNumber[3]!.who.cookie! } });
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json().ticket).toMatchObject({ number: 4, admitted: false, place: 1 });
  });

  it('once let in, places go first come: never more than capacity, one per person, the rest on the waitlist in order', async () => {
    // A faster rate for the rest of the morning; one poll lets everyone left in.
    await t.database.db.execute(sql`UPDATE registration_openings SET admit_per_minute = 6000 WHERE id = ${opening.id}`);
    await t.database.db.execute(sql`UPDATE registration_openings SET admitted_as_of = clock_timestamp() - interval '10 seconds' WHERE id = ${opening.id}`);
    expect((await ticketOf(crowd[0]!)).place).toBe(0);
    const client = (who: Client) => (url: string) => t.app.inject({ method: 'POST', url, headers: { cookie: who.cookie! } });
    // Everyone at once, each twice: the program has 3 places, one of them taken by ticket 1.
    const answers = await Promise.all(crowd.flatMap((who) => [client(who)(`/api/programs/${programIds[0]}/enrolment`), client(who)(`/api/programs/${programIds[0]}/enrolment`)]));
    expect(answers.every((a) => a.statusCode === 200 || a.statusCode === 201)).toBe(true);
    const counts = (await firstRow<{ enrolled: number; waitlisted: number; people: number; rows: number; seatsLeft: number }>(t.database.db, sql`
      SELECT count(*) FILTER (WHERE status = 'enrolled')::int AS enrolled, count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted,
             count(DISTINCT person_id)::int AS people, count(*)::int AS rows,
             (SELECT seats_left FROM program_search WHERE program_id = ${programIds[0]}) AS "seatsLeft"
      FROM enrolments WHERE program_id = ${programIds[0]}`))!;
    expect(counts).toEqual({ enrolled: 3, waitlisted: 7, people: 10, rows: 10, seatsLeft: 0 });
  });

  it('after the waiting room, with nobody left in line, enrolment is as any other day', async () => {
    await t.database.db.execute(sql`
      UPDATE registration_openings SET waiting_room_until = clock_timestamp() - interval '1 second', opens_at = clock_timestamp() - interval '2 hours'
      WHERE id = ${opening.id}`);
    const [late] = await residents(t, 1);
    const response = await t.app.inject({ method: 'POST', url: `/api/programs/${programIds[1]}/enrolment`, headers: { cookie: late!.cookie! } });
    expect(response.statusCode, response.body).toBe(201);
  });
});
