/**
 * The survey demo (what `npm start` shows of issue 12, item 4), seeded on the tests' data: every learning city has
 * enough answers to show, last year and this, with means spread from low to high; the demo accounts have not
 * answered; the same seed gives the same answers.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CitySatisfactionPage, MySatisfactionSurvey } from '../../src/shared/contracts/surveys.ts';
import { rows } from '../../src/server/platform/database/database.ts';
import { testApp, type TestApp } from '../../tests/support/app.ts';
import { testEngine } from '../../tests/support/database.ts';
import { todayInKorea } from '../../tests/support/clock.ts';
import { seedSurveysDemo } from './surveys-demo.ts';

describe(`the satisfaction survey demo on ${testEngine()}`, () => {
  let t: TestApp;
  let written: number;
  const today = todayInKorea();
  const year = Number(today.slice(0, 4));
  beforeAll(async () => {
    t = await testApp();
    written = await seedSurveysDemo(t.database, { today, seed: 2001 });
  });
  afterAll(async () => t?.close());

  it('shows every learning city’s results, this year and last, with some cities low and some high', async () => {
    const ministry = await t.as('ministry@example.com');
    for (const y of [year - 1, year]) {
      const page = (await ministry.get(`/api/surveys/city-satisfaction/${y}/cities?pageSize=100`)).json<CitySatisfactionPage>();
      expect(page.total).toBeGreaterThan(10);
      for (const city of page.items) {
        expect(city.responses, city.cityCode).toBeGreaterThanOrEqual(30);
        expect(city.overall, city.cityCode).not.toBeNull();
      }
      const means = page.items.map((c) => c.overall!.mean);
      expect(Math.min(...means)).toBeLessThan(3.2);
      expect(Math.max(...means)).toBeGreaterThan(3.8);
    }
  });

  it('leaves the demo accounts to answer themselves, keeps paper answers as entered by staff, and repeats from its seed', async () => {
    const resident = await t.as('resident@example.com');
    expect((await resident.get(`/api/surveys/city-satisfaction/${year}`)).json<MySatisfactionSurvey>()).toMatchObject({ refusal: null, answered: null });
    const [paper] = await rows<{ n: number; staff: number }>(t.database.db, sql`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE g.role IN ('institution_manager', 'institution_staff'))::int AS staff
      FROM survey_responses r JOIN role_grants g ON g.person_id = r.entered_by WHERE r.channel = 'paper'`);
    expect(paper!.n).toBeGreaterThan(0);
    expect(paper!.staff).toBe(paper!.n);
    const fingerprint = async () => (await rows<{ f: string }>(t.database.db, sql`
      SELECT md5(string_agg(r.person_id || ':' || a.question || ':' || COALESCE(a.score::text, a.text), ',' ORDER BY r.id, a.question)) AS f
      FROM survey_responses r JOIN survey_answers a ON a.response_id = r.id`))[0]!.f;
    const first = await fingerprint();
    await t.database.db.execute(sql`DELETE FROM survey_answers`);
    await t.database.db.execute(sql`DELETE FROM survey_responses`);
    expect(await seedSurveysDemo(t.database, { today, seed: 2001 })).toBe(written);
    expect(await fingerprint()).toBe(first);
  });
});
