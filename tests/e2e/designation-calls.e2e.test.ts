/**
 * Issue 9, the call, in a real browser: a ministry officer prepares next year's call in Korean (a timeline out
 * of order is named at its field; the rubric's points must come to 100, edited partly by keyboard), loses a race
 * with a colleague and reloads, publishes it, and appoints a reviewer. A visitor reads the call in English on a
 * phone; an eligible city's officer is shown the way to apply, a designated city's officer why it may not.
 * Every screen is checked with axe and at a phone's width.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../db/seed/accounts.ts';
import { firstRow } from '../../src/server/platform/database/database.ts';
import { hashPassword, identity, insertPerson } from '../../src/server/modules/identity/index.ts';
import {
  DESKTOP, PHONE, checkScreen, chromiumAvailable, launchBrowser, logIn, startServer, type RunningServer,
} from '../support/browser.ts';

describe.skipIf(!chromiumAvailable)('a ministry officer opens the yearly call', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let newCity: { code: string; nameKo: string };
  let year: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const db = server.database.db;
    newCity = (await firstRow<{ code: string; nameKo: string }>(db, sql`
      SELECT code, name_ko AS "nameKo" FROM municipalities WHERE code NOT IN (SELECT city_code FROM designation_transitions) ORDER BY code LIMIT 1`))!;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const officer = await insertPerson(db, { email: 'officer.new@example.com', passwordHash, displayName: '신청 담당자', homeCityCode: newCity.code });
    await identity.insertRoleGrant(db, { personId: officer, role: 'city_officer', cityCode: newCity.code });
    const colleague = await insertPerson(db, { email: 'ministry.two@example.com', passwordHash, displayName: '동료 사무관', homeCityCode: '11010' });
    await identity.insertRoleGrant(db, { personId: colleague, role: 'ministry_officer' });
    await insertPerson(db, { email: 'expert@example.com', passwordHash, displayName: '김심사', homeCityCode: '26010' });
    context = await browser.newContext({ viewport: DESKTOP, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('prepares the call in Korean: a timeline out of order and points that do not add up are named where they are', async () => {
    await logIn(page, server.url, 'ministry@example.com');
    await page.getByRole('navigation', { name: '메뉴', exact: true }).getByRole('link', { name: '지정 공모' }).click();
    await page.getByRole('heading', { level: 1, name: '평생학습도시 지정 공모' }).waitFor();
    await page.getByText('아직 공고된 공모가 없습니다.').waitFor();
    await checkScreen(page, 'calls', 'calls, none yet');

    await page.getByRole('link', { name: '새 공모 만들기' }).click();
    await page.getByRole('heading', { level: 1, name: '새 지정 공모 만들기' }).waitFor();
    year = await page.getByLabel('연도').inputValue();
    expect(await page.getByLabel('제목 (국문)').inputValue()).toBe(`${year}년 평생학습도시 지정 공모`);
    await page.getByLabel('공고문 (국문)').fill('평생학습도시 신규 지정 신청을 받습니다.\n\n시·군·구는 시·도를 거쳐 신청합니다.');
    await page.getByLabel('신규 지정 규모 (곳)').fill('12');
    await page.getByLabel('시·도 추천 마감').fill(`${year}-04-20T18:00`);
    await checkScreen(page, 'calls', 'new call form');
    await page.getByRole('button', { name: '공모 만들기' }).click();
    const endorsement = page.getByLabel('시·도 추천 마감');
    await page.getByText('시·도 추천 마감은 신청 마감보다 뒤여야 합니다.').waitFor();
    expect(await endorsement.getAttribute('aria-invalid')).toBe('true');
    await endorsement.fill(`${year}-05-21T18:00`);
    await page.getByRole('button', { name: '공모 만들기' }).click();

    await page.getByRole('heading', { level: 1, name: `${year}년 공모 고치기` }).waitFor();
    await page.getByText('첫 공모이므로 기본 심사 기준으로 시작했습니다.').waitFor();
    await checkScreen(page, 'calls', 'call editor');

    const total = page.getByRole('status').filter({ hasText: '배점 합계' });
    await expect.poll(() => total.textContent()).toBe('배점 합계: 100점 / 100점');
    await page.getByRole('group', { name: '항목 1-1' }).getByLabel('배점').fill('10');
    await expect.poll(() => total.textContent()).toBe('배점 합계: 102점 / 100점');
    await page.getByRole('button', { name: '심사 기준 저장' }).click();
    await page.getByRole('alert').filter({ hasText: '배점 합계가 102점입니다. 합계는 100점이어야 합니다.' }).waitFor();

    // By keyboard: correct the next item's points, add an item to the last area and take it away again.
    await page.getByRole('group', { name: '항목 1-2' }).getByLabel('배점').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('6');
    await expect.poll(() => total.textContent()).toBe('배점 합계: 100점 / 100점');
    await page.getByRole('button', { name: '영역 4에 항목 추가' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('group', { name: '항목 4-3' }).waitFor();
    await page.getByRole('button', { name: '항목 4-3 삭제' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('group', { name: '항목 4-3' }).count()).toBe(0);
    await page.getByRole('button', { name: '심사 기준 저장' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '저장했습니다.' }).waitFor();
  });

  it('refuses a save over a colleague’s newer one, and reloads it', async () => {
    const colleagueContext = await browser.newContext({ viewport: DESKTOP, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    try {
      const colleague = await colleagueContext.newPage();
      await logIn(colleague, server.url, 'ministry.two@example.com');
      await colleague.goto(`${server.url}/designation/calls/${year}/edit`);
      await colleague.getByLabel('공고문 (영문)').waitFor();

      await page.getByLabel('공고문 (영문)').fill('Applications for new designations are open.');
      const [saved] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(`/api/designation/calls/${year}`) && r.request().method() === 'PATCH'),
        page.getByRole('button', { name: '공모 저장' }).click(),
      ]);
      expect(saved.status()).toBe(200);
      await page.getByRole('status').filter({ hasText: '저장했습니다.' }).waitFor();

      await colleague.getByLabel('도시당 지원금 (원)').fill('60000000');
      await colleague.getByRole('button', { name: '공모 저장' }).click();
      await colleague.getByText('다른 담당자가 먼저 이 공모를 저장했습니다. 새로 불러와 바뀐 내용을 본 뒤 다시 고쳐 주세요.').waitFor();
      await colleague.getByRole('button', { name: '새로 불러오기' }).first().click();
      await expect.poll(() => colleague.getByLabel('공고문 (영문)').inputValue()).toBe('Applications for new designations are open.');
      expect(await colleague.getByLabel('도시당 지원금 (원)').inputValue()).toBe('80000000');
    } finally {
      await colleagueContext.close();
    }
  });

  it('publishes the call, after which only the timeline still ahead can change', async () => {
    await page.reload();
    await page.getByRole('button', { name: '공고하기' }).click();
    await page.getByText('공고하면 누구나 이 공모를 볼 수 있고').waitFor();
    await page.getByRole('button', { name: '네, 공고합니다' }).click();
    await page.getByText('공고했습니다. 신청할 수 있는 시·군·구와 시·도 담당자에게 알렸습니다.').waitFor();
    await page.getByText('상태: 공고').waitFor();
    expect(await page.getByLabel('신규 지정 규모 (곳)').isDisabled()).toBe(true);
    expect(await page.getByLabel('신청 마감').isDisabled()).toBe(false);
    await page.getByText('공고한 공모의 심사 기준은 바꿀 수 없습니다.').waitFor();
    await checkScreen(page, 'calls', 'published call editor');

    await page.getByRole('link', { name: '공모 보기' }).click();
    await page.getByRole('heading', { level: 1, name: `${year}년 평생학습도시 지정 공모` }).waitFor();
    await page.getByRole('heading', { name: /평생교육 조례와 단체장의 추진 의지|추진 의지와 기반/ }).first().waitFor();
    await page.getByText('12곳').waitFor();
    await checkScreen(page, 'calls', 'call page');
  });

  it('appoints a reviewer from registered people, naming an email nobody registered with', async () => {
    await page.goto(`${server.url}/designation`);
    await page.getByRole('link', { name: '심사위원·컨설턴트' }).click();
    await page.getByRole('heading', { level: 1, name: '심사위원·컨설턴트' }).waitFor();
    await page.getByText('위촉한 사람이 없습니다.').waitFor();
    const email = page.getByLabel('가입한 이메일');
    await email.fill('nobody@example.com');
    await page.getByRole('button', { name: '위촉하기' }).click();
    await page.getByText('이 이메일로 가입한 사람이 없습니다. 먼저 가입해 달라고 요청해 주세요.').waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');

    await email.fill('expert@example.com');
    await page.getByLabel('소속', { exact: true }).fill('부산대학교 평생교육원');
    await page.getByLabel('근무 시·도').selectOption({ label: '부산광역시' });
    await page.getByRole('button', { name: '위촉하기' }).click();
    await page.getByText('김심사 님을 심사위원(으)로 위촉했습니다.').waitFor();
    await page.getByRole('row', { name: /김심사/ }).getByRole('cell', { name: '부산광역시' }).waitFor();
    await checkScreen(page, 'calls', 'experts');
  });

  it('shows the call to a visitor in English on a phone, and each city officer whether their city may apply', async () => {
    const visitor = await browser.newContext({ viewport: PHONE, locale: 'en-GB', timezoneId: 'Asia/Seoul' });
    try {
      const phone = await visitor.newPage();
      await phone.goto(`${server.url}/designation/calls`);
      await phone.getByRole('button', { name: 'English' }).click();
      await phone.getByRole('link', { name: `The ${year} Lifelong Learning City designation call` }).click();
      await phone.getByRole('heading', { level: 1, name: `The ${year} Lifelong Learning City designation call` }).waitFor();
      await phone.getByText('Municipalities that are not learning cities now (nor potential ones).', { exact: false }).waitFor();
      await phone.getByRole('heading', { name: 'Rubric' }).waitFor();
      await checkScreen(phone, 'calls', 'call page in English');

      await logIn(phone, server.url, 'officer.new@example.com');
      await phone.goto(`${server.url}/designation/calls/${year}`);
      // A link to the call names it before the web app runs (for previews and search engines).
      expect(await phone.title()).toBe(`${year}년 평생학습도시 지정 공모 · 평생학습도시`);
      const notice = phone.getByRole('region', { name: /^Your municipality: / });
      await notice.getByText('May apply').waitFor();
      expect(await notice.getByRole('link', { name: 'Write the application' }).getAttribute('href')).toBe(`/cities/${newCity.code}/console/designation`);
      await checkScreen(phone, 'calls', 'call page for an eligible city');

      await phone.getByRole('button', { name: /Log out/ }).click();
      await logIn(phone, server.url, 'officer@example.com');
      await phone.goto(`${server.url}/designation/calls/${year}`);
      await phone.getByText('The city is already a designated learning city and cannot apply for a new designation.', { exact: false }).waitFor();
      expect(await phone.getByRole('link', { name: 'Write the application' }).count()).toBe(0);
    } finally {
      await visitor.close();
    }
  });
});
