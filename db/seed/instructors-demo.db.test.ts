/**
 * The instructor pool demo (what `npm start` shows of issue 10, item 6), seeded on the tests' data after the
 * colleagues demo and read back through the API as the demo instructor and the centre's manager would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageOf } from '../../src/shared/contracts/common.ts';
import type { InstructorProfile, PoolEntry, TaughtProgram, TeachingSession } from '../../src/shared/contracts/instructors.ts';
import { testApp, type TestApp } from '../../tests/support/app.ts';
import { testEngine } from '../../tests/support/database.ts';
import { todayInKorea } from '../../tests/support/clock.ts';
import { seedColleaguesDemo } from './colleagues-demo.ts';
import { seedInstructorsDemo } from './instructors-demo.ts';

describe(`the instructor pool demo on ${testEngine()}`, () => {
  let t: TestApp;
  const today = todayInKorea();
  beforeAll(async () => {
    t = await testApp();
    await seedColleaguesDemo(t.database.db);
    await seedInstructorsDemo(t.database.db);
  });
  afterAll(async () => t?.close());

  it('gives the demo instructor a published profile, programs at the centre and a schedule', async () => {
    const instructor = await t.as('instructor@example.com');
    const profile = (await instructor.get('/api/me/instructor-profile')).json<InstructorProfile>();
    expect(profile).toMatchObject({ displayName: '오세영', published: true });
    expect(profile.availability.length).toBeGreaterThan(0);
    // Programs still to come and one that ran, whatever the generated data holds of each.
    const history = (await instructor.get('/api/me/instructor-profile/history')).json<PageOf<TaughtProgram>>();
    expect(history.total).toBe(profile.programsTaught);
    expect(history.items.some((p) => p.startsOn > today)).toBe(true);
    expect(history.items.some((p) => p.endsOn < today)).toBe(true);
    const schedule = (await instructor.get('/api/me/teaching')).json<PageOf<TeachingSession>>();
    expect(schedule.total).toBeGreaterThan(0);
    const inbox = (await instructor.get('/api/me/notifications')).json<{ items: { kind: string }[] }>().items;
    expect(inbox.filter((n) => n.kind === 'instructors.assigned')).toHaveLength(profile.programsTaught);
  });

  it("shows the centre's manager the published profiles that travel to Gwangmyeong", async () => {
    const staff = await t.as('staff@example.com');
    const centre = (await staff.get('/api/auth/me')).json().grants[0].institutionId;
    const pool = (await staff.get(`/api/institutions/${centre}/instructor-pool?pageSize=100`)).json<PageOf<PoolEntry>>();
    expect(pool.items.map((p) => p.displayName).sort()).toEqual(['문지호', '배수민', '오세영', '장은숙']);
    expect(pool.items[0]!.displayName).toBe('오세영');
  });
});
