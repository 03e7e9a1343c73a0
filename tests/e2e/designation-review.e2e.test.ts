/**
 * Issue 9, the review, in a real browser: the ministry opens this year's review table, is refused a reviewer who
 * lives in the applying city's province (the conflict named) and assigns another; the reviewer, on a phone, finds the
 * assignment, scores every item with a comment, saves a draft, submits by keyboard and then reads the scores as
 * given; the ministry sees the scores side by side and decides, and the city's designation state follows. Korean
 * first, then the table in English; every screen checked with axe and at 390 px.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../db/seed/accounts.ts';
import { firstRow } from '../../src/server/platform/database/database.ts';
import { checkScreen, chromiumAvailable, logIn, openStage, type RunningServer, type Stage } from '../support/browser.ts';
import { yearInKorea } from '../support/clock.ts';
import { callInReview, endorsedApplication, newcomers } from '../support/review.ts';
import { hashPassword, identity, insertPerson } from '../../src/server/modules/identity/index.ts';

const year = yearInKorea();

describe.skipIf(!chromiumAvailable)('a reviewer scores and the ministry decides', () => {
  let stage: Stage;
  let server: RunningServer;
  let ministry: Page;
  let reviewer: Page;
  let city: { code: string; nameKo: string };
  let applicationId: number;

  beforeAll(async () => {
    stage = await openStage();
    ({ server } = stage);
    const db = server.database.db;
    const callId = await callInReview(db, year, { quota: 1, aggregation: 'mean' });
    [city] = await newcomers(db, '36', 1) as [{ code: string; nameKo: string }];
    applicationId = await endorsedApplication(db, { id: callId, year }, city.code, 1);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const appoint = async (email: string, displayName: string, homeCityCode: string) => {
      const personId = await insertPerson(db, { email, passwordHash, displayName, homeCityCode });
      await identity.insertRoleGrant(db, { personId, role: 'reviewer' });
      await db.execute(sql`INSERT INTO designation_experts (person_id, kind, affiliation, works_in_province_code) VALUES (${personId}, 'reviewer', '평생교육학회', '11')`);
    };
    await appoint('reviewer@example.com', '서심사', '11010');
    await appoint('reviewer.jeonnam@example.com', '남심사', city.code);
    [ministry, reviewer] = await Promise.all([stage.open('desktop', { acceptDownloads: true }), stage.open('phone')]);
  });
  afterAll(() => stage?.close());

  const cityName = () => `전남 ${city.nameKo}`;

  it('the ministry is refused a reviewer living in the province, and assigns another', async () => {
    await logIn(ministry, server.url, 'ministry@example.com');
    await ministry.goto(`${server.url}/designation/reviews`);
    await ministry.getByRole('link', { name: `${year}년 심사표` }).click();
    await ministry.getByRole('heading', { level: 1, name: `${year}년 공모 심사표` }).waitFor();
    await ministry.getByText('아직 종합 점수가 나온 신청서가 없습니다.').waitFor();
    await checkScreen(ministry, 'review', 'empty table');

    await ministry.getByRole('button', { name: `열기 (${cityName()})` }).click();
    await ministry.getByRole('heading', { name: `${cityName()} 심사 내용` }).waitFor();
    const who = ministry.getByLabel('심사위원', { exact: true });
    await who.selectOption({ label: '남심사 (평생교육학회) · 이 공모 0건 · 이해충돌: 같은 시·도 거주' });
    await ministry.getByRole('button', { name: '배정', exact: true }).click();
    await ministry.getByRole('alert').filter({ hasText: `남심사 심사위원은 전라남도에 살고 있어 같은 시·도의 ${cityName()} 신청서를 심사할 수 없습니다 (이해충돌).` }).waitFor();
    await who.selectOption({ label: '서심사 (평생교육학회) · 이 공모 0건' });
    await ministry.getByRole('button', { name: '배정', exact: true }).click();
    await ministry.getByText('배정했습니다. 심사위원에게 알렸습니다.').waitFor();
    await ministry.getByRole('row').filter({ hasText: cityName() }).getByText('서심사 시작 전 0/13').waitFor();
    await checkScreen(ministry, 'review', 'assigned');
  });

  it('the reviewer, on a phone, scores every item, saves a draft and submits by keyboard', async () => {
    await logIn(reviewer, server.url, 'reviewer@example.com');
    await reviewer.getByRole('link', { name: '심사', exact: true }).click();
    await reviewer.getByRole('heading', { level: 2, name: '내 심사' }).waitFor();
    await checkScreen(reviewer, 'review', 'my reviews');
    await reviewer.getByRole('link', { name: cityName() }).click();
    await reviewer.getByRole('heading', { level: 1, name: `${cityName()} 심사` }).waitFor();

    const first = reviewer.getByLabel('평생교육 조례와 단체장의 추진 의지 점수 (0~8점)');
    await first.fill('6.5');
    await reviewer.getByLabel('평생교육 조례와 단체장의 추진 의지 의견').fill('조례를 2023년에 개정해 전담 조직 근거를 마련함.');
    await reviewer.getByRole('button', { name: '임시 저장' }).click();
    await reviewer.getByText('저장했습니다.').waitFor();
    await reviewer.getByText('작성 중 · 1/13').waitFor();
    await checkScreen(reviewer, 'review', 'draft');

    const scores = reviewer.locator('input[type=number]');
    const count = await scores.count();
    expect(count).toBe(13);
    for (let i = 1; i < count; i++) {
      const input = scores.nth(i);
      const max = Number(await input.getAttribute('max'));
      await input.fill(String(Math.floor(max * 0.8)));
    }
    await reviewer.getByRole('button', { name: '심사 제출' }).focus();
    await reviewer.keyboard.press('Enter');
    await reviewer.getByRole('button', { name: '예, 제출합니다' }).focus();
    await reviewer.keyboard.press('Enter');
    await reviewer.getByText('제출했습니다.').waitFor();
    await reviewer.getByText('지금은 점수를 바꿀 수 없습니다: 제출한 심사는 바꿀 수 없습니다.').waitFor();
    expect(await reviewer.locator('input[type=number]').count()).toBe(0);
    await reviewer.getByText('조례를 2023년에 개정해 전담 조직 근거를 마련함.').waitFor();
    await reviewer.getByText('아직 제출한 다른 심사위원이 없습니다 (배정 0명).').waitFor();
    await checkScreen(reviewer, 'review', 'submitted');
  });

  it('the ministry sees the scores and decides; the city becomes designated', async () => {
    await ministry.reload();
    const row = ministry.getByRole('row').filter({ hasText: cityName() });
    const total = (await firstRow<{ total: number }>(server.database.db, sql`
      SELECT sum(score)::float8 AS total FROM review_scores s JOIN reviewer_assignments ra ON ra.id = s.assignment_id WHERE ra.application_id = ${applicationId}`))!.total;
    await row.getByText(`서심사 ${total}`).waitFor();
    await row.getByText('정원 내').waitFor();
    await ministry.getByText(`정원 1곳 기준선: 종합 ${total}점 이상 1곳`).waitFor();
    await ministry.getByRole('cell', { name: '6.5', exact: true }).first().waitFor();
    await ministry.getByText('서심사 의견').click();
    await ministry.getByText('조례를 2023년에 개정해 전담 조직 근거를 마련함.').waitFor();
    await checkScreen(ministry, 'review', 'scores side by side');

    // KRDS draws its own radio buttons, on the label: chosen the way a person does.
    const decision = ministry.getByRole('group', { name: '결정', exact: true });
    await decision.locator('label').filter({ hasText: /^지정$/ }).click();
    await expect.poll(() => decision.getByLabel('지정', { exact: true }).isChecked()).toBe(true);
    await ministry.getByLabel('사유 (도시에 공개)').fill('추진 체계와 예산이 탄탄하고 3개년 계획이 구체적입니다.');
    await ministry.getByRole('button', { name: '결정하기' }).click();
    await ministry.getByRole('button', { name: '예', exact: true }).click();
    await ministry.getByText('결정했습니다. 도시와 시·도 담당자에게 알렸습니다.').waitFor();
    await row.getByRole('cell', { name: '지정', exact: true }).waitFor();
    const state = await firstRow<{ state: string }>(server.database.db, sql`
      SELECT state FROM designation_transitions WHERE city_code = ${city.code} ORDER BY occurred_on DESC, id DESC LIMIT 1`);
    expect(state).toEqual({ state: 'designated' });
    await ministry.getByRole('button', { name: '결과 발표' }).waitFor();
    await checkScreen(ministry, 'review', 'decided');

    await ministry.getByRole('button', { name: 'English' }).click();
    await ministry.getByRole('heading', { level: 1, name: `The ${year} review table` }).waitFor();
    await ministry.getByRole('row').filter({ hasText: 'Within quota' }).getByRole('cell', { name: 'Designated', exact: true }).waitFor();
    await checkScreen(ministry, 'review', 'decided in English');
  });
});
