/**
 * Issue 13, item 6, in a real browser on a 390 px phone: the demo resident holds a national LearnFare voucher
 * (issued through the API: applied, confirmed, drawn, issued); she enrols in a paid class, pays its fee with the
 * voucher, cancels before it starts and is refunded in full — My learning shows the balance back and the ledger.
 * Korean, checked with axe in the normal and the high-contrast mode.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../db/seed/accounts.ts';
import { firstRow, rows } from '../../src/server/platform/database/database.ts';
import { addDays } from '../../src/shared/lib/schedule.ts';
import {
  apiAs, checkScreen, chromiumAvailable, highContrastViolations, logIn, openStage, type RunningServer, type Stage,
} from '../support/browser.ts';
import { todayInKorea } from '../support/clock.ts';

const TITLE = '수채화로 그리는 우리 동네';
const JOURNEY = 'vouchers';
const YEAR = 2041;

describe.skipIf(!chromiumAvailable)('a voucher holder pays a class with the voucher, cancels and is refunded', () => {
  let stage: Stage;
  let server: RunningServer;
  let page: Page;
  let programId: number;

  const bothModes = async (step: string) => {
    await checkScreen(page, JOURNEY, step);
    expect(await highContrastViolations(page), `${step} in high contrast`).toEqual([]);
  };

  beforeAll(async () => {
    stage = await openStage();
    ({ server } = stage);
    page = await stage.open('phone');
    const db = server.database.db;
    const today = todayInKorea();
    // The voucher, through the whole path the officer's page takes.
    const [ministry, resident, staff] = await Promise.all([apiAs(server, 'ministry@example.com'), apiAs(server, 'resident@example.com'), apiAs(server, 'staff@example.com')]);
    const base = `/api/vouchers/national/${YEAR}`;
    const set = await server.app.inject({ method: 'PUT', url: base, headers: { cookie: await loginCookie('ministry@example.com') }, payload: {
      title: '평생교육이용권', budget: 3_500_000, amountPerPerson: 350_000, minAge: 19, eligibleGroups: ['over_65', 'low_income'], incomeMedianPercent: 65,
      priorityGroups: [], applicationsCloseOn: addDays(today, 7), expiresOn: addDays(today, 300),
    } });
    expect(set.statusCode, set.body).toBe(200);
    const applied = await resident('POST', `${base}/application`, { declaredGroups: ['over_65'], evidence: '신분증' });
    expect(applied.statusCode, applied.body).toBe(201);
    await db.execute(sql`UPDATE voucher_programmes SET applications_close_on = ${addDays(today, -1)} WHERE year = ${YEAR} AND city_code IS NULL`);
    expect((await ministry('POST', `${base}/applications/${applied.json().id}/decision`, { decision: 'confirmed' })).statusCode).toBe(200);
    expect((await ministry('POST', `${base}/draw`)).statusCode).toBe(200);
    expect((await ministry('POST', `${base}/issue`)).json()).toMatchObject({ issued: 1 });

    const { institutionId } = (await firstRow<{ institutionId: number }>(db, sql`
      SELECT g.institution_id AS "institutionId" FROM role_grants g JOIN people p ON p.id = g.person_id WHERE p.email = 'staff@example.com'`))!;
    const [venue] = await rows<{ id: number }>(db, sql`SELECT id FROM venues WHERE institution_id = ${institutionId} AND seats >= 10 ORDER BY id LIMIT 1`);
    const created = await staff('POST', '/api/programs', {
      institutionId, venueId: venue!.id, title: TITLE, description: '동네 풍경을 수채화로 그립니다. 재료비가 포함된 수강료가 있습니다.',
      area: 'culture_arts', subcategory: 'everyday_arts', targetGroups: ['all'], mode: 'in_person', startsOn: addDays(today, 21),
      weekdays: ['thu'], startTime: '14:00', endTime: '16:00', sessionCount: 6, capacity: 12, feeKrw: 200_000,
    });
    expect(created.statusCode, created.body).toBe(201);
    programId = created.json().id;
  });
  afterAll(() => stage?.close());

  /** The session cookie of a demo account (apiAs sends only GET and POST; setting a programme up is a PUT). */
  async function loginCookie(email: string) {
    const login = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: DEMO_PASSWORD } });
    return `lc_session=${login.cookies.find((c) => c.name === 'lc_session')!.value}`;
  }

  it('enrols in the paid class and pays its fee with the voucher', async () => {
    await logIn(page, server.url, 'resident@example.com');
    await page.goto(`${server.url}/programs/${programId}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('button', { name: '신청하기', exact: true }).click();
    await page.getByRole('heading', { name: '평생교육이용권으로 내기' }).waitFor();
    await bothModes('enrolled, voucher offered');
    await page.getByRole('button', { name: '평생교육이용권으로 200,000원 내기' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '이용권으로 냈습니다' }).textContent()).toContain('잔액 150,000원');
    await bothModes('paid with the voucher');
  });

  it('cancels before the class starts and gets all of it back, as My learning shows', async () => {
    await page.getByRole('button', { name: '신청 취소', exact: true }).click();
    await page.getByRole('button', { name: '네, 취소합니다' }).click();
    await page.getByRole('button', { name: '신청하기', exact: true }).waitFor();
    await page.goto(`${server.url}/me`);
    const vouchers = page.getByRole('region', { name: '평생교육이용권' });
    await vouchers.getByText('350,000원').first().waitFor();
    await vouchers.getByRole('button', { name: '사용 내역' }).click();
    const ledger = page.getByRole('region', { name: '평생교육이용권 사용 내역' });
    await ledger.waitFor();
    const lines = await ledger.locator('tbody tr').allInnerTexts();
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/환불[\s\S]*전액[\s\S]*수채화로 그리는 우리 동네[\s\S]*\+200,000원/);
    expect(lines[1]).toMatch(/사용[\s\S]*−200,000원/);
    expect(lines[2]).toMatch(/발급[\s\S]*\+350,000원/);
    await bothModes('refunded, on My learning');
  });
});
