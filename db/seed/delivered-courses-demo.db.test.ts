/** The delivered-courses demo (what `npm start` shows of issue 13, item 3), seeded on the tests' data and read back as the demo officer and resident would. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageOf } from '../../src/shared/contracts/common.ts';
import type { DeliveredCourseSummary } from '../../src/shared/contracts/delivered-courses.ts';
import { testApp, type TestApp } from '../../tests/support/app.ts';
import { testEngine } from '../../tests/support/database.ts';
import { seedDeliveredCoursesDemo } from './delivered-courses-demo.ts';

describe(`the delivered-courses demo on ${testEngine()}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
    await seedDeliveredCoursesDemo(t.database.db);
  });
  afterAll(async () => t?.close());

  it('puts a Gwangmyeong group of five in the officer’s console and the Suncheon resident’s own request in hers', async () => {
    const officer = await t.as('officer@example.com');
    const ready = (await officer.get('/api/cities/31060/delivered-courses?status=ready')).json<PageOf<DeliveredCourseSummary>>();
    expect(ready.items).toEqual([expect.objectContaining({ status: 'ready', members: 5, minGroupSize: 5 })]);
    const resident = await t.as('resident@example.com');
    const mine = (await resident.get('/api/me/delivered-courses')).json<PageOf<DeliveredCourseSummary>>();
    expect(mine.items).toEqual([expect.objectContaining({ status: 'gathering', members: 1, mine: 'organised' })]);
  });
});
