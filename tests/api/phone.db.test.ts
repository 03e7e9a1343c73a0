/**
 * Issue 11, finding 6: a resident may leave a mobile number (at sign-up or later), typed as people type it and kept
 * as 010-1234-5678; it is theirs: shown to them, and to an institution only on the roster of a program of theirs
 * that promises text messages, never anywhere else.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Roster } from '../../src/shared/contracts/enrolment.ts';
import { firstRow } from '../../src/server/platform/database/database.ts';
import { addDays } from '../../src/shared/lib/schedule.ts';
import { todayInKorea } from '../support/clock.ts';
import { testEngine } from '../support/database.ts';
import { residents, testApp, type Client, type TestApp } from '../support/app.ts';

const STRONG = 'Quiet-Harbor-Lantern-58!';

describe(`a resident's phone number on ${testEngine()}`, () => {
  let t: TestApp;
  let staff: Client;
  let institutionId: number;
  let accounts = 0;
  const put = (who: Client, phone: string | null, headers: Record<string, string> = {}) =>
    who.request({ method: 'PUT', url: '/api/me/phone', payload: { phone }, headers });
  const signUp = (changes: Record<string, unknown>, headers: Record<string, string> = {}) => t.anonymous.request({
    method: 'POST', url: '/api/auth/signup', headers,
    payload: { email: `texted.${process.pid}.${(accounts += 1)}@example.com`, password: STRONG, displayName: '문자받기', ...changes },
  });

  beforeAll(async () => {
    t = await testApp();
    staff = await t.as('staff@example.com');
    institutionId = (await staff.get('/api/auth/me')).json().grants[0].institutionId;
  });
  afterAll(() => t.close());

  it('is optional at sign-up, and kept as 010-1234-5678 however it was typed', async () => {
    const without = await signUp({});
    expect(without.statusCode, without.body).toBe(201);
    expect(without.json().phone).toBeNull();

    const made = await signUp({ phone: '01012345678' });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().phone).toBe('010-1234-5678');
    const cookie = `lc_session=${made.cookies.find((c) => c.name === 'lc_session')!.value}`;
    const me = await t.anonymous.request({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.json().phone).toBe('010-1234-5678');
  });

  it('refuses a number that is not a Korean mobile one, naming the field as the form does, in both languages', async () => {
    const landline = await signUp({ phone: '02-123-4567' });
    expect(landline.statusCode).toBe(400);
    expect(landline.json()).toMatchObject({ field: 'phone' });
    expect(landline.json().message).toBe('휴대전화 번호는 010으로 시작하는 휴대전화 번호(010-1234-5678)로 입력해 주세요.');
    const english = await signUp({ phone: '010-12-345' }, { 'accept-language': 'en' });
    expect(english.json().message).toBe('Mobile phone number must be a mobile number starting with 010, like 010-1234-5678.');
    // Every problem at once: the phone beside the others.
    const several = await signUp({ phone: 'call me', displayName: '' });
    expect(several.json().problems.map((p: { field: string }) => p.field).sort()).toEqual(['displayName', 'phone']);
  });

  it('is set, changed and removed by its owner only', async () => {
    const [resident] = await residents(t, 1);
    expect((await put(t.anonymous, '010-1111-2222')).statusCode).toBe(401);
    const set = await put(resident!, '+82 10 9876 5432');
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().phone).toBe('010-9876-5432');
    expect((await put(resident!, '031-123-4567')).json().field).toBe('phone');
    expect((await resident!.get('/api/auth/me')).json().phone).toBe('010-9876-5432');
    const removed = await put(resident!, null);
    expect(removed.json().phone).toBeNull();
    // The database keeps only the normalised form: a number written around the service is refused.
    await expect(t.database.db.execute(sql`UPDATE people SET phone = '01098765432' WHERE id = ${resident!.personId}`)).rejects.toThrow();
  });

  it("is on the roster only of a program that promises text messages, and nowhere public", async () => {
    const venue = (await t.anonymous.get(`/api/institutions/${institutionId}`)).json().venues[0];
    // On different days, so that holding both is no clash.
    const program = async (textReminders: boolean, weekday: string) => {
      const response = await staff.post('/api/programs', {
        institutionId, venueId: venue.id, title: '문자 알림 강좌', description: '수업 전날 문자로 알려 드리는 강좌입니다.', area: 'liberal_arts',
        subcategory: 'humanities', targetGroups: ['all'], mode: 'in_person', startsOn: addDays(todayInKorea(), 14), weekdays: [weekday],
        startTime: '10:00', endTime: '12:00', sessionCount: 3, capacity: 5, feeKrw: 0, textReminders,
      });
      expect(response.statusCode, response.body).toBe(201);
      return (response.json() as { id: number }).id;
    };
    const texting = await program(true, 'tue');
    const silent = await program(false, 'wed');
    const [learner, other] = await residents(t, 2);
    await put(learner!, '010-5555-6666');
    for (const id of [texting, silent]) expect((await learner!.post(`/api/programs/${id}/enrolment`)).statusCode).toBe(201);

    const rosterOf = async (id: number) => (await staff.get(`/api/programs/${id}/roster`)).json() as Roster;
    expect((await rosterOf(texting)).enrolled.find((e) => e.personId === learner!.personId)!.phone).toBe('010-5555-6666');
    expect((await rosterOf(silent)).enrolled.find((e) => e.personId === learner!.personId)!.phone).toBeNull();
    expect((await t.anonymous.get(`/api/programs/${texting}`)).json().textReminders).toBe(true);

    // Another resident reaches no roster, and no public answer carries the number.
    expect((await other!.get(`/api/programs/${texting}/roster`)).statusCode).toBe(403);
    for (const url of [`/api/programs/${texting}`, `/api/programs?q=${encodeURIComponent('문자 알림')}`]) {
      expect((await other!.get(url)).body).not.toContain('5555-6666');
    }

    // The editor turns it off: the roster no longer shows the number.
    const edited = await staff.get(`/api/programs/${texting}/office`);
    expect(edited.statusCode, edited.body).toBe(200);
    const { id: _id, institutionId: _i, cityCode: _c, status: _s, phase: _p, cancelReason: _r, enrolled: _e, waitlisted: _w, sessions, ...fields } = edited.json();
    const saved = await staff.request({
      method: 'PUT', url: `/api/programs/${texting}`,
      payload: { ...fields, textReminders: false, sessions: sessions.map((s: { startsAt: string; endsAt: string }) => ({
        date: s.startsAt.slice(0, 10), startTime: s.startsAt.slice(11, 16), endTime: s.endsAt.slice(11, 16),
      })) },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await firstRow<{ text_reminders: boolean }>(t.database.db, sql`SELECT text_reminders FROM programs WHERE id = ${texting}`))!.text_reminders).toBe(false);
    expect((await rosterOf(texting)).enrolled.find((e) => e.personId === learner!.personId)!.phone).toBeNull();
  });
});
