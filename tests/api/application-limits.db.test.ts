/**
 * Issue 15, item 4: one person, one application per program, and automated bursts slowed per account and per address
 * without hurting the honest residents who share the address (a community centre's PC): an account's refused burst
 * does not use up its address, while many accounts run from one address are held together.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstRow } from '../../src/server/platform/database/database.ts';
import { addDays } from '../../src/shared/lib/schedule.ts';
import { todayInKorea } from '../support/clock.ts';
import { testEngine } from '../support/database.ts';
import { residents, testApp, type Client, type TestApp } from '../support/app.ts';

describe(`limits on applications on ${testEngine()}`, () => {
  let t: TestApp;
  let programId: number;
  const enrol = (who: Client) => who.post(`/api/programs/${programId}/enrolment`);

  beforeAll(async () => {
    t = await testApp({ env: { APPLICATIONS_PER_ACCOUNT_PER_MINUTE: '5', APPLICATIONS_PER_ADDRESS_PER_MINUTE: '12' } });
    const staff = await t.as('staff@example.com');
    const institutionId = (await staff.get('/api/auth/me')).json().grants[0].institutionId;
    const venueId = (await t.anonymous.get(`/api/institutions/${institutionId}`)).json().venues[0].id;
    const created = await staff.post('/api/programs', {
      institutionId, venueId, title: '인기 강좌', description: '신청이 몰리는 강좌입니다.', area: 'liberal_arts', subcategory: 'humanities',
      targetGroups: ['all'], mode: 'in_person', startsOn: addDays(todayInKorea(), 30), weekdays: ['fri'], startTime: '10:00', endTime: '12:00',
      sessionCount: 4, capacity: 2, feeKrw: 0,
    });
    expect(created.statusCode, created.body).toBe(201);
    programId = created.json<{ id: number }>().id;
  });
  afterAll(() => t.close());

  it('a burst from one account gets one place and, past its limit, 429 with when to try again', async () => {
    const [bot] = await residents(t, 1);
    const answers = await Promise.all(Array.from({ length: 30 }, () => enrol(bot!)));
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 200)).toHaveLength(4);
    expect(codes.filter((c) => c === 429)).toHaveLength(25);
    const refused = answers.find((a) => a.statusCode === 429)!;
    expect(refused.json().error).toBe('rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const rows = await firstRow<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM enrolments WHERE program_id = ${programId} AND person_id = ${bot!.personId}`);
    expect(rows!.n).toBe(1);
  });

  it('the residents sharing that address still get in; many accounts from one address are held together', async () => {
    // The burst's refused requests did not count for the address: 5 of its 12 are used.
    const neighbours = await residents(t, 10);
    const codes: number[] = [];
    for (const who of neighbours) codes.push((await enrol(who)).statusCode);
    expect(codes.slice(0, 7).every((c) => c === 201)).toBe(true);
    expect(codes.slice(7)).toEqual([429, 429, 429]);
  });
});
