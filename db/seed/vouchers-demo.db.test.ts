/** The vouchers demo (what `npm start` shows of issue 13, item 6), seeded on the tests' data and read back through the API. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageOf } from '../../src/shared/contracts/common.ts';
import type { Voucher, VoucherProgramme, VoucherStats } from '../../src/shared/contracts/vouchers.ts';
import { todayInKorea } from '../../tests/support/clock.ts';
import { testApp, type TestApp } from '../../tests/support/app.ts';
import { testEngine } from '../../tests/support/database.ts';
import { seedVouchersDemo } from './vouchers-demo.ts';

describe(`the vouchers demo on ${testEngine()}`, () => {
  let t: TestApp;
  const today = todayInKorea();
  const year = Number(today.slice(0, 4));
  beforeAll(async () => {
    t = await testApp();
    await seedVouchersDemo(t.database.db, { today, seed: 2001 });
  });
  afterAll(async () => t?.close());

  it('gives the demo resident a ₩350,000 national voucher, drawn from a seed the generator’s seed fixes', async () => {
    const resident = await t.as('resident@example.com');
    const mine = (await resident.get('/api/me/vouchers')).json<PageOf<Voucher>>();
    expect(mine.items).toMatchObject([{ amount: 350_000, balance: 350_000, year, cityCode: null, expired: false }]);
    const national = (await t.anonymous.get(`/api/vouchers/national/${year}`)).json<VoucherProgramme>();
    expect(national.seed).toBe(createHash('sha256').update(`vouchers-demo:2001:national:${year}`).digest('hex'));
    expect(national).toMatchObject({ applications: 9, issued: 7, accepting: false });
    const stats = (await (await t.as('ministry@example.com')).get(`/api/vouchers/national/${year}/statistics`)).json<VoucherStats>();
    expect(stats.totals).toMatchObject({ applicants: 9, confirmed: 7, issued: 7 });
    // Every group of the demo is under five people: no figures shown.
    expect(stats.items.every((r) => r.suppressed)).toBe(true);
  });

  it('leaves Suncheon’s own programme open for its residents to apply', async () => {
    const open = (await t.anonymous.get('/api/vouchers?cityCode=36030')).json<PageOf<VoucherProgramme>>();
    expect(open.items.map((p) => p.cityCode)).toEqual(['36030']);
  });
});
