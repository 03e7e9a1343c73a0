/**
 * Issue 13, item 6, the officer's side in a real browser: Suncheon's officer sets up the city's own LearnFare
 * programme in the console (budget for two vouchers); the demo resident, 68 and living in Suncheon, applies on a
 * phone from My learning, beside two neighbours who apply too; the officer confirms all three, draws (the seed is
 * revealed), issues, and reads the statistics with groups under five hidden; the resident's page shows the outcome
 * the officer's list shows. Korean, axe in the normal and the high-contrast mode, 390 px for the resident.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../db/seed/accounts.ts';
import { hashPassword, insertPerson } from '../../src/server/modules/identity/index.ts';
import { addDays } from '../../src/shared/lib/schedule.ts';
import { apiAs, checkScreen, chromiumAvailable, highContrastViolations, logIn, openStage, type RunningServer, type Stage } from '../support/browser.ts';
import { todayInKorea } from '../support/clock.ts';

const CITY = '36030';
const YEAR = 2043;
const TITLE = `${YEAR}년 평생교육이용권`;
const JOURNEY = 'voucher-office';

describe.skipIf(!chromiumAvailable)('a city officer runs the city’s voucher programme from application to issue', () => {
  let stage: Stage;
  let server: RunningServer;
  let officer: Page;
  let resident: Page;

  const bothModes = async (page: Page, step: string) => {
    await checkScreen(page, JOURNEY, step);
    expect(await highContrastViolations(page), `${step} in high contrast`).toEqual([]);
  };

  beforeAll(async () => {
    stage = await openStage();
    ({ server } = stage);
    [officer, resident] = await Promise.all([stage.open('desktop'), stage.open('phone')]);
    const birthYear = Number(todayInKorea().slice(0, 4)) - 70;
    for (const [email, displayName] of [['neighbour.1@example.com', '오영자'], ['neighbour.2@example.com', '신말순']] as const) {
      await insertPerson(server.database.db, { email, passwordHash: await hashPassword(DEMO_PASSWORD), displayName, homeCityCode: CITY, birthYear });
    }
  });
  afterAll(() => stage?.close());

  it('the officer sets up the year’s programme in the console', async () => {
    await logIn(officer, server.url, 'officer.suncheon@example.com');
    await officer.goto(`${server.url}/cities/${CITY}/console/vouchers`);
    await officer.getByRole('heading', { level: 2, name: '평생교육이용권' }).waitFor();
    await officer.getByLabel('연도').fill(String(YEAR));
    await officer.getByText('이 해의 사업이 아직 없습니다. 아래에서 설정하세요.').waitFor();
    await officer.getByLabel('총예산 (원)').fill('700000');
    await officer.getByRole('button', { name: '사업 저장' }).click();
    await officer.getByRole('heading', { level: 2, name: TITLE }).waitFor();
    await officer.getByText('신청 0명 · 발급 0명 · 발급 가능 2명').waitFor();
    await bothModes(officer, 'programme set up');
  });

  it('the resident applies on a phone from My learning; two neighbours apply too', async () => {
    await logIn(resident, server.url, 'resident@example.com');
    await resident.goto(`${server.url}/me`);
    await resident.getByRole('button', { name: `${TITLE} 신청` }).click();
    const form = resident.getByRole('form', { name: `${TITLE} 신청` });
    await form.getByRole('button', { name: '신청' }).click();
    await form.getByText(/해당하는 지원 대상/).first().waitFor();
    await form.getByRole('checkbox', { name: '만 65세 이상' }).press('Space');
    await form.getByLabel('증빙 내용 (가진 증명서 등)').fill('주민등록증');
    await bothModes(resident, 'applying');
    await form.getByRole('button', { name: '신청' }).click();
    await resident.getByRole('region', { name: '평생교육이용권' }).getByRole('listitem').filter({ hasText: TITLE }).getByText('확인 대기').waitFor();
    await bothModes(resident, 'applied');
    for (const email of ['neighbour.1@example.com', 'neighbour.2@example.com']) {
      const neighbour = await apiAs(server, email);
      const applied = await neighbour('POST', `/api/cities/${CITY}/vouchers/${YEAR}/application`, { declaredGroups: ['over_65'], evidence: '경로우대증' });
      expect(applied.statusCode, applied.body).toBe(201);
    }
  });

  it('confirms the three, draws two from the revealed seed and issues; the statistics hide groups under five', async () => {
    await officer.reload();
    const applications = officer.getByRole('region', { name: '신청 목록' });
    for (const name of ['김순자', '오영자', '신말순']) {
      await applications.getByRole('button', { name: `${name} 자격 확인` }).click();
      await expect.poll(() => applications.getByRole('row').filter({ hasText: name }).getByRole('cell').nth(4).innerText()).toMatch(/^자격 확인/);
    }
    // Applications close before the draw; this one closes today, as if its last day had passed.
    await server.database.db.execute(sql`UPDATE voucher_programmes SET applications_close_on = ${addDays(todayInKorea(), -1)} WHERE city_code = ${CITY} AND year = ${YEAR}`);
    await officer.reload();
    await officer.getByRole('button', { name: '추첨하기' }).click();
    await officer.getByText('추첨했습니다: 2명 선정, 1명 미선정.').waitFor();
    await officer.getByText(/^공개된 씨앗값: [0-9a-f]{16,}$/).waitFor();
    await officer.getByRole('button', { name: '이용권 발급' }).click();
    await officer.getByText('2명에게 발급했습니다.').waitFor();
    const stats = officer.getByRole('region', { name: '시·군·구 × 대상별 통계' });
    await stats.getByRole('cell', { name: '5명 미만' }).first().waitFor();
    await bothModes(officer, 'drawn and issued');
  });

  it('the resident sees the outcome the officer’s list shows', async () => {
    const row = officer.getByRole('region', { name: '신청 목록' }).getByRole('row').filter({ hasText: '김순자' });
    const won = /\d+번째 · 선정/.test(await row.innerText());
    await resident.reload();
    const mine = resident.getByRole('region', { name: '평생교육이용권' });
    const ofTheProgramme = mine.getByRole('listitem').filter({ hasText: TITLE });
    await expect.poll(() => ofTheProgramme.filter({ hasText: '자격 확인' }).innerText()).toMatch(won ? /자격 확인 · 선정$/ : /자격 확인 · 추첨에서 뽑히지 않음$/);
    // Selected, she holds the voucher: its card shows the whole amount as the balance (it may come after the application's line).
    await expect.poll(() => ofTheProgramme.filter({ hasText: '잔액' }).count()).toBe(won ? 1 : 0);
    if (won) expect(await ofTheProgramme.filter({ hasText: '잔액' }).innerText()).toMatch(/잔액\s+350,000원/);
    await bothModes(resident, 'outcome');
  });
});
