/**
 * The designation demo (what `npm start` shows of issue 9), seeded on the tests' data and read back through the API
 * as each demo account would: every state is there, each person sees their own work, and the dates agree.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../tests/support/app.ts';
import { testEngine } from '../../tests/support/database.ts';
import { todayInKorea } from '../../tests/support/clock.ts';
import { rows } from '../../src/server/platform/database/database.ts';
import { designationAccounts, seedDesignationDemo, type DesignationDemoSummary } from './designation-demo.ts';

describe(`the designation demo on ${testEngine()}`, () => {
  let t: TestApp;
  let demo: DesignationDemoSummary;
  const today = todayInKorea();
  beforeAll(async () => {
    t = await testApp();
    demo = await seedDesignationDemo(t.database.db, today);
  });
  afterAll(async () => t?.close());

  it('has this year’s call open and last year’s announced, with applications in every state', async () => {
    const calls = (await t.anonymous.get('/api/designation/calls')).json<{ items: { year: number; phase: string }[] }>().items;
    expect(calls.map((c) => [c.year, c.phase])).toEqual([[demo.thisYear, 'open'], [demo.lastYear, 'announced']]);
    // This year's call, or next year's when this year's results could no longer be announced in time.
    expect([0, 1]).toContain(demo.thisYear - Number(today.slice(0, 4)));
    const statuses = await rows<{ status: string; decision: string | null }>(t.database.db, sql`
      SELECT DISTINCT status, decision FROM designation_applications ORDER BY status, decision`);
    expect(statuses).toEqual([
      { status: 'decided', decision: 'designated' }, { status: 'decided', decision: 'potential' }, { status: 'decided', decision: 'rejected' },
      { status: 'draft', decision: null }, { status: 'endorsed', decision: null }, { status: 'returned', decision: null },
      { status: 'submitted', decision: null }, { status: 'withdrawn', decision: null },
    ]);
  });

  it('gives the province officer Gyeonggi’s submitted applications only, the endorsed ones ranked', async () => {
    const province = await t.as(designationAccounts[0].email);
    const calls = (await province.get('/api/designation/provinces/31/calls')).json<{ items: { id: number; year: number }[] }>().items;
    const open = calls.find((c) => c.year === demo.thisYear)!;
    const list = (await province.get(`/api/designation/provinces/31/applications?callId=${open.id}`)).json<{ items: { cityCode: string; status: string; provinceRank: number | null }[] }>();
    const byCity = Object.fromEntries(list.items.map((a) => [a.cityCode, [a.status, a.provinceRank]]));
    expect(byCity).toEqual({
      31040: ['submitted', null], 31070: ['returned', null], 31110: ['endorsed', 1], 31150: ['endorsed', 2], 31120: ['withdrawn', null],
    });
    expect((await province.get('/api/designation/provinces/33/applications')).statusCode).toBe(403);
  });

  it('lets Seongnam’s officer go on with its draft, and Hanam’s consultant review its improvement plan', async () => {
    const seongnam = await t.as(designationAccounts[3].email);
    const drafts = (await seongnam.get('/api/cities/31020/designation/applications')).json<{ items: { status: string; callYear: number }[] }>().items;
    expect(drafts).toMatchObject([{ status: 'draft' }]);
    const consultant = await t.as(designationAccounts[2].email);
    const consultings = (await consultant.get('/api/designation/consultings?mine=true')).json<{ items: { id: number; cityCode: string }[] }>().items;
    expect(consultings.map((c) => c.cityCode)).toEqual(['31180']);
    const detail = (await consultant.get(`/api/designation/consultings/${demo.consultingId}`)).json<{ milestones: { kind: string; status: string }[] }>();
    expect(detail.milestones.map((m) => [m.kind, m.status])).toEqual([['needs_survey', 'accepted'], ['improvement_plan', 'submitted'], ['midterm_plan', 'open']]);
  });

  it('shows the reviewer their three submitted reviews of last year', async () => {
    const reviewer = await t.as(designationAccounts[1].email);
    const reviews = (await reviewer.get('/api/designation/reviews')).json<{ items: { submittedAt: string | null }[] }>().items;
    expect(reviews).toHaveLength(3);
    expect(reviews.every((r) => r.submittedAt !== null)).toBe(true);
  });

  it('dates every step when it happened: last year’s in last year, in the order of the process', async () => {
    const steps = await rows<{ step: string; year: number }>(t.database.db, sql`
      SELECT l.step, c.year FROM designation_log l JOIN designation_calls c ON c.id = l.call_id WHERE l.step IN ('call_published', 'application_submitted', 'application_decided', 'call_announced')
      ORDER BY l.occurred_at, l.id`);
    const lastYears = steps.filter((s) => s.year === demo.lastYear).map((s) => s.step);
    expect(lastYears).toEqual(['call_published', 'application_submitted', 'application_submitted', 'application_submitted', 'application_decided', 'application_decided', 'application_decided', 'call_announced']);
    expect(steps.findIndex((s) => s.year === demo.thisYear)).toBe(lastYears.length);
    const announced = await rows<{ year: number }>(t.database.db, sql`
      SELECT extract(year FROM occurred_at AT TIME ZONE 'Asia/Seoul')::int AS year FROM designation_log WHERE step = 'call_announced'`);
    expect(announced).toEqual([{ year: demo.lastYear }]);
  });

  it('puts the outcomes on each city’s public timeline', async () => {
    for (const [code, state] of [['31160', 'designated'], ['31180', 'potential'], ['33020', 'rejected'], ['31110', 'applied']] as const) {
      const city = (await t.anonymous.get(`/api/cities/${code}`)).json<{ designations: { state: string }[] }>();
      expect(city.designations.at(-1)?.state, code).toBe(state);
    }
  });
});
