/**
 * Enrolment: idempotent, first-come waitlist with automatic promotion, eligibility and clashes explained,
 * and never more people than places, whatever the concurrency.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Roster } from '../../src/shared/contracts/enrolment.ts';
import { firstRow, rows } from '../../src/server/platform/database/database.ts';
import { addDays } from '../../src/shared/lib/schedule.ts';
import { todayInKorea } from '../support/clock.ts';
import { testEngine } from '../support/database.ts';
import { residents, testApp, type Client, type TestApp } from '../support/app.ts';

describe(`enrolment on ${testEngine()}`, () => {
  let t: TestApp;
  let staff: Client;
  let institutionId: number;
  let venueId: number;
  let seats: number;
  const today = todayInKorea();

  /** A program of the staff member's institution (Gwangmyeong), starting in two weeks, Tuesdays 10–12. */
  const newProgram = async (changes: Record<string, unknown> = {}) => {
    const response = await staff.post('/api/programs', {
      institutionId, venueId, title: '테스트 강좌', description: '테스트를 위한 강좌입니다. 누구나 들을 수 있습니다.', area: 'liberal_arts',
      subcategory: 'humanities', targetGroups: ['all'], mode: 'in_person', startsOn: addDays(today, 14), weekdays: ['tue'],
      startTime: '10:00', endTime: '12:00', sessionCount: 5, capacity: Math.min(20, seats), feeKrw: 0, ...changes,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: number };
  };
  const seatCount = async (programId: number) =>
    (await firstRow<{ enrolled: number; waitlisted: number }>(t.database.db, sql`
      SELECT count(*) FILTER (WHERE status = 'enrolled')::int AS enrolled, count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted
      FROM enrolments WHERE program_id = ${programId}`))!;

  beforeAll(async () => {
    t = await testApp();
    staff = await t.as('staff@example.com');
    institutionId = (await staff.get('/api/auth/me')).json().grants[0].institutionId;
    const venue = (await t.anonymous.get(`/api/institutions/${institutionId}`)).json().venues.sort((a: { seats: number }, b: { seats: number }) => b.seats - a.seats)[0];
    [venueId, seats] = [venue.id, venue.seats];
  });
  afterAll(() => t.close());

  it('enrols a resident, and asking again returns the same place', async () => {
    const program = await newProgram();
    const [learner] = await residents(t, 1);
    const first = await learner!.post(`/api/programs/${program.id}/enrolment`);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: 'enrolled', waitlistPosition: null });
    const again = await learner!.post(`/api/programs/${program.id}/enrolment`);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    expect((await seatCount(program.id)).enrolled).toBe(1);
    expect((await t.anonymous.get(`/api/programs/${program.id}`)).json().seatsLeft).toBe(Math.min(20, seats) - 1);
  });

  /** Who waits, in order, as the waitlist shows it to the institution. */
  const waitingOrder = async (programId: number) =>
    ((await staff.get(`/api/programs/${programId}/roster`)).json() as Roster).waitlist.map((e) => e.personId);
  /** The people of a program holding a place, in the order their status last changed (so promotions in the order they happened). */
  const seatedInOrderOfChange = async (programId: number) =>
    (await rows<{ personId: number }>(t.database.db, sql`
      SELECT person_id AS "personId" FROM enrolments WHERE program_id = ${programId} AND status = 'enrolled' ORDER BY status_changed_at, id`)).map((r) => r.personId);

  it('keeps a first-come waitlist of many, one request at a time, and promotes in order of arrival', async () => {
    const program = await newProgram({ capacity: 3 });
    const people = await residents(t, 12);
    // Arrival order differs from the order the accounts were made in, so neither ids nor names can stand in for it.
    const arrival = [7, 2, 10, 0, 5, 11, 3, 8, 1, 9, 4, 6].map((i) => people[i]!);
    for (const [i, learner] of arrival.entries()) {
      const answer = (await learner.post(`/api/programs/${program.id}/enrolment`)).json();
      expect(answer).toMatchObject(i < 3 ? { status: 'enrolled', waitlistPosition: null } : { status: 'waitlisted', waitlistPosition: i - 2, seatsLeft: 0 });
    }
    const seated = arrival.slice(0, 3);
    const queue = arrival.slice(3);
    expect(await waitingOrder(program.id)).toEqual(queue.map((p) => p.personId));

    // Leaving the waitlist and joining again puts one at the back, behind people who joined after them the first time.
    const second = queue[1]!;
    await second.request({ method: 'DELETE', url: `/api/programs/${program.id}/enrolment` });
    expect((await second.post(`/api/programs/${program.id}/enrolment`)).json()).toMatchObject({ status: 'waitlisted', waitlistPosition: queue.length });
    queue.push(...queue.splice(1, 1));

    // Each freed place goes to whoever is first in line; everyone behind moves up one.
    const promotions: typeof people = [];
    for (const leaving of seated) {
      expect((await leaving.request({ method: 'DELETE', url: `/api/programs/${program.id}/enrolment` })).json().status).toBe('cancelled');
      const promoted = queue.shift()!;
      promotions.push(promoted);
      expect((await promoted.get(`/api/programs/${program.id}/enrolment`)).json()).toMatchObject({ status: 'enrolled', waitlistPosition: null });
      for (const [i, waiting] of queue.entries()) {
        expect((await waiting.get(`/api/programs/${program.id}/enrolment`)).json()).toMatchObject({ status: 'waitlisted', waitlistPosition: i + 1 });
      }
      expect(await waitingOrder(program.id)).toEqual(queue.map((p) => p.personId));
    }
    expect(promotions.map((p) => p.personId)).toEqual([3, 5, 6].map((i) => arrival[i]!.personId));
    expect(await seatedInOrderOfChange(program.id)).toEqual(promotions.map((p) => p.personId));
    expect(await seatCount(program.id)).toEqual({ enrolled: 3, waitlisted: 6 });

    // Cancelling a waitlist entry frees no place.
    await queue[0]!.request({ method: 'DELETE', url: `/api/programs/${program.id}/enrolment` });
    expect(await seatCount(program.id)).toEqual({ enrolled: 3, waitlisted: 5 });
  });

  it('shows seats left in search as places are taken', async () => {
    const program = await newProgram({ capacity: 3, title: '좌석 확인 강좌' });
    const seatsInSearch = async () => ((await t.anonymous.get(`/api/programs?q=${encodeURIComponent('좌석 확인')}`)).json().items as { id: number; seatsLeft: number }[]).find((i) => i.id === program.id)!.seatsLeft;
    expect(await seatsInSearch()).toBe(3);
    const [learner] = await residents(t, 1);
    await learner!.post(`/api/programs/${program.id}/enrolment`);
    expect(await seatsInSearch()).toBe(2);
  });

  it('explains age rules in Korean, or in English when asked', async () => {
    const program = await newProgram({ minAge: 65, targetGroups: ['elderly'] });
    const [young] = await residents(t, 1, { birthYear: 1990 });
    const korean = await young!.post(`/api/programs/${program.id}/enrolment`);
    expect(korean.statusCode).toBe(409);
    expect(korean.json()).toMatchObject({ error: 'not_eligible', reasons: [{ code: 'too_young', minAge: 65 }] });
    expect(korean.json().message).toContain('만 65세 이상');
    const english = await young!.request({ method: 'POST', url: `/api/programs/${program.id}/enrolment`, headers: { 'accept-language': 'en-GB,en' } });
    expect(english.json().message).toContain('aged 65 and over');
    const [old] = await residents(t, 1, { birthYear: 1950 });
    expect((await old!.post(`/api/programs/${program.id}/enrolment`)).statusCode).toBe(201);
  });

  it('lets residents of the city enrol first, and says from when others can', async () => {
    const openToAll = addDays(today, 5);
    const program = await newProgram({ residentsFirst: true });
    await t.database.db.execute(sql`UPDATE programs SET open_to_all_on = ${openToAll} WHERE id = ${program.id}`);
    const [visitor] = await residents(t, 1, { homeCityCode: '36030' });
    const refused = await visitor!.post(`/api/programs/${program.id}/enrolment`);
    expect(refused.json()).toMatchObject({ error: 'not_eligible', reasons: [{ code: 'residents_first', openToAllOn: openToAll }] });
    expect(refused.json().message).toContain(`${openToAll}부터`);
    const [local] = await residents(t, 1, { homeCityCode: '31060' });
    expect((await local!.post(`/api/programs/${program.id}/enrolment`)).statusCode).toBe(201);
  });

  it('says when enrolment has not opened yet', async () => {
    const program = await newProgram({ enrolmentOpensOn: addDays(today, 3) });
    const [learner] = await residents(t, 1);
    const response = await learner!.post(`/api/programs/${program.id}/enrolment`);
    expect(response.json()).toMatchObject({ reasons: [{ code: 'not_open', opensOn: addDays(today, 3) }] });
  });

  it('explains a clash with another enrolment, and enrols anyway when asked to', async () => {
    const morning = await newProgram({ title: '화요일 아침 강좌' });
    const overlapping = await newProgram({ title: '겹치는 강좌', startTime: '11:00', endTime: '13:00' });
    const afternoon = await newProgram({ title: '오후 강좌', startTime: '14:00', endTime: '16:00' });
    const [learner] = await residents(t, 1);
    await learner!.post(`/api/programs/${morning.id}/enrolment`);
    const clash = await learner!.post(`/api/programs/${overlapping.id}/enrolment`);
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ error: 'schedule_clash', reasons: [{ code: 'clash', programTitle: '화요일 아침 강좌' }] });
    expect(clash.json().message).toContain('「화요일 아침 강좌」');
    expect((await learner!.post(`/api/programs/${afternoon.id}/enrolment`)).statusCode).toBe(201);
    expect((await learner!.post(`/api/programs/${overlapping.id}/enrolment`, { allowClash: true })).statusCode).toBe(201);
  });

  it('never seats more people than there are places, with hundreds enrolling at once, and promotes them in order of arrival', async () => {
    const program = await newProgram({ capacity: 10, title: '인기 강좌' });
    const crowd = await residents(t, 300);
    const answers = await Promise.all(crowd.map((learner) => learner.post(`/api/programs/${program.id}/enrolment`)));
    expect(answers.every((a) => a.statusCode === 201)).toBe(true);
    const statuses = answers.map((a) => a.json().status);
    expect(statuses.filter((s) => s === 'enrolled')).toHaveLength(10);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(290);
    const positions = answers.map((a) => a.json().waitlistPosition).filter((p) => p !== null).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 290 }, (_, i) => i + 1));
    expect(await seatCount(program.id)).toEqual({ enrolled: 10, waitlisted: 290 });

    // Places freed at the same moment go to the first in line, in the order they arrived. Arrival is what each
    // answer said at the time: the nth person to join the waitlist was told position n.
    const byArrival = crowd.map((learner, i) => ({ learner, position: answers[i]!.json().waitlistPosition as number | null }))
      .filter((w) => w.position !== null).sort((a, b) => a.position! - b.position!).map((w) => w.learner);
    const leaving = crowd.filter((_, i) => statuses[i] === 'enrolled').slice(0, 5);
    const before = await seatedInOrderOfChange(program.id);
    await Promise.all(leaving.map((learner) => learner.request({ method: 'DELETE', url: `/api/programs/${program.id}/enrolment` })));
    expect(await seatCount(program.id)).toEqual({ enrolled: 10, waitlisted: 285 });
    const promoted = (await seatedInOrderOfChange(program.id)).filter((id) => !before.includes(id));
    expect(promoted).toEqual(byArrival.slice(0, 5).map((p) => p.personId));
    expect(await waitingOrder(program.id)).toEqual(byArrival.slice(5).map((p) => p.personId));
    for (const [i, waiting] of byArrival.slice(5, 10).entries()) {
      expect((await waiting.get(`/api/programs/${program.id}/enrolment`)).json()).toMatchObject({ status: 'waitlisted', waitlistPosition: i + 1 });
    }
  });

  it('keeps one enrolment when the same person clicks many times at once', async () => {
    const program = await newProgram({ capacity: 1 });
    const [learner] = await residents(t, 1);
    const answers = await Promise.all(Array.from({ length: 25 }, () => learner!.post(`/api/programs/${program.id}/enrolment`)));
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    expect(await seatCount(program.id)).toEqual({ enrolled: 1, waitlisted: 0 });
  });

  it('asks anonymous visitors to log in, and explains unknown programs and empty cancellations', async () => {
    expect((await t.anonymous.post('/api/programs/1/enrolment')).statusCode).toBe(401);
    const [learner] = await residents(t, 1);
    expect((await learner!.post('/api/programs/999999/enrolment')).statusCode).toBe(404);
    const program = await newProgram();
    expect((await learner!.request({ method: 'DELETE', url: `/api/programs/${program.id}/enrolment` })).statusCode).toBe(404);
    expect((await learner!.post(`/api/programs/${program.id}/enrolment`, { allowClash: 'yes' })).json().field).toBe('allowClash');
  });
});
