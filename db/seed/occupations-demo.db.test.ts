/** The learning-to-jobs demo (what `npm start` shows of issue 13, item 7), seeded on the tests' data and read back through the API. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/server/platform/database/database.ts';
import type { JobCourses, ProgramJobs } from '../../src/shared/contracts/occupations.ts';
import { testApp, type TestApp } from '../../tests/support/app.ts';
import { testEngine } from '../../tests/support/database.ts';
import { seedOccupationsDemo } from './occupations-demo.ts';

describe(`the learning-to-jobs demo on ${testEngine()}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
    await seedOccupationsDemo(t.database.db);
    // Twice gives the same: the demo can be seeded again.
    await seedOccupationsDemo(t.database.db);
  });
  afterAll(async () => t?.close());

  it('tags the vocational programs whose titles name a trade, and residents find the open ones under their group', async () => {
    const programs = await rows<{ id: number; title: string; cityCode: string; open: boolean }>(t.database.db, sql`
      SELECT p.id, p.title, p.city_code AS "cityCode", s.program_id IS NOT NULL AS open FROM program_occupations o
      JOIN programs p ON p.id = o.program_id LEFT JOIN program_search s ON s.program_id = p.id ORDER BY p.id`);
    expect(programs.some((p) => p.cityCode === '31060')).toBe(true);
    const care = programs.find((p) => p.title.includes('요양보호사'))!;
    expect((await t.anonymous.get(`/api/programs/${care.id}/occupations`)).json<ProgramJobs>())
      .toMatchObject({ occupations: [{ code: '42' }], certificates: [{ name: '요양보호사', code: null }] });
    const open = programs.find((p) => p.open)!;
    const courses = (await t.anonymous.get(`/api/cities/${open.cityCode}/job-courses?pageSize=100`)).json<JobCourses>();
    expect(courses.items.map((c) => c.programId)).toContain(open.id);
    expect(courses.groups.length).toBeGreaterThan(0);
  });
});
